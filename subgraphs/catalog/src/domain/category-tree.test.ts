import { describe, expect, it } from 'vitest';
import { subtreeIds } from './category-tree.ts';

const tree = [
  { id: 'apparel', parentId: null },
  { id: 'men', parentId: 'apparel' },
  { id: 'shirts', parentId: 'men' },
  { id: 'women', parentId: 'apparel' },
  { id: 'home', parentId: null },
];

describe('subtreeIds', () => {
  it('includes the category and every descendant', () => {
    expect(subtreeIds('apparel', tree).sort()).toEqual(['apparel', 'men', 'shirts', 'women']);
    expect(subtreeIds('men', tree).sort()).toEqual(['men', 'shirts']);
    expect(subtreeIds('home', tree)).toEqual(['home']);
  });

  it('survives a cycle', () => {
    expect(subtreeIds('a', [{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }]).sort()).toEqual(['a', 'b']);
  });
});
