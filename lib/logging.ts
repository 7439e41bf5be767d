/**
 * What the services write to their logs. Every line passes through `redact`, so a
 * personnummer or a token that reaches a message — a SQL error quotes its bindings, an
 * HTTP error may quote a body — is replaced before it is written. Lines name the request
 * by its id instead (`Caller.requestId`, the gateway's `x-request-id` response header).
 */

/** Apollo Server's and the gateway's logger shape, so one logger serves both. */
export interface Logger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

// 10 or 12 digits with an optional - or + before the last four, standing alone (not inside
// a longer number or a hex hash). Which of those are a personnummer the date part decides.
const PERSONNUMMER_LIKE = /(?<![0-9A-Za-z])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![0-9A-Za-z])/g;
// A JWT: three base64url parts, the first a JSON object (`{"` is `eyJ`).
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// The word alone ("a bearer token is required") is not a token: a token is long.
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/-]{16,}=*/gi;

/**
 * Whether the digits have a personnummer's date: month 01–12, day 01–31, or 61–91 for a
 * samordningsnummer. The check digit is not required: a mistyped personnummer still
 * names someone. A request id or a row id rarely looks like this; if one does, a line
 * loses that number, which costs less than a line that names a person.
 */
function looksLikePersonnummer(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

/** `text` with personnummer, bearer tokens and JWTs replaced by placeholders. */
export function redact(text: string): string {
  return text
    .replace(BEARER, '$1 [token]')
    .replace(JWT, '[token]')
    .replace(PERSONNUMMER_LIKE, (match, _century, _yy, month, day) => (looksLikePersonnummer(month, day) ? '[personnummer]' : match));
}

function lineOf(message: unknown): string {
  if (message instanceof Error) return message.stack ?? message.message;
  return typeof message === 'string' ? message : JSON.stringify(message);
}

/**
 * The services' logger: one redacted line per warning or error on the console (stderr).
 * Debug and info are dropped, as the Apollo gateway's own default logger drops them (it
 * would say "Gateway successfully loaded schema" at every start). `console` is
 * looked up at each call, so a test can capture what the services write with
 * `jest.spyOn(console, …)`.
 */
export function consoleLogger(): Logger {
  return redactingLogger({
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => console.warn(message),
    error: (message) => console.error(message),
  });
}

/** Wraps any logger so that what it is given is redacted first. */
export function redactingLogger(inner: Logger): Logger {
  return {
    debug: (message) => inner.debug(redact(lineOf(message))),
    info: (message) => inner.info(redact(lineOf(message))),
    warn: (message) => inner.warn(redact(lineOf(message))),
    error: (message) => inner.error(redact(lineOf(message))),
  };
}
