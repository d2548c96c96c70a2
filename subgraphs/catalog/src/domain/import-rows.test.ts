import { describe, expect, it } from 'vitest';
import { readRecords, validateRows } from './import-rows.ts';

describe('import rows', () => {
  it('reads CSV with a header and JSON arrays; refuses what is not rows', () => {
    expect(readRecords('CSV', 'sku,name,price\nA-1,Mug,100\n')).toEqual([{ sku: 'A-1', name: 'Mug', price: '100' }]);
    expect(readRecords('JSON', '[{"sku":"A-1"}]')).toEqual([{ sku: 'A-1' }]);
    expect(() => readRecords('JSON', '{"sku":"A-1"}')).toThrow(/array/);
    expect(() => readRecords('CSV', '')).toThrow(/no rows/);
  });

  it('normalises a row: slug from the name, options, images, flags and stock', () => {
    const { rows, errors } = validateRows([
      { sku: 'TEE-M', name: "Men's Tee", price: '1999', options: 'Size=M;Colour=Blue', images: 'https://a.example/1.jpg|https://a.example/2.jpg', featured: 'yes', stock: '3' },
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 1, productSlug: 'mens-tee', name: "Men's Tee", featured: true, active: null, currency: null,
      images: ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
      variant: { sku: 'TEE-M', name: 'M / Blue', price: 1999, initialStock: 3, options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Blue' }] },
    });
  });

  it('reports each bad row by number and keeps the good ones', () => {
    const { rows, errors } = validateRows([
      { sku: 'OK-1', name: 'Fine', price: 1 },
      { sku: 'OK-1', name: 'Again', price: 1 },
      { sku: 'X', name: '', price: 1 },
      { sku: 'Y', name: 'Y', price: '1.5' },
      { sku: 'Z', name: 'Z', price: 1, currency: 'usd' },
      { sku: 'W', name: 'W', price: 1, options: 'Size' },
      { sku: 'V', name: 'V', price: 1, stock: '-2' },
      { sku: 'U', name: 'U', price: 1, featured: 'maybe' },
    ]);
    expect(rows.map((row) => row.row)).toEqual([1]);
    expect(errors.map((error) => error.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/already appears on row 1/);
  });
});
