import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { ErrorCode } from '@drobble/kit/errors';
import { describe, expect, it } from 'vitest';
import { contractViolations } from './contract-coverage.ts';
import { repoRoot } from './subgraphs.ts';

const read = (...path: string[]) => readFileSync(join(repoRoot, ...path), 'utf8');
// The team's contract lives beside the repository (shared/); schema/api-contract.graphql is our copy
// of it, so a clone without shared/ still checks the composed schema.
const sharedContract = join(repoRoot, '..', 'shared', 'api-contract.graphql');

describe('the public API contract', () => {
  it('is honoured by the composed API schema (schema/api.graphql)', () => {
    expect(contractViolations(read('schema', 'api-contract.graphql'), buildSchema(read('schema', 'api.graphql')))).toEqual([]);
  });

  it('declares exactly the error codes the kit raises', () => {
    const declared = buildSchema(read('schema', 'api.graphql')).getType('ErrorCode');
    expect(isEnumType(declared) && declared.getValues().map((value) => value.name).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it.runIf(existsSync(sharedContract))('copy in schema/ matches shared/api-contract.graphql', () => {
    expect(read('schema', 'api-contract.graphql')).toBe(readFileSync(sharedContract, 'utf8'));
  });

  it('reports a missing field, a weakened output, a new required input and a missing enum value', () => {
    const contract = 'type Query { a(id: ID!): Thing! } type Thing { n: Int! s: String } enum E { X Y } input I { k: String! }';
    const served = buildSchema('type Query { a(id: ID!, extra: Int!): Thing! b: E c(i: I): Int } type Thing { n: Int s: String! } enum E { X } input I { k: String, more: Int! }');
    expect(contractViolations(contract, served).sort()).toEqual([
      'E.Y is missing',
      'I(more: Int!) is required but not in the contract',
      'Query.a(extra: Int!) is required but not in the contract',
      'Thing.n is Int, the contract says Int!',
    ]);
  });
});
