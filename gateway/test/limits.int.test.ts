import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from './fixtures.ts';
import { startLivePlatform, type LivePlatform } from './live-fixtures.ts';

const limitsEnv = {
  QUERY_MAX_DEPTH: '5',
  QUERY_MAX_COST: '200',
  QUERY_MAX_LIST_COST: '1000',
  QUERY_MAX_ALIASES: '3',
  QUERY_MAX_DIRECTIVES: '3',
  QUERY_MAX_TOKENS: '300',
  APQ_CACHE_MB: '1',
};

let platform: LivePlatform;
let production: LivePlatform;
beforeAll(async () => {
  [platform, production] = await Promise.all([startLivePlatform(limitsEnv), startLivePlatform({ ...limitsEnv, NODE_ENV: 'production' })]);
}, 90_000);
afterAll(async () => {
  await Promise.all([platform?.stop(), production?.stop()]);
});

const nested = (levels: number) => {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `related(pageSize: 1) { ${selection} }`;
  return selection;
};

const costlyBranch = `products(pageSize: 1) { id name available related(pageSize: 1) { id name available related(pageSize: 1) { id name available } } }`;

/** Each query breaks one limit only, and the (non-production) message names the rule that refused it. */
const tooComplex: Record<string, { query: string; rule: RegExp }> = {
  depth: { query: `{ products(pageSize: 1) { ${nested(6)} } }`, rule: /^Query depth limit of 5 exceeded/ },
  // No aliases, shallow, few tokens, tiny pages: only the structural cost is over its limit.
  cost: { query: `{ ${costlyBranch.repeat(7)} }`, rule: /^Query Cost limit of 200 exceeded/ },
  listCost: { query: '{ products(pageSize: 100) { id name related(pageSize: 50) { id } } }', rule: /^Query list cost limit of 1000 exceeded/ },
  listCostFromVariables: { query: 'query ($n: Int) { products(pageSize: $n) { id name related { id } } }', rule: /^Query list cost limit of 1000 exceeded/ },
  aliases: { query: '{ a: products { id } b: products { id } c: products { id } d: products { id } }', rule: /^Aliases limit of 3 exceeded/ },
  // Four legal directives (one per field), so graphql's own rules have nothing to say.
  directives: { query: '{ products { id @include(if: true) name @include(if: true) available @skip(if: false) related { id @skip(if: false) } } }', rule: /^Directives limit of 3 exceeded/ },
  tokens: { query: `{ products { ${'id '.repeat(320)} } }`, rule: /^Token limit of 300 exceeded/ },
};

describe('query limits at the gateway (HTTP)', () => {
  for (const [limit, { query, rule }] of Object.entries(tooComplex)) {
    it(`refuses a query over the ${limit} limit with QUERY_TOO_COMPLEX before any subgraph call`, async () => {
      const before = platform.catalogCalls();
      const result = await post(platform.gateway, { query, variables: limit === 'listCostFromVariables' ? { n: 100 } : undefined });
      expect(result.json.errors?.[0]?.extensions?.code, result.text).toBe('QUERY_TOO_COMPLEX');
      expect(result.json.errors).toHaveLength(1);
      expect(result.json.errors[0].message).toMatch(rule);
      expect(result.status).toBe(400);
      expect(result.json.data).toBeUndefined();
      expect(platform.catalogCalls()).toBe(before);
    });
  }

  it('runs a query within every limit', async () => {
    const result = await post(platform.gateway, { query: 'query ($n: Int) { products(pageSize: $n) { id related(pageSize: 2) { id } } }', variables: { n: 10 } });
    expect(result.json).toEqual({ data: { products: [] } });
  });

  it('refuses batched operations', async () => {
    const before = platform.catalogCalls();
    const result = await post(platform.gateway, [{ query: '{ products { id } }' }, { query: '{ products { id } }' }]);
    expect(result.status).toBe(400);
    expect(result.text).toMatch(/batch/i);
    expect(platform.catalogCalls()).toBe(before);
  });

  it('production: the message says nothing of the limit, no field suggestions, no introspection', async () => {
    const depth = await post(production.gateway, { query: tooComplex.depth.query });
    expect(depth.json.errors[0]).toMatchObject({ message: 'The query is too complex', extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(depth.text).not.toMatch(/\d/);
    const typo = await post(production.gateway, { query: '{ prodcts { id } }' });
    expect(typo.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(typo.text).not.toMatch(/Did you mean|products/);
    const introspection = await post(production.gateway, { query: '{ __schema { types { name } } }' });
    expect(introspection.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('automatic persisted queries', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const apq = (query: string, withText: boolean) => ({ ...(withText ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, registers it with the text, then serves the hash alone', async () => {
    const query = '{ products(pageSize: 3) { id name } }';
    const miss = await post(platform.gateway, apq(query, false));
    expect(miss.json.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const register = await post(platform.gateway, apq(query, true));
    expect(register.json).toEqual({ data: { products: [] } });
    const hit = await post(platform.gateway, apq(query, false));
    expect(hit.json).toEqual({ data: { products: [] } });
  });

  it('keeps the cache bounded: the least recently used query is evicted past APQ_CACHE_MB', async () => {
    const big = (name: string) => `{ products { id } } # ${name} ${'x'.repeat(400_000)}`;
    const [first, second, third] = [big('first'), big('second'), big('third')];
    for (const query of [first, second, third]) expect((await post(platform.gateway, apq(query, true))).json.data).toBeDefined();
    expect((await post(platform.gateway, apq(third, false))).json.data).toBeDefined();
    expect((await post(platform.gateway, apq(first, false))).json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('applies the query limits to a query registered by hash', async () => {
    const result = await post(platform.gateway, apq(tooComplex.aliases.query, true));
    expect(result.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
