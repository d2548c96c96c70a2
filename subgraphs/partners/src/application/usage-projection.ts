import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { PartnersDeps } from './deps.ts';

export const USAGE_CONSUMER = 'partners-key-usage';

/**
 * Adds the gateways' usage reports (partners.api_key.used.v1) to each key's count, once per event
 * (inbox), in one conditional statement so concurrent reports never lose an increment.
 */
export function startUsageProjection(bus: EventBus, deps: PartnersDeps): Promise<Subscription> {
  return bus.subscribe({
    durable: USAGE_CONSUMER,
    subjects: ['partners.api_key.used.v1'],
    handler: (event) =>
      handleOnce(deps.prisma, USAGE_CONSUMER, event, async (tx) => {
        const usedUntil = new Date(event.data.to);
        await tx.partnerApiKey.updateMany({ where: { id: event.data.keyId }, data: { usageCount: { increment: event.data.count } } });
        await tx.partnerApiKey.updateMany({ where: { id: event.data.keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: usedUntil } }] }, data: { lastUsedAt: usedUntil } });
      }),
  });
}
