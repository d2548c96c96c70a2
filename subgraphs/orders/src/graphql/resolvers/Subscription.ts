import { GraphQLError } from 'graphql';

/**
 * Subscription.orderUpdated is declared here (orders owns Order) and delivered by the gateway from
 * orders.order.status_changed.v1; a subgraph never serves subscriptions, so this only refuses.
 */
export const Subscription = {
  orderUpdated: {
    subscribe() {
      throw new GraphQLError('orderUpdated is delivered by the gateway', { extensions: { code: 'BAD_USER_INPUT' } });
    },
  },
};
