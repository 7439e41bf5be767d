import {
  birthDateOf,
  isSamordningsnummer,
  luhnValid,
  makePersonnummer,
  parsePersonnummer,
  PersonnummerError,
} from '../../../lib/scalars/personnummer';

const today = new Date('2026-11-23T12:00:00Z');

describe('parsePersonnummer', () => {
  it.each([
    ['199001011239', '199001011239'],
    ['19900101-1239', '199001011239'],
    ['900101-1239', '199001011239'],
    ['  900101-1239 ', '199001011239'],
    ['9001011239', '199001011239'],
    // '+' marks 100 years or older: 1920, not 2020
    ['201231+1235', '192012311235'],
    // a 10-digit number whose year is this year or earlier in this century
    ['120101-1234', '201201011234'],
    // samordningsnummer: day + 60
    ['19900161-1236', '199001611236'],
    ['900161-1236', '199001611236'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parsePersonnummer(input, today)).toBe(expected);
  });

  it.each([
    ['199001011238', /check digit/],
    ['19900230-1234', /date of birth that does not exist/],
    ['19901301-1234', /date of birth/],
    ['19900192-1234', /date of birth/], // samordningsnummer day 32
    ['199001011', /must be 12 digits/],
    ['abcdefghijkl', /must be 12 digits/],
    ['19900101+1239', /must be 12 digits/], // '+' belongs to the 10-digit form only
    ['', /must be 12 digits/],
  ])('refuses %s', (input, reason) => {
    expect(() => parsePersonnummer(input, today)).toThrow(PersonnummerError);
    expect(() => parsePersonnummer(input, today)).toThrow(reason);
  });

  it('never echoes the value in its message', () => {
    try {
      parsePersonnummer('199001011238', today);
    } catch (error) {
      expect((error as Error).message).not.toContain('1990');
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(parsePersonnummer(makePersonnummer('2000-02-29', 123), today)).toMatch(/^20000229/);
    expect(() => parsePersonnummer('19000229-1234', today)).toThrow(/does not exist/);
  });
});

describe('makePersonnummer', () => {
  it('makes numbers that pass the check and read back their birth date', () => {
    for (const [date, serial, coordination] of [
      ['1985-07-14', 42, false],
      ['2003-12-31', 999, false],
      ['1979-02-28', 1, true],
    ] as const) {
      const pnr = makePersonnummer(date, serial, coordination);
      expect(parsePersonnummer(pnr, today)).toBe(pnr);
      expect(birthDateOf(pnr)).toBe(date);
      expect(isSamordningsnummer(pnr)).toBe(coordination);
    }
  });
});

describe('luhnValid', () => {
  it('matches Skatteverket’s example 811218-9876', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
  });
});
