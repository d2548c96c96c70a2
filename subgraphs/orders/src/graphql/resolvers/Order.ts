import { hasRole } from '@drobble/kit/auth/guards';
import type { OrdersContext } from '../../context.ts';
import { findOrder, type OrderRecord } from '../../infra/order-repository.ts';

type Line = OrderRecord['lines'][number];
const money = (amount: number, currency: string) => ({ amount, currency });

/** Order fields and the entity reference resolver (what payments and shipping extend). */
export const Order = {
  __resolveReference(reference: { id: string }, context: OrdersContext) {
    return /^[0-9a-f-]{36}$/i.test(reference.id) ? findOrder(context.deps.prisma, reference.id.toLowerCase()) : null;
  },
  customer: (order: OrderRecord) => (order.customerId ? { id: order.customerId } : null),
  lines: (order: OrderRecord) => order.lines.map((line) => ({ ...line, currency: order.currency })),
  subtotal: (order: OrderRecord) => money(order.subtotal, order.currency),
  tax: (order: OrderRecord) => money(order.tax, order.currency),
  shippingCost: (order: OrderRecord) => money(order.shippingCost, order.currency),
  total: (order: OrderRecord) => money(order.total, order.currency),
  shippingAddress: (order: OrderRecord) => ({ id: `${order.id}:shipping`, ...(order.shippingAddress as object) }),
  /** Internal: ADMIN and SUPPORT only; everyone else gets [] (the order itself stays readable). */
  async notes(order: OrderRecord, _args: unknown, context: OrdersContext) {
    if (!hasRole(context.viewer, 'ADMIN', 'SUPPORT')) return [];
    const notes = await context.deps.prisma.orderNote.findMany({ where: { orderId: order.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return notes.map((note) => note.note);
  },
};

/** OrderLine fields: money with the order's currency, the variant as a catalog reference. */
export const OrderLine = {
  variant: (line: Line) => ({ id: line.variantId }),
  unitPrice: (line: Line & { currency: string }) => money(line.unitPrice, line.currency),
  total: (line: Line & { currency: string }) => money(line.unitPrice * line.quantity, line.currency),
};
