import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { signInternalToken, INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import type { Role, Viewer } from '@drobble/kit/auth/viewer';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent, type EventMeta, type PayloadOf, type Subject } from '@drobble/schema/events';
import reviews from '../src/index.ts';
import { createReviewsPrisma, type ReviewsPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface ReviewsHarness {
  service: RunningService;
  bus: EventBus;
  prisma: ReviewsPrisma;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** Publishes an event as its owning context would (catalog, orders, identity). */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, meta?: Partial<EventMeta>): Promise<void>;
  stop(): Promise<void>;
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const anonymous = anonymousViewer;

/** The reviews subgraph on a fresh database and bus namespace (PGlite + in-process, or DATABASE_URL / NATS_URL). */
export async function startReviews(env: Record<string, string> = {}): Promise<ReviewsHarness> {
  const logger = createLogger('reviews-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await reviews.start({
    env: { SEED_DEMO_DATA: 'false', ...env },
    databaseUrl: db.connectionString,
    bus,
    logger,
    internalPublicKey: publicKeyFromPem(keys.publicKey),
    port: 0,
  });
  const prisma = createReviewsPrisma(db.connectionString);
  return {
    service,
    bus,
    prisma,
    async gql(query, variables = {}, viewer = anonymous) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async publish(subject, data, meta = {}) {
      await bus.publish(subject, createEvent(subject, data, { correlationId: 'reviews-test', ...meta }));
    },
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

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
