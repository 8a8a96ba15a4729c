// A script's own glossary, read with its answers: sizes defined once and used as symbols, numbered
// assumptions an answer cites. (Forms seen in the free-form corpus's round 43, written afresh.)
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeScript, loadRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const grade = (glossary: string[], text: string) =>
  gradeScript(rubric, ctx, scriptFromText(text, { unlabelled: glossary })).grade.parts;

describe('a script’s glossary of sizes', () => {
  const glossary = ['Notation', 'H = hidden / cell size = 3        D = input size = 2'];

  it('an answer worked in the glossary’s symbols shows its reasoning: "W_f : H x (H + D) = 3 x 5"', () => {
    const parts = grade(glossary, '## 3a\nW_f : H x (H + D) = 3 x 5\n## 3b\nb_f : H (3 x 1)');
    expect([parts['3a'].score, parts['3a'].review]).toEqual([1, false]);
    // (one letter alone, "b_f : H", is a reason only through the definition elsewhere: the course's
    // graders split on it, ADJUDICATION.md Round 106, so a person reads it)
    expect([parts['3b'].score, parts['3b'].review]).toEqual([1, true]);
    expect(parts['3b'].reasons.join(' ')).toContain('size letter the script defines elsewhere');
  });

  it('a size given its value in a conventions line, "k := 3 (cell size)", is the script’s symbol too', () => {
    const parts = grade(
      ['Conventions: k := 3 (cell size), n := 2 (input size)'],
      '## 3a\nW_f ∈ R^{k × (k + n)} = R^{3 × 5}',
    );
    expect([parts['3a'].score, parts['3a'].review]).toEqual([1, false]);
  });

  it('without the glossary the same symbols are no reasoning', () => {
    const parts = grade([], '## 3a\nW_f : H x (H + D) = 3 x 5\n## 3b\nb_f : H (3 x 1)');
    expect(parts['3a'].score).toBe(0);
    expect(parts['3b'].score).toBe(0);
  });

  it('a symbol the model owns (h, x) is never taken for a size, and one that names nothing is left alone', () => {
    const parts = grade(['h = hidden size = 3', 'q = learning rate'], '## 3a\nW_f : h x (h + q) = 3 x 5');
    expect(parts['3a'].score).toBe(0);
  });
});

describe('a script’s numbered assumptions', () => {
  const glossary = [
    'Assumptions',
    '1. W_f is written input-dim × output-dim (as in code, x·W).',
    '2. Biases are parameters.',
  ];

  it('an answer citing one is read with it: "By assumption 1, W_f is 5 × 3" states the transposed convention', () => {
    const body = '## 3a\nBy assumption 1, W_f is 5 × 3 ([h_{t-1}, x_t] has 3 + 2 = 5 entries, f_t has 3).';
    expect(grade(glossary, body)['3a']).toMatchObject({ score: 1, review: false });
    // (one that cites none, or cites another, is read alone)
    expect(grade(glossary, body.replace('By assumption 1, ', ''))['3a'].score).toBe(0);
    expect(grade(glossary, body.replace('assumption 1', 'assumption 2'))['3a'].score).toBe(0);
  });
});
