import { requireRole } from '@drobble/kit/auth/guards';
import { badInput } from '@drobble/kit/errors';
import type { CartView } from '../domain/cart.ts';
import { parsePaging } from '@drobble/kit/paging';
import { findAbandoned } from '../infra/cart-repository.ts';
import { toCartViews } from './cart-view.ts';
import type { Caller, CartDeps } from './deps.ts';

export const MAX_ABANDONED_HOURS = 24 * 365;

export interface CartPageView {
  items: CartView[];
  pageInfo: { page: number; pageSize: number; total: number };
}

/** abandonedCarts: ADMIN or SUPPORT; live carts with lines unchanged for olderThanHours, oldest first. */
export async function abandonedCarts(
  deps: CartDeps,
  caller: Caller,
  args: { olderThanHours: number; page?: number | null; pageSize?: number | null },
): Promise<CartPageView> {
  requireRole(caller.viewer, 'ADMIN', 'SUPPORT');
  const hours = args.olderThanHours;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_ABANDONED_HOURS) {
    throw badInput('olderThanHours', `olderThanHours must be between 1 and ${MAX_ABANDONED_HOURS}`);
  }
  const paging = parsePaging(args.page, args.pageSize);
  const now = deps.now();
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  const { rows, total } = await findAbandoned(deps.prisma, cutoff, now, paging.skip, paging.take);
  return { items: await toCartViews(deps.prisma, deps, rows), pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}
