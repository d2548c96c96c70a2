import { conflict } from '@drobble/kit/errors';
import { invalidMfaCode, sessionEnded } from '../domain/errors.ts';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../domain/totp.ts';
import type { UserWithCredentials } from '../domain/user.ts';
import { requireLiveViewer, type Caller } from './caller.ts';
import type { IdentityDeps, IdentityTx } from './ports.ts';

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
}

/** Starts TOTP enrolment: a new secret (stored encrypted, pending) for the authenticator app. CONFLICT when MFA is on already. */
export async function setupMfa(deps: IdentityDeps, caller: Caller): Promise<MfaSetup> {
  const viewer = await requireLiveViewer(deps, caller);
  const secret = generateTotpSecret();
  const email = await deps.store.transaction(async (tx) => {
    const user = await tx.lockUser(viewer.userId);
    if (!user) throw sessionEnded();
    if (user.mfaEnabled) throw conflict('MFA is already enabled; disable it first to enrol a new authenticator');
    await tx.updateUser(user.id, { mfaPendingSecret: deps.secrets.seal(secret) });
    return user.email;
  });
  return { secret, otpauthUrl: otpauthUrl(secret, email) };
}

/**
 * Checks a code against the user's (pending or active) secret inside the transaction, claiming its
 * time step so it is never accepted again. Wrong codes count towards the per-user limit.
 */
async function checkCode(deps: IdentityDeps, tx: IdentityTx, user: UserWithCredentials, sealed: string | null, code: string): Promise<void> {
  const step = sealed ? verifyTotp(deps.secrets.open(sealed), code, deps.clock(), user.mfaLastStep) : null;
  if (step === null || !(await tx.claimMfaStep(user.id, step))) throw invalidMfaCode();
}

async function withCodeLimit<T>(deps: IdentityDeps, userId: string, work: () => Promise<T>): Promise<T> {
  const limit = deps.limits.mfaFailuresPerUser;
  await limit.consume(userId);
  const result = await work();
  await limit.refund(userId);
  return result;
}

/** Finishes enrolment with a code from the app: MFA is on from now. BAD_USER_INPUT (field code) for a wrong code. */
export async function confirmMfa(deps: IdentityDeps, code: string, caller: Caller): Promise<boolean> {
  const viewer = await requireLiveViewer(deps, caller);
  return withCodeLimit(deps, viewer.userId, () =>
    deps.store.transaction(async (tx) => {
      const user = await tx.lockUser(viewer.userId);
      if (!user) throw sessionEnded();
      if (user.mfaEnabled) throw conflict('MFA is already enabled');
      if (!user.mfaPendingSecret) throw conflict('Call setupMfa first');
      await checkCode(deps, tx, user, user.mfaPendingSecret, code);
      await tx.updateUser(user.id, { mfaEnabled: true, mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null });
      return true;
    }),
  );
}

/** Turns MFA off; needs a current code, so a stolen access token alone cannot weaken the account. */
export async function disableMfa(deps: IdentityDeps, code: string, caller: Caller): Promise<boolean> {
  const viewer = await requireLiveViewer(deps, caller);
  return withCodeLimit(deps, viewer.userId, () =>
    deps.store.transaction(async (tx) => {
      const user = await tx.lockUser(viewer.userId);
      if (!user) throw sessionEnded();
      if (!user.mfaEnabled) throw conflict('MFA is not enabled');
      await checkCode(deps, tx, user, user.mfaSecret, code);
      await tx.updateUser(user.id, { mfaEnabled: false, mfaSecret: null, mfaPendingSecret: null });
      return true;
    }),
  );
}
