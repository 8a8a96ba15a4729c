// Workspace import rules, checked in CI by `npm run lint` (`tsx scripts/check-deps.ts [ROOT]`):
//  1. no workspace imports an app (apps/*): apps are processes, what they share lives in packages/*;
//  2. every package a workspace imports (`@grader/*` or from npm) is declared in its package.json;
//  3. code that ships (not tests, benches, e2e or test helpers) imports only `dependencies`, never a
//     package declared in `devDependencies` alone (production installs omit those);
//  4. relative imports stay inside their workspace (no `../../other-app/src/x.ts` around rule 1).
// Test-only code may also use the root package.json's devDependencies (the shared tooling: vitest,
// tsx, playwright-core). Besides tests, benches, e2e and test helpers, dev-only code is a file that
// a package.json script runs with tsx (`"corpus": "tsx src/corpus-check.ts"`: no tsx in production)
// and a file that says so in a `check-deps: dev-only` comment (a worker-thread entry that registers
// tsx); both are held to the test-only rules.
// Imports are read with TypeScript's own pre-processor (static, dynamic `import()`, `require()`, no
// comments or strings), plus `require.resolve('pkg/...')`. Exit 1 listing every problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'generated', '.turbo', 'coverage', 'screenshots']);
const TEST_FILE = /\.(?:test|spec|bench)\.[cm]?[jt]sx?$|(?:^|\/)(?:vite|vitest)\.config\.[cm]?[jt]s$/;
const TEST_DIR = new Set(['test', 'tests', '__tests__', 'testing', 'e2e', 'bench', 'fixtures']);
const BUILTINS = new Set(builtinModules);

export interface Workspace {
  name: string;
  dir: string;
  /** the folder relative to the root, with `/` */
  rel: string;
  isApp: boolean;
  /** dependencies, peerDependencies and optionalDependencies: present in production */
  dependencies: Set<string>;
  devDependencies: Set<string>;
  /** absolute paths of the files its package.json scripts run with tsx */
  tsxEntries: Set<string>;
}

interface Manifest {
  name?: string;
  workspaces?: string[] | { packages?: string[] };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8'));

/** Workspaces of the monorepo at `root`: the `dir/*` patterns of the root package.json. */
export function listWorkspaces(root: string): Workspace[] {
  const pkg = readManifest(join(root, 'package.json'));
  const patterns = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces?.packages ?? []);
  const out: Workspace[] = [];
  for (const pattern of patterns) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern];
    for (const rel of dirs) {
      const file = join(root, rel, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = readManifest(file);
      out.push({
        name: manifest.name ?? rel,
        dir: join(root, rel),
        rel: rel.split(sep).join('/'),
        isApp: rel.split(/[\\/]/)[0] === 'apps',
        dependencies: new Set([
          ...Object.keys(manifest.dependencies ?? {}),
          ...Object.keys(manifest.peerDependencies ?? {}),
          ...Object.keys(manifest.optionalDependencies ?? {}),
        ]),
        devDependencies: new Set(Object.keys(manifest.devDependencies ?? {})),
        // files its scripts run with tsx: development tools
        tsxEntries: new Set(
          Object.values(manifest.scripts ?? {}).flatMap((cmd) =>
            [...String(cmd).matchAll(/\btsx\s+(?:--?\S+\s+)*([^\s'"]+\.[cm]?[jt]s)\b/g)].map((m) =>
              resolve(root, rel, m[1]),
            ),
          ),
        ),
      });
    }
  }
  return out;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Every module specifier a file imports. */
export function importsOf(text: string): string[] {
  const found = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  for (const m of text.matchAll(/\brequire\.resolve\(\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Test-only code: tests, benches, e2e, fixtures, test helpers (`testing/`, `testing*.ts`). */
export function isTestOnly(relPath: string): boolean {
  const segments = relPath.split('/');
  const base = segments[segments.length - 1];
  return (
    TEST_FILE.test(relPath) ||
    segments.slice(0, -1).some((s) => TEST_DIR.has(s)) ||
    /^(?:testing|bench)\b/.test(base)
  );
}

/** The problems of the monorepo at `root`, one line each ("<workspace file>: <problem>"). */
export function checkDeps(root: string): string[] {
  const rootPkg = readManifest(join(root, 'package.json'));
  const tooling = new Set(Object.keys(rootPkg.devDependencies ?? {}));
  const workspaces = listWorkspaces(root);
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const problems: string[] = [];
  for (const ws of workspaces) {
    for (const file of sourceFiles(ws.dir)) {
      const relPath = relative(ws.dir, file).split(sep).join('/');
      const where = `${ws.rel}/${relPath}`;
      const text = readFileSync(file, 'utf8');
      const testOnly =
        isTestOnly(relPath) || ws.tsxEntries.has(file) || /check-deps: dev-only/.test(text.slice(0, 2000));
      for (const spec of new Set(importsOf(text))) {
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = resolve(dirname(file), spec);
          if (target !== ws.dir && !target.startsWith(ws.dir + sep))
            problems.push(`${where}: "${spec}" reaches outside ${ws.rel} (import a package instead)`);
          continue;
        }
        if (spec.startsWith('node:') || spec.startsWith('#') || BUILTINS.has(spec.split('/')[0])) continue;
        const name = packageName(spec);
        if (name === ws.name) continue;
        const target = byName.get(name);
        if (target?.isApp)
          problems.push(`${where}: imports the app ${name} (${target.rel}); apps import only packages`);
        if (ws.dependencies.has(name)) continue;
        if (testOnly && tooling.has(name) && !target) continue;
        if (!ws.devDependencies.has(name))
          problems.push(`${where}: imports ${name}, which ${ws.rel}/package.json does not declare`);
        else if (!testOnly)
          problems.push(
            `${where}: imports ${name} at run time, but ${ws.rel}/package.json declares it only in devDependencies`,
          );
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  if (!statSync(join(root, 'package.json'), { throwIfNoEntry: false })) {
    console.error(`check-deps: no package.json in ${root}`);
    process.exit(2);
  }
  const problems = checkDeps(root);
  if (problems.length) {
    console.error(`check-deps: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-deps: ${listWorkspaces(root).length} workspaces, imports OK`);
}
