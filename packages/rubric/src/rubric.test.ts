import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeBatch, gradeScript, loadRubric, parseRubric, RubricError, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const full = readFileSync(join(import.meta.dirname, 'fixtures/p-typed-full.txt'), 'utf8');
const grade = (text: string, opts = {}) => gradeScript(rubric, ctx, scriptFromText(text, opts)).grade;
const part = (id: string, body: string, opts = {}) => grade(`## ${id}\n${body}`, opts).parts[id];

describe('rubric file', () => {
  it('the seeded CT3 rubric loads and adds up to 20', () => {
    expect(rubric.parts.map((p) => p.id)).toEqual(exam.parts.map((p) => p.id));
    expect(rubric.parts.reduce((s, p) => s + p.points, 0)).toBe(20);
  });
  it('rejects a malformed rubric with the line and field', () => {
    const yaml =
      'exam: x\ntotal: 2\nparts:\n  - id: "a"\n    points: 1\n    items:\n      - { id: v, label: L, points: "one", type: value, shape: number, key: { literal: 1 } }\n';
    expect(() => parseRubric(yaml)).toThrow(RubricError);
    expect(() => parseRubric(yaml)).toThrow(/line 7: parts\[0\]\.items\[0\]\.points/);
  });
  it('reports points that do not add up', () => {
    const yaml =
      'exam: x\ntotal: 3\nparts:\n  - id: "a"\n    points: 2\n    items:\n      - { id: v, label: L, points: 1, type: value, shape: number, key: { literal: 1 } }\n';
    expect(() => parseRubric(yaml)).toThrow(/parts add up to 2, not the total 3/);
    expect(() => parseRubric(yaml)).toThrow(/line 5: parts\[0\]\.points: items of part a add up to 1/);
  });
});

describe('grading CT3', () => {
  it('a complete, worked script earns 20 with reasons and evidence', () => {
    const g = grade(full);
    expect(g.total).toBe(20);
    expect(Object.values(g.parts).every((p) => !p.review)).toBe(true);
    expect(g.parts['1b.i'].items[0].evidence[0].page).toBe(1);
  });
  it('1a: 0.5 per match, table and dash notation', () => {
    expect(part('1a', 'Variable Position\nft 3\nit 8\not 4\nCt 10\nCt-1 1\nC̃t 6').score).toBe(2);
  });
  it('1b.i: bare value 0, slip 0.5, wrong formula 0', () => {
    expect(part('1b.i', 'C_t = [0.7 0.2 0.05]').score).toBe(0);
    expect(part('1b.i', 'Ct = {1x0.2+1x0.5, 0.5x0.4+0x0, 0x0.8+0.5x0.1} = {0.7, 0.2, 0.5}').score).toBe(0.5);
    expect(part('1b.i', 'Ct = ft ⊙ Ct−1 = {1 × 0.2, 0.5 × 0.4, 0 × 0.8} = {0.2, 0.2, 0}').score).toBe(0);
  });
  it('1b.ii: error carried forward from the student’s own C_t', () => {
    const h = Math.tanh(0.2).toFixed(3);
    const g = grade(
      `## 1b.i\nCt = ft*Ct-1 = {1 × 0.2, 0.5 × 0.4, 0 × 0.8} = {0.2, 0.2, 0}\n## 1b.ii\nht = ot * tanh(Ct) = {1 × tanh(0.2), 0, 0} = {${h}, 0, 0}`,
    );
    expect(g.parts['1b.ii'].score).toBe(0.5);
  });
  it('2a: dot product forms accepted, additive score rejected', () => {
    expect(part('2a', 'e_kj = ⟨s_{k-1}, h_j⟩').score).toBe(1);
    expect(part('2a', 'ekj = hj · sk-1 (dot product)').score).toBe(1);
    expect(part('2a', 'e_kj = v^T tanh(W s_{k-1} + U h_j)').score).toBe(0);
  });
  it('2b: zero with a reason, zero bare, nonzero', () => {
    expect(part('2b', 'NONE - the dot product similarity has no weights to learn').score).toBe(1);
    expect(part('2b', '0').score).toBe(0);
    expect(part('2b', 'An extra matrix W_a of 3 x 3, so 9 more parameters').score).toBe(0);
  });
  it('3a/3b/3c: reasoning, alternatives and error carried forward', () => {
    expect(part('3a', 'W_f ∈ R^{3×5} because the concatenation [h_{t-1}, x_t] has 3 + 2 entries').score).toBe(
      1,
    );
    expect(part('3a', '3 by 5').score).toBe(0);
    expect(part('3b', 'b_f: (3,) -- one bias per hidden unit').score).toBe(1);
    expect(part('3c', '4 × 15 = 60').score).toBe(0.5);
    expect(part('3c', 'one gate: 3 × 5 + 3 = 18').score).toBe(0.5);
    const g = grade('## 3a\nW_f is 3 × 2\n## 3b\n3\n## 3c\n4 × (3 × 2 + 3) = 36');
    expect(g.parts['3c'].score).toBe(0.5);
  });
  it('4a: items follow the terms; cap without derivation', () => {
    const derivation =
      'By the chain rule through both paths, dh_t/dc_t = o_t * sech^2(c_t) and dc_{t+1}/dc_t = f_{t+1}';
    expect(
      part('4a', `${derivation}\ndL/dc_t = dL/dh_t * o_t * sech^2(c_t) + dL/dc_{t+1} * f_{t+1}`).score,
    ).toBe(5);
    expect(part('4a', `${derivation}\ndL/dc_t = dL/dh_t * o_t * sech^2(c_t) + dL/dc_{t+1} * f_t`).score).toBe(
      4,
    );
    expect(part('4a', `${derivation}\ndL/dc_t = dL/dh_t * o_t + dL/dc_{t+1} * f_{t+1}`).score).toBe(3);
    expect(part('4a', 'dL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 - tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}').score).toBe(2);
  });
  it('4b: concepts with negation and bare claims', () => {
    expect(
      part('4b', 'dL/dc_1 has the product of forget gates f_2 ... f_T; with f_t = 1 it does not vanish')
        .score,
    ).toBe(2);
    expect(part('4b', 'LSTMs solve the vanishing gradient problem.').score).toBe(0);
    expect(part('4b', 'LSTMs solve the vanishing gradient problem.').review).toBe(false);
    expect(part('4b', 'Even with forget gate = 1 the gradient still vanishes.').score).toBe(0);
  });
  it('5: per-item work, ECF from own output size, one count right', () => {
    expect(part('5', '199 × 199 × 3, 199 × 199 × 10, 3088878').score).toBe(0);
    const ecf =
      'depthwise output 200 × 200 × 3 (padding keeps the size, (200 + 2 - 4)/1 + 1)\npointwise output 200 × 200 × 10 with 1 x 1 filters\ntotal = 200 × 200 × 3 × 16 + 200 × 200 × 3 × 10 = 3,120,000';
    expect(part('5', ecf).items.map((i) => i.awarded)).toEqual([0, 0, 0.5]);
  });
  it('a part not found: 0, review only when text may have been missed', () => {
    expect(grade('## 1a\nf_t → 3').parts['4a'].review).toBe(false);
    const g = grade('## 1a\nf_t → 3', {
      unlabelled: ['dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}'],
    });
    expect(g.parts['4a'].reasons).toEqual(['no answer found for this part']);
    expect(g.parts['4a'].review).toBe(true);
  });
  it('garbled OCR text goes to review instead of a guess', () => {
    const p = part('4a', '@4 AD DL/DC, = DL/DH; * O, « M - TANHAC,>> * DL/DC,, *', {
      conf: 0.6,
      source: 'ocr',
    });
    expect(p.review).toBe(true);
  });
});

