import { requireRole } from '@drobble/kit/auth/guards';
import { badInput, notFound } from '@drobble/kit/errors';
import { adjustmentProblem, stockLevelOf, type StockLevel } from '../domain/stock.ts';
import { isUuid } from '../domain/ids.ts';
import { appendMovements, applyDeltas, lockStock, setThreshold } from '../infra/stock-repository.ts';
import { requestedBy, TX_OPTIONS, type Caller, type InventoryDeps } from './deps.ts';
import { recordStockChanges } from './stock-events.ts';

const MAX_DELTA = 1_000_000;

function validate(delta: number, reason: string): string {
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > MAX_DELTA) throw badInput('delta', `delta must be a non-zero integer between -${MAX_DELTA} and ${MAX_DELTA}`);
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw badInput('reason', 'reason must be 1 to 200 characters');
  return trimmed;
}

/**
 * adjustStock (ADMIN): changes onHand by `delta` with a reason, logged as a movement and published
 * as inventory.stock.changed.v1 in one transaction. Refused (BAD_USER_INPUT, nothing changes) when
 * onHand would go below zero or below the units reserved; the UPDATE itself re-checks that condition.
 */
export async function adjustStock(deps: InventoryDeps, caller: Caller, variantId: string, delta: number, reason: string): Promise<StockLevel> {
  const viewer = requireRole(caller.viewer, 'ADMIN');
  const why = validate(delta, reason);
  if (!isUuid(variantId)) throw notFound('ProductVariant');
  const id = variantId.toLowerCase();
  const level = await deps.prisma.$transaction(async (tx) => {
    const item = (await lockStock(tx, [id])).get(id);
    if (!item) throw notFound('ProductVariant');
    const problem = adjustmentProblem(item, delta);
    if (problem) throw badInput('delta', problem);
    const updated = (await applyDeltas(tx, [{ variantId: id, onHandDelta: delta, reservedDelta: 0 }])).get(id);
    if (!updated) throw badInput('delta', 'the adjustment would leave fewer units on hand than reserved');
    await appendMovements(tx, [{ variantId: id, onHandDelta: delta, reservedDelta: 0, reason: why, actorId: viewer.userId }]);
    await recordStockChanges(tx, [updated], why, requestedBy(caller));
    return stockLevelOf(updated);
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return level;
}

/** setLowStockThreshold (ADMIN): lowStock is reported when available <= threshold; publishes the new level. */
export async function setLowStockThreshold(deps: InventoryDeps, caller: Caller, variantId: string, threshold: number): Promise<StockLevel> {
  requireRole(caller.viewer, 'ADMIN');
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_DELTA) throw badInput('threshold', `threshold must be an integer between 0 and ${MAX_DELTA}`);
  if (!isUuid(variantId)) throw notFound('ProductVariant');
  const level = await deps.prisma.$transaction(async (tx) => {
    const updated = await setThreshold(tx, variantId.toLowerCase(), threshold);
    if (!updated) throw notFound('ProductVariant');
    await recordStockChanges(tx, [updated], 'THRESHOLD', requestedBy(caller));
    return stockLevelOf(updated);
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return level;
}
