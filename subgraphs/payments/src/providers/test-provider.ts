import { randomUUID } from 'node:crypto';
import type { ChargeOutcome, ChargeRequest, PaymentGateway } from './provider.ts';

/** Test tokens, as documented in the public contract (PaymentInput.token). */
export const TEST_TOKENS = {
  succeeds: 'tok_visa',
  declined: 'tok_chargeDeclined',
  requiresAction: 'tok_requiresAction',
} as const;

/**
 * The embedded TEST provider: no network, outcome chosen by the token. Its references are derived
 * from the order id, so a repeated charge for one order is recognisably the same charge.
 */
export function createTestGateway(): PaymentGateway {
  return {
    provider: 'TEST',
    async charge(request: ChargeRequest): Promise<ChargeOutcome> {
      const providerRef = `test_pi_${request.orderId}`;
      const at = new Date();
      switch (request.token) {
        case TEST_TOKENS.succeeds:
          return { status: 'SUCCEEDED', providerRef, clientSecret: null, at };
        case TEST_TOKENS.requiresAction:
          return { status: 'REQUIRES_ACTION', providerRef, clientSecret: null, at };
        case TEST_TOKENS.declined:
          return { status: 'FAILED', providerRef, clientSecret: null, reason: 'DECLINED', message: 'Your card was declined.', at };
        default:
          return { status: 'FAILED', providerRef: null, clientSecret: null, reason: 'INVALID_TOKEN', message: `unknown test token ${JSON.stringify(request.token)}`, at };
      }
    },
    async refund() {
      return { providerRefundId: `test_re_${randomUUID()}` };
    },
  };
}
