import { badInput } from '@drobble/kit/errors';

export const TITLE_MAX = 120;
export const BODY_MIN = 10;
export const BODY_MAX = 4_000;
export const REASON_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReviewDraft {
  productId: string;
  rating: number;
  title: string | null;
  body: string;
}

/** Validates submitReview's input (trimmed; an empty title is no title), or throws BAD_USER_INPUT naming the field. */
export function parseReviewInput(input: { productId: string; rating: number; title?: string | null; body: string }): ReviewDraft {
  const productId = parseId('productId', input.productId);
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw badInput('rating', 'rating is a whole number of stars from 1 to 5');
  const title = input.title?.trim() || null;
  if (title !== null && [...title].length > TITLE_MAX) throw badInput('title', `title is at most ${TITLE_MAX} characters`);
  const body = input.body.trim();
  const length = [...body].length;
  if (length < BODY_MIN || length > BODY_MAX) throw badInput('body', `body is ${BODY_MIN} to ${BODY_MAX} characters`);
  return { productId, rating: input.rating, title, body };
}

/** A UUID argument, lower-cased, or BAD_USER_INPUT on `field`. */
export function parseId(field: string, value: string): string {
  if (!UUID.test(value)) throw badInput(field, `${field} is not a valid id`);
  return value.toLowerCase();
}

/** moderateReview's reason: required to reject (the author deserves one), at most REASON_MAX characters. */
export function parseReason(decision: 'APPROVE' | 'REJECT', reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() || null;
  if (decision === 'REJECT' && trimmed === null) throw badInput('reason', 'a rejection needs a reason');
  if (trimmed !== null && [...trimmed].length > REASON_MAX) throw badInput('reason', `reason is at most ${REASON_MAX} characters`);
  return trimmed;
}
