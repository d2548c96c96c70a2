import type { ArgumentNode, DocumentNode, FieldNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { graphqlRuntime } from '../graphql-runtime.ts';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { LiveField } from './live-fields.ts';

const { Kind, OperationTypeNode, getArgumentValues, getOperationAST, print } = graphqlRuntime;

export interface LiveOperation {
  /** The subscription field, e.g. `orderUpdated`. */
  fieldName: string;
  /** Where the client expects the payload: the field's alias or name. */
  responseKey: string;
  /** The field's coerced arguments (variables applied). */
  args: Record<string, unknown>;
  /** `query { order(id: $orderId) { ...the subscriber's selection } }`, printed once. */
  payloadQuery: string;
}

/**
 * Rewrites a validated subscription into the query that resolves each event's payload: same
 * variables, same fragments, same selection set (aliases included), root field swapped for the
 * Query field that returns the entity. The gateway then plans it across subgraphs as any query.
 */
export function planLiveOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, live: Record<string, LiveField>): LiveOperation {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'subscription') throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Expected a subscription operation');
  const field = operation.selectionSet.selections[0];
  if (!field || field.kind !== Kind.FIELD) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A subscription selects one field, without fragments');
  const spec = live[field.name.value];
  const definition = schema.getSubscriptionType()?.getFields()[field.name.value];
  if (!spec || !definition) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Subscription field ${field.name.value} is not served`);
  const args = getArgumentValues(definition, field, variables) as Record<string, unknown>;
  const queryField: FieldNode = {
    ...field,
    alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
    name: { kind: Kind.NAME, value: spec.queryField },
    arguments: (field.arguments ?? []).flatMap((argument): ArgumentNode[] => {
      const renamed = spec.argumentMap[argument.name.value];
      return renamed ? [{ ...argument, name: { kind: Kind.NAME, value: renamed } }] : [];
    }),
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    name: operation.name ? { kind: Kind.NAME, value: `${operation.name.value}Payload` } : undefined,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [queryField] },
  };
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return {
    fieldName: field.name.value,
    responseKey: field.alias?.value ?? field.name.value,
    args,
    payloadQuery: print({ kind: Kind.DOCUMENT, definitions: [query, ...fragments] }),
  };
}