describe('wordings and notations from other hands', () => {
  it('1a by the question’s enumeration, in words, and a partial list', () => {
    expect(part('1a', '(i) 3   (ii) 4   (iii) 8   (iv) 10   (v) 1   (vi) 7').score).toBe(2.5);
    expect(
      part('1a', 'The forget gate ft is at 3, the input gate it is at 8, the output gate ot is at 4').score,
    ).toBe(0.5);
    const partial = part('1a', 'ft = 3, it = 4, ot = 8, Ct = 10');
    expect([partial.score, partial.review]).toEqual([2, false]);
  });
  it('a skipped part is 0 without review ("skipped", "skip", a note that time ran out)', () => {
    for (const t of ['skipped', 'skip', 'not attempted (ran out of time)', '(Could not finish in time.)']) {
      const p = part('3b', t);
      expect([p.score, p.review, p.reasons]).toEqual([0, false, ['not attempted']]);
    }
  });
  it('a note that time ran out beside an attempt is no skip', () => {
    const p = part(
      '4b',
      'ran out of time, but the product of forget gates is 1 so the gradient stays the same',
    );
    expect(p.reasons).not.toEqual(['not attempted']);
  });
  it('1b.ii: a right value from a wrong formula earns nothing, and a person confirms it', () => {
    const p = part('1b.ii', 'ht = ot * Ct = {1 · 0.6, 0 · 0.2, 0 · 0.05} = {0.6, 0, 0}');
    expect([p.score, p.review]).toEqual([0, true]);
    // the right formula with the same working is full credit, decided without a person
    const ok = part(
      '1b.ii',
      'ht = ot * tanh(Ct) = {1 · 0.6044, 0 · tanh(0.2), 0 · tanh(0.05)} = {0.6044, 0, 0}',
    );
    expect([ok.score, ok.review]).toEqual([1, false]);
  });
  it('1b.i: element-wise working said in words counts', () => {
    const words =
      'First entry: the forget gate is 1 so 0.2 is kept, and the input gate 1 adds 0.5, total 0.7.\nTherefore Ct = [0.7, 0.2, 0.05].';
    expect(part('1b.i', words).score).toBe(1);
  });
  it('3c: error carried forward uses the key for a blank 3b', () => {
    const g = grade(
      '## 3a\nW_f is 3 × 6 (one column for the bias)\n## 3c\nper gate: 3 × 6 = 18 weights + 3 biases = 21\n4 gates: 4 × 21 = 84',
    );
    expect(g.parts['3c'].score).toBe(0.5);
  });
  it('5: Indian grouping, floor brackets, and the total preferred over later parts of the sum', () => {
    const t =
      'Hout = ⌊(200 − 4 + 2)/1⌋ + 1 = 199\ndepthwise output 199 x 199 x 3\npointwise output 199 x 199 x 10 (10 filters of 1 x 1 x 3)\n' +
      'multiplications = 199 · 199 · 3 · (16 + 10) = 30,88,878 (depthwise 19,00,848, pointwise 11,88,030)';
    expect(part('5', t).score).toBe(3);
  });
  it('4a: diag(...) Jacobian form, and an expression broken across lines', () => {
    const t =
      'by the multivariable chain rule, dh_t/dc_t = diag(o_t * sech²(c_t))\ndL/dc_t = diag(o_t * sech²(c_t)) dL/dh_t + diag(f_{t+1})\ndL/dc_{t+1}';
    expect(part('4a', t).score).toBe(5);
  });
  it('2b: an explanation in the student’s own words', () => {
    expect(
      part(
        '2b',
        'Answer: 0. Each score only multiplies two existing hidden states, so nothing new is learned',
      ).score,
    ).toBe(1);
  });
});

