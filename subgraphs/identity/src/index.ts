import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { defineSubgraph } from '@drobble/kit/context-service';
import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { IdentityDeps } from './application/ports.ts';
import { createIdentityLimits } from './application/rate-limits.ts';
import { seedDemoData } from './application/seed-demo.ts';
import { parseIdentityConfig } from './config.ts';
import { createIdentityContext } from './context.ts';
import { loadCommonPasswords } from './domain/password-policy.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import { createArgon2Hasher } from './infra/argon2-hasher.ts';
import { createPrismaIdentityStore } from './infra/prisma-identity-store.ts';
import { createSecretBox, deriveSecretBoxKey } from './infra/secret-box.ts';

const schemaPath = fileURLToPath(new URL('./graphql/schema.graphql', import.meta.url));

/** The identity subgraph: users, authentication, sessions, roles and addresses. */
export default defineSubgraph({
  name: 'identity',
  schemaPath,
  parseConfig: parseIdentityConfig,
  createPrisma: (runtime) => new PrismaClient({ adapter: createPrismaAdapter({ connectionString: runtime.databaseUrl, schema: 'identity' }) }),
  async wire({ runtime, config, logger, prisma, resources }) {
    const { limits, rateLimits } = await createIdentityLimits(config, runtime.databaseUrl, logger);
    resources.onStop('rate limits', () => rateLimits.close());
    let relay: OutboxRelay | undefined;
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
      limits,
      passwordResetTtlSeconds: config.PASSWORD_RESET_TTL_SECONDS,
      clock: () => new Date(),
    };
    relay = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    if (config.SEED_DEMO_DATA) await seedDemoData(deps, logger);
    return {
      schema: buildSubgraphSchema([{ typeDefs: parse(readFileSync(schemaPath, 'utf8')), resolvers: resolvers as unknown as GraphQLResolverMap<unknown> }]),
      createContext: (base) => createIdentityContext(deps, base),
    };
  },
});
