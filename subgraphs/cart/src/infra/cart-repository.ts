import type { LineState } from '../domain/cart.ts';
import type { Db, Tx } from './prisma.ts';

/** A cart row with its lines in the order they were added. */
export interface CartRow {
  id: string;
  userId: string | null;
  version: number;
  updatedAt: Date;
  expiresAt: Date | null;
  mergedIntoId: string | null;
  lines: LineState[];
}

const withLines = {
  lines: { select: { variantId: true, productId: true, quantity: true }, orderBy: [{ addedAt: 'asc' as const }, { variantId: 'asc' as const }] },
};

export async function findCart(db: Db, id: string): Promise<CartRow | null> {
  return db.cart.findUnique({ where: { id }, include: withLines });
}

export async function findUserCart(db: Db, userId: string): Promise<CartRow | null> {
  return db.cart.findUnique({ where: { userId }, include: withLines });
}

/**
 * Locks the cart row (SELECT ... FOR UPDATE) until the transaction ends, then reads it: every
 * change of a cart goes through here, so concurrent changes of one cart run one after the other
 * and each sees the lines the previous one committed.
 */
export async function lockCart(tx: Tx, id: string): Promise<CartRow | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "cart"."cart" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length === 0 ? null : findCart(tx, id);
}

/** The signed-in user's cart, created on first use (a concurrent creation is absorbed), locked. */
export async function lockOrCreateUserCart(tx: Tx, userId: string, newId: string): Promise<CartRow> {
  await tx.$executeRaw`INSERT INTO "cart"."cart" (id, user_id) VALUES (${newId}::uuid, ${userId}::uuid) ON CONFLICT (user_id) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "cart"."cart" WHERE user_id = ${userId}::uuid FOR UPDATE`;
  return (await findCart(tx, rows[0]!.id))!;
}

export async function createGuestCart(tx: Tx, id: string, expiresAt: Date): Promise<CartRow> {
  await tx.cart.create({ data: { id, expiresAt } });
  return (await findCart(tx, id))!;
}

/** Writes the difference between the stored lines and `after` (new lines keep being added last). */
export async function writeLines(tx: Tx, cartId: string, before: readonly LineState[], after: readonly LineState[]): Promise<void> {
  const kept = new Set(after.map((line) => line.variantId));
  const removed = before.filter((line) => !kept.has(line.variantId)).map((line) => line.variantId);
  if (removed.length > 0) await tx.cartLine.deleteMany({ where: { cartId, variantId: { in: removed } } });
  const previous = new Map(before.map((line) => [line.variantId, line.quantity]));
  // New lines get distinct, increasing addedAt values so the cart keeps the order they were added in.
  let addedAt = Date.now();
  for (const line of after) {
    const old = previous.get(line.variantId);
    if (old === line.quantity) continue;
    if (old === undefined) await tx.cartLine.create({ data: { cartId, ...line, addedAt: new Date(addedAt++) } });
    else await tx.cartLine.update({ where: { cartId_variantId: { cartId, variantId: line.variantId } }, data: { quantity: line.quantity } });
  }
}

/** Records a change: version + 1, updatedAt now, a guest cart's expiry pushed out. Returns the row. */
export async function markChanged(tx: Tx, cartId: string, now: Date, expiresAt: Date | null): Promise<CartRow> {
  await tx.cart.update({ where: { id: cartId }, data: { version: { increment: 1 }, updatedAt: now, ...(expiresAt ? { expiresAt } : {}) } });
  return (await findCart(tx, cartId))!;
}

export async function markMerged(tx: Tx, guestCartId: string, intoCartId: string): Promise<void> {
  await tx.cart.update({ where: { id: guestCartId }, data: { mergedIntoId: intoCartId } });
}

/** Carts (not merged, not expired) holding lines, last changed before `cutoff`, oldest first. */
export async function findAbandoned(db: Db, cutoff: Date, now: Date, skip: number, take: number): Promise<{ rows: CartRow[]; total: number }> {
  const where = {
    updatedAt: { lt: cutoff },
    mergedIntoId: null,
    lines: { some: {} },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
  const [rows, total] = await Promise.all([
    db.cart.findMany({ where, include: withLines, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], skip, take }),
    db.cart.count({ where }),
  ]);
  return { rows, total };
}

/** Ids of guest carts whose expiry has passed. */
export async function findExpiredGuestCartIds(db: Db, now: Date, take: number): Promise<string[]> {
  const rows = await db.cart.findMany({ where: { userId: null, expiresAt: { lte: now } }, select: { id: true }, orderBy: { expiresAt: 'asc' }, take });
  return rows.map((row) => row.id);
}

export async function deleteCart(tx: Tx, id: string): Promise<void> {
  await tx.cart.delete({ where: { id } });
}
