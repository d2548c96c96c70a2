/**
 * The checkout section of `npm run bench`: N orders placed through the gateway (TEST provider,
 * tok_visa) with C in flight, each driven by the real saga (inventory, payments, shipping) to
 * READY_TO_SHIP. Reports orders per second (first placeOrder to last READY_TO_SHIP) and the p50/p99
 * time from placeOrder (PENDING) to PAID, read from each order's history. Engines follow the
 * environment: DATABASE_URL / NATS_URL, or PGlite + the in-process bus. `compareCheckout` runs it
 * twice in one script, saga consumers one event at a time (EVENT_CONCURRENCY=1, the baseline) and
 * then at the default concurrency, and reports the throughput ratio.
 * Run alone: `npm exec -- node scripts/bench/checkout.ts`.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { eventConcurrency } from '@drobble/kit/config/fields';
import { createLogger } from '@drobble/kit/logger';
import { DEMO_ADMIN } from '@drobble/identity/demo-accounts';
import { listSubgraphs } from '@drobble/schema/subgraphs.ts';
import { launchPlatform } from '../platform/launch.ts';

const DEFAULT_EVENT_CONCURRENCY = eventConcurrency.parse(undefined);

const NEEDED = ['cart', 'inventory', 'orders', 'payments', 'shipping'];
const ADDRESS = { fullName: 'Bench Buyer', line1: '1 Load St', city: 'Austin', postalCode: '73301', country: 'US' };

export interface CheckoutBenchResult {
  engine: string;
  orders: number;
  concurrency: number;
  /** EVENT_CONCURRENCY the platform ran with. */
  eventConcurrency: number;
  ordersPerSecond: number;
  paidP50Ms: number;
  paidP99Ms: number;
  failed: number;
  /** p50 of each saga hop, from the order history. */
  stepP50Ms: Record<string, number>;
}

export function checkoutBenchSkipReason(): string | null {
  const registered = new Set(listSubgraphs().map((entry) => entry.name));
  const missing = NEEDED.filter((name) => !registered.has(name));
  return missing.length ? `checkout bench skipped: ${missing.join(', ')} not registered` : null;
}

