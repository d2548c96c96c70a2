import type { GatewayConfig } from '../config.ts';
import type { QueryLimits } from './query-limits.ts';

/** The query limits from the gateway's configuration (QUERY_MAX_*); production hides their values. */
export function queryLimitsOf(config: GatewayConfig): QueryLimits {
  return {
    maxDepth: config.QUERY_MAX_DEPTH,
    maxCost: config.QUERY_MAX_COST,
    maxListCost: config.QUERY_MAX_LIST_COST,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
    maxTokens: config.QUERY_MAX_TOKENS,
    exposeLimits: config.NODE_ENV !== 'production',
  };
}
