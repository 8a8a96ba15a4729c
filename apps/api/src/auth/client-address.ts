import type { Request } from 'express';

/** The first four groups of an IPv6 address (its /64 network). */
function ipv6Network(ip: string): string {
  const [head, tail] = ip.split('::');
  const groups = (s: string | undefined) =>
    s ? s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const h = groups(head);
  const t = groups(tail);
  const full =
    tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${full
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/**
 * Where a request comes from, as a throttling key. `req.ip` is the connection's own address unless
 * TRUST_PROXY names the proxy in front (then Express reads X-Forwarded-For up to that proxy), so a
 * client cannot pick its own source by sending the header. IPv4-mapped IPv6 is the IPv4 address;
 * other IPv6 addresses count by /64, the block one host usually holds.
 */
export function clientSource(req: Request): string {
  const ip = (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1];
  return ip.includes(':') ? ipv6Network(ip) : ip;
}
