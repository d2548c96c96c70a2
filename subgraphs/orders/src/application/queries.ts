import { hasRole, requireRole, requireSignedIn } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { badInput } from '@drobble/kit/errors';
import { orderStatus } from '@drobble/schema/events';
import { toCsv } from '../domain/csv.ts';
import { parsePaging } from '@drobble/kit/paging';
import { findOrder, orderInclude, type OrderRecord } from '../infra/order-repository.ts';
import type { Prisma } from '../infra/prisma.ts';
import type { OrdersDeps } from './deps.ts';

export interface OrderFilter {
  status?: string | null;
  from?: Date | null;
  to?: Date | null;
  search?: string | null;
}

export interface OrderPage {
  items: OrderRecord[];
  pageInfo: { page: number; pageSize: number; total: number };
}

/** order(id): the owner, ADMIN or SUPPORT; anyone else (and an unknown id) gets null. */
export async function getOrder(deps: OrdersDeps, viewer: Viewer, id: string): Promise<OrderRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const order = await findOrder(deps.prisma, id.toLowerCase());
  if (!order) return null;
  const allowed = (order.customerId !== null && order.customerId === viewer.userId) || hasRole(viewer, 'ADMIN', 'SUPPORT');
  return allowed ? order : null;
}

function whereOf(filter: OrderFilter | null | undefined): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (!filter) return where;
  if (filter.status) {
    if (!orderStatus.safeParse(filter.status).success) throw badInput('filter.status', 'unknown status');
    where.status = filter.status;
  }
  if (filter.from || filter.to) where.createdAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const search = filter.search?.trim();
  if (search) where.OR = [{ number: { contains: search, mode: 'insensitive' } }, { email: { contains: search, mode: 'insensitive' } }];
  return where;
}

async function pageOf(deps: OrdersDeps, where: Prisma.OrderWhereInput, page?: number | null, pageSize?: number | null): Promise<OrderPage> {
  const paging = parsePaging(page, pageSize);
  const [items, total] = await deps.prisma.$transaction([
    deps.prisma.order.findMany({ where, include: orderInclude, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: paging.skip, take: paging.take }),
    deps.prisma.order.count({ where }),
  ], { isolationLevel: 'RepeatableRead' });
  return { items, pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}

/** myOrders: the signed-in customer's orders, newest first. */
export function myOrders(deps: OrdersDeps, viewer: Viewer, status?: string | null, page?: number | null, pageSize?: number | null) {
  const me = requireSignedIn(viewer);
  return pageOf(deps, { ...whereOf({ status }), customerId: me.userId }, page, pageSize);
}

/** User.orders: the user themself, ADMIN or SUPPORT; others see an empty page. */
export function ordersOfUser(deps: OrdersDeps, viewer: Viewer, userId: string, page?: number | null, pageSize?: number | null) {
  const allowed = viewer.userId === userId || hasRole(viewer, 'ADMIN', 'SUPPORT');
  const paging = parsePaging(page, pageSize);
  if (!allowed) return { items: [], pageInfo: { page: paging.page, pageSize: paging.pageSize, total: 0 } };
  return pageOf(deps, { customerId: userId }, page, pageSize);
}

/** orders (ADMIN, SUPPORT) with filters. */
export function listOrders(deps: OrdersDeps, viewer: Viewer, filter: OrderFilter | null | undefined, page?: number | null, pageSize?: number | null) {
  requireRole(viewer, 'ADMIN', 'SUPPORT');
  return pageOf(deps, whereOf(filter), page, pageSize);
}

const EXPORT_LIMIT = 50_000;
const HEADER = ['number', 'status', 'created_at', 'email', 'customer_id', 'currency', 'subtotal', 'tax', 'shipping_cost', 'total', 'refunded', 'shipping_method', 'country', 'items', 'failure_reason'];

/** exportOrders (ADMIN): the filtered orders as CSV text, oldest first (at most 50,000 rows). */
export async function exportOrders(deps: OrdersDeps, viewer: Viewer, filter: OrderFilter | null | undefined): Promise<string> {
  requireRole(viewer, 'ADMIN');
  const orders = await deps.prisma.order.findMany({ where: whereOf(filter), include: { lines: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: EXPORT_LIMIT });
  const rows = orders.map((order) => [
    order.number, order.status, order.createdAt.toISOString(), order.email, order.customerId, order.currency,
    order.subtotal, order.tax, order.shippingCost, order.total, order.refundedAmount, order.shippingMethod,
    (order.shippingAddress as { country?: string }).country ?? '', order.lines.reduce((sum, line) => sum + line.quantity, 0), order.failureReason,
  ]);
  return toCsv(HEADER, rows);
}
