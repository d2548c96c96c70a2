/** PostgreSQL schema (and database) names we create: plain lower-case identifiers, no quoting games. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(name: string): void {
  if (!SCHEMA_NAME.test(name)) {
    throw new Error(`invalid PostgreSQL schema name "${name}": use lower-case letters, digits and _ (max 63)`);
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
