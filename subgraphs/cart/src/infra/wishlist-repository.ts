import type { Db } from './prisma.ts';

/** The user's saved product ids, most recent first. */
export async function listWishlist(db: Db, userId: string): Promise<string[]> {
  const rows = await db.wishlistItem.findMany({ where: { userId }, select: { productId: true }, orderBy: [{ addedAt: 'desc' }, { productId: 'asc' }] });
  return rows.map((row) => row.productId);
}

export async function countWishlist(db: Db, userId: string): Promise<number> {
  return db.wishlistItem.count({ where: { userId } });
}

/** Saves a product; saving it again changes nothing. */
export async function addWishlistItem(db: Db, userId: string, productId: string): Promise<void> {
  await db.wishlistItem.createMany({ data: [{ userId, productId }], skipDuplicates: true });
}

export async function removeWishlistItem(db: Db, userId: string, productId: string): Promise<void> {
  await db.wishlistItem.deleteMany({ where: { userId, productId } });
}
