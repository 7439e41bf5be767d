import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { Faults } from '../components/Faults';
import { formatPeriod } from '../dates';
import { graphql } from '../gql';
import type { ConsentPurpose, Party } from '../gql/graphql';

/**
 * The district's side of the person: the consents it has recorded, and withdrawing one.
 * A withdrawn shared-planning consent takes the other agencies off everyone's timeline.
 */

const PersonConsents = graphql(`
  query PersonConsents($personnummer: Personnummer!) {
    person(personnummer: $personnummer) {
      personnummer
      consents {
        id
        version
        purpose
        parties
        validFrom
        validTo
        active
      }
    }
  }
`);

const WithdrawConsent = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
      version
      active
    }
  }
`);

const PURPOSES: Record<ConsentPurpose, string> = {
  REFERRAL: 'Remiss till Jobbtorg',
  SHARED_PLANNING: 'Gemensam planering',
  FOLLOW_UP: 'Uppföljning',
};

const PARTIES: Record<Party, string> = {
  SOCIAL_SERVICES: 'socialtjänsten',
  JOBBTORG: 'Jobbtorg',
  ARBETSFORMEDLINGEN: 'Arbetsförmedlingen',
  MIGRATIONSVERKET: 'Migrationsverket',
  SFI: 'Sfi',
  ETABLERING_PROVIDER: 'Etablering Stockholms utförare',
};

export function ConsentsPanel({ personnummer, onChanged }: { personnummer: string; onChanged: () => void }) {
  const id = useId();
  const [result, refetch] = useQuery({ query: PersonConsents, variables: { personnummer } });
  const [state, withdraw] = useMutation(WithdrawConsent);
  const consents = result.data?.person?.consents ?? [];

  async function withdrawOne(consent: { id: string; version: number }) {
    const answer = await withdraw({ input: { id: consent.id, version: consent.version } });
    if (answer.error) return;
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>Samtycken</h2>
      <Faults error={result.error ?? state.error} />
      {result.data && consents.length === 0 && <p>Inga samtycken registrerade.</p>}
      {consents.length > 0 && (
        <table data-testid="consents">
          <caption>Samtycken som stadsdelen har registrerat</caption>
          <thead>
            <tr>
              <th scope="col">Ändamål</th>
              <th scope="col">Parter</th>
              <th scope="col">Giltigt</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="visually-hidden">Åtgärd</span></th>
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr key={consent.id} data-purpose={consent.purpose}>
                <td>{PURPOSES[consent.purpose]}</td>
                <td>{consent.parties.map((p) => PARTIES[p]).join(', ')}</td>
                <td>{formatPeriod(consent.validFrom, consent.validTo)}</td>
                <td>{consent.active ? 'Gäller' : 'Gäller inte'}</td>
                <td>
                  {consent.active && (
                    <button type="button" onClick={() => withdrawOne(consent)} disabled={state.fetching}>
                      Återkalla<span className="visually-hidden"> samtycket för {PURPOSES[consent.purpose].toLowerCase()}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