describe('batch flags', () => {
  const wrong =
    '## 1a\nf_t → 3, i_t → 8, o_t → 4\n## 1b.i\nC_t = {1 × 0.2 + 1 × 0.5, 0.2, 0.05} = {0.7, 0.2, 0.5}\n' +
    '## 2b\nW_a of size 3 × 3, so 9 more parameters\n## 3a\nW_f is 3 × 2\n## 3c\n4 × (3 × 2 + 3) = 36\n' +
    '## 5\n(200 + 2 - 4)/1 + 1 = 199 so 199 × 199 × 3 and 199 × 199 × 10\n199 × 199 × 10 × 4 × 4 × 3 = 19,008,480';
  const correct = (k: number) => ({
    file: `ok${k}.pdf`,
    script: scriptFromText(`Name: S${k}\nRoll: 20CS1010${k}\n${full}`),
  });

  it('header, organisation, and similarity for a pair sharing unusual wrong answers', () => {
    const res = gradeBatch(rubric, ctx, [
      { file: 'a.pdf', script: scriptFromText(`Name: A\nRoll: 20CS10001\n${wrong}`) },
      { file: 'b.pdf', script: scriptFromText(`Name: B\nRoll: 20CS10002\n${wrong}`) },
      { file: 'c.pdf', script: scriptFromText(`Name: C\n${full}`, { issues: ['no roll number found'] }) },
      {
        file: 'd.pdf',
        script: scriptFromText(`Name: D\nRoll: 20CS10004\n${full}`, { occurrences: { '1b.i': 2 } }),
      },
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(correct),
    ]);
    expect(res.slice(0, 5).map((r) => r.flags)).toEqual([
      ['similarity'],
      ['similarity'],
      ['header'],
      ['organisation'],
      [],
    ]);
    expect(res[0].flagReasons.similarity).toMatch(/b\.pdf/);
    // scripts that merely share correct answers are not flagged
    expect(res.slice(4).every((r) => !r.flags.includes('similarity'))).toBe(true);
  });

  it('on a scan, no header or organisation finding from what OCR read unsurely', () => {
    const scan = (conf: number, labelConf: number) => {
      const s = scriptFromText(
        `Name: S\n## 3a\nW_f is 3 x 5 (3 + 2 = 5 inputs)\n## 2a\ne_kj = s_{k-1} . h_j\n## 3c\n72`,
        {
          conf,
          source: 'ocr',
          issues: ['no roll number found'],
        },
      );
      s.parts['2a'] = { ...s.parts['2a'], labelConf };
      return gradeBatch(rubric, ctx, [{ file: 's.pdf', script: s }])[0];
    };
    // a header read unsurely (0.8) may hold the roll OCR missed; a label guessed (0.6) may be 3b's
    expect(scan(0.8, 0.6).flags).toEqual([]);
    // read surely, a missing roll is missing, and question 3 answered apart is apart
    expect(scan(0.97, 1).flags).toEqual(['header', 'organisation']);
    // a student the roster matched does not make a course line OCR misread a course line left out
    const matched = scriptFromText('Name: Asha Verma\nRoll: 20CS10042\n## 3c\n72', {
      conf: 0.6,
      source: 'ocr',
      issues: ['no course line (CS60010 …) found'],
    });
    matched.header.match = { roll: '20CS10042', name: 'Asha Verma', distance: 0 };
    expect(gradeBatch(rubric, ctx, [{ file: 'm.pdf', script: matched }])[0].flags).toEqual([]);
  });

  it('a common mistake shared by many scripts is not evidence of copying', () => {
    const common =
      '## 3a\nW_f is 3 × 2\n## 3c\n4 × (3 × 2 + 3) = 36\n## 2b\n9 more parameters (W_a is 3 × 3)';
    const res = gradeBatch(
      rubric,
      ctx,
      [1, 2, 3, 4, 5, 6].map((k) => ({
        file: `c${k}.pdf`,
        script: scriptFromText(`Name: C\nRoll: 20CS1000${k}\n${common}`),
      })),
    );
    expect(res.some((r) => r.flags.includes('similarity'))).toBe(false);
  });

  it('many odd word sequences only two scripts share, beside one unusual wrong value, are flagged', () => {
    const prose =
      '## 4b\ndL/dc_1 = dL/dc_T · f_2 f_3 … f_T, the product of the forget gates; with f_t = 1 it is 1 so the gradient does not vanish. ' +
      'Think of the cell state as a long quiet river carrying a paper boat from the mountains down to the sea without ever sinking it anywhere along the way.';
    const wrong3c = '## 3c\n4 × 15 + 3 = 63 (the bias is added once at the cell)';
    const batch = (withValue: boolean) =>
      gradeBatch(rubric, ctx, [
        { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10051\n${prose}\n${wrong3c}`) },
        {
          file: 'q.pdf',
          script: scriptFromText(
            `Name: Q\nRoll: 20CS10052\n${prose}\n${withValue ? wrong3c : '## 3c\n4 × (15 + 3) = 72'}`,
          ),
        },
        ...[1, 2, 3, 4, 5, 6, 7, 8].map(correct),
      ]).map((r) => r.flags.includes('similarity'));
    expect(batch(true).slice(0, 3)).toEqual([true, true, false]);
    // (the words alone, every value their own, are two students of one class, as before)
    expect(batch(false).slice(0, 2)).toEqual([false, false]);
  });

  it('the same odd sentence in two scripts is flagged', () => {
    const odd =
      '## 1a\nft - 1, it - 2 (I matched these by following the arrows from the top-left, like reading a metro map.)';
    const res = gradeBatch(rubric, ctx, [
      { file: 'x.pdf', script: scriptFromText(`Name: X\nRoll: 20CS10011\n${odd}`) },
      {
        file: 'y.pdf',
        script: scriptFromText(`Name: Y\nRoll: 20CS10012\n## 4b\n?`, { unlabelled: [odd.slice(6)] }),
      },
      correct(1),
    ]);
    expect(res.map((r) => r.flags.includes('similarity'))).toEqual([true, true, false]);
  });

  it('a key to the script\'s own marks ("[ROUGH] = rough work, red = corrected") is no answer left unlabelled', () => {
    const flagsOf = (unlabelled: string[]) =>
      gradeBatch(rubric, ctx, [
        { file: 'k.pdf', script: scriptFromText(`Name: K\nRoll: 20CS10031\n${full}`, { unlabelled }) },
      ])[0].flags;
    expect(
      flagsOf([
        'Colour legend: green = final answer grey = rough work, not for grading red = corrected ~~x~~ =',
        'rejected.',
      ]),
    ).not.toContain('organisation');
    // (a correction left outside any label still is)
    expect(flagsOf(['I made a mistake above: C_t = [0.7, 0.2, 0.05] is the corrected value'])).toContain(
      'organisation',
    );
  });
  it('a part left "not attempted, time over" at the end is no answer out of order', () => {
    const order = ['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4b', '5'];
    const body = `${order.map((q) => `## ${q}\nsome answer to ${q}`).join('\n')}\n## 4a\nnot attempted, time over`;
    const res = gradeBatch(rubric, ctx, [
      { file: 'n.pdf', script: scriptFromText(`Name: N\nRoll: 20CS10032\n${body}`) },
    ]);
    expect(res[0].flags).not.toContain('organisation');
    const answered = body.replace('not attempted, time over', 'dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t)');
    expect(
      gradeBatch(rubric, ctx, [
        { file: 'm.pdf', script: scriptFromText(`Name: M\nRoll: 20CS10033\n${answered}`) },
      ])[0].flags,
    ).toContain('organisation');
  });
  it('a shared preamble beside answers read under their labels is a class convention, not copying', () => {
    // (a course's defined terms, written out alike by two students whose every answer was read)
    const terms =
      'Defined terms: CELL STATE (C_t), FORGET GATE VECTOR (FGV, f_t), INPUT GATE VECTOR (IGV, i_t), OUTPUT GATE VECTOR (OGV, o_t), CANDIDATE STATE (C~_t).';
    const res = gradeBatch(rubric, ctx, [
      { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10021\n${full}`, { unlabelled: [terms] }) },
      { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10022\n${full}`, { unlabelled: [terms] }) },
      correct(1),
    ]);
    expect(res.map((r) => r.flags.includes('similarity'))).toEqual([false, false, false]);
  });
});

