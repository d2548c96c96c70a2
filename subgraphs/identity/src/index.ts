import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import { createDatabaseCheck, createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { IdentityDeps } from './application/ports.ts';
import { seedDemoData } from './application/seed-demo.ts';
import { parseIdentityConfig } from './config.ts';
import { createIdentityContext } from './context.ts';
import { loadCommonPasswords } from './domain/password-policy.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import { createArgon2Hasher } from './infra/argon2-hasher.ts';
import { createPrismaIdentityStore } from './infra/prisma-identity-store.ts';
import { createSecretBox, deriveSecretBoxKey } from './infra/secret-box.ts';
import { createIdentityLimits } from './application/rate-limits.ts';
import type { RateLimits } from '@drobble/kit/rate-limit/rate-limit';

const NAME = 'identity';
const schemaPath = fileURLToPath(new URL('./graphql/schema.graphql', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../../prisma/identity/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseIdentityConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: NAME });
  const migrations = await applyMigrations({ connectionString: runtime.databaseUrl, schema: NAME, migrationsDir });
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'migrations applied');
  const prisma = new PrismaClient({ adapter: createPrismaAdapter({ connectionString: runtime.databaseUrl, schema: NAME }) });
  let relay: OutboxRelay | undefined;
  let rateLimits: RateLimits | undefined;
  try {
    const created = await createIdentityLimits(config, runtime.databaseUrl, logger);
    rateLimits = created.rateLimits;
    const deps: IdentityDeps = {
      store: createPrismaIdentityStore(prisma, () => relay?.nudge()),
      hasher: await createArgon2Hasher(),
      commonPasswords: loadCommonPasswords(),
      tokens: {
        accessTokenPrivateKey: config.ACCESS_TOKEN_PRIVATE_KEY,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      },
      secrets: createSecretBox(config.MFA_ENCRYPTION_KEY ?? deriveSecretBoxKey(config.ACCESS_TOKEN_PRIVATE_KEY)),
      limits: created.limits,
      passwordResetTtlSeconds: config.PASSWORD_RESET_TTL_SECONDS,
      clock: () => new Date(),
    };
    relay = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    if (config.SEED_DEMO_DATA) await seedDemoData(deps, logger);
    const server = await startSubgraphServer({
      name: NAME,
      schema: buildSubgraphSchema([{ typeDefs: parse(readFileSync(schemaPath, 'utf8')), resolvers: resolvers as unknown as GraphQLResolverMap<unknown> }]),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: (base) => createIdentityContext(deps, base),
    });
    return {
      name: NAME,
      url: server.url,
      stop: async () => {
        await server.stop();
        await relay?.stop();
        await rateLimits?.close();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await relay?.stop();
    await rateLimits?.close();
    await prisma.$disconnect();
    throw error;
  }
}

/** The identity subgraph: users, authentication, sessions, roles and addresses. */
const identity: SubgraphModule = { name: NAME, schemaPath, start };
export default identity;
