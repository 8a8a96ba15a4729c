// Accuracy on @grader/testkit's synthetic, independently scored answers (text only, no PDF):
// `npx tsx packages/rubric/src/corpus-check.ts [count] [seed] [keep|strip]`.
// `strip` mimics PDF text extraction, which loses sub/superscript markup (c_{t+1} -> ct+1, tanh^2 -> tanh2).
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { planCorpus } from '@grader/testkit';
import { gradeBatch, loadRubric, scriptFromText } from './index.ts';

const [count = '120', seed = '7', mode = 'strip'] = process.argv.slice(2);
const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const corpus = planCorpus({ seed: Number(seed), count: Number(count), formats: ['typed'] });
const strip = (s: string) =>
  mode === 'strip'
    ? s
        .replace(/_\{([^}]*)\}/g, '$1')
        .replace(/_(\w)/g, '$1')
        .replace(/\^\{([^}]*)\}/g, '$1')
        .replace(/\^([\w⊤])/g, '$1')
    : s;

const inputs = corpus.scripts.map((s) => {
  const byPart = new Map<string, string[]>();
  const occ: Record<string, number> = {};
  for (const b of s.blocks) {
    byPart.set(b.part, [...(byPart.get(b.part) ?? []), ...b.lines.map(strip)]);
    occ[b.part] = (occ[b.part] ?? 0) + 1;
  }
  const text = [...byPart].map(([p, ls]) => `## ${p}\n${ls.join('\n')}`).join('\n');
  const script = scriptFromText(text, {
    file: s.file,
    occurrences: occ,
    issues: s.student?.roll && s.student?.name ? [] : ['header missing'],
  });
  script.order = s.blocks.map((b) => b.part).filter((p, i, a) => a.indexOf(p) === i);
  script.header.name = s.student?.name ?? null;
  script.header.roll = s.student?.roll ?? null;
  return { file: s.file, script };
});
const out = gradeBatch(rubric, ctx, inputs);
let n = 0;
let right = 0;
let review = 0;
const wrong: Record<string, number> = {};
const examples: Record<string, string> = {};
corpus.scripts.forEach((s, i) => {
  for (const [pid, a] of Object.entries(s.answers)) {
    n++;
    const g = out[i].parts[pid];
    if (g.review) {
      review++;
      const k = `REVIEW ${a.id}`;
      wrong[k] = (wrong[k] ?? 0) + 1;
      examples[k] ??= `${s.blocks
        .filter((b) => b.part === pid)
        .flatMap((b) => b.lines.map(strip))
        .join(' / ')}  ==> ${g.reasons.join(' | ')}`;
      continue;
    }
    if (Math.abs(g.score - a.score) < 0.01) right++;
    else {
      const k = `${a.id} got ${g.score} want ${a.score}`;
      wrong[k] = (wrong[k] ?? 0) + 1;
      examples[k] ??= `${s.blocks
        .filter((b) => b.part === pid)
        .flatMap((b) => b.lines.map(strip))
        .join(' / ')}  ==> ${g.reasons.join(' | ')}`;
    }
  }
});
let fTP = 0;
let fFN = 0;
let fFP = 0;
corpus.scripts.forEach((s, i) => {
  const want = new Set<string>(s.flags);
  if (s.similarTo) want.add('similarity');
  for (const f of want) {
    if (out[i].flags.includes(f as never)) fTP++;
    else {
      fFN++;
      console.log(
        `missed flag ${f} on ${s.file}${f === 'similarity' ? ` (pair ${s.similarTo})` : ''}: ${f === 'organisation' ? s.blocks.map((b) => b.part).join(',') : ''}`,
      );
    }
  }
  for (const f of out[i].flags)
    if (!want.has(f)) {
      fFP++;
      console.log(`extra flag ${f} on ${s.file}: ${out[i].flagReasons[f]}`);
    }
});
console.log(
  `parts ${n}: auto ${(((n - review) / n) * 100).toFixed(1)}%, right-when-auto ${((right / (n - review)) * 100).toFixed(1)}%`,
);
console.log(`flags: found ${fTP}/${fTP + fFN}, extra ${fFP}`);
for (const [k, c] of Object.entries(wrong).sort((a, b) => b[1] - a[1]))
  console.log(
    `${String(c).padStart(4)}  ${k}\n        ${examples[k].length > 700 ? `${examples[k].slice(0, 300)} … ${examples[k].slice(-400)}` : examples[k]}`,
  );
