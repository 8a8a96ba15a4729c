// The contract's route list is the one source of the OpenAPI document and docs/api.md: it must name
// exactly the routes Express registers, the API must serve the generated document, and the
// committed docs/api.md must be what the generator prints (else: `npm run docs:api`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@grader/config';
import { API_ROUTES, apiDocsMarkdown, openApiPath, whoOf } from '@grader/contract';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { AppContext } from './context.ts';
import { openApiDocument } from './openapi.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/** The app over a context no route reaches while it is built (nothing here opens a connection). */
function bareApp() {
  const none = {} as never;
  // only what building the routers reads; the rest is never reached (no request gets past /api/docs)
  const ctx = {
    config: loadConfig({ WEB_DIR: resolve(ROOT, 'var/no-web-ui') }),
    db: none,
    queues: none,
    store: none,
    grading: none,
    log: () => {},
  } as unknown as AppContext;
  return createApp(ctx);
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** `METHOD /path` of every route in a router stack, mount paths included (Express 5's router). */
function registered(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = layer.route.path === '/' && prefix ? prefix : `${prefix}${layer.route.path}`;
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${path}`);
    }
    if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      return registered(layer.handle.stack, prefix + mount);
    }
    return [];
  });
}

/** Parameter names (and a `.png` suffix) do not matter: `/pages/:file` is `/pages/:n.png`. */
const shape = (route: string) => route.replace(/:\w+(\.\w+)?/g, ':');

/** What one list has that the other lacks, compared by shape. */
function difference(a: string[], b: string[]) {
  const bs = new Set(b.map(shape));
  return a.filter((r) => !bs.has(shape(r)));
}

describe('the route list in @grader/contract', () => {
  const app = bareApp();
  const express = registered((app as unknown as { router: { stack: Layer[] } }).router.stack);
  const contract = API_ROUTES.map((r) => `${r.method} ${r.path}`);

  it('names every route Express registers, and no other', () => {
    expect(express.length).toBeGreaterThan(40); // the walk found the mounted routers
    expect(difference(express, contract), 'registered, not in the contract').toEqual([]);
    expect(difference(contract, express), 'in the contract, not registered').toEqual([]);
    expect(new Set(contract.map(shape)).size).toBe(contract.length);
  });

  it('the comparison notices a route on one side only', () => {
    expect(difference([...express, 'GET /api/exams/:examId/new-thing'], contract)).toEqual([
      'GET /api/exams/:examId/new-thing',
    ]);
    expect(difference(contract, express.slice(1))).toEqual([express[0]]);
  });
});

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('has an operation for every route, with the route’s schemas', () => {
    for (const r of API_ROUTES) {
      const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()] as any;
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op.summary).toBe(r.summary);
      expect(Boolean(op.requestBody), `${r.method} ${r.path} body`).toBe(Boolean(r.body || r.upload));
      const ok = op.responses[r.statuses[0]].content[r.produces];
      expect(Boolean(ok.schema), `${r.method} ${r.path} answer`).toBe(Boolean(r.response));
    }
    const operations = Object.values(doc.paths).flatMap((p) => Object.keys(p));
    expect(operations.length).toBe(API_ROUTES.length);
  });

  it('every $ref names a schema in components', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(ref).toMatch(/^"\$ref":"#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
  });

  it('describes a request body as zod parses it', () => {
    const { LoginBody, RestoreBody } = doc.components.schemas as Record<string, any>;
    expect(LoginBody.required).toEqual(['email', 'password']);
    expect(RestoreBody.required ?? []).not.toContain('reason'); // it has a default
  });

  it('is what the API serves at /api/docs and /api/docs/openapi.json', async () => {
    const server = bareApp().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as { port: number };
      for (const path of ['/api/docs', '/api/docs/openapi.json']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('docs/api.md', () => {
  it('is what `npm run docs:api` prints from the contract', () => {
    const committed = readFileSync(resolve(ROOT, 'docs/api.md'), 'utf8');
    expect(committed === apiDocsMarkdown(), 'docs/api.md is stale: run `npm run docs:api`').toBe(true);
  });

  it('lists every route of the contract, with its roles', () => {
    const text = apiDocsMarkdown();
    const rows = text.split('\n').filter((l) => l.startsWith('| ['));
    expect(rows.length).toBe(API_ROUTES.length);
    for (const r of API_ROUTES) {
      expect(text).toContain(`### ${r.method} ${r.path}\n`);
      const row = rows.find((l) => l.startsWith(`| [${r.method} ${r.path}](`));
      expect(row, `${r.method} ${r.path}`).toContain(`| ${whoOf(r)} |`);
    }
  });
});
