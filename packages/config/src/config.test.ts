import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

const repoFile = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8');
const envExample = repoFile('.env.example');
const compose = repoFile('docker-compose.yml');
const prod = (SESSION_SECRET?: string) => () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET });

describe('loadConfig', () => {
  it('gives local defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toMatch(/^postgresql:\/\/.*127\.0\.0\.1:5432/);
    expect(c.PORT).toBe(3000);
  });
  it('coerces numbers and names the bad variable', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('.env.example lists every variable it reads', () => {
    const listed = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const read = Object.keys(loadConfig({})).filter((k) => k !== 'storageDir');
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((k) => !listed.has(k))).toEqual([]);
  });
});

describe('SESSION_SECRET in production', () => {
  it('refuses the development default (unset)', () => {
    expect(prod()).toThrow(/SESSION_SECRET: .*placeholder/);
  });
  it("refuses the placeholders found in the repository: .env.example's and compose's old default", () => {
    const example = /^SESSION_SECRET=(.*)$/m.exec(envExample)?.[1];
    expect(example).toBeTruthy();
    expect(prod(example)).toThrow(/SESSION_SECRET/);
    expect(prod('change-me-to-a-long-random-string')).toThrow(/SESSION_SECRET: .*placeholder/);
    expect(prod(' change-me-to-a-long-random-string ')).toThrow(/placeholder/);
  });
  it('refuses a secret shorter than 32 characters, saying how to make one', () => {
    expect(prod('x'.repeat(31))).toThrow(/at least 32 characters.*openssl rand -hex 32/);
    expect(prod('a-sixteen-chars!')).toThrow(/at least 32/);
  });
  it('accepts a long random one; development and test keep the default', () => {
    const secret = randomBytes(32).toString('hex');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'y'.repeat(32) })).not.toThrow();
    expect(loadConfig({ NODE_ENV: 'test' }).SESSION_SECRET).toBe('dev-only-secret-change-me');
  });
  it('docker-compose.yml requires it rather than supplying a default', () => {
    expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?[^}]+\}/);
    expect(compose).not.toMatch(/SESSION_SECRET:-/);
  });
});
