import { createHash } from 'node:crypto';
import type { Logger } from '@drobble/kit/logger';
import type { EventMeta } from '@drobble/schema/events';
import { productCreatedPayload } from '../application/product-events.ts';
import type { VariantDraft } from '../domain/product-input.ts';
import { slugify } from '../domain/slug.ts';
import { recordEvent } from '../infra/outbox.ts';
import { countProducts, insertProduct } from '../infra/product-repository.ts';
import { insertCategory } from '../infra/category-repository.ts';
import type { CatalogPrisma, Prisma } from '../infra/prisma.ts';
import { demoCategories, type DemoCategory } from './demo-categories.ts';
import { demoProducts, featuredDemoProducts, type DemoProduct } from './demo-products.ts';

/** A stable UUID from a name, so the demo data has the same ids on every machine. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`drobble:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const STOCK_CYCLE = [24, 3, 0, 40, 12, 2, 60, 8, 15, 1];
const EPOCH = Date.UTC(2026, 0, 1);
const meta = (): EventMeta => ({ correlationId: 'catalog-demo-seed', actor: null });

async function seedCategories(tx: Prisma.TransactionClient, nodes: DemoCategory[], parentId: string | null, ids: Map<string, string>) {
  for (const node of nodes) {
    const slug = slugify(node.name);
    const existing = await tx.category.findUnique({ where: { slug } });
    const id = existing?.id ?? stableUuid(`category:${slug}`);
    if (!existing) {
      await insertCategory(tx, { id, name: node.name, slug, parentId });
      await recordEvent(tx, 'catalog.category.created.v1', { id, name: node.name, slug, parentId }, meta());
    }
    ids.set(slug, id);
    await seedCategories(tx, node.children ?? [], id, ids);
  }
}

/** The variants of a demo product: one per option value ("L:+250" = 2.50 more), or a single Default. */
export function demoVariants(product: DemoProduct, index: number): (VariantDraft & { id: string })[] {
  const [axis, ...values] = product.option ?? ['', 'Default'];
  return values.map((raw, position) => {
    const [value, extra] = raw.split(':+');
    const sku = `DRB-${String(index + 1).padStart(3, '0')}-${value!.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    return {
      id: stableUuid(`variant:${sku}`),
      sku,
      name: axis ? value! : 'Default',
      options: axis ? [{ name: axis, value: value! }] : [],
      price: product.price + Number(extra ?? 0),
      position,
      initialStock: STOCK_CYCLE[(index * 3 + position) % STOCK_CYCLE.length]!,
    };
  });
}

async function seedProduct(tx: Prisma.TransactionClient, product: DemoProduct, index: number, categoryIds: Map<string, string>) {
  const slug = slugify(product.name);
  const variants = demoVariants(product, index);
  const created = await insertProduct(tx, {
    id: stableUuid(`product:${slug}`),
    slug,
    name: product.name,
    description: product.description,
    categoryId: categoryIds.get(product.category) ?? null,
    images: [`https://picsum.photos/seed/${slug}/800/800`, `https://picsum.photos/seed/${slug}-2/800/800`],
    attributes: product.attributes.map((pair) => {
      const [key, ...rest] = pair.split(': ');
      return { key: key!, value: rest.join(': ') };
    }),
    currency: 'USD',
    featured: featuredDemoProducts.has(product.name),
    createdById: null,
    // One hour apart, the first listed being the oldest, so NEWEST is stable.
    createdAt: new Date(EPOCH + index * 3_600_000),
    variants,
  });
  await recordEvent(tx, 'catalog.product.created.v1', productCreatedPayload(created, variants), meta());
}

/**
 * Seeds the demo catalog when there are no products yet (idempotent: a second run, or a run on a
 * catalog with products, does nothing). Events go through the outbox like any other change.
 */
export async function seedDemoData(prisma: CatalogPrisma, logger: Logger): Promise<boolean> {
  if ((await countProducts(prisma)) > 0) return false;
  await prisma.$transaction(
    async (tx) => {
      if ((await countProducts(tx)) > 0) return;
      const categoryIds = new Map<string, string>();
      await seedCategories(tx, demoCategories, null, categoryIds);
      for (const [index, product] of demoProducts.entries()) await seedProduct(tx, product, index, categoryIds);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  logger.info({ products: demoProducts.length }, 'catalog demo data seeded');
  return true;
}
