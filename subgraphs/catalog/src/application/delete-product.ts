import { requireRole } from '@drobble/kit/auth/guards';
import { notFound } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import { mayChange, notYourProduct, ownerCondition } from '../domain/ownership.ts';
import { recordEvent } from '../infra/outbox.ts';
import { findProductsByIds, productState, softDeleteProduct } from '../infra/product-repository.ts';
import { eventMeta, productSnapshot } from './product-events.ts';
import { TX_OPTIONS, type Caller, type CatalogDeps } from './deps.ts';

/**
 * deleteProduct: ADMIN, or the SELLER that created the product; a soft delete (deletedAt, inactive) so order history still
 * resolves the product. Idempotent: deleting a deleted product returns true and publishes nothing.
 */
export async function deleteProduct(deps: CatalogDeps, caller: Caller, id: string): Promise<boolean> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SELLER');
  if (!isUuid(id)) throw notFound('Product');
  const deletedNow = await deps.prisma.$transaction(async (tx) => {
    if (!(await softDeleteProduct(tx, id, new Date(), ownerCondition(viewer)))) {
      const state = await productState(tx, id);
      if (!state) throw notFound('Product');
      if (!mayChange(viewer, state.createdById)) throw notYourProduct();
      return false;
    }
    const product = (await findProductsByIds(tx, [id])).get(id)!;
    await recordEvent(tx, 'catalog.product.deleted.v1', productSnapshot(product), eventMeta(viewer, caller.correlationId));
    return true;
  }, TX_OPTIONS);
  if (deletedNow) deps.eventsRecorded?.();
  return true;
}
