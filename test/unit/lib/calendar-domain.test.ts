import { addMonths, addWorkingDays, ageOn, mondayOf, parseDate, parseDateTime, parseMonth } from '../../../lib/scalars/calendar';
import { infoMeetingAudience, infoMeetingTime, isNewlyArrived, jobbgarantiDeadline, jobbgarantiStatus, reportingGroupOf, targetGroupOf } from '../../../lib/domain';

describe('calendar', () => {
  it('parses real dates and months only', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(() => parseDate('2023-02-29')).toThrow(/not a day/);
    expect(() => parseDate('2023-2-1')).toThrow(/YYYY-MM-DD/);
    expect(parseMonth('2026-11')).toBe('2026-11');
    expect(() => parseMonth('2026-13')).toThrow(/YYYY-MM/);
  });

  it('wants a time zone on an instant', () => {
    expect(parseDateTime('2026-03-01T09:30:00+01:00').toISOString()).toBe('2026-03-01T08:30:00.000Z');
    expect(() => parseDateTime('2026-03-01T09:30:00')).toThrow(/time zone/);
  });

  it('counts working days past weekends', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday → next Monday
  });

  it('knows ages, months and weeks', () => {
    expect(ageOn('2002-11-24', '2026-11-23')).toBe(23);
    expect(ageOn('2002-11-23', '2026-11-23')).toBe(24);
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});

describe('domain rules', () => {
  const base = { enrolledOn: '2026-03-02', needReason: 'UNEMPLOYMENT' as const, newlyArrivedRefugee: false, studiesSfi: false };

  it.each([
    [{ ...base, birthDate: '2005-01-01' }, 'YOUTH'],
    [{ ...base, birthDate: '1980-01-01', newlyArrivedRefugee: true }, 'REFUGEE'],
    [{ ...base, birthDate: '1980-01-01', needReason: 'OTHER_REASONS' as const }, 'RESURS'],
    [{ ...base, birthDate: '1980-01-01', studiesSfi: true }, 'SFI_STUDENT'],
    [{ ...base, birthDate: '1980-01-01' }, 'UNEMPLOYED'],
  ])('target group of %o is %s', (input, expected) => {
    expect(targetGroupOf(input)).toBe(expected);
  });

  it('reports refugees as refugees, the young as youth, the rest as over 24', () => {
    expect(reportingGroupOf('REFUGEE', '2004-01-01', '2026-01-01')).toBe('NEWLY_ARRIVED_REFUGEE');
    expect(reportingGroupOf('YOUTH', '2004-01-01', '2026-01-01')).toBe('YOUTH_16_24');
    expect(reportingGroupOf('RESURS', '2001-01-02', '2026-01-01')).toBe('YOUTH_16_24'); // 24 on the day
    expect(reportingGroupOf('RESURS', '2001-01-01', '2026-01-01')).toBe('OTHER_OVER_24'); // 25 on the day
  });

  it('gives the jobbgaranti five working days and judges it', () => {
    expect(jobbgarantiDeadline('2026-11-20')).toBe('2026-11-27');
    expect(jobbgarantiStatus('2026-11-27', '2026-11-27', '2026-12-01')).toBe('KEPT');
    expect(jobbgarantiStatus('2026-11-27', '2026-11-28', '2026-12-01')).toBe('BREACHED');
    expect(jobbgarantiStatus('2026-11-27', null, '2026-11-27')).toBe('PENDING');
    expect(jobbgarantiStatus('2026-11-27', null, '2026-11-28')).toBe('BREACHED');
  });

  it('counts a person as newly arrived for three years after reception', () => {
    expect(isNewlyArrived('2023-11-23', '2026-11-22')).toBe(true);
    expect(isNewlyArrived('2023-11-23', '2026-11-23')).toBe(false);
    expect(isNewlyArrived('2026-12-01', '2026-11-23')).toBe(false);
    expect(isNewlyArrived(null, '2026-11-23')).toBe(false);
  });

  it('holds info meetings at Stockholm time, summer and winter', () => {
    expect(infoMeetingTime('2026-11-23', 'ADULTS')).toEqual({ day: '2026-11-24', startsAtUtc: '2026-11-24 08:00:00' });
    expect(infoMeetingTime('2026-06-01', 'YOUTH')).toEqual({ day: '2026-06-04', startsAtUtc: '2026-06-04 11:00:00' });
  });

  it('sends youth and adults to their own meeting, and someone turning 25 mid-week to none', () => {
    expect(infoMeetingAudience('2000-01-01', '2026-11-23')).toBe('ADULTS');
    expect(infoMeetingAudience('2005-01-01', '2026-11-23')).toBe('YOUTH');
    // 24 on Tuesday the 24th, 25 on Thursday the 26th.
    expect(infoMeetingAudience('2001-11-25', '2026-11-23')).toBeNull();
  });
});
