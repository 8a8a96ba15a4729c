/**
 * End-to-end test of the web UI in headless Chromium (Debian `chromium` + playwright-core).
 * Builds the UI, starts a server, walks the flow of e2e/flow.ts, saves screenshots to
 * e2e/screenshots/, prints `E2E: N passed, M failed` and exits non-zero on any failure.
 *
 *   E2E_API=mock  the in-memory contract mock (fast, UI only)
 *   E2E_API=real  the real API + worker on a fresh PostgreSQL database and a Redis prefix (default)
 *
 * The real stack is other apps (the API and the worker), which this app does not import: the
 * repository's `npm run test:e2e` (scripts/e2e.ts) starts it and hands it to runE2E. Run directly
 * (`tsx apps/web/e2e/run.ts`), only the mock is available.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Target } from './flow.ts';
import { runFlow } from './flow.ts';
import { SHOTS, startHarness } from './harness.ts';
import { startMockTarget } from './mock-target.ts';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export type { Target } from './flow.ts';
/** Starts the real API + worker serving the built UI from `distDir`. */
export type StartRealTarget = (repoRoot: string, distDir: string) => Promise<Target>;

/** The whole e2e run; resolves to the process exit code (0: every step passed). */
export async function runE2E(opts: { startRealTarget?: StartRealTarget } = {}): Promise<number> {
  const mode = process.env.E2E_API ?? 'real';
  if (mode !== 'mock' && !opts.startRealTarget)
    throw new Error(
      'the real stack is started by `npm run test:e2e` (scripts/e2e.ts); here only E2E_API=mock',
    );
  const t0 = Date.now();
  // vite sets NODE_ENV=production while it builds; the servers below must not inherit that
  const nodeEnv = process.env.NODE_ENV;
  await build({ root: webDir, configFile: `${webDir}vite.config.ts`, logLevel: 'warn' });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  console.log(`E2E: UI built in ${Date.now() - t0} ms; server: ${mode}`);
  let target: Target;
  if (mode === 'mock') target = await startMockTarget(repoRoot, `${webDir}dist`);
  else target = await opts.startRealTarget!(repoRoot, `${webDir}dist`);
  // no browser: still drop the database and stop the servers before failing
  const h = await startHarness().catch(async (e) => {
    await target.stop().catch(() => {});
    throw e;
  });
  try {
    await runFlow(h, target);
  } catch (e) {
    h.results.push({ name: 'flow', ok: false, error: (e as Error).message, ms: 0 });
    console.log(`  ✕ flow aborted: ${(e as Error).message}`);
  } finally {
    await h.close();
    await target.stop().catch((e) => console.log(`stopping the server: ${(e as Error).message}`));
  }
  const passed = h.results.filter((r) => r.ok).length;
  const failed = h.results.length - passed;
  console.log(`E2E: screenshots in ${SHOTS}`);
  console.log(
    `E2E: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s, ${target.name} server)`,
  );
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Ends the process with runE2E's outcome (the entry points: this file and scripts/e2e.ts). */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      console.log('E2E: 0 passed, 1 failed');
      process.exit(1);
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) exitWith(runE2E());
