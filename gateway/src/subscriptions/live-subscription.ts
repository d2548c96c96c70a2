import type { ApolloServer } from '@apollo/server';
import type { DocumentNode, ExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { GatewayContext } from '../context.ts';
import { graphqlRuntime } from '../graphql-runtime.ts';
import type { EventHub, HubEvent } from './event-hub.ts';
import { createLiveIterator } from './live-iterator.ts';
import type { LiveField } from './live-fields.ts';
import { planLiveOperation } from './payload-query.ts';

export interface LiveDeps {
  apollo: ApolloServer<GatewayContext>;
  hub: EventHub;
  live: Record<string, LiveField>;
}

export interface LiveRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/** graphql-ws recognises errors by `instanceof`: they must come from the graphql instance it loads. */
const { GraphQLError } = graphqlRuntime;

/** Formatted errors (plain objects) back into GraphQLErrors, which graphql-ws serialises with toJSON. */
export const toGraphQLErrors = (errors: readonly GraphQLFormattedError[]) =>
  errors.map((error) => new GraphQLError(error.message, { path: error.path, extensions: error.extensions }));

/** Runs an operation through the gateway's own Apollo Server: same plugins, limits, planner and subgraph auth as HTTP. */
export async function executeThroughGateway(apollo: ApolloServer<GatewayContext>, query: string, variables: Record<string, unknown>, context: GatewayContext, operationName?: string | null): Promise<ExecutionResult> {
  const response = await apollo.executeOperation({ query, variables, ...(operationName ? { operationName } : {}) }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported on subscriptions');
  const { data, errors } = response.body.singleResult;
  return { data: data ?? null, ...(errors ? { errors: toGraphQLErrors(errors) } : {}) };
}

const domainErrorResult = (error: DomainError): ExecutionResult => ({
  errors: [new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.code } })],
});

/** Payload results shared by the subscribers of one event that asked for the same thing as the same viewer. */
const sharedResults = new WeakMap<HubEvent, Map<string, Promise<ExecutionResult>>>();

/**
 * One subscription: checks access, listens through the hub, and for every matching event resolves
 * the payload with the subscriber's selection set through the supergraph, in event order.
 */
export async function startLiveSubscription(deps: LiveDeps, request: LiveRequest): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const { viewer } = request.context;
  let plan;
  try {
    plan = planLiveOperation(request.schema, request.document, request.operationName, request.variables, deps.live);
    const spec = deps.live[plan.fieldName]!;
    spec.authorize(viewer);
    if (spec.accessQuery) {
      const access = spec.accessQuery;
      const result = await executeThroughGateway(deps.apollo, access.query, access.variables(plan.args), request.context);
      if (result.errors?.length) return { errors: result.errors };
      if (!access.allowed(result.data, viewer)) throw new DomainError(ErrorCode.FORBIDDEN, 'You may not subscribe to this');
    }
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResult(error);
    throw error;
  }
  const spec = deps.live[plan.fieldName]!;
  const { responseKey, payloadQuery } = plan;
  const viewerKey = `${viewer.userId}|${viewer.sessionId}|${[...viewer.roles].sort().join(',')}`;
  const memoKey = `${viewerKey}|${JSON.stringify(request.variables)}|${payloadQuery}`;
  let unsubscribe: () => void = () => {};
  const live = createLiveIterator<ExecutionResult>(() => unsubscribe());
  let chain = Promise.resolve();

  const resolvePayload = (event: HubEvent): Promise<ExecutionResult> => {
    let perEvent = sharedResults.get(event);
    if (!perEvent) sharedResults.set(event, (perEvent = new Map()));
    let result = perEvent.get(memoKey);
    if (!result) {
      const context = { ...request.context, correlationId: (event as { correlationId?: string }).correlationId ?? request.context.correlationId };
      result = executeThroughGateway(deps.apollo, payloadQuery, request.variables, context).then((payload) => ({
        data: payload.data ? { [responseKey]: payload.data[responseKey] ?? null } : null,
        ...(payload.errors ? { errors: payload.errors } : {}),
      }));
      perEvent.set(memoKey, result);
    }
    return result;
  };

  const deliver = (event: HubEvent) => {
    if (live.ended || !spec.matches(event.data, plan.args, viewer)) return;
    chain = chain
      .then(() => (live.ended ? undefined : resolvePayload(event)))
      .then((result) => result && live.push(result))
      .catch((error: unknown) => {
        request.context.logger.error({ err: error, subject: spec.subject }, 'subscription payload failed');
        live.push({ errors: [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] });
      });
  };
  unsubscribe = await deps.hub.subscribe(spec.subject, deliver);
  if (live.ended) unsubscribe();
  return live.iterator;
}
