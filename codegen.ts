import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm exec -- graphql-codegen --config codegen.ts`: typed documents for the clients (clients/sdk) from the
 * composed public schema (schema/api.graphql, `npm run compose`), and the persisted-documents
 * manifest (id = sha256 of each operation's text) that the gateway serves to partners as trusted
 * documents and the partners subgraph checks grants against.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['clients/sdk/src/operations/**/*.ts'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  importExtension: '.ts',
  generates: {
    'clients/sdk/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Ids are the bare sha256 hex of the text: what APQ's `persistedQuery.sha256Hash` carries.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: (operation: string) => createHash('sha256').update(operation).digest('hex') },
      },
      config: {
        // Node runs our TypeScript by stripping types: no enums, type-only imports.
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
