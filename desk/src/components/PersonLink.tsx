import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Where a link to a person's view leads: the person, and optionally the week their plan
 * opens at and a conflict to open. It travels in the navigation's state, so no personnummer
 * is ever in the address.
 */
export interface PersonRoute {
  personnummer: string;
  /** A day of the first week shown (default this week). */
  from?: string;
  /** A conflict of the plan to open (`PlanConflict.id`). */
  conflict?: string;
}

export function personName(person: { personnummer: string; givenName?: string | null; familyName?: string | null }): string {
  return person.givenName ? `${person.givenName} ${person.familyName ?? ''}`.trim() : `${person.personnummer.slice(0, 8)}-${person.personnummer.slice(8)}`;
}

/** A link to a person's view, named by the person (or their personnummer, where the reader may not know the name). */
export function PersonLink({ person, from, conflict, children }: { person: { personnummer: string; givenName?: string | null; familyName?: string | null }; from?: string; conflict?: string; children?: ReactNode }) {
  const state: PersonRoute = { personnummer: person.personnummer, from, conflict };
  return (
    <Link to="/person" state={state}>
      {children ?? personName(person)}
    </Link>
  );
}
