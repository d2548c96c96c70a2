import { randomUUID } from 'node:crypto';
import { subtreeIds } from '../domain/category-tree.ts';
import type { Category } from '../domain/product.ts';
import { toCategory } from './mappers.ts';
import type { Db } from './prisma.ts';

const byName = [{ name: 'asc' as const }, { id: 'asc' as const }];

export async function allCategories(db: Db): Promise<Category[]> {
  return (await db.category.findMany({ orderBy: byName })).map(toCategory);
}

/** The category and all its descendants' ids (empty when it does not exist). */
export async function categorySubtree(db: Db, id: string): Promise<string[]> {
  const nodes = await db.category.findMany({ select: { id: true, parentId: true } });
  return nodes.some((node) => node.id === id) ? subtreeIds(id, nodes) : [];
}

export async function findCategoriesByIds(db: Db, ids: readonly string[]): Promise<Map<string, Category>> {
  const rows = await db.category.findMany({ where: { id: { in: [...ids] } } });
  return new Map(rows.map((row) => [row.id, toCategory(row)]));
}

export async function findChildrenOf(db: Db, parentIds: readonly string[]): Promise<Map<string, Category[]>> {
  const rows = await db.category.findMany({ where: { parentId: { in: [...parentIds] } }, orderBy: byName });
  const byParent = new Map<string, Category[]>();
  for (const row of rows) byParent.set(row.parentId!, [...(byParent.get(row.parentId!) ?? []), toCategory(row)]);
  return byParent;
}

export async function categoryExists(db: Db, id: string): Promise<boolean> {
  return (await db.category.count({ where: { id } })) === 1;
}

/** A sibling with this name (case-insensitive) under the same parent, if any. */
export async function findSibling(db: Db, parentId: string | null, name: string): Promise<Category | null> {
  const row = await db.category.findFirst({ where: { parentId, name: { equals: name, mode: 'insensitive' } } });
  return row ? toCategory(row) : null;
}

export async function categorySlugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.category.findMany({ where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] }, select: { slug: true } });
  return new Set(rows.map((row) => row.slug));
}

export async function insertCategory(db: Db, category: { id?: string; name: string; slug: string; parentId: string | null }): Promise<Category> {
  const row = await db.category.create({ data: { id: category.id ?? randomUUID(), name: category.name, slug: category.slug, parentId: category.parentId } });
  return toCategory(row);
}
