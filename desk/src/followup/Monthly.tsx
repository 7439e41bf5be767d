import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { graphql } from '../gql';
import type { FollowUpMonthlyQuery, ReportingGroup } from '../gql/graphql';
import { CsvDownload } from './CsvDownload';
import { csvFigure, FigureCell, plotted, SuppressionNote, type Figure } from './figures';
import { GROUP_ORDER, REPORTING_GROUPS, SERIES_COLOURS } from './labels';

const FollowUpMonthly = graphql(`
  query FollowUpMonthly($from: Month!, $to: Month!) {
    followUp(filter: { from: $from, to: $to }, groupBy: [MONTH, REPORTING_GROUP]) {
      id
      suppressionThreshold
      cells {
        id
        month
        reportingGroup
        enrolled { value suppressed }
        newlyEnrolled { value suppressed }
        closed { value suppressed }
      }
    }
  }
`);

type Cell = FollowUpMonthlyQuery['followUp']['cells'][number];
type Measure = 'enrolled' | 'newlyEnrolled' | 'closed';

const MEASURES: Record<Measure, string> = {
  enrolled: 'Inskrivna',
  newlyEnrolled: 'Nyinskrivna',
  closed: 'Avslutade',
};

/** The monthly figures per reporting group: one line per group, the measure chosen. */
export function Monthly({ from, to }: { from: string; to: string }) {
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('enrolled');
  const [result, refetch] = useQuery({ query: FollowUpMonthly, variables: { from, to } });
  const report = result.data?.followUp;
  const months = [...new Set(report?.cells.map((c) => c.month!) ?? [])].sort();
  const cellOf = new Map<string, Cell>(report?.cells.map((c) => [`${c.month}|${c.reportingGroup}`, c]) ?? []);
  const figure = (month: string, group: ReportingGroup): Figure | undefined => cellOf.get(`${month}|${group}`)?.[measure];
  const chart = months.map((month) => ({ month, ...Object.fromEntries(GROUP_ORDER.map((g) => [g, plotted(figure(month, g))])) }));
  const header = ['Månad', ...GROUP_ORDER.map((g) => `${REPORTING_GROUPS[g]}: ${MEASURES[measure].toLowerCase()}`)];
  const rows = months.map((month) => [month, ...GROUP_ORDER.map((g) => csvFigure(figure(month, g)))]);

  return (
    <section aria-labelledby={`${id}-heading`} className="figure-section">
      <h2 id={`${id}-heading`}>Per månad och rapporteringsgrupp</h2>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <label>
        Mått{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value as Measure)} data-testid="monthly-measure">
          {Object.entries(MEASURES).map(([value, name]) => (
            <option key={value} value={value}>{name}</option>
          ))}
        </select>
      </label>
      {report && (
        <>
          <div className="chart" role="img" aria-label={`Linjediagram: ${MEASURES[measure].toLowerCase()} per månad och rapporteringsgrupp; siffrorna finns i tabellen nedan.`}>
            <ResponsiveContainer width="100%" height={280}>
              <LineChart data={chart} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {GROUP_ORDER.map((group, i) => (
                  <Line key={group} type="monotone" dataKey={group} name={REPORTING_GROUPS[group]} stroke={SERIES_COLOURS[i]} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table data-testid="monthly-table">
            <caption>{MEASURES[measure]} per månad och rapporteringsgrupp</caption>
            <thead>
              <tr>
                <th scope="col">Månad</th>
                {GROUP_ORDER.map((g) => (
                  <th scope="col" key={g}>{REPORTING_GROUPS[g]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month} data-month={month}>
                  <th scope="row">{month}</th>
                  {GROUP_ORDER.map((g) => (
                    <FigureCell key={g} figure={figure(month, g)} kind="count" />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <SuppressionNote threshold={report.suppressionThreshold} />
          <CsvDownload filename={`uppfoljning-${measure}-${from}-${to}.csv`} header={header} rows={rows} label="tabellen" />
        </>
      )}
    </section>
  );
}
