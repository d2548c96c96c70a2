import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { engineClientClass, restoreCharColumns } from './engine-client.ts';
import { assertSchemaName, quoteIdentifier } from './schema-name.ts';

type EngineModule = typeof import('@prisma/schema-engine-wasm');

/** A datamodel with nothing but the datasource: enough for the engine to know it speaks PostgreSQL. */
export const MINIMAL_DATAMODEL = 'datasource db {\n  provider = "postgresql"\n}\n';

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let engineModulePromise: Promise<EngineModule> | undefined;

/**
 * Loads Prisma's schema engine (Rust compiled to WASM) once per process. The package's own entry
 * imports the .wasm as an ES module, which Node does not do by default, so we instantiate
 * schema_engine_bg.wasm against its wasm-bindgen JS glue ourselves.
 */
export function loadSchemaEngineModule(): Promise<EngineModule> {
  engineModulePromise ??= instantiate().catch((error: unknown) => {
    engineModulePromise = undefined;
    throw error;
  });
  return engineModulePromise;
}

/** wasm-bindgen's panic hook reports through this global; keep the last message for our errors. */
const panicRegistry = {
  lastPanic: undefined as string | undefined,
  set_message(message: string) {
    panicRegistry.lastPanic = message;
  },
};

/** The message of the engine's last panic, if any (a panic surfaces as "RuntimeError: unreachable"). */
export function lastSchemaEnginePanic(): string | undefined {
  return panicRegistry.lastPanic;
}

async function instantiate(): Promise<EngineModule> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
  const require = createRequire(import.meta.url);
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue as never });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export interface SchemaEngineSessionOptions {
  connectionString: string;
  /** PostgreSQL schema the engine works in (search_path and Prisma's schemaName). */
  schema: string;
  /** The Prisma schema text; a bare PostgreSQL datasource when omitted. */
  datamodel?: string;
  /** An empty database to replay migrations into (diff/createMigration from a migrations folder). */
  shadowConnectionString?: string;
  /** Receives the engine's JSON log lines; dropped by default. */
  onLog?: (line: string) => void;
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  /** Frees the engine and ends its connections (releasing the engine's advisory lock). */
  close(): Promise<void>;
}

/** Opens a schema engine bound to one PostgreSQL schema through Prisma's pg driver adapter. */
export async function openSchemaEngine(options: SchemaEngineSessionOptions): Promise<SchemaEngineSession> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const main = schemaPinnedAdapter(options.connectionString, options.schema);
  const shadow = options.shadowConnectionString ? schemaPinnedAdapter(options.shadowConnectionString, options.schema) : undefined;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.factory.provider,
    adapterName: main.factory.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      if (!shadow) throw new Error('this schema engine session has no shadow database');
      return shadow.connect();
    },
  };
  const closeAll = async () => {
    await main.end();
    await shadow?.end();
  };
  try {
    const datamodel = options.datamodel ?? MINIMAL_DATAMODEL;
    const log = options.onLog ?? (() => {});
    const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', datamodel]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
    return {
      engine,
      close: async () => {
        engine.free();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * A PrismaPg over a one-connection pool whose search_path is the given schema, like the native
 * engine's `?schema=` URL: the engine's own SQL (`_prisma_migrations`) and migration scripts are
 * unqualified. One connection, because the engine takes `pg_advisory_lock` on whatever connection
 * it is given and never unlocks it (ending the pool does). The search_path is set twice: by the
 * startup `options` (real PostgreSQL) and by a SET on connect (PGlite ignores startup options).
 */
function schemaPinnedAdapter(connectionString: string, schema: string) {
  assertSchemaName(schema);
  const searchPath = quoteIdentifier(schema);
  const Client = engineClientClass(searchPath);
  const pool = new pg.Pool({ connectionString, max: 1, options: `-c search_path=${searchPath}`, Client });
  pool.on('error', () => {});
  const factory = new PrismaPg(pool, { schema });
  return {
    factory,
    async connect() {
      const adapter = await factory.connect();
      // PrismaPg splits scripts on ";" and sends each piece to any pool connection, which breaks
      // dollar-quoted bodies. Prisma's native engine sends the script as one simple query (one
      // implicit transaction); so do we.
      const raise = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
      adapter.executeScript = async (script: string) => {
        await pool.query(script).then(() => undefined, raise);
      };
      const queryRaw = adapter.queryRaw.bind(adapter);
      adapter.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
      return adapter;
    },
    async end() {
      // PGlite shares one session among all its connections: leave its search_path as we found it.
      await pool.query('RESET search_path').catch(() => {});
      await pool.end();
    },
  };
}
