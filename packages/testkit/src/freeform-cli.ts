// npm run freeform -- render [WRITER ...]          sources -> freeform/pdf/*.pdf (needs pdflatex, LibreOffice)
// npm run freeform -- score GRADED.json [--half tune|heldout|all] [--writers yi,yj]
//   GRADED.json: `grade --json --roster packages/testkit/freeform/roster.csv` over freeform/pdf/*.pdf
//   (--labels FILE: score against another labels file, e.g. a handwritten copy's labels.json)
// npm run freeform -- hand --writers a,b --out DIR [--split tune|heldout] [--seed N]
//   the writers' plain-text scripts copied out in Hershey hands, scanned or photographed (needs
//   hershey-fonts-data); DIR/<split>/<file>.pdf and labels.json with the labeller's marks
import { readFileSync } from 'node:fs';
import {
  type FreeformLabel,
  formatFreeformScore,
  freeformLabels,
  renderFreeform,
  scoreFreeform,
  TUNE_WRITERS,
} from './freeform.ts';
import { generateFreeformHand } from './render/freeform-hand.ts';
import { MissingToolError } from './render/tools.ts';

const [cmd, file, ...rest] = process.argv.slice(2);
/** The value after a `--name` flag (the first argument may be one too: `hand --writers …`). */
const opt = (name: string) => {
  const args = [file, ...rest];
  return args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
};
if (cmd === 'render') {
  const files = await renderFreeform(undefined, [file, ...rest].filter(Boolean));
  console.log(`rendered ${files.length} PDFs`);
} else if (cmd === 'score' && file) {
  // (--writers: one round's classes only, as a round is scored; --labels: every script it lists)
  const writers = opt('--writers')?.split(',');
  const own = opt('--labels');
  const half = opt('--half') ?? (own ? 'all' : 'tune');
  const all: FreeformLabel[] = own ? JSON.parse(readFileSync(own, 'utf8')) : freeformLabels();
  const labels = all.filter((l) =>
    writers
      ? writers.includes(l.writer)
      : half === 'all'
        ? true
        : half === 'tune'
          ? TUNE_WRITERS.includes(l.writer)
          : !TUNE_WRITERS.includes(l.writer),
  );
  console.log(`${writers?.join(', ') ?? half}: ${labels.length} scripts`);
  console.log(formatFreeformScore(scoreFreeform(labels, JSON.parse(readFileSync(file, 'utf8')))));
} else if (cmd === 'hand') {
  const writers = opt('--writers')?.split(',') ?? [];
  const split = opt('--split') === 'heldout' ? 'heldout' : 'tune';
  try {
    const done = await generateFreeformHand(
      opt('--out') ?? 'var/freeform-hand',
      writers,
      split,
      Number(opt('--seed') ?? 1),
      console.log,
    );
    console.log(`wrote ${done.length} handwritten scripts`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(e instanceof MissingToolError ? 2 : 1);
  }
} else {
  console.error(
    'usage: freeform render | freeform score GRADED.json [--half tune|heldout|all] [--writers a,b] [--labels FILE] | freeform hand --writers a,b --out DIR [--split tune|heldout] [--seed N]',
  );
  process.exit(2);
}
