export interface CategoryNode {
  id: string;
  parentId: string | null;
}

/** The category and all its descendants (ids), from a flat list; cycles are ignored. */
export function subtreeIds(rootId: string, categories: readonly CategoryNode[]): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const category of categories) {
    if (!category.parentId) continue;
    const list = childrenOf.get(category.parentId) ?? [];
    list.push(category.id);
    childrenOf.set(category.parentId, list);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return [...seen];
}
