import { DateTime } from '@drobble/kit/graphql/date-time';
import { Category } from './Category.ts';
import { createCategory } from './Mutation/createCategory.ts';
import { createProduct } from './Mutation/createProduct.ts';
import { deleteProduct } from './Mutation/deleteProduct.ts';
import { importProducts } from './Mutation/importProducts.ts';
import { updateProduct } from './Mutation/updateProduct.ts';
import { Product } from './Product.ts';
import { ProductVariant } from './ProductVariant.ts';
import { categories } from './Query/categories.ts';
import { product } from './Query/product.ts';
import { products } from './Query/products.ts';

/** Every resolver of the catalog subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { products, product, categories },
  Mutation: { createProduct, updateProduct, deleteProduct, importProducts, createCategory },
  Product,
  ProductVariant,
  Category,
};
