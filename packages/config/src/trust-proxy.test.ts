import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

describe('TRUST_PROXY', () => {
  it('is off unless set: forwarded headers are then ignored', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
  });
  it('takes a hop count or the proxies by address, subnet or name', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
  });
  it('refuses `true` (any client could pick its own address) and junk, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: .*true/);
    expect(() => loadConfig({ TRUST_PROXY: 'loopback,example.com' })).toThrow(/TRUST_PROXY: .*example\.com/);
  });
});
