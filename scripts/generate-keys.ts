/** Prints fresh Ed25519 key pairs as .env lines for docker-compose (or any deployment). */
import { generateKeyPairPem } from '@drobble/kit/auth/keys';

const line = (name: string, pem: string) => `${name}="${pem.trim().replace(/\n/g, '\\n')}"`;
const access = generateKeyPairPem();
const internal = generateKeyPairPem();
process.stdout.write(
  [
    line('ACCESS_TOKEN_PRIVATE_KEY', access.privateKey),
    line('ACCESS_TOKEN_PUBLIC_KEY', access.publicKey),
    line('INTERNAL_TOKEN_PRIVATE_KEY', internal.privateKey),
    line('INTERNAL_TOKEN_PUBLIC_KEY', internal.publicKey),
    '',
  ].join('\n'),
);
