import { requireSelfOrStaff, type IdentityContext } from '../../context.ts';
import type { Address, User as DomainUser } from '../../domain/user.ts';

/** User field resolvers; private fields are for the user themself and for ADMIN/SUPPORT. */
export const User = {
  /** Entity references from other subgraphs (Order.customer, Review.author): batched per request. */
  async __resolveReference(reference: { id: string }, context: IdentityContext): Promise<DomainUser | null> {
    return (await context.loaders.user.load(reference.id)) ?? null;
  },
  email(user: DomainUser, _args: unknown, context: IdentityContext): string {
    requireSelfOrStaff(context, user.id);
    return user.email;
  },
  mfaEnabled(user: DomainUser, _args: unknown, context: IdentityContext): boolean {
    requireSelfOrStaff(context, user.id);
    return user.mfaEnabled;
  },
  async addresses(user: DomainUser, _args: unknown, context: IdentityContext): Promise<Address[]> {
    requireSelfOrStaff(context, user.id);
    return (await context.loaders.addresses.load(user.id)) ?? [];
  },
};
