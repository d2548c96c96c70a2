import { randomUUID } from 'node:crypto';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { EventMeta } from '@drobble/schema/events';
import reviews from '../src/index.ts';
import { createReviewsPrisma, type ReviewsPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export type ReviewsHarness = SubgraphHarness<ReviewsPrisma>;
export const anonymous = anonymousViewer;

/** The reviews subgraph on a fresh database and bus namespace (PGlite + in-process, or DATABASE_URL / NATS_URL); gql calls as anonymous by default. */
export const startReviews = (env: Record<string, string> = {}): Promise<ReviewsHarness> =>
  startSubgraphHarness(reviews, { env: { SEED_DEMO_DATA: 'false', ...env }, defaultViewer: anonymous, createPrisma: createReviewsPrisma });

export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

/** Retries `check` until it passes (events arrive asynchronously). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Publishes a catalog product and waits until reviews knows it. */
export async function knownProduct(h: ReviewsHarness, name = 'Reviewed Thing', meta: Partial<EventMeta> = {}): Promise<string> {
  const id = randomUUID();
  await h.publish(
    'catalog.product.created.v1',
    { id, slug: `p-${id.slice(0, 8)}`, name, description: '', categoryId: null, active: true, featured: false, currency: 'USD', attributes: [], images: [], variants: [{ id: randomUUID(), sku: `S-${id.slice(0, 8)}`, name: 'Default', price: 1000, options: [] }], version: 1 },
    meta,
  );
  await eventually(async () => {
    if (!(await h.prisma.reviewableProduct.findUnique({ where: { id } }))) throw new Error('product not known yet');
  });
  return id;
}

/** Publishes orders.order.paid for a customer buying these products. */
export async function paidOrder(h: ReviewsHarness, customerId: string, productIds: string[]) {
  const orderId = randomUUID();
  await h.publish('orders.order.paid.v1', {
    orderId,
    number: 'ORD-20261123-AB12C',
    customerId,
    email: 'buyer@example.com',
    currency: 'USD',
    lines: productIds.map((productId, i) => ({ variantId: randomUUID(), productId, sku: `SKU-${i}`, productName: `Thing ${i}`, quantity: 1, unitPrice: 1000 })),
    total: 1000 * productIds.length,
    paidAt: new Date().toISOString(),
  });
  await eventually(async () => {
    if ((await h.prisma.purchase.count({ where: { customerId } })) === 0) throw new Error('purchase not recorded yet');
  });
}

export const SUBMIT = `mutation ($productId: ID!, $rating: Int!, $title: String, $body: String!) {
  submitReview(productId: $productId, rating: $rating, title: $title, body: $body) { id rating title body verifiedPurchase status createdAt product { id } author { id } }
}`;
export const MODERATE = `mutation ($id: ID!, $decision: ModerationDecision!, $reason: String) { moderateReview(id: $id, decision: $decision, reason: $reason) { id status } }`;
export const PRODUCT_ENTITIES = `query ($representations: [_Any!]!, $page: Int, $pageSize: Int) {
  _entities(representations: $representations) {
    ... on Product { id rating { average count distribution } reviews(page: $page, pageSize: $pageSize) { items { id rating status } pageInfo { page pageSize total } } }
  }
}`;
export const productRefs = (...ids: string[]) => ids.map((id) => ({ __typename: 'Product', id }));
