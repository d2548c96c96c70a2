/**
 * Email templates: each renders a subject, a plain-text body and an HTML body from its data.
 * Everything that comes from users or other contexts is escaped in the HTML.
 */

export type TemplateName =
  | 'welcome'
  | 'password_reset'
  | 'order_confirmation'
  | 'payment_receipt'
  | 'order_shipped'
  | 'order_delivered'
  | 'order_cancelled'
  | 'order_refunded';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface OrderData {
  number: string;
  total: number;
  currency: string;
  lines?: { productName: string; quantity: number; unitPrice: number }[];
  reason?: string | null;
}

export type TemplateData = {
  welcome: { firstName: string | null };
  password_reset: { firstName: string | null; link: string; expiresAt: string };
  order_confirmation: OrderData;
  payment_receipt: OrderData;
  order_shipped: OrderData;
  order_delivered: OrderData;
  order_cancelled: OrderData;
  order_refunded: OrderData;
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** 1999 USD -> "19.99 USD" (two decimals; minor units are cents for the currencies we sell in). */
export const formatMoney = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

const greeting = (firstName: string | null) => (firstName ? `Hello ${firstName},` : 'Hello,');

/** Paragraphs of text, joined for the text body and escaped into <p>s for the HTML body. */
function render(subject: string, paragraphs: string[], extraHtml = ''): Rendered {
  const text = `${paragraphs.join('\n\n')}\n\n-- Drobble\n`;
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family: sans-serif">\n${body}\n${extraHtml}<p>&mdash; Drobble</p>\n</body></html>\n`;
  return { subject, text, html };
}

function linesOf(order: OrderData): { text: string[]; html: string } {
  const lines = order.lines ?? [];
  if (lines.length === 0) return { text: [], html: '' };
  const text = lines.map((line) => `${line.quantity} x ${line.productName} @ ${formatMoney(line.unitPrice, order.currency)}`);
  const rows = lines.map((line) => `<tr><td>${line.quantity}</td><td>${escapeHtml(line.productName)}</td><td>${escapeHtml(formatMoney(line.unitPrice, order.currency))}</td></tr>`);
  return { text: [text.join('\n')], html: `<table>\n${rows.join('\n')}\n</table>\n` };
}

const orderTemplate = (subject: (o: OrderData) => string, message: (o: OrderData) => string[], withLines = false) => (order: OrderData): Rendered => {
  const lines = withLines ? linesOf(order) : { text: [], html: '' };
  return render(subject(order), [...message(order), ...lines.text, `Order total: ${formatMoney(order.total, order.currency)}`], lines.html);
};

const reasonOf = (order: OrderData) => (order.reason ? [`Reason: ${order.reason}`] : []);

export const templates: { [T in TemplateName]: (data: TemplateData[T]) => Rendered } = {
  welcome: (data) => render('Welcome to Drobble', [greeting(data.firstName), 'Your Drobble account is ready. Happy shopping!']),
  password_reset: (data) =>
    render('Reset your Drobble password', [
      greeting(data.firstName),
      'Someone (hopefully you) asked to reset your password. Open this link to choose a new one:',
      data.link,
      `The link works once and expires at ${data.expiresAt}. If you did not ask, ignore this email.`,
    ]),
  order_confirmation: orderTemplate((o) => `Order ${o.number} received`, (o) => [`Thank you! We received your order ${o.number}.`], true),
  payment_receipt: orderTemplate((o) => `Receipt for order ${o.number}`, (o) => [`We received your payment of ${formatMoney(o.total, o.currency)} for order ${o.number}.`]),
  order_shipped: orderTemplate((o) => `Order ${o.number} has shipped`, (o) => [`Good news: your order ${o.number} is on its way.`]),
  order_delivered: orderTemplate((o) => `Order ${o.number} was delivered`, (o) => [`Your order ${o.number} was delivered. Enjoy!`]),
  order_cancelled: orderTemplate((o) => `Order ${o.number} was cancelled`, (o) => [`Your order ${o.number} was cancelled.`, ...reasonOf(o)]),
  order_refunded: orderTemplate((o) => `Order ${o.number} was refunded`, (o) => [`Your order ${o.number} was refunded.`, ...reasonOf(o)]),
};

export function renderTemplate<T extends TemplateName>(name: T, data: TemplateData[T]): Rendered {
  return templates[name](data);
}
