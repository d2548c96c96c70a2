import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem, type KeyPairPem } from '@drobble/kit/auth/keys';
import type { Role } from '@drobble/kit/auth/viewer';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import { createLogger } from '@drobble/kit/logger';
import type { RequestContext } from '@drobble/kit/server/request-context';
import { startSubgraphServer, type RunningSubgraph } from '@drobble/kit/server/subgraph-server';
import { startGateway, type RunningGateway } from '../src/index.ts';

/** Two tiny subgraphs: accounts (who is calling, errors on demand) and catalog (an entity joined across both). */
const accountsSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    whoami: Whoami!
    boom: String
    notFound: String
    add(a: Int!, b: Int!): Int!
  }
  type Whoami { userId: ID, roles: [String!]!, sessionId: ID, correlationId: String! }
  type Product @key(fields: "id") { id: ID!, seenBy: ID }
`;

const catalogSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { products: [Product!]! }
  type Product @key(fields: "id") { id: ID!, name: String! }
`;

const accountsResolvers = {
  Query: {
    whoami: (_: unknown, __: unknown, ctx: RequestContext) => ({ ...ctx.viewer, correlationId: ctx.correlationId }),
    boom: () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/db.ts:42');
    },
    notFound: () => {
      throw new DomainError(ErrorCode.NOT_FOUND, 'Product not found', { field: 'id' });
    },
    add: (_: unknown, args: { a: number; b: number }) => args.a + args.b,
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => ({ id: ref.id, seenBy: ctx.viewer.userId }),
  },
};

const catalogResolvers = {
  Query: { products: () => [{ id: 'p1', name: 'Teapot' }, { id: 'p2', name: 'Kettle' }] },
};

export interface TestPlatform {
  gateway: RunningGateway;
  accounts: RunningSubgraph;
  catalog: RunningSubgraph;
  accessKeys: KeyPairPem;
  /** Seen by the accounts subgraph's HTTP server. */
  accountsConnections: () => number;
  token(options?: { roles?: Role[]; userId?: string; ttlSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const logger = createLogger('gateway-test', 'silent');
  const internalKeys = generateKeyPairPem();
  const accessKeys = generateKeyPairPem();
  const start = (name: string, sdl: string, resolvers: object) =>
    startSubgraphServer({
      name,
      schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]),
      port: 0,
      logger,
      internalPublicKey: publicKeyFromPem(internalKeys.publicKey),
      readiness: {},
      createContext: (base) => base,
    });
  const [accounts, catalog] = await Promise.all([start('accounts', accountsSdl, accountsResolvers), start('catalog', catalogSdl, catalogResolvers)]);
  let connections = 0;
  accounts.server.on('connection', () => connections++);
  const folder = await mkdtemp(join(tmpdir(), 'drobble-gateway-'));
  const supergraphPath = join(folder, 'supergraph.graphql');
  await writeFile(supergraphPath, composeSupergraph());
  const gateway = await startGateway({
    logger,
    env: {
      PORT: '0',
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_ACCOUNTS_URL: accounts.graphqlUrl,
      SUBGRAPH_CATALOG_URL: catalog.graphqlUrl,
      ACCESS_TOKEN_PUBLIC_KEY: accessKeys.publicKey,
      INTERNAL_TOKEN_PRIVATE_KEY: internalKeys.privateKey,
      READY_CACHE_MS: '0',
      ...env,
    },
  });
  return {
    gateway,
    accounts,
    catalog,
    accessKeys,
    accountsConnections: () => connections,
    token: async ({ roles = ['CUSTOMER'] as Role[], userId = 'user-1', ttlSeconds = 300 } = {}) =>
      (await signAccessToken({ userId, roles, sessionId: 'session-1' }, privateKeyFromPem(accessKeys.privateKey), ttlSeconds)).token,
    stop: async () => {
      await gateway.stop();
      await Promise.all([accounts.stop(), catalog.stop()]);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Routing URLs point nowhere on purpose: the tests rely on SUBGRAPH_*_URL overrides. */
export function composeSupergraph(): string {
  const result = composeServices([
    { name: 'accounts', typeDefs: parse(accountsSdl), url: 'http://127.0.0.1:9/graphql' },
    { name: 'catalog', typeDefs: parse(catalogSdl), url: 'http://127.0.0.1:9/graphql' },
  ]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/** POSTs a GraphQL operation to the gateway. */
export async function post(gateway: RunningGateway, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text || 'null') };
}
