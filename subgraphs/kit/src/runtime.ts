import type { KeyObject } from 'node:crypto';
import type { EventBus } from './bus/event-bus.ts';
import type { Logger } from './logger.ts';

/**
 * What the platform hands a subgraph to start it: the same in the embedded all-in-one process
 * (scripts/start.ts) and in a standalone deployment (the subgraph's own main.ts).
 */
export interface SubgraphRuntime {
  /** The subgraph reads its own settings from here with parseConfig (never process.env directly). */
  env: NodeJS.ProcessEnv;
  /** A PostgreSQL server; the context keeps its tables in its own schema there. */
  databaseUrl: string;
  bus: EventBus;
  logger: Logger;
  /** The gateway's public key, to verify the internal token on every request. */
  internalPublicKey: KeyObject;
  port: number;
  host?: string;
}

export interface RunningService {
  name: string;
  /** Base URL; GraphQL is at `${url}/graphql`. */
  url: string;
  /** Stops taking requests, drains consumers and the outbox relay, closes the database. */
  stop(): Promise<void>;
}

/** Every subgraph package's default export from src/index.ts. */
export interface SubgraphModule {
  name: string;
  /** Absolute path of the subgraph's SDL (composition input). */
  schemaPath: string;
  start(runtime: SubgraphRuntime): Promise<RunningService>;
}
