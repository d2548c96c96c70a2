/** @drobble/sdk: the typed client and every operation the apps (and partners) use. */
export { createDrobbleClient, DrobbleError, type DrobbleClient, type DrobbleClientOptions, type GraphQLErrorPayload } from './client.ts';
export * from './operations/account.ts';
export * from './operations/catalog.ts';
export * from './operations/dashboard.ts';
export * from './operations/live.ts';
export * from './operations/partners.ts';
export * from './operations/partners-admin.ts';
export type * from './gql/graphql.ts';
