import { createRequire } from 'node:module';

/**
 * Counts the SQL statements the subgraphs of THIS process send while `run` executes, by wrapping
 * `pg`'s Client.prototype.query (every Prisma adapter and the kit go through it). Only SELECTs on
 * the listed tables count, so background work (relays, consumers, demo seeding) is left out.
 */
export async function countStatements<T>(tables: RegExp, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pg = createRequire(import.meta.url)('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const original = pg.Client.prototype.query;
  const statements: string[] = [];
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '');
    if (/^\s*SELECT/i.test(text) && tables.test(text)) statements.push(text);
    return original.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/** The tables the storefront listing reads: catalog's products and variants, inventory's stock, reviews' rating summaries. */
export const STOREFRONT_TABLES = /"catalog"\."(product|product_variant|category)"|"inventory"\."stock_item"|"reviews"\."rating_summary"/i;

export const storefrontQuery = (pageSize: number, withRating: boolean) =>
  `query Storefront { products(pageSize: ${pageSize}) { items { id name price { amount currency } inStock ${withRating ? 'rating { average count }' : ''} variants { sku stock { available } } } } }`;

/** The catalog-only part of the storefront query (what the catalog subgraph answers alone). */
export const catalogOnlyQuery = (pageSize: number) => `query Storefront { products(pageSize: ${pageSize}) { items { id name price { amount currency } variants { sku } } } }`;
