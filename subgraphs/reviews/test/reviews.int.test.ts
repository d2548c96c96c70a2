import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf } from '@drobble/schema/events';
import {
  MODERATE, PRODUCT_ENTITIES, SUBMIT, anonymous, errorsOf, eventually, knownProduct, paidOrder, productRefs, startReviews, viewerWith, type ReviewsHarness,
} from './harness.ts';

let h: ReviewsHarness;
const admin = viewerWith('ADMIN');
const ratingEvents: EventOf<'reviews.rating.changed.v1'>[] = [];
const body = 'Sturdy, comfortable and exactly what I hoped for.';

beforeAll(async () => {
  h = await startReviews();
  await h.bus.subscribe({ durable: 'reviews-test-ratings', subjects: ['reviews.rating.changed.v1'], handler: async (event) => void ratingEvents.push(event) });
}, 120_000);
afterAll(() => h?.stop());

const submit = (viewer: ReturnType<typeof viewerWith>, productId: string, rating = 4, extra: Record<string, unknown> = {}) =>
  h.gql(SUBMIT, { productId, rating, body, ...extra }, viewer);
const product = async (id: string, args: Record<string, unknown> = {}) =>
  (await h.gql(PRODUCT_ENTITIES, { representations: productRefs(id), ...args })).data!._entities[0];

