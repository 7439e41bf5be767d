import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type YAxisProps } from 'recharts';

/**
 * One bar chart of the follow-up, drawn the same way everywhere: a bar series per measure,
 * no animation (the figures are read, not watched), and a text alternative that points to
 * the table the chart is drawn from.
 */
export interface Series {
  key: string;
  name: string;
  colour: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

export interface BarFigureProps {
  label: string;
  data: Record<string, unknown>[];
  /** The category along the axis, e.g. `month` or `district`. */
  category: string;
  series: Series[];
  /** Long names (the districts) are set at a slant so every one shows. */
  slanted?: boolean;
  yAxis?: YAxisProps;
  height?: number;
}

export function BarFigure({ label, data, category, series, slanted = false, yAxis = { allowDecimals: false }, height = 300 }: BarFigureProps) {
  return (
    <div className="chart" role="img" aria-label={`${label}; siffrorna finns i tabellen nedan.`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: slanted ? 48 : 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {slanted ? <XAxis dataKey={category} angle={-35} textAnchor="end" interval={0} height={60} /> : <XAxis dataKey={category} />}
          <YAxis {...yAxis} />
          <Tooltip />
          <Legend verticalAlign="top" />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stackId={s.stack} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
