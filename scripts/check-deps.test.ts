// The import checker (scripts/check-deps.ts) on a small fixture monorepo written to a temp folder:
// each rule caught once, with the file named; the allowed cases (builtins, relative imports inside
// the workspace, a package's own subpath, tests on root tooling and devDependencies, tsx-run tools,
// imports in comments and strings) not reported; and the repository itself clean.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDeps, importsOf, isTestOnly, packageName } from './check-deps.ts';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const FIXTURE: Record<string, string> = {
  'package.json': json({
    name: 'fixture',
    private: true,
    workspaces: ['apps/*', 'packages/*'],
    devDependencies: { vitest: '*', tsx: '*' },
  }),
  'apps/api/package.json': json({
    name: '@x/api',
    scripts: { tool: 'tsx src/tool.ts --fast' },
    dependencies: { '@x/lib': '*', express: '*' },
    devDependencies: { '@x/testkit': '*' },
  }),
  'apps/api/src/main.ts': [
    "import { readFileSync } from 'node:fs';",
    "import path from 'path';",
    "import express from 'express';",
    "import { lib } from '@x/lib/sub';",
    "import { local } from './local.ts';",
    "export * from './routes/index.ts';",
    '// import { gone } from "commented-out";',
    'const text = "import x from \'inside-a-string\'";',
    'export { readFileSync, path, express, lib, local, text };',
  ].join('\n'),
  'apps/api/src/bad.ts': [
    "import { createWorker } from '@x/worker';",
    "import _ from 'lodash';",
    "import { corpus } from '@x/testkit';",
    "import { helper } from '../../worker/src/helper.ts';",
    "const font = require.resolve('some-font/package.json');",
    "const late = await import('late-pkg');",
    'export { createWorker, _, corpus, helper, font, late };',
  ].join('\n'),
  'apps/api/src/bad.test.ts':
    "import { it } from 'vitest';\nimport { corpus } from '@x/testkit';\nit('x', () => corpus);\n",
  'apps/api/src/testing/harness.ts': "import { corpus } from '@x/testkit';\nexport { corpus };\n",
  'apps/api/src/tool.ts': "import { corpus } from '@x/testkit';\nexport { corpus };\n",
  'apps/api/src/thread.mjs':
    "// check-deps: dev-only (started only from sources)\nimport { register } from 'tsx/esm/api';\nregister();\n",
  'apps/api/dist/main.js': "import 'anything-in-build-output';\n",
  'apps/worker/package.json': json({ name: '@x/worker' }),
  'apps/worker/src/helper.ts': 'export const helper = 1;\n',
  'packages/lib/package.json': json({
    name: '@x/lib',
    exports: { '.': './src/index.ts', './sub': './src/sub.ts' },
  }),
  'packages/lib/src/index.ts': "export { lib } from '@x/lib/sub';\n",
  'packages/lib/src/sub.ts': "import { shared } from '@x/worker';\nexport const lib = shared;\n",
  'packages/testkit/package.json': json({ name: '@x/testkit' }),
  'packages/testkit/src/index.ts': "export const corpus = 'c';\n",
};

const root = mkdtempSync(join(tmpdir(), 'check-deps-'));
for (const [file, text] of Object.entries(FIXTURE)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('check-deps on a fixture monorepo', () => {
  const problems = checkDeps(root);

  it('reports each broken rule once, naming the file', () => {
    expect(problems.sort()).toEqual(
      [
        'apps/api/src/bad.ts: imports the app @x/worker (apps/worker); apps import only packages',
        'apps/api/src/bad.ts: imports @x/worker, which apps/api/package.json does not declare',
        'apps/api/src/bad.ts: imports lodash, which apps/api/package.json does not declare',
        'apps/api/src/bad.ts: imports @x/testkit at run time, but apps/api/package.json declares it only in devDependencies',
        'apps/api/src/bad.ts: "../../worker/src/helper.ts" reaches outside apps/api (import a package instead)',
        'apps/api/src/bad.ts: imports some-font, which apps/api/package.json does not declare',
        'apps/api/src/bad.ts: imports late-pkg, which apps/api/package.json does not declare',
        // a package importing an app is as wrong as an app doing it
        'packages/lib/src/sub.ts: imports the app @x/worker (apps/worker); apps import only packages',
        'packages/lib/src/sub.ts: imports @x/worker, which packages/lib/package.json does not declare',
      ].sort(),
    );
  });

  it('allows builtins, own relative files, its own subpaths, tests and tools on dev packages', () => {
    const files = new Set(problems.map((p) => p.split(':')[0]));
    for (const ok of [
      'apps/api/src/main.ts',
      'apps/api/src/bad.test.ts',
      'apps/api/src/testing/harness.ts',
      'apps/api/src/tool.ts',
      'apps/api/src/thread.mjs',
      'apps/api/dist/main.js',
      'packages/lib/src/index.ts',
    ])
      expect(files.has(ok), ok).toBe(false);
  });

  it('exits 1 listing the problems, from the command line', () => {
    const script = fileURLToPath(new URL('./check-deps.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, root], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('check-deps: 9 problem(s)');
    expect(r.stderr).toContain('apps/api/src/bad.ts: imports lodash');
  });
});

describe('check-deps helpers', () => {
  it('reads static, dynamic, re-export and require imports, not comments or strings', () => {
    expect(
      importsOf(
        "import a from 'a';\nimport type { B } from '@s/b/x';\nexport * from './c.ts';\nawait import('d');\nrequire('e');\nrequire.resolve('f/package.json');\n// import z from 'z'\nconst s = \"import y from 'y'\";",
      ).sort(),
    ).toEqual(['./c.ts', '@s/b/x', 'a', 'd', 'e', 'f/package.json']);
  });
  it('package names and test-only files', () => {
    expect(packageName('@grader/ingest/samples')).toBe('@grader/ingest');
    expect(packageName('pdfjs-dist/legacy/build/pdf.mjs')).toBe('pdfjs-dist');
    expect(isTestOnly('src/api.test.ts')).toBe(true);
    expect(isTestOnly('src/testing/harness.ts')).toBe(true);
    expect(isTestOnly('src/testing-pdf.ts')).toBe(true);
    expect(isTestOnly('e2e/run.ts')).toBe(true);
    expect(isTestOnly('bench/ingest.bench.ts')).toBe(true);
    expect(isTestOnly('src/app.ts')).toBe(false);
    expect(isTestOnly('src/contesting.ts')).toBe(false);
  });
});

describe('this repository', () => {
  it('imports only packages, and only declared ones', () => {
    const repo = fileURLToPath(new URL('..', import.meta.url));
    expect(checkDeps(repo)).toEqual([]);
  });
});
