import { graphql } from '../gql/index.ts';

/**
 * Operations partners may be granted (by their persisted id, see gql/persisted-documents.json).
 * Partners send only `extensions.persistedQuery.sha256Hash` and variables, with `X-Api-Key`.
 */
export const partnerProductFeedQuery = graphql(`
  query PartnerProductFeed($page: Int, $pageSize: Int) {
    products(page: $page, pageSize: $pageSize) {
      items { id slug name price { amount currency } inStock updatedAt }
      pageInfo { page pageSize total }
    }
  }
`);

export const partnerProductStockQuery = graphql(`
  query PartnerProductStock($id: ID!) {
    product(id: $id) { id name variants { sku stock { available } } }
  }
`);