describe('organisation: answers out of order', () => {
  const body = (qs: string[]) => qs.map((q) => `## ${q}\nsome answer to ${q}`).join('\n');
  const flags = (text: string, unlabelled: string[] = []) =>
    gradeBatch(rubric, ctx, [
      { file: 'o.pdf', script: scriptFromText(`Name: O\nRoll: 20CS10091\n${text}`, { unlabelled }) },
    ])[0];
  it("a question's parts answered apart are flagged; whole questions in another order are not", () => {
    // question 1's parts apart, question 3 between them: the reader hunts for 1(b)
    const apart = body(['1a', '3a', '3b', '3c', '1b.i', '1b.ii', '2a', '2b', '4a', '4b', '5']);
    expect(flags(apart).flags).toContain('organisation');
    expect(flags(apart).flagReasons.organisation).toMatch(/question 1/);
    expect(flags(apart, ['(Answers not in order)']).flags).not.toContain('organisation');
    // whole questions moved, each in one place and labelled: it reads plainly
    const moved = body(['3a', '3b', '3c', '1a', '1b.i', '1b.ii', '5', '2a', '2b', '4a', '4b']);
    expect(flags(moved).flags).not.toContain('organisation');
    expect(
      flags(body(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5'])).flags,
    ).not.toContain('organisation');
  });
  it('a script in two sections by the kind of work, each in the exam order, is not scattered (round 121)', () => {
    // (the numerical parts, then a "Discussion" heading closing question 5's answer, then the rest)
    const sheet = (heading: string) =>
      body(['1b.i', '1b.ii', '3a', '3b', '3c', '5', '1a', '2a', '2b', '4a', '4b']).replace(
        'some answer to 5',
        `some answer to 5\n${heading}`,
      );
    expect(flags(sheet('Discussion')).flags).not.toContain('organisation');
    expect(flags(sheet('Part II — Discussion')).flags).not.toContain('organisation');
    // (without the heading it is a question answered apart; a sentence's end is no heading)
    expect(flags(sheet('')).flags).toContain('organisation');
    expect(flags(sheet('Hence proved.')).flags).toContain('organisation');
  });
});

describe('organisation: an answer continued', () => {
  const body = (note: string) =>
    ['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']
      .map((q) => `## ${q}\nsome answer to ${q}${q === '3c' ? `\n${note}` : ''}`)
      .join('\n');
  const flags = (note: string) =>
    gradeBatch(rubric, ctx, [
      { file: 'c.pdf', script: scriptFromText(`Name: C\nRoll: 20CS10092\n${body(note)}`) },
    ])[0].flags;
  it('going on over the page is not scattered; a pointer to another place is', () => {
    expect(flags('-- contd. on next page --')).not.toContain('organisation');
    expect(flags('(first try, not full, see below)')).not.toContain('organisation');
    // a box pointing to the answer just above it (a web form's "see above") is one place
    expect(flags('see above')).not.toContain('organisation');
    // a page footer going on to the next page
    expect(flags('p.1 / contd. on p.2')).not.toContain('organisation');
    expect(flags('contd. on p.4')).toContain('organisation');
    // (written on page 1, going on on page 2: the next page, wherever the part stands)
    expect(flags('-- Q4 is long, contd. on p. 2 --')).not.toContain('organisation');
    expect(flags('Question 4 continued on page 2 →')).not.toContain('organisation');
    expect(flags('contd. on page 3')).toContain('organisation');
    // (a column's end pointing to the next column is the page's reading order)
    expect(flags('continued in column 2 →')).not.toContain('organisation');
    expect(flags('rest of this continued at the end')).toContain('organisation');
    expect(flags('see page 4 for the total')).toContain('organisation');
    // (the rest at the script's bottom: "boundary term and ∂L/∂h_t: (see bottom)")
    expect(flags('boundary term: (see bottom)')).toContain('organisation');
  });
});

describe('organisation: unlabelled text', () => {
  const flagsOf = (unlabelled: string[]) =>
    gradeBatch(rubric, ctx, [
      { file: 'u.pdf', script: scriptFromText(`Name: U\nRoll: 20CS10041\n${full}`, { unlabelled }) },
    ])[0].flags;
  it('a correction written outside any label is flagged; worked text the labels missed and a note to the examiner are not', () => {
    expect(
      flagsOf(['I made a mistake above: C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = (0.7, 0.2, 0.05)']),
    ).toContain('organisation');
    // (an introduction or a block whose label was missed: its part goes to a person, the script
    // is not called disorganised)
    expect(flagsOf(['a. e_kj = s_{k-1}^T W_a h_j, so the extra parameters are d × d'])).not.toContain(
      'organisation',
    );
    expect(
      flagsOf([
        '(Note: I use a decimal comma throughout, so 0,5 means one half.)',
        'Respected Sir, herewith I am giving my answers to all the questions.',
      ]),
    ).not.toContain('organisation');
    // (rough work the student struck out is no answer: "ignore" there corrects nothing)
    expect(
      flagsOf([
        '~~ROUGH~~ ~~—~~ ~~ignore~~ ~~199~~ ~~×~~ ~~199~~ ~~=~~ ~~39601~~ ~~;~~ ~~×~~ ~~48~~ ~~=~~ ~~1900848~~',
        '~~200~~ ~~×~~ ~~200~~ ~~×~~ ~~30~~ ~~=~~ ~~1200000~~ ~~sum~~ ~~3100848~~',
      ]),
    ).not.toContain('organisation');
  });
});

/** The files of a batch flagged `similarity`. */
const flaggedSimilar = (res: { file: string; flags: string[] }[]) =>
  res.filter((r) => r.flags.includes('similarity')).map((r) => r.file);

describe('similarity from copied sentences alone', () => {
  // a copier who redid the arithmetic shares no wrong value, only the words of a wrong answer
  const q5 = (words: string) =>
    `## 5\n${words}\nso the output is 200 × 200 × 3 and the total is 200 × 200 × 48 + 200 × 200 × 30 = 3,120,000`;
  const copied =
    'the padding of one pixel on every side keeps the picture exactly as wide as it was before, because the filter eats precisely the border that padding put back, so nothing at all shrinks here';
  const others = [1, 2, 3, 4, 5, 6].map((k) => ({
    file: `o${k}.pdf`,
    script: scriptFromText(
      `Name: O${k}\nRoll: 20CS1002${k}\n${q5(`student ${k} computed it their own way number ${k}`)}`,
    ),
  }));
  it('many odd word sequences in a wrong answer, found in no other script, are flagged', () => {
    const res = gradeBatch(rubric, ctx, [
      { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10031\n${q5(copied)}`) },
      { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10032\n${q5(`In short, ${copied}.`)}`) },
      ...others,
    ]);
    expect(flaggedSimilar(res)).toEqual(['p.pdf', 'q.pdf']);
  });
  it('the same short phrases of one class, with no copied sentence and no shared value, are not flagged', () => {
    // seventeen word sequences no other script has, in an answer that lost marks, but no run of more
    // than seven words and no wrong value shared
    const phrases = (w: string[]) =>
      `## 4b\nafter the depthwise step ${w[0]}; the weighted sum are all fixed ${w[1]}; the last step there next cell ${w[2]}; parameters the dot product the softmax and ${w[3]}; the second and the third ${w[4]}; one minus tanh squared ${w[5]}; each output element needs ${w[0]}; after the pointwise step ${w[1]}; every filter slides along ${w[2]}`;
    const res = gradeBatch(rubric, ctx, [
      {
        file: 'p.pdf',
        script: scriptFromText(
          `Name: P\nRoll: 20CS10033\n${phrases(['apples', 'pears', 'plums', 'figs', 'limes', 'dates'])}`,
        ),
      },
      {
        file: 'q.pdf',
        script: scriptFromText(
          `Name: Q\nRoll: 20CS10034\n${phrases(['rivers', 'hills', 'lakes', 'roads', 'fields', 'woods'])}`,
        ),
      },
      ...others,
    ]);
    expect(flaggedSimilar(res)).toEqual([]);
  });
  it('wrong values a few share, with the same words in a right answer, flag the two who share both', () => {
    const wrongs =
      '## 3c\n4 × (3 × 7 + 3) = 96\n## 5\n(200 + 2 − 4)/2 + 1 = 100, total = 100 × 100 × 48 + 100 × 100 × 30 = 780,000\n## 1b.i\nC_t = [0.9, 0.33, 0.71]';
    const said =
      '## 4b\ndL/dc_1 = dL/dc_T ∏ f_t and with f_t = 1 the cell state behaves like a long quiet river carrying every ripple back unchanged, so the gradient does not vanish';
    const own = (k: number) =>
      `## 4b\ndL/dc_1 = dL/dc_T ∏ f_t; student ${k} says with f_t = 1 the gradient does not vanish at all`;
    // a class of 100: the wrong values are six students' (not rare enough alone), the words two's
    const res = gradeBatch(rubric, ctx, [
      { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10051\n${wrongs}\n${said}`) },
      { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10052\n${wrongs}\n${said}`) },
      ...[0, 1, 2, 3].map((k) => ({
        file: `r${k}.pdf`,
        script: scriptFromText(`Name: R${k}\nRoll: 20CS1007${k}\n${wrongs}\n${own(100 + k)}`),
      })),
      ...Array.from({ length: 94 }, (_, k) => ({
        file: `o${k}.pdf`,
        script: scriptFromText(`Name: O${k}\nRoll: 20CS1${String(k).padStart(4, '0')}\n${full}\n${own(k)}`),
      })),
    ]);
    expect(flaggedSimilar(res)).toEqual(['p.pdf', 'q.pdf']);
  });
  const theirOwn = (k: number) =>
    `## 2b\n0 extra parameters, since student ${k} sees no weights in a dot product`;
  /** p and q share `wrongs` and write `p`/`q` in 2(b); ten others answer right, each in their own words. */
  const pairWithWords = (wrongs: string, p: string, q: string) =>
    flaggedSimilar(
      gradeBatch(rubric, ctx, [
        { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10061\n${wrongs}\n${p}`) },
        { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10062\n${wrongs}\n${q}`) },
        ...Array.from({ length: 10 }, (_, k) => ({
          file: `o${k}.pdf`,
          script: scriptFromText(`Name: O${k}\nRoll: 20CS1008${k}\n${full}\n${theirOwn(k)}`),
        })),
      ]),
    );
  it('two wrong values only two share, with a dozen copied words in a right answer, flag them; the values alone do not', () => {
    const wrongs =
      '## 3c\nonly 3 real gates (the candidate is not a gate): 3 × (15 + 3) = 54\n## 5\nout = (200 - 4 + 2)/1 = 198, total = 198 × 198 × 48 + 198 × 198 × 30 = 3,057,912';
    const words =
      '## 2b\n0 extra parameters: the dot product is a free lunch, it re-weights what the encoder already computed and the decoder keeps its shape';
    expect(pairWithWords(wrongs, words, words)).toEqual(['p.pdf', 'q.pdf']);
    expect(pairWithWords(wrongs, theirOwn(90), theirOwn(91))).toEqual([]);
  });
  it('three or more unusual wrong values, two parts theirs alone, with eight copied word sequences, flag them', () => {
    const wrongs =
      '## 3c\nonly 3 real gates (the candidate is not a gate): 3 × (15 + 3) = 54\n## 5\nout = (200 - 4 + 2)/1 = 198, so 198 × 198 × 3 and 198 × 198 × 10, total = 198 × 198 × 48 + 198 × 198 × 30 = 3,057,912';
    const words = '## 2b\n0 extra parameters: a free lunch for the decoder, truly';
    expect(pairWithWords(wrongs, words, words)).toEqual(['p.pdf', 'q.pdf']);
    expect(pairWithWords(wrongs, theirOwn(90), theirOwn(91))).toEqual([]);
  });
  it("three unusual wrong values in three parts and hardly a word in common are weak students' slips, not copying", () => {
    const slips = (k: number) =>
      `## 1b.i\nC_t = {1 × 0.2 + 1 × 0.5, 0.2, 0.5} = {0.7, 0.2, 0.5} by student ${k}\n## 3c\nstudent ${k}: 4 × 15 + 3 = 63\n## 2b\nW_a of size 3 × 3, so 9 more parameters, says student ${k}`;
    const res = gradeBatch(rubric, ctx, [
      { file: 'p.pdf', script: scriptFromText(`Name: P\nRoll: 20CS10065\n${slips(1)}`) },
      { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10066\n${slips(2)}`) },
      ...Array.from({ length: 10 }, (_, k) => ({
        file: `o${k}.pdf`,
        script: scriptFromText(`Name: O${k}\nRoll: 20CS1007${k}\n${full}`),
      })),
    ]);
    expect(flaggedSimilar(res)).toEqual([]);
  });
  it('a short shared phrase is not', () => {
    const short = 'the border that padding put back';
    const res = gradeBatch(rubric, ctx, [
      {
        file: 'p.pdf',
        script: scriptFromText(`Name: P\nRoll: 20CS10031\n${q5(`my reason: ${short}, I think`)}`),
      },
      { file: 'q.pdf', script: scriptFromText(`Name: Q\nRoll: 20CS10032\n${q5(`since ${short} fully`)}`) },
      ...others,
    ]);
    expect(res.some((r) => r.flags.includes('similarity'))).toBe(false);
  });
});

describe('pdfTeX text layers (testkit latex scripts)', () => {
  it('2a: s_{k-1}^T h_j with the transpose extracted first', () => {
    expect(part('2a', 'ekj = s⊤k−1hj').score).toBe(1);
    expect(part('2a', 'ekj = h⊤j sk−1').score).toBe(1);
    // the additive score is still not a dot product
    expect(part('2a', 'ekj = v⊤tanh(W sk−1 + U hj)').score).toBe(0);
  });
  it('4a: inline fractions side by side', () => {
    const body = [
      'ct reaches L via ht and via ct+1, so by the chain rule',
      'dL/dct = dL/dhtdht/dct + dL/dct+1dct+1/dct',
      'ht = ot. ∗ tanh(ct) ⇒ dht/dct = ot. ∗ (1 - (tanh(ct))2)',
      'ct+1 = ft+1. ∗ ct + it+1. ∗ C̃t+1 ⇒ dct+1/dct = ft+1',
      'Therefore dL/dct = dL/dht. ∗ ot. ∗ (1 - (tanh(ct))2) + dL/dct+1. ∗ ft+1',
    ].join('\n');
    expect(part('4a', body).score).toBe(5);
  });
  it('4b: the product sign on a line of its own still states the product', () => {
    const body =
      'QT\n∂L/∂c1 = ∂L/∂cT t=2 ft+ (terms through ht)\nWith ft = 1 the product remains 1, but the gradient still vanishes through the tanh terms.';
    expect(part('4b', body).score).toBe(1);
  });
  it('1b.ii: \\circ read as ◦ is the element-wise product', () => {
    const body = 'ht = ot ◦ tanh(Ct)\n= [1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)]\n= [0.6044, 0, 0]';
    expect(part('1b.ii', body).score).toBe(1);
  });
});

describe('pdfTeX text layers, continued', () => {
  it('1b.ii: a multiplication x glued to its number before tanh is still working shown', () => {
    const body = 'ht = ot ◦ tanh(Ct)\n= {1x tanh(0.7), 0x tanh(0), 0x tanh(0.4)}\n= {0.6044, 0, 0}';
    expect(part('1b.ii', body).score).toBe(1);
    // the bare value is still 0
    expect(part('1b.ii', 'ht = {0.6044, 0, 0}').score).toBe(0);
  });
  it('2a: a sum sign on a line of its own above the sum over components', () => {
    const body = '∑\nekj = m sk−1,mhj,m i.e. the dot product of sk−1 and hj';
    expect(part('2a', body).score).toBe(1);
  });
  it('4b: limits glued to the factor (t=2ft) after a product sign on its own line', () => {
    const body =
      'Q\n∂L/∂c1 ∝ Tt=2ft (cell path)\nft = 1 ⇒ product = 1 ⇒ gradient does not decay with T ⇒ no vanishing gradient';
    expect(part('4b', body).score).toBe(2);
  });
});

describe('similarity: the same wrong values in four parts and a copied sentence', () => {
  // zm-03 and zm-07: wrong 1(a) positions, W_f 3 × 2 and its 36 that a few others also wrote, 198
  // only these two wrote, and one odd sentence in an answer that lost marks
  const common =
    '## 1a\nf_t → 5, i_t → 7, o_t → 9, C_t → 12\n## 2b\nW_a is 3 × 3, so 9 more parameters\n' +
    '## 3a\nW_f is 3 × 2\n## 3c\n4 × (3 × 2 + 3) = 36\n';
  const theirs =
    '## 5\n(200 + 2 - 4)/1 = 198 so 198 × 198 × 3 and then 198 × 198 × 10\n198 × 198 × 48 + 198 × 198 × 30 = 3,057,912\n';
  const odd = '## 4b\nthe forget gate behaves like a leaky old copper bucket';
  const script = (file: string, k: number, body: string) => ({
    file,
    script: scriptFromText(`Name: S${k}\nRoll: 20CS1030${k}\n${body}`),
  });
  const batch = (pair: string) => [
    script('a.pdf', 1, common + theirs + pair),
    script('b.pdf', 2, common + theirs + pair),
    ...[3, 4, 5].map((k) => script(`c${k}.pdf`, k, common)),
    ...[6, 7, 8, 9, 10, 11, 12].map((k) => script(`ok${k}.pdf`, k, full)),
  ];
  it('is flagged; without the sentence it is not', () => {
    expect(flaggedSimilar(gradeBatch(rubric, ctx, batch(odd)))).toEqual(['a.pdf', 'b.pdf']);
    expect(flaggedSimilar(gradeBatch(rubric, ctx, batch('## 4b\n?')))).toEqual([]);
  });
});

describe('organisation: answers numbered on past the exam’s questions (round 72)', () => {
  const flagsOf = (unlabelled: string[]) =>
    gradeBatch(rubric, ctx, [
      { file: 'r.pdf', script: scriptFromText(`Name: R\nRoll: 20CS10043\n${full}`, { unlabelled }) },
    ])[0];
  it('"Ans-9", "Ans-10", "A11." in place of part labels are flagged; a number within the exam’s questions, or a value, is not', () => {
    const ten = flagsOf([
      'Ans-9',
      'dL/dc_1 = dL/dc_T · f_2 ⋯ f_T',
      'Ans-10',
      'Depthwise: (200 - 4 + 2)/1 + 1 = 199',
    ]);
    expect(ten.flags).toContain('organisation');
    expect(ten.flagReasons.organisation).toMatch(/numbered 9, 10/);
    expect(flagsOf(['A7. b_f is 3 x 1', 'A11. dL/dc_1 = dL/dc_T · f_2 ⋯ f_T']).flags).toContain(
      'organisation',
    );
    expect(flagsOf(['Ans-3', 'W_f is 3 x 5']).flags).not.toContain('organisation');
    // (an answer's value after a colon is no running number, nor a count past the exam's parts)
    expect(flagsOf(['Ans: 18', 'Ans: 72']).flags).not.toContain('organisation');
    expect(flagsOf(['Ans 18', 'Ans 72']).flags).not.toContain('organisation');
    // (a sentence with a number in it is no running label)
    expect(flagsOf(['A 10 % saving over a standard convolution']).flags).not.toContain('organisation');
  });
});

describe('organisation: a summary of final answers after the working (round 73)', () => {
  it('a part met again only as a summary’s row is not answered in two places; a second answer still is', () => {
    const script = scriptFromText(`Name: R\nRoll: 20CS10043\n${full}\n199 x 199 ; total 3,088,878`, {
      occurrences: { '5': 2 },
    });
    const flagged = () =>
      gradeBatch(rubric, ctx, [{ file: 's.pdf', script: structuredClone(script) }])[0].flags.includes(
        'organisation',
      );
    expect(flagged()).toBe(true);
    script.parts['5'].summaryRows = 1;
    expect(flagged()).toBe(false);
  });
});
