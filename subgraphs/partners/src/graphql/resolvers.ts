import { createApiKey } from '../application/create-api-key.ts';
import { keyDirectory, listApiKeys } from '../application/list-api-keys.ts';
import { revokeApiKey } from '../application/revoke-api-key.ts';
import type { PartnersContext } from '../context.ts';

/**
 * Every resolver of the partners subgraph (four thin root fields, so one file): each hands the
 * caller to its use case, which authorizes and owns its transaction.
 */
export const resolvers = {
  Query: {
    partnerApiKeys: (_: unknown, __: unknown, context: PartnersContext) => listApiKeys(context.deps, context),
    partnerKeyDirectory: (_: unknown, __: unknown, context: PartnersContext) => keyDirectory(context.deps, context),
  },
  Mutation: {
    createPartnerApiKey: (_: unknown, args: { name: string; allowedOperations: string[]; rateLimitPerMinute?: number | null }, context: PartnersContext) =>
      createApiKey(context.deps, context, args),
    revokePartnerApiKey: (_: unknown, args: { id: string }, context: PartnersContext) => revokeApiKey(context.deps, context, args.id),
  },
};
