// npm run freeform -- render [WRITER ...]          sources -> freeform/pdf/*.pdf (needs pdflatex, LibreOffice)
// npm run freeform -- score GRADED.json [--half tune|heldout|all] [--writers yi,yj]
//   GRADED.json: `grade --json --roster packages/testkit/freeform/roster.csv` over freeform/pdf/*.pdf
import { readFileSync } from 'node:fs';
import {
  formatFreeformScore,
  freeformLabels,
  renderFreeform,
  scoreFreeform,
  TUNE_WRITERS,
} from './freeform.ts';

const [cmd, file, ...rest] = process.argv.slice(2);
if (cmd === 'render') {
  const files = await renderFreeform(undefined, [file, ...rest].filter(Boolean));
  console.log(`rendered ${files.length} PDFs`);
} else if (cmd === 'score' && file) {
  const half = rest[rest.indexOf('--half') + 1] ?? 'tune';
  // (--writers: one round's classes only, as a round is scored)
  const writers = rest.includes('--writers') ? rest[rest.indexOf('--writers') + 1]?.split(',') : undefined;
  const labels = freeformLabels().filter((l) =>
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
} else {
  console.error(
    'usage: freeform render | freeform score GRADED.json [--half tune|heldout|all] [--writers a,b]',
  );
  process.exit(2);
}
