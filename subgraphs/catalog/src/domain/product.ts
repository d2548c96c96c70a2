/** The catalog's product as the application sees it (rows mapped by the repository). */
export interface KeyValue {
  key: string;
  value: string;
}

export interface VariantOption {
  name: string;
  value: string;
}

export interface Variant {
  id: string;
  productId: string;
  sku: string;
  name: string;
  options: VariantOption[];
  price: number;
  position: number;
}

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string;
  images: string[];
  attributes: KeyValue[];
  categoryId: string | null;
  featured: boolean;
  active: boolean;
  deletedAt: Date | null;
  currency: string;
  version: number;
  createdById: string | null;
  minPrice: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductWithVariants extends Product {
  variants: Variant[];
}

export interface Category {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  createdAt: Date;
}

/** Visible to the storefront: active and not deleted. */
export const isPublic = (product: Pick<Product, 'active' | 'deletedAt'>) => product.active && product.deletedAt === null;
