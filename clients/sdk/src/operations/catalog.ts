import { graphql } from '../gql/index.ts';

/** The storefront listing (page of products with price and stock). */
export const productsQuery = graphql(`
  query Products($page: Int, $pageSize: Int) {
    products(page: $page, pageSize: $pageSize) {
      items { id slug name price { amount currency } inStock }
      pageInfo { page pageSize total }
    }
  }
`);

/** One product page. */
export const productQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      id slug name description images
      price { amount currency }
      variants { id sku name price { amount currency } stock { available } }
    }
  }
`);
