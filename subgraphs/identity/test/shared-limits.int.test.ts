import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { startIdentity, type IdentityHarness } from './harness.ts';

/**
 * Two identity replicas on one Redis (same RATE_LIMIT_KEY_PREFIX): failed sign-ins on one count on
 * the other. Runs where REDIS_URL is set (the real-services CI run); the embedded default, where
 * each process limits on its own, is covered by platform-limits.int.test.ts.
 */
const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)('rate limits shared across replicas through Redis', () => {
  const replicas: IdentityHarness[] = [];
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl!, RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}`, LOGIN_FAILURES_PER_ACCOUNT: '4', LOGIN_FAILURES_PER_ADDRESS: '1000' };
    replicas.push(await startIdentity(env), await startIdentity(env));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
  const viewer = { ...anonymousViewer, clientAddress: '198.51.100.9' };

  it('failures alternate between replicas and reach the limit together', async () => {
    const email = `shared-${randomUUID()}@example.com`;
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await replicas[i % 2]!.graphql(LOGIN, { email, password: 'Not-the-password-1' }, viewer);
      codes.push(result.errors![0]!.extensions!.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});
