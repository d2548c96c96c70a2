import type { RequestContext } from '@drobble/kit/server/request-context';
import type { PaymentsDeps } from './application/deps.ts';
import { paymentsOfOrders } from './application/list-payments.ts';
import type { PaymentRow } from './infra/payment-repository.ts';

/** Batches the loads of one tick into one call (a page of orders -> one payments query). */
function batchLoader<K, V>(loadMany: (keys: readonly K[]) => Promise<V[]>) {
  let pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  return (key: K) =>
    new Promise<V>((resolve, reject) => {
      if (pending.length === 0) {
        queueMicrotask(() => {
          const batch = pending;
          pending = [];
          loadMany(batch.map((item) => item.key)).then(
            (values) => batch.forEach((item, index) => item.resolve(values[index]!)),
            (error: unknown) => batch.forEach((item) => item.reject(error)),
          );
        });
      }
      pending.push({ key, resolve, reject });
    });
}

/** What every payments resolver gets: the verified viewer, the use cases' dependencies, a per-request loader. */
export interface PaymentsContext extends RequestContext {
  deps: PaymentsDeps;
  paymentOfOrder: (orderId: string) => Promise<PaymentRow | null>;
}

export function createPaymentsContext(deps: PaymentsDeps) {
  return (base: RequestContext): PaymentsContext => ({ ...base, deps, paymentOfOrder: batchLoader((ids) => paymentsOfOrders(deps, ids)) });
}
