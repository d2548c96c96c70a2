import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { validateCreateProduct, validateUpdateProduct, type CreateProductInput } from './product-input.ts';

const valid: CreateProductInput = { name: ' Tee ', variants: [{ sku: 'TEE-S', price: 1500, options: [{ name: 'Size', value: 'S' }] }] };

function fieldOf(run: () => unknown): { code: string; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('validateCreateProduct', () => {
  it('normalises a valid input with defaults', () => {
    const draft = validateCreateProduct(valid);
    expect(draft).toMatchObject({ name: 'Tee', slug: null, description: '', currency: 'USD', images: [], attributes: [], categoryId: null });
    expect(draft.variants).toEqual([{ sku: 'TEE-S', name: 'S', options: [{ name: 'Size', value: 'S' }], price: 1500, position: 0, initialStock: 0 }]);
  });

  it('names an option-less variant Default and keeps initialStock', () => {
    const draft = validateCreateProduct({ name: 'Mug', variants: [{ sku: 'MUG', price: 0, initialStock: 7 }] });
    expect(draft.variants[0]).toMatchObject({ name: 'Default', price: 0, initialStock: 7 });
  });

  it.each<[string, Partial<CreateProductInput>, string]>([
    ['empty name', { name: '   ' }, 'input.name'],
    ['no variants', { variants: [] }, 'input.variants'],
    ['negative price', { variants: [{ sku: 'A', price: -1 }] }, 'input.variants[0].price'],
    ['fractional price', { variants: [{ sku: 'A', price: 1.5 }] }, 'input.variants[0].price'],
    ['duplicate SKU', { variants: [{ sku: 'A', price: 1 }, { sku: 'A', price: 2 }] }, 'input.variants[1].sku'],
    ['blank SKU', { variants: [{ sku: ' ', price: 1 }] }, 'input.variants[0].sku'],
    ['negative stock', { variants: [{ sku: 'A', price: 1, initialStock: -2 }] }, 'input.variants[0].initialStock'],
    ['lower-case currency', { currency: 'usd' }, 'input.currency'],
    ['long currency', { currency: 'USDT' }, 'input.currency'],
    ['bad slug', { slug: 'Not A Slug' }, 'input.slug'],
    ['bad category id', { categoryId: 'nope' }, 'input.categoryId'],
    ['bad image url', { images: ['https://ok.example/a.png', 'javascript:alert(1)'] }, 'input.images[1]'],
    ['empty attribute key', { attributes: [{ key: '', value: 'x' }] }, 'input.attributes[0].key'],
  ])('%s -> BAD_USER_INPUT on %s', (_name, change, field) => {
    expect(fieldOf(() => validateCreateProduct({ ...valid, ...change }))).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('validateUpdateProduct', () => {
  it('keeps only the given fields; null means unchanged except categoryId', () => {
    expect(validateUpdateProduct({ name: null, featured: true, active: null })).toEqual({ featured: true });
    expect(validateUpdateProduct({ categoryId: null })).toEqual({ categoryId: null });
    expect(validateUpdateProduct({})).toEqual({});
  });

  it('rejects an empty name', () => {
    expect(fieldOf(() => validateUpdateProduct({ name: '' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });
});
