import { DateTime } from '@drobble/kit/graphql/date-time';
import { Dashboard } from './Dashboard.ts';
import { dashboard } from './Query/dashboard.ts';
import { salesReport } from './Query/salesReport.ts';

/** Every resolver of the analytics subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { dashboard, salesReport },
  Dashboard,
  TopProduct: { product: (parent: { productId: string }) => ({ __typename: 'Product', id: parent.productId }) },
  LowStockItem: { variant: (parent: { variantId: string }) => ({ __typename: 'ProductVariant', id: parent.variantId }) },
};
