import { GraphQLError, GraphQLScalarType } from 'graphql';

/** Output-only here (no DateTime arguments): Date objects serialised as ISO 8601 in UTC. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize(value) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('DateTime must be a Date');
    return value.toISOString();
  },
});
