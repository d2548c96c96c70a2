import { describe, expect, it } from 'vitest';
import { slugify } from '../domain/slug.ts';
import { validateCreateProduct } from '../domain/product-input.ts';
import { demoCategories, type DemoCategory } from './demo-categories.ts';
import { demoProducts, featuredDemoProducts } from './demo-products.ts';
import { demoVariants, stableUuid } from './seed.ts';

const flatten = (nodes: DemoCategory[], depth = 1): { slug: string; depth: number; leaf: boolean }[] =>
  nodes.flatMap((node) => [{ slug: slugify(node.name), depth, leaf: !node.children?.length }, ...flatten(node.children ?? [], depth + 1)]);

describe('demo data', () => {
  const categories = flatten(demoCategories);
  const variants = demoProducts.flatMap((product, index) => demoVariants(product, index));

  it('has a category tree at least three levels deep with unique slugs', () => {
    expect(Math.max(...categories.map((c) => c.depth))).toBeGreaterThanOrEqual(3);
    expect(new Set(categories.map((c) => c.slug)).size).toBe(categories.length);
  });

  it('has at least 48 valid products with 1-4 variants, in existing categories, with unique slugs and SKUs', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(48);
    const slugs = new Set(categories.map((c) => c.slug));
    for (const [index, product] of demoProducts.entries()) {
      expect(slugs.has(product.category), product.category).toBe(true);
      const own = demoVariants(product, index);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(() => validateCreateProduct({ name: product.name, variants: own })).not.toThrow();
    }
    expect(new Set(demoProducts.map((p) => slugify(p.name))).size).toBe(demoProducts.length);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
  });

  it('features some products and has some low and some zero stock', () => {
    expect([...featuredDemoProducts].every((name) => demoProducts.some((p) => p.name === name))).toBe(true);
    expect(variants.filter((v) => v.initialStock === 0).length).toBeGreaterThan(0);
    expect(variants.filter((v) => v.initialStock > 0 && v.initialStock <= 5).length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(stableUuid('product:cork-yoga-mat')).toBe(stableUuid('product:cork-yoga-mat'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(demoVariants(demoProducts[0]!, 0)).toEqual(demoVariants(demoProducts[0]!, 0));
    expect(demoVariants(demoProducts[0]!, 0)[0]).toMatchObject({ sku: 'DRB-001-S', price: 4900 });
  });
});
