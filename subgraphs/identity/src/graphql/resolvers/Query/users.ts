import type { UserPageArgs } from '../../../application/admin-users.ts';
import type { IdentityContext } from '../../../context.ts';
import type { User } from '../../../domain/user.ts';

/** ADMIN: one page of users with the contract's { items, pageInfo } shape. */
export async function users(_parent: unknown, args: UserPageArgs, context: IdentityContext): Promise<{ items: User[]; pageInfo: { page: number; pageSize: number; total: number } }> {
  const { items, total, page, pageSize } = await context.useCases.listUsers(args);
  return { items, pageInfo: { page, pageSize, total } };
}
