import type { Review as ReviewRow } from '../generated/prisma/client.ts';
import type { ModerationStatus } from '../domain/moderation.ts';
import type { Db } from './prisma.ts';

/** A review as the domain and GraphQL see it. */
export interface Review {
  id: string;
  productId: string;
  authorId: string;
  rating: number;
  title: string | null;
  body: string;
  verifiedPurchase: boolean;
  status: ModerationStatus;
  moderationReason: string | null;
  createdAt: Date;
}

export const toReview = (row: ReviewRow): Review => ({
  id: row.id,
  productId: row.productId,
  authorId: row.authorId,
  rating: row.rating,
  title: row.title,
  body: row.body,
  verifiedPurchase: row.verifiedPurchase,
  status: row.status,
  moderationReason: row.moderationReason,
  createdAt: row.createdAt,
});

interface PageRow extends ReviewRow {
  rn: bigint | number;
}

/**
 * Newest-first APPROVED reviews of many products, one page each, in ONE query (a window per
 * product), for Product.reviews over a whole _entities fetch.
 */
export async function approvedPages(db: Db, productIds: readonly string[], offset: number, limit: number): Promise<Map<string, Review[]>> {
  const rows = await db.$queryRawUnsafe<PageRow[]>(
    `SELECT * FROM (
       SELECT id, product_id AS "productId", author_id AS "authorId", rating, title, body, verified_purchase AS "verifiedPurchase",
              status::text AS status, moderation_reason AS "moderationReason", moderated_by AS "moderatedBy", moderated_at AS "moderatedAt",
              created_at AS "createdAt", row_number() OVER (PARTITION BY product_id ORDER BY created_at DESC, id DESC) AS rn
       FROM "reviews"."review" WHERE product_id = ANY($1::uuid[]) AND status = 'APPROVED'
     ) ranked WHERE rn > $2 AND rn <= $3 ORDER BY "productId", rn`,
    [...productIds],
    offset,
    offset + limit,
  );
  const pages = new Map<string, Review[]>(productIds.map((id) => [id, []]));
  for (const row of rows) pages.get(row.productId)?.push(toReview({ ...row, createdAt: new Date(row.createdAt) }));
  return pages;
}
