import { describe, expect, it } from 'vitest';
import type { ReviewsPrisma } from '../infra/prisma.ts';
import { createLoaders } from './loaders.ts';

const P = ['7d0b3c0e-7a51-4b8e-9a59-1f6c1b0f2a11', '8e1c4d1f-8b62-4c9f-8b6a-2a7d2c1f3b22', '9f2d5e2a-9c73-4da0-9c7b-3b8e3d2a4c33'];

/** Counts the queries the loaders send, answering like the database would. */
function fakePrisma() {
  const calls = { ratings: 0, pages: 0 };
  const prisma = {
    ratingSummary: {
      findMany: async ({ where }: { where: { productId: { in: string[] } } }) => {
        calls.ratings += 1;
        return where.productId.in.filter((id) => id !== P[2]).map((productId) => ({ productId, count: 2, sum: 9, stars1: 0, stars2: 0, stars3: 0, stars4: 1, stars5: 1 }));
      },
    },
    $queryRawUnsafe: async (_sql: string, ids: string[]) => {
      calls.pages += 1;
      return ids.map((productId, i) => ({ id: `r${i}`, productId, authorId: 'a', rating: 5, title: null, body: 'b', verifiedPurchase: false, status: 'APPROVED', moderationReason: null, createdAt: new Date(0), rn: 1 }));
    },
    review: { findMany: async () => [] },
  };
  return { prisma: prisma as unknown as ReviewsPrisma, calls };
}

describe('reviews loaders', () => {
  it('resolve every product of one fetch with one ratings query and one reviews query', async () => {
    const { prisma, calls } = fakePrisma();
    const loaders = createLoaders(prisma);
    const [ratings, pages] = await Promise.all([
      Promise.all(P.map((id) => loaders.rating(id))),
      Promise.all(P.map((id) => loaders.productReviews(id, { pageSize: 5 }))),
    ]);
    expect(calls).toEqual({ ratings: 1, pages: 1 });
    expect(ratings[0]).toEqual({ average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] });
    expect(ratings[2]).toEqual({ average: 0, count: 0, distribution: [0, 0, 0, 0, 0] });
    expect(pages[0]!.pageInfo).toEqual({ page: 1, pageSize: 5, total: 2 });
    expect(pages[1]!.items.map((r) => r.productId)).toEqual([P[1]]);
  });

  it('a different page size is its own (single) query', async () => {
    const { prisma, calls } = fakePrisma();
    const loaders = createLoaders(prisma);
    await Promise.all([loaders.productReviews(P[0]!, { pageSize: 5 }), loaders.productReviews(P[1]!, { pageSize: 10 }), loaders.productReviews(P[2]!, { pageSize: 10 })]);
    expect(calls.pages).toBe(2);
  });
});
