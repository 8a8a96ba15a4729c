// The evidence behind a `similarity` flag, for the side-by-side view: what the pair shares, judged
// on the batch with the flag's own rules (a mistake many scripts make is not listed as unusual).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { loadRubric, scriptFromText, similarityEvidence } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const full = readFileSync(join(import.meta.dirname, 'fixtures/p-typed-full.txt'), 'utf8');

describe('similarity evidence of a pair', () => {
  const wrong =
    '## 1b.i\nC_t = {1 × 0.2 + 1 × 0.5, 0.2, 0.05} = {0.7, 0.2, 0.5}\n## 3a\nW_f is 3 × 2\n' +
    '## 3c\n4 × (3 × 2 + 3) = 36\n## 2b\nI matched these by following the arrows from the top-left like a metro map so 9';
  const correct = (k: number) => ({
    file: `ok${k}.pdf`,
    script: scriptFromText(`Name: S${k}\nRoll: 20CS1010${k}\n${full}`),
  });
  const batch = [
    { file: 'a.pdf', script: scriptFromText(`Name: A\nRoll: 20CS10001\n${wrong}`) },
    { file: 'b.pdf', script: scriptFromText(`Name: B\nRoll: 20CS10002\n${wrong}`) },
    ...[1, 2, 3, 4, 5, 6].map(correct),
  ];

  it('lists the wrong values both wrote (with how many scripts wrote each) and their odd sentences', () => {
    const ev = similarityEvidence(rubric, ctx, batch, 0, 1);
    expect(ev.values.length).toBeGreaterThan(0);
    expect(ev.values.every((v) => v.scripts === 2)).toBe(true);
    expect(new Set(ev.values.map((v) => v.partId))).toContain('3c');
    expect(ev.values.map((v) => v.value).join(' ')).toMatch(/36/);
    expect(ev.sentences).toContain('following the arrows from');
    // symmetric, and nothing shared with a correct script
    expect(similarityEvidence(rubric, ctx, batch, 1, 0)).toEqual(ev);
    expect(similarityEvidence(rubric, ctx, batch, 0, 2)).toEqual({ values: [], sentences: [] });
  });
});
