export { startGateway, type RunningGateway, type StartGatewayOptions } from './server.ts';
export { parseGatewayConfig, gatewayShape, subgraphUrlVariable, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config.ts';
export type { GatewayContext } from './context.ts';
export { GRAPHQL_PATH } from './routes.ts';
