/**
 * The desk writes days and instants as the browser's language does, Swedish when the
 * browser names none; instants in Stockholm's time, days never moved by a time zone.
 */

type Dates = typeof import('../../../desk/src/dates');

/** The desk's dates module as loaded in a browser whose language is `language` (none: undefined). */
function datesIn(language: string | undefined): Dates {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: language === undefined ? undefined : { language }, configurable: true });
  try {
    let loaded: Dates | undefined;
    jest.isolateModules(() => {
      loaded = require('../../../desk/src/dates');
    });
    return loaded!;
  } finally {
    if (had) Object.defineProperty(globalThis, 'navigator', had);
    else delete (globalThis as { navigator?: unknown }).navigator;
  }
}

describe('the desk’s dates', () => {
  it('are Swedish where the browser names no language', () => {
    const { formatDate, formatDateTime, formatPeriod } = datesIn(undefined);
    expect(formatDate('2026-12-04')).toBe('4 dec. 2026');
    // 13:00 UTC is 14:00 in Stockholm in winter.
    expect(formatDateTime('2026-12-04T13:00:00Z')).toBe('4 dec. 2026 14:00');
    expect(formatPeriod('2026-12-04', null)).toBe('4 dec. 2026–tills vidare');
  });

  it('follow the browser’s language', () => {
    const { formatDate, formatDateTime } = datesIn('en-GB');
    expect(formatDate('2026-12-04')).toBe('4 Dec 2026');
    expect(formatDateTime('2026-12-04T13:00:00Z')).toBe('4 Dec 2026, 14:00');
    expect(datesIn('en-US').formatDate('2026-12-04')).toBe('Dec 4, 2026');
  });

  it('keep a calendar day whatever the time zone', () => {
    // The first and the last day of a year are where a time-zone shift would show.
    const { formatDate } = datesIn('sv-SE');
    expect(formatDate('2027-01-01')).toBe('1 jan. 2027');
    expect(formatDate('2026-12-31')).toBe('31 dec. 2026');
  });

  it('are Swedish where the browser names something that is no language, or one Intl does not know', () => {
    expect(datesIn('xx-invalid-language-tag-!').formatDate('2026-12-04')).toBe('4 dec. 2026');
    expect(datesIn('qaa').formatDate('2026-12-04')).toBe('4 dec. 2026');
  });
});
