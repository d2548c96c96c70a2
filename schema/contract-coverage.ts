/**
 * Whether a served schema honours the public API contract (shared/api-contract.graphql): every type,
 * field, argument, input field and enum value of the contract is there under the same name, and a
 * client written against the contract still works. Outputs may be stricter (a contract `String`
 * served as `String!`); inputs may be looser (an `ID!` argument accepted as `ID`); anything the
 * served schema adds to an input must be optional.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/** Contract type `expected` read by clients: the served output `actual` may add non-null. */
function outputCompatible(expected: GraphQLType, actual: GraphQLType): boolean {
  if (isNonNullType(expected)) return isNonNullType(actual) && outputCompatible(expected.ofType, actual.ofType);
  if (isNonNullType(actual)) return outputCompatible(expected, actual.ofType);
  if (isListType(expected)) return isListType(actual) && outputCompatible(expected.ofType, actual.ofType);
  return !isListType(actual) && expected.toString() === actual.toString();
}

/** Contract input type `expected` sent by clients: the served input `actual` may drop non-null. */
function inputCompatible(expected: GraphQLType, actual: GraphQLType): boolean {
  if (isNonNullType(actual)) return isNonNullType(expected) && inputCompatible(expected.ofType, actual.ofType);
  if (isNonNullType(expected)) return inputCompatible(expected.ofType, actual);
  if (isListType(expected)) return isListType(actual) && inputCompatible(expected.ofType, actual.ofType);
  return !isListType(actual) && expected.toString() === actual.toString();
}

const isRequired = (input: GraphQLArgument | GraphQLInputField) => isNonNullType(input.type) && input.defaultValue === undefined;

function compareInputs(where: string, expected: readonly (GraphQLArgument | GraphQLInputField)[], actual: readonly (GraphQLArgument | GraphQLInputField)[]): string[] {
  const problems: string[] = [];
  for (const input of expected) {
    const served = actual.find((candidate) => candidate.name === input.name);
    if (!served) problems.push(`${where}(${input.name}) is missing`);
    else if (!inputCompatible(input.type, served.type)) problems.push(`${where}(${input.name}) is ${served.type}, the contract says ${input.type}`);
  }
  for (const extra of actual.filter((candidate) => !expected.some((input) => input.name === candidate.name))) {
    if (isRequired(extra)) problems.push(`${where}(${extra.name}: ${extra.type}) is required but not in the contract`);
  }
  return problems;
}

/** Every way `served` breaks the contract, one line each; empty when it honours it. */
export function contractViolations(contractSdl: string, served: GraphQLSchema): string[] {
  const contract = buildSchema(contractSdl);
  const problems: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const actual = served.getType(type.name);
    if (!actual) {
      problems.push(`type ${type.name} is missing`);
      continue;
    }
    if (actual.constructor !== type.constructor) problems.push(`${type.name} is not the same kind of type`);
    else if (isEnumType(type) && isEnumType(actual)) {
      for (const value of type.getValues()) if (!actual.getValue(value.name)) problems.push(`${type.name}.${value.name} is missing`);
    } else if (isInputObjectType(type) && isInputObjectType(actual)) {
      problems.push(...compareInputs(type.name, Object.values(type.getFields()), Object.values(actual.getFields())));
    } else if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(actual) || isInterfaceType(actual))) {
      for (const field of Object.values(type.getFields())) {
        const servedField = actual.getFields()[field.name];
        if (!servedField) problems.push(`${type.name}.${field.name} is missing`);
        else {
          if (!outputCompatible(field.type, servedField.type)) problems.push(`${type.name}.${field.name} is ${servedField.type}, the contract says ${field.type}`);
          problems.push(...compareInputs(`${type.name}.${field.name}`, field.args, servedField.args));
        }
      }
    }
  }
  return problems;
}
