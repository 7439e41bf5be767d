import pino from 'pino';
import type { LogLevel } from './config';

/**
 * What the services write to their logs. Every line passes through `redact`, so a
 * personnummer or a token that reaches a message — a SQL error quotes its bindings, an
 * HTTP error may quote a body — is replaced before it is written. Lines name the request
 * by its id instead (`Caller.requestId`, the gateway's `x-request-id` response header).
 */

/** One line per request, written when its response is sent (lib/telemetry/requests.ts). */
export interface AccessLine {
  requestId: string | null;
  traceId: string | null;
  /** The operation's name, as its document names it; null for an anonymous one or none. */
  operationName: string | null;
  status: number;
  durationMs: number;
  /** The caller's organisation (`DISTRICT:SKARHOLMEN`), once its token is verified. */
  organisation: string | null;
}

/** Apollo Server's and the gateway's logger shape, so one logger serves both, and the access lines. */
export interface Logger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  /** Writes a request's access line; a logger without it gets the line as JSON through `info`. */
  access?(line: AccessLine): void;
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

/** How the services' own logger writes: level and format (`LOG_LEVEL`, `LOG_FORMAT`, lib/config.ts). */
export interface LogSettings {
  level: LogLevel;
  format: 'json' | 'pretty';
  /** Where lines go; default the console (`console.log`), so a test can capture them with `jest.spyOn`. */
  write?: (line: string) => void;
}

/** What a service logs when nobody configured it (tests, library use): warnings and errors as JSON. */
export const QUIET_LOGS: LogSettings = { level: 'warn', format: 'json' };

/**
 * The services' logger: pino, one JSON object a line (`LOG_FORMAT=pretty`: one readable
 * line). The redaction is the last step before a line is written, after formatting, so
 * nothing a message, a field or the formatter holds escapes it. `console` is looked up at
 * each line, so a test can capture what the services write with `jest.spyOn(console, …)`.
 */
export function consoleLogger(settings: LogSettings = QUIET_LOGS): Logger {
  const write = settings.write ?? ((line: string) => console.log(line));
  const format = settings.format === 'pretty' ? prettyLine : (line: string) => line;
  const logs = pino(
    { level: settings.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    { write: (line: string) => write(redact(format(line.trimEnd()))) },
  );
  return {
    debug: (message) => logs.debug(lineOf(message)),
    info: (message) => logs.info(lineOf(message)),
    warn: (message) => logs.warn(lineOf(message)),
    error: (message) => logs.error(lineOf(message)),
    access: (line) => logs.info({ ...line, kind: 'access' }, 'request'),
  };
}

/** A JSON line as `12:00:01.234 INFO  request status=200 durationMs=12 …`, for a developer's terminal. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, ...fields } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const rest = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [clock, String(level).toUpperCase().padEnd(5), msg, ...rest].join(' ');
}

/** Wraps any logger so that what it is given is redacted first. */
export function redactingLogger(inner: Logger): Logger {
  return {
    debug: (message) => inner.debug(redact(lineOf(message))),
    info: (message) => inner.info(redact(lineOf(message))),
    warn: (message) => inner.warn(redact(lineOf(message))),
    error: (message) => inner.error(redact(lineOf(message))),
    // The access line holds no value a caller sent, only ids, a name, numbers; redacted all the same.
    access: (line) => {
      const redacted = redact(JSON.stringify(line));
      if (inner.access) inner.access(JSON.parse(redacted) as AccessLine);
      else inner.info(redacted);
    },
  };
}
