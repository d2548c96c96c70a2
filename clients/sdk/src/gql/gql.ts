/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken refreshToken user { id email roles } }\n  }\n": typeof types.LoginDocument,
    "\n  query MyOrders($page: Int, $pageSize: Int) {\n    myOrders(page: $page, pageSize: $pageSize) {\n      items { id number status total { amount currency } createdAt }\n      pageInfo { page pageSize total }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query Products($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock }\n      pageInfo { page pageSize total }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id slug name description images\n      price { amount currency }\n      variants { id sku name price { amount currency } stock { available } }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  fragment DashboardFigures on Dashboard {\n    salesToday { amount currency }\n    ordersToday\n    averageOrderValue { amount currency }\n    newCustomersToday\n    topProducts(limit: 5) { unitsSold revenue { amount currency } product { id name } }\n    lowStock { available variant { id sku product { id name } } }\n    salesByDay(days: 30) { date orders revenue { amount currency } }\n    updatedAt\n  }\n": typeof types.DashboardFiguresFragmentDoc,
    "\n  query Dashboard {\n    dashboard { ...DashboardFigures }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated { ...DashboardFigures }\n  }\n": typeof types.DashboardUpdatedDocument,
    "\n  query SalesReport($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) {\n    salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } }\n  }\n": typeof types.SalesReportDocument,
    "\n  subscription OrderUpdated($orderId: ID!) {\n    orderUpdated(orderId: $orderId) {\n      id status failureReason\n      payment { status }\n      lines { quantity variant { product { name } } }\n    }\n  }\n": typeof types.OrderUpdatedDocument,
    "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { id name variants { id stock { available } } }\n  }\n": typeof types.StockChangedDocument,
    "\n  query PartnerApiKeys {\n    partnerApiKeys { id name prefix allowedOperations rateLimitPerMinute usageCount lastUsedAt createdAt revokedAt }\n  }\n": typeof types.PartnerApiKeysDocument,
    "\n  mutation CreatePartnerApiKey($name: String!, $allowedOperations: [String!]!, $rateLimitPerMinute: Int) {\n    createPartnerApiKey(name: $name, allowedOperations: $allowedOperations, rateLimitPerMinute: $rateLimitPerMinute) {\n      key\n      apiKey { id name prefix allowedOperations rateLimitPerMinute }\n    }\n  }\n": typeof types.CreatePartnerApiKeyDocument,
    "\n  mutation RevokePartnerApiKey($id: ID!) {\n    revokePartnerApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokePartnerApiKeyDocument,
    "\n  query PartnerProductFeed($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock updatedAt }\n      pageInfo { page pageSize total }\n    }\n  }\n": typeof types.PartnerProductFeedDocument,
    "\n  query PartnerProductStock($id: ID!) {\n    product(id: $id) { id name variants { sku stock { available } } }\n  }\n": typeof types.PartnerProductStockDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken refreshToken user { id email roles } }\n  }\n": types.LoginDocument,
    "\n  query MyOrders($page: Int, $pageSize: Int) {\n    myOrders(page: $page, pageSize: $pageSize) {\n      items { id number status total { amount currency } createdAt }\n      pageInfo { page pageSize total }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query Products($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock }\n      pageInfo { page pageSize total }\n    }\n  }\n": types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id slug name description images\n      price { amount currency }\n      variants { id sku name price { amount currency } stock { available } }\n    }\n  }\n": types.ProductDocument,
    "\n  fragment DashboardFigures on Dashboard {\n    salesToday { amount currency }\n    ordersToday\n    averageOrderValue { amount currency }\n    newCustomersToday\n    topProducts(limit: 5) { unitsSold revenue { amount currency } product { id name } }\n    lowStock { available variant { id sku product { id name } } }\n    salesByDay(days: 30) { date orders revenue { amount currency } }\n    updatedAt\n  }\n": types.DashboardFiguresFragmentDoc,
    "\n  query Dashboard {\n    dashboard { ...DashboardFigures }\n  }\n": types.DashboardDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated { ...DashboardFigures }\n  }\n": types.DashboardUpdatedDocument,
    "\n  query SalesReport($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) {\n    salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } }\n  }\n": types.SalesReportDocument,
    "\n  subscription OrderUpdated($orderId: ID!) {\n    orderUpdated(orderId: $orderId) {\n      id status failureReason\n      payment { status }\n      lines { quantity variant { product { name } } }\n    }\n  }\n": types.OrderUpdatedDocument,
    "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { id name variants { id stock { available } } }\n  }\n": types.StockChangedDocument,
    "\n  query PartnerApiKeys {\n    partnerApiKeys { id name prefix allowedOperations rateLimitPerMinute usageCount lastUsedAt createdAt revokedAt }\n  }\n": types.PartnerApiKeysDocument,
    "\n  mutation CreatePartnerApiKey($name: String!, $allowedOperations: [String!]!, $rateLimitPerMinute: Int) {\n    createPartnerApiKey(name: $name, allowedOperations: $allowedOperations, rateLimitPerMinute: $rateLimitPerMinute) {\n      key\n      apiKey { id name prefix allowedOperations rateLimitPerMinute }\n    }\n  }\n": types.CreatePartnerApiKeyDocument,
    "\n  mutation RevokePartnerApiKey($id: ID!) {\n    revokePartnerApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokePartnerApiKeyDocument,
    "\n  query PartnerProductFeed($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock updatedAt }\n      pageInfo { page pageSize total }\n    }\n  }\n": types.PartnerProductFeedDocument,
    "\n  query PartnerProductStock($id: ID!) {\n    product(id: $id) { id name variants { sku stock { available } } }\n  }\n": types.PartnerProductStockDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken refreshToken user { id email roles } }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken refreshToken user { id email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($page: Int, $pageSize: Int) {\n    myOrders(page: $page, pageSize: $pageSize) {\n      items { id number status total { amount currency } createdAt }\n      pageInfo { page pageSize total }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($page: Int, $pageSize: Int) {\n    myOrders(page: $page, pageSize: $pageSize) {\n      items { id number status total { amount currency } createdAt }\n      pageInfo { page pageSize total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock }\n      pageInfo { page pageSize total }\n    }\n  }\n"): (typeof documents)["\n  query Products($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock }\n      pageInfo { page pageSize total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id slug name description images\n      price { amount currency }\n      variants { id sku name price { amount currency } stock { available } }\n    }\n  }\n"): (typeof documents)["\n  query Product($id: ID!) {\n    product(id: $id) {\n      id slug name description images\n      price { amount currency }\n      variants { id sku name price { amount currency } stock { available } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardFigures on Dashboard {\n    salesToday { amount currency }\n    ordersToday\n    averageOrderValue { amount currency }\n    newCustomersToday\n    topProducts(limit: 5) { unitsSold revenue { amount currency } product { id name } }\n    lowStock { available variant { id sku product { id name } } }\n    salesByDay(days: 30) { date orders revenue { amount currency } }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DashboardFigures on Dashboard {\n    salesToday { amount currency }\n    ordersToday\n    averageOrderValue { amount currency }\n    newCustomersToday\n    topProducts(limit: 5) { unitsSold revenue { amount currency } product { id name } }\n    lowStock { available variant { id sku product { id name } } }\n    salesByDay(days: 30) { date orders revenue { amount currency } }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard { ...DashboardFigures }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard { ...DashboardFigures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardUpdated {\n    dashboardUpdated { ...DashboardFigures }\n  }\n"): (typeof documents)["\n  subscription DashboardUpdated {\n    dashboardUpdated { ...DashboardFigures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesReport($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) {\n    salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } }\n  }\n"): (typeof documents)["\n  query SalesReport($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) {\n    salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderUpdated($orderId: ID!) {\n    orderUpdated(orderId: $orderId) {\n      id status failureReason\n      payment { status }\n      lines { quantity variant { product { name } } }\n    }\n  }\n"): (typeof documents)["\n  subscription OrderUpdated($orderId: ID!) {\n    orderUpdated(orderId: $orderId) {\n      id status failureReason\n      payment { status }\n      lines { quantity variant { product { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { id name variants { id stock { available } } }\n  }\n"): (typeof documents)["\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { id name variants { id stock { available } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerApiKeys {\n    partnerApiKeys { id name prefix allowedOperations rateLimitPerMinute usageCount lastUsedAt createdAt revokedAt }\n  }\n"): (typeof documents)["\n  query PartnerApiKeys {\n    partnerApiKeys { id name prefix allowedOperations rateLimitPerMinute usageCount lastUsedAt createdAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartnerApiKey($name: String!, $allowedOperations: [String!]!, $rateLimitPerMinute: Int) {\n    createPartnerApiKey(name: $name, allowedOperations: $allowedOperations, rateLimitPerMinute: $rateLimitPerMinute) {\n      key\n      apiKey { id name prefix allowedOperations rateLimitPerMinute }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartnerApiKey($name: String!, $allowedOperations: [String!]!, $rateLimitPerMinute: Int) {\n    createPartnerApiKey(name: $name, allowedOperations: $allowedOperations, rateLimitPerMinute: $rateLimitPerMinute) {\n      key\n      apiKey { id name prefix allowedOperations rateLimitPerMinute }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePartnerApiKey($id: ID!) {\n    revokePartnerApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokePartnerApiKey($id: ID!) {\n    revokePartnerApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProductFeed($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock updatedAt }\n      pageInfo { page pageSize total }\n    }\n  }\n"): (typeof documents)["\n  query PartnerProductFeed($page: Int, $pageSize: Int) {\n    products(page: $page, pageSize: $pageSize) {\n      items { id slug name price { amount currency } inStock updatedAt }\n      pageInfo { page pageSize total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProductStock($id: ID!) {\n    product(id: $id) { id name variants { sku stock { available } } }\n  }\n"): (typeof documents)["\n  query PartnerProductStock($id: ID!) {\n    product(id: $id) { id name variants { sku stock { available } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;