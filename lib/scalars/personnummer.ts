/**
 * Swedish personal identity numbers (personnummer, Skatteverket SKV 704) and
 * coordination numbers (samordningsnummer, SKV 707): parsing, validation and
 * normalisation to the 12-digit form `YYYYMMDDNNNN` that every subgraph stores.
 */

/** Why a string is not a personnummer; the text is safe to show a caller (it never echoes the value). */
export class PersonnummerError extends Error {}

const TWELVE = /^(\d{4})(\d{2})(\d{2})-?(\d{4})$/;
const TEN = /^(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/** The Luhn check over the ten digits YYMMDDNNN + check digit. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `nineDigits` + digit pass the Luhn check. */
export function luhnCheckDigit(nineDigits: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(nineDigits + d)) return d;
  throw new Error('unreachable: some digit always completes a Luhn sum');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Parses any accepted form and returns the normalised 12 digits.
 * `today` decides the century of the 10-digit forms (a `+` means 100 years or older).
 * @throws PersonnummerError naming what is wrong.
 */
export function parsePersonnummer(input: string, today: Date = new Date()): string {
  const value = input.trim();
  let year: number;
  let month: string;
  let day: string;
  let serial: string;
  const twelve = TWELVE.exec(value);
  if (twelve) {
    year = Number(twelve[1]);
    [, , month, day, serial] = twelve;
  } else {
    const ten = TEN.exec(value);
    if (!ten) {
      throw new PersonnummerError(
        'must be 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN) or 10 digits (YYMMDD-NNNN, YYMMDD+NNNN)',
      );
    }
    const yy = Number(ten[1]);
    [, , month, day, , serial] = ten;
    const centenarian = ten[4] === '+';
    const thisYear = today.getUTCFullYear();
    // The latest year ending in yy that is not in the future; a '+' puts it a century earlier.
    year = thisYear - ((((thisYear % 100) - yy) % 100) + 100) % 100;
    if (centenarian) year -= 100;
  }
  const dayNumber = Number(day);
  const calendarDay = dayNumber > 60 ? dayNumber - 60 : dayNumber; // samordningsnummer
  if (!isRealDate(year, Number(month), calendarDay)) {
    throw new PersonnummerError('has a date of birth that does not exist');
  }
  const yymmdd = String(year % 100).padStart(2, '0') + month + day;
  if (!luhnValid(yymmdd + serial)) {
    throw new PersonnummerError('has a wrong check digit (Luhn)');
  }
  return String(year).padStart(4, '0') + month + day + serial;
}

/** Date of birth, `YYYY-MM-DD`, of a normalised personnummer or samordningsnummer. */
export function birthDateOf(personnummer: string): string {
  const day = Number(personnummer.slice(6, 8));
  const calendarDay = day > 60 ? day - 60 : day;
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${String(calendarDay).padStart(2, '0')}`;
}

/** Whether a normalised number is a samordningsnummer (day + 60). */
export function isSamordningsnummer(personnummer: string): boolean {
  return Number(personnummer.slice(6, 8)) > 60;
}

/**
 * Builds a valid normalised personnummer from a birth date and a three-digit birth
 * number; the seed generator uses it. `coordination` adds 60 to the day.
 */
export function makePersonnummer(birthDate: string, birthNumber: number, coordination = false): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (coordination ? 60 : 0)).padStart(2, '0');
  const nine = y.slice(2) + m + day + String(birthNumber).padStart(3, '0');
  return y + m + day + String(birthNumber).padStart(3, '0') + luhnCheckDigit(nine);
}
