// A rubric edit regrades only what it can change: which parts an edit leaves alone, and that keeping
// them gives exactly the grades a full regrade gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeScript, parseRubric, scriptFromText, unchangedParts } from './index.ts';

const exam = loadExam('cs60010-ct3');
const yaml = readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8');
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const before = parseRubric(yaml);
const ALL = before.parts.map((p) => p.id);
const edit = (from: string | RegExp, to: string) => {
  const out = yaml.replace(from, to);
  expect(out).not.toBe(yaml);
  return parseRubric(out);
};
const EDITS = {
  // one credit of 4a's recursive term
  credit4a: edit('{ expr: "dL/dc_{t+1} * f_t", credit: 1,', '{ expr: "dL/dc_{t+1} * f_t", credit: 1.5,'),
  // 3a's transposed-convention credit: 3c carries 3a's value forward, so it is graded again too
  transposed3a: edit(/(transposed:\s*\n\s*credit: )1/, '$10.5'),
  // 3c's carried-forward credit: 3a and 3b are kept, and 3c reads their values from what was kept
  ecf3c: edit(/(args: \{ w: \{ answer: "3a" \}[^\n]*\n\s*credit: )0\.5/, '$10.25'),
  // an item label: only its part (placing answers reads a label's long numbers only)
  label3a: edit('label: "W_f is {{3a|dims}}"', 'label: "W_f has shape {{3a|dims}}"'),
};

// a value's names: where answers are placed by content may change, so everything is graded again
const NAMES3A = edit('names: ["W_f"]', 'names: ["W_f", "W"]');
// a parameter edit: the input size of question 3 (3a's and 3c's keys and wording change, 3b's do not)
const ctx4 = {
  keys: computeKeys(exam, { '3.input': 3 }),
  params: examParameters(exam, { '3.input': 3 }),
  reviewThreshold: exam.reviewThreshold,
};
// the hidden size: 3c's total (112) is a long number in its label, which placing answers reads
const ctxHidden = {
  keys: computeKeys(exam, { '3.hidden': 4 }),
  params: examParameters(exam, { '3.hidden': 4 }),
  reviewThreshold: exam.reviewThreshold,
};
const regraded = (after: ReturnType<typeof parseRubric>, c = ctx) => {
  const kept = unchangedParts(before, ctx, after, c);
  return ALL.filter((id) => !kept.has(id));
};

describe('the parts an edit leaves alone', () => {
  it('an edit of one part: every other part', () => {
    expect(regraded(EDITS.credit4a)).toEqual(['4a']);
    expect(regraded(EDITS.label3a)).toEqual(['3a', '3c']);
  });
  it('a part others carry forward: it and what builds on it are graded again', () => {
    expect(regraded(EDITS.transposed3a)).toEqual(['3a', '3c']);
  });
  it('a parameter: the parts whose keys or wording it changes, and what builds on them', () => {
    expect(regraded(parseRubric(yaml), ctx4)).toEqual(['3a', '3c']);
  });
  it('names that placing answers reads, another review threshold, or another exam: nothing is kept', () => {
    expect(regraded(NAMES3A)).toEqual(ALL);
    expect(regraded(parseRubric(yaml), ctxHidden)).toEqual(ALL);
    expect(regraded(parseRubric(yaml), { ...ctx, reviewThreshold: 0.9 })).toEqual(ALL);
    expect(regraded({ ...EDITS.credit4a, exam: 'other' })).toEqual(ALL);
  });
  it('no edit: every part', () => {
    expect(regraded(parseRubric(yaml))).toEqual([]);
  });
});

// scripts that differ where the edits bite: 4a's recursive term, 3a's transposed shape with 3c
// carried forward from it, an unread 1b.i that 1b.ii builds on, a blank part
const SCRIPTS = [
  '## 3a\nW_f is 5 × 3 (I multiply x^T W, row vector convention) since 3 + 2 = 5\n## 3c\n4 × (5 × 3 + 3) = 72',
  '## 3a\n5 x 3\n## 3b\n3\n## 3c\n4*(15+3) = 72',
  '## 3a\nW_f is 3 × 6 since h is 3 and x is 3, 3 + 3 = 6\n## 3b\nb_f is 3 (one per hidden unit)\n## 3c\n4 × (3 × 6 + 3) = 84',
  '## 4a\ndL/dc_t = dL/dc_{t+1} ⊙ f_{t+1} + dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t))',
  '## 4a\ndL/dc_t = dL/dc_{t+1} * f_t',
  '## 1b.i\nC_t = something I could not finish\n## 1b.ii\nh_t = o_t ⊙ tanh(C_t) = [0.5, 0, 0]',
  '## 1b.i\nC_t = f ⊙ C_{t-1} + i ⊙ C̃ = [0.7, 0.2, 0.05]\n## 1b.ii\nh_t = [1·tanh(0.7), 0, 0] = [0.604, 0, 0]\n## 5\n',
].map((t, i) => scriptFromText(t, { file: `s${i}.pdf` }));

describe('kept parts give the grades of a full regrade', () => {
  const cases: [string, ReturnType<typeof parseRubric>, typeof ctx][] = [
    ...Object.entries(EDITS).map(([name, after]) => [name, after, ctx] as [string, typeof after, typeof ctx]),
    ['input size 3', parseRubric(yaml), ctx4],
  ];
  for (const [name, after, c] of cases)
    it(name, () => {
      const unchanged = unchangedParts(before, ctx, after, c);
      let differs = 0;
      for (const s of SCRIPTS) {
        const old = gradeScript(before, ctx, s);
        // as stored: through JSON
        const stored = JSON.parse(JSON.stringify({ parts: old.grade.parts, readings: old.readings }));
        const full = gradeScript(after, c, s);
        const kept = gradeScript(after, c, s, undefined, { unchanged, ...stored });
        expect(JSON.parse(JSON.stringify(kept))).toEqual(JSON.parse(JSON.stringify(full)));
        if (!isDeepStrictEqual(full.grade.parts, old.grade.parts)) differs++;
      }
      // the edits do move grades here, so keeping the rest is not trivially right
      expect(differs).toBeGreaterThan(0);
    });
});
