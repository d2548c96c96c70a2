import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, uniqueSlug } from './slug.ts';

describe('slugify', () => {
  it.each([
    ["Men's T-Shirt (Blue)", 'mens-t-shirt-blue'],
    ['  Crème Brûlée  Set ', 'creme-brulee-set'],
    ['Salt & Pepper', 'salt-and-pepper'],
    ['Ultrabook 14"', 'ultrabook-14'],
    ['---', 'item'],
    ['日本', 'item'],
  ])('%s -> %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(isValidSlug(slugify(name))).toBe(true);
  });

  it('keeps long slugs within bounds and without a trailing hyphen', () => {
    const slug = slugify(`${'word '.repeat(60)}end`);
    expect(slug.length).toBeLessThanOrEqual(112);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe('isValidSlug', () => {
  it.each(['shirt', 'red-shirt-2', 'a1'])('accepts %s', (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(['', 'Shirt', 'red--shirt', '-shirt', 'shirt-', 'red shirt', 'x'.repeat(121)])('rejects %j', (slug) =>
    expect(isValidSlug(slug)).toBe(false),
  );
});

describe('uniqueSlug', () => {
  it('returns the base when free, else the first free numbered form', () => {
    expect(uniqueSlug('shirt', new Set())).toBe('shirt');
    expect(uniqueSlug('shirt', new Set(['shirt']))).toBe('shirt-2');
    expect(uniqueSlug('shirt', new Set(['shirt', 'shirt-2', 'shirt-3']))).toBe('shirt-4');
  });
});
