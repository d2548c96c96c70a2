import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestPlatform, type TestPlatform } from './fixtures.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ NODE_ENV: 'production' });
});
afterAll(async () => platform?.stop());

describe('production', () => {
  it('serves no landing page', async () => {
    const root = await fetch(`${platform.gateway.url}/`, { headers: { accept: 'text/html' } });
    expect(root.status).toBe(404);
    const graphql = await fetch(platform.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(graphql.headers.get('content-type')).not.toContain('text/html');
    expect(await graphql.text()).not.toContain('sandbox');
  });

  it('refuses introspection and hides field suggestions', async () => {
    const introspection = await post(platform.gateway, { query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(introspection.text).not.toContain('Whoami');
    const typo = await post(platform.gateway, { query: '{ whoam { userId } }' });
    expect(typo.status).toBe(400);
    expect(typo.text).not.toContain('Did you mean');
  });

  it('allows no cross-origin browser by default', async () => {
    const result = await post(platform.gateway, { query: '{ add(a: 1, b: 1) }' }, { origin: 'http://localhost:3000' });
    expect(result.json).toEqual({ data: { add: 2 } });
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still runs queries and masks errors', async () => {
    const result = await post(platform.gateway, { query: '{ boom }' });
    expect(result.json.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });
});
