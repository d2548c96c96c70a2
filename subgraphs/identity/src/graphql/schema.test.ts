import { readFileSync } from 'node:fs';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const document = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

/** Every documentable node of a definition that has no description (checked on the AST). */
function undocumented(definition: DefinitionNode): string[] {
  if (!('name' in definition) || !definition.name) return [];
  const name = definition.name.value;
  // Root operation types are shared by every subgraph, so composition wants them undescribed.
  const isRoot = ['Query', 'Mutation', 'Subscription'].includes(name);
  const missing = !isRoot && !('description' in definition && definition.description) ? [name] : [];
  if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
    for (const field of definition.fields ?? []) {
      if (!field.description) missing.push(`${name}.${field.name.value}`);
      for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) if (!arg.description) missing.push(`${name}.${field.name.value}(${arg.name.value})`);
    }
  }
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
    for (const value of definition.values ?? []) if (!value.description) missing.push(`${name}.${value.name.value}`);
  }
  return missing;
}

describe('identity SDL', () => {
  it('documents every type, field, argument and enum value', () => {
    expect(document.definitions.flatMap(undocumented)).toEqual([]);
  });

  it('has the contract identity fields on User (orders/reviews come from other subgraphs)', () => {
    const user = document.definitions.find((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'User');
    const fields = user && 'fields' in user ? (user.fields ?? []).map((field) => field.name.value).sort() : [];
    expect(fields).toEqual(['addresses', 'createdAt', 'email', 'firstName', 'id', 'lastName', 'mfaEnabled', 'roles', 'status']);
  });
});
