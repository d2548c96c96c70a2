import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function instant(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw invalid('DateTime must be an ISO 8601 instant');
  return date;
}

/** ISO 8601 instants in UTC on the wire, Date objects inside. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => instant(value).toISOString(),
  parseValue: instant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string');
    return instant(ast.value);
  },
});
