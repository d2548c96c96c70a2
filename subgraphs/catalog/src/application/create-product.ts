import { randomBytes } from 'node:crypto';
import { requireRole } from '@drobble/kit/auth/guards';
import { DomainError, ErrorCode, badInput } from '@drobble/kit/errors';
import { validateCreateProduct, type CreateProductInput, type ProductDraft } from '../domain/product-input.ts';
import type { ProductWithVariants } from '../domain/product.ts';
import { slugify, uniqueSlug } from '../domain/slug.ts';
import { categoryExists } from '../infra/category-repository.ts';
import { recordEvent } from '../infra/outbox.ts';
import { isUniqueViolation, type Prisma } from '../infra/prisma.ts';
import { insertProduct, slugsLike, takenSkus } from '../infra/product-repository.ts';
import { eventMeta, productCreatedPayload } from './product-events.ts';
import { TX_OPTIONS, type Caller, type CatalogDeps } from './deps.ts';

const conflictOn = (field: string, message: string) => new DomainError(ErrorCode.CONFLICT, message, { field });

async function checkReferences(tx: Prisma.TransactionClient, draft: ProductDraft): Promise<void> {
  if (draft.categoryId && !(await categoryExists(tx, draft.categoryId))) throw badInput('input.categoryId', 'category does not exist');
  const taken = await takenSkus(tx, draft.variants.map((variant) => variant.sku));
  const index = draft.variants.findIndex((variant) => taken.has(variant.sku));
  if (index >= 0) throw conflictOn(`input.variants[${index}].sku`, `SKU ${draft.variants[index]!.sku} is already in use`);
}

async function chooseSlug(tx: Prisma.TransactionClient, draft: ProductDraft, attempt: number): Promise<string> {
  if (draft.slug) {
    if ((await slugsLike(tx, draft.slug)).has(draft.slug)) throw conflictOn('input.slug', `slug ${draft.slug} is already in use`);
    return draft.slug;
  }
  const base = slugify(draft.name);
  // A concurrent create may take the same generated slug; later attempts add a random suffix.
  return attempt === 0 ? uniqueSlug(base, await slugsLike(tx, base)) : `${base}-${randomBytes(3).toString('hex')}`;
}

/** createProduct: ADMIN or SELLER; validates, stores product + variants and the created event in one transaction. */
export async function createProduct(deps: CatalogDeps, caller: Caller, input: CreateProductInput): Promise<ProductWithVariants> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SELLER');
  const draft = validateCreateProduct(input);
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await deps.prisma.$transaction(async (tx) => {
        await checkReferences(tx, draft);
        const slug = await chooseSlug(tx, draft, attempt);
        const product = await insertProduct(tx, { ...draft, slug, createdById: viewer.userId });
        await recordEvent(tx, 'catalog.product.created.v1', productCreatedPayload(product, draft.variants), eventMeta(viewer, caller.correlationId));
        return product;
      }, TX_OPTIONS);
      deps.eventsRecorded?.();
      return created;
    } catch (error) {
      if (isUniqueViolation(error, 'sku')) throw conflictOn('input.variants', 'a SKU is already in use');
      if (isUniqueViolation(error, 'slug')) {
        if (draft.slug || attempt >= 2) throw conflictOn('input.slug', 'the slug is already in use');
        continue;
      }
      throw error;
    }
  }
}
