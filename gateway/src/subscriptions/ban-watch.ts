import type { EventBus, Listener } from '@drobble/kit/bus/event-bus';

/**
 * Ends a banned user's live connections on every replica: identity publishes
 * `identity.user.banned.v1`, each gateway listens (non-durably) and closes that user's sockets.
 */
export class BanWatch {
  readonly #sockets = new Map<string, Set<() => void>>();
  #listener: Listener | undefined;

  async start(bus: EventBus): Promise<void> {
    this.#listener = await bus.listen(['identity.user.banned.v1'], (event) => {
      for (const end of [...(this.#sockets.get(event.data.userId) ?? [])]) end();
    });
  }

  /** Calls `onBan` if the user is banned while tracked; returns the untrack. */
  track(userId: string, onBan: () => void): () => void {
    let set = this.#sockets.get(userId);
    if (!set) this.#sockets.set(userId, (set = new Set()));
    set.add(onBan);
    return () => {
      set.delete(onBan);
      if (set.size === 0) this.#sockets.delete(userId);
    };
  }

  stop(): void {
    this.#listener?.stop();
  }
}
