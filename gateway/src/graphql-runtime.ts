import { createRequire } from 'node:module';

/**
 * graphql-js as @apollo/gateway and Apollo Server load it. graphql 16 ships CommonJS (`main`) and
 * ESM (`module`); Node gives every importer the CommonJS build, but bundler-style loaders (vitest)
 * give our sources the ESM one while Apollo keeps CommonJS, and graphql refuses schemas from
 * "another realm". Code that touches Apollo's schema or parses for it uses this one instance.
 */
export const graphqlRuntime = createRequire(import.meta.url)('graphql') as typeof import('graphql');
