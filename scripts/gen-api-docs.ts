// docs/api.md from the contract (@grader/contract: routes, roles, zod schemas): `npm run docs:api`
// writes it; `--check` exits 1 when the committed file differs (a vitest in apps/api checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiDocsMarkdown } from '@grader/contract';

const target = resolve(fileURLToPath(import.meta.url), '../../docs/api.md');
const text = apiDocsMarkdown();
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === text;
  console.log(
    same ? 'docs/api.md is up to date' : 'docs/api.md differs from the contract: run npm run docs:api',
  );
  process.exit(same ? 0 : 1);
} else if (process.argv.includes('--stdout')) process.stdout.write(text);
else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
