import { useId } from 'react';
import { useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { graphql } from '../gql';
import type { FollowUpDistrictsQuery, InterventionKind } from '../gql/graphql';
import { BarFigure } from './BarFigure';
import { CsvDownload } from './CsvDownload';
import { csvFigure, FigureCell, plotted, SuppressionNote, type Figure, type FigureKind } from './figures';
import { INTERVENTION_KINDS } from '../labels';
import { SERIES_COLOURS } from './labels';

const FollowUpDistricts = graphql(`
  query FollowUpDistricts($from: Month!, $to: Month!) {
    followUp(filter: { from: $from, to: $to }, groupBy: [DISTRICT]) {
      id
      suppressionThreshold
      cells {
        id
        districtCode
        district { name }
        jobbgarantiKept { count of value suppressed }
        daysToFirstPlan { value of suppressed }
        closedToWorkOrStudiesWithinThreeMonths { count of value suppressed }
        interventionsByKind { kind people { count of value suppressed } }
      }
    }
  }
`);

type Cell = FollowUpDistrictsQuery['followUp']['cells'][number];

/** The likställighet measures, one column each. */
const MEASURES: { key: string; name: string; kind: FigureKind; of: (cell: Cell) => Figure }[] = [
  { key: 'jobbgarantiKept', name: 'Jobbgarantin hållen', kind: 'share', of: (c) => c.jobbgarantiKept },
  { key: 'daysToFirstPlan', name: 'Dagar till första plan (medel)', kind: 'average', of: (c) => c.daysToFirstPlan },
  { key: 'closedToWork', name: 'Till arbete eller studier inom tre månader', kind: 'share', of: (c) => c.closedToWorkOrStudiesWithinThreeMonths },
];

const KINDS = Object.keys(INTERVENTION_KINDS) as InterventionKind[];

function interventions(cell: Cell, kind: InterventionKind): Figure | undefined {
  const use = cell.interventionsByKind.find((u) => u.kind === kind)?.people;
  return use ? { value: use.count, suppressed: use.suppressed } : undefined;
}

/** The districts side by side: what each measure is in each district, and the interventions they use. */
export function Districts({ from, to }: { from: string; to: string }) {
  const id = useId();
  const [result, refetch] = useQuery({ query: FollowUpDistricts, variables: { from, to } });
  const report = result.data?.followUp;
  const cells = [...(report?.cells ?? [])].sort((a, b) => (a.district?.name ?? '').localeCompare(b.district?.name ?? '', 'sv'));
  const name = (c: Cell) => c.district?.name ?? c.districtCode ?? '–';
  const shares = cells.map((c) => ({
    district: name(c),
    jobbgarantiKept: share(plotted(c.jobbgarantiKept)),
    closedToWork: share(plotted(c.closedToWorkOrStudiesWithinThreeMonths)),
  }));
  const days = cells.map((c) => ({ district: name(c), daysToFirstPlan: plotted(c.daysToFirstPlan) }));
  const kinds = cells.map((c) => ({ district: name(c), ...Object.fromEntries(KINDS.map((k) => [k, plotted(interventions(c, k))])) }));
  const header = ['Stadsdel', ...MEASURES.map((m) => m.name), ...KINDS.map((k) => `Insats: ${INTERVENTION_KINDS[k]} (personer)`)];
  const rows = cells.map((c) => [name(c), ...MEASURES.map((m) => csvFigure(m.of(c))), ...KINDS.map((k) => csvFigure(interventions(c, k)))]);

  return (
    <section aria-labelledby={`${id}-heading`} className="figure-section">
      <h2 id={`${id}-heading`}>Stadsdelarna sida vid sida</h2>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {report && (
        <>
          <div className="charts">
            <BarFigure
              label="Stapeldiagram: jobbgarantin hållen och till arbete eller studier inom tre månader, i procent per stadsdel"
              data={shares}
              category="district"
              slanted
              yAxis={{ unit: ' %', domain: [0, 100] }}
              series={[
                { key: 'jobbgarantiKept', name: 'Jobbgarantin hållen', colour: SERIES_COLOURS[0] },
                { key: 'closedToWork', name: 'Till arbete/studier inom 3 mån.', colour: SERIES_COLOURS[1] },
              ]}
            />
            <BarFigure
              label="Stapeldiagram: dagar till första plan i medel per stadsdel"
              data={days}
              category="district"
              slanted
              yAxis={{}}
              series={[{ key: 'daysToFirstPlan', name: 'Dagar till första plan', colour: SERIES_COLOURS[2] }]}
            />
            <BarFigure
              label="Staplat stapeldiagram: personer per insatsslag och stadsdel"
              data={kinds}
              category="district"
              slanted
              height={320}
              series={KINDS.map((k, i) => ({ key: k, name: INTERVENTION_KINDS[k], colour: SERIES_COLOURS[i], stack: 'kinds' }))}
            />
          </div>
          <div className="table-scroll">
            <table data-testid="districts-table">
              <caption>Stadsdelarna sida vid sida, {from}–{to}</caption>
              <thead>
                <tr>
                  <th scope="col">Stadsdel</th>
                  {MEASURES.map((m) => (
                    <th scope="col" key={m.key}>{m.name}</th>
                  ))}
                  {KINDS.map((k) => (
                    <th scope="col" key={k}>{INTERVENTION_KINDS[k]} (personer)</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.id} data-district={c.districtCode ?? ''}>
                    <th scope="row">{name(c)}</th>
                    {MEASURES.map((m) => (
                      <FigureCell key={m.key} figure={m.of(c)} kind={m.kind} />
                    ))}
                    {KINDS.map((k) => (
                      <FigureCell key={k} figure={interventions(c, k)} kind="count" />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SuppressionNote threshold={report.suppressionThreshold} />
          <CsvDownload filename={`stadsdelar-${from}-${to}.csv`} header={header} rows={rows} label="tabellen" />
        </>
      )}
    </section>
  );
}

function share(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}
