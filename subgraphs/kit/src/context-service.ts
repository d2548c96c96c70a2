import type { GraphQLSchema } from 'graphql';
import { applyMigrations } from './db/migrations.ts';
import { createDatabaseCheck, type RawQueryable } from './db/prisma-adapter.ts';
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

/** What `wire` gets: the runtime, the context's logger and client, and where to register what it starts. */
export interface WiringScope<P extends ContextPrisma> {
  runtime: SubgraphRuntime;
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
}

/**
 * A bounded context as the platform starts it: migrations, its Prisma client, its own wiring
 * (dependencies and workers), then its subgraph server with /health, /ready and /metrics.
 */
export interface ContextDefinition<P extends ContextPrisma, C extends RequestContext> {
  name: string;
  /** Absolute path of the subgraph's SDL (composition input). */
  schemaPath: string;
  /** Absolute path of prisma/<context>/migrations. */
  migrationsDir: string;
  /** The PostgreSQL schema the context owns. */
  databaseSchema: string;
  createPrisma(runtime: SubgraphRuntime): P;
  /** How to close the client (default `$disconnect()`). */
  disconnect?(prisma: NoInfer<P>): Promise<void>;
  wire(scope: WiringScope<NoInfer<P>>): Promise<ContextServer<C>>;
}

/** The subgraph module (src/index.ts's default export) for a context definition. */
export function defineSubgraph<P extends ContextPrisma, C extends RequestContext>(definition: ContextDefinition<P, C>): SubgraphModule {
  return { name: definition.name, schemaPath: definition.schemaPath, start: (runtime) => startContext(definition, runtime) };
}

async function startContext<P extends ContextPrisma, C extends RequestContext>(definition: ContextDefinition<P, C>, runtime: SubgraphRuntime): Promise<RunningService> {
  const { name } = definition;
  const logger = runtime.logger.child({ subgraph: name });
  const migrations = await applyMigrations({ connectionString: runtime.databaseUrl, schema: definition.databaseSchema, migrationsDir: definition.migrationsDir });
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'migrations applied');
  const prisma = definition.createPrisma(runtime);
  const resources = new Resources(logger);
  // Registered first, so closed last: every worker is drained before the database goes.
  resources.onStop('database', () => (definition.disconnect ? definition.disconnect(prisma) : prisma.$disconnect()));
  try {
    const served = await definition.wire({ runtime, logger, prisma, resources });
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
