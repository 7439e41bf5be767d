import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useMutation, useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { Field, type FieldControlProps } from '../components/Field';
import { addDays, formatDate, mondayOf, today } from '../dates';
import { graphql } from '../gql';
import type { InterventionKind, Weekday } from '../gql/graphql';
import { INTERVENTION_KINDS } from '../labels';
import { faultsOf } from '../graphql/faults';
import { WEEKDAY_NAMES } from '../timeline/labels';

/**
 * The coach's side of the person: the open case at the unit, and a form to add an activity
 * (insats) to its plan. A refused or failed write leaves the form as the coach typed it,
 * with the API's reason at the field it names; a retry sends the same idempotency key, so a
 * write that did land is not made twice.
 */

const PersonCase = graphql(`
  query PersonCase($personnummer: Personnummer!) {
    person(personnummer: $personnummer) {
      personnummer
      currentJobbtorgCase {
        id
        version
        unit { name }
        enrolledOn
        targetGroup
        jobbgaranti { deadline status }
        jobPlan { goal establishedOn }
      }
    }
  }
`);

const AddIntervention = graphql(`
  mutation AddIntervention($input: AddInterventionInput!, $idempotencyKey: String) {
    addIntervention(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
      title
    }
  }
`);

const WEEKDAYS = Object.keys(WEEKDAY_NAMES) as Weekday[];

/** The input each form field fills, as the API names it in a refusal. */
const API_FIELDS: Record<keyof Draft, string> = {
  kind: 'input.kind',
  title: 'input.title',
  startDate: 'input.startDate',
  endDate: 'input.endDate',
  hoursPerWeek: 'input.hoursPerWeek',
  weekday: 'input.schedule[0].weekday',
  startTime: 'input.schedule[0].startTime',
  endTime: 'input.schedule[0].endTime',
};

interface ControlProps extends FieldControlProps {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}

interface Draft {
  kind: InterventionKind;
  title: string;
  startDate: string;
  endDate: string;
  hoursPerWeek: string;
  weekday: Weekday;
  startTime: string;
  endTime: string;
}

function emptyDraft(): Draft {
  const start = addDays(mondayOf(today()), 7);
  return { kind: 'WORK_PLACEMENT', title: '', startDate: start, endDate: addDays(start, 55), hoursPerWeek: '8', weekday: 'MONDAY', startTime: '09:00', endTime: '13:00' };
}

export function CasePanel({ personnummer, onChanged }: { personnummer: string; onChanged: () => void }) {
  const id = useId();
  const [result] = useQuery({ query: PersonCase, variables: { personnummer } });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [added, setAdded] = useState<string | null>(null);
  const [state, add] = useMutation(AddIntervention);
  const current = result.data?.person?.currentJobbtorgCase;
  const refused = faultsOf(state.error).badInput;
  const fieldError = (apiField: string) => refused.find((r) => r.field === apiField)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!current) return;
    setAdded(null);
    const answer = await add({
      idempotencyKey: key,
      input: {
        caseId: current.id,
        kind: draft.kind,
        title: draft.title,
        startDate: draft.startDate,
        endDate: draft.endDate || null,
        hoursPerWeek: Number(draft.hoursPerWeek),
        schedule: [{ weekday: draft.weekday, startTime: draft.startTime, endTime: draft.endTime }],
      },
    });
    if (answer.error) return; // the draft stays as typed, the reason is shown below
    setAdded(answer.data!.addIntervention.title);
    setDraft(emptyDraft());
    setKey(crypto.randomUUID());
    onChanged();
  }

  const set = (name: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  /** One labelled input, with the API's refusal of its field under it. */
  const field = (name: keyof Draft, label: string, control: (props: ControlProps) => ReactElement) => (
    <Field id={`${id}-${name}`} label={label} error={fieldError(API_FIELDS[name])} control={(p) => control({ ...p, value: draft[name], onChange: set(name) })} />
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>Ärendet på Jobbtorg</h2>
      <Faults error={result.error} />
      {result.data && !current && <p>Personen har inget öppet ärende som du kan se.</p>}
      {current && (
        <>
          <p>
            {current.unit.name}, inskriven {formatDate(current.enrolledOn)}. Jobbgaranti: senast {formatDate(current.jobbgaranti.deadline)} (
            {current.jobbgaranti.status === 'KEPT' ? 'hållen' : current.jobbgaranti.status === 'BREACHED' ? 'bruten' : 'väntar'}).{' '}
            {current.jobPlan ? `Planen upprättad ${formatDate(current.jobPlan.establishedOn)}.` : 'Ingen plan ännu.'}
          </p>
          <form onSubmit={submit} className="form" data-testid="add-intervention" noValidate>
            <h3>Lägg till en insats</h3>
            {field('kind', 'Slag', (p) => (
              <select {...p}>
                {Object.entries(INTERVENTION_KINDS).map(([value, name]) => (
                  <option key={value} value={value}>{name}</option>
                ))}
              </select>
            ))}
            {field('title', 'Rubrik', (p) => <input {...p} />)}
            {field('startDate', 'Första dag', (p) => <input type="date" {...p} />)}
            {field('endDate', 'Sista dag', (p) => <input type="date" {...p} />)}
            {field('hoursPerWeek', 'Timmar i veckan', (p) => <input inputMode="decimal" {...p} />)}
            {field('weekday', 'Veckodag', (p) => (
              <select {...p}>
                {WEEKDAYS.map((day) => (
                  <option key={day} value={day}>{WEEKDAY_NAMES[day]}</option>
                ))}
              </select>
            ))}
            {field('startTime', 'Från klockan', (p) => <input {...p} />)}
            {field('endTime', 'Till klockan', (p) => <input {...p} />)}
            <button type="submit" disabled={state.fetching}>Lägg till</button>
            <Faults error={state.error} />
            {refused.length > 0 && (
              <p role="alert" className="fault" data-testid="form-refused">
                Insatsen sparades inte: <span lang="en">{refused.map((r) => r.message).join('; ')}</span>
              </p>
            )}
            {added && <p role="status">Insatsen ”{added}” är tillagd.</p>}
          </form>
        </>
      )}
    </section>
  );
}
