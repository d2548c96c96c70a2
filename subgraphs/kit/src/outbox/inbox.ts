import type { InboxWriter, TransactionOptions, TransactionRunner } from './prisma-shapes.ts';

/**
 * Runs `work` at most once per (consumer, event id): in ONE transaction it records the event in
 * the inbox and does the work, so both commit or neither does. Returns false (and does nothing)
 * when the event was already processed, e.g. a redelivery or a republish after the dedupe window.
 *
 *   bus.subscribe({ durable: 'search-products', subjects: ['catalog.product.updated.v1'],
 *     handler: (event) => handleOnce(prisma, 'search-products', event, (tx) => upsertProduct(tx, event.data)) });
 *
 * The insert is `ON CONFLICT DO NOTHING` (createMany + skipDuplicates), so a duplicate does not
 * abort the transaction; a concurrent duplicate waits for the first transaction and then skips.
 * Keep every query of `work` on `tx` (PGlite runs one transaction at a time).
 */
export async function handleOnce<Tx extends InboxWriter>(
  prisma: TransactionRunner<Tx>,
  consumer: string,
  event: { id: string },
  work: (tx: Tx) => Promise<void>,
  options?: TransactionOptions,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.inboxEvent.createMany({ data: [{ consumer, eventId: event.id }], skipDuplicates: true });
    if (count === 0) return false;
    await work(tx);
    return true;
  }, options);
}
