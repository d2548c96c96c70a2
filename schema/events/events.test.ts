import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  contexts,
  createEvent,
  EventValidationError,
  parseEvent,
  streamOf,
  subjects,
  type EventOf,
  type PayloadOf,
  type ProductSnapshot,
  type Subject,
} from './index.ts';

const product = (): ProductSnapshot => ({
  id: randomUUID(),
  slug: 'blue-mug',
  name: 'Blue mug',
  description: 'A mug, blue.',
  categoryId: null,
  active: true,
  featured: false,
  currency: 'EUR',
  attributes: [{ key: 'material', value: 'ceramic' }],
  images: ['https://img.example/mug.png'],
  variants: [{ id: randomUUID(), sku: 'MUG-BLUE', name: 'Blue', price: 1299, options: [{ name: 'color', value: 'blue' }] }],
  version: 1,
});

const meta = { correlationId: 'req-1' };

describe('subjects', () => {
  it('are <context>.<aggregate>.<event>.v<N> of a known context', () => {
    for (const subject of Object.keys(subjects)) {
      expect(subject).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$/);
      expect(contexts).toContain(subject.split('.')[0]);
    }
  });

  it('map to one stream per context', () => {
    expect(streamOf('catalog.product.created.v1')).toBe('CATALOG');
    expect(streamOf('identity.login.failed.v1')).toBe('IDENTITY');
  });
});

describe('createEvent', () => {
  it('builds a validated envelope with defaults', () => {
    const data = product();
    const event = createEvent('catalog.product.created.v1', data, meta);
    expect(event).toMatchObject({ type: 'catalog.product.created', version: 1, correlationId: 'req-1', causationId: null, actor: null, data });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.occurredAt).toMatch(/Z$/);
  });

  it('carries initial stock per variant on product creation only', () => {
    const data = product();
    const withStock = { ...data, variants: data.variants.map((variant) => ({ ...variant, initialStock: 7 })) };
    expect(createEvent('catalog.product.created.v1', withStock, meta).data.variants[0]!.initialStock).toBe(7);
    expect(() => createEvent('catalog.product.updated.v1', withStock, meta)).toThrow(/initialStock/);
  });

  it('keeps causation and actor', () => {
    const userId = randomUUID();
    const event = createEvent(
      'identity.user.registered.v1',
      { userId, email: 'ada@example.com', firstName: 'Ada', lastName: null, roles: ['CUSTOMER'] },
      { correlationId: 'req-2', causationId: 'cmd-9', actor: { userId, roles: ['CUSTOMER'] }, occurredAt: new Date(0) },
    );
    expect(event).toMatchObject({ causationId: 'cmd-9', actor: { userId, roles: ['CUSTOMER'] }, occurredAt: '1970-01-01T00:00:00.000Z' });
  });

  it('throws on an invalid payload', () => {
    const bad = { ...product(), currency: 'euro' };
    expect(() => createEvent('catalog.product.updated.v1', bad, meta)).toThrow(EventValidationError);
    const noPrice = { ...product(), variants: [{ id: randomUUID(), sku: 'X', name: 'X', price: 12.5, options: [] }] };
    expect(() => createEvent('catalog.product.updated.v1', noPrice, meta)).toThrow(/price/);
  });

  it('refuses fields the schema does not list, such as secrets, at any depth', () => {
    const data = { userId: randomUUID(), email: 'a@example.com', firstName: null, lastName: null, roles: ['ADMIN' as const], passwordHash: 'x' };
    expect(() => createEvent('identity.user.registered.v1', data, meta)).toThrow(/data\.passwordHash/);
    const nested = { ...product(), variants: [{ ...product().variants[0]!, cost: 500 }] };
    expect(() => createEvent('catalog.product.updated.v1', nested, meta)).toThrow(/data\.variants\[0\]\.cost/);
    expect(createEvent('identity.login.failed.v1', { email: 'x@example.com', reason: 'RATE_LIMITED', clientAddress: undefined }, meta).data.clientAddress).toBeUndefined();
  });

  it('refuses an unknown subject at runtime', () => {
    expect(() => createEvent('catalog.product.exploded.v1' as Subject, product() as never, meta)).toThrow(/unknown subject/);
  });
});

describe('parseEvent', () => {
  const wire = () => JSON.parse(JSON.stringify(createEvent('identity.login.failed.v1', { email: 'x@example.com', reason: 'INVALID_CREDENTIALS' }, meta)));

  it('accepts an envelope that went through JSON', () => {
    const raw = wire();
    expect(parseEvent('identity.login.failed.v1', raw)).toEqual(raw);
  });

  it('tolerates (and drops) a field added by a newer publisher of the same version', () => {
    const raw = wire();
    const parsed = parseEvent('identity.login.failed.v1', { ...raw, traceparent: '00-abc', data: { ...raw.data, attempt: 3 } });
    expect(parsed).toEqual(raw);
  });

  it('rejects a payload that does not match the subject', () => {
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), data: { email: 'x@example.com' } })).toThrow(EventValidationError);
  });

  it('rejects an envelope whose type or version names another subject', () => {
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), version: 2 })).toThrow(/v2/);
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), type: 'identity.login.succeeded' })).toThrow(/identity.login.succeeded/);
  });

  it('rejects non-UTC timestamps, missing correlation ids and malformed ids', () => {
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), occurredAt: '2026-01-01T10:00:00+02:00' })).toThrow(EventValidationError);
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), correlationId: '' })).toThrow(EventValidationError);
    expect(() => parseEvent('identity.login.failed.v1', { ...wire(), id: 'not-a-uuid' })).toThrow(EventValidationError);
    expect(() => parseEvent('identity.login.failed.v1', 'garbage')).toThrow(EventValidationError);
  });
});

describe('types', () => {
  it('tie payloads to subjects', () => {
    expectTypeOf<PayloadOf<'catalog.category.created.v1'>>().toEqualTypeOf<{ id: string; name: string; slug: string; parentId: string | null }>();
    expectTypeOf<EventOf<'catalog.category.created.v1'>['type']>().toEqualTypeOf<'catalog.category.created'>();
    expectTypeOf<EventOf<'catalog.category.created.v1'>['version']>().toEqualTypeOf<1>();
    const typed = (event: EventOf<'catalog.product.created.v1' | 'identity.user.registered.v1'>) =>
      event.type === 'catalog.product.created' ? event.data.slug : event.data.email;
    expect(typed).toBeTypeOf('function');
    // @ts-expect-error the payload of another subject does not compile
    expect(() => createEvent('catalog.category.created.v1', product(), meta)).toThrow();
  });
});
