import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@drobble/kit/errors';
import { MAX_ADDRESSES, parseAddress, type AddressInput } from '../domain/address.ts';
import { sessionEnded } from '../domain/errors.ts';
import { parseName, type Address, type User } from '../domain/user.ts';
import { requireLiveViewer, type Caller } from './caller.ts';
import type { IdentityDeps } from './ports.ts';

export interface ProfileInput {
  firstName?: string | null;
  lastName?: string | null;
}

/** Changes the signed-in user's names; an argument left out keeps its value, null or "" clears it. */
export async function updateProfile(deps: IdentityDeps, input: ProfileInput, caller: Caller): Promise<User> {
  const viewer = await requireLiveViewer(deps, caller);
  const changes = {
    ...(input.firstName === undefined ? {} : { firstName: parseName('firstName', input.firstName) }),
    ...(input.lastName === undefined ? {} : { lastName: parseName('lastName', input.lastName) }),
  };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.lockUser(viewer.userId))) throw sessionEnded();
    return tx.updateUser(viewer.userId, changes);
  });
}

/** Saves an address on the signed-in user's account (at most MAX_ADDRESSES; the user row lock makes the cap exact). */
export async function addAddress(deps: IdentityDeps, input: AddressInput, caller: Caller): Promise<Address> {
  const viewer = await requireLiveViewer(deps, caller);
  const valid = parseAddress(input);
  return deps.store.transaction(async (tx) => {
    if (!(await tx.lockUser(viewer.userId))) throw sessionEnded();
    if ((await tx.countAddresses(viewer.userId)) >= MAX_ADDRESSES) throw conflict(`An account keeps at most ${MAX_ADDRESSES} addresses; remove one first`);
    const address = { id: randomUUID(), userId: viewer.userId, ...valid };
    await tx.createAddress(address);
    return address;
  });
}

/** Removes one of the signed-in user's own addresses; NOT_FOUND for anyone else's (no hint that it exists). */
export async function removeAddress(deps: IdentityDeps, id: string, caller: Caller): Promise<boolean> {
  const viewer = await requireLiveViewer(deps, caller);
  const deleted = await deps.store.transaction((tx) => tx.deleteAddress(id, viewer.userId));
  if (!deleted) throw notFound('Address');
  return true;
}
