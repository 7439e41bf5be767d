import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { badInput } from '../errors';
import { parsePersonnummer, PersonnummerError } from './personnummer';
import { CalendarError, fromDbDateTime, parseDate, parseDateTime, parseMonth } from './calendar';

/**
 * The custom scalars of the supergraph. Each has one `check` function that turns an
 * input into its internal form or throws with a reason; the subgraphs parse with it,
 * and the gateway validates arguments with it before any subgraph is called.
 */

type Check = (value: unknown) => unknown;

function asString(value: unknown): string {
  if (typeof value !== 'string') throw new CalendarError('must be a string');
  return value;
}

function reason(error: unknown): string {
  if (error instanceof PersonnummerError || error instanceof CalendarError) return error.message;
  throw error;
}

export const scalarChecks: Record<string, Check> = {
  Personnummer: (value) => parsePersonnummer(asString(value)),
  Date: (value) => parseDate(asString(value)),
  Month: (value) => parseMonth(asString(value)),
  DateTime: (value) => parseDateTime(asString(value)),
  SEK: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new CalendarError('must be a whole, non-negative number of kronor');
    }
    return value;
  },
};

/**
 * Runs a scalar's check; a bad value is BAD_USER_INPUT naming `field`, HTTP 400. The gateway
 * throws it as it is, before planning; in a subgraph's own parsing, graphql-js reports it as
 * it is for a literal and wraps it, its words kept, for a variable.
 */
export function checkScalar(scalar: string, value: unknown, field: string): unknown {
  try {
    return scalarChecks[scalar](value);
  } catch (error) {
    throw badInput(field, reason(error), { httpStatus: 400 });
  }
}

function literalValue(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT) return Number(ast.value);
  if (ast.kind === Kind.FLOAT) return Number(ast.value);
  return undefined;
}

function scalar(name: string, description: string, serialize: (value: unknown) => unknown) {
  return new GraphQLScalarType({
    name,
    description,
    serialize,
    parseValue: (value) => checkScalar(name, value, `a ${name} value`),
    parseLiteral: (ast) => checkScalar(name, literalValue(ast), `a ${name} value`),
  });
}

export const PersonnummerScalar = scalar('Personnummer', 'Swedish personnummer, 12 digits', (v) => String(v));
export const DateScalar = scalar('Date', 'Calendar date YYYY-MM-DD', (v) => String(v).slice(0, 10));
export const MonthScalar = scalar('Month', 'Calendar month YYYY-MM', (v) => String(v).slice(0, 7));
export const DateTimeScalar = scalar('DateTime', 'ISO 8601 instant, UTC', (v) => fromDbDateTime(v as string | Date));
export const SEKScalar = scalar('SEK', 'Whole Swedish kronor', (v) => Number(v));
