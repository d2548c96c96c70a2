import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_CATEGORY, CREATE_PRODUCT, admin, customer, errorsOf, seller, startCatalog, viewerWith, type CatalogHarness } from './harness.ts';

let h: CatalogHarness;
beforeAll(async () => {
  h = await startCatalog();
});
afterAll(() => h?.stop());

const IMPORT = `mutation ($format: ImportFormat!, $data: String!) { importProducts(format: $format, data: $data) { created updated errors { row message } } }`;
const run = (format: 'CSV' | 'JSON', data: string, viewer = admin) => h.gql(IMPORT, { format, data }, viewer);

describe('importProducts', () => {
  it('imports CSV rows, grouping rows of one slug into one product with its variants', async () => {
    const category = (await h.gql(CREATE_CATEGORY, { name: 'Import Mugs' })).data!.createCategory;
    const csv = [
      'sku,name,slug,price,category,options,stock,images,featured',
      `IMP-MUG-S,Stoneware Mug,stoneware-mug,1200,${category.slug},Size=S,4,https://img.example.com/m.jpg,true`,
      'IMP-MUG-L,Stoneware Mug,stoneware-mug,1500,,Size=L,0,,',
      'IMP-CUP,Espresso Cup,,800,,,2,,',
    ].join('\n');
    const result = await run('CSV', csv);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importProducts).toEqual({ created: 3, updated: 0, errors: [] });
    const mug = await h.prisma.product.findUniqueOrThrow({ where: { slug: 'stoneware-mug' }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(mug).toMatchObject({ name: 'Stoneware Mug', minPrice: 1200, featured: true, categoryId: category.id, images: ['https://img.example.com/m.jpg'], createdById: admin.userId });
    expect(mug.variants.map((v) => [v.sku, v.name, v.price])).toEqual([['IMP-MUG-S', 'S', 1200], ['IMP-MUG-L', 'L', 1500]]);
    const created = await h.prisma.outboxEvent.findFirstOrThrow({ where: { subject: 'catalog.product.created.v1', envelope: { path: ['data', 'id'], equals: mug.id } } });
    expect((created.envelope as any).data.variants.map((v: any) => v.initialStock)).toEqual([4, 0]);
  });

  it('upserts by SKU from JSON and reports bad rows without dropping the good ones', async () => {
    const rows = [
      { sku: 'IMP-CUP', name: 'Espresso Cup', price: 950, description: 'Now thicker' },
      { sku: 'IMP-NEW-1', name: 'Tea Pot', price: 3000, stock: 5 },
      { sku: 'IMP-BAD-1', name: 'No Price' },
      { sku: 'IMP-BAD-2', name: 'Bad Category', price: 10, category: 'no-such-category' },
      { sku: 'IMP-NEW-1', name: 'Tea Pot', price: 3100 },
      { sku: 'has space', name: 'X', price: 1 },
      { sku: 'IMP-BAD-3', name: 'Tea Pot', price: 5, currency: 'EUR' },
    ];
    const result = await run('JSON', JSON.stringify(rows));
    expect(result.data!.importProducts.created).toBe(1);
    expect(result.data!.importProducts.updated).toBe(1);
    expect(result.data!.importProducts.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(result.data!.importProducts.errors[2].message).toMatch(/already appears on row 2/);
    const cup = await h.prisma.product.findUniqueOrThrow({ where: { slug: 'espresso-cup' }, include: { variants: true } });
    expect(cup).toMatchObject({ description: 'Now thicker', minPrice: 950, version: 2 });
    expect(await h.prisma.productVariant.count({ where: { sku: { startsWith: 'IMP-BAD' } } })).toBe(0);
  });

  it('refuses unreadable data and customers, and a seller may not import over another seller\'s product', async () => {
    expect(errorsOf(await run('JSON', '{not json'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'data' }]);
    expect(errorsOf(await run('CSV', 'sku,name,price\n"unterminated,x,1'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'data' }]);
    expect(errorsOf(await run('JSON', '[]'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'data' }]);
    expect(errorsOf(await run('CSV', 'sku,name,price\nA,B,1', customer))).toEqual([{ code: 'FORBIDDEN' }]);
    const owned = await h.gql(CREATE_PRODUCT, { input: { name: 'Seller Vase', variants: [{ sku: 'IMP-VASE', price: 100 }] } }, seller);
    expect(owned.errors).toBeUndefined();
    const other = await run('CSV', 'sku,name,price\nIMP-VASE,Hijacked Vase,1', viewerWith('SELLER'));
    expect(other.data!.importProducts).toMatchObject({ created: 0, updated: 0, errors: [{ row: 1, message: expect.stringMatching(/another seller/) }] });
    const mine = await run('CSV', 'sku,name,price\nIMP-VASE,Seller Vase XL,200', seller);
    expect(mine.data!.importProducts).toMatchObject({ updated: 1, errors: [] });
  });

  it('imports 10,000 rows in one call (and again as updates)', async () => {
    const lines = ['sku,name,slug,price,stock'];
    for (let i = 0; i < 10_000; i++) lines.push(`BULK-${i},Bulk Item ${Math.floor(i / 2)},bulk-item-${Math.floor(i / 2)},${100 + i},${i % 7}`);
    const csv = lines.join('\n');
    let started = performance.now();
    const first = await run('CSV', csv);
    const createMs = performance.now() - started;
    expect(first.errors).toBeUndefined();
    expect(first.data!.importProducts).toEqual({ created: 10_000, updated: 0, errors: [] });
    expect(await h.prisma.product.count({ where: { slug: { startsWith: 'bulk-item-' } } })).toBe(5_000);
    started = performance.now();
    const again = await run('CSV', csv);
    const updateMs = performance.now() - started;
    expect(again.data!.importProducts).toEqual({ created: 0, updated: 10_000, errors: [] });
    console.log(`importProducts 10,000 CSV rows (${(csv.length / 1024).toFixed(0)} KiB, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): create ${createMs.toFixed(0)} ms, update ${updateMs.toFixed(0)} ms`);
  }, 300_000);
});
