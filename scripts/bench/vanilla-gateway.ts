/**
 * The baseline: @apollo/gateway on @apollo/server with default settings, over the same subgraphs.
 * Its only addition is the internal token, without which Drobble's subgraphs answer nobody.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { privateKeyFromPem } from '@drobble/kit/auth/keys';

const env = process.env;
const privateKey = privateKeyFromPem(env.INTERNAL_TOKEN_PRIVATE_KEY!);
let token = await signInternalToken(anonymousViewer, privateKey);
setInterval(async () => (token = await signInternalToken(anonymousViewer, privateKey)), 20_000).unref();

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH!, 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url: env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? url,
      willSendRequest: ({ request }) => {
        request.http?.headers.set(INTERNAL_TOKEN_HEADER, token);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(env.PORT), host: '127.0.0.1' } });
process.stdout.write(`READY ${url}\n`);
