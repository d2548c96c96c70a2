import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client's IP address for per-address rate limits. With no trusted proxy (the default) it is
 * the TCP peer. Behind N proxies that each append the address they saw to X-Forwarded-For
 * (TRUSTED_PROXY_HOPS=N), it is the address the outermost trusted proxy saw: the N-th entry from
 * the right. Entries further left were written by the client and are never trusted. When the
 * header is shorter than promised or that entry is not an IP, the peer address is used.
 */
export function clientAddressOf(request: IncomingMessage, trustedProxyHops: number): string | null {
  const peer = normalize(request.socket.remoteAddress);
  if (trustedProxyHops === 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const candidate = normalize(forwarded[forwarded.length - trustedProxyHops]);
  return candidate && isIP(candidate) ? candidate : peer;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) shortened to IPv4. */
function normalize(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
