import moment from 'moment';
// The ESM build's locale, registered on the same moment as the ESM build vite resolves 'moment' to.
import 'moment/dist/locale/sv';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline as VisTimeline, type DataItem, type DataGroup, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { formatPeriod } from '../dates';
import { hoursPerWeek } from './labels';
import { slotsText, timelineModel, weekEnd, type Bar, type Plan } from './model';
import './timeline.css';

/**
 * The shared plan drawn with vis-timeline: weeks across, a lane per agency, a bar per
 * activity (its hours and time slots on hover, and in the panel below on a tap or click),
 * and each conflict as a marked band over the weeks it affects in the lanes it involves.
 * Beside the drawing, the same plan as a list and the conflicts as text, for keyboards and
 * screen readers. `onDrawn` is called once the drawing for the current plan is on screen.
 */
export interface TimelineProps {
  plan: Plan;
  onDrawn?: () => void;
  /** Opens a conflict (by `PlanConflict.id`), to see its history and settle it; without it, the conflicts are only listed. */
  onOpenConflict?: (id: string) => void;
}

/** vis-timeline's dates, with Swedish month names and ISO week numbers (as `sv` counts them). */
const swedish = (date: moment.MomentInput) => moment(date).locale('sv');

function barItems(bars: Bar[]): DataItem[] {
  return bars.map((bar) => ({
    id: bar.activity.id,
    group: bar.lane,
    start: bar.start,
    end: bar.end,
    content: bar.label,
    title: bar.details,
    className: ['bar', `bar-${bar.lane.toLowerCase()}`, bar.inConflict ? 'bar-conflict' : '', bar.openEnded ? 'bar-open' : ''].join(' ').trim(),
  }));
}

export default function Timeline({ plan, onDrawn, onOpenConflict }: TimelineProps) {
  const container = useRef<HTMLDivElement>(null);
  const model = useMemo(() => timelineModel(plan), [plan]);
  const [selected, setSelected] = useState<Bar | null>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

  useEffect(() => {
    if (!container.current) return;
    const groups = new DataSet<DataGroup>(model.lanes.map((lane, order) => ({ id: lane.agency, content: lane.name, order })));
    // Each band says the conflict's state; its first week in its first lane says it in words too.
    const marks: DataItem[] = model.markers.flatMap((marker) =>
      marker.conflict.weeks.flatMap((week, w) =>
        marker.lanes.map((lane, l) => ({
          id: `konflikt:${marker.conflict.id}:${week}:${lane}`,
          group: lane,
          start: week,
          end: weekEnd(week),
          type: 'background' as const,
          content: w === 0 && l === 0 ? marker.state : '',
          title: `${marker.name}: ${marker.state}`,
          className: `conflict conflict-${marker.conflict.kind.toLowerCase()} conflict-state-${(marker.conflict.state ?? 'none').toLowerCase()}`,
        })),
      ),
    );
    const items = new DataSet<DataItem>([...barItems(model.bars), ...marks]);
    const options: TimelineOptions = {
      locale: 'sv',
      moment: swedish,
      start: model.start,
      end: model.end,
      min: model.start,
      max: model.end,
      zoomable: false,
      moveable: false,
      selectable: true,
      stack: true,
      orientation: 'top',
      showCurrentTime: true,
      groupOrder: 'order',
      timeAxis: { scale: 'week', step: 1 },
      format: { minorLabels: { week: 'w' }, majorLabels: { week: 'MMMM YYYY' } },
      tooltip: { followMouse: true, overflowMethod: 'cap' },
      // Room above and below each bar, so a conflict's band shows in every lane it touches.
      margin: { item: { horizontal: 0, vertical: 12 }, axis: 8 },
      onInitialDrawComplete: () => drawn.current?.(),
    };
    const timeline = new VisTimeline(container.current, items, groups, options);
    const byId = new Map(model.bars.map((bar) => [bar.activity.id, bar]));
    // vis-timeline shows itself on the first redraw after its window is set, which it otherwise
    // leaves to the next tick of its clock line, up to a second later: ask for that redraw now.
    const settle = () => {
      timeline.off('rangechanged', settle);
      timeline.redraw();
    };
    timeline.on('rangechanged', settle);
    timeline.on('select', ({ items: chosen }: { items: string[] }) => setSelected(byId.get(chosen[0]) ?? null));
    return () => timeline.destroy();
  }, [model]);

  const empty = model.bars.length === 0 && model.markers.length === 0;
  return (
    <div className="timeline">
      {empty && <p data-testid="no-activities">Inga aktiviteter som du kan se under de här veckorna.</p>}
      <div
        ref={container}
        hidden={empty}
        className="timeline-drawing"
        data-testid="timeline"
        role="img"
        aria-label={`Tidslinje över ${model.weeks.length} veckor med ${model.bars.length} aktiviteter och ${model.markers.length} konflikter; samma uppgifter finns som lista nedan.`}
      />
      <div aria-live="polite" className="timeline-selected" data-testid="selected-activity">
        {selected ? (
          <p>
            <strong>{selected.activity.title}</strong>
            {selected.activity.provider ? ` – ${selected.activity.provider}` : ''}: {hoursPerWeek(selected.activity.hoursPerWeek)},{' '}
            {slotsText(selected.activity)}. {formatPeriod(selected.activity.startDate, selected.activity.endDate)}.
          </p>
        ) : (
          <p className="hint">Peka på en aktivitet för timmar och tider, eller tryck på den.</p>
        )}
      </div>
      <h3>Konflikter</h3>
      {model.markers.length === 0 ? (
        <p data-testid="no-conflicts">Inga konflikter i planen för de här veckorna.</p>
      ) : (
        <ul className="conflicts" data-testid="conflicts">
          {model.markers.map((marker) => (
            <li key={marker.conflict.id} data-conflict-kind={marker.conflict.kind} data-conflict-id={marker.conflict.id} data-conflict-state={marker.conflict.state ?? ''}>
              <strong>{marker.name}</strong> <span className={`state state-${(marker.conflict.state ?? 'none').toLowerCase()}`}>{marker.state}</span> (veckorna{' '}
              {marker.conflict.weeks.map((w) => `v. ${swedish(w).format('w')}`).join(', ')}): {marker.conflict.message}{' '}
              {onOpenConflict && (
                <button type="button" className="link" onClick={() => onOpenConflict(marker.conflict.id)}>
                  Öppna<span className="visually-hidden"> konflikten {marker.name.toLowerCase()}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="timeline-list">
        <summary>Planen som lista</summary>
        <table>
          <caption>Aktiviteter per myndighet</caption>
          <thead>
            <tr>
              <th scope="col">Myndighet</th>
              <th scope="col">Aktivitet</th>
              <th scope="col">Period</th>
              <th scope="col">Timmar</th>
              <th scope="col">Tider</th>
            </tr>
          </thead>
          <tbody>
            {model.lanes.flatMap((lane) =>
              model.bars
                .filter((bar) => bar.lane === lane.agency)
                .map((bar) => (
                  <tr key={bar.activity.id} data-lane={lane.agency}>
                    <td>{lane.name}</td>
                    <td>{bar.activity.title}</td>
                    <td>{formatPeriod(bar.activity.startDate, bar.activity.endDate)}</td>
                    <td>{hoursPerWeek(bar.activity.hoursPerWeek)}</td>
                    <td>{slotsText(bar.activity)}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </details>
    </div>
  );
}
