import { describe, expect, it } from 'vitest';
import { createRateLimits } from '@drobble/kit/rate-limit/rate-limit';
import type { UserWithCredentials } from '../domain/user.ts';
import type { Caller } from './caller.ts';
import { login } from './login.ts';
import type { IdentityDeps, IdentityLimits, IdentityStore, IdentityTx } from './ports.ts';

const user: UserWithCredentials = {
  id: '00000000-0000-4000-8000-000000000001', email: 'casey@example.com', firstName: null, lastName: null, roles: ['CUSTOMER'], status: 'ACTIVE',
  mfaEnabled: false, bannedAt: null, bannedReason: null, deletedAt: null, passwordChangedAt: null, createdAt: new Date(0), updatedAt: new Date(0),
  passwordHash: 'stored-hash', mfaSecret: null, mfaPendingSecret: null, mfaLastStep: null,
};
const caller: Caller = { viewer: { userId: null, roles: [], sessionId: null }, clientAddress: '203.0.113.1', meta: { correlationId: 'test' } };

/** Login's collaborators, in memory: records which hash checks ran and which events were written. */
async function fakes() {
  const calls: string[] = [];
  const events: { subject: string; data: unknown }[] = [];
  const tx = { recordEvent: async (subject: string, data: unknown) => void events.push({ subject, data }) } as unknown as IdentityTx;
  const store = {
    findUserByEmail: async (email: string) => (email === user.email ? user : null),
    transaction: async <T>(work: (tx: IdentityTx) => Promise<T>) => work(tx),
  } as unknown as IdentityStore;
  const rateLimits = await createRateLimits({ keyPrefix: 'login-test' });
  const limit = rateLimits.limit({ name: 'x', points: 100, durationSeconds: 60 });
  const limits: IdentityLimits = { loginFailuresPerAccount: limit, loginFailuresPerAddress: limit, registrationsPerAddress: limit, passwordResetsPerAccount: limit, passwordResetsPerAddress: limit, mfaFailuresPerUser: limit };
  const deps = {
    store,
    limits,
    hasher: {
      hash: async () => 'h',
      verify: async (_hash: string, _password: string) => (calls.push('verify'), false),
      verifyDummy: async () => (calls.push('verifyDummy'), false),
    },
    clock: () => new Date(),
  } as unknown as IdentityDeps;
  return { deps, calls, events };
}

describe('login failures', () => {
  it('an unknown email still costs one (dummy) hash verification, like a wrong password, and fails the same way', async () => {
    const { deps, calls, events } = await fakes();
    const wrong = await login(deps, { email: user.email, password: 'Wrong-password-1' }, caller).catch((error: Error) => error);
    const unknown = await login(deps, { email: 'ghost@example.com', password: 'Wrong-password-1' }, caller).catch((error: Error) => error);
    expect(calls).toEqual(['verify', 'verifyDummy']);
    expect((unknown as Error).message).toBe((wrong as Error).message);
    expect(events.map((event) => event.data)).toEqual([
      { email: user.email, reason: 'INVALID_CREDENTIALS', clientAddress: '203.0.113.1' },
      { email: 'ghost@example.com', reason: 'INVALID_CREDENTIALS', clientAddress: '203.0.113.1' },
    ]);
  });
});
