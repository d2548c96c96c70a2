import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@drobble/schema/events';
import { REDACTED, subjectIdOf, toAuditEntry } from './audit-entry.ts';

const uuid = () => randomUUID();

describe('subjectIdOf', () => {
  it('prefers <aggregate>Id, then id, then the fallbacks', () => {
    const orderId = uuid();
    const paymentId = uuid();
    expect(subjectIdOf('orders.order.paid.v1', { orderId, customerId: uuid() })).toBe(orderId);
    expect(subjectIdOf('payments.payment.succeeded.v1', { paymentId, orderId })).toBe(paymentId);
    expect(subjectIdOf('payments.refund.failed.v1', { orderId, refundRequestId: uuid() })).toBe(orderId);
    const productId = uuid();
    expect(subjectIdOf('catalog.product.updated.v1', { id: productId })).toBe(productId);
    const variantId = uuid();
    expect(subjectIdOf('inventory.stock.changed.v1', { variantId, productId })).toBe(variantId);
    expect(subjectIdOf('identity.password_reset.requested.v1', { userId: orderId })).toBe(orderId);
    expect(subjectIdOf('identity.login.failed.v1', { email: 'a@b.co', reason: 'X' })).toBeNull();
  });
});

describe('toAuditEntry', () => {
  it('keeps the envelope facts and redacts secret fields', () => {
    const userId = uuid();
    const event = createEvent(
      'identity.password_reset.requested.v1',
      { userId, email: 'ann@example.com', firstName: 'Ann', token: 'x'.repeat(43), expiresAt: new Date().toISOString() },
      { correlationId: 'corr-1', actor: { userId, roles: ['CUSTOMER'] } },
    );
    const entry = toAuditEntry('identity.password_reset.requested.v1', event);
    expect(entry).toMatchObject({ id: event.id, type: 'identity.password_reset.requested', actorId: userId, subjectId: userId, correlationId: 'corr-1' });
    expect(entry.data.token).toBe(REDACTED);
    expect(JSON.stringify(entry)).not.toContain('x'.repeat(43));
    expect(event.data.token).toBe('x'.repeat(43));
  });

  it('has no actor for system events', () => {
    const event = createEvent('orders.order.stock_release_requested.v1', { orderId: uuid(), reason: 'PAYMENT_TIMEOUT' }, { correlationId: 'c' });
    expect(toAuditEntry('orders.order.stock_release_requested.v1', event).actorId).toBeNull();
  });
});
