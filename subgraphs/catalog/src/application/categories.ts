import { requireRole } from '@drobble/kit/auth/guards';
import { DomainError, ErrorCode, badInput } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import type { Category } from '../domain/product.ts';
import { slugify, uniqueSlug } from '../domain/slug.ts';
import { allCategories, categoryExists, categorySlugsLike, findCategoriesByIds, findSibling, insertCategory } from '../infra/category-repository.ts';
import { recordEvent } from '../infra/outbox.ts';
import { isUniqueViolation, type Prisma } from '../infra/prisma.ts';
import { eventMeta } from './product-events.ts';
import { TX_OPTIONS, type Caller, type CatalogDeps } from './deps.ts';

/** Every category (one query); the resolver serves roots and children from it. */
export const listCategories = (deps: CatalogDeps): Promise<Category[]> => allCategories(deps.prisma);

/** "Shirts" under "Men" -> "shirts", or "men-shirts" when "shirts" is taken, then "men-shirts-2", ... */
async function categorySlug(tx: Prisma.TransactionClient, name: string, parentId: string | null): Promise<string> {
  const base = slugify(name);
  const taken = await categorySlugsLike(tx, base);
  if (!taken.has(base) || !parentId) return uniqueSlug(base, taken);
  const parent = (await findCategoriesByIds(tx, [parentId])).get(parentId)!;
  const scoped = `${parent.slug}-${base}`;
  return uniqueSlug(scoped, await categorySlugsLike(tx, scoped));
}

function validateCategoryName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badInput('name', 'name must not be empty');
  if (trimmed.length > 100) throw badInput('name', 'name must be at most 100 characters');
  return trimmed;
}

/** createCategory(name, parentId): ADMIN or SELLER; CONFLICT when the parent already has a child of that name. */
export async function createCategory(deps: CatalogDeps, caller: Caller, name: string, parentId?: string | null): Promise<Category> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SELLER');
  const cleanName = validateCategoryName(name);
  const parent = parentId ?? null;
  if (parent !== null && !isUuid(parent)) throw badInput('parentId', 'parent category does not exist');
  try {
    const created = await deps.prisma.$transaction(async (tx) => {
      if (parent && !(await categoryExists(tx, parent))) throw badInput('parentId', 'parent category does not exist');
      if (await findSibling(tx, parent, cleanName)) throw new DomainError(ErrorCode.CONFLICT, `a category named ${cleanName} already exists there`, { field: 'name' });
      const category = await insertCategory(tx, { name: cleanName, slug: await categorySlug(tx, cleanName, parent), parentId: parent });
      const data = { id: category.id, name: category.name, slug: category.slug, parentId: category.parentId };
      await recordEvent(tx, 'catalog.category.created.v1', data, eventMeta(viewer, caller.correlationId));
      return category;
    }, TX_OPTIONS);
    deps.eventsRecorded?.();
    return created;
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw new DomainError(ErrorCode.CONFLICT, 'a category with this slug was just created; retry', { field: 'name' });
    throw error;
  }
}
