/** A small test runner around one Chromium: named steps, console-error policing, screenshots. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkResponse } from '@grader/contract';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';

export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface Harness {
  browser: Browser;
  /** a fresh signed-out browser context (own cookies) with console policing */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  step(name: string, fn: () => Promise<void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<void>;
  /** HTTP failures that a step expects (e.g. the refused script): not console errors */
  allowHttpErrors(re: RegExp | null): void;
  /** answers of the API that do not fit its contract (@grader/contract): each fails its step */
  contractErrors: string[];
  results: { name: string; ok: boolean; error?: string; ms: number }[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'grader-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      // playwright gives launch() its own fresh temporary --user-data-dir (it refuses one in args);
      // ours holds downloads (the CSV export), and is removed at the end
      downloadsPath: profile,
    })
    .catch((e: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw e;
    });
  const contexts: BrowserContext[] = [];
  const pending = new Set<Promise<void>>();
  const results: Harness['results'] = [];
  const consoleErrors: string[] = [];
  const contractErrors: string[] = [];
  let allowed: RegExp | null = null;
  // the app asks /api/auth/me before sign-in: a 401 there is how it learns nobody is signed in
  const always = /\/api\/auth\/me$/;

  const h: Harness = {
    browser,
    results,
    consoleErrors,
    contractErrors,
    allowHttpErrors(re) {
      allowed = re;
    },
    async newPage(viewport = { width: 1280, height: 900 }) {
      const ctx = await browser.newContext({ viewport, acceptDownloads: true });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = msg.location()?.url ?? '';
        if (/Failed to load resource/.test(msg.text()) && (always.test(url) || allowed?.test(url))) return;
        consoleErrors.push(`${msg.text()} ${url}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
      // every JSON answer of the API, real or mock, is checked against the shared contract
      page.on('response', (r) => {
        const check: Promise<void> = checkContract(r, contractErrors).finally(() => pending.delete(check));
        pending.add(check);
      });
      return page;
    },
    async step(name, fn) {
      const t = Date.now();
      const before = consoleErrors.length;
      const contractBefore = contractErrors.length;
      try {
        await fn();
        await Promise.all([...pending]);
        if (consoleErrors.length > before)
          throw new Error(`console errors: ${consoleErrors.slice(before).join(' | ')}`);
        if (contractErrors.length > contractBefore)
          throw new Error(
            `answers outside the API contract: ${contractErrors.slice(contractBefore).join(' | ')}`,
          );
        results.push({ name, ok: true, ms: Date.now() - t });
        console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
        return true;
      } catch (e) {
        const msg = (e as Error).message.split('\n').slice(0, 6).join('\n');
        results.push({ name, ok: false, error: msg, ms: Date.now() - t });
        console.log(`  ✕ ${name}\n      ${msg.replace(/\n/g, '\n      ')}`);
        return false;
      }
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return h;
}

/** Check one answer of /api/* that says it is JSON against the contract; problems go to `out`. */
async function checkContract(r: Response, out: string[]): Promise<void> {
  const url = new URL(r.url());
  if (!url.pathname.startsWith('/api/')) return;
  if (!/application\/json/.test(r.headers()['content-type'] ?? '')) return;
  const method = r.request().method();
  let body: unknown;
  try {
    body = await r.json();
  } catch {
    return; // the page went away before the body was read
  }
  const problem = checkResponse(method, url.pathname, r.status(), body);
  if (problem) out.push(`${problem.route} (${problem.status}): ${problem.issues.join('; ')}`);
}

export function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