describe('submitReview', () => {
  it('refuses anonymous callers, bad input and unknown products, and stores nothing', async () => {
    const productId = await knownProduct(h);
    const shopper = viewerWith('CUSTOMER');
    expect(errorsOf(await submit(anonymous as any, productId))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(errorsOf(await submit(shopper, productId, 6))).toEqual([{ code: 'BAD_USER_INPUT', field: 'rating' }]);
    expect(errorsOf(await submit(shopper, productId, 0))).toEqual([{ code: 'BAD_USER_INPUT', field: 'rating' }]);
    expect(errorsOf(await submit(shopper, productId, 3, { body: 'too short' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'body' }]);
    expect(errorsOf(await submit(shopper, productId, 3, { body: 'x'.repeat(4001) }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'body' }]);
    expect(errorsOf(await submit(shopper, productId, 3, { title: 't'.repeat(121) }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'title' }]);
    expect(errorsOf(await submit(shopper, 'not-an-id'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'productId' }]);
    expect(errorsOf(await submit(shopper, '00000000-0000-4000-8000-000000000000'))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(await h.prisma.review.count({ where: { authorId: shopper.userId! } })).toBe(0);
  });

  it('holds an unverified review for moderation; a second review of the same product is a CONFLICT', async () => {
    const productId = await knownProduct(h);
    const shopper = viewerWith('CUSTOMER');
    const first = await submit(shopper, productId, 2, { title: '  ' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.submitReview).toMatchObject({ rating: 2, title: null, verifiedPurchase: false, status: 'PENDING', product: { id: productId }, author: { id: shopper.userId } });
    expect(errorsOf(await submit(shopper, productId, 5))).toEqual([{ code: 'CONFLICT' }]);
    expect(await product(productId)).toMatchObject({ rating: { average: 0, count: 0, distribution: [0, 0, 0, 0, 0] }, reviews: { items: [], pageInfo: { total: 0 } } });
    const queue = await h.gql(`{ pendingReviews(pageSize: 100) { items { id } pageInfo { total } } }`, {}, admin);
    expect(queue.data!.pendingReviews.items.map((r: { id: string }) => r.id)).toContain(first.data!.submitReview.id);
    expect(errorsOf(await h.gql(`{ pendingReviews { items { id } } }`, {}, shopper))).toEqual([{ code: 'FORBIDDEN' }]);
  });

  it('a review on a product the user bought is verified, and published at once when clean', async () => {
    const productId = await knownProduct(h);
    const other = await knownProduct(h);
    const buyer = viewerWith('CUSTOMER');
    await paidOrder(h, buyer.userId!, [productId, other]);
    const result = await submit(buyer, productId, 5);
    expect(result.data!.submitReview).toMatchObject({ verifiedPurchase: true, status: 'APPROVED' });
    expect(await product(productId)).toMatchObject({ rating: { average: 5, count: 1, distribution: [0, 0, 0, 0, 1] }, reviews: { pageInfo: { total: 1 } } });
    await eventually(() => expect(ratingEvents.find((e) => e.data.productId === productId)?.data.rating).toEqual({ average: 5, count: 1, distribution: [0, 0, 0, 0, 1] }));
    const spam = await submit(buyer, other, 5, { body: 'Great, more deals at cheap-stuff.shop today!' });
    expect(spam.data!.submitReview).toMatchObject({ verifiedPurchase: true, status: 'PENDING' });
  });

  it('a purchase after the review marks it verified', async () => {
    const productId = await knownProduct(h);
    const shopper = viewerWith('CUSTOMER');
    const review = await submit(shopper, productId, 4);
    await paidOrder(h, shopper.userId!, [productId]);
    expect(await h.prisma.review.findUnique({ where: { id: review.data!.submitReview.id } })).toMatchObject({ verifiedPurchase: true, status: 'PENDING' });
  });

  it('two submissions at once: one review, one CONFLICT', async () => {
    const productId = await knownProduct(h);
    const shopper = viewerWith('CUSTOMER');
    const results = await Promise.all([submit(shopper, productId, 4), submit(shopper, productId, 3), submit(shopper, productId, 2)]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(errorsOf)).toEqual([{ code: 'CONFLICT' }, { code: 'CONFLICT' }]);
    expect(await h.prisma.review.count({ where: { productId } })).toBe(1);
  });
});

describe('moderateReview and ratings', () => {
  it('approving and rejecting keeps the summary exact; reasons and repeats are checked', async () => {
    const productId = await knownProduct(h);
    const ids: string[] = [];
    for (const rating of [5, 3, 4]) ids.push((await submit(viewerWith('CUSTOMER'), productId, rating)).data!.submitReview.id);
    expect(errorsOf(await h.gql(MODERATE, { id: ids[0], decision: 'APPROVE' }, viewerWith('CUSTOMER')))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(MODERATE, { id: ids[0], decision: 'REJECT' }, admin))).toEqual([{ code: 'BAD_USER_INPUT', field: 'reason' }]);
    for (const id of ids) expect((await h.gql(MODERATE, { id, decision: 'APPROVE' }, admin)).data!.moderateReview.status).toBe('APPROVED');
    expect(errorsOf(await h.gql(MODERATE, { id: ids[0], decision: 'APPROVE' }, admin))).toEqual([{ code: 'CONFLICT' }]);
    expect((await product(productId)).rating).toEqual({ average: 4, count: 3, distribution: [0, 0, 1, 1, 1] });
    await h.gql(MODERATE, { id: ids[0], decision: 'REJECT', reason: 'Off-topic' }, admin);
    expect((await product(productId)).rating).toEqual({ average: 3.5, count: 2, distribution: [0, 0, 1, 1, 0] });
    expect(await h.prisma.review.findUnique({ where: { id: ids[0] } })).toMatchObject({ status: 'REJECTED', moderationReason: 'Off-topic', moderatedBy: admin.userId });
    expect(errorsOf(await h.gql(MODERATE, { id: '00000000-0000-4000-8000-000000000000', decision: 'APPROVE' }, admin))).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('two moderators approving at once count the review once', async () => {
    const productId = await knownProduct(h);
    const id = (await submit(viewerWith('CUSTOMER'), productId, 4)).data!.submitReview.id;
    const results = await Promise.all([1, 2, 3].map(() => h.gql(MODERATE, { id, decision: 'APPROVE' }, viewerWith('ADMIN'))));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap(errorsOf)).toEqual([{ code: 'CONFLICT' }, { code: 'CONFLICT' }]);
    expect((await product(productId)).rating).toMatchObject({ count: 1, average: 4 });
  });
});

describe('Product.reviews and User.reviews', () => {
  it('approved only, newest first, paged; several products in one fetch', async () => {
    const [a, b] = [await knownProduct(h), await knownProduct(h)];
    const author = viewerWith('CUSTOMER');
    const approved: string[] = [];
    for (const [i, productId] of [a, a, a, b].entries()) {
      const viewer = i === 0 ? author : viewerWith('CUSTOMER');
      const id = (await submit(viewer, productId, 3 + (i % 3))).data!.submitReview.id;
      await h.gql(MODERATE, { id, decision: 'APPROVE' }, admin);
      if (productId === a) approved.unshift(id);
    }
    await submit(viewerWith('CUSTOMER'), a, 1); // pending: never listed
    const result = await h.gql(PRODUCT_ENTITIES, { representations: productRefs(a, b), pageSize: 2, page: 1 });
    const [pa, pb] = result.data!._entities;
    expect(pa.reviews.items.map((r: { id: string }) => r.id)).toEqual(approved.slice(0, 2));
    expect(pa.reviews.pageInfo).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(pb.reviews.pageInfo.total).toBe(1);
    const second = (await h.gql(PRODUCT_ENTITIES, { representations: productRefs(a), page: 2, pageSize: 2 })).data!._entities[0];
    expect(second.reviews.items.map((r: { id: string }) => r.id)).toEqual(approved.slice(2));

    const USER = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { reviews { items { id status } pageInfo { total } } } } }`;
    const pendingByAuthor = (await submit(author, b, 2)).data!.submitReview.id;
    const own = (await h.gql(USER, { r: [{ __typename: 'User', id: author.userId }] }, author)).data!._entities[0].reviews;
    expect(own.items.map((r: { id: string }) => r.id)).toEqual([pendingByAuthor, approved.at(-1)]);
    const seenByOthers = (await h.gql(USER, { r: [{ __typename: 'User', id: author.userId }] }, viewerWith('CUSTOMER'))).data!._entities[0].reviews;
    expect(seenByOthers).toEqual({ items: [{ id: approved.at(-1), status: 'APPROVED' }], pageInfo: { total: 1 } });
  });
});
