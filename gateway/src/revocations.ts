import type { EventBus, Listener } from '@drobble/kit/bus/event-bus';

/** Access tokens live 24 h at the most (identity's ACCESS_TOKEN_TTL_SECONDS); nothing is kept longer. */
const RETAIN_MS = 24 * 3_600_000;

export interface Revocations {
  /** True when identity revoked the token's session (logout, ban, role change, password reset, deletion, refresh-token reuse). */
  isRevoked(token: { sessionId: string }): boolean;
  /** Calls `onRevoked` once if the session is revoked while watched (a live graphql-ws connection); returns the unwatch. */
  watch(sessionId: string, onRevoked: () => void): () => void;
  stop(): void;
}

/**
 * Cuts off access tokens as soon as identity revokes their session, instead of when they expire:
 * every gateway replica listens (non-durably) to identity.session.revoked, ends the live
 * connections of that session and refuses its tokens from then on. Revoked ids are kept for 24
 * hours and `maxEntries` at the most (past that, or on a replica started after the event, the
 * token's own expiry is the limit, as it is for the subgraphs).
 */
export async function watchRevocations(bus: EventBus, maxEntries = 100_000): Promise<Revocations> {
  const revoked = new Map<string, number>();
  const watchers = new Map<string, Set<() => void>>();
  const listener: Listener = await bus.listen(['identity.session.revoked.v1'], (event) => {
    const { sessionId } = event.data;
    remember(revoked, sessionId, maxEntries);
    for (const onRevoked of [...(watchers.get(sessionId) ?? [])]) onRevoked();
    watchers.delete(sessionId);
  });
  return {
    isRevoked: ({ sessionId }) => (revoked.get(sessionId) ?? 0) > Date.now(),
    watch(sessionId, onRevoked) {
      let set = watchers.get(sessionId);
      if (!set) watchers.set(sessionId, (set = new Set()));
      set.add(onRevoked);
      return () => {
        set.delete(onRevoked);
        if (set.size === 0 && watchers.get(sessionId) === set) watchers.delete(sessionId);
      };
    },
    stop: () => listener.stop(),
  };
}

/** Insertion order is expiry order: after adding, drop from the front while too many or expired. */
function remember(revoked: Map<string, number>, sessionId: string, maxEntries: number): void {
  const now = Date.now();
  revoked.delete(sessionId);
  revoked.set(sessionId, now + RETAIN_MS);
  for (const [oldest, until] of revoked) {
    if (revoked.size <= maxEntries && until > now) break;
    revoked.delete(oldest);
  }
}
