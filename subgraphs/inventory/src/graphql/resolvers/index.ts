import { adjustStock } from './Mutation/adjustStock.ts';
import { setLowStockThreshold } from './Mutation/setLowStockThreshold.ts';
import { Product } from './Product.ts';
import { ProductVariant } from './ProductVariant.ts';
import { Subscription } from './Subscription.ts';

/** Every resolver of the inventory subgraph, keyed as in schema.graphql. */
export const resolvers = {
  Mutation: { adjustStock, setLowStockThreshold },
  Subscription,
  Product,
  ProductVariant,
};
