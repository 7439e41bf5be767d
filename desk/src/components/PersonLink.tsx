import { Link } from 'react-router';

/** A link to a person's view; the personnummer travels in the navigation's state, not the address. */
export function PersonLink({ person }: { person: { personnummer: string; givenName?: string | null; familyName?: string | null } }) {
  const name = person.givenName ? `${person.givenName} ${person.familyName ?? ''}`.trim() : `${person.personnummer.slice(0, 8)}-${person.personnummer.slice(8)}`;
  return (
    <Link to="/person" state={{ personnummer: person.personnummer }}>
      {name}
    </Link>
  );
}
