/**
 * addToCart through the gateway on the whole platform (real engines when DATABASE_URL/NATS_URL are
 * set, else embedded): latency of sequential calls (p50/p95/p99) and throughput with concurrent
 * guests. Each sample adds 1 unit of a variant with plenty of stock to a guest cart.
 *   npm exec -- node subgraphs/cart/test/measure-add-to-cart.ts
 * MEASURE_SAMPLES (default 300), MEASURE_CONCURRENCY (default 8).
 */
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform } from '../../../scripts/platform/test-platform.ts';

const SAMPLES = Number(process.env.MEASURE_SAMPLES ?? 300);
const CONCURRENCY = Number(process.env.MEASURE_CONCURRENCY ?? 8);
const ADD = `mutation ($cartId: ID, $variantId: ID!, $quantity: Int!) { addToCart(cartId: $cartId, variantId: $variantId, quantity: $quantity) { id itemCount subtotal { amount currency } lines { quantity variant { id sku } unitPrice { amount } } } }`;

const platform = await startTestPlatform();
try {
  const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
  const login = await platform.graphql<{ login: { accessToken: string } }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    { email: admin.email, password: admin.password },
  );
  const token = login.data!.login.accessToken;
  const suffix = Date.now();
  const created = await platform.graphql<{ createProduct: { variants: { id: string }[] } }>(
    `mutation ($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }`,
    { input: { name: `Measure Mug ${suffix}`, variants: [{ sku: `MEASURE-${suffix}`, price: 999, initialStock: 100_000 }] } },
    token,
  );
  const variantId = created.data!.createProduct.variants[0]!.id;
  const add = async (cartId: string | null) => {
    const response = await platform.graphql<{ addToCart: { id: string } }>(ADD, { cartId, variantId, quantity: 1 });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.addToCart.id;
  };
  let cartId: string | null = null;
  for (let deadline = Date.now() + 60_000; cartId === null; ) {
    cartId = await add(null).catch((error: unknown) => {
      if (Date.now() > deadline) throw error;
      return null;
    });
  }
  for (let i = 0; i < 20; i++) await add(cartId);

  // Writes alternate with reads of the same cart (same fields), so the two are compared under the same load.
  const read = `query ($id: ID) { cart(id: $id) ${ADD.slice(ADD.indexOf('{ id itemCount'))}`;
  const writes: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    let start = performance.now();
    await add(cartId);
    writes.push(performance.now() - start);
    start = performance.now();
    const response = await platform.graphql(read, { id: cartId });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    reads.push(performance.now() - start);
  }
  const at = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!.toFixed(1);

  const carts = await Promise.all(Array.from({ length: CONCURRENCY }, () => add(null)));
  const perWorker = Math.ceil(SAMPLES / CONCURRENCY);
  const started = performance.now();
  await Promise.all(carts.map(async (id) => {
    for (let i = 0; i < perWorker; i++) await add(id);
  }));
  const seconds = (performance.now() - started) / 1_000;
  const engines = process.env.DATABASE_URL ? 'PostgreSQL + NATS' : 'embedded (PGlite + in-process bus)';
  process.stdout.write(
    `addToCart through the gateway, ${engines}\n` +
      `  sequential addToCart, ${SAMPLES} calls: p50 ${at(writes, 0.5)} ms, p95 ${at(writes, 0.95)} ms, p99 ${at(writes, 0.99)} ms\n` +
      `  interleaved cart(id) reads, same fields: p50 ${at(reads, 0.5)} ms, p95 ${at(reads, 0.95)} ms (write/read p50 ${(Number(at(writes, 0.5)) / Number(at(reads, 0.5))).toFixed(2)}x)\n` +
      `  ${CONCURRENCY} guests in parallel, ${perWorker * CONCURRENCY} calls: ${((perWorker * CONCURRENCY) / seconds).toFixed(0)} calls/s\n`,
  );
} finally {
  await platform.stop();
}
