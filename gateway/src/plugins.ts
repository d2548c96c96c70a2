import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Metrics } from '@drobble/kit/server/metrics';
import type { GatewayContext } from './context.ts';

export interface PluginOptions {
  production: boolean;
  metrics: Metrics;
  /** Plugins added by later features (persisted queries, query limits, subscriptions' drain…). */
  extra?: ApolloServerPlugin<GatewayContext>[];
}

/** Counts every error the gateway returns, by its (already formatted) contract code. */
export function errorMetricsPlugin(metrics: Metrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}

/** The one place the gateway's Apollo Server plugins are assembled, in order. */
export function buildPlugins(options: PluginOptions): ApolloServerPlugin<GatewayContext>[] {
  const landingPage = options.production
    ? ApolloServerPluginLandingPageDisabled()
    : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return [landingPage, errorMetricsPlugin(options.metrics), ...(options.extra ?? [])];
}
