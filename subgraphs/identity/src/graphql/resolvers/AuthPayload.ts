import type { AuthPayload as Payload } from '../../application/ports.ts';
import type { IdentityContext } from '../../context.ts';

export const AuthPayload = {
  /** The caller has just proven to be this user: let them see their own private fields in this response. */
  user(payload: Payload, _args: unknown, context: IdentityContext) {
    context.selfIds.add(payload.user.id);
    return payload.user;
  },
};
