/**
 * A figure of the follow-up as the API gives it: a value, or suppressed because it rests on
 * too few people to show without pointing someone out. A suppressed figure is never drawn as
 * a zero: the chart leaves a gap and the table says "skyddad".
 */

export interface Figure {
  value?: number | null;
  suppressed: boolean;
}

/** What the chart draws: the value, or nothing for a suppressed or missing one. */
export function plotted(figure: Figure | undefined): number | null {
  return figure && !figure.suppressed && figure.value !== null && figure.value !== undefined ? figure.value : null;
}

const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

export type FigureKind = 'count' | 'share' | 'average';

export function formatFigure(figure: Figure | undefined, kind: FigureKind): string {
  if (!figure) return '–';
  if (figure.suppressed) return 'skyddad';
  if (figure.value === null || figure.value === undefined) return '–';
  return kind === 'share' ? percent.format(figure.value) : kind === 'average' ? oneDecimal.format(figure.value) : whole.format(figure.value);
}

/** The same figure for a CSV file: the raw value, or the word for a suppressed one. */
export function csvFigure(figure: Figure | undefined): string {
  if (!figure) return '';
  if (figure.suppressed) return 'skyddad';
  return figure.value === null || figure.value === undefined ? '' : String(figure.value);
}

/** A table cell holding a figure; `data-value` carries the API's number as it came. */
export function FigureCell({ figure, kind }: { figure: Figure | undefined; kind: FigureKind }) {
  const suppressed = figure?.suppressed ?? false;
  return (
    <td
      className={suppressed ? 'suppressed' : 'figure'}
      data-value={figure && !suppressed ? String(figure.value ?? '') : undefined}
      data-suppressed={suppressed || undefined}
    >
      {formatFigure(figure, kind)}
      {suppressed && <sup aria-hidden="true">*</sup>}
    </td>
  );
}

export function SuppressionNote({ threshold }: { threshold: number }) {
  return (
    <p className="note" data-testid="suppression-note">
      * Skyddad: uppgiften vilar på 1–{threshold - 1} personer och visas därför inte, så att ingen enskild kan pekas ut.
      I diagrammet lämnas den tom, aldrig som noll.
    </p>
  );
}
