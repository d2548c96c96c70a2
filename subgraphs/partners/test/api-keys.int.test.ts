import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventOf } from '@drobble/schema/events';
import { admin, startPartners, viewerWith, type PartnersHarness } from './harness.ts';

let harness: PartnersHarness;
beforeAll(async () => {
  harness = await startPartners({ PERSISTED_DOCUMENTS_PATH: '/nonexistent/manifest.json' });
});
afterAll(async () => harness?.stop());

const op = (name: string) => createHash('sha256').update(name).digest('hex');
const CREATE = `mutation ($name: String!, $ops: [String!]!, $rate: Int) {
  createPartnerApiKey(name: $name, allowedOperations: $ops, rateLimitPerMinute: $rate) { key apiKey { id name prefix allowedOperations rateLimitPerMinute usageCount revokedAt } }
}`;
const LIST = '{ partnerApiKeys { id name usageCount lastUsedAt revokedAt } }';
const REVOKE = 'mutation ($id: ID!) { revokePartnerApiKey(id: $id) { id revokedAt } }';

const waitFor = async (check: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('partner API keys', () => {
  it('creates a key shown once, stored only as its hash, and publishes the grant', async () => {
    const grants: EventOf<'partners.api_key.created.v1'>[] = [];
    const listener = await harness.bus.listen(['partners.api_key.created.v1'], (event) => grants.push(event));
    const result = await harness.gql(CREATE, { name: 'Acme feed', ops: [op('a'), op('b')], rate: 30 });
    const { key, apiKey } = result.data!.createPartnerApiKey;
    expect(key).toMatch(/^drb_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Acme feed', prefix: key.slice(0, 15), allowedOperations: [op('a'), op('b')], rateLimitPerMinute: 30, usageCount: 0, revokedAt: null });
    const row = await harness.prisma.partnerApiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row, (_, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain(key);
    await waitFor(async () => grants.length === 1, 'the created event');
    expect(grants[0]!.data).toEqual({ keyId: apiKey.id, name: 'Acme feed', keyHash: row.keyHash, allowedOperations: [op('a'), op('b')], rateLimitPerMinute: 30 });
    listener.stop();
    const listed = await harness.gql(LIST);
    expect(JSON.stringify(listed)).not.toContain(key);
  });

  it('lets only admins manage keys and refuses bad input without writing', async () => {
    const before = await harness.prisma.partnerApiKey.count();
    const customer = await harness.gql(CREATE, { name: 'x', ops: [op('a')] }, viewerWith('CUSTOMER'));
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await harness.gql(LIST, {}, viewerWith('SUPPORT'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [variables, field] of [
      [{ name: ' ', ops: [op('a')] }, 'name'],
      [{ name: 'x', ops: [] }, 'allowedOperations'],
      [{ name: 'x', ops: ['not-a-hash'] }, 'allowedOperations'],
      [{ name: 'x', ops: [op('a')], rate: 0 }, 'rateLimitPerMinute'],
    ] as const) {
      const result = await harness.gql(CREATE, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await harness.prisma.partnerApiKey.count()).toBe(before);
  });

  it('revokes once under concurrency, idempotently, publishing one revocation', async () => {
    const created = (await harness.gql(CREATE, { name: 'Revoke me', ops: [op('a')] })).data!.createPartnerApiKey.apiKey;
    const revocations: string[] = [];
    const listener = await harness.bus.listen(['partners.api_key.revoked.v1'], (event) => revocations.push(event.data.keyId));
    const results = await Promise.all([1, 2, 3, 4].map(() => harness.gql(REVOKE, { id: created.id })));
    expect(results.every((result) => result.data?.revokePartnerApiKey.revokedAt)).toBe(true);
    await waitFor(async () => revocations.length >= 1, 'the revoked event');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(revocations).toEqual([created.id]);
    listener.stop();
    expect((await harness.gql(REVOKE, { id: randomUUID() })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('adds usage reports to the count once per event, visible to admins', async () => {
    const created = (await harness.gql(CREATE, { name: 'Counted', ops: [op('a')] })).data!.createPartnerApiKey.apiKey;
    const report = (count: number) =>
      createEvent('partners.api_key.used.v1', { keyId: created.id, count, from: new Date(Date.now() - 5_000).toISOString(), to: new Date().toISOString() }, { correlationId: 'test' });
    const first = report(3);
    await harness.bus.publish('partners.api_key.used.v1', first);
    await harness.bus.publish('partners.api_key.used.v1', report(4));
    await harness.bus.publish('partners.api_key.used.v1', { ...first });
    const usage = async () => {
      const listed = await harness.gql(LIST);
      const keys = (listed.data?.partnerApiKeys ?? []) as { id: string; usageCount: number; lastUsedAt: string | null }[];
      const found = keys.find((key) => key.id === created.id);
      return found;
    };
    await waitFor(async () => (await usage())?.usageCount === 7, 'usage 7');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await usage()).toMatchObject({ usageCount: 7, lastUsedAt: expect.any(String) });
  });

  it('gives the gateway the live keys only (directory), to admins only', async () => {
    const directory = await harness.gql('{ partnerKeyDirectory { keyId keyHash allowedOperations rateLimitPerMinute } }', {}, admin);
    const rows = await harness.prisma.partnerApiKey.findMany({ where: { revokedAt: null } });
    expect(directory.data!.partnerKeyDirectory.map((grant: { keyId: string }) => grant.keyId).sort()).toEqual(rows.map((row) => row.id).sort());
    expect((await harness.gql('{ partnerKeyDirectory { keyId } }', {}, viewerWith('CUSTOMER'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
