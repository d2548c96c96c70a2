import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** An Ed25519 key pair in PEM, as kept in environment variables or the embedded data folder. */
export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export function generateKeyPairPem(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Environment variables often carry PEM with literal "\n"; accept both forms. */
const normalisePem = (pem: string) => pem.replace(/\\n/g, '\n').trim();

export const privateKeyFromPem = (pem: string): KeyObject => createPrivateKey(normalisePem(pem));
export const publicKeyFromPem = (pem: string): KeyObject => createPublicKey(normalisePem(pem));