export async function benchCheckout(eventConcurrency: number, orders = Number(process.env.BENCH_ORDERS ?? 100), concurrency = Number(process.env.BENCH_ORDER_CONCURRENCY ?? 8)): Promise<CheckoutBenchResult> {
  const database = await createTestDatabase();
  const platform = await launchPlatform({
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    logger: createLogger('bench', 'warn'),
    databaseUrl: database.connectionString,
    natsUrl: process.env.NATS_URL,
    busNamespace: `bench${randomUUID().slice(0, 8)}`,
    eventConcurrency,
    ports: 'ephemeral',
    seedDemoData: true,
  });
  try {
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    };
    const retry = async <T>(attempt: () => Promise<T | null>): Promise<T> => {
      for (let i = 0; i < 600; i++) {
        const value = await attempt().catch(() => null);
        if (value) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('bench setup timed out');
    };
    const token = (await gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: DEMO_ADMIN.email, p: DEMO_ADMIN.password })).data.login.accessToken as string;
    const created = await gql(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }`, { input: { name: `Bench Kettle ${randomUUID().slice(0, 6)}`, variants: [{ sku: `BENCH-${randomUUID().slice(0, 8)}`, price: 3_000, initialStock: orders * 2 }] } }, token);
    const variantId = created.data.createProduct.variants[0].id as string;
    const carts: string[] = [];
    for (let i = 0; i < orders; i++) carts.push(await retry(async () => (await gql(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`, { v: variantId })).data?.addToCart?.id ?? null));
    const place = (cartId: string) => retry(async () => (await gql(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, { input: { cartId, email: 'bench@example.com', shippingAddress: ADDRESS, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } } })).data?.placeOrder?.id ?? null);
    await place(carts.pop()!); // warm-up order (projections caught up, pools open); not measured
    const started = Date.now();
    const ids: string[] = [];
    const queue = [...carts];
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let cartId = queue.shift(); cartId; cartId = queue.shift()) ids.push(await place(cartId));
    }));
    const done = async () => (await gql(`query ($f: OrderFilter) { orders(filter: $f, pageSize: 1) { pageInfo { total } } }`, { f: { status: 'READY_TO_SHIP', from: new Date(started).toISOString() } }, token)).data.orders.pageInfo.total as number;
    const failedCount = async () => (await gql(`query ($f: OrderFilter) { orders(filter: $f, pageSize: 1) { pageInfo { total } } }`, { f: { status: 'FAILED', from: new Date(started).toISOString() } }, token)).data.orders.pageInfo.total as number;
    while ((await done()) + (await failedCount()) < ids.length) await new Promise((resolve) => setTimeout(resolve, 100));
    const elapsed = (Date.now() - started) / 1_000;
    const toPaid: number[] = [];
    const steps: Record<string, number[]> = { 'PENDING->STOCK_RESERVED': [], 'STOCK_RESERVED->PAID': [], 'PAID->READY_TO_SHIP': [] };
    for (let page = 1; (page - 1) * 100 < ids.length; page++) {
      const listed = await gql(`query ($f: OrderFilter, $p: Int) { orders(filter: $f, page: $p, pageSize: 100) { items { history { status at } } } }`, { f: { from: new Date(started).toISOString() }, p: page }, token);
      for (const order of listed.data.orders.items as { history: { status: string; at: string }[] }[]) {
        const at = (status: string) => order.history.find((entry) => entry.status === status)?.at;
        if (at('PAID')) toPaid.push(Date.parse(at('PAID')!) - Date.parse(at('PENDING')!));
        for (const [step, list] of Object.entries(steps)) {
          const [from, to] = step.split('->') as [string, string];
          if (at(from) && at(to)) list.push(Date.parse(at(to)!) - Date.parse(at(from)!));
        }
      }
    }
    const pctOf = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((list.length * p) / 100))] ?? NaN;
    const pct = (p: number) => pctOf(toPaid, p);
    return {
      engine: `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} + ${process.env.NATS_URL ? 'NATS' : 'in-process bus'}`,
      orders: ids.length, concurrency, eventConcurrency, ordersPerSecond: ids.length / elapsed, paidP50Ms: pct(50), paidP99Ms: pct(99), failed: await failedCount(),
      stepP50Ms: Object.fromEntries(Object.entries(steps).map(([step, list]) => [step, pctOf(list, 50)])),
    };
  } finally {
    await platform.stop();
    await database.drop();
  }
}

export function reportCheckout(r: CheckoutBenchResult): string {
  return `\ncheckout saga to READY_TO_SHIP (TEST provider), ${r.orders} orders, ${r.concurrency} in flight, EVENT_CONCURRENCY ${r.eventConcurrency}, ${r.engine}\n`
    + `orders/s ${r.ordersPerSecond.toFixed(1)}   placeOrder->PAID p50 ${r.paidP50Ms} ms  p99 ${r.paidP99Ms} ms   failed ${r.failed}\n`
    + `hop p50: ${Object.entries(r.stepP50Ms).map(([step, ms]) => `${step} ${ms} ms`).join(', ')}\n`;
}

/** The saga one event at a time per consumer (baseline), then at the default concurrency: both reports and the ratio. */
export async function compareCheckout(): Promise<string> {
  const skip = checkoutBenchSkipReason();
  if (skip) return `${skip}\n`;
  const sequential = await benchCheckout(1);
  const concurrent = await benchCheckout(DEFAULT_EVENT_CONCURRENCY);
  return `${reportCheckout(sequential)}${reportCheckout(concurrent)}`
    + `orders/s ratio, EVENT_CONCURRENCY ${DEFAULT_EVENT_CONCURRENCY} / 1: ${(concurrent.ordersPerSecond / sequential.ordersPerSecond).toFixed(2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await compareCheckout());
  process.exit(0);
}
