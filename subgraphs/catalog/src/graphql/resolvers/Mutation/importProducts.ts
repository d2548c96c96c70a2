import { importProducts as runImport } from '../../../application/import-products.ts';
import type { CatalogContext } from '../../../context.ts';
import type { ImportFormat } from '../../../domain/import-rows.ts';

/** Mutation.importProducts (ADMIN or SELLER): upsert by SKU, per-row errors. */
export function importProducts(_parent: unknown, args: { format: ImportFormat; data: string }, context: CatalogContext) {
  return runImport(context.deps, context, args.format, args.data);
}
