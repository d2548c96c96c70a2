import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { applyMigrations } from './db/migrations.ts';
import { createDatabaseCheck, disconnectWithin, type RawQueryable } from './db/prisma-adapter.ts';
import type { Logger } from './logger.ts';
import type { RunningService, SubgraphModule, SubgraphRuntime } from './runtime.ts';
import type { RequestContext } from './server/request-context.ts';
import type { RouteHandler } from './server/http-server.ts';
import { startSubgraphServer } from './server/subgraph-server.ts';
import { Resources } from './resources.ts';

/** What a context's Prisma client must offer the kit: raw queries (readiness) and a way to close. */
export interface ContextPrisma extends RawQueryable {
  $disconnect(): Promise<void>;
}

/** What `wire` gets: the runtime, the context's settings, logger and client, and where to register what it starts. */
export interface WiringScope<P extends ContextPrisma, Config = undefined> {
  runtime: SubgraphRuntime;
  config: Config;
  logger: Logger;
  prisma: P;
  /** Register every worker (outbox relay, consumers, sweepers, clients) here: it is stopped at shutdown, or if start-up fails. */
  resources: Resources;
}

/** What the context's HTTP server needs from the wiring. */
export interface ContextServer<C extends RequestContext> {
  schema: GraphQLSchema;
  createContext: (base: RequestContext) => C | Promise<C>;
  routes?: RouteHandler;
  /** Request body limit, when the context takes larger bodies than the server's default (catalog's imports). */
  bodyLimitBytes?: number;
}

/**
 * A bounded context as the platform starts it: its settings (checked before anything else
 * happens), migrations, its Prisma client, its own wiring (dependencies and workers), then its
 * subgraph server with /health, /ready and /metrics.
 */
export interface ContextDefinition<P extends ContextPrisma, C extends RequestContext, Config = undefined> {
  /** The context's name: also its PostgreSQL schema and its folder under prisma/. */
  name: string;
  /** Absolute path of the subgraph's SDL (composition input). */
  schemaPath: string;
  /** Parses the context's settings from the environment; a bad variable throws and nothing starts. */
  parseConfig?(env: NodeJS.ProcessEnv): Config;
  createPrisma(runtime: SubgraphRuntime, config: NoInfer<Config>): P;
  wire(scope: WiringScope<NoInfer<P>, NoInfer<Config>>): Promise<ContextServer<C>>;
}

/** prisma/<context>/migrations, from the kit's place in the repository. */
const migrationsDirOf = (name: string) => fileURLToPath(new URL(`../../../prisma/${name}/migrations`, import.meta.url));

/** The subgraph module (src/index.ts's default export) for a context definition. */
export function defineSubgraph<P extends ContextPrisma, C extends RequestContext, Config = undefined>(definition: ContextDefinition<P, C, Config>): SubgraphModule {
  return { name: definition.name, schemaPath: definition.schemaPath, start: (runtime) => startContext(definition, runtime) };
}

async function startContext<P extends ContextPrisma, C extends RequestContext, Config>(definition: ContextDefinition<P, C, Config>, runtime: SubgraphRuntime): Promise<RunningService> {
  const { name } = definition;
  const config = definition.parseConfig ? definition.parseConfig(runtime.env) : (undefined as Config);
  const logger = runtime.logger.child({ subgraph: name });
  const migrations = await applyMigrations({ connectionString: runtime.databaseUrl, schema: name, migrationsDir: migrationsDirOf(name) });
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'migrations applied');
  const prisma = definition.createPrisma(runtime, config);
  const resources = new Resources(logger);
  // Registered first, so closed last: every worker is drained before the database goes.
  resources.onStop('database', () => disconnectWithin(prisma));
  try {
    const served = await definition.wire({ runtime, config, logger, prisma, resources });
    const server = resources.add(
      'server',
      await startSubgraphServer({
        name,
        port: runtime.port,
        host: runtime.host,
        logger,
        internalPublicKey: runtime.internalPublicKey,
        readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
        ...served,
      }),
    );
    return { name, url: server.url, stop: () => resources.stopAll() };
  } catch (error) {
    await resources.stopAll();
    throw error;
  }
}
