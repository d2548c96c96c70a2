import { randomUUID } from 'node:crypto';
import type { EventOf } from '@drobble/schema/events';
import { renderTemplate, type OrderData, type Rendered, type TemplateName } from '../domain/templates.ts';
import type { Tx } from '../infra/prisma.ts';

/** An email or in-app message cannot be addressed yet (e.g. a receipt before the order's contact is known); retried by redelivery. */
export class RecipientUnknownError extends Error {
  override name = 'RecipientUnknownError';
}

interface Outgoing {
  template: TemplateName;
  to: string;
  rendered: Rendered;
  /** The signed-in user who also gets it in the app. */
  userId: string | null;
}

/** In-app text: the email's paragraphs without greeting and signature. */
const inAppBody = (rendered: Rendered) =>
  rendered.text.split('\n\n').filter((p) => !p.startsWith('Hello') && !p.startsWith('-- ')).join('\n').trim();

/** One email row per (event, template) and one in-app notification per (event, user): both idempotent. */
async function queue(tx: Tx, eventId: string, outgoing: Outgoing) {
  const { subject, text, html } = outgoing.rendered;
  await tx.email.createMany({ data: [{ id: randomUUID(), eventId, template: outgoing.template, to: outgoing.to, subject, text, html }], skipDuplicates: true });
  if (outgoing.userId) {
    await tx.notification.createMany({
      data: [{ id: randomUUID(), userId: outgoing.userId, eventId, channel: 'IN_APP', subject, body: inAppBody(outgoing.rendered) }],
      skipDuplicates: true,
    });
  }
}

type OrderFacts = { orderId: string; number: string; customerId: string | null; email: string; currency: string; total?: number };

async function rememberContact(tx: Tx, facts: OrderFacts) {
  const contact = { number: facts.number, customerId: facts.customerId, email: facts.email, currency: facts.currency, ...(facts.total === undefined ? {} : { total: facts.total }) };
  await tx.orderContact.upsert({ where: { orderId: facts.orderId }, create: { orderId: facts.orderId, ...contact }, update: contact });
}

export async function onUserRegistered(tx: Tx, event: EventOf<'identity.user.registered.v1'>) {
  const { userId, email, firstName } = event.data;
  await queue(tx, event.id, { template: 'welcome', to: email, rendered: renderTemplate('welcome', { firstName }), userId });
}

export function passwordResetHandler(appUrl: string) {
  return async (tx: Tx, event: EventOf<'identity.password_reset.requested.v1'>) => {
    const { email, firstName, token, expiresAt } = event.data;
    const link = `${appUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
    await queue(tx, event.id, { template: 'password_reset', to: email, rendered: renderTemplate('password_reset', { firstName, link, expiresAt }), userId: null });
  };
}

/** Account deleted: its in-app notifications go (emails already sent stay as the record of what was sent). */
export async function onUserDeleted(tx: Tx, event: EventOf<'identity.user.deleted.v1'>) {
  await tx.notification.deleteMany({ where: { userId: event.data.userId } });
}

export async function onOrderPlaced(tx: Tx, event: EventOf<'orders.order.placed.v1'>) {
  const data = event.data;
  await rememberContact(tx, data);
  const order: OrderData = { number: data.number, total: data.total, currency: data.currency, lines: data.lines };
  await queue(tx, event.id, { template: 'order_confirmation', to: data.email, rendered: renderTemplate('order_confirmation', order), userId: data.customerId });
}

const statusTemplates: Partial<Record<string, TemplateName>> = {
  SHIPPED: 'order_shipped',
  DELIVERED: 'order_delivered',
  CANCELLED: 'order_cancelled',
  REFUNDED: 'order_refunded',
};

export async function onOrderStatusChanged(tx: Tx, event: EventOf<'orders.order.status_changed.v1'>) {
  const data = event.data;
  await rememberContact(tx, data);
  const template = statusTemplates[data.to];
  if (!template) return;
  const order: OrderData = { number: data.number, total: data.total, currency: data.currency, reason: data.reason };
  await queue(tx, event.id, { template, to: data.email, rendered: renderTemplate(template, order), userId: data.customerId });
}

export async function onPaymentSucceeded(tx: Tx, event: EventOf<'payments.payment.succeeded.v1'>) {
  const contact = await tx.orderContact.findUnique({ where: { orderId: event.data.orderId } });
  if (!contact) throw new RecipientUnknownError(`no contact yet for order ${event.data.orderId}`);
  const order: OrderData = { number: contact.number, total: event.data.amount, currency: event.data.currency };
  await queue(tx, event.id, { template: 'payment_receipt', to: contact.email, rendered: renderTemplate('payment_receipt', order), userId: contact.customerId });
}
