import { useId, useState } from 'react';
import { addMonths, today } from '../dates';
import { Districts } from './Districts';
import { IncomeSupport } from './IncomeSupport';
import { Monthly } from './Monthly';

/**
 * Follow-up for the city's analyst: over a chosen period of whole months, the monthly
 * figures per reporting group, the districts side by side, and the income-support
 * recipients who went to work. Each as a chart and as the table it is drawn from, with a
 * CSV download of that table.
 */
export default function FollowUp() {
  const id = useId();
  const lastMonth = addMonths(today().slice(0, 7), -1);
  const [from, setFrom] = useState(addMonths(lastMonth, -11));
  const [to, setTo] = useState(lastMonth);
  const period = from <= to ? { from, to } : { from: to, to: from };
  return (
    <>
      <h1>Uppföljning</h1>
      <form className="period" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-period`}>
        <p id={`${id}-period`}>Period, hela månader:</p>
        <label>
          Från
          <input type="month" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} data-testid="period-from" />
        </label>
        <label>
          Till
          <input type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} data-testid="period-to" />
        </label>
      </form>
      <Monthly {...period} />
      <Districts {...period} />
      <IncomeSupport {...period} />
    </>
  );
}
