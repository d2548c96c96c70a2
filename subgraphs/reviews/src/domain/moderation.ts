import { conflict } from '@drobble/kit/errors';

export type ModerationStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export type ModerationDecision = 'APPROVE' | 'REJECT';

/** A new review is published at once only when the author bought the product and the text is clean. */
export const initialStatus = (verifiedPurchase: boolean, clean: boolean): ModerationStatus =>
  verifiedPurchase && clean ? 'APPROVED' : 'PENDING';

/** Allowed transitions: from -> decision -> to. Deciding what already holds is a CONFLICT. */
const TRANSITIONS: Record<ModerationStatus, Partial<Record<ModerationDecision, ModerationStatus>>> = {
  PENDING: { APPROVE: 'APPROVED', REJECT: 'REJECTED' },
  APPROVED: { REJECT: 'REJECTED' },
  REJECTED: { APPROVE: 'APPROVED' },
};

export function nextStatus(current: ModerationStatus, decision: ModerationDecision): ModerationStatus {
  const next = TRANSITIONS[current][decision];
  if (!next) throw conflict(`the review is already ${current}`);
  return next;
}

/** How the product's approved count changes with a transition: +1, -1 or 0. */
export function approvedDelta(from: ModerationStatus | null, to: ModerationStatus): -1 | 0 | 1 {
  const before = from === 'APPROVED' ? 1 : 0;
  const after = to === 'APPROVED' ? 1 : 0;
  return (after - before) as -1 | 0 | 1;
}
