import { randomUUID } from 'node:crypto';
import { parseEmail } from '../domain/email.ts';
import { emailTaken } from '../domain/errors.ts';
import { assertPasswordAllowed } from '../domain/password-policy.ts';
import { DEFAULT_ROLES, parseName } from '../domain/user.ts';
import { actingAs, type Caller } from './caller.ts';
import type { AuthPayload, IdentityDeps } from './ports.ts';
import { authPayload, openSession } from './sessions.ts';

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
}

/**
 * Creates a CUSTOMER account and signs it in. The email pre-check gives a fast CONFLICT; the unique
 * index decides a race between two registrations (the store maps its violation to the same CONFLICT).
 */
export async function register(deps: IdentityDeps, input: RegisterInput, caller: Caller): Promise<AuthPayload> {
  const email = parseEmail(input.email);
  if (caller.clientAddress) await deps.limits.registrationsPerAddress.consume(caller.clientAddress);
  assertPasswordAllowed(input.password, deps.commonPasswords);
  const firstName = parseName('firstName', input.firstName);
  const lastName = parseName('lastName', input.lastName);
  if (await deps.store.findUserByEmail(email)) throw emailTaken();
  const passwordHash = await deps.hasher.hash(input.password);
  const now = deps.clock();
  const { user, sessionId, refreshToken } = await deps.store.transaction(async (tx) => {
    const created = await tx.createUser({ id: randomUUID(), email, passwordHash, firstName, lastName, roles: [...DEFAULT_ROLES] });
    const session = await openSession(tx, created.id, deps.tokens, now);
    const meta = actingAs(caller.meta, created, now);
    const address = caller.clientAddress ? { clientAddress: caller.clientAddress } : {};
    await tx.recordEvent('identity.user.registered.v1', { userId: created.id, email, firstName, lastName, roles: [...created.roles] }, meta);
    await tx.recordEvent('identity.user.logged_in.v1', { userId: created.id, sessionId: session.sessionId, mfa: false, ...address }, meta);
    return { user: created, ...session };
  });
  return authPayload(user, sessionId, refreshToken, deps.tokens, now);
}
