import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { clientSource } from './client-address.ts';
import { LoginThrottle } from './login-throttle.ts';

const limits = { perAccountSource: 3, perSource: 5, windowMs: 60_000 };

describe('LoginThrottle', () => {
  it('holds back a pair after its failures, not the account from elsewhere', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) expect(t.attempt('a@x', '10.0.0.1', 0).ok).toBe(true);
    expect(t.attempt('a@x', '10.0.0.1', 1)).toEqual({
      ok: false,
      scope: 'account_source',
      retryAfterSec: 60,
    });
    expect(t.attempt('a@x', '10.0.0.2', 1).ok).toBe(true);
    expect(t.attempt('a@x', '10.0.0.1', 60_000).ok).toBe(true); // the window has passed
  });

  it('holds back a source over all accounts; a success takes its attempt back', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 4; i++) expect(t.attempt(`u${i}@x`, 's', 0).ok).toBe(true);
    expect(t.attempt('ok@x', 's', 0).ok).toBe(true);
    t.succeeded('ok@x', 's', 0);
    expect(t.attempt('u9@x', 's', 0).ok).toBe(true); // the fifth failure
    expect(t.attempt('ok@x', 's', 0)).toMatchObject({ ok: false, scope: 'source' });
  });

  it('counts an attempt as it starts, so parallel guesses cannot all get in', () => {
    const t = new LoginThrottle(limits);
    const verdicts = Array.from({ length: 10 }, () => t.attempt('a@x', 'p', 0).ok);
    expect(verdicts.filter(Boolean)).toHaveLength(3);
  });
});

describe('clientSource', () => {
  const src = (ip: string) => clientSource({ ip, socket: {} } as Request);
  it('unwraps IPv4-mapped addresses and groups IPv6 by /64', () => {
    expect(src('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(src('192.0.2.1')).toBe('192.0.2.1');
    expect(src('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(src('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(src('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(src('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(src('::1')).toBe('0:0:0:0::/64');
  });
});
