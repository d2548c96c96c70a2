import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { Logger } from '@drobble/kit/logger';
import { demoAccounts, type DemoAccount } from '../demo-accounts.ts';
import type { IdentityDeps } from './ports.ts';

async function seedAccount(deps: IdentityDeps, account: DemoAccount, correlationId: string): Promise<void> {
  const passwordHash = await deps.hasher.hash(account.password);
  const now = deps.clock();
  await deps.store.transaction(async (tx) => {
    const user = await tx.createUser({ id: randomUUID(), email: account.email, passwordHash, firstName: account.firstName, lastName: account.lastName, roles: [...account.roles] });
    await tx.createAddress({ id: randomUUID(), userId: user.id, ...account.address });
    const data = { userId: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: [...user.roles] };
    await tx.recordEvent('identity.user.registered.v1', data, { correlationId, actor: null, occurredAt: now });
  });
}

/**
 * Creates the demo accounts when there are no users at all. Idempotent: a second run (or a second
 * replica racing this one) finds users, or loses the unique-email race, and does nothing.
 */
export async function seedDemoData(deps: IdentityDeps, logger: Logger): Promise<boolean> {
  if ((await deps.store.countUsers()) > 0) return false;
  const correlationId = `seed-${randomUUID()}`;
  try {
    for (const account of demoAccounts) await seedAccount(deps, account, correlationId);
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) return false;
    throw error;
  }
  logger.info({ accounts: demoAccounts.map((account) => account.email) }, 'demo accounts seeded');
  return true;
}
