// The batch grader grades on a helper thread and the calling thread together: the grades are the
// ones grading each script here gives (batch flags included), and a thread that dies mid-batch
// loses no script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { gradeBatch, parseRubric, scriptFromText } from '@grader/rubric';
import { describe, expect, it } from 'vitest';
import { createBatchGrader } from './batch-grader.ts';
import { loadGradingCore } from './core.ts';
import { type GradeThread, type GradeThreadReply, gradeThreads } from './grade-thread.ts';
import { withAnswerValues } from './values.ts';

const exam = loadExam('cs60010-ct3');
const yaml = readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8');
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };

// 90 scripts that differ in what they got right, and one copied pair (similarity across the batch)
const copiedText = [
  '## 1b.i',
  'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t = [0.9, 0.33, 0.71] because the gates overlap like tiles',
  '## 3c',
  '4 × (3 × 7 + 3) = 96 since the bias rides along with every gate twice over',
  '## 5',
  '(200 + 2 − 4)/2 + 1 = 100, so the total is 100 × 100 × 3 × 16 + 100 × 100 × 30 = 780,000',
];
const scripts = Array.from({ length: 90 }, (_, i) => {
  const pad = i % 3;
  const size = 200 - 4 + 2 * pad + 1;
  const own = [
    '## 1b.i',
    `C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t = [${i % 2 ? '0.7' : '0.2'}, 0.2, 0.05]`,
    '## 3a',
    i % 4 ? 'W_f is 3 × 5 since [h_{t-1}, x_t] has 3 + 2 = 5 entries' : '5 x 3',
    '## 3c',
    `4 × (3 × 5 + 3) = ${i % 5 ? 72 : 60}`,
    '## 5',
    `(200 + 2·${pad} − 4)/1 + 1 = ${size}, depthwise ${size} × ${size} × 3`,
    `total = ${size} * ${size} * 3 * 16 + ${size} * ${size} * 30`,
  ];
  const body = i === 10 || i === 70 ? copiedText : own;
  const text = [`Name: Student ${i}`, `Roll: 21CS1${String(i).padStart(4, '0')}`, ...body].join('\n');
  return { file: `s${i}.pdf`, script: scriptFromText(text) };
});
// what `prepare` stores per script: the grade with each part's values read in its answer
const expected = gradeBatch(parseRubric(yaml), ctx, scripts).map((g, i) =>
  withAnswerValues(g, scripts[i].script),
);

async function viaBatchGrader(threads: () => GradeThread[]) {
  const b = createBatchGrader(exam, {}, yaml, { threads });
  for (const s of scripts) b.add(s.script, s.file);
  return (await b.finish()).map((g) => g.grade);
}

describe('batch grader', () => {
  it("the core's warm-up starts the helper threads with their modules loaded, before any batch", async () => {
    process.env.GRADING_THREADS = '1';
    (await loadGradingCore()).warmUp?.();
    const until = Date.now() + 30_000;
    while (!gradeThreads()[0]?.ready && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(gradeThreads()[0]?.ready).toBe(true);
  }, 60_000);

  it('a helper thread grades part of the batch; the grades equal grading each script here', async () => {
    process.env.GRADING_THREADS = '1';
    let byThread = 0;
    const counted = () =>
      gradeThreads().map((t) => {
        t.listen((m: GradeThreadReply) => {
          if (m.type === 'graded') byThread++;
        });
        return t;
      });
    // the first batch may finish before the thread has started: run until it took part
    let got = await viaBatchGrader(counted);
    for (let k = 0; k < 5 && byThread === 0; k++) {
      await new Promise((r) => setTimeout(r, 500));
      got = await viaBatchGrader(counted);
    }
    expect(byThread).toBeGreaterThan(0);
    expect(got).toEqual(expected);
    expect(got.find((g) => g.file === 's10.pdf')?.flags).toContain('similarity');
  }, 60_000);

  it('an edit regraded from the stored gradings (on the thread too) gives the grades of a full regrade', async () => {
    process.env.GRADING_THREADS = '1';
    // one credit of 4a moved: the other parts are kept from what was stored
    const edited = yaml.replace(
      '{ expr: "dL/dc_{t+1} * f_t", credit: 1,',
      '{ expr: "dL/dc_{t+1} * f_t", credit: 1.5,',
    );
    expect(edited).not.toBe(yaml);
    const first = createBatchGrader(exam, {}, yaml);
    for (const s of scripts) first.add(s.script, s.file);
    // as stored: through JSON
    const stored = JSON.parse(JSON.stringify(await first.finish())) as Awaited<
      ReturnType<typeof first.finish>
    >;
    const full = createBatchGrader(exam, {}, edited);
    for (const s of scripts) full.add(s.script, s.file);
    let byThread = 0;
    const kept = createBatchGrader(exam, {}, edited, {
      previous: { yaml, parameters: {} },
      threads: () =>
        gradeThreads().map((t) => {
          t.listen((m: GradeThreadReply) => {
            if (m.type === 'graded') byThread++;
          });
          return t;
        }),
    });
    scripts.forEach((s, i) => {
      kept.add(s.script, s.file, { parts: stored[i].grade.parts, readings: stored[i].readings });
    });
    const [want, got] = [await full.finish(), await kept.finish()];
    expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(want)));
    expect(byThread).toBeGreaterThan(0);
    // other parameters: nothing can be kept, and nothing wrong is (a full regrade)
    const other = createBatchGrader(exam, { '3.hidden': 4 }, edited, { previous: { yaml, parameters: {} } });
    const fresh = createBatchGrader(exam, { '3.hidden': 4 }, edited);
    scripts.forEach((s, i) => {
      other.add(s.script, s.file, { parts: stored[i].grade.parts, readings: stored[i].readings });
      fresh.add(s.script, s.file);
    });
    expect(await other.finish()).toEqual(await fresh.finish());
  }, 60_000);

  it('a thread that dies with scripts in hand: the caller grades them, none is lost', async () => {
    let gone: (() => void) | null = null;
    let listener: ((m: GradeThreadReply) => void) | null = null;
    let taken = 0;
    const dying: GradeThread = {
      ready: true,
      post(msg) {
        if (msg.type !== 'grade') return;
        taken++;
        if (msg.index === 1) listener?.({ type: 'failed', batch: msg.batch, index: 1, error: 'boom' });
        if (taken === 3) setImmediate(() => gone?.());
      },
      listen(fn) {
        listener = fn;
        return () => {};
      },
      onGone(fn) {
        gone = fn;
        return () => {};
      },
      ref() {},
      unref() {},
    };
    const got = await viaBatchGrader(() => [dying]);
    expect(taken).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });
});
