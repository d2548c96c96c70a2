import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '../application/ports.ts';

/** argon2id with OWASP's minimum (m=19 MiB, t=2, p=1), every parameter set explicitly. */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Algorithm.Argon2id (an ambient const enum, not importable under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Creates the hasher; the dummy hash is made once with the same parameters so its verification costs the same. */
export async function createArgon2Hasher(options: Options = ARGON2_OPTIONS): Promise<PasswordHasher> {
  const dummyHash = await hash(randomBytes(32).toString('base64url'), options);
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    verifyDummy: async (password) => {
      await verify(dummyHash, password);
      return false;
    },
  };
}
