import { describe, expect, it } from 'vitest';
import { createOriginMatcher, isSameOrigin } from './cors.ts';

describe('createOriginMatcher', () => {
  const matches = createOriginMatcher(['https://shop.example.com', 'http://localhost:*']);
  it('matches exact origins and any port of a wildcard-port origin', () => {
    expect(matches('https://shop.example.com')).toBe(true);
    expect(matches('HTTPS://Shop.Example.com')).toBe(true);
    expect(matches('http://localhost')).toBe(true);
    expect(matches('http://localhost:5173')).toBe(true);
  });
  it('refuses look-alikes', () => {
    expect(matches('http://shop.example.com')).toBe(false);
    expect(matches('https://shop.example.com:8443')).toBe(false);
    expect(matches('https://shop.example.com.evil.com')).toBe(false);
    expect(matches('http://localhost.evil.com')).toBe(false);
    expect(matches('http://localhost:80.evil.com')).toBe(false);
    expect(matches('https://localhost:3000')).toBe(false);
    expect(matches('null')).toBe(false);
  });
  it('matches nothing when empty', () => {
    expect(createOriginMatcher([])('http://localhost:3000')).toBe(false);
  });
});

describe('isSameOrigin', () => {
  it('is true only for an origin on the request host', () => {
    expect(isSameOrigin('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:4001', '127.0.0.1:4000')).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:4000', undefined)).toBe(false);
  });
  it('treats opaque and unparsable origins as foreign instead of throwing', () => {
    expect(isSameOrigin('null', '127.0.0.1:4000')).toBe(false);
    expect(isSameOrigin('not a url', '127.0.0.1:4000')).toBe(false);
  });
});
