import type { FragmentDefinitionNode, GraphQLNamedType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { graphqlRuntime } from '../graphql-runtime.ts';

const { Kind, getNamedType, isInterfaceType, isObjectType, valueFromAST } = graphqlRuntime;

/** The contract's page size when a client gives none. */
export const DEFAULT_PAGE_SIZE = 20;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Fragments on the current path (a cycle is a validation error already; never loop here). */
  path: Set<string>;
}

/**
 * What GraphQL Armor's cost limit lacks: list sizes as our API spells them. Every field costs 1 times
 * the pageSize of each paginated list around it (the argument's value, from variables too, else its
 * default, else 20), so `products(pageSize: 100) { items { variants { ... } } }` costs what it fetches.
 */
export function listCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[], variables: Record<string, unknown> = {}): number {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  const walk: Walk = { schema, fragments: new Map(fragments.map((fragment) => [fragment.name.value, fragment])), variables, path: new Set() };
  return costOf(walk, operation.selectionSet, root, 1);
}

function costOf(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLNamedType, multiplier: number): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) total += costOf(walk, selection.selectionSet, type, multiplier);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !type || walk.path.has(name)) continue;
      walk.path.add(name);
      total += costOf(walk, fragment.selectionSet, type, multiplier);
      walk.path.delete(name);
      continue;
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const pageSizeArg = field.args.find((arg) => arg.name === 'pageSize');
    let fieldMultiplier = multiplier;
    if (pageSizeArg) {
      const node = selection.arguments?.find((arg) => arg.name.value === 'pageSize');
      const given = node ? valueFromAST(node.value, pageSizeArg.type, walk.variables) : undefined;
      const size = typeof given === 'number' ? given : typeof pageSizeArg.defaultValue === 'number' ? pageSizeArg.defaultValue : DEFAULT_PAGE_SIZE;
      fieldMultiplier *= Math.max(1, size);
    }
    total += fieldMultiplier;
    if (selection.selectionSet) total += costOf(walk, selection.selectionSet, getNamedType(field.type), fieldMultiplier);
  }
  return total;
}
