import { Registry, collectDefaultMetrics, Histogram, Counter } from 'prom-client';

/** One Prometheus registry per service, with process metrics and the HTTP/GraphQL figures we watch. */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned, by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, graphqlErrors };
}

export type Metrics = ReturnType<typeof createMetrics>;
