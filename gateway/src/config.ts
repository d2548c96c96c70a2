import type { KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { nodeEnv, port, url } from '@drobble/kit/config/fields';
import { ConfigError, parseConfig } from '@drobble/kit/config/load-config';

export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = fileURLToPath(new URL('../../clients/sdk/src/gql/persisted-documents.json', import.meta.url));

/** An Ed25519 key in PEM (literal "\n" accepted), parsed once at start. */
const ed25519Key = (kind: 'public' | 'private') =>
  z.string({ message: `expected an Ed25519 ${kind} key in PEM` }).transform((pem, ctx): KeyObject => {
    try {
      const key = kind === 'public' ? publicKeyFromPem(pem) : privateKeyFromPem(pem);
      if (key.asymmetricKeyType === 'ed25519') return key;
      ctx.addIssue({ code: 'custom', message: `expected an Ed25519 key, got ${key.asymmetricKeyType}` });
    } catch {
      ctx.addIssue({ code: 'custom', message: `expected an Ed25519 ${kind} key in PEM` });
    }
    return z.NEVER;
  });

const positiveInt = (fallback: number, what: string) =>
  z.coerce.number({ message: `expected ${what}` }).int().positive({ message: `expected ${what}` }).default(fallback);

/** An origin (`https://shop.example.com`) or an origin with any port (`http://localhost:*`). */
const ORIGIN_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:(\d{1,5}|\*))?$/;

const corsOrigins = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(ORIGIN_PATTERN, 'expected origins like https://shop.example.com or http://localhost:* (no "*", no paths)')));

export const gatewayShape = {
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: nodeEnv,
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  ACCESS_TOKEN_PUBLIC_KEY: ed25519Key('public'),
  INTERNAL_TOKEN_PRIVATE_KEY: ed25519Key('private'),
  /** Unset: http://localhost:* outside production, nothing in production. */
  CORS_ORIGINS: corsOrigins.optional(),
  BODY_LIMIT_BYTES: positiveInt(1_000_000, 'a size in bytes'),
  QUERY_PLAN_CACHE_MB: positiveInt(30, 'a size in MiB'),
  SUBGRAPH_TIMEOUT_MS: positiveInt(30_000, 'a duration in milliseconds'),
  /** Proxies (load balancers) in front of the gateway that append to X-Forwarded-For; 0 = clients connect directly. */
  TRUSTED_PROXY_HOPS: z.coerce.number({ message: 'expected a number of proxies' }).int().min(0).max(10).default(0),
  READY_CACHE_MS: z.coerce.number({ message: 'expected a duration in milliseconds' }).int().min(0).default(5_000),
  /** Events for subscriptions and partner keys; the in-process bus (or the one passed in) when unset. */
  NATS_URL: z.string().regex(/^nats:\/\//, 'expected a URL starting with nats://').optional(),
  BUS_NAMESPACE: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  QUERY_MAX_DEPTH: positiveInt(12, 'a depth'),
  QUERY_MAX_COST: positiveInt(5_000, 'a cost'),
  QUERY_MAX_LIST_COST: positiveInt(20_000, 'a cost'),
  QUERY_MAX_ALIASES: positiveInt(15, 'a count'),
  QUERY_MAX_DIRECTIVES: positiveInt(10, 'a count'),
  QUERY_MAX_TOKENS: positiveInt(2_000, 'a count'),
  /** Automatic persisted queries: query texts kept by hash, least recently used evicted past this size. */
  APQ_CACHE_MB: positiveInt(16, 'a size in MiB'),
  /** The trusted documents partners may run (written by `npm run codegen`). */
  PERSISTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_PERSISTED_DOCUMENTS_PATH),
  /** Shares partner rate limits between replicas (per replica when unset). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a URL starting with redis://').optional(),
  /** Partner API key usage is counted in memory and published this often. */
  PARTNER_USAGE_FLUSH_MS: positiveInt(5_000, 'a duration in milliseconds'),
  /** graphql-ws: a socket without connection_init by then is closed 4408. */
  WS_INIT_TIMEOUT_MS: positiveInt(5_000, 'a duration in milliseconds'),
  WS_KEEPALIVE_MS: positiveInt(12_000, 'a duration in milliseconds'),
  WS_MAX_PAYLOAD_BYTES: positiveInt(100_000, 'a size in bytes'),
};

export type GatewayConfig = Omit<z.infer<z.ZodObject<typeof gatewayShape>>, 'CORS_ORIGINS'> & {
  CORS_ORIGINS: string[];
  /** Subgraph name (as in the supergraph, lower case) -> URL overriding its routing URL. */
  subgraphUrls: Record<string, string>;
};

const OVERRIDE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
const httpUrl = url(['http', 'https']);

/** The env name that overrides a subgraph's routing URL: catalog -> SUBGRAPH_CATALOG_URL. */
export const subgraphUrlVariable = (name: string) => `SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;

function parseSubgraphUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    const match = OVERRIDE.exec(name);
    if (!match || value === undefined || value === '') continue;
    if (httpUrl.safeParse(value).success) urls[match[1]!.toLowerCase()] = value;
    else problems.push(`${name}: expected a URL starting with http:// or https:// (got ${JSON.stringify(value)})`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return urls;
}

/** Parses and validates the gateway's environment; throws ConfigError naming every bad variable. */
export function parseGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = parseConfig(gatewayShape, env);
  const fallbackOrigins = parsed.NODE_ENV === 'production' ? [] : ['http://localhost:*'];
  return { ...parsed, CORS_ORIGINS: parsed.CORS_ORIGINS ?? fallbackOrigins, subgraphUrls: parseSubgraphUrls(env) };
}
