import pg from 'pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const CHAR = 18;
const TEXT = 25;

/**
 * Marks a column the engine must receive as ColumnType.Character: @prisma/adapter-pg 7.10 has no
 * mapping for PostgreSQL's one-byte "char" (pg_constraint.contype, pg_class.relkind...) and fails
 * with "Column type 'char' could not be deserialized", while the engine's describer reads those
 * columns as chars. So the pg client relabels them as text and prefixes their name with this
 * marker, and the adapter wrapper (see restoreCharColumns) strips it and sets Character.
 */
export const CHAR_COLUMN_MARKER = '\u0000char\u0000';

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] } | undefined;

function relabel<T>(result: T): T {
  const results = Array.isArray(result) ? (result as QueryResultLike[]) : [result as QueryResultLike];
  for (const one of results) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID !== CHAR) continue;
      field.dataTypeID = TEXT;
      field.name = CHAR_COLUMN_MARKER + field.name;
    }
  }
  return result;
}

/**
 * The `pg.Client` behind the schema engine's pool: pins search_path to one schema on connect
 * (PGlite ignores the startup `options`) and relabels "char" columns (see CHAR_COLUMN_MARKER).
 */
export function engineClientClass(searchPath: string): typeof pg.Client {
  return class EngineClient extends pg.Client {
    // pg-pool connects with a callback; direct users await the promise.
    override connect(callback?: ((err: Error) => void) | ((err: null, client: pg.Client) => void)): never {
      const ready = super.connect().then(() => super.query(`SET search_path TO ${searchPath}`)).then(() => this);
      if (!callback) return ready as never;
      const done = callback as (err: Error | null, client?: pg.Client) => void;
      ready.then((client) => done(null, client), (error: Error) => done(error));
      return undefined as never;
    }

    // pg's query() has many overloads; we only wrap what comes back.
    override query(...args: unknown[]): never {
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: Error | null, result: unknown) => void;
        args[last] = (error: Error | null, result: unknown) => callback(error, error ? result : relabel(result));
      }
      const returned = (super.query as (...a: unknown[]) => unknown)(...args);
      if (returned instanceof Promise) return returned.then(relabel) as never;
      return returned as never;
    }
  } as unknown as typeof pg.Client;
}

/** Undoes the "char" relabelling in a result set from the adapter (see CHAR_COLUMN_MARKER). */
export function restoreCharColumns<T extends { columnNames: string[]; columnTypes: number[] }>(result: T): T {
  result.columnNames.forEach((name, i) => {
    if (!name.startsWith(CHAR_COLUMN_MARKER)) return;
    result.columnNames[i] = name.slice(CHAR_COLUMN_MARKER.length);
    result.columnTypes[i] = ColumnTypeEnum.Character;
  });
  return result;
}
