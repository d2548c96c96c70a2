import { DomainError, ErrorCode } from '@drobble/kit/errors';

/**
 * Subscription.stockChanged is declared here for composition; the gateway serves it from
 * inventory.stock.changed.v1 and never calls the subgraph. A direct call gets an error.
 */
export const Subscription = {
  stockChanged: {
    subscribe() {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'subscribe through the gateway (graphql-ws)');
    },
  },
};
