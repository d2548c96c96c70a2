import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf(request('::ffff:203.0.113.9', '198.51.100.1'), 0)).toBe('203.0.113.9');
  });

  it('behind one proxy, is the address that proxy appended, not what the client wrote before it', () => {
    expect(clientAddressOf(request('10.0.0.2', '1.2.3.4, 198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('behind two proxies, is the address the outer one saw', () => {
    expect(clientAddressOf(request('10.0.0.2', ['6.6.6.6, 198.51.100.7', '10.0.0.1']), 2)).toBe('198.51.100.7');
  });

  it('falls back to the peer when the header is missing, too short or not an address', () => {
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2', '198.51.100.7'), 2)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2', 'evil, not-an-ip'), 1)).toBe('10.0.0.2');
  });

  it('accepts IPv6 entries', () => {
    expect(clientAddressOf(request('10.0.0.2', '2001:db8::1'), 1)).toBe('2001:db8::1');
  });
});
