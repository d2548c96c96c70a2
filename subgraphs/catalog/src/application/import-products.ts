import { requireRole } from '@drobble/kit/auth/guards';
import { createEvent, type EventOf, type Subject } from '@drobble/schema/events';
import { defaultCurrency, readRecords, validateRows, type ImportFormat, type RowError } from '../domain/import-rows.ts';
import { lowestPrice } from '../domain/money.ts';
import {
  categoryIdsBySlug, insertOutboxEvents, insertProducts, insertVariants, productHeads, refreshMinPrices, updateProducts, updateVariants, variantsBySku,
} from '../infra/import-repository.ts';
import type { Prisma } from '../infra/prisma.ts';
import { findProductsByIds } from '../infra/product-repository.ts';
import type { Caller, CatalogDeps } from './deps.ts';
import { planImport, type ImportPlan } from './import-plan.ts';
import { eventMeta, productCreatedPayload, productSnapshot } from './product-events.ts';

export interface ImportResult {
  created: number;
  updated: number;
  errors: RowError[];
}

/** 10,000 rows take a few seconds on the embedded database; the transaction gets room for that. */
const IMPORT_TX = { maxWait: 30_000, timeout: 180_000 } as const;

async function write(tx: Prisma.TransactionClient, plan: ImportPlan, createdById: string): Promise<void> {
  await insertProducts(tx, [...plan.newProducts].map(([slug, p]) => ({
    id: p.id, slug, name: p.first.name, description: p.first.description ?? '', images: p.first.images ?? [], categoryId: p.categoryId,
    featured: p.first.featured ?? false, active: p.first.active ?? true, currency: defaultCurrency(p.first), createdById,
    minPrice: lowestPrice(p.variants.map((v) => v.price)),
  })));
  await insertVariants(tx, [
    ...[...plan.newProducts.values()].flatMap((p) => p.variants.map((v) => ({ id: v.id, productId: p.id, sku: v.sku, name: v.name, options: v.options, price: v.price, position: v.position }))),
    ...plan.addedVariants,
  ]);
  await updateVariants(tx, plan.changedVariants);
  await updateProducts(tx, [...plan.patches.values()]);
  await refreshMinPrices(tx, [...plan.patches.keys()]);
}

/**
 * importProducts (ADMIN or SELLER): CSV or JSON rows upserted by SKU. Bad rows are reported with
 * their row number and skipped; the good ones are written in ONE transaction with a handful of
 * batched statements (createMany / UPDATE ... FROM unnest), with one catalog.product.created or
 * .updated event per product touched, so 10,000 rows fit in one call.
 */
export async function importProducts(deps: CatalogDeps, caller: Caller, format: ImportFormat, data: string): Promise<ImportResult> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SELLER');
  const { rows, errors } = validateRows(readRecords(format, data));
  const meta = eventMeta(viewer, caller.correlationId);
  const plan = await deps.prisma.$transaction(async (tx) => {
    const known = await variantsBySku(tx, rows.map((row) => row.variant.sku));
    const lookups = {
      variantsBySku: known,
      heads: await productHeads(tx, [...new Set([...known.values()].map((v) => v.productId))], [...new Set(rows.map((row) => row.productSlug))]),
      categoryIdsBySlug: await categoryIdsBySlug(tx, [...new Set(rows.flatMap((row) => (row.categorySlug ? [row.categorySlug] : [])))]),
    };
    const plan = planImport(rows, lookups, viewer);
    await write(tx, plan, viewer.userId);
    const touched = await findProductsByIds(tx, [...[...plan.newProducts.values()].map((p) => p.id), ...plan.patches.keys()]);
    const events: EventOf<Subject>[] = [];
    for (const product of plan.newProducts.values()) {
      events.push(createEvent('catalog.product.created.v1', productCreatedPayload(touched.get(product.id)!, product.variants), meta));
    }
    for (const id of plan.patches.keys()) events.push(createEvent('catalog.product.updated.v1', productSnapshot(touched.get(id)!), meta));
    await insertOutboxEvents(tx, events);
    return plan;
  }, IMPORT_TX);
  if (plan.created + plan.updated > 0) deps.eventsRecorded?.();
  return { created: plan.created, updated: plan.updated, errors: [...errors, ...plan.errors].sort((a, b) => a.row - b.row) };
}
