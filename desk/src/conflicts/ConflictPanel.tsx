import { useId, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { Faults } from '../components/Faults';
import { Field } from '../components/Field';
import { formatDate, formatDateTime } from '../dates';
import { graphql } from '../gql';
import { faultsOf } from '../graphql/faults';
import { AGENCY_NAMES, CONFLICT_NAMES } from '../timeline/labels';
import { EVENT_NAMES, offeredActions, readersAgency, stateName, type SettlingConflict } from './fields';

/**
 * One conflict opened: where it stands, what happened to it, and — for an agency involved in
 * it — taking it on (acknowledge, with a note and the day it should be settled) or agreeing
 * to keep it (accept, with the reason), or taking an acceptance back. Which of these the
 * panel offers follows the state the API gives; the API decides, and a refusal is shown at
 * the field it names, with what the reader typed kept. Every action states the version read
 * and carries an idempotency key, kept until it lands, so a retry never acts twice.
 */

const Acknowledge = graphql(`
  mutation DeskAcknowledgePlanConflict($input: AcknowledgePlanConflictInput!, $idempotencyKey: String) {
    acknowledgePlanConflict(input: $input, idempotencyKey: $idempotencyKey) {
      ...PlanConflictFields
    }
  }
`);

const Accept = graphql(`
  mutation DeskAcceptPlanConflict($input: AcceptPlanConflictInput!, $idempotencyKey: String) {
    acceptPlanConflict(input: $input, idempotencyKey: $idempotencyKey) {
      ...PlanConflictFields
    }
  }
`);

const Withdraw = graphql(`
  mutation DeskWithdrawPlanConflictAcceptance($input: WithdrawPlanConflictAcceptanceInput!, $idempotencyKey: String) {
    withdrawPlanConflictAcceptance(input: $input, idempotencyKey: $idempotencyKey) {
      ...PlanConflictFields
    }
  }
`);

/** A refusal at one of the form's inputs, and whatever the API said of the rest (a stale version, a state that does not allow it). */
function refusals(error: CombinedError | undefined, fields: string[]) {
  const refused = faultsOf(error).badInput;
  return {
    at: (field: string) => refused.find((r) => r.field === field)?.message,
    elsewhere: refused.filter((r) => !fields.includes(r.field)),
  };
}

function Refused({ testId, what, refused }: { testId: string; what: string; refused: { field: string; message: string }[] }) {
  if (refused.length === 0) return null;
  return (
    <p role="alert" className="fault" data-testid={testId}>
      {what}: <span lang="en">{refused.map((r) => `${r.field} ${r.message}`).join('; ')}</span>
    </p>
  );
}

export function ConflictPanel({ conflict, onChanged, onClose }: { conflict: SettlingConflict; onChanged: () => void; onClose: () => void }) {
  const id = useId();
  const offered = offeredActions(conflict);
  const own = readersAgency(conflict);
  return (
    <section aria-labelledby={`${id}-heading`} className="panel conflict-panel" data-testid="conflict-panel" data-conflict-id={conflict.id}>
      <h3 id={`${id}-heading`}>
        {CONFLICT_NAMES[conflict.kind]}: <span data-testid="conflict-state">{stateName(conflict.state)}</span>
      </h3>
      <p>{conflict.message}</p>
      <dl className="facts">
        <dt>Myndigheter</dt>
        <dd>{conflict.agencies.map((a) => AGENCY_NAMES[a]).join(', ')}</dd>
        {conflict.note && (
          <>
            <dt>Anteckning</dt>
            <dd>{conflict.note}</dd>
          </>
        )}
        {conflict.expectedSettledOn && (
          <>
            <dt>Väntas vara löst</dt>
            <dd>{formatDate(conflict.expectedSettledOn)}</dd>
          </>
        )}
        {conflict.acceptedBy.length > 0 && (
          <>
            <dt>Accepterad av</dt>
            <dd>{conflict.acceptedBy.map((a) => AGENCY_NAMES[a]).join(', ')}</dd>
          </>
        )}
        {conflict.acceptanceReason && (
          <>
            <dt>Skäl</dt>
            <dd>{conflict.acceptanceReason}</dd>
          </>
        )}
      </dl>
      <table data-testid="conflict-history">
        <caption>Historik</caption>
        <thead>
          <tr>
            <th scope="col">När</th>
            <th scope="col">Händelse</th>
            <th scope="col">Status efter</th>
            <th scope="col">Vem</th>
            <th scope="col">Vad som sades</th>
          </tr>
        </thead>
        <tbody>
          {conflict.history.map((step) => (
            <tr key={step.version} data-event={step.event}>
              <td>{formatDateTime(step.at)}</td>
              <td>{EVENT_NAMES[step.event]}</td>
              <td>{stateName(step.state)}</td>
              <td>{step.agency ? `${AGENCY_NAMES[step.agency]}${step.user ? ` (${step.user})` : ''}` : 'Jobbtorg fann den'}</td>
              <td>
                {[step.note, step.reason, step.expectedSettledOn ? `väntas vara löst ${formatDate(step.expectedSettledOn)}` : null].filter(Boolean).join(' – ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {own === null ? (
        <p>Bara de myndigheter som konflikten gäller kan ta hand om den.</p>
      ) : (
        <>
          {offered.acknowledge && <AcknowledgeForm conflict={conflict} onChanged={onChanged} />}
          {offered.accept && <AcceptForm conflict={conflict} onChanged={onChanged} />}
          {offered.withdraw && <WithdrawForm conflict={conflict} onChanged={onChanged} />}
        </>
      )}
      <button type="button" className="secondary" onClick={onClose}>Stäng konflikten</button>
    </section>
  );
}

/** A form's idempotency key: the same until its action lands, a new one for the next action. */
function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())];
}

function AcknowledgeForm({ conflict, onChanged }: { conflict: SettlingConflict; onChanged: () => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [expectedSettledOn, setExpectedSettledOn] = useState('');
  const [key, renewKey] = useIdempotencyKey();
  const [state, acknowledge] = useMutation(Acknowledge);
  const refused = refusals(state.error, ['input.note', 'input.expectedSettledOn']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await acknowledge({
      idempotencyKey: key,
      input: { id: conflict.id, version: conflict.version!, note: note || null, expectedSettledOn: expectedSettledOn || null },
    });
    if (answer.error) return; // what was typed stays, the reason is shown at its field
    setNote('');
    setExpectedSettledOn('');
    renewKey();
    onChanged();
  }

  return (
    <form onSubmit={submit} className="form" data-testid="acknowledge-conflict" noValidate>
      <h4>Ta hand om konflikten</h4>
      <Field id={`${id}-note`} label="Vad ni gör" error={refused.at('input.note')} control={(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} />} />
      <Field
        id={`${id}-settled`}
        label="Väntas vara löst"
        error={refused.at('input.expectedSettledOn')}
        control={(p) => <input type="date" {...p} value={expectedSettledOn} onChange={(e) => setExpectedSettledOn(e.target.value)} />}
      />
      <button type="submit" disabled={state.fetching}>Ta hand om</button>
      <Faults error={state.error} />
      <Refused testId="acknowledge-refused" what="Konflikten togs inte om hand" refused={refused.elsewhere} />
    </form>
  );
}

interface ReasonFormTexts {
  testId: string;
  heading: string;
  label: string;
  button: string;
  refused: string;
}

const ACCEPT_TEXTS: ReasonFormTexts = { testId: 'accept-conflict', heading: 'Acceptera konflikten', label: 'Skäl att behålla den', button: 'Acceptera', refused: 'Konflikten accepterades inte' };
const WITHDRAW_TEXTS: ReasonFormTexts = { testId: 'withdraw-acceptance', heading: 'Ta tillbaka ert accepterande', label: 'Varför (frivilligt)', button: 'Ta tillbaka', refused: 'Accepterandet togs inte tillbaka' };

/** A form whose one input is the reason (`input.reason`): accepting a conflict, or taking an acceptance back. */
function ReasonForm({ texts, state, send, onChanged }: {
  texts: ReasonFormTexts;
  state: { fetching: boolean; error?: CombinedError };
  send: (reason: string, idempotencyKey: string) => Promise<{ error?: CombinedError }>;
  onChanged: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [key, renewKey] = useIdempotencyKey();
  const refused = refusals(state.error, ['input.reason']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await send(reason, key);
    if (answer.error) return; // what was typed stays, the reason is shown at its field
    setReason('');
    renewKey();
    onChanged();
  }

  return (
    <form onSubmit={submit} className="form" data-testid={texts.testId} noValidate>
      <h4>{texts.heading}</h4>
      <Field id={`${id}-reason`} label={texts.label} error={refused.at('input.reason')} control={(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />} />
      <button type="submit" disabled={state.fetching}>{texts.button}</button>
      <Faults error={state.error} />
      <Refused testId={`${texts.testId}-refused`} what={texts.refused} refused={refused.elsewhere} />
    </form>
  );
}

function AcceptForm({ conflict, onChanged }: { conflict: SettlingConflict; onChanged: () => void }) {
  const [state, accept] = useMutation(Accept);
  const send = (reason: string, idempotencyKey: string) => accept({ idempotencyKey, input: { id: conflict.id, version: conflict.version!, reason } });
  return <ReasonForm texts={ACCEPT_TEXTS} state={state} send={send} onChanged={onChanged} />;
}

function WithdrawForm({ conflict, onChanged }: { conflict: SettlingConflict; onChanged: () => void }) {
  const [state, withdraw] = useMutation(Withdraw);
  const send = (reason: string, idempotencyKey: string) => withdraw({ idempotencyKey, input: { id: conflict.id, version: conflict.version!, reason: reason || null } });
  return <ReasonForm texts={WITHDRAW_TEXTS} state={state} send={send} onChanged={onChanged} />;
}
