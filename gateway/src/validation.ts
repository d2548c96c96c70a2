import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { armorValidationRules, type QueryLimits } from './limits/query-limits.ts';

/**
 * A mutation or subscription against a schema without that root type is a client mistake; graphql 16
 * does not validate it (v17's KnownOperationTypesRule does) and the query planner would fail with a
 * 500. This turns it into an ordinary validation error (400 BAD_USER_INPUT).
 */
export const KnownOperationTypesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`The schema does not support ${node.operation} operations`, { nodes: [node] }));
  },
});

/** Extra validation rules for every operation, on HTTP and graphql-ws alike: ours, then GraphQL Armor's limits. */
export function buildValidationRules(limits: QueryLimits): ValidationRule[] {
  return [KnownOperationTypesRule, ...armorValidationRules(limits)];
}
