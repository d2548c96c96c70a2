import { createHash } from 'node:crypto';
import type { EventBus, Listener } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';

/** What the gateway knows of a live partner key. */
export interface PartnerGrant {
  keyId: string;
  keyHash: string;
  allowedOperations: ReadonlySet<string>;
  rateLimitPerMinute: number;
}

export interface RawGrant {
  keyId: string;
  keyHash: string;
  allowedOperations: readonly string[];
  rateLimitPerMinute: number;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Every replica's in-memory directory of partner keys, by SHA-256 of the key: a snapshot from the
 * partners subgraph at start, then `partners.api_key.created/revoked.v1` as they happen (listened
 * before the snapshot is taken, so nothing between the two is missed; a revocation always wins).
 * A request is authenticated with one map lookup, no call to anyone.
 */
export class PartnerKeyDirectory {
  readonly #byHash = new Map<string, PartnerGrant>();
  readonly #revoked = new Set<string>();
  #listener: Listener | undefined;

  async start(bus: EventBus, snapshot: () => Promise<RawGrant[]>, logger: Logger): Promise<void> {
    this.#listener = await bus.listen(['partners.api_key.created.v1', 'partners.api_key.revoked.v1'], (event) => {
      if (event.type === 'partners.api_key.created') this.add(event.data);
      else this.revoke(event.data.keyHash);
    });
    try {
      for (const grant of await snapshot()) this.add(grant);
    } catch (error) {
      logger.error({ err: error }, 'cannot load the partner key snapshot; only keys created from now on will work');
    }
  }

  add(grant: RawGrant): void {
    if (this.#revoked.has(grant.keyHash)) return;
    this.#byHash.set(grant.keyHash, { ...grant, allowedOperations: new Set(grant.allowedOperations) });
  }

  revoke(keyHash: string): void {
    this.#revoked.add(keyHash);
    this.#byHash.delete(keyHash);
  }

  /** The grant of a presented key, or undefined for an unknown or revoked one. */
  lookup(key: string): PartnerGrant | undefined {
    return this.#byHash.get(hashApiKey(key));
  }

  stop(): void {
    this.#listener?.stop();
  }
}
