import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { busAdapters, waitFor, type BusHarness } from '@drobble/kit/bus/test-harness';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createEvent, type PayloadOf, type Subject } from '@drobble/schema/events';
import { createViewerResolver } from './auth.ts';
import { watchRevocations, type Revocations } from './revocations.ts';

const keys = generateKeyPairPem();
const privateKey = privateKeyFromPem(keys.privateKey);

describe.each(busAdapters)('access tokens of sessions identity revoked ($name)', (adapter) => {
  let harness: BusHarness;
  let bus: EventBus;
  let revocations: Revocations;
  let resolve: ReturnType<typeof createViewerResolver>;

  beforeEach(async (context) => {
    if (adapter.skip) context.skip(adapter.skip);
    harness = adapter.create();
    bus = await harness.open();
    revocations = await watchRevocations(bus);
    resolve = createViewerResolver(publicKeyFromPem(keys.publicKey), revocations);
  });
  afterEach(async () => {
    revocations?.stop();
    await harness?.cleanup();
  });

  const publish = <S extends Subject>(subject: S, data: PayloadOf<S>) => bus.publish(subject, createEvent(subject, data, { correlationId: 'revocation-test' }));
  const tokenOf = async (userId: string, sessionId: string) => `Bearer ${(await signAccessToken({ userId, roles: ['CUSTOMER'], sessionId }, privateKey, 600)).token}`;

  it('refuses a token of a logged-out session at once, even one verified and cached before', async () => {
    const [userId, sessionId, otherSession] = [randomUUID(), randomUUID(), randomUUID()];
    const token = await tokenOf(userId, sessionId);
    const other = await tokenOf(userId, otherSession);
    expect(await resolve(token)).not.toBeNull();
    await publish('identity.session.revoked.v1', { userId, sessionId, reason: 'LOGOUT' });
    await waitFor(async () => (await resolve(token)) === null, 15_000, 'revocation');
    expect(await resolve(other)).not.toBeNull();
  });

  it('keeps at most maxEntries revocations, dropping the oldest first', async () => {
    const small = await watchRevocations(bus, 2);
    try {
      const sessions = [randomUUID(), randomUUID(), randomUUID()];
      for (const sessionId of sessions) await publish('identity.session.revoked.v1', { userId: randomUUID(), sessionId, reason: 'USER_BANNED' });
      await waitFor(() => small.isRevoked({ sessionId: sessions[2]! }), 15_000, 'revocation');
      expect(sessions.map((sessionId) => small.isRevoked({ sessionId }))).toEqual([false, true, true]);
    } finally {
      small.stop();
    }
  });
});
