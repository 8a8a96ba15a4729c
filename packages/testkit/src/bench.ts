import { planCorpus } from './corpus.ts';
import { renderScriptPdf } from './render/pdf.ts';
import { FORMATS } from './script.ts';

// npm run bench -w @grader/testkit: time to plan and render scripts, per format
const N = Number(process.argv[2] ?? 4);
const rows: string[] = ['format   scripts  ms/script  pages/script  KB/script'];
for (const f of FORMATS) {
  const c = planCorpus({ seed: 99, count: N, formats: [f] });
  let ms = 0;
  let pages = 0;
  let bytes = 0;
  for (const s of c.scripts) {
    const t = performance.now();
    const pdf = await renderScriptPdf(s);
    ms += performance.now() - t;
    pages += (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    bytes += pdf.length;
  }
  rows.push(
    `${f.padEnd(8)} ${String(N).padStart(7)}  ${(ms / N).toFixed(0).padStart(9)}  ${(pages / N).toFixed(1).padStart(12)}  ${(bytes / N / 1024).toFixed(0).padStart(9)}`,
  );
}
const t = performance.now();
planCorpus({ seed: 1, count: 200 });
rows.push(`planning 200 scripts (no rendering): ${(performance.now() - t).toFixed(0)} ms`);
console.log(rows.join('\n'));
