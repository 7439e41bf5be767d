import { useId } from 'react';
import { useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { graphql } from '../gql';
import { BarFigure } from './BarFigure';
import { CsvDownload } from './CsvDownload';
import { csvFigure, FigureCell, plotted, type Figure } from './figures';
import { SERIES_COLOURS } from './labels';

const IncomeSupportToWork = graphql(`
  query IncomeSupportToWork($from: Month!, $to: Month!) {
    incomeSupportToWork(filter: { from: $from, to: $to }, groupBy: [MONTH]) {
      id
      cells {
        month
        recipients { value suppressed }
        wentToWork { count of value suppressed }
        backOnIncomeSupportWithinSixMonths { count of value suppressed }
      }
    }
  }
`);

const count = (share: { count?: number | null; suppressed: boolean }): Figure => ({ value: share.count, suppressed: share.suppressed });

/** How many income-support recipients went to work, per month, and how many came back. */
export function IncomeSupport({ from, to }: { from: string; to: string }) {
  const id = useId();
  const [result, refetch] = useQuery({ query: IncomeSupportToWork, variables: { from, to } });
  const cells = [...(result.data?.incomeSupportToWork.cells ?? [])].sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''));
  const chart = cells.map((c) => ({ month: c.month, wentToWork: plotted(count(c.wentToWork)), back: plotted(count(c.backOnIncomeSupportWithinSixMonths)) }));
  const header = ['Månad', 'Mottagare av försörjningsstöd', 'Gick till arbete', 'Åter på försörjningsstöd inom sex månader'];
  const rows = cells.map((c) => [c.month ?? '', csvFigure(c.recipients), csvFigure(count(c.wentToWork)), csvFigure(count(c.backOnIncomeSupportWithinSixMonths))]);

  return (
    <section aria-labelledby={`${id}-heading`} className="figure-section">
      <h2 id={`${id}-heading`}>Från försörjningsstöd till arbete</h2>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.data && (
        <>
          <BarFigure
            label="Stapeldiagram: mottagare av försörjningsstöd som gick till arbete per månad, och hur många som var tillbaka inom sex månader"
            data={chart}
            category="month"
            height={280}
            series={[
              { key: 'wentToWork', name: 'Gick till arbete', colour: SERIES_COLOURS[2] },
              { key: 'back', name: 'Åter på stöd inom 6 mån.', colour: SERIES_COLOURS[4] },
            ]}
          />
          <table data-testid="income-support-table">
            <caption>Mottagare av försörjningsstöd som gick till arbete, per månad</caption>
            <thead>
              <tr>
                {header.map((h) => (
                  <th scope="col" key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={c.month} data-month={c.month}>
                  <th scope="row">{c.month}</th>
                  <FigureCell figure={c.recipients} kind="count" />
                  <FigureCell figure={count(c.wentToWork)} kind="count" />
                  <FigureCell figure={count(c.backOnIncomeSupportWithinSixMonths)} kind="count" />
                </tr>
              ))}
            </tbody>
          </table>
          <CsvDownload filename={`forsorjningsstod-till-arbete-${from}-${to}.csv`} header={header} rows={rows} label="tabellen" />
        </>
      )}
    </section>
  );
}
