import type { EventBus, Listener } from '@drobble/kit/bus/event-bus';

/** Access tokens live 24 h at the most (identity's ACCESS_TOKEN_TTL_SECONDS); nothing is kept longer. */
const RETAIN_MS = 24 * 3_600_000;

export interface Revocations {
  /** True when identity revoked the token's session (logout, ban, role change, password reset, deletion, refresh-token reuse). */
  isRevoked(token: { sessionId: string }): boolean;
  stop(): void;
}

/**
 * Cuts off access tokens as soon as identity revokes their session, instead of when they expire:
 * every gateway replica listens (non-durably) to identity.session.revoked and keeps the revoked
 * session ids in memory, for 24 hours and `maxEntries` at the most (past that, or on a replica
 * started after the event, the token's own expiry is the limit, as it is for the subgraphs).
 */
export async function watchRevocations(bus: EventBus, maxEntries = 100_000): Promise<Revocations> {
  const revoked = new Map<string, number>();
  const listener: Listener = await bus.listen(['identity.session.revoked.v1'], (event) => {
    const now = Date.now();
    revoked.delete(event.data.sessionId);
    revoked.set(event.data.sessionId, now + RETAIN_MS);
    // Insertion order is expiry order: drop from the front while too many or expired.
    for (const [sessionId, until] of revoked) {
      if (revoked.size <= maxEntries && until > now) break;
      revoked.delete(sessionId);
    }
  });
  return {
    isRevoked: ({ sessionId }) => (revoked.get(sessionId) ?? 0) > Date.now(),
    stop: () => listener.stop(),
  };
}
