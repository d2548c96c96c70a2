/** One product as every search engine indexes it: flat, denormalised, active products only. */
export interface SearchDocument {
  id: string;
  name: string;
  description: string;
  /** Attribute keys and values joined into one text ("Material Cotton Fit Regular"). */
  attributes: string;
  categoryId: string | null;
  /** The category's name ('' when unknown or uncategorised), weighted after the name. */
  categoryName: string;
  /** Cheapest variant, minor units. */
  price: number;
  currency: string;
  inStock: boolean;
  ratingAverage: number;
  ratingCount: number;
  /** When search first saw the product (NEWEST sort). */
  createdAt: Date;
}

/** The search subgraph's own facts about a product, from catalog, inventory and reviews events. */
export interface ProductFacts {
  id: string;
  name: string;
  description: string;
  attributes: { key: string; value: string }[];
  categoryId: string | null;
  currency: string;
  minPrice: number;
  active: boolean;
  deleted: boolean;
  firstSeenAt: Date;
}

/** The document for a product, or null when it must not be searchable (inactive or deleted). */
export function toSearchDocument(
  product: ProductFacts,
  extra: { categoryName: string | null; inStock: boolean; ratingAverage: number; ratingCount: number },
): SearchDocument | null {
  if (!product.active || product.deleted) return null;
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    attributes: product.attributes.map((attribute) => `${attribute.key} ${attribute.value}`).join(' '),
    categoryId: product.categoryId,
    categoryName: extra.categoryName ?? '',
    price: product.minPrice,
    currency: product.currency,
    inStock: extra.inStock,
    ratingAverage: extra.ratingAverage,
    ratingCount: extra.ratingCount,
    createdAt: product.firstSeenAt,
  };
}
