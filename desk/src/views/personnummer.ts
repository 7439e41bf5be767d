import { parsePersonnummer, PersonnummerError } from '../../../lib/scalars/personnummer';

/**
 * The API's own check of a personnummer, run before anything is sent: the same rules and
 * the same words as the gateway's refusal (`person.personnummer <reason>`), since it is the
 * same module.
 */
export type Checked = { ok: true; personnummer: string } | { ok: false; reason: string };

export function checkPersonnummer(input: string): Checked {
  try {
    return { ok: true, personnummer: parsePersonnummer(input) };
  } catch (error) {
    if (error instanceof PersonnummerError) return { ok: false, reason: error.message };
    throw error;
  }
}
