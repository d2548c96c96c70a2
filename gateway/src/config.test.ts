import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { generateKeyPairPem } from '@drobble/kit/auth/keys';
import { ConfigError } from '@drobble/kit/config/load-config';
import { DEFAULT_SUPERGRAPH_PATH, parseGatewayConfig, subgraphUrlVariable } from './config.ts';

const access = generateKeyPairPem();
const internal = generateKeyPairPem();
const base = { ACCESS_TOKEN_PUBLIC_KEY: access.publicKey, INTERNAL_TOKEN_PRIVATE_KEY: internal.privateKey };

describe('parseGatewayConfig', () => {
  it('applies defaults', () => {
    const config = parseGatewayConfig(base);
    expect(config).toMatchObject({ PORT: 4000, HOST: '127.0.0.1', NODE_ENV: 'development', BODY_LIMIT_BYTES: 1_000_000, QUERY_PLAN_CACHE_MB: 30 });
    expect(config.SUPERGRAPH_PATH).toBe(DEFAULT_SUPERGRAPH_PATH);
    expect(DEFAULT_SUPERGRAPH_PATH).toMatch(/schema\/supergraph\.graphql$/);
    expect(config.CORS_ORIGINS).toEqual(['http://localhost:*']);
    expect(config.ACCESS_TOKEN_PUBLIC_KEY.asymmetricKeyType).toBe('ed25519');
    expect(config.subgraphUrls).toEqual({});
  });

  it('allows no origins in production unless told', () => {
    expect(parseGatewayConfig({ ...base, NODE_ENV: 'production' }).CORS_ORIGINS).toEqual([]);
    expect(parseGatewayConfig({ ...base, NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(parseGatewayConfig({ ...base, CORS_ORIGINS: '' }).CORS_ORIGINS).toEqual([]);
  });

  it('refuses wildcard and malformed origins', () => {
    expect(() => parseGatewayConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => parseGatewayConfig({ ...base, CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
  });

  it('reads SUBGRAPH_<NAME>_URL overrides', () => {
    const config = parseGatewayConfig({ ...base, SUBGRAPH_CATALOG_URL: 'http://10.0.0.2:4002/graphql', SUBGRAPH_ORDER_HISTORY_URL: 'https://oh/graphql' });
    expect(config.subgraphUrls).toEqual({ catalog: 'http://10.0.0.2:4002/graphql', order_history: 'https://oh/graphql' });
    expect(() => parseGatewayConfig({ ...base, SUBGRAPH_CATALOG_URL: 'ftp://x' })).toThrow(/SUBGRAPH_CATALOG_URL/);
    expect(subgraphUrlVariable('order-history')).toBe('SUBGRAPH_ORDER_HISTORY_URL');
  });

  it('names every bad variable and never prints keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    try {
      parseGatewayConfig({ PORT: 'abc', ACCESS_TOKEN_PUBLIC_KEY: rsa, INTERNAL_TOKEN_PRIVATE_KEY: 'not a key' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/ACCESS_TOKEN_PUBLIC_KEY: expected an Ed25519 key, got rsa/);
      expect(message).toMatch(/INTERNAL_TOKEN_PRIVATE_KEY:/);
      expect(message).not.toContain('BEGIN');
      expect(message).not.toContain('not a key');
    }
  });

  it('requires both keys', () => {
    expect(() => parseGatewayConfig({})).toThrow(/ACCESS_TOKEN_PUBLIC_KEY[\s\S]*INTERNAL_TOKEN_PRIVATE_KEY/);
  });
});
