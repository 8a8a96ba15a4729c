// Benchmark: grading one parsed script, and regrading 1,000 stored parsed scripts after a rubric change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { gradeBatch, gradeScript, loadRubric, parseRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const text = readFileSync(join(import.meta.dirname, 'fixtures/p-typed-full.txt'), 'utf8');
// stored extractions as they come back from the database: JSON
const stored = Array.from({ length: 1000 }, (_, i) =>
  JSON.stringify(scriptFromText(text, { file: `s${i}.pdf` })),
);
for (let i = 0; i < 20; i++) gradeScript(rubric, ctx, JSON.parse(stored[i]));
// wall time depends on what else runs on the machine; CPU time of this process much less
let t = performance.now();
let cpu = process.cpuUsage();
const n = 200;
for (let i = 0; i < n; i++) gradeScript(rubric, ctx, JSON.parse(stored[i]));
const one = (performance.now() - t) / n;
const oneCpu = process.cpuUsage(cpu).user / 1000 / n;
// a rubric change: 3c's 60 alternative now earns 0.75
const changed = parseRubric(
  readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8').replace(
    'value: 60, credit: 0.5',
    'value: 60, credit: 0.75',
  ),
);
t = performance.now();
cpu = process.cpuUsage();
gradeBatch(
  changed,
  ctx,
  stored.map((s, i) => ({ file: `s${i}.pdf`, script: JSON.parse(s) })),
);
const regrade = performance.now() - t;
const regradeCpu = process.cpuUsage(cpu).user / 1000;
console.log('| measure | wall | CPU (user) |\n|---|---|---|');
console.log(`| grade one parsed script | ${one.toFixed(2)} ms | ${oneCpu.toFixed(2)} ms |`);
console.log(
  `| regrade 1,000 stored scripts after a rubric change (JSON parse, grade, batch flags) | ${(regrade / 1000).toFixed(2)} s | ${(regradeCpu / 1000).toFixed(2)} s |`,
);
