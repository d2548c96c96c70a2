import { GraphQLScalarType } from 'graphql';

/** ISO 8601 instants in UTC; reviews only outputs them. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
});
