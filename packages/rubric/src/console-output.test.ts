// Working typed at an R console and pasted into the answer (round 111's statistics students).
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { consoleWorking } from './console-output.ts';
import { gradeScript, loadRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const grade = (text: string) => gradeScript(rubric, ctx, scriptFromText(text)).grade.parts;

describe('console working', () => {
  it('reads prompts, assignments and printed results as equations', () => {
    expect(consoleWorking(['> per_gate <- 3*5 + 3', '> 4 * per_gate', '[1] 72'])).toEqual([
      '  per_gate = 3*5 + 3',
      '  4 * per_gate',
      '= 72',
    ]);
    expect(consoleWorking(['h_t', '[1] 0.6043678 0.0000000 0.0000000'])[1]).toBe(
      '= [0.6043678, 0.0000000, 0.0000000]',
    );
    // (a line that states its own value is not the command R printed for)
    expect(consoleWorking(['weights only: 4 * 15 = 60', '[1] 72'])[1]).toBe('72');
    // (a quotation's ">" and an arrow back are left alone)
    expect(consoleWorking(['> In 1(b) you said: 72', '72 <- no'])).toEqual([
      '> In 1(b) you said: 72',
      '72 <- no',
    ]);
  });

  it("credits arithmetic whose value R printed below it, and R's c(…) as a vector", () => {
    const p = grade(
      [
        '## 3c',
        '# 4 blocks: forget, input, output, candidate. each = W (3x5) + b (3)',
        '4 * (3*5 + 3)',
        '[1] 72',
        '## 1b.i',
        'C_t <- c(1*0.2 + 1*0.5, 0.5*0.4 + 0*0, 0*0.8 + 0.5*0.1)',
        '> C_t',
        '[1] 0.70 0.20 0.05',
        '## 3a',
        '[h_{t-1}, x_t] has length 3 + 2 = 5, f_t has length 3.',
        'dim(W_f) == c(3, 5)    # nrow = 3, ncol = 5',
      ].join('\n'),
    );
    expect(p['3c']).toMatchObject({ score: 1, review: false });
    expect(p['1b.i']).toMatchObject({ score: 1, review: false });
    expect(p['3a']).toMatchObject({ score: 1, review: false });
  });
});

describe('a right value a console printed, with no working read', () => {
  it('goes to a person: its commands may compute it from vectors set in another answer (nt-07)', () => {
    const p = grade(
      ['## 1b.ii', 'h_t <- o_t * tanh(C_t)', 'h_t', '[1] 0.6043678 0.0000000 0.0000000'].join('\n'),
    );
    expect(p['1b.ii']).toMatchObject({ score: 0, review: true });
    expect(p['1b.ii'].reasons.join(' ')).toMatch(/printed by a console/);
    // (a bare value typed by hand is the student's own: no working, no marks)
    expect(grade(['## 1b.ii', 'h_t = [0.6044, 0, 0]'].join('\n'))['1b.ii']).toMatchObject({
      score: 0,
      review: false,
    });
  });
});

describe('what an arrow on says was crossed out', () => {
  it('is neither the answer nor its working (round 111: "= 72 -> crossed, then 4 x 15 = 60")', () => {
    const p = grade(
      [
        '## 3c',
        'The biases are not weights, so only the matrices: W_f, W_i, W_o, W_C each 3 x 5 = 15',
        'total = 4(15 + 3) = 72 -> crossed, then 4 x 15 = 60',
        '## 5',
        'out = (200 - 4 + 2)/1 + 1 = 197 -> crossed, then 199',
        'after depthwise 199 x 199 x 3, after pointwise 199 x 199 x 10',
        'mults = 199*199*3*16 = 1,900,848 and 199*199*3*10 = 1,164,270 -> crossed, then 1,188,030',
        'total 3,088,878',
      ].join('\n'),
    );
    expect(p['3c']).toMatchObject({ score: 0.5, review: false });
    expect(p['5']).toMatchObject({ score: 3, review: false });
  });
});
