import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairPem, type KeyPairPem } from '@drobble/kit/auth/keys';

/** The two key pairs of the platform: access tokens (identity -> gateway), internal tokens (gateway -> subgraphs). */
export interface PlatformKeys {
  access: KeyPairPem;
  internal: KeyPairPem;
}

function fromEnv(env: NodeJS.ProcessEnv): PlatformKeys | null {
  const { ACCESS_TOKEN_PRIVATE_KEY, ACCESS_TOKEN_PUBLIC_KEY, INTERNAL_TOKEN_PRIVATE_KEY, INTERNAL_TOKEN_PUBLIC_KEY } = env;
  if (!ACCESS_TOKEN_PRIVATE_KEY || !ACCESS_TOKEN_PUBLIC_KEY || !INTERNAL_TOKEN_PRIVATE_KEY || !INTERNAL_TOKEN_PUBLIC_KEY) return null;
  return {
    access: { privateKey: ACCESS_TOKEN_PRIVATE_KEY, publicKey: ACCESS_TOKEN_PUBLIC_KEY },
    internal: { privateKey: INTERNAL_TOKEN_PRIVATE_KEY, publicKey: INTERNAL_TOKEN_PUBLIC_KEY },
  };
}

/**
 * Keys from the environment when all four are set; otherwise kept in the data folder (created on
 * first start, readable only by the owner) so tokens survive a restart; otherwise fresh in memory.
 */
export function loadPlatformKeys(env: NodeJS.ProcessEnv, dataDir?: string): PlatformKeys {
  const configured = fromEnv(env);
  if (configured) return configured;
  if (!dataDir) return { access: generateKeyPairPem(), internal: generateKeyPairPem() };
  const path = join(dataDir, 'keys.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as PlatformKeys;
  const keys = { access: generateKeyPairPem(), internal: generateKeyPairPem() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export const keyEnv = (keys: PlatformKeys): NodeJS.ProcessEnv => ({
  ACCESS_TOKEN_PRIVATE_KEY: keys.access.privateKey,
  ACCESS_TOKEN_PUBLIC_KEY: keys.access.publicKey,
  INTERNAL_TOKEN_PRIVATE_KEY: keys.internal.privateKey,
  INTERNAL_TOKEN_PUBLIC_KEY: keys.internal.publicKey,
});
