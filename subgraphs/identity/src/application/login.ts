import { MAX_EMAIL_LENGTH, normaliseEmail } from '../domain/email.ts';
import { accountSuspended, invalidCredentials, mfaRequired } from '../domain/errors.ts';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { verifyTotp } from '../domain/totp.ts';
import { isActive, stripCredentials, type UserWithCredentials } from '../domain/user.ts';
import { actingAs, type Caller } from './caller.ts';
import type { AuthPayload, IdentityDeps } from './ports.ts';
import { authPayload, openSession } from './sessions.ts';

export interface LoginInput {
  email: string;
  password: string;
  mfaCode?: string | null;
}

/** Verifies the password against the stored hash, or against a dummy hash when there is no such user. */
async function checkCredentials(deps: IdentityDeps, user: UserWithCredentials | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  if (!user || user.deletedAt) return deps.hasher.verifyDummy(password);
  return deps.hasher.verify(user.passwordHash, password);
}

async function recordFailure(deps: IdentityDeps, email: string, reason: string, caller: Caller): Promise<void> {
  const data = { email: email.slice(0, 320) || '(empty)', reason, ...(caller.clientAddress ? { clientAddress: caller.clientAddress } : {}) };
  await deps.store.transaction((tx) => tx.recordEvent('identity.login.failed.v1', data, { ...caller.meta, occurredAt: deps.clock() }));
}

/**
 * Every attempt takes a point from the per-account and per-address failure budgets before any work
 * (atomic, so parallel guesses cannot slip past a check); attempts that did not fail on a secret
 * (success, or a right password still waiting for its MFA code) give their points back.
 */
async function takeAttempt(deps: IdentityDeps, email: string, address: string | null): Promise<() => Promise<void>> {
  const { loginFailuresPerAccount: perAccount, loginFailuresPerAddress: perAddress } = deps.limits;
  await perAccount.consume(email);
  if (address) {
    try {
      await perAddress.consume(address);
    } catch (error) {
      await perAccount.refund(email);
      throw error;
    }
  }
  return async () => {
    await perAccount.refund(email);
    if (address) await perAddress.refund(address);
  };
}

/** The TOTP step the code proves, or null; a user without MFA needs none (0). */
function mfaStep(deps: IdentityDeps, user: UserWithCredentials, code: string, now: Date): number | null {
  if (!user.mfaSecret) return null;
  return verifyTotp(deps.secrets.open(user.mfaSecret), code, now, user.mfaLastStep);
}

/**
 * Signs in with email, password and (when enabled) a TOTP code. Unknown email and wrong password
 * fail identically (message and, by the dummy-hash verification, timing). A banned user is told so
 * only after a correct password. Wrong passwords and wrong codes count towards the same limits.
 */
export async function login(deps: IdentityDeps, input: LoginInput, caller: Caller): Promise<AuthPayload> {
  const email = normaliseEmail(input.email);
  const giveBack = await takeAttempt(deps, email, caller.clientAddress);
  // No stored email is empty or longer than the maximum: skip the lookup, not the (dummy) hash check.
  const user = email.length > 0 && email.length <= MAX_EMAIL_LENGTH ? await deps.store.findUserByEmail(email) : null;
  const valid = await checkCredentials(deps, user, input.password);
  if (!user || !valid || user.deletedAt) {
    await recordFailure(deps, email, 'INVALID_CREDENTIALS', caller);
    throw invalidCredentials();
  }
  if (!isActive(user)) {
    await giveBack();
    await recordFailure(deps, email, 'USER_BANNED', caller);
    throw accountSuspended();
  }
  const now = deps.clock();
  let step: number | null = null;
  if (user.mfaEnabled) {
    if (!input.mfaCode) {
      await giveBack();
      await recordFailure(deps, email, 'MFA_REQUIRED', caller);
      throw mfaRequired();
    }
    step = mfaStep(deps, user, input.mfaCode, now);
    if (step === null) {
      await recordFailure(deps, email, 'MFA_INVALID', caller);
      throw mfaRequired();
    }
  }
  const session = await deps.store.transaction(async (tx) => {
    // Two logins racing with one code: only the first claims its step.
    if (step !== null && !(await tx.claimMfaStep(user.id, step))) return null;
    const opened = await openSession(tx, user.id, deps.tokens, now);
    const data = { userId: user.id, sessionId: opened.sessionId, mfa: step !== null, ...(caller.clientAddress ? { clientAddress: caller.clientAddress } : {}) };
    await tx.recordEvent('identity.user.logged_in.v1', data, actingAs(caller.meta, user, now));
    return opened;
  });
  if (!session) {
    await recordFailure(deps, email, 'MFA_INVALID', caller);
    throw mfaRequired();
  }
  await giveBack();
  await deps.limits.loginFailuresPerAccount.reset(email);
  return authPayload(stripCredentials(user), session.sessionId, session.refreshToken, deps.tokens, now);
}
