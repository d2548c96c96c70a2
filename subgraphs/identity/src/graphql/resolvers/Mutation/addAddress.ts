import type { IdentityContext } from '../../../context.ts';
import type { AddressInput } from '../../../domain/address.ts';
import type { Address } from '../../../domain/user.ts';

export function addAddress(_parent: unknown, args: { input: AddressInput }, context: IdentityContext): Promise<Address> {
  return context.useCases.addAddress(args.input);
}
