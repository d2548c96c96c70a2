import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrismaClient } from '../../../../scripts/prisma-generate.ts';
import { applyMigrations } from './migrations.ts';
import { createDatabaseCheck, createPrismaAdapter, pingDatabase } from './prisma-adapter.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { fixtureDir, fixtureMigrationsDir, fixtureSchemaPath } from './test-fixtures.ts';

const clientPath = join(fixtureDir, 'src', 'generated', 'prisma', 'client.ts');

// The generated client's types exist only after generation, so the tests use its runtime shape.
interface WidgetClient {
  widget: {
    create(args: unknown): Promise<{ id: string; name: string; kind: string }>;
    findMany(args?: unknown): Promise<{ name: string; parts: { label: string }[] }[]>;
    count(): Promise<number>;
  };
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $transaction<T>(fn: (tx: WidgetClient) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
}
type ClientClass = new (options: { adapter: unknown }) => WidgetClient;

describe('a generated Prisma client on createPrismaAdapter', () => {
  let database: TestDatabase;
  let PrismaClient: ClientClass;
  const clients: WidgetClient[] = [];
  const connect = (schema: string) => {
    const client = new PrismaClient({ adapter: createPrismaAdapter({ connectionString: database.connectionString, schema }) });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const [db] = await Promise.all([createTestDatabase(), generatePrismaClient(fixtureSchemaPath)]);
    database = db;
    for (const schema of ['shop_a', 'shop_b']) {
      await applyMigrations({ connectionString: database.connectionString, schema, migrationsDir: fixtureMigrationsDir });
    }
    ({ PrismaClient } = (await import(clientPath)) as { PrismaClient: ClientClass });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await database?.drop();
  });

  it('reads and writes its own schema only', async () => {
    const shopA = connect('shop_a');
    const shopB = connect('shop_b');
    await shopA.widget.create({ data: { name: 'Anvil', priceMinor: 1999, currency: 'EUR', parts: { create: [{ label: 'base' }] } } });
    const widgets = await shopA.widget.findMany({ include: { parts: true } });
    expect(widgets).toMatchObject([{ name: 'Anvil', kind: 'SMALL', parts: [{ label: 'base' }] }]);
    expect(await shopB.widget.count()).toBe(0);
    expect(await shopA.$queryRawUnsafe('SELECT name FROM "shop_a"."Widget"')).toEqual([{ name: 'Anvil' }]);
    expect(await shopA.$queryRawUnsafe('SELECT count(*)::int AS n FROM "shop_b"."Widget"')).toEqual([{ n: 0 }]);
  });

  it('runs interactive transactions on one connection', async () => {
    const shop = connect('shop_b');
    await expect(
      shop.$transaction(async (tx) => {
        await tx.widget.create({ data: { name: 'Rolled back', priceMinor: 1, currency: 'EUR' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await shop.widget.count()).toBe(0);
  });

  it('serves readiness checks', async () => {
    await expect(createDatabaseCheck(connect('shop_a'))()).resolves.toBeUndefined();
    await expect(pingDatabase(database.connectionString)).resolves.toBeUndefined();
    await expect(pingDatabase('postgresql://nobody@127.0.0.1:1/none', 500)).rejects.toThrow();
  });

  it('imports and runs under plain Node type stripping (no bundler)', async () => {
    const adapterPath = new URL('./prisma-adapter.ts', import.meta.url).pathname;
    const script = `import { PrismaClient } from ${JSON.stringify(clientPath)};
      import { createPrismaAdapter } from ${JSON.stringify(adapterPath)};
      const prisma = new PrismaClient({ adapter: createPrismaAdapter({ connectionString: process.argv[1], schema: 'shop_a' }) });
      const widgets = await prisma.widget.findMany({ select: { name: true } });
      await prisma.$disconnect();
      console.log(JSON.stringify(widgets));`;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script, database.connectionString], (error, out, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(out),
      );
    });
    expect(JSON.parse(stdout)).toEqual([{ name: 'Anvil' }]);
  });
});
