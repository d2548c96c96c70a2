import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@drobble/kit/errors';
import type { GatewayContext } from '../context.ts';
import { requestError } from '../request-error.ts';

/** @apollo/gateway cannot run a subscription over HTTP; say where it runs instead of failing with a 500. */
export function httpSubscriptionsRefusedPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw requestError(ErrorCode.BAD_USER_INPUT, 'Subscriptions are served over graphql-ws (graphql-transport-ws) at this same URL', 400);
        },
      };
    },
  };
}
