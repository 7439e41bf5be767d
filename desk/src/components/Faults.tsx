import type { CombinedError } from 'urql';
import { agencyOfService, faultsOf } from '../graphql/faults';

/**
 * How a view says what went wrong: a banner naming the agency whose part is missing (the
 * rest of the view still shows what came), FORBIDDEN said plainly, a retry when the gateway
 * could not be reached. A 401 never reaches here: the client signs the user out first.
 */
export function Faults({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const faults = faultsOf(error);
  if (!error || faults.unauthenticated) return null;
  return (
    <>
      {faults.missingServices.length > 0 && (
        <div role="alert" className="banner banner-partial" data-testid="partial-banner">
          <strong>Uppgifter saknas.</strong>{' '}
          {faults.missingServices.map(agencyOfService).join(' och ')} svarar inte just nu, så deras uppgifter visas inte.
          Det som syns nedan kommer från övriga.
          {onRetry && (
            <button type="button" onClick={onRetry}>Försök igen</button>
          )}
        </div>
      )}
      {faults.forbidden && (
        <div role="alert" className="banner banner-forbidden" data-testid="forbidden">
          <strong>Du har inte behörighet</strong> att se eller göra detta med din roll.
        </div>
      )}
      {faults.network && (
        <div role="alert" className="banner banner-network" data-testid="network-fault">
          <strong>Ingen kontakt med servern.</strong> Kontrollera nätverket och försök igen.
          {onRetry && (
            <button type="button" onClick={onRetry}>Försök igen</button>
          )}
        </div>
      )}
      {faults.other.length > 0 && (
        <div role="alert" className="banner banner-error">
          <strong>Något gick fel:</strong> <span lang="en">{faults.other.join('; ')}</span>
        </div>
      )}
    </>
  );
}
