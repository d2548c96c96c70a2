import { requireRole } from '@drobble/kit/auth/guards';
import { badInput, notFound } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import { validateUpdateProduct, type UpdateProductInput } from '../domain/product-input.ts';
import type { ProductWithVariants } from '../domain/product.ts';
import { mayChange, notYourProduct, ownerCondition } from '../domain/ownership.ts';
import { staleVersion, versionCondition } from '../domain/version.ts';
import { categoryExists } from '../infra/category-repository.ts';
import { recordEvent } from '../infra/outbox.ts';
import { findLiveProduct, productState, updateProductIf } from '../infra/product-repository.ts';
import { eventMeta, productSnapshot } from './product-events.ts';
import { TX_OPTIONS, type Caller, type CatalogDeps } from './deps.ts';

/**
 * updateProduct: ADMIN, or the SELLER that created the product (FORBIDDEN otherwise). One conditional UPDATE (id, not deleted, expectedVersion when
 * given) bumps the version, so of two writers holding the same version exactly one wins; the
 * other gets CONFLICT. The updated event commits in the same transaction.
 */
export async function updateProduct(
  deps: CatalogDeps,
  caller: Caller,
  id: string,
  input: UpdateProductInput,
  expectedVersion?: number | null,
): Promise<ProductWithVariants> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SELLER');
  if (!isUuid(id)) throw notFound('Product');
  if (expectedVersion !== null && expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) {
    throw badInput('expectedVersion', 'expectedVersion must be a positive integer');
  }
  const patch = validateUpdateProduct(input);
  const updated = await deps.prisma.$transaction(async (tx) => {
    if (patch.categoryId && !(await categoryExists(tx, patch.categoryId))) throw badInput('input.categoryId', 'category does not exist');
    if (!(await updateProductIf(tx, id, { ...versionCondition(expectedVersion), ...ownerCondition(viewer) }, patch))) {
      const state = await productState(tx, id);
      if (!state || state.deleted) throw notFound('Product');
      if (!mayChange(viewer, state.createdById)) throw notYourProduct();
      throw staleVersion(expectedVersion!, state.version);
    }
    const product = (await findLiveProduct(tx, { id }))!;
    await recordEvent(tx, 'catalog.product.updated.v1', productSnapshot(product), eventMeta(viewer, caller.correlationId));
    return product;
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return updated;
}
