import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageImageName } from '@grader/db';
import { fakeStack } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from '../testing/client.ts';
import { createFakeExam, type Harness, startHarness } from '../testing/harness.ts';
import { removePageImages } from './page-images.ts';

const API_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');

let h: Harness;
let ta: TestClient;
let subId: string;
let storageKey: string;
/** renderings the worker made (the API makes none) */
let renders = 0;

beforeAll(async () => {
  // no reconciler pass of its own: the test runs one when it wants it
  h = await startHarness({ RECONCILE_INTERVAL_MS: '600000' });
  ta = await h.as('ta.a@t.test');
  h.worker.ctx.renderPage = async (_b, page) => {
    renders++;
    return Buffer.from(`PNG page ${page}`);
  };
  const examId = await createFakeExam(await h.as('admin.a@t.test'), h.courseA.id, 'pages-exam');
  const bytes = fakeStack([{ roll: '20CS10001', '1a': '42' }, { '2a': '7' }]);
  const up = await ta.req('POST', `/api/exams/${examId}/submissions`, form([{ name: 'two.pdf', bytes }]));
  subId = up.data.created[0].id;
  await waitFor(async () => {
    const s = (await ta.get(`/api/submissions/${subId}`)).data.submission;
    if (s.status === 'failed') throw new Error(`ingest failed: ${s.statusReason}`);
    return ['graded', 'needs_review'].includes(s.status);
  }, 30_000);
  storageKey = (await h.db.submission.findUniqueOrThrow({ where: { id: subId } })).storageKey;
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('page images: stored by the worker, read by the API', () => {
  it('serves the stored bytes with caching headers; a revalidation is a 304', async () => {
    expect(await h.server.ctx.store.getDerived(pageImageName(storageKey, 2, 'page'))).not.toBeNull();
    const png = await ta.get(`/api/submissions/${subId}/pages/2.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(png.data).toString()).toBe('PNG page 2');
    const etag = png.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await ta.req('GET', `/api/submissions/${subId}/pages/2.png`, undefined, {
      'if-none-match': etag!,
    });
    expect(again.status).toBe(304);
    // page 1 has another tag; a page the script does not have is 404
    expect((await ta.get(`/api/submissions/${subId}/pages/1.png`)).headers.get('etag')).not.toBe(etag);
    expect((await ta.get(`/api/submissions/${subId}/pages/3.png`)).status).toBe(404);
  });

  it('ten concurrent requests for a page not stored yet: all 409 with Retry-After, none renders; the reconciler then stores it', async () => {
    await removePageImages(h.server.ctx.store, storageKey);
    const before = renders;
    const url = `/api/submissions/${subId}/pages/1.png`;
    const missing = await Promise.all(Array.from({ length: 10 }, () => ta.get(url)));
    for (const r of missing) {
      expect(r.status).toBe(409);
      expect(r.data.error).toMatchObject({ code: 'conflict', fields: { page: 'not_rendered' } });
      expect(r.headers.get('retry-after')).toBe('30');
      expect(r.headers.get('cache-control')).toBeNull(); // not cached: the next ask may succeed
    }
    expect(renders).toBe(before); // the API renders nothing
    // the worker's reconciler renders what is missing (both pages of the file)
    await h.worker.reconcile();
    expect(renders).toBe(before + 2);
    const served = await Promise.all(Array.from({ length: 10 }, () => ta.get(url)));
    expect(served.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(served.every((r) => Buffer.from(r.data).toString() === 'PNG page 1')).toBe(true);
    expect(renders).toBe(before + 2);
  });
});

/** Every shipped (non-test) source file of the API. */
function shippedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : shippedFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('the API has no PDF or OCR dependency', () => {
  it('does not declare @grader/ingest as a dependency, and no shipped file imports it', () => {
    const pkg = JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('@grader/ingest');
    const importers = shippedFiles(join(API_DIR, 'src')).filter((f) =>
      /from\s+['"]@grader\/ingest|import\(\s*['"]@grader\/ingest/.test(readFileSync(f, 'utf8')),
    );
    expect(importers.map((f) => relative(API_DIR, f))).toEqual([]);
  });

  it('serves a stored page image and checks a class list in a process that never loads a renderer', async () => {
    // a fresh API process over the same database and store, recording every module it resolves
    const dir = mkdtempSync(join(tmpdir(), 'api-modules-'));
    const log = join(dir, 'loaded.txt');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(spec, ctx, next) {
  const r = await next(spec, ctx);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});`,
    );
    const app = pathToFileURL(join(API_DIR, 'src/app.ts')).href;
    const roster = pathToFileURL(join(API_DIR, 'src/services/roster-import.ts')).href;
    const script = `
      const { loadConfig } = await import('@grader/config');
      const { createServer } = await import(${JSON.stringify(app)});
      const { checkRosterCsv } = await import(${JSON.stringify(roster)});
      const roster = await checkRosterCsv('roll,name\\n20CS1,A\\n20CS1,B\\n');
      const server = await createServer({ config: loadConfig(process.env), log: () => {} });
      const base = await server.listen(0, '127.0.0.1');
      const res = await fetch(base + process.env.PAGE_PATH, { headers: { cookie: process.env.COOKIE } });
      const body = Buffer.from(await res.arrayBuffer()).toString();
      await server.close();
      console.log(JSON.stringify({ status: res.status, body, rosterIssues: roster.issues.length }));
      process.exit(0);`;
    const env = {
      ...process.env,
      DATABASE_URL: h.config.DATABASE_URL,
      STORAGE_DIR: h.config.STORAGE_DIR,
      QUEUE_PREFIX: h.config.QUEUE_PREFIX,
      SESSION_SECRET: h.config.SESSION_SECRET,
      PAGE_PATH: `/api/submissions/${subId}/pages/2.png`,
      COOKIE: ta.cookie,
    };
    const out = await new Promise<string>((resolveOut, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--import', pathToFileURL(register).href, '--input-type=module', '-e', script],
        { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) =>
        code === 0 ? resolveOut(stdout) : reject(new Error(`exit ${code}: ${stderr}`)),
      );
    });
    const result = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(result).toEqual({ status: 200, body: 'PNG page 2', rosterIssues: 1 });
    const loaded = readFileSync(log, 'utf8').split('\n');
    // the API's own modules did load (the recording works) ...
    expect(loaded.some((u) => u.endsWith('/apps/api/src/services/page-images.ts'))).toBe(true);
    // ... and nothing that reads or draws a PDF or runs OCR
    const renderers = loaded.filter((u) =>
      /\/packages\/ingest\/src\/(?!errors\.ts)|pdfjs-dist|@napi-rs\/canvas|tesseract|onnxruntime|\/sharp\//.test(
        u,
      ),
    );
    expect(renderers).toEqual([]);
  }, 60_000);
});
