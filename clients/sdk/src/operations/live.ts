import { graphql } from '../gql/index.ts';

/** An order's status changes, with fields from orders, payments and catalog (owner or ADMIN). */
export const orderUpdatedSubscription = graphql(`
  subscription OrderUpdated($orderId: ID!) {
    orderUpdated(orderId: $orderId) {
      id status failureReason
      payment { status }
      lines { quantity variant { product { name } } }
    }
  }
`);

/** A product's stock changes (anyone). */
export const stockChangedSubscription = graphql(`
  subscription StockChanged($productId: ID!) {
    stockChanged(productId: $productId) { id name variants { id stock { available } } }
  }
`);
