// Writes the handwriting corpus: npm run handwriting -w @grader/testkit [-- --out DIR --seed N]
// Needs Debian's Hershey stroke fonts at generation time only: apt-get install -y hershey-fonts-data
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHandwriting } from '../src/render/handwriting.ts';
import { MissingToolError } from '../src/render/tools.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const out = opt('out', dirname(fileURLToPath(import.meta.url)));
const seed = Number(opt('seed', '2026'));
try {
  const t0 = performance.now();
  const set = await generateHandwriting(out, seed, undefined, (s) => console.log(s));
  console.log(
    `wrote ${set.length} scripts to ${out}/{tune,heldout} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  if (e instanceof MissingToolError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
