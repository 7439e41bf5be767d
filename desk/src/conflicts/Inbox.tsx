import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { PersonLink } from '../components/PersonLink';
import { formatDate, formatDateTime } from '../dates';
import { graphql } from '../gql';
import type { PlanConflictKind, PlanConflictState } from '../gql/graphql';
import { AGENCY_NAMES, CONFLICT_NAMES } from '../timeline/labels';
import { STATE_NAMES } from './fields';

/**
 * The conflict inbox of the reader's organisation (`planConflictInbox`): the conflicts of
 * the shared plans it takes part in, latest change first, filtered by state and kind. Each
 * row opens the person's timeline at the conflict's first week, with the conflict open.
 */

const ConflictInbox = graphql(`
  query DeskConflictInbox($filter: PlanConflictInboxFilter, $first: Int = 50) {
    planConflictInbox(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          ...PlanConflictFields
          person {
            personnummer
            givenName
            familyName
          }
        }
      }
    }
  }
`);

const STATES = Object.keys(STATE_NAMES) as PlanConflictState[];
const KINDS = Object.keys(CONFLICT_NAMES) as PlanConflictKind[];
/** Those still to settle, as the inbox opens. */
const TO_SETTLE: PlanConflictState[] = ['OPEN', 'ACKNOWLEDGED'];
const PAGE = 50;

function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function Choices<T extends string>({ legend, names, chosen, onChange, testId }: { legend: string; names: Record<T, string>; chosen: T[]; onChange: (next: T[]) => void; testId: string }) {
  return (
    <fieldset className="choices" data-testid={testId}>
      <legend>{legend}</legend>
      {(Object.keys(names) as T[]).map((value) => (
        <label key={value}>
          <input type="checkbox" value={value} checked={chosen.includes(value)} onChange={(e) => onChange(toggled(chosen, value, e.target.checked))} />
          {names[value]}
        </label>
      ))}
    </fieldset>
  );
}

export default function Inbox() {
  const id = useId();
  const [states, setStates] = useState<PlanConflictState[]>(TO_SETTLE);
  const [kinds, setKinds] = useState<PlanConflictKind[]>([]);
  // None ticked means every one: the API's filter without that condition.
  const filter = { state: states.length ? STATES.filter((s) => states.includes(s)) : null, kind: kinds.length ? KINDS.filter((k) => kinds.includes(k)) : null };
  const [result, refetch] = useQuery({ query: ConflictInbox, variables: { filter, first: PAGE } });
  const inbox = result.data?.planConflictInbox;

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>Konfliktinkorg</h1>
      <p>Konflikter i de gemensamma planeringar som din organisation deltar i, senast ändrade först. Ingen ruta ikryssad betyder alla.</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Choices legend="Status" names={STATE_NAMES} chosen={states} onChange={setStates} testId="inbox-states" />
        <Choices legend="Slag" names={CONFLICT_NAMES} chosen={kinds} onChange={setKinds} testId="inbox-kinds" />
      </form>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !inbox && <p className="loading">Hämtar konflikterna …</p>}
      {inbox && (
        <>
          <h2 data-testid="inbox-count">
            {inbox.totalCount === 1 ? '1 konflikt' : `${inbox.totalCount} konflikter`}
          </h2>
          {inbox.edges.length === 0 ? (
            <p data-testid="inbox-empty">Inga konflikter med det urvalet.</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="inbox">
                <caption>Konflikter, senast ändrade först</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Slag</th>
                    <th scope="col">Status</th>
                    <th scope="col">Andra myndigheter</th>
                    <th scope="col">Veckor från</th>
                    <th scope="col">Senast ändrad</th>
                    <th scope="col">Vad som är fel</th>
                  </tr>
                </thead>
                <tbody>
                  {inbox.edges.map(({ node }) => (
                    <tr key={node.id} data-conflict-id={node.id} data-kind={node.kind} data-state={node.state ?? ''}>
                      <td>
                        <PersonLink person={node.person} from={node.weeks[0]} conflict={node.id} />
                      </td>
                      <td>{CONFLICT_NAMES[node.kind]}</td>
                      <td>{node.state ? STATE_NAMES[node.state] : ''}</td>
                      <td>{node.otherAgencies.map((a) => AGENCY_NAMES[a]).join(', ')}</td>
                      <td>{node.weeks[0] ? formatDate(node.weeks[0]) : ''}</td>
                      <td>{node.stateChangedAt ? formatDateTime(node.stateChangedAt) : ''}</td>
                      <td>{node.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {inbox.totalCount > inbox.edges.length && <p className="more">Visar {inbox.edges.length} av {inbox.totalCount}.</p>}
        </>
      )}
    </section>
  );
}
