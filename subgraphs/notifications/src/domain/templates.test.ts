import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMoney, renderTemplate, templates } from './templates.ts';

const order = { number: 'ORD-20261123-AB12C', total: 3000, currency: 'USD', lines: [{ productName: 'Mug <b>big</b>', quantity: 2, unitPrice: 1250 }] };

describe('email templates', () => {
  it('renders every template with a subject, text and html', () => {
    for (const name of Object.keys(templates) as (keyof typeof templates)[]) {
      const data = name === 'welcome' ? { firstName: 'Ann' } : name === 'password_reset' ? { firstName: 'Ann', link: 'http://x/reset?token=t', expiresAt: 'soon' } : order;
      const rendered = renderTemplate(name, data as never);
      expect(rendered.subject.length, name).toBeGreaterThan(5);
      expect(rendered.text, name).toContain('Drobble');
      expect(rendered.html, name).toMatch(/^<!doctype html>/);
    }
  });

  it('escapes user content in html but keeps it readable in text', () => {
    const rendered = renderTemplate('welcome', { firstName: '<script>alert(1)</script>' });
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.text).toContain('Hello <script>alert(1)</script>,');
    const confirmation = renderTemplate('order_confirmation', order);
    expect(confirmation.html).toContain('Mug &lt;b&gt;big&lt;/b&gt;');
    expect(confirmation.text).toContain('2 x Mug <b>big</b> @ 12.50 USD');
    expect(confirmation.text).toContain('Order total: 30.00 USD');
  });

  it('formats money and escapes quotes', () => {
    expect(formatMoney(1999, 'EUR')).toBe('19.99 EUR');
    expect(formatMoney(5, 'USD')).toBe('0.05 USD');
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});
