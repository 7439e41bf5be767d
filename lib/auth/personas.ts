import { TokenClaims } from './development';

/**
 * Typical users, one per kind of organisation, for development tokens (`npm start` prints
 * one for each) and for tests that act as a given role.
 */
export interface Persona extends TokenClaims {
  /** Who this is, in a word a Sandbox user recognises. */
  title: string;
}

export const PERSONAS = {
  districtOfficer: { title: 'Socialsekreterare, Skärholmen', org: 'DISTRICT:SKH', sub: 'handlaggare.skh', scope: 'records:read records:write' },
  jobbtorgCoach: { title: 'Jobbcoach, Jobbtorg Vårberg', org: 'JOBBTORG:VARBERG', sub: 'coach.varberg', scope: 'records:read records:write' },
  afOfficer: { title: 'Handläggare, Arbetsförmedlingen', org: 'AF', sub: 'af.handlaggare', scope: 'records:read records:write' },
  migrationsverketOfficer: { title: 'Handläggare, Migrationsverket', org: 'MIGRATIONSVERKET', sub: 'mv.handlaggare', scope: 'records:read records:write' },
  sfiTeacher: { title: 'Lärare, Sfi Stockholm Kista', org: 'SFI:1', sub: 'sfi.kista', scope: 'records:read records:write' },
  providerCoach: { title: 'Coach, Röda Korset (Etablering Stockholm)', org: 'PROVIDER:5', sub: 'rodakorset.coach', scope: 'records:read records:write' },
  cityAnalyst: { title: 'Analytiker, stadsledningskontoret', org: 'CITY:ANALYS', sub: 'analytiker', scope: 'statistics:read' },
  auditor: { title: 'Loggkontrollant', org: 'CITY:LOGGKONTROLL', sub: 'granskare', scope: 'audit:read' },
} as const satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;
