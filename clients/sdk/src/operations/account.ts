import { graphql } from '../gql/index.ts';

/** Signs in; the access token goes in `Authorization: Bearer` (HTTP) and connectionParams (graphql-ws). */
export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { accessToken refreshToken user { id email roles } }
  }
`);

/** The signed-in user's orders. */
export const myOrdersQuery = graphql(`
  query MyOrders($page: Int, $pageSize: Int) {
    myOrders(page: $page, pageSize: $pageSize) {
      items { id number status total { amount currency } createdAt }
      pageInfo { page pageSize total }
    }
  }
`);
