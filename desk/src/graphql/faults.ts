import type { CombinedError } from 'urql';
import { isUnauthenticated } from './client';

/**
 * What went wrong with an answer, as the user needs to know it: not signed in, not allowed,
 * a part missing because one agency's service did not answer (the gateway names it in
 * `extensions.serviceName`), no connection at all, or an input the API refused.
 */
export interface Faults {
  unauthenticated: boolean;
  forbidden: boolean;
  /** The services whose part of the answer is missing. */
  missingServices: string[];
  /** The gateway could not be reached, or did not answer GraphQL. */
  network: boolean;
  /** Inputs the API refused, by `extensions.field`. */
  badInput: { field: string; message: string }[];
  /** Anything else, in the API's words. */
  other: string[];
}

/** Refusals of what the caller may do: said plainly as "not allowed". */
const NOT_ALLOWED = new Set(['FORBIDDEN', 'FIELD_NOT_ALLOWED', 'OPERATION_NOT_REGISTERED']);

/**
 * Refusals of what the caller sent. A subgraph's refusal reaches the desk naming the
 * subgraph too (`serviceName`), yet nothing is missing: the caller is to change the input.
 */
const REFUSED_INPUT = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'CONSENT_REQUIRED']);

export function faultsOf(error: CombinedError | undefined): Faults {
  const faults: Faults = { unauthenticated: false, forbidden: false, missingServices: [], network: false, badInput: [], other: [] };
  if (!error) return faults;
  if (isUnauthenticated(error)) {
    faults.unauthenticated = true;
    return faults;
  }
  if (error.networkError && error.graphQLErrors.length === 0) faults.network = true;
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : '';
    const service = e.extensions?.serviceName;
    const field = e.extensions?.field;
    if (NOT_ALLOWED.has(code)) faults.forbidden = true;
    else if (REFUSED_INPUT.has(code) && typeof field === 'string') faults.badInput.push({ field, message: e.message });
    else if (!REFUSED_INPUT.has(code) && typeof service === 'string') {
      // The service failed or did not answer: its part of the answer is missing.
      if (!faults.missingServices.includes(service)) faults.missingServices.push(service);
    } else faults.other.push(e.message);
  }
  return faults;
}

/** Which agencies stand behind each service's data, as a reader knows them. */
export const SERVICE_AGENCIES: Record<string, string> = {
  stadsdel: 'stadsdelsförvaltningarna (socialtjänsten)',
  jobbtorg: 'Jobbtorg Stockholm',
  partners: 'partnermyndigheterna (Arbetsförmedlingen, Migrationsverket, Sfi och Etablering Stockholms utförare)',
};

export function agencyOfService(service: string): string {
  return SERVICE_AGENCIES[service] ?? `tjänsten ${service}`;
}
