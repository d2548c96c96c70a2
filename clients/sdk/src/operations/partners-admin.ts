import { graphql } from '../gql/index.ts';

/** ADMIN: partner keys with their usage. */
export const partnerApiKeysQuery = graphql(`
  query PartnerApiKeys {
    partnerApiKeys { id name prefix allowedOperations rateLimitPerMinute usageCount lastUsedAt createdAt revokedAt }
  }
`);

/** ADMIN: a new key; `key` is shown this once. */
export const createPartnerApiKeyMutation = graphql(`
  mutation CreatePartnerApiKey($name: String!, $allowedOperations: [String!]!, $rateLimitPerMinute: Int) {
    createPartnerApiKey(name: $name, allowedOperations: $allowedOperations, rateLimitPerMinute: $rateLimitPerMinute) {
      key
      apiKey { id name prefix allowedOperations rateLimitPerMinute }
    }
  }
`);

/** ADMIN: revoke a key (every gateway refuses it within moments). */
export const revokePartnerApiKeyMutation = graphql(`
  mutation RevokePartnerApiKey($id: ID!) {
    revokePartnerApiKey(id: $id) { id revokedAt }
  }
`);
