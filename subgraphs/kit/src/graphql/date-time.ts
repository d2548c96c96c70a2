import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time: a date, a time (seconds and fraction optional) and Z or an offset. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseInstant(value: unknown): Date {
  if (typeof value === 'string' && RFC_3339.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw badInput('DateTime must be an ISO 8601 instant with a time zone, such as 2026-01-31T12:00:00.000Z');
}

/**
 * The DateTime scalar of every subgraph: Date objects in resolvers, ISO 8601 strings in UTC on the
 * wire. Input must name its zone (Z or an offset), so "2026-01-31" or a local time is refused
 * with BAD_USER_INPUT rather than read in the server's zone.
 */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, as an ISO 8601 string in UTC (e.g. "2026-11-22T10:15:00.000Z").',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be a string');
    return parseInstant(ast.value);
  },
});
