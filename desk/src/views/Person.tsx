import { lazy, Suspense, useId, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/context';
import { roleOf } from '../auth/session';
import { Faults } from '../components/Faults';
import { graphql } from '../gql';
import { addDays, mondayOf, today } from '../dates';
import { ConflictPanel } from '../conflicts/ConflictPanel';
import { type PersonRoute } from '../components/PersonLink';
import { CasePanel } from './CasePanel';
import { ConsentsPanel } from './ConsentsPanel';

const Timeline = lazy(() => import('../timeline/Timeline'));

/**
 * One person as the reader may see them: who it is (where the reader may know) and the
 * shared plan as a timeline, with the reader's own work beside it — the coach's case and
 * activities, the district's consents. A person the reader may not see reads exactly like
 * one who does not exist: the API answers null for both.
 */

const PersonPlan = graphql(`
  query DeskPersonPlan($personnummer: Personnummer!, $from: Date!, $to: Date!) {
    person(personnummer: $personnummer) {
      personnummer
      givenName
      familyName
      birthDate
      sharedPlan(from: $from, to: $to) {
        ...SharedPlanFields
      }
    }
  }
`);

const WEEK_CHOICES = [13, 26, 52];

export default function Person() {
  const location = useLocation();
  const state = location.state as PersonRoute | null;
  if (!state?.personnummer) return <Navigate to="/" replace />;
  // A new person, or the same one from another link, starts the page afresh.
  return <PersonPage key={location.key} route={state} />;
}

function PersonPage({ route }: { route: PersonRoute }) {
  const { personnummer } = route;
  const role = roleOf(useSession());
  const id = useId();
  const [from, setFrom] = useState(() => mondayOf(route.from ?? today()));
  const [openConflict, setOpenConflict] = useState<string | null>(route.conflict ?? null);
  const [weeks, setWeeks] = useState(26);
  const to = addDays(from, weeks * 7 - 1);
  const [result, refetch] = useQuery({ query: PersonPlan, variables: { personnummer, from, to } });
  const retry = () => refetch({ requestPolicy: 'network-only' });
  const person = result.data?.person;
  const opened = openConflict ? person?.sharedPlan?.conflicts.find((c) => c.id === openConflict) : undefined;

  if (result.fetching && !result.data) return <p className="loading">Hämtar personen …</p>;
  return (
    <article aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>
        {person ? (person.givenName ? `${person.givenName} ${person.familyName ?? ''}`.trim() : 'Namn visas inte för dig') : 'Ingen träff'}
      </h1>
      <p className="pnr">Personnummer {formatPnr(personnummer)}</p>
      <Faults error={result.error} onRetry={retry} />
      {result.data && !person && (
        <p data-testid="no-person">Det finns ingen person med det personnumret som du kan se.</p>
      )}
      {person && (
        <>
          <section aria-labelledby={`${id}-plan`} className="plan">
            <h2 id={`${id}-plan`}>Gemensam planering</h2>
            <form className="window" onSubmit={(e) => e.preventDefault()}>
              <label>
                Från veckan som börjar
                <input type="date" value={from} onChange={(e) => e.target.value && setFrom(mondayOf(e.target.value))} />
              </label>
              <label>
                Antal veckor
                <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
                  {WEEK_CHOICES.map((n) => (
                    <option key={n} value={n}>{n}</option>
                  ))}
                </select>
              </label>
            </form>
            {person.sharedPlan ? (
              <Suspense fallback={<p className="loading">Ritar tidslinjen …</p>}>
                <Timeline plan={person.sharedPlan} onOpenConflict={setOpenConflict} />
              </Suspense>
            ) : result.error ? (
              <p data-testid="no-plan">Den gemensamma planeringen kan inte visas utan de uppgifter som saknas.</p>
            ) : (
              <p data-testid="no-plan">Du kan inte se personens gemensamma planering.</p>
            )}
            {opened && <ConflictPanel conflict={opened} onChanged={retry} onClose={() => setOpenConflict(null)} />}
            {openConflict && person.sharedPlan && !opened && (
              <p data-testid="conflict-not-in-window">Konflikten finns inte bland planens konflikter för de här veckorna.</p>
            )}
          </section>
          {role.coach && <CasePanel personnummer={personnummer} onChanged={retry} />}
          {role.district && <ConsentsPanel personnummer={personnummer} onChanged={retry} />}
        </>
      )}
    </article>
  );
}

function formatPnr(pnr: string): string {
  return `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
}
