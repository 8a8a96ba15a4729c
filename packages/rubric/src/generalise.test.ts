// Grading from what a student computed and wrote, in any notation; sending to a person what the
// grader could not follow. Each case is a form seen in free-form scripts (packages/testkit/freeform),
// written here in words other than the corpus's.
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeScript, loadRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const grade = (text: string) => gradeScript(rubric, ctx, scriptFromText(text)).grade;
const part = (id: string, body: string) => grade(`## ${id}\n${body}`).parts[id];
const item = (id: string, body: string, itemId: string) => part(id, body).items.find((i) => i.id === itemId)!;

describe('work found from the arithmetic itself', () => {
  it('an evaluated vector of tanh values is working for h_t', () => {
    const p = part('1b.ii', 'h_t = [1·tanh(0.7), 0·tanh(0.2), 0·tanh(0.05)] = [0.604, 0, 0]');
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('the output-size arithmetic in any order and spelling is working', () => {
    for (const w of [
      '(200 − 4 + 2)/1 + 1 = 199',
      '(200+2·1−4)/1+1 = 199',
      '\\dfrac{200+2\\cdot 1-4}{1}+1 = 199',
    ]) {
      const i = item('5', `spatial size ${w}, so the depthwise output is 199 x 199 x 3`, 'depthwise');
      expect(i.awarded, w).toBe(1);
    }
  });
  it("the key's own intermediate values written on the way are working (18 per gate, tanh of C_t)", () => {
    expect(
      part('3c', 'four layers\nper layer: 3 by 5 plus 3, i.e. 3*5 + 3 = 18\nall together 72'),
    ).toMatchObject({ score: 1, review: false });
    const p = part(
      '1b.ii',
      'h_t = o_t ⊙ tanh(C_t)\ntanh(C_t) is (0.6044, 0.1974, 0.0500)\nh_t = (0.6044, 0, 0)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    // an intermediate that is not the key's (a wrong per-gate count) is not working for a right 72
    expect(part('3c', 'per layer 3*5 + 2 = 17\nall together 72').score).toBe(0);
  });
  it('a vector set equal to another quantity after the answer is not the answer ("since o_t = …")', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t ∘ tanh(C_t) = (1·tanh 0.7, 0·tanh 0.2, 0·tanh 0.05) = (0.604, 0, 0) because o_t = (1, 0, 0) removes the rest',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('a part with no answer whose quantities another answer holds goes to a person; a common symbol does not count', () => {
    const g = grade(
      '## 4b\nf = 1 so the gradient does not vanish\nV) depthwise output 199 × 199 × 3, pointwise 199 × 199 × 10',
    );
    expect(g.parts['5']).toMatchObject({ score: 0, review: true });
    // 1(b) writes f_t and C_t, 1(a)'s symbols: 1(a) unanswered stays a confident "no answer"
    const h = grade(
      '## 1b.i\nC_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = {1 × 0.2 + 1 × 0.5, 0.5 × 0.4 + 0 × 0, 0 × 0.8 + 0.5 × 0.1} = {0.7, 0.2, 0.05}',
    );
    expect(h.parts['1a']).toMatchObject({ score: 0, review: false });
  });
  it('two counts in one answer ("no extra weights (0) … n attention weights") go to a person', () => {
    const p = part(
      '2b',
      'No extra weights are needed (0), because the dot product is parameter-free. We only store n attention weights for each decoder step.',
    );
    expect(p.review).toBe(true);
  });
  it('the right count written before its working is never a confident 0 for a step read after it', () => {
    // (72 stated first, the 60 and the 12 it adds up worked out below it: the answer, with its working)
    const p = part('3c', '72\nWf, Wi, Wo, WC: 4 × 15 = 60 weights; + 4 × 3 = 12 biases');
    expect([p.score, p.review]).toEqual([1, false]);
    // and a wrong value stays a confident 0 when the right one is nowhere in the part
    expect(part('3c', '4 × 15 = 60 weights in all').review).toBe(false);
  });
  it('a boxed result, or one restated after its equation, is the answer', () => {
    const p = part(
      '3c',
      'per gate 15 + 3 = 18 and there are 4 gates\n4 x 18 = ... 72\n┌────┐\n│ 72 │\n└────┘',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('bare shapes and a bare total are not working: a confident 0', () => {
    const p = part('5', '199x199x3, 199x199x10, 3088878');
    expect([p.score, p.review]).toEqual([0, false]);
  });
  it('digit groups with spaces, thin spaces or Indian commas are one number', () => {
    const body = (t: string) =>
      `depthwise 199 × 199 × 3 × 16 = 1,900,848\npointwise 199 × 199 × 3 × 10 = 1,188,030\ntotal = ${t}`;
    for (const t of ['3 088 878', '3\\,088\\,878', '30,88,878'])
      expect(item('5', body(t), 'multiplications').awarded, t).toBe(1);
  });
  it('working toward a carried-forward total counts (its own two counts)', () => {
    const p = part(
      '5',
      'output (200 + 1 - 4)/1 + 1 = 198, so 198 x 198 x 3\npointwise 198 x 198 x 10\ndw = 198 · 198 · 3 · 16 = 1,881,792\npw = 198 · 198 · 3 · 10 = 1,176,120\ntotal 3,057,912 multiplications',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(0.5);
  });
  it('a rounded restatement after the exact total is not read as the answer', () => {
    const i = item(
      '5',
      'dw = 199 × 199 × 48 = 1,900,848, pw = 199 × 199 × 30 = 1,188,030\nTotal = 1,900,848 + 1,188,030 = 3,088,878 ≈ 3.09 million',
      'multiplications',
    );
    expect(i.awarded).toBe(1);
  });
});

describe('notation', () => {
  it('bracket subscripts, a spaced full stop for the dot product', () => {
    expect(part('2a', 'e_kj = s_(k-1)^T h_j').score).toBe(1);
    expect(part('2a', 'e_kj = s_(k-1) . h_j').score).toBe(1);
    expect(part('2a', 'e_kj = s_k^T h_j i.e. the dot product of the two states').score).toBe(1);
  });
  it('δc_t and del L / del c_t are dL/dc_t; bracket subscripts in the recursion', () => {
    const derivation =
      'h_t = o_t * tanh(c_t) and c_(t+1) = f_(t+1) * c_t + i_(t+1) * C~_(t+1), by the chain rule:\n';
    expect(part('4a', `${derivation}δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_(t+1) ⊙ f_(t+1)`).score).toBe(
      5,
    );
    expect(
      part(
        '4a',
        `${derivation}del L/del c_t = del L/del h_t * o_t * (1 - tanh(c_t)^2) + del L/del c_(t+1) * f_(t+1)`,
      ).score,
    ).toBe(5);
  });
  it('bold letters and LaTeX macros that survive in text', () => {
    expect(part('2a', '\\boxed{e_{kj} = \\mathbf{s}_{k-1}^\\top \\mathbf{h}_j}').score).toBe(1);
    expect(part('2a', 'e_kj = 𝐬_{k-1} · 𝐡_j').score).toBe(1);
  });
  it('a product of forget gates written out, with ∏, or as prod', () => {
    const ok = (t: string) => item('4b', t, 'product').awarded;
    expect(ok('∂L/∂c_1 = ∂L/∂c_T · f_T f_{T-1} ⋯ f_2, so with all f = 1 nothing shrinks')).toBe(1);
    expect(ok('dL/dc_1 = dL/dc_T prod_{k=2}^{T} f_k')).toBe(1);
    expect(ok('dL/dc_1 = dL/dc_T * f_{T} * ... * f_{2}')).toBe(1);
    expect(ok('the forget gate f_t = 1 keeps memory')).toBe(0);
  });
});

describe('abstain when the grader does not understand', () => {
  it('a right value with working it cannot evaluate goes to a person, not a confident 0', () => {
    const p = part('3c', 'each gate: W is 3 by 5 and b is 3, four gates, so 72');
    expect(p.review).toBe(true);
  });
  it('an explanation in which no idea of the rubric is recognised goes to a person', () => {
    const p = part(
      '4b',
      'The cell acts like a conveyor belt: whatever is written on the belt at the first step rides along to the end untouched, so the update to early weights is as strong as to late ones.',
    );
    expect([p.score, p.review]).toEqual([0, true]);
  });
  it('one idea stated in a sentence and another that leaves marks, none of which stands: the absence is sure', () => {
    // (a product of forget gates cannot be said without a product's signs: "∏", "multiplied", "1 · 1")
    const said =
      'In an LSTM the cell state carries information forward through time, with the gates deciding what to keep. If f_t = 1 for every step, the gradient does not vanish as it goes back from c_T to c_1, so early inputs still get a signal over long sequences.';
    expect(part('4b', said)).toMatchObject({ score: 1, review: false });
    // a mark of a product in words the grader does not read: a person reads it
    expect(part('4b', said.replace('what to keep', 'what to keep, multiplied in at each step')).review).toBe(
      true,
    );
    // the idea recognised only across two sentences: a person reads it
    const apart =
      'In an LSTM the cell state carries information forward through time, with the gates deciding what to keep. Suppose f_t = 1 for every step of the sequence. Then going back from c_T to c_1, the gradient does not vanish, so early inputs still get a signal over long sequences.';
    expect(part('4b', apart).review).toBe(true);
    // a sentence stating it about something other than the gradient ("the cell state passes as it is")
    const cell =
      'In an LSTM the cell state carries information forward through time, with the gates deciding what to keep. When f_t = 1 the cell state passes to the next step as it is, so the long term information is remembered over long sequences.';
    expect(part('4b', cell).review).toBe(true);
  });
  it('a bare claim stays a confident 0', () => {
    expect(part('4b', 'LSTM solves vanishing gradients.').review).toBe(false);
  });
  it('an expression with a term the rubric does not describe goes to a person', () => {
    const p = part(
      '4a',
      'By the chain rule dL/dc_t = dL/dh_t * o_t * (1 - tanh(c_t)^2) + dL/dc_{t+1} * W_c * h_t',
    );
    expect(p.review).toBe(true);
  });
  it('a known slip is graded with confidence (the direct path without the tanh derivative)', () => {
    const p = part(
      '4a',
      'dL/dc_t = dL/dh_t * dh_t/dc_t + dL/dc_{t+1} * dc_{t+1}/dc_t = dL/dh_t * o_t + dL/dc_{t+1} * f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('a derivation only named in words ("by the chain rule", "c_t feeds h_t and c_{t+1}") goes to a person', () => {
    // markers read it both ways (a derivation, or the final expression alone, capped at 2)
    for (const intro of [
      'By the chain rule along the two paths:',
      'c_t goes to h_t and also to c_{t+1}, so',
    ]) {
      const p = part('4a', `${intro}\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}`);
      expect(p.review, intro).toBe(true);
      expect(p.reasons.join(' ')).toMatch(/only named/);
    }
    // its steps written (the relations it goes through): derived, with confidence
    const w = part(
      '4a',
      'h_t = o_t ⊙ tanh(c_t), c_{t+1} = f_{t+1} ⊙ c_t + i_{t+1} ⊙ g_{t+1}, so\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}',
    );
    expect([w.score, w.review]).toEqual([5, false]);
    // a local derivative written after the path it belongs to
    const l = part(
      '4a',
      'c_t → h_t   ∂h_t/∂c_t = o_t ⊙ (1 − tanh²(c_t))\nc_t → c_{t+1}   ∂c_{t+1}/∂c_t = f_{t+1}\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}',
    );
    expect([l.score, l.review]).toEqual([5, false]);
  });
});

describe('answers placed by their content', () => {
  it('1(b) answered as one block fills 1b.i and 1b.ii', () => {
    const g = grade(
      '## 1b.i\nC_t = f_t * C_{t-1} + i_t * C~_t = [1*0.2 + 1*0.5, 0.5*0.4 + 0*0, 0*0.8 + 0.5*0.1] = [0.7, 0.2, 0.05]\nh_t = o_t * tanh(C_t) = [1*tanh(0.7), 0, 0] = [0.604, 0, 0]',
    );
    expect(g.parts['1b.i'].score).toBe(1);
    expect(g.parts['1b.ii'].score).toBe(1);
  });
});

describe('each part is graded on its own answer (as the course grades)', () => {
  it('a bare 3(b) earns 0 even when 3(a) explains the hidden size', () => {
    const g = grade('## 3a\n[h_{t-1}, x_t] has 3 + 2 = 5 entries and f_t has 3, so W_f is 3 x 5\n## 3b\n3');
    expect(g.parts['3a'].score).toBe(1);
    expect(g.parts['3b'].score).toBe(0);
  });
  it('3(b) stating the size of the state it is added to earns 1', () => {
    expect(part('3b', 'b_f ∈ R^3 because h_t ∈ R^3').score).toBe(1);
    expect(part('3b', 'b_f in R3').score).toBe(0);
  });
});

describe('1(a) in the layouts students use', () => {
  it('a table set across, and a name with a note before its position', () => {
    expect(part('1a', 'Variable ft it ot Ct Ct-1 C̃t\nPosition 3 4 8 10 1 6').score).toBe(3);
    expect(
      part('1a', 'i. ft (the first sigmoid, into the top ×) 3\nii. it (the second sigmoid) 4').score,
    ).toBe(1);
  });
  it('numerals with arrows', () => {
    expect(part('1a', 'i -> 3, ii -> 4, iii -> 8, iv -> 10, v -> 1, vi -> 6').score).toBe(3);
  });
});

describe('"no answer found" is confident only when there is truly nothing', () => {
  it('a bare "5." inside the previous answer sends the missing part to a person', () => {
    const g = grade('## 4b\nf = 1 keeps it\n5.\n199 x 199 x 3');
    expect(g.parts['5'].review).toBe(true);
    expect(grade('## 4b\nf = 1 keeps it').parts['5'].review).toBe(false);
  });
});

describe('what a student computed, read as they wrote it', () => {
  it('an implication arrow ends one statement: the size computed before it is working', () => {
    const i = item('5', 'depthwise: n = (200 + 2(1) − 4)/(1) + 1 = 199 ⇒ 199 × 199 × 3', 'depthwise');
    expect(i.awarded).toBe(1);
  });
  it('a count is right only when the student’s own result is (the expression may evaluate to the key)', () => {
    const p = part(
      '5',
      'size (200+2-4)/1+1 = 199 so 199 x 199 x 3 and pointwise 199 x 199 x 10 (10 filters)\ndw = 199^2 × 16 × 3 = 39 401 × 48 = 1 891 248\npw = 199^2 × 3 × 10 = 39 401 × 30 = 1 182 030\ntotal 3 073 278',
    );
    expect(p.items.find((x) => x.id === 'multiplications')?.awarded).toBe(0);
  });
  it('a shape named by a cue in brackets after it belongs to that cue', () => {
    const p = part(
      '5',
      'n = (200 + 2 - 4)/1 + 1 = 199; ten 1x1x3 filters\nsizes: 199 × 199 × 3 (depthwise), 199 × 199 × 10 (pointwise)',
    );
    expect(p.items.map((x) => x.awarded).slice(0, 2)).toEqual([1, 1]);
  });
  it('a shape inside a bracketed aside is not the answer', () => {
    const p = part(
      '3a',
      'W_f is 3 × 5 (a 3×2 block for x_t beside a 3×3 block for h, since [h, x] has 3 + 2 = 5)',
    );
    expect(p.score).toBe(1);
  });
  it('a vector given as one number is not an element-wise slip', () => {
    const p = part('1b.i', 'C_t = f_t . C_{t-1} + i_t . C~_t = (0.2 + 0.2 + 0) + (0.5 + 0 + 0.05) = 0.95');
    expect(p.score).toBe(0);
  });
  it('a formula with a constant in it is read as a formula (and here the wrong one)', () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_{t-1} + (1 − f_t) ⊙ C~_t = (0.2, 0.2, 0) + (0, 0, 0.1) = (0.2, 0.2, 0.1)',
    );
    expect([p.score, p.review]).toEqual([0, false]);
  });
  it('the value a line assigns to another quantity is not this part’s answer', () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)\nh_t = o_t ⊙ tanh(C_t) = (1, 0, 0) ⊙ (0.6044, 0.1974, 0.05)',
    );
    expect(p.score).toBe(1);
  });
  it('the two paths of c_t named in words are not capped as a bare expression (a person decides)', () => {
    const p = part(
      '4a',
      'c_t feeds both h_t and c_{t+1}, so\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([5, true]);
  });
  it('a denial of another product does not deny the product of forget gates', () => {
    const i = item(
      '4b',
      'dL/dc_1 = dL/dc_T ∏ f_t; with f = 1 the error reaches c_1 undamped (no product of W diag(σ′) terms as in an RNN)',
      'product',
    );
    expect(i.awarded).toBe(1);
  });
});

describe('work written somewhere the grader does not grade it: a person looks', () => {
  it('h_t computed in a table under 1(b)(i) and stated bare under (ii)', () => {
    const g = grade(
      '## 1b.i\nk C tanh(C) o h\n1 0.7 0.6044 1 0.6044\n2 0.2 0.1974 0 0\n3 0.05 0.05 0 0\nC_t = [0.7, 0.2, 0.05]\n## 1b.ii\nh_t = [0.6044, 0, 0]',
    );
    expect([g.parts['1b.ii'].score, g.parts['1b.ii'].review]).toEqual([1, false]);
    // with no such working anywhere, the bare answer is a confident 0
    const bare = grade('## 1b.i\nC_t = [0.7, 0.2, 0.05]\n## 1b.ii\nh_t = [0.6044, 0, 0]');
    expect([bare.parts['1b.ii'].score, bare.parts['1b.ii'].review]).toEqual([0, false]);
    // h_t itself computed under 1(b)(i) and restated under (ii): its working, credited
    const there = grade(
      '## 1b.i\nC_t = [0.7, 0.2, 0.05]\nh_t = o_t ⊙ tanh(C_t) = [1·tanh(0.7), 0·tanh(0.2), 0·tanh(0.05)] = [0.604, 0, 0]\n## 1b.ii\nh_t = [0.604, 0, 0]',
    );
    expect([there.parts['1b.ii'].score, there.parts['1b.ii'].review]).toEqual([1, false]);
    // a reason for 3(a) given only under 3(b) does not count (each keeps to its own label)
    const q3 = grade(
      '## 3a\nW_f is 3 × 5\n## 3b\n[h, x] has 3 + 2 = 5 entries, W_f 3 × 5; b_f is 3 × 1, one per unit',
    );
    expect(q3.parts['3a'].score).toBe(0);
  });
  it('a correction written outside the answers names the part', () => {
    const text = '## 1b.i\nC_t = (1×0.2+1×0.5, 0.5×0.4+0×0, 0.8+0.5×0.1) = (0.7, 0.2, 0.85)';
    const note = 'In 1(b)(i) above I forgot that f = 0 for the third unit: C_t = (0.7, 0.2, 0.05)';
    const g = gradeScript(rubric, ctx, scriptFromText(text, { unlabelled: [note] })).grade;
    expect(g.parts['1b.i'].review).toBe(true);
    expect(grade(text).parts['1b.i'].review).toBe(false);
  });
});

describe('the answer, not the steps or asides around it', () => {
  it('a number in a bracketed aside is not the answer', () => {
    const p = part(
      '3c',
      'four matrices of 3 × 5: 4 × 15 = 60 weights.\n(The biases add another 4 × 3 = 12 numbers, but those are not weights.)',
    );
    expect(p.items[0].awarded).toBe(0.5);
  });
  it('a shape named for another quantity is not this one’s ("W_f : 3 × 5, b_f : 3 × 1")', () => {
    expect(part('3a', 'z = [h, x] has 3 + 2 = 5 entries ⇒ W_f : 3 × 5, b_f : 3 × 1').score).toBe(1);
    expect(
      part(
        '3a',
        'W_f is 3x2 (for x_t), and the h part U_f is 3x3. Together (concatenated) it is 3x5, as [h, x] has 3 + 2 = 5',
      ).score,
    ).toBe(1);
  });
  it('steps that compute other quantities are not C_t (`tanh(C_t) = …`, an equation broken after `=`)', () => {
    const p = part(
      '1b.i',
      'f_t ⊙ C_{t-1} = {1×0.2, 0.5×0.4, 0×0.8} = {0.2, 0.2, 0}\ni_t ⊙ C~_t = {1×0.5, 0×0, 0.5×0.1} = {0.5, 0, 0.05}\nC_t = {0.7, 0.2, 0.05}\ntanh(C_t) = {0.604, 0.197, 0.05}; h_t =\n{0.604, 0, 0}',
    );
    expect(p.score).toBe(1);
  });
  it('an unspaced full stop between indexed symbols is a product (`ft.Ct-1`)', () => {
    const p = part('1b.i', 'Ct = ft.Ct-1 + it.C̃t\n= {0.2, 0.2, 0} + {0.5, 0, 0.5}\n= {0.7, 0.2, 0.5}');
    expect(p.score).toBe(0.5);
  });
});

describe('typed shorthand', () => {
  it('contractions without apostrophes and "w/o" are read as words', () => {
    const i = item('4b', 'if f = 1 then dL/dc_1 = dL/dc_T, so the gradient doesnt vanish', 'no_vanish');
    expect(i.awarded).toBe(1);
    expect(item('4b', 'f = 1 => the gradient comes back to c_1 w/o decay', 'no_vanish').awarded).toBe(1);
  });
  it('a spaced x between symbols is a product sign in a formula; a right value under a formula read as wrong goes to a person', () => {
    const p = part(
      '1b.i',
      'C_t = f_t x C_{t-1} + i_t x C~_t = (1×0.2 + 1×0.5, 0.5×0.4 + 0×0, 0×0.8 + 0.5×0.1) = (0.7, 0.2, 0.05)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    const q = part(
      '1b.i',
      'C_t = f_t + C_{t-1} * i_t = (1×0.2 + 1×0.5, 0.5×0.4 + 0×0, 0×0.8 + 0.5×0.1) = (0.7, 0.2, 0.05)',
    );
    expect(q.review).toBe(true);
    expect(part('2a', 'Answer: e_kj = s_k x h_j')).toMatchObject({ score: 1, review: false });
  });
});

describe('4b: f = 1 read backwards', () => {
  it('"f_t = 1 … forgets the previous state" is the opposite of the idea; f_t = 0 forgetting is not', () => {
    const wrong = part(
      '4b',
      'When ft = 1 the forget gate forgets the previous cell state, so old gradients are removed and there is no vanishing gradient.',
    );
    expect(wrong.items.find((i) => i.id === 'no_vanish')?.awarded).toBe(0);
    const right = part(
      '4b',
      'If f_t = 0 the gate forgets the old state; with f_t = 1 nothing is forgotten, so the gradient does not vanish.',
    );
    expect(right.items.find((i) => i.id === 'no_vanish')?.awarded).toBe(1);
  });
});

describe('an answer given two ways', () => {
  it('the key only as a case set aside ("if biases are counted it would be … = 72") goes to a person', () => {
    const p = part(
      '3c',
      'Counting only the W matrices: 4 × (3 × 5) = 60.\n(If biases are also counted it would be 60 + 12 = 72.)',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/given two ways: 60/);
    // "nothing extra … a weight for each state … So n extra parameters": two readings, a person's call
    expect(
      part(
        '2b',
        'Without attention nothing extra is needed. With attention we need a\nweight for each encoder state. So n extra parameters.',
      ),
    ).toMatchObject({ score: 0, review: true });
    // what the student marks as the final answer is the answer ("first try: d … better answer: 0")
    expect(
      part(
        '2b',
        'first try: d extra parameters (size of the context)\nbetter answer: 0, the dot product and softmax have nothing to learn',
      ),
    ).toMatchObject({ score: 1, review: false });
    // the key carried on into a result with a symbol ("P_total = T · P_step = 72 T"): a person reads it
    expect(part('3c', 'Pstep = 4 (3 · 5 + 3) = 4 · 18 = 72.\nPtotal = T · Pstep = 72 T.').review).toBe(true);
    // 60 as a step towards 72 is working, not a second answer
    expect(part('3c', '4 × 15 = 60 weights, plus 4 × 3 = 12 biases, total 60 + 12 = 72')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('4b: the product of forget gates as students write it', () => {
  it('written out as ones, with ∏ and its limits, in words, or as pdfTeX leaves ∏ (a Q)', () => {
    for (const w of [
      'dL/dc_1 = dL/dc_T * 1 * 1 * ... * 1 = dL/dc_T',
      '∂L/∂c1 contains ∂L/∂cT multiplied by 1 × 1 × ... × 1 = 1',
      '∂L/∂c1 has the term ∂L/∂cT · ∏t=2..T ft',
      'the factor multiplying dL/dcT is a product of ones',
      '∂L/∂c1 = ∂L/∂cT QTt=2 ft + (local terms)',
    ])
      expect(item('4b', `With f_t = 1: ${w}. So the gradient does not vanish.`, 'product').awarded, w).toBe(
        1,
      );
    // a 1 × 1 convolution is no product of gates
    expect(item('4b', 'f_t = 1 so the gradient does not vanish; a 1 × 1 conv', 'product').awarded).toBe(0);
  });
});

describe("the student's own shorthand for a derivative", () => {
  it("δ_t := ∂L/∂c_t, D_t = dL/dc_t, pdfTeX δct, δ_t≔…: read in the rubric's terms at any index", () => {
    const relations = 'h_t = o_t tanh(c_t), c_{t+1} = f_{t+1} c_t + i_{t+1} g_{t+1}';
    for (const w of [
      `Let δ_t := ∂L/∂c_t. ${relations}\nδ_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δ_{t+1} ⊙ f_{t+1}`,
      `Write D_t = dL/dc_t. Since ${relations}, D_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + D_{t+1} * f_{t+1}`,
      `Write δct = ∂L/∂ct, δht = ∂L/∂ht. Since ${relations},\nδct = δht ⊙ ot ⊙ (1 − tanh^{2}(ct)) + δct+1 ⊙ ft+1`,
      // Word's equation editor: "≔", bracketed subscripts
      `Let δ_t≔∂L/∂c_t and g_t≔∂L/∂h_t. ${relations}\nδ_t=g_t⊙o_t⊙(1−tanh^2(c_t))+δ_(t+1)⊙f_(t+1)`,
    ])
      expect(part('4a', w), w).toMatchObject({ score: 5, review: false });
    // a model symbol is never taken as a shorthand
    expect(part('4a', 'h_t = dL/dc_t\nh_t = 2').score).toBe(0);
  });
});

describe('the formula as students type it', () => {
  it('gates without their time index, ⊙ typed as (.), a subscript without braces (C_t-1)', () => {
    for (const f of ['f_t (.) C_t-1 + i_t (.) C~_t', 'f ⊙ C_{t-1} + i ⊙ C̃', 'f * C_t-1 + i * C~']) {
      const p = part('1b.i', `C_t = ${f}\n= {0.2, 0.2, 0} + {0.5, 0, 0.05}\n= {0.7, 0.2, 0.05}`);
      expect([p.score, p.review], f).toEqual([1, false]);
    }
    // the student's own symbol for C̃_t (g_t): the formula is judged by the products written
    const g = part(
      '1b.i',
      'C_t = f_t (.) C_(t-1) + i_t (.) g_t\n= (1*.2 , .5*.4 , 0*.8) + (1*.5 , 0*0 , .5*.1)\n= (.2 , .2 , 0) + (.5 , 0 , .5)\n= (.7 , .2 , .5)',
    );
    expect(g.score).toBe(0.5);
    // the wrong gate on C_{t-1} is still the wrong formula
    expect(
      part('1b.i', 'C_t = i ⊙ C_{t-1} + f ⊙ C̃\n= {0.2, 0, 0.4} + {0.5, 0, 0}\n= {0.7, 0, 0.4}').score,
    ).toBe(0);
  });
});

describe('4b: the gradient reaching c_1 unchanged, as maths or in plain words', () => {
  it('∂L/∂c_1 = ∂L/∂c_T with f = 1, "stays the same", "does not go to zero", "copied back"', () => {
    for (const w of [
      'If ft = 1, every factor ∂ct+1/∂ct is 1, so ∂L/∂c1 = ∂L/∂cT.',
      'f = 1 => dL/dc_1 = dL/dc_T + sum of h terms',
      'If f_t = 1 all the memory is kept, so ∂L/∂c1 does not go to zero.',
      'With f_t = 1 the cell state is copied forward, so the gradient is just copied back.',
      'If ft = 1 we multiply by 1 every time and the gradient stays the same.',
      // a word hyphenated across a justified line, a gate indexed k
      'For fk = 1 the error from step T flows back to step 1 undimin-\nished.',
      'Put ft = 1: the error at the last step reaches the first cell state with gain exactly 1.',
    ])
      expect(item('4b', w, 'no_vanish').awarded, w).toBe(1);
    // the product of the gates is not the gradient arriving unchanged
    expect(item('4b', 'With f_t = 1, dL/dc_1 = dL/dc_T * f_2 f_3', 'no_vanish').awarded).toBe(0);
  });
});

describe('a table row: the product, then what it comes to', () => {
  it('"Depthwise  199 × 199 × 3 × 4 × 4  1,900,848" is a computation; a product beside another number is not', () => {
    const rows =
      'Output (200 − 4 + 2×1)/1 + 1 = 199, so 199 × 199 × 3 and 199 × 199 × 10\nStep Calculation Multiplications\nDepthwise 199 × 199 × 3 × 4 × 4 1,900,848\nPointwise 199 × 199 × 10 × 3 1,188,030\nTotal 3,088,878';
    expect(part('5', rows)).toMatchObject({ score: 3, review: false });
    const wrong =
      'Depthwise 199 × 199 × 3 × 4 × 4 1,900,000\nPointwise 199 × 199 × 10 × 3 1,188,000\nTotal 3,088,878';
    expect(item('5', wrong, 'multiplications').awarded).toBe(0);
  });
  it('a shape cell, then its count worked out with a power and digit groups: "199×199×3  199^{2} · 16 · 3 = 1 900 848"', () => {
    const rows =
      'H = (200 + 2 · 1 − 4)/1 + 1 = 199\ndepthwise 199×199×3 199^{2} · 16 · 3 = 1 900 848\npointwise 199×199×10 199^{2} · 3 · 10 = 1 188 030\ntotal 3 088 878';
    expect(part('5', rows)).toMatchObject({ score: 3, review: false });
  });
});

describe('a count of the total written without its arithmetic', () => {
  it('one of the two counts right but reached in words goes to a person, not a confident 0', () => {
    const p = part(
      '5',
      'side = (200 + 2*1 - 4)/1 + 1 = 199, so 199x199x3 and 199x199x10.\nDepthwise: 199*199*3 = 118803 outputs, 48 each, so 118803*48 = 5702544.\nPointwise: each of the 199*199*10 = 396010 outputs needs 3 multiplications = 1188030.\nTotal = 5702544 + 1188030 = 6890574.',
    );
    expect(p.review).toBe(true);
    expect(p.items.find((i) => i.id === 'multiplications')?.reason).toMatch(/1,188,030/);
  });
});

describe('a word broken at the end of a line', () => {
  it('"… which has no pa-" / "rameters." is read as one word', () => {
    expect(part('2b', 'None, only a softmax is added which has no pa-\nrameters.')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('a result after an implication', () => {
  it('"4 gates ⇒ 72" is the answer, stated', () => {
    expect(part('3c', 'per gate: 3×2 + 3×3 + 3 = 6 + 9 + 3 = 18\n4 gates ⇒ 72')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('1(a): a note in brackets after a position', () => {
  it('"iₜ : 4 (second sigmoid, meets C̃ₜ at 5)" gives C̃ₜ no second position', () => {
    const p = part(
      '1a',
      'i. fₜ : 3 (first sigmoid)\nii. iₜ : 4 (second sigmoid, meets C̃ₜ at 5)\niii. oₜ : 8\niv. Cₜ : 10\nv. Cₜ₋₁ : 1\nvi. C̃ₜ : 6 (tanh layer)',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
});

describe('3b: a restated size is not a reason', () => {
  it('"b_f is 3 × 1 (a 3-vector)" is bare; "one bias per hidden unit" is a reason', () => {
    expect(part('3b', 'b_f is 3 x 1 (a 3-vector).')).toMatchObject({ score: 0, review: false });
    expect(part('3b', 'b_f is 3 x 1, one bias per hidden unit.').score).toBe(1);
  });
  it('the size written as the hidden or cell size’s own symbol is the reason: "b_f ∈ R^{n_h}", "n_h × 1", "dim h"', () => {
    for (const t of [
      'b_f in R^{n_h}, i.e. 3 x 1',
      'b_f : n_h x 1 = 3 x 1',
      'b_f ∈ ℝ^(n_h) => 3x1',
      'bf ∈ ℝ^{n_c}, i.e. 3x1',
      // (or as what it is: "b_f : dim h", pdfTeX's "bf : dh")
      'b_f : dim h   3 x 1',
      'bf : dh   3',
      // (pdfTeX flattens the superscript, round 69's reading of vr-02: "bf ∈ Rnh, i.e. 3 × 1")
      '. bf ∈ Rnh, i.e. 3 × 1.',
    ])
      expect(part('3b', t), t).toMatchObject({ score: 1, review: false });
    expect(part('3b', 'b_f ∈ R^{3}, i.e. 3 x 1')).toMatchObject({ score: 0, review: false });
  });
  it("the answer line's colon does not make the next statement a reason", () => {
    const p = part('3b', 'bf : 3 × 1\nThere are 4 weight matrices Wf, Wi, Wo, WC, each 3 × 5 = 15 values.');
    expect(p.score === 0 || p.review).toBe(true);
    expect(p.score === 1 && !p.review).toBe(false);
  });
});

describe('a formula read against the words beside it', () => {
  it('2a: a garbled formula the student calls a dot product goes to a person; a plain wrong one stays 0', () => {
    const p = part('2a', 'ekj = h⊤j sk−1P (dot product), then αkj = softmaxj(ekj)');
    expect([p.score, p.review]).toEqual([0, true]);
    expect(part('2a', 'e_kj = v^T tanh(W s_{k-1} + U h_j)')).toMatchObject({ score: 0, review: false });
  });
});

describe('which written value is the answer', () => {
  it('a "Rough work" section after the answer is scratch for any part, not the answer', () => {
    const p = part(
      '5',
      'out = (200 - 4 + 2)/1 + 1 = 199, so 199 x 199 x 3 then 199 x 199 x 10\nmults = 199*199*3*16 = 1,900,848 and 199*199*10*3 = 1,188,030\nTotal = 1,900,848 + 1,188,030 = 3,088,878\nRough work\n199^2 = 39601\ntanh(0.7) = 0.6044',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('"FINAL" on its own line after a first attempt: what follows is the answer', () => {
    const p = part(
      '2b',
      '(first go)\nNeeds W_a of d x d, so d^2 more parameters.\nFINAL\n0 extra parameters: the dot product, softmax and weighted sum learn nothing.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('a total computed on its line, then the sizes restated: the total is the answer', () => {
    const p = part(
      '5',
      'out = (200 - 4)/1 + 1 = 197\nDepthwise output = 197 x 197 x 3, mults 197*197*3*16 = 1,862,832\nPointwise output = 197 x 197 x 10, mults 197*197*10*3 = 1,164,270\nTotal = 1,862,832 + 1,164,270 = 3,027,102\nSizes: after depthwise 197 x 197 x 3, after pointwise 197 x 197 x 10',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
    expect(p.review).toBe(false);
    // "… = 60 and bias 3, total 63": the total is 63, not the 60 its line computes first
    expect(part('3c', 'There are 4 weight matrices so 4 x 15 = 60 and bias 3, total 63.').score).toBe(0);
  });
});

describe('a vector answer among the vectors of its working', () => {
  it('a vector in a sentence about another quantity is not this answer', () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05).\nh_t in I.(b)(ii) is unchanged, (0.604, 0, 0), because o_t is zero in the 2nd and 3rd place.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('answer first, then its working ending in a sum of two vectors', () => {
    const p = part(
      '1b.i',
      'Ct = (0.7, 0.2, 0.05)T\nWhy: Ct = ft ⊙ Ct−1 + it ⊙ C̃t = (1·0.2, 0.5·0.4, 0·0.8) + (1·0.5, 0·0, 0.5·0.1) = (0.2, 0.2, 0) + (0.5, 0, 0.05).',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('a correction in prose ("So Ct = …") followed by another quantity and its cause', () => {
    const p = part(
      '1b.i',
      'Ct = ft ⊙ Ct−1 + it ⊙ C̃t\nft ⊙ Ct−1 = (0.2, 0.2, 0)\nit ⊙ C̃t = (0.5, 0, 0.05)\nCt = (0.7, 0.2, 0.85)\nthe third entry is 0×0.8 +\n0.5 × 0.1 = 0 + 0.05 = 0.05 (I had added 0.8 by mis-\ntake). So Ct = (0.7, 0.2, 0.05). ht does not change,\nht = (0.604, 0, 0), since ot = (1, 0, 0).',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('a column vector whose brackets the text layer dropped, after "Answer:"', () => {
  it('the numbers after the last "Answer:" are the vector, not the steps above it', () => {
    const p = part(
      '1b.ii',
      'Concept: ht = ot ⊙ tanh(Ct).\nCalculation: tanh(Ct) ≈ (0.6044, 0.1974, 0.0500)T ;\not ⊙ tanh(Ct) = (1 · 0.6044, 0, 0)T .\nAnswer: ht ≈ 0.6044 0 0',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('in a part asking for several values, "Answer:" gives one of them, not all', () => {
    const p = part(
      '5',
      'side = (200 + 2 - 4)/1 + 1 = 199\ndepthwise output 199 × 199 × 3\npointwise output 199 × 199 × 10\nmults: 199·199·3·16 + 199·199·3·10 = 1,900,848 + 1,188,030\nAnswer: total = 3,088,878',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 1]);
  });
});

describe('"no answer found" only when no label of the part is written anywhere', () => {
  it("a part's label standing in another answer's text sends the missing part to a person", () => {
    const g = grade(
      '## 1a\nf_t : 3, i_t : 4\n• sigmoids left to right: forget, input, output [4a]\n## 4b\nproduct of forget gates',
    );
    expect(g.parts['4a']).toMatchObject({ score: 0, review: true });
    expect(grade('## 1a\nf_t : 3, i_t : 4\n## 4b\nproduct of forget gates').parts['4a'].review).toBe(false);
  });
  it('a table with a column per sub-part: its row of headings names the parts read into the first', () => {
    const g = grade(
      '## 3a\n(b) (c)\n[h, x] is 3 + 2 = 5 dim   b_f : 3 × 1   4 × 15 = 60\nW_f : 3 × 5\n## 2a\n(b)\ne_kj = s_{k-1}^T h_j   0 additional parameters',
    );
    expect(g.parts['3c'].review).toBe(true);
    expect(g.parts['2b'].review).toBe(true);
    expect(grade('## 1a\nf_t : 3\n(b) i (b) ii\nC_t = (0.7, 0.2, 0.05)').parts['1b.ii'].review).toBe(true);
  });
});

describe('a slip only when the arithmetic shows one', () => {
  it("a value read beside the key's own vector, with no wrong sum written, goes to a person", () => {
    const p = part(
      '1b.ii',
      'First tanh of each: tanh(0.7) = 0.604, tanh(0.2) = 0.197\nh_t = o_t ⊙ tanh(C_t) = (0.604, 0, 0)\nResult: h_t = [0,604, 0, 0]',
    );
    expect(p.review).toBe(true);
    // a sum written wrong is a slip, confidently
    expect(
      part('1b.i', 'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = (0.2 + 0.5, 0.2 + 0, 0 + 0.05) = (0.7, 0.2, 0.5)'),
    ).toMatchObject({
      score: 0.5,
      review: false,
    });
  });
  it('the gates swapped, with every product right, is another formula: 0, not a slip', () => {
    const p = part(
      '1b.i',
      'C_t = f*C~ + i*C(t-1)\n= {1x0.5, 0.5x0, 0x0.1} + {1x0.2, 0x0.4, 0.5x0.8}\n= {0.5, 0, 0} + {0.2, 0, 0.4} = {0.7, 0, 0.4}',
    );
    expect([p.score, p.review]).toEqual([0, false]);
    expect(p.reasons[0]).toMatch(/another formula, not a slip/);
  });
});

describe('2a: a product written element-wise', () => {
  it('e_kj = s_k ∘ h_j goes to a person; a dot, or ⊙ elsewhere in the answer, does not', () => {
    expect(part('2a', 'e_kj = s_k ∘ h_j')).toMatchObject({ score: 0, review: true });
    expect(part('2a', 'ekj = sk−1 ⊙ hj')).toMatchObject({ score: 0, review: true });
    expect(part('2a', 'e_kj = s_{k-1} · h_j')).toMatchObject({ score: 1, review: false });
    expect(part('2a', 'e_kj = s_{k-1}^T h_j, then C_k = sum alpha_kj ⊙ h_j')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('3a: the map W_f is', () => {
  it('"W_f : 3 × 5 [maps ℝ⁵ → ℝ³]" gives its reason; a bare "3 × 5" does not', () => {
    expect(part('3a', 'W_f : 3 × 5          [maps ℝ⁵ → ℝ³]').score).toBe(1);
    expect(part('3a', 'W_f : 3 × 5').score).toBe(0);
  });
});

describe('4a: the sum derived from a relation and its local derivative', () => {
  it('"d c_(t+1)/d c_t = f_(t+1)" typed with spaces, or a local derivative said in words, derives the sum', () => {
    const typed = part(
      '4a',
      'dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)\nsince c_(t+1) = f_(t+1)*c_t + i*g, d c_(t+1)/d c_t = f_(t+1)',
    );
    expect([typed.score, typed.review]).toEqual([5, false]);
    const words = part(
      '4a',
      'dL/dc_t = dL/dc_{t+1} ⊙ f_{t+1} + dL/dh_t ⊙ o_t ⊙ (1 − tanh^2(c_t))\nc_t reaches L via c_{t+1} = f_{t+1} ⊙ c_t + i ⊙ g, whose derivative w.r.t. c_t is f_{t+1}, and via h_t.',
    );
    expect([words.score, words.review]).toEqual([5, false]);
    // the same relation with no derivative taken is the final expression alone
    expect(
      part(
        '4a',
        'dL/dc_t = dL/dc_{t+1} ⊙ f_{t+1} + dL/dh_t ⊙ o_t ⊙ (1 − tanh^2(c_t))\nc_{t+1} = f_{t+1} ⊙ c_t + i ⊙ g',
      ).score,
    ).toBe(2);
  });
});

describe('4a: the two paths alone restate the question', () => {
  it('paths with no relation or derivative go to a person; with the relations they are a derivation', () => {
    const expr = '∂L/∂c_t = ∂L/∂h_t * o_t * (1 − tanh²(c_t)) + ∂L/∂c_{t+1} * f_{t+1}';
    expect(part('4a', `Two paths c_t → h_t → L and c_t → c_{t+1} → L.\n${expr}`).review).toBe(true);
    expect(
      part('4a', `Two paths c_t → h_t → L and c_t → c_{t+1} → L.\nh_t = o_t ⊙ tanh(c_t)\n${expr}`),
    ).toMatchObject({ score: 5, review: false });
    // written from the loss down ("L → h_t → c_t"), two chains of arrows are still paths, not relations
    expect(part('4a', `Paths: L → h_t → c_t and L → c_{t+1} → c_t.\n${expr}`).review).toBe(true);
  });
});

describe('3c: error carried forward in a way the rubric gives part credit for', () => {
  it("24 = 4 × (3 × 2) from the student's own 3 × 2 W_f, biases left out, earns the half mark", () => {
    const g = grade(
      '## 3a\nI take only x: W_f is 3 × 2\n## 3b\nb_f is 3 × 1, one per unit\n## 3c\n4 gates, each 3 × 2 = 6 weights: 4 × (3 × 2) = 24',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0.5, review: false });
    // a bare 24 with no computation is not carried forward
    expect(grade('## 3a\nW_f is 3 × 2\n## 3c\n24').parts['3c'].score).toBe(0);
  });
});

describe('values read past what explains or checks them', () => {
  it('a check after the total, in rounded figures, neither is the total nor confirms a digit of it', () => {
    const p = part(
      '5',
      'out = (200 + 2 - 4)/1 + 1 = 199\n⇒ 199 × 199 × 3\nMults = 199^{2} × 16 × 3 = 39601 × 48 = 1,900,848\n⇒ 199 × 199 × 10\nMults = 39601 × 3 × 10 = 1,188,030\nTotal = 3,088,878 mults\nCheck: ≈ 3.1M vs ≈ 19M for a normal conv. OK.',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('a bias size beside an aside that names h_{t-1} is the size, and a total from it carries forward', () => {
    const g = grade(
      '## 3a\n[h_{t-1}, x_t] has 3 + 2 = 5 entries, W_f = 5 x 3 (rows for the input)\n## 3b\nb_f = 5 (it gets added along with [h_{t-1}, x_t])\n## 3c\nper gate 5 x 3 + 5 = 20, four gates: 4 x 20 = 80',
    );
    expect(g.parts['3b'].items[0].reason).toMatch(/^5 is not right/);
    expect(g.parts['3c']).toMatchObject({ score: 0.5, review: false });
  });
  it('a check after the answer is not the answer', () => {
    const p = part(
      '5',
      'output (200 - 4)/1 + 1 = 197, so 197 x 197 x 3 then 197 x 197 x 10\nmultiplications 197*197*3*16 = 1,862,832 and 197*197*3*10 = 1,164,270\ntotal = 1,862,832 + 1,164,270 = 3,027,102\ncheck: a normal conv would be 197*197*16*3*10 = 18,628,320, about 6x more. ok',
    );
    const total = p.items.find((i) => i.id === 'multiplications')!;
    expect([total.awarded, total.reason]).toEqual([0.5, expect.stringContaining('error carried forward')]);
  });
  it("a C_t given as one number after the givens is the student's answer, and h_t from it carries forward", () => {
    const g = grade(
      '## 1b.i\nGiven: C~(t) = {0.5, 0, 0.1}\nC(t) = f(t).C(t-1) + i(t).C~(t) = 0.4 + 0.55 = 0.95\nAns. C(t) = 0.95\n## 1b.ii\nh(t) = o(t) . tanh(C(t)), tanh(0.95) = 0.7398\nh(t) = {1, 0, 0} x 0.7398 = {0.7398, 0, 0}',
    );
    // (read as the student's own value, 0.95: "not right", or the dot products it is)
    expect(g.parts['1b.i'].items[0].reason).toMatch(
      /^\[0\.95\] is (?:not right|the sum of the element-wise products)/,
    );
    expect(g.parts['1b.ii']).toMatchObject({ score: 0.5, review: false });
  });
  it('a wrong total that may follow from an earlier answer the grader could not read goes to a person', () => {
    const g = grade(
      '## 3a\nW_f = 3 x 5 because [h, x] has 3 + 2 = 5 entries\n## 3b\nthe same as the input size of W_f\n## 3c\n4 x (15 + 5) = 80',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
  });
  it('a transposed W_f with words about its rows and columns goes to a person; a bare one is 0', () => {
    const said = part(
      '3a',
      '[h, x] has 3 + 2 = 5 entries, so W_f = 5 x 3 (5 rows for the concatenated input, 3 columns)',
    );
    expect(said).toMatchObject({ score: 0, review: true });
    expect(part('3a', '[h, x] has 3 + 2 = 5 entries, so W_f = 5 x 3')).toMatchObject({
      score: 0,
      review: false,
    });
  });
});

describe("a filter's shape is not an output", () => {
  it('"3 filters [4x4x1]" after the depthwise output, "10 filters [1x1x3]" after the pointwise one', () => {
    const p = part(
      '5',
      'Ans: depthwise output 198 x 198 x 3, pointwise output 198 x 198 x 10\ntotal multiplications = 3,057,912\nStep 1: (200 + 2 - 4)/1 = 198\nStep 2: depthwise, 3 filters [4x4x1]: 198 x 198 x 16 x 3 = 39204 x 48 = 1,881,792\nStep 3: pointwise, 10 filters [1x1x3]: 198 x 198 x 3 x 10 = 39204 x 30 = 1,176,120\nStep 4: total = 1,881,792 + 1,176,120 = 3,057,912',
    );
    expect(p.items.map((i) => i.reason.split(' is ')[0])).toEqual([
      '198 × 198 × 3',
      '198 × 198 × 10',
      expect.stringContaining('error carried forward'),
    ]);
    expect(p).toMatchObject({ score: 0.5, review: false });
  });
});

describe('4b: which product the words mean', () => {
  it('"the product is 1" beside a written product of input gates goes to a person; beside one of forget gates it is credited', () => {
    const other = part(
      '4b',
      'dL/dc_1 = dL/dc_T ⊙ i_2 ⊙ i_3 … ⊙ i_T. When i_t = 1 the product is 1 and the gradient reaches c_1 without becoming small',
    );
    expect(other).toMatchObject({ review: true });
    expect(other.items[0]).toMatchObject({ awarded: 0 });
    const forget = part(
      '4b',
      'dL/dc_1 = dL/dc_T ⊙ f_2 ⊙ f_3 … ⊙ f_T. When f_t = 1 the product is 1 and the gradient reaches c_1 without becoming small',
    );
    expect(forget.items[0]).toMatchObject({ awarded: 1 });
  });
});

describe('equation numbers are references, not values', () => {
  it('"In (8) …", "From (8)-(10) …", a tag "(3)" after an equation: the count is the one stated', () => {
    for (const body of [
      'In (8) only the existing states appear; the softmax and the weighted sum are fixed. Hence additional parameters = 0 .',
      'From (8)-(10) it is seen that only dot products and a softmax are used; no weight matrix is to be learnt. So 0 (zero) additional parameters.',
    ])
      expect(part('2b', body), body).toMatchObject({ score: 1, review: false });
    expect(part('3c', 'per gate 3 × 5 + 3 = 18    (4)\ntotal = 4 × 18 = 72    (5)')).toMatchObject({
      score: 1,
    });
  });
});

describe('a missing part whose key stands in a sibling answer', () => {
  it("3(c) not found while 3(b)'s block totals 72: a person checks; with no trace of it, a confident 0", () => {
    const g = grade(
      '## 3a\nW_f is 3 × 5: [h, x] has 3 + 2 = 5 entries\n## 3b\nb_f is 3 × 1, one bias per unit\nper block 15 + 3 = 18, four blocks 72 parameters',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
    const h = grade(
      '## 3a\nW_f is 3 × 5: [h, x] has 3 + 2 = 5 entries\n## 3b\nb_f is 3 × 1, one bias per unit',
    );
    expect(h.parts['3c']).toMatchObject({ score: 0, review: false });
  });
});

describe('2b: a count read from another computation', () => {
  it('"3 + 2 = 5" or "3 filters (4×4×1)" read as the count goes to a person; "0 – no new weights" and "**0 (zero).**" do not', () => {
    expect(part('2b', 'weights.\n[h_{t-1}, x_t] has 3 + 2 = 5 elements.')).toMatchObject({ review: true });
    expect(
      part(
        '2b',
        'same size as h_n so decoder weights same as before.\nDepthwise: 3 filters (4×4×1), one per channel.',
      ),
    ).toMatchObject({ review: true });
    expect(part('2b', '0 – no new weight matrix, dot prod + softmax are param free')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(
      part(
        '2b',
        '**0 (zero).** The dot product, the softmax and the weighted sum have no learnable weights.',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('round 17: a shape in its own brackets, a transpose run into the next symbol, a value stopped at a step', () => {
  it('"dim(b_f) = 3 (3 x 1)" answers 3 × 1 with its reason; "2 * (3 x 5)" stays arithmetic', () => {
    const p = part('3b', 'b_f is added to W_f[h,x] so it has the size of f_t.\nResult: dim(b_f) = 3 (3 x 1)');
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('a word processor’s 𝑒𝑘𝑗 = 𝑠𝑘−1⊤ℎ𝑗 is the dot product', () => {
    expect(part('2a', '𝑒𝑘𝑗 = 𝑠𝑘−1⊤ℎ𝑗 (a plain dot product)').score).toBe(1);
  });
  it('h_t given as tanh(C_t) (o_t left out) is 0, not a slip; with the right h_t written too, a person checks', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t ⊙ tanh(C_t), but o_t only scales it\nh_t = tanh(C_t) = {0.6044, 0.1974, 0.0500}',
    );
    expect([p.score, p.review]).toEqual([0, false]);
    expect(p.reasons.join(' ')).toMatch(/stops at a step/);
    const q = part('1b.ii', 'h_t = (0.604, 0, 0)    tanh(C_t) = (0.604, 0.197, 0.050)');
    expect(q.review).toBe(true);
  });
});

describe('reasons said by naming what a size goes with', () => {
  it('"b_f is 3 × 1 (same as c_t)" and "W_f = 3×5 (input is h and x together = 5)" give their reasons', () => {
    expect(part('3b', 'b_f is 3 × 1 (same as c_t)')).toMatchObject({ score: 1, review: false });
    expect(part('3b', '(9) b_f is 3 x 1 (same as f_t)')).toMatchObject({ score: 1, review: false });
    expect(part('3a', 'Wf = 3×5 (input is h and x together = 5)')).toMatchObject({ score: 1, review: false });
    // the same answers bare stay 0
    expect(part('3b', 'b_f is 3 × 1').score).toBe(0);
  });
});

describe('vectors the key’s computation passes through are its working', () => {
  it('f ⊙ C_{t-1} and i ⊙ C~_t written as vectors before a right C_t; the inputs restated are not', () => {
    const p = part(
      '1b.i',
      'f_t x C_{t-1} = {0.2, 0.2, 0}\ni_t x C~_t = {0.5, 0, 0.05}\nC_t = {0.7, 0.2, 0.05}',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    // restating the given vectors is no computation: not credited as working
    const q = part('1b.i', 'C_{t-1} = (0.2, 0.4, 0.8), f_t = (1, 0.5, 0)\nC_t = (0.7, 0.2, 0.05)');
    expect(q.score).toBe(0);
  });
});

describe('an expression with a word after it, a stray glyph or a tag after a comma, a transpose typed glued', () => {
  it('"e_kj = s_k . h_j (dot)", "e_kj = s⊤k−1hj, P", "e_kj = sTk−1hj, (2)", "e_kj = skThj, the dot product" are the dot product', () => {
    for (const t of [
      'ekj = sk . hj (dot)',
      'ekj = s⊤k−1hj, P',
      'ekj = sTk−1hj, (2)',
      'ekj = skThj, the dot product of decoder state k with encoder state j.',
    ])
      expect(part('2a', t), t).toMatchObject({ score: 1, review: false });
  });
});

describe('a vector written without brackets', () => {
  it('"C_t = 0.2+0.5 , 0.2+0 , 0+0.05 = 0.7, 0.2, 0.05" is C_t with its working; bare, it is 0', () => {
    expect(
      part('1b.i', 'C_t = f_t*C_t-1 + i_t*C~_t = 0.2+0.5 , 0.2+0 , 0+0.05 = 0.7, 0.2, 0.05'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('1b.i', 'C_t = 0.7, 0.2, 0.05')).toMatchObject({ score: 0, review: false });
  });
});

describe('5: which output a shape is', () => {
  it('"199 × 199 × 10 after pointwise" is the pointwise output though "after depthwise" came before it; "… × 3 Pointwise output: …" starts the next', () => {
    const p = part(
      '5',
      [
        'Depthwise (3 filters 4 × 4 × 1): (200 + 2·1 − 4)/1 + 1 = 199, mults 199^2 · 16 · 3 = 1,900,848',
        'Pointwise (10 filters 1 × 1 × 3): 199^2 · 3 · 10 = 1,188,030, total 3,088,878',
        'Output sizes: 199×199×3 after depthwise,',
        '199 × 199 × 10 after pointwise.',
      ].join('\n'),
    );
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 1]);
    const q = part(
      '5',
      'Depthwise output: 198 × 198 × 3 Pointwise output: 198 × 198 × 10\n(200 + 2 − 4)/1 = 198',
    );
    expect(q.items[0].reason).toMatch(/198 × 198 × 3 is not right/);
  });
  it('"… 197×197×10 after" / "pointwise." broken over two lines still names the pointwise output', () => {
    const p = part(
      '5',
      [
        'depthwise: (200 − 4)/1 + 1 = 197 → 197 × 197 × 3, mults 197 × 197 × 3 × 16 = 1,862,832',
        'pointwise: 197 × 197 × 10 × 3 = 1,164,270; total 1,862,832 + 1,164,270 = 3,027,102',
        'sizes: 197×197×3 after depthwise, 197×197×10 after',
        'pointwise.',
      ].join('\n'),
    );
    expect(p.items[0].reason).toMatch(/197 × 197 × 3 is not right/);
    expect(p.items[2]).toMatchObject({ awarded: 0.5 });
    // so does "(pointwise)" starting the line after its shape
    const q = part(
      '5',
      'same padding: 200 × 200 × 3, mults 200×200×3×16 = 1,920,000; 200×200×10×3 = 1,200,000\nTotal = 3,120,000\nOutput sizes: 200×200×3 (depthwise), 200×200×\n10 (pointwise).',
    );
    expect(q.items.map((i) => i.reason.slice(0, 25))).toEqual([
      '200 × 200 × 3 is not righ',
      '200 × 200 × 10 is not rig',
      'wrong total, but it follo',
    ]);
  });
  it('"one 4 × 4 filter per input channel" is the reason for the depthwise output', () => {
    const p = part(
      '5',
      'Depthwise step: one 4 × 4 filter per input channel (3 filters). Output: 199 × 199 × 3.',
    );
    expect(p.items[0]).toMatchObject({ awarded: 1 });
  });
  it('"a standard 4×4×3 convolution" describes an operation, not an output', () => {
    const p = part(
      '5',
      'Pointwise: 10 kernels of 1 × 1 × 3; output 199 × 199 × 10 (one per output channel).\nA standard 4×4×3 convolution would need 19,008,480.',
    );
    expect(p.items.find((i) => i.id === 'pointwise')?.reason).toMatch(/199 × 199 × 10 is right/);
  });
});

describe('4b: the product of forget gates written with x, as ones, or as "the f’s multiply"', () => {
  it('each states the product; a sum of the gates does not', () => {
    for (const t of [
      'dL/dc_1 = dL/dc_T x f_2 x f_3 x ... x f_T + ...',
      'if f_t = 1 then dL/dc_1 = dL/dc_T x 1 x 1 x ... = dL/dc_T',
      "when f_t = 1, dL/dc_1 = dL/dc_T (all f's multiply to 1)",
      'If ft = 1 → product = 1 so ∂L/∂c1 = ∂L/∂cT',
      // (the gate's bare letter repeated, x between: "dL/dc_T x f x f x f ...")
      'dL/dc_1 = dL/dc_T x f x f x f ... = dL/dc_T when f = 1, so gradient will not vanish',
    ])
      expect(item('4b', t, 'product').awarded, t).toBe(1);
    expect(item('4b', 'dL/dc_1 = dL/dc_T (f_2 + f_3 + ... + f_T)', 'product').awarded).toBe(0);
  });
});

describe('3a: the shape set right after W_f’s own name, over the shapes of a check around it', () => {
  it('"W_f : [3 x 5] check [3 x 5][5 x 1] -> [3 x 1]" and a Markdown-bold "W_f : **3 × 5**" answer 3 × 5', () => {
    expect(
      part(
        '3a',
        'x_t [2 x 1], h_t [3 x 1], so [h_{t-1}, x_t] is [5 x 1].\nW_f : [3 x 5] check [3 x 5][5 x 1] -> [3 x 1]',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '3a',
        '[h_{t-1}, x_t] has dimension 3 + 2 = 5, every gate outputs 3.\n- **(a)** W_f : **3 × 5**\n- **(b)** b_f : **3** (a 3 × 1 vector)',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('2b: a count in the model’s sizes, and what competes with it', () => {
  it('"one weight for every encoder state … so n extra parameters" is a confident 0; a "(0)" written before it goes to a person', () => {
    expect(
      part(
        '2b',
        'We need one weight for every encoder hidden state, so n extra parameters (n = length of input).',
      ),
    ).toMatchObject({ score: 0, review: false });
    expect(
      part(
        '2b',
        'No extra weights are needed (0), the dot product is parameter-free. We store n attention weights',
      ),
    ).toMatchObject({ score: 0, review: true });
  });
});

describe('1b: dot products taken for ⊙', () => {
  it('C_t = 0.4 + 0.55 = 0.95 (the sum of the element-wise products) is a confident 0; h_t as one number stays a person’s call', () => {
    const p = part(
      '1b.i',
      'Ct = ft.Ct-1 + it.C̃t\nft.Ct-1 = 1(0.2) + 0.5(0.4) + 0(0.8) = 0.4\nit.C̃t = 1(0.5) + 0(0) + 0.5(0.1) = 0.55\nCt = 0.4 + 0.55 = 0.95',
    );
    expect([p.score, p.review]).toEqual([0, false]);
    expect(p.reasons[0]).toMatch(/dot products taken for ⊙/);
    // the same sum copied into every element is no element-wise slip either
    expect(
      part(
        '1b.i',
        'Ct = ft · Ct−1 + it · C̃t\nft · Ct−1 = (1)(0.2) + (0.5)(0.4) + (0)(0.8) = 0.4\nit · C̃t = (1)(0.5) + (0)(0) + (0.5)(0.1) = 0.55\nso C_t = {0.95, 0.95, 0.95}',
      ),
    ).toMatchObject({ score: 0, review: false });
    // the key of h_t has one nonzero element: its sum is that element, so no telling
    expect(part('1b.ii', 'h_t = o_t ⊙ tanh(C_t) = 1 × tanh(0.7) = 0.604').reasons[0]).not.toMatch(
      /dot products/,
    );
  });
});

describe('struck attempts and a pick between candidates', () => {
  it('"(crossed out: …)", "[struck: …]" and "~~…~~" are neither the answer nor its working', () => {
    expect(
      part(
        '2b',
        'No weights in a dot product or a softmax. So additional parameters = 0.\n(crossed out: n parameters for the α’s)',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(part('2a', '(crossed out: e_kj = s_k^T h_j)\ne_kj = s_k^T W_a h_j').score).toBe(0);
    expect(part('3c', '[struck: 4 x 9 = 36]\n4 x (15 + 3) = 72').score).toBe(1);
    expect(part('3c', '~~4 x 15 = 60~~\n4 x (15 + 3) = 72').score).toBe(1);
  });
  it('W_f’s shape nowhere, only smaller ones of other quantities ("f_t ∈ R^3"): a wrong one read goes to a person', () => {
    const p = part('3a', '[h_{t-1}, x_t] ∈ R^{3+2} = R^{5}, f_t ∈ R^{3}');
    expect([p.score, p.review]).toEqual([0, true]);
    // (W_f's own, written, is read and graded)
    expect(part('3a', '[h_{t-1}, x_t] ∈ R^{5}, f_t ∈ R^{3}, so W_f ∈ R^{3x5}')).toMatchObject({
      score: 1,
      review: false,
    });
    // (a matrix named otherwise, "U_f is 3 × 2", is a wrong shape for W_f, confidently)
    expect(part('3a', 'U_f is 3 × 2 (x_t has 2 entries)')).toMatchObject({ score: 0, review: false });
  });
  it('after round 44: positions written in words ("f sub t is at position three") go to a person, not a confident 0', () => {
    const p = part(
      '1a',
      'sub part one, f sub t, is at position three.\nsub part two, i sub t, is at position four.',
    );
    expect(p.review).toBe(true);
    expect(part('1a', 'f t - two, i t - three, o t - four').review).toBe(true);
  });
  it('a line of x’s typed under a line crosses it out: the formula above it is no answer', () => {
    const body = 'h_t = o_t * tanh C_t\nxxxxxxxxxxxxxxxx\nh_t = o_t * C_t = [1*0.7, 0, 0] = [0.7, 0, 0]';
    expect(part('1b.ii', body)).toMatchObject({ score: 0, review: false });
    // (an x in a formula, or a short run, crosses nothing out)
    expect(part('3a', 'W_f is 3 x 5 because [h_{t-1}, x_t] has 3 + 2 = 5 entries\nxx').score).toBe(1);
  });
  it('"Either 0 or n — I will go with n, because …" answers n; "I will go with 0" answers 0', () => {
    const said = 'No new weight matrices. Either 0 or n (one α per encoder state) — I will go with';
    expect(part('2b', `${said} n, because each α is extra.`).reasons[0]).toMatch(/^0\/1: n is not right/);
    expect(part('2b', `${said} 0, since the dot product has no weights.`).score).toBe(1);
  });
});

describe('a statement’s number is not a value', () => {
  it('"Claim 2.2. Zero additional parameters." answers 0; "Step 2: 4 x (15 + 3) = 72" answers 72', () => {
    expect(
      part(
        '2b',
        'Claim 2.2. Zero additional parameters.\nProof. By Claim 2.1, e_kj is a plain dot product; the softmax has no weights.',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(part('3c', 'Step 2: 4 x (15 + 3) = 72').score).toBe(1);
  });
});

describe('round 21: cells run together, units between numbers, another quantity’s vector, a declared skip', () => {
  it('a table row whose cells run together ("199 × 199 × 10   199 × 199 × 3 × 10 = 1,188,030") shows the count', () => {
    const p = part(
      '5',
      'Output size = (200 − 4 + 2·1)/1 + 1 = 199\nDepthwise (4×4) 199 × 199 × 3 199 × 199 × 4 × 4 = 633,616\nPointwise (1×1×3, 10 filters) 199 × 199 × 10 199 × 199 × 3 × 10 = 1,188,030\nTotal 1,821,646',
    );
    const total = p.items.find((i) => i.id === 'multiplications')!;
    expect([total.awarded, total.reason]).toEqual([0.5, expect.stringMatching(/one of the two counts/)]);
  });
  it('what each number counts, said between the numbers ("4 gates x 6 = 24"), is arithmetic', () => {
    const g = grade(
      '## 3a\nW_f : 2 x 3 (x_t is 2 dim, c_t is 3 dim)\n## 3b\nb_f : 3 x 1\n## 3c\nweight values = 4 gates x 6 = 24',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0.5, review: false });
    expect(part('3c', 'total = 4 × 18 params = 72').score).toBe(1);
  });
  it('a vector set equal to another quantity (o_t = [1, 0, 0]) is never h_t’s answer', () => {
    // (h_t's own column vector broken up by the text layer: nothing readable is set equal to h_t)
    const p = part('1b.ii', 'h_t = ⎡ 0 ⎤ ⊙ tanh(C_t)\no_t = [1, 0, 0] kills components 2 and 3.');
    expect(p.reasons.join(' ')).not.toMatch(/\[1, 0, 0\]/);
    expect(p.review).toBe(true);
  });
  it('a wrong vector that is not the one written as h_t goes to a person', () => {
    const p = part('1b.ii', 'h_t = o_t ⊙ tanh(C_t) = ⎡\ntanh(C_t) = (0.6044, 0.1974, 0.05)');
    expect(p.review).toBe(true);
  });
  it('"(1(a) not attempted -- could not read the figure.)" anywhere: 1(a) not attempted, with no doubt', () => {
    const g = grade(
      '## 3a\nW_f is 3 x 5: the input [h_{t-1}, x_t] has 3 + 2 = 5 entries\n(1(a) not attempted -- could not read the numbering on the figure.)',
    );
    expect(g.parts['1a']).toMatchObject({ score: 0, review: false });
    expect(g.parts['1a'].reasons[0]).toMatch(/^not attempted \(the script says so/);
  });
  it('tanh typed "than(C_t)" by a phone is tanh; a rounded tanh(C_t) vector is the step to h_t', () => {
    const typo =
      'h_t = o_t * than(C_t)\ntanh(0.7) = 0.604\ntanh(0.2) = 0.197\ntanh(0.05) = 0.050\n=> h_t = {0.604 , 0 , 0}';
    expect(part('1b.ii', typo)).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '1b.ii',
        'ht = ot ∘ tanh(Ct)\ntanh(Ct) = [0.60, 0.20, 0.05] (approx)\not = [1, 0, 0]\n⇒ ht = [0.60, 0, 0]',
      ),
    ).toMatchObject({ score: 1, review: false });
    // (C_t restated is no step to h_t)
    expect(part('1b.ii', 'C_t = [0.7, 0.2, 0.05]\nh_t = [0.604, 0, 0]').score).toBe(0);
  });
  it("MATLAB's transpose: e_kj = s_(k-1)' h_j is the dot product", () => {
    expect(part('2a', "e_kj = s_(k-1)' h_j (scalar; s_(k-1), h_j in R^d)")).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('round 22: tanh typed with a space, pdfTeX’s long maps-to', () => {
  it('"tan h(0.7) = 0.0122" (degrees on the calculator) is the right formula with a slip', () => {
    const g = grade(
      '## 1b.i\nC_t = {0.7, 0.2, 0.05}\n## 1b.ii\nh_t = o_t * tan h(C_t)\ntan h(0.7) = 0.0122 , tan h(0.2) = 0.0035 , tan h(0.05) = 0.0009\nh_t = {1*0.0122, 0*0.0035, 0*0.0009} = {0.0122, 0, 0}',
    );
    expect(g.parts['1b.ii']).toMatchObject({ score: 0.5, review: false });
  });
  it('"ft 7−→ 3" (\\longmapsto in a text layer) maps f_t to 3, not to 7', () => {
    const p = part('1a', 'ft 7−→ 3 it 7−→ 6 ot 7−→ 10\nCt 7−→ 9 Ct−1 7−→ 1 C̃t 7−→ 5');
    expect(p.items.find((i) => i.id === 'f_t')?.awarded).toBe(0.5);
    expect(p.items.find((i) => i.id === 'C_prev')?.awarded).toBe(0.5);
  });
});

describe('round 23: a list item’s number is no value', () => {
  it('"4. Hence additional parameters = 0." after items 1-3 answers 0; "Answer: 0. Each score …" still answers 0', () => {
    const listed =
      'Additional parameters\n1. The score is a plain dot product, with no W_a in it.\n2. The softmax and the weighted sum have no learnable weights.\n3. C_k has the size of h_n, so the decoder keeps its shapes.\n4. Hence additional parameters = 0.';
    expect(part('2b', listed)).toMatchObject({ score: 1, review: false });
    expect(
      part('2b', 'Answer: 0. Each score only multiplies two hidden states, so nothing new is learned').score,
    ).toBe(1);
  });
});

describe('3c: the rubric’s partial counts from the student’s own shapes', () => {
  it('the weights only of their own 2 × 3 W_f (4 × 6 = 24) earn the half mark; one gate (6 + 3 = 9) and three gates do not', () => {
    const own = '## 3a\nW_f is 2 x 3 since x is 2 and c is 3\n## 3b\nb_f is 3\n## 3c\n';
    expect(grade(`${own}weights: 4 gates x 6 = 24`).parts['3c']).toMatchObject({ score: 0.5, review: false });
    expect(grade(`${own}one gate: 2 x 3 + 3 = 9 parameters`).parts['3c'].score).toBe(0);
    expect(grade(`${own}three gates: 3 x (2 x 3 + 3) = 27 parameters`).parts['3c'].score).toBe(0);
  });
});

describe('round 28: forms from a drilled four-line class, an exchange section and lab notebooks', () => {
  it('the two paths given with their defining equations, enumerated "(i) … and (ii) …", are the derivation', () => {
    const p = part(
      '4a',
      'Thinking: c_t reaches L via (i) h_t = o_t ⊙ tanh(c_t) and (ii) c_{t+1} = f_{t+1} ⊙ c_t + i_{t+1} ⊙ C~_{t+1}.\nSo: dL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh^2(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('a rounded restatement wrapping onto the next line, "(≈ 3.09⏎million)", is not the total', () => {
    const p = part(
      '5',
      'O = (200 − 4 + 2)/1 + 1 = 199\ndepthwise 199 × 199 × 3: 199 · 199 · 16 · 3 = 19,00,848\npointwise 199 × 199 × 10 (10 filters of 1 × 1 × 3): 199 · 199 · 3 · 10 = 11,88,030\ntotal multiplications = 30,88,878 (≈ 3.09\nmillion).',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(1);
  });
  it('the total carried forward from the own spatial size, when a filter (1 × 1 × 3) is read for the pointwise output', () => {
    const i = item(
      '5',
      'Output size = (200 − 4)/1 + 1 = 197.\nAfter depthwise: 197 × 197 × 3, 197 × 197 × 3 × 16 = 1,862,832\nPointwise: 10 filters of 1×1×3 → 197 × 197 × 3 × 10 = 1,164,270\nTotal = 1,862,832 + 1,164,270 = 3,027,102',
      'multiplications',
    );
    expect(i.awarded).toBe(0.5);
  });
});

describe('after round 28: asides, totals and checks', () => {
  it('a formula with a bracketed aside after it ("(dot prod sim)", a restatement "(s_k^T h_j)") is read without it', () => {
    for (const body of ['e_kj = s_k^T h_j (dot prod sim)', 'e_kj = s_k . h_j (s_k^T h_j)', 'ekj = skT−1 hj'])
      expect(part('2a', body), body).toMatchObject({ score: 1, review: false });
    // an additive score stays what it is, aside or not
    expect(part('2a', 'e_kj = v^T tanh(W s_{k-1} + U h_j) (additive)').score).toBe(0);
  });
  it('a sum at a sentence’s end ("= 3,088,878.") is one number, and a "Final: …" line naming sizes after it does not hide it', () => {
    const p = part(
      '5',
      'Step 1: (200 + 2(1) − 4)/1 + 1 = 199, so 199 × 199 × 3.\nStep 2: 199 × 199 × (4 × 4) × 3 = 1,900,848.\nStep 3: 10 filters of 1 × 1 × 3: 199 × 199 × 10.\nStep 4: 199 × 199 × 3 × 10 = 1,188,030.\nStep 5: 1,900,848 + 1,188,030 = 3,088,878.\nFinal: 3,088,878 multiplications; sizes 199 × 199 × 3 and 199 × 199 × 10.',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('"Total 3,088,878" on a row of its own is the total, though "Total = …" named each step and a comparison follows', () => {
    const p = part(
      '5',
      'Output side = (200 + 2·1 − 4)/1 + 1 = 199.\nTotal = 199 × 199 × 3 × 16 = 1,900,848.\nTotal = 199 × 199 × 10 × 3 = 1,188,030.\nStep Output Multiplications\nDepthwise 199 × 199 × 3 1,900,848\nPointwise 199 × 199 × 10 1,188,030\nTotal 3,088,878\nFor comparison, a standard convolution would cost 199² × 10 × 48 = 19,008,480\nmultiplications, so the separable one is about 6 times cheaper.',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 1 });
  });
  it('"whose derivative is …" after a relation is a step of the derivation; "dim c × (dim h + dim x)" is the reason for W_f', () => {
    const p = part(
      '4a',
      'c_t reaches the loss two ways. First through h_t = o_t ⊙ tanh(c_t), whose derivative is o_t ⊙ (1 − tanh²(c_t)). Second through the next cell state. Adding the two:\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([5, false]);
    expect(part('3a', 'dim W_f = dim c × (dim h + dim x) = 3 × 5')).toMatchObject({
      score: 1,
      review: false,
    });
    // an underline of carets under the answer is no power
    expect(part('3a', '[h, x] has 3 + 2 = 5 entries, so W_f : 3 x 5\n^^^^^^^^^^').score).toBe(1);
  });
});

describe('after round 29: a reason in a block answering several parts', () => {
  it('full marks for 3b on a reason from a block written for all of Q3 go to a person; its own answer alone does not', () => {
    const block =
      'h_t has 3 entries, [h, x] has 3 + 2 = 5: W_f is 3 x 5, b_f is 3 x 1, total 4 x (15 + 3) = 72';
    const script = scriptFromText(`## 3a\n${block}\n## 3b\n${block}\n## 3c\n${block}`);
    for (const id of ['3a', '3b', '3c'])
      script.parts[id].sharedWith = ['3a', '3b', '3c'].filter((x) => x !== id);
    const parts = gradeScript(rubric, ctx, script).grade.parts;
    expect(parts['3b']).toMatchObject({ score: 1, review: true });
    // (3c's computation is its own work, whoever else the block answers)
    expect(parts['3c']).toMatchObject({ score: 1, review: false });
    expect(part('3b', 'b_f is 3 x 1, one bias per hidden unit')).toMatchObject({ score: 1, review: false });
  });
  it('and so do they from a block written for 3(a) and 3(b) together (round 36: "ft ∈ R^3 ⇒ Wf: 3 × 5 ⇒ bf: 3 × 1")', () => {
    const block = 'Step 1: [h, x] ∈ R^5\nStep 2: f_t ∈ R^3, so W_f maps 5 → 3\n⇒ W_f: 3 × 5 ⇒ b_f: 3 × 1';
    const script = scriptFromText(`## 3a\n${block}\n## 3b\n${block}`);
    script.parts['3a'].sharedWith = ['3b'];
    script.parts['3b'].sharedWith = ['3a'];
    expect(gradeScript(rubric, ctx, script).grade.parts['3b']).toMatchObject({ score: 1, review: true });
  });
});

describe('round 30: explanations about something else, conventions as formulas, words against a formula', () => {
  it('3b with an explanation about the weights, not the bias, goes to a person; one about the bias earns the mark', () => {
    const other = part(
      '3b',
      'b_f in R^{3x1}   [final: 3 x 1]\nthe paper wants weight values => biases are left out of the count',
    );
    expect(other).toMatchObject({ score: 0, review: true });
    expect(
      part('3b', 'b_f in R^{3x1}\nsince every gate unit gets its own bias term, this is the shape'),
    ).toMatchObject({ score: 1, review: false });
    // a footnote's number "1" ties nothing to the answer 3 × 1
    expect(
      part('3b', 'b_f ∈ R^{3×1}.\n1 In practice the score is s^T W h; with W = I it is the plain one.'),
    ).toMatchObject({
      review: true,
    });
  });
  it('2b: "no weights" said beside the formulas is the reason, though "no" is also read as the count 0', () => {
    expect(
      part(
        '2b',
        'extra params = 0\nα = softmax(e), C_k = Σ α_kj h_j — no weights anywhere; dim C_k = dim h_n',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('3a: the transposed convention written as the gate formula, σ(W_f^T z_t + b_f), earns 5 × 3', () => {
    expect(
      part(
        '3a',
        'z_t = [h_{t-1}, x_t] has 3 + 2 = 5 entries. Gate: f_t = σ(W_f^T z_t + b_f), so W_f : 5 × 3',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(part('3a', 'z_t = [h_{t-1}, x_t] has 3 + 2 = 5 entries, so W_f : 5 × 3')).toMatchObject({
      score: 0,
      review: false,
    });
  });
  it('2a: pdfTeX’s ∑ of the next line, a "P" glued before the transposed state, is no factor', () => {
    expect(part('2a', 'e_kj =Ps⊤k−1hj (dot product)')).toMatchObject({ score: 1, review: false });
    // a dot product of the wrong vectors, called a dot product, stays wrong
    expect(part('2a', 'e_kj = h_k · h_j (dot product of hidden states)')).toMatchObject({
      score: 0,
      review: false,
    });
  });
});

describe('after round 30: 4a derivations as tables and half-written skeletons', () => {
  const sum = 'dL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_{t+1} ⊙ f_{t+1}';
  it('a table of local derivatives, each row the derivative and what it is, is the derivation', () => {
    const table =
      '| step | local derivative |\n| dh_t/dc_t | o_t * (1 - tanh(c_t)^2) |\n| dc_(t+1)/dc_t | f_(t+1) |';
    expect(part('4a', `${table}\nso\n${sum}`)).toMatchObject({ score: 5, review: false });
    // a row naming the loss's own derivative is the result, not a step
    expect(part('4a', `| dL/dc_t | the sum below |\n${sum}`)).toMatchObject({ score: 2, review: false });
  });
  it('one relation written and the other path only named goes to a person; the sum alone is capped at 2', () => {
    const half = `c_t reaches the loss through h_t = o_t ⊙ tanh(c_t) and through the next cell state; adding the two:\n${sum}`;
    expect(part('4a', half)).toMatchObject({ review: true });
    expect(part('4a', sum)).toMatchObject({ score: 2, review: false });
  });
});

describe('round 31: a C-style comment after an answer', () => {
  it('"b_f is 3 x 1 // one bias per cell unit" answers 3 × 1 with its reason; "W_f = 3 × 3 // because …" is 3 × 3', () => {
    expect(part('3b', 'b_f is 3 x 1 // one bias per cell unit')).toMatchObject({ score: 1, review: false });
    const g = grade(
      '## 3a\nW_f = 3 × 3 // because c_t is 3 dim and h is 3 dim\n## 3b\nb_f = 3\n## 3c\none gate = 9 + 3 = 12, four gates so total = 4 × 12 = 48',
    );
    expect(g.parts['3a'].reasons[0]).toContain('3 × 3 is not right');
    // 48 carried forward from the student's own 3 × 3
    expect(g.parts['3c']).toMatchObject({ score: 0.5, review: false });
  });
  it('4a: the two routes, each a path leading to its relation ("c_t -> h_t = o_t * tanh(c_t)"), derive the sum', () => {
    const routes =
      '(1) c_t -> h_t = o_t * tanh(c_t)\n(2) c_t -> c_{t+1} = f_{t+1} * c_t + i_{t+1} * g_{t+1}\nso\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}';
    expect(part('4a', routes)).toMatchObject({ score: 5, review: false });
  });
  it('5: the map a step is applied to ("applied on the 198x198x3 map") is its input, not its output', () => {
    const p = part(
      '5',
      'depthwise out = 198 x 198 x 3, pointwise out = 198 x 198 x 10,\ntotal mults = 3,057,912\nout = (200 + 2*1 - 4)/1 = 198\ndw = 198*198*4*4*3 = 1,881,792\npw = 198*198*3*10 = 1,176,120\nPointwise: 10 filters of 1x1x3 applied on the 198x198x3 map.',
    );
    expect(p.reasons[1]).toContain('198 × 198 × 10');
    expect(p).toMatchObject({ score: 0.5, review: false });
  });
  it('3a: W_f written as a map, ℝ⁵ → ℝ³, is 3 × 5', () => {
    expect(part('3a', 'W_f maps R^5 -> R^3, since [h_{t-1}, x_t] has 3 + 2 = 5 entries')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('round 32: a vector written as a row', () => {
  it('3b: "b_f is 1 × 3" with its reason goes to a person; bare, or "3 × 5", it stays wrong', () => {
    expect(part('3b', 'The bias has one entry per output unit, so b_f is 1 × 3.')).toMatchObject({
      score: 0,
      review: true,
    });
    expect(part('3b', 'b_f is 1 × 3')).toMatchObject({ score: 0, review: false });
    expect(part('3b', 'The bias has one entry per output unit, so b_f is 3 × 5.')).toMatchObject({
      score: 0,
      review: false,
    });
  });
});

describe('after round 32: a part whose label sits inside another answer', () => {
  it('3c missing, with a row "c 36 [params]" in the table answering 3(b): a person checks, not "no answer found"', () => {
    const g = grade('## 3a\nW_f 3 × 2\n## 3b\nb_f 3 × 1\n4 gates × (6 +\nc 36 [params]\n3)');
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
    // a sentence starting with the article "a" is no label of 3(a)
    const h = grade('## 3b\nb_f is 3 × 1\na bias per unit\n## 3c\n4 × 18 = 72');
    expect(h.parts['3a']).toMatchObject({ score: 0, review: false });
  });
});

describe('after round 33: a library\'s layout, f = 1 "forgotten"', () => {
  it("3a: W_f written (5, 3) with keras's layout named is the transposed convention", () => {
    expect(
      part(
        '3a',
        'input to the gate is h_(t-1) (3) and x_t (2) = 5 values, output 3 values.\nW_f.shape = (5, 3) (keras stores it as input_dim x units, so 5x3)',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('4b: "when f_t = 1 … the old cell state is forgotten" is the idea read backwards, however long the clause', () => {
    const p = part(
      '4b',
      'When ft = 1 the forget gate is fully ON, that means the old cell state Ct-1 is forgotten, so the gradient does not vanish.\n∂L/∂c1 = ∂L/∂cT × f2 × f3 × … × fT',
    );
    expect(p.items.find((i) => i.id === 'no_vanish')?.awarded).toBe(0);
    expect(p.score).toBe(1);
  });
});

describe('after round 33: a formula continued on the next row of a table drawn with bars', () => {
  it('4a: "| dL/dc_t = dL/dc_(t+1) o f_(t+1) |" then "| + dL/dh_t o o_t o (1 - tanh^2(c_t)) |" is one sum', () => {
    const rows = [
      '| c_t -> h_t : dh_t/dc_t = o_t o (1 - tanh^2(c_t)) |',
      '| c_t -> c_(t+1) : dc_(t+1)/dc_t = f_(t+1) |',
      '| so |',
      '| dL/dc_t = dL/dc_(t+1) o f_(t+1) |',
      '| + dL/dh_t o o_t o (1 - tanh^2(c_t)) | (see working)',
    ];
    expect(part('4a', rows.join('\n'))).toMatchObject({ score: 5, review: false });
    // the sum's second row missing, the direct path is not there
    expect(part('4a', rows.slice(0, 4).join('\n'))).toMatchObject({ score: 2, review: false });
  });
  it('4b: the idea stated and its opposite too goes to a person', () => {
    const p = part(
      '4b',
      'f_t = 1 means the forget gate is fully ON so the old memory is forgotten at every step. dL/dc_1 = dL/dc_T x f_2 x ... x f_T = dL/dc_T, so the gradient does not vanish.',
    );
    expect(p.review).toBe(true);
  });
});

describe('after round 34: proof-style write-ups and vectors in braces', () => {
  it('1b.ii: a computation inside a vector written with semicolons, "{1·0.604; 0; 0}", is the working', () => {
    expect(part('1b.ii', 'A: ht = ot ⊙tanh(Ct) = {1·0.604; 0; 0} = {0.604; 0; 0}')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('1b.ii', 'A: ht = {0.604; 0; 0}')).toMatchObject({ score: 0, review: false });
  });
  it('2b: a statement\'s own number, "Def. 1. Additional parameters = …", is no value', () => {
    expect(
      part(
        '2b',
        'Def. 1. Additional parameters = trainable quantities present in the attention model but not in the model with C = hn.\nThe scores and weights are all computed, not learned, and dim Ck = dim hn. Hence the number of additional parameters is 0.',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('3a: "W_f ∈ R^{5×3} (input size × output size)" states the transposed convention', () => {
    expect(part('3a', 'Let z = [ht−1, xt] ∈ R^{5}.\nWf ∈ R^{5×3} (input size × output size).')).toMatchObject(
      {
        score: 1,
        review: false,
      },
    );
  });
});

describe('after round 34: the right formula with a sentence beside it', () => {
  it('1b.ii: "h_t = o_t ∘ tanh(C_t). Since o_t = {1, 0, 0} the last two become zero" may be the working: a person reads it', () => {
    expect(
      part(
        '1b.ii',
        'ht = ot ∘ tanh(Ct). Since ot = {1, 0, 0} the last two become zero, so ht = {0.604, 0, 0}',
      ),
    ).toMatchObject({ score: 0, review: true });
    // the formula and the answer alone stay bare
    expect(part('1b.ii', 'ht = ot ∘ tanh(Ct) = {0.604, 0, 0}')).toMatchObject({ score: 0, review: false });
  });
});

describe('after round 36: steps numbered in lists, a heading over two parts', () => {
  it('a step\'s number at a line start is no value: "1) same size as f_t", "1) α_kj = … – nothing to learn"', () => {
    expect(part('3b', '1) same size as ft\n=> b_f = 3')).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '2b',
        '1) αkj = softmax(e_kj), Ck = sum αkj hj – nothing to learn here\n=⇒ no additional parameters, i.e. 0',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('"[Q2.a + Q2.b]" inside another answer: parts 2a and 2b are not "no answer found" with confidence', () => {
    const g = grade(
      '## 1b.ii\nh_t = o_t * tanh(C_t) = [0.6044, 0, 0]\n[Q2.a + Q2.b]\n - e_kj is the dot product\n==> (a) e_kj = s_k^T h_j\n==> (b) 0 additional parameters',
    );
    expect(g.parts['2a']).toMatchObject({ score: 0, review: true });
    expect(g.parts['2b']).toMatchObject({ score: 0, review: true });
    // a part nobody labelled anywhere stays "no answer found"
    expect(g.parts['4a']).toMatchObject({ score: 0, review: false });
    // a question's number alone on a line, its sub-label opening the next
    const h = grade('## 1b.ii\nht = tanh(Ct) = (0.604, 0.197, 0.050)\n2.\na) ekj = sk hj');
    expect(h.parts['2a']).toMatchObject({ score: 0, review: true });
  });
});

describe('after round 36: a pointer elsewhere, the convention in other words', () => {
  it('2b: an answer that says "see the note at the end of the script" goes to a person when it loses marks', () => {
    expect(
      part(
        '2b',
        'Attempt 1: W_a maps h_j into the space of s_k, so n × d extra weights. (see the note at the end of the script)',
      ),
    ).toMatchObject({ score: 0, review: true });
    expect(part('2b', 'W_a maps h_j into the space of s_k, so n × d extra weights.')).toMatchObject({
      score: 0,
      review: false,
    });
  });
  it('3a: "input × output: W_f is 5 × 3" and "[h_{t-1}, x_t] W_f" state the transposed convention', () => {
    expect(
      part(
        '3a',
        'Wf acts on [ht−1, xt] ∈ R^{5} and gives a 3-vector. Writing it as input × output: Wf is 5 × 3.',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '3a',
        'Wf acts on [ht−1, xt] of size 3 + 2 = 5 and gives size 3, so Wf is 5 × 3 (written as [ht−1, xt] Wf).',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('after round 36: factors side by side only on one line', () => {
  it('4b: "… (f2 + f3 + … + fT)" ending a line and "ft = 1 …" opening the next are no product', () => {
    const p = part(
      '4b',
      '∂L/∂C1 = ∂L/∂CT (f2 + f3 + .... + fT)\nft = 1 so the sum = T − 1, the gradient does not vanish',
    );
    expect(p.items.find((i) => i.id === 'product')?.awarded).toBe(0);
    expect(
      part('4b', 'dL/dc_1 = dL/dc_T f_T f_{T-1} ... f_2, and with f_t = 1 the gradient does not vanish'),
    ).toMatchObject({
      score: 2,
      review: false,
    });
  });
});

describe('after round 38: other scripts, vectors dotted, questions without sub-labels', () => {
  it('4b: an idea not recognised beside words in a script the grader does not read goes to a person', () => {
    const p = part('4b', '∂L/∂c1 = ∂L/∂cT · ∏ ft. ft = 1 होने पर product = 1, तो gradient vanish नहीं होता।');
    expect(p).toMatchObject({ review: true });
    expect(p.reasons.join(' ')).toContain('script the grader does not read');
    // (all in English, the same answer is graded)
    expect(
      part('4b', '∂L/∂c1 = ∂L/∂cT · ∏ ft. With ft = 1 the product is 1, so the gradient does not vanish.'),
    ).toMatchObject({
      score: 2,
      review: false,
    });
  });
  it('1b.ii: "{1, 0, 0} . {tanh 0.7, tanh 0.2, tanh 0.05}" is the element-wise product', () => {
    expect(
      part('1b.ii', 'h_t = o_t . tanh(C_t) = {1, 0, 0} . {tanh 0.7, tanh 0.2, tanh 0.05}\n= {0.604, 0, 0}'),
    ).toMatchObject({ score: 1, review: false });
  });
  it('3c: missing beside a question answered without sub-labels and split by what its lines define, a person checks', () => {
    const g = grade('## 3a\nW_f = 3 x 3\nb_f = 3\ntotal = 4 x (9 + 3) = 48');
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
  });
});

describe('after round 38: arrows before a shape', () => {
  it('5: "==> depthwise output 198 x 198 x 3" on its own line is the answer, not the given 200 x 200 x 3', () => {
    const p = part(
      '5',
      'Given : 200 x 200 x 3, filter 4 x 4, stride 1, padding 1\ndepthwise = 198 x 198 x 4 x 4 x 3 = 1881792\npointwise = 198 x 198 x 3 x 10 = 1176120\nResult : total = 3057912 multiplications\n==> depthwise output 198 x 198 x 3\n==> pointwise output 198 x 198 x 10',
    );
    expect(p.items.find((i) => i.id === 'depthwise')?.reason).toContain('198 × 198 × 3');
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(0.5);
  });
});

describe('after round 39: a cap beside sentences', () => {
  it('4a: the final expression capped at 2 goes to a person when sentences beside it may be the derivation', () => {
    const bare = part('4a', 'dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)');
    expect(bare).toMatchObject({ score: 2, review: false });
    const worded = part(
      '4a',
      'dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)\n(dL/dh_t is the total gradient reaching h_t, the second term comes in because the next cell state keeps f_(t+1) of this one)',
    );
    expect(worded).toMatchObject({ score: 2, review: true });
  });
});

describe('after round 40: a missing part whose label is written elsewhere goes to a person', () => {
  it('2a missing: a short line left out of the answers names it ("Ans 2(a) e_kj = s^T h_j"), or "next up, 2/a —" inside 1(b)(ii)', () => {
    const left = gradeScript(
      rubric,
      ctx,
      scriptFromText('## 2b\n0 extra parameters, the dot product has no weights', {
        unlabelled: ['Ans 2(a) ekj = sTk−1hj'],
      }),
    ).grade.parts['2a'];
    expect(left).toMatchObject({ score: 0, review: true });
    const inside = grade(
      '## 1b.ii\nh_t = [0.6044, 0, 0]\nnext up, 2/a — e_kj = s_{k-1}^T h_j\n## 2b\n0, nothing to learn',
    ).parts['2a'];
    expect(inside).toMatchObject({ score: 0, review: true });
    // (nothing names it: a confident "no answer")
    expect(grade('## 2b\n0, nothing to learn').parts['2a']).toMatchObject({ score: 0, review: false });
  });
  it('4a missing: another answer holds "Q4." (two columns read across)', () => {
    const g = grade('## 1a\nf_t → 3   Q4. Gradient through the cell state\n## 5\n199 × 199 × 3');
    expect(g.parts['4a']).toMatchObject({ score: 0, review: true });
  });
});

describe('after round 40: the input on W_f’s left inside the gate', () => {
  it('3a: "f_t = σ(z W_f + b_f) ⇒ W_f : 5 × 3" states the row-vector convention; a bare "5 × 3" does not', () => {
    expect(part('3a', 'z = [h_{t-1}, x_t] ∈ R^5, f_t = σ(z W_f + b_f) ⇒ W_f : 5 × 3')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('3a', 'W_f : 5 × 3')).toMatchObject({ score: 0 });
  });
});

describe('after round 42: tables of working, equation tags, a correction’s aside', () => {
  it('a row of a table drawn with bars computes its value cell; its step number is no value', () => {
    const p = part(
      '5',
      `Input 200 x 200 x 3, filter 4 x 4, s = 1, p = 1 (depthwise only), 10 output channels.
+------+-------------------------------------------+-----------------+
| Step | Expression | Value |
+------+-------------------------------------------+-----------------+
| 1 | depthwise out side = (200 + 2*1 - 4)/1 + 1| 199 |
| 2 | depthwise output (one 4x4 filter/channel) | 199 x 199 x 3 |
| 3 | depthwise mults = 199*199 * 3 * (4*4) | 1,900,848 |
| 4 | pointwise: 10 filters of 1x1x3, no pad | 199 x 199 x 10 |
| 5 | pointwise mults = 199*199 * 10 * 3 | 1,188,030 |
| 6 | total = step 3 + step 5 | 3,088,878 |
+------+-------------------------------------------+-----------------+`,
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('an equation’s tag "(E1)" and the aside after it are no factor of the formula', () => {
    const p = part(
      '1b.i',
      'C_t = f_t * C_(t-1) + i_t * C~_t          (E1)     (* = elementwise product)\n= [1x0.2, 0.5x0.4, 0x0.8] + [1x0.5, 0x0, 0.5x0.1]\n= [0.7, 0.2, 0.05]',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('a corrected value, then another quantity "h_t unchanged = (…)": the correction is the answer', () => {
    const p = part(
      '1b.i',
      'C_t = f_t (.) C_(t-1) + i_t (.) C~_t\n= (0.2, 0.2, 0) + (0.5, 0, 0.5)\n= (0.7, 0.2, 0.5)\nSo C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05).\nh_t unchanged = (0.6044, 0, 0) bcoz o_t kills it.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('the value after an implication and "Ans:" ends the line as the answer, a tick after it ("⇒ Ans: 72", "⇒ Ans: 3,088,878 multiplications ✓")', () => {
    expect(part('3c', 'Wf, Wi, Wo, WC → 4 × 15 = 60; bf, bi, bo, bC → 4 × 3 = 12 ⇒ Ans: 72')).toMatchObject({
      score: 1,
      review: false,
    });
    const p = part(
      '5',
      '➤ Depthwise (200 + 2 − 4)/1 + 1 = 199 ⇒ output 199 × 199 × 3\nmults = 199² × 4² × 3 = 39,601 × 48 = 1,900,848\n➤ Pointwise 10 filters 1 × 1 × 3 ⇒ output 199 × 199 × 10\nmults = 39,601 × 3 × 10 = 1,188,030\n➤ Total 1,900,848 + 1,188,030 ⇒ Ans: 3,088,878 multiplications ✓',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('4(b)\'s product written out with bare f\'s or spaced dots ("f * f * ... * f", "dL/dc_T . 1 . 1 ... 1")', () => {
    expect(item('4b', 'dL/dc_1 = dL/dc_T * f * f * ... * f', 'product').awarded).toBe(1);
    expect(
      item('4b', 'f_t = 1 for all t gives dL/dc_1 = dL/dc_T . 1 . 1 ... 1 = dL/dc_T.', 'product').awarded,
    ).toBe(1);
    expect(item('4b', 'the gradient at c_1 is 0.1 . 1 = 0.1', 'product').awarded).toBe(0);
    // (the product written out, then the gradient said to explode: the idea and its opposite, for a person)
    const grows = part(
      '4b',
      '∂L/∂c1 = ∂L/∂cT × f × f × … × f. When ft = 1 the gradient keeps getting multiplied by 1 at every step and becomes very large (exploding)',
    );
    expect(grows.review).toBe(true);
    expect(
      part('4b', 'dL/dc_1 = dL/dc_T prod f_t. With f_t = 1 the gradient neither vanishes nor explodes.'),
    ).toMatchObject({
      score: 2,
      review: false,
    });
    // (and with "neither" before the growth: "the gradient is frozen and neither explodes nor vanishes")
    expect(
      part(
        '4b',
        'dL/dc_1 = dL/dc_T . f_2 . f_3 ... f_T. If f_t = 1 the gradient is frozen and neither explodes nor vanishes.',
      ),
    ).toMatchObject({ score: 2, review: false });
  });
});

describe('after round 45: a total carried past the key, terse reasons', () => {
  it('3c: the key reached, then added to ("4 x 18 = 72 … my total is 72 + 3 = 75"): a person reads which is the answer', () => {
    const p = part(
      '3c',
      'Each of the four layers has 3 x 5 = 15 weights plus a bias of 3, so 18 per layer and 4 x 18 = 72 for all four.\nThe cell state holds 3 values, so my total is 72 + 3 = 75 parameters.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/goes on to 75/);
    // (a ratio with the key compares it with something: the key stays the answer)
    expect(
      part(
        '5',
        'side (200 + 2 - 4)/1 + 1 = 199, depthwise 199 x 199 x 3, pointwise 199 x 199 x 10\n199 x 199 x 3 x 16 = 1,900,848 and 199 x 199 x 3 x 10 = 1,188,030, total 1,900,848 + 1,188,030 = 3,088,878\nstandard conv: 199 x 199 x 10 x 48 = 19,008,480, so 19,008,480 / 3,088,878 = 6.15 times more',
      ),
    ).toMatchObject({ score: 3, review: false });
  });
  it('3a: the stacked input with its size ("W_f : 3 x 5 ([h,x] is 5 dim)") is the reason', () => {
    expect(part('3a', 'W_f : 3 x 5   ([h,x] is 5 dim)')).toMatchObject({ score: 1, review: false });
    expect(part('3a', 'W_f : 3 x 5').score).toBe(0);
  });
  it('3a: "W_f maps R^5 to R^3 and its dimension is 3 x 5": the spaces name no other quantity', () => {
    expect(
      part(
        '3a',
        'The concatenated vector has 3 + 2 = 5 entries.\nThe output f_t has size 3, so W_f maps R^5 to R^3 and its dimension is 3 x 5.',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('1b.i: a full stop as the product in the formula ("C_t = f.C_{t-1} + i.C~_t (. = elementwise)")', () => {
    expect(
      part(
        '1b.i',
        'C_t = f.C_{t-1} + i.C~_t (. = elementwise)\n= (1*.2, .5*.4, 0*.8) + (1*.5, 0*0, .5*.1) = (.7,.2,.05)',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('5: a shape said to be "the output" after a count is the shape\'s, and one wrapped after its "x" is whole', () => {
    const p = part(
      '5',
      'Depthwise: padding 1 makes the image 202 x 202, so 202 - 4 + 1 = 199, and the output after depthwise is 199 x 199 x 3.\n' +
        'At each of the 199 x 199 positions it does 16 multiplications, 199 x 199 x 16 = 633,616 for the depthwise part.\n' +
        'Pointwise: ten 1 x 1 x 3 filters, so 199 x 199 x 3 x 10 = 1,188,030 multiplications, and the output is 199 x 199 x\n10.\n' +
        'Total = 633,616 + 1,188,030 = 1,821,646 multiplications.',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 0.5]);
    expect(p.review).toBe(false);
  });
  it('3c: the count a sentence ends with in its unit ("… so the LSTM cell has 54 parameters.") is the answer', () => {
    expect(
      part(
        '3c',
        'each gate has 3 × 5 = 15 weights and a bias of 3, so 18 per gate. Three gates make 3 × 18, which is fifty-four, so the LSTM cell has 54 parameters.',
      ),
    ).toMatchObject({ score: 0, review: false });
  });
  it('2b: a count in symbols with an aside ("d^2 (W_a matrix)") is that count', () => {
    expect(part('2b', 'd^2 (W_a matrix)')).toMatchObject({ score: 0, review: false });
  });
  it('4b: a big operator\'s limits alone on a line ("t=2"), the ∏ pdfTeX left out of the text layer: a person checks the product', () => {
    const p = part('4b', '= ft = for ft = 1 ⇒ no vanishing grad.\n∂c1 ∂cT ∂cT\nt=2');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/limits stand alone/);
  });
  it('1b.ii: "tanh(0.7) is about 0.60" is the computation in words', () => {
    expect(part('1b.ii', 'h_t = o_t x tanh(C_t)\ntanh(0.7) is about 0.60\nh_t = [0.60, 0, 0]')).toMatchObject(
      {
        score: 1,
        review: false,
      },
    );
  });
  it('4b: "all the forget gates multiply to 1" states the product', () => {
    expect(
      part(
        '4b',
        'If f_t = 1 then dL/dc_1 = dL/dc_T because all the forget gates multiply to 1, and so the gradient does not vanish.',
      ),
    ).toMatchObject({ score: 2, review: false });
    // (one gate's step is no product over time)
    expect(
      item('4b', 'the cell state is passed with only the forget gate multiplying it', 'product').awarded,
    ).toBe(0);
  });
});

describe('after round 46: two answers left standing, a pick, a remark after the answer', () => {
  it('two answers left standing go to a person: "X (or Y)", vectors with a slash, two results "= 18 / 72"', () => {
    for (const [id, text] of [
      [
        '5',
        'depthwise 197 x 197 x 3, pointwise 197 x 197 x 10\ntotal = 1862832 + 388090 = 2250922\ntotal mult = 2250922 (or 3027102)',
      ],
      [
        '1b.ii',
        'h_t = o_t * tanh(C_t) = {0.7, 0, 0}\nor with tanh, tanh(0.7) = 0.604 so h_t = {0.604, 0, 0}\nh_t = {0.7,0,0} / {0.604,0,0}',
      ],
      [
        '3c',
        'total = 3 × 5 + 3 = 18\n(for the forget gate; with all gates it is 4 × 18 = 72)\nTotal parameters = 18 / 72',
      ],
    ] as const) {
      const p = part(id, text);
      expect(p.review, id).toBe(true);
    }
    // (a sum is no pair of answers, nor is a fraction's brackets: "(200 + 2(1) − 4)/(1) + 1")
    expect(part('3c', 'per gate 3 × 5 + 3 = 18, so 4 × 18 = 72').review).toBe(false);
    expect(
      part(
        '5',
        'output side = (200 + 2(1) − 4)/(1) + 1 = 199, so depthwise 199 × 199 × 3, pointwise 199 × 199 × 10\ntotal 199 × 199 × 48 + 199 × 199 × 30 = 3,088,878',
      ),
    ).toMatchObject({ score: 3, review: false });
  });
  it('"I keep 60." picks the answer; a case set aside on the line before ("If biases are also counted it becomes⏎60 + 4 × 3 = 72")', () => {
    expect(
      part(
        '3c',
        'Weight values: 4 matrices, each 3 × 5: 4 × 15 = 60\nThe question asks for weight values, so I have not added the biases. If biases are also counted it becomes\n60 + 4 × 3 = 72. I keep 60.',
      ),
    ).toMatchObject({ score: 0.5, review: false });
  });
  it('"I keep 198" in a part asking for several values picks none of them for every answer', () => {
    const p = part(
      '5',
      'Depthwise: output side = 201 − 4 + 1 = 198 → output 198 × 198 × 3\nMultiplications = 198 × 198 × 16 × 3 = 1,881,792\nPointwise: 10 filters of 1 × 1 × 3 → output 198 × 198 × 10\nMultiplications = 198 × 198 × 3 × 10 = 1,176,120\nTotal = 1,881,792 + 1,176,120 = 3,057,912 multiplications\n(If the padding were on all four sides it would be 199, but padding = 1 means one extra pixel, so I keep 198.)',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([0, 0, 0.5]);
  });
  it('a "Remark." after the answer is no answer ("Remark. Ratio … = 0.1625")', () => {
    const p = part(
      '5',
      'Padding 1 with stride 1 keeps the spatial size, so No = 200.\nDepthwise: 200 × 200 × 4 × 4 × 3 = 1,920,000\nPointwise: 200 × 200 × 3 × 10 = 1,200,000\nTotal: 3,120,000\nAnswer: output after depthwise 200 × 200 × 3, after pointwise 200 × 200 × 10; total 3,120,000 multiplications.\nRemark. Ratio to a standard convolution: 1/10 + 1/16 = 0.1 + 0.0625 = 0.1625.',
    );
    expect(p).toMatchObject({ score: 0.5, review: false });
  });
  it('2a: a subscript broken at its minus, its index alone on the next line ("ekj = hjT sk-⏎1")', () => {
    expect(part('2a', 'ekj = hjT sk-\n1')).toMatchObject({ score: 1, review: false });
  });
});

describe('after round 47: numbers the student names, a count left in symbols, a table set across', () => {
  it('arithmetic in a number the student named ("let n = … = 199", then "n^2 x 4 x 4 x 3 = 1900848") is evaluated', () => {
    const p = part(
      '5',
      'let n = (200 + 2(1) - 4)/1 + 1 = 199\ndepthwise output = 199 x 199 x 3\npointwise output = 199 x 199 x 10\ndepthwise mults = n^2 x 4 x 4 x 3 = 1900848\npointwise mults = n^2 x 10 = 396010\ntotal = 1900848 + 396010 = 2296858',
    );
    // the depthwise count is right and shown: the total's half mark (rubric: one of the two counts)
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 0.5]);
    expect(p.review).toBe(false);
    // a name never given a number stays unevaluated: no count is shown
    const q = part(
      '5',
      'depthwise output = 199 x 199 x 3\npointwise output = 199 x 199 x 10\ndepthwise mults = q^2 x 4 x 4 x 3 = 1900848\npointwise mults = q^2 x 10 = 396010\ntotal = 1900848 + 396010 = 2296858',
    );
    expect(q.items[2].awarded).toBe(0);
  });
  it('2b: a count ending in the model\'s sizes ("#extra = d × d = d^{2}") is no zero said in words before it', () => {
    const p = part(
      '2b',
      'In the plain encoder-decoder nothing has to be learnt for it. With attention we learn a matrix\nW_a (d × d), so the extra parameters are\n#extra = d × d = d^{2}.',
    );
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).toContain('d^{2}');
  });
  it('1a: a table set across whose names carry the question\'s enumerators ("i. ft  ii. it …" over "3  4 …")', () => {
    const p = part(
      '1a',
      'Variable → position:\ni. ft ii. it iii. ot iv. Ct v. Ct−1 vi. C̃t\n3    4    8    10    1    6',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
});

describe('after round 48: more than was asked, PyTorch shapes, a key carried on', () => {
  it('a side remark, a comparison or another model after the answer is no answer ("Side remark: GRU … = 27", "Compare normal conv: … ~6 times less")', () => {
    expect(
      part(
        '3c',
        'per gate 3 x 5 + 3 = 18\n4 gates -> 4 x 18 = 72\nTotal = 72 parameters\nSide remark: GRU has 3 gates so it would be 3 x 18 = 54.',
      ),
    ).toMatchObject({ score: 1, review: false });
    const p = part(
      '5',
      'padded size 201, output = 201 - 4 + 1 = 198 -> 198 x 198 x 3\nmultiplications = 198 x 198 x 4 x 4 x 3 = 1881792\npointwise -> 198 x 198 x 10\nmultiplications = 198 x 198 x 3 x 10 = 1176120\nTotal = 1881792 + 1176120 = 3057912 multiplications\nCompare normal conv: 198 x 198 x 4 x 4 x 3 x 10 = 18817920, so separable is ~6 times\nless.',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([0, 0, 0.5]);
  });
  it('an answer marked after the key was computed ("… 4 x 18 = 72 … Ans = 18 (72 if all gates are counted)") is not the key', () => {
    const p = part(
      '3c',
      'parameters = W_f + b_f = 15 + 3 = 18\nLSTM has 4 gates so 4 x 18 = 72 but the question asks about\nW_f. Ans = 18 (72 if all gates are counted)',
    );
    expect(p.score === 1 && !p.review).toBe(false);
  });
  it('"Including biases: …" after a count without them is a case set aside; the key times a count ("4 × 72 = 288") is carried on', () => {
    for (const [id, text] of [
      ['3c', 'Weights only: 4 × 15 = 60. Including biases: 60 + 12 = 72'],
      ['3c', 'one gate = 12 × 5 + 12 = 72\n4 gates (f, i, o, g) = 4 × 72 = 288'],
    ] as const)
      expect(part(id, text).review, text).toBe(true);
    // a total that includes the biases in its own words is the answer
    expect(part('3c', 'per gate 3 x 5 + 3 = 18. Total including biases: 4 × 18 = 72.')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('3a: PyTorch\'s "torch.Size([3, 5])" is the shape 3 × 5', () => {
    expect(
      part(
        '3a',
        'Input to each gate is [h_{t-1}, x_t] which is 3 + 2 = 5 dimensional.\nW_f : torch.Size([3, 5])',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('after round 49: MATLAB and converted ink', () => {
  it('MATLAB\'s shape ("size(W_f) = [3 5]"), transpose on a glued index ("ekj = sk\' · hj") and a printed column ("ans =" then one number a line)', () => {
    expect(
      part('3a', '[h_{t-1}; x_t] has size 3 + 2 = 5.\nsize(W_f) = [3 5] % 3 rows (cell size) x 5 cols'),
    ).toMatchObject({ score: 1, review: false });
    expect(part('2a', "ekj = sk' · hj")).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '1b.i',
        'C_t = f_t .* C_(t-1) + i_t .* C~_t\n= [1;0.5;0].*[0.2;0.4;0.8] + [1;0;0.5].*[0.5;0;0.1]\n= [0.2;0.2;0] + [0.5;0;0.05]\nans =\n0.7000\n0.2000\n0.0500',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('4b: a product written with a spaced x ("dL/dcT x fT x fT-1 x ... x f2") states the product of the forget gates', () => {
    const p = part(
      '4b',
      "dL/dc1 = dL/dcT x fT x fT-1 x ... x f2. If ft = 1 all of these are 1 so dL/dc1 = dL/dcT.\nThe forget gate acts like a highway so the gradient doesn't die.",
    );
    expect(p).toMatchObject({ score: 2, review: false });
  });
  it('1b.i: the formula and a wrong vector with no arithmetic between goes to a person (a slip, or a given misread)', () => {
    const bare = part(
      '1b.i',
      'f_t = [1, 0.5, 0.5], i_t = [1, 0, 0.5]\nC_t = f_t*C_(t-1) + i_t*C~_t = [0.7, 0.2, 0.45]',
    );
    expect(bare.review).toBe(true);
    // with the arithmetic written, a slip is graded as one
    expect(
      part(
        '1b.i',
        'C_t = f_t*C_(t-1) + i_t*C~_t = [1*0.2 + 1*0.5, 0.5*0.4 + 0*0, 0*0.8 + 0.5*0.1] = [0.7, 0.2, 0.5]',
      ),
    ).toMatchObject({ score: 0.5, review: false });
  });
});

describe('after round 49: answers marked after the key', () => {
  it('a list of finals with the key among them ("Final: 3 × 5; 3 (i.e. 3 × 1); 72.") or the key in digit groups marks no other answer', () => {
    expect(
      part('3c', '4 [d_h(d_h + d_x) + d_h] = 4(15 + 3) = 72\nFinal: 3 × 5; 3 (i.e. 3 × 1); 72.'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
    const p = part(
      '5',
      '(200+2*1-4)/1 + 1 = 199, so 199 × 199 × 3 after depthwise, 199 × 199 × 10 after pointwise\n199^2 * 3 * 16 = 1 900 848, 199^2 * 10 * 3 = 1 188 030\n1 900 848 + 1 188 030 = 3 088 878\nFinal: 3 088 878 multiplications; 199 × 199 × 3 after depthwise',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
});

describe('after round 50: other notations for time and entries', () => {
  it("the Coursera notation (Γ_f, Γ_u, Γ_o; c<t>, a<t> for h_t) and time as a function's argument (c(t-1), dL/dc(t+1)) read as the exam's symbols", () => {
    expect(
      part(
        '1b.i',
        'c<t> = Γf · c<t−1> + Γu · c̃<t>\n= [1(0.2) + 1(0.5), 0.5(0.4) + 0(0), 0(0.8) + 0.5(0.1)]\n= [0.7, 0.2, 0.05]',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '1b.ii',
        'h(t) = o(t) * tanh(C(t)) = [1 * tanh(0.7), 0 * tanh(0.2), 0 * tanh(0.05)] = [0.604, 0, 0]',
      ),
    ).toMatchObject({
      score: 1,
      review: false,
    });
    // f(x) stays a function: only time and gate arguments are indices
    expect(part('2a', 'e(kj) = s(k-1)^T h(j)')).toMatchObject({ score: 1, review: false });
  });
  it('an entry\'s index glued on after a comma ("ekj = sk,d hj,d = sTk hj") and b(f)\'s own size are read as such', () => {
    expect(part('2a', 'ekj = sk,d hj,d = sTk hj')).toMatchObject({ score: 1, review: false });
    // "b(f) ∈ R^{3×1}" states b_f's size: no reason for it (not f_t's size)
    expect(part('3b', 'b(f) ∈ R^{3×1}.')).toMatchObject({ score: 0, review: false });
  });
  it('a scalar h_t carried from a scalar C_t ("1 * tanh(0.95) = 0.74") goes to a person with its carried-forward half', () => {
    const g = grade(
      '## 1b.i\nf(t).C(t-1) = 1*0.2 + 0.5*0.4 + 0*0.8 = 0.4\ni(t).C~(t) = 1*0.5 + 0*0 + 0.5*0.1 = 0.55\nC(t) = 0.4 + 0.55 = 0.95\n## 1b.ii\nh(t) = o(t) * tanh(C(t)) = 1 * tanh(0.95) = 0.74',
    );
    expect(g.parts['1b.ii']).toMatchObject({ score: 0.5, review: true });
  });
  it('4a: a fraction\'s part alone on a line ("∂L", "∂c(t + 1)") may hold a term not read: a person checks', () => {
    const p = part('4a', '∂L ∂L\n= ∗ o(t) ∗ (1 − tanh^{2}(c(t)))\n∂c(t) ∂h(t)\n∂L\n+ ∗ f(t + 1)\n∂c(t + 1)');
    expect(p.review).toBe(true);
  });
});

describe('after round 51: AsciiMath and a lost big operator', () => {
  it('"tanh(o_t odot C_t)" is read (another formula: to a person); "(del L)/(del c_t)" is a derivative; a trailing ∑ glyph ("ekj = sTk−1hj P") is no factor', () => {
    const p = part(
      '1b.ii',
      'h_t = tanh(o_t odot C_t)\no_t odot C_t = {1 x 0.7 ; 0 x 0.2 ; 0 x 0.05} = {0.7 ; 0 ; 0}\nh_t = {tanh(0.7) ; tanh(0) ; tanh(0)} = {0.6044 ; 0 ; 0}',
    );
    expect(p).toMatchObject({ score: 0, review: true });
    expect(part('2a', 'ekj = sTk−1hj P')).toMatchObject({ score: 1, review: false });
  });
});

describe('after round 52: shapes in words, a table cell read apart, a question heading with a dash', () => {
  it('"W_f is 3-by-5" is a shape', () => {
    expect(
      part('3a', 'W f multiplies [h t-1 , x t ] (length 3 + 2 = 5) and gives length 3,\nso W f is 3-by-5.'),
    ).toMatchObject({ score: 1, review: false });
  });

  it('a count read off the end of a product restating sizes ("after pointwise = 197 × 197 × 10") goes to a person', () => {
    const p = part(
      '5',
      'mults 197 × 197 × 10 × 3 = 38809 × 30 1,164,270\n3,027,102\nAnswer 1,862,832 + 1,164,270\nmultiplications\nOutput after depthwise = 197 × 197 × 3, after pointwise = 197 × 197 × 10.',
    );
    expect(p.review).toBe(true);
    expect(p.items[2].reason).toMatch(/last factor of a product/);
  });

  it('a derivation whose line breaks off inside a bracket ("⊙ (1 −", a table cell wrapped) goes to a person', () => {
    const p = part(
      '4a',
      '∂L/∂ct = ∂L/∂ct+1 ⊙ ft+1\n+ ∂L/∂ht ⊙ ot ⊙ (1 −\n(1): ct+1 = ft+1 ⊙ ct + it+1 ⊙ c̃t+1 ⇒ ∂ct+1/∂ct = diag(ft+1)\n(2): ht = ot ⊙ tanh(ct) ⇒ ∂ht/∂ct = diag(ot ⊙ (1 − tanh²ct)) tanh²(ct))',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/breaks off inside a bracket/);
  });

  it('a missing part whose question\'s heading ("3 -") stands alone in another answer goes to a person', () => {
    const g = grade(
      '## 2b\n0\n3 -\nPart Expression Value\na Wf acts on [ht−1, xt], size 3 + 2 3 × 5\nb bf is added to [ht−1, xt] 5\nc 4 × (15 + 5) 80',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
  });
});

describe('after round 53: code-mixed Hindi, where numbers come from, a stride before a shape', () => {
  it('"vanishing nahi hota" says the gradient does not vanish', () => {
    expect(
      part(
        '4b',
        '∂L/∂c1 = ∂L/∂cT · f2 f3 … fT + …\nft = 1 ⇒ product = 1, gradient ekdum waisa hi c1 tak aata hai, vanishing nahi hota.',
      ),
    ).toMatchObject({ score: 2, review: false });
  });

  it('"3 from HS + 2 from x = 5" is the sum behind 3 × 5', () => {
    expect(part('3a', 'Wf = 3 × 5 (3 from HS + 2 from x = 5)')).toMatchObject({ score: 1, review: false });
  });

  it('a shape starting at a stride\'s value ("stride 1 × 199 × 3", a table cell wrapped) goes to a person', () => {
    const p = part(
      '5',
      'Step Output size Multiplications\nDepthwise, 3 filters 4×4, pad 1, (200 + 2 − 4)/1 + 1 = 199 → 199 199 × 199 × 3 × 16 = 39601 × 48 =\nstride 1 × 199 × 3 1,900,848\n199 × 199 × 10 × 3 = 39601 × 30 =\nPointwise, 10 filters 1×1×3 199 × 199 × 10\n1,188,030\nTotal 3,088,878',
    );
    expect(p.review).toBe(true);
  });
});

describe('after round 54: rough work above the answers, steps numbered in brackets, paths multiplied', () => {
  it("3(c)'s own carried-forward total computed under 3(a) is no bare answer: a person checks", () => {
    const g = grade(
      '## 3a\nscratch: x has 2 entries, f has 3 -> 3 x 2, plus 3 biases: 3 x 2 + 3 = 9; four gates -> 36\nso W_f is 3 x 2\n## 3b\n3\n## 3c\n36',
    );
    expect(g.parts['3c'].review).toBe(true);
  });

  it('a carried-forward total whose working sits under 3(a) earns the carried-forward share, not full marks', () => {
    const g = grade('## 3a\nW_f is 3 x 2, so in all 4 x (3 x 2 + 3) = 36\n## 3b\n3\n## 3c\n36');
    expect(g.parts['3c'].score).toBe(0.5);
  });

  it('the two paths multiplied as bracketed factors ("[…] . […]") are no sum: a person judges', () => {
    const p = part(
      '4a',
      'dh_t/dc_t = o_t (1 - tanh^2 c_t)\ndc_(t+1)/dc_t = f_(t+1)\ndL/dc_t = [dL/dh_t . o_t (1 - tanh^2 c_t)] . [dL/dc_(t+1) . f_(t+1)]',
    );
    expect(p.review).toBe(true);
  });

  it('steps numbered "(12)", "(13)" and referred to as "(11)" are no counts: the stated 0 is read', () => {
    expect(
      part(
        '2b',
        '(12) by (11) the score uses no matrix\n(13) the softmax in (10) learns nothing   [fixed]\n∴ extra parameters = 0',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('after round 55: tables, numbers in many forms, arrows and unrolled chains', () => {
  it('positions written with raw TeX dollars and markdown bold are read ("$i_t$ -> slot **4**")', () => {
    const p = part(
      '1a',
      '* $f_t$ -> slot **3**\n* $i_t$ -> slot **4**\n* $o_t$ -> slot **8**\n* $C_t$ -> slot **10**\n* $C_{t-1}$ -> slot **1**\n* $\\tilde{C}_t$ -> slot **6**',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });

  it('"name @N" gives a position, and a line of the question\'s numerals maps no i_t or v', () => {
    const p = part(
      '1a',
      'numerals: i->3, ii->4, iii->8, iv->10, v->1, vi->6\nthat is f_t @3, i_t @4, o_t @8, C_t @10, C_{t-1} @1, C~_t @6\nthe top line takes it at 10 on the right',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });

  it('arrow chains broken by "…" are paths, not relations: the sum is no confident derivation', () => {
    const p = part(
      '4a',
      'L => h_T => c_T => … => c_{t+1} => c_t\nL => … => h_t => c_t\ndL/dc_t = dL/dc_{t+1} * f_{t+1} + dL/dh_t * o_t * (1 - tanh^2(c_t))',
    );
    expect(p.review || p.score <= 2).toBe(true);
  });

  it('the key computed, then a different total marked after it ("total = 75"): a person reads which', () => {
    const p = part(
      '3c',
      'per gate 15 + 3 = 18, times 4 gives 72\nplus an initial state of 3 that is learnt\ntotal = 75',
    );
    expect(p.review).toBe(true);
  });

  it("a weights-only total from the student's own shapes, laid out as a table: never a confident 0, its half mark", () => {
    const g = grade(
      '## 3a\nW_f is 3 x 2\n## 3b\nb_f is 3\n## 3c\n| gate | weights |\n| forget | 6 |\n| input | 6 |\n| output | 6 |\n| cand | 6 |\n| sum | 24 |',
    );
    // (the column of counts adds up to the sum row: its working, and the half mark carried forward)
    expect(g.parts['3c']).toMatchObject({ score: 0.5, review: false });
  });

  it('the pointwise shape stated after "pointwise =" is no reason for itself', () => {
    const p = part(
      '5',
      'size is 199 x 199 x 10\nafter pointwise = 199 x 199 x 10\n199*199*4*4*3*10 = 19008480',
    );
    expect(p.items.find((i) => i.id === 'pointwise')?.awarded ?? 0).toBe(0);
  });

  it('b_f sized as "hidden" is a reason: the hidden size', () => {
    expect(part('3b', 'b_f : hidden → 3 × 1')).toMatchObject({ score: 1, review: false });
  });

  it("a wrong h_t after a C_t that was read only with doubt is a person's call, not a confident 0", () => {
    const g = grade(
      '## 1b.i\nCt = ft . Ct-1 + it . C~t\nft . Ct-1 = 1(0.2) + 0.5(0.4) + 0(0.8) = 0.4 Ct = 0.95\nit . C~t = 1(0.5) + 0(0) + 0.5(0.1) = 0.55\n## 1b.ii\nht = ot tanh(Ct) = {1, 0, 0} × tanh(0.95) = {0.7398, 0, 0}',
    );
    expect(g.parts['1b.ii'].score === 0 && !g.parts['1b.ii'].review).toBe(false);
  });
  it('the two element-wise products written as unbracketed lists or a table column are the working', () => {
    expect(
      part('1b.i', 'forget part: 0.2, 0.2, 0\ninput part: 0.5, 0, 0.05\nso C_t = (0.7, 0.2, 0.05)'),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '1b.i',
        'row f prev kept i cand added sum\n1 1 0.2 0.2 1 0.5 0.5 0.7\n2 0.5 0.4 0.2 0 0 0 0.2\n3 0 0.8 0 0.5 0.1 0.05 0.05\nC_t = [0.7, 0.2, 0.05]',
      ),
    ).toMatchObject({ score: 1, review: false });
    // (the answer alone stays bare)
    expect(part('1b.i', 'C_t = (0.7, 0.2, 0.05)').score).toBe(0);
  });

  it('fractions typed with bracketed sides, nested TeX fractions and δ with a subscript are dL/dc_t', () => {
    const forms = [
      '(del L)/(del c_t) = (del L)/(del h_t) odot o_t odot (1 - tanh^2(c_t)) + (del L)/(del c_(t+1)) odot f_(t+1)',
      '\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot (1 - \\tanh^2(c_t)) + \\frac{\\partial L}{\\partial c_{t+1}} \\odot f_{t+1}',
      'δ_c(t) = δ_h(t) ⊙ o_t ⊙ (1 − tanh²(c_t)) + δ_c(t+1) ⊙ f_{t+1}',
    ];
    for (const f of forms)
      expect(part('4a', `h_t = o_t ⊙ tanh(c_t) and c_{t+1} = f_{t+1} ⊙ c_t + …, so\n${f}`).score).toBe(5);
  });

  it('TeX left unread after a parsed equation sends a part that loses marks to a person', () => {
    const p = part(
      '4a',
      'h_t = o_t ⊙ tanh(c_t), c_{t+1} = f_{t+1} ⊙ c_t + …\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t))\n+ \\pdv{L}{c_{t+1}} \\odot f_{t+1}',
    );
    expect(p.review).toBe(true);
  });

  it('4(b): the product of forget gates in other notations ("∏_{k=2}^T f_k", "products … equal 1", "f_2 * … * f_T")', () => {
    for (const t of [
      'dL/dc_1 = dL/dc_T ⊙ ∏_{k=2}^{T} f_k + other terms; with f = 1 the gradient does not vanish.',
      'With every f_t = 1, all products of forget gates equal 1 and the gradient does not vanish.',
      'dL/dc_1 = dL/dc_T * f_2 * … * f_T; when each f_t = 1 the gradient does not vanish.',
    ])
      expect(part('4b', t)).toMatchObject({ score: 2, review: false });
  });

  it("4(b): a short explanation whose product's marks are not recognised is no confident 1", () => {
    const p = part('4b', 'dL/dc_1 = dL/dc_T × Πₖ fₖ² ; with f = 1 the gradient does not vanish.');
    expect(p.score === 1 && !p.review).toBe(false);
  });
  it("Q5 set out as a table with a column per stage: each shape is its column head's", () => {
    const p = part(
      '5',
      '        Depthwise                Pointwise\nside    (200 + 2 - 4)/1 + 1 = 199     199 (1x1 keeps it)\nshape   199 x 199 x 3            199 x 199 x 10\nmults   199 * 199 * 3 * 16 = 1900848   199 * 199 * 3 * 10 = 1188030\ntotal 1900848 + 1188030 = 3088878',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('2(a): indices as arguments ("e(k, j) = s(k − 1)T h(j)") and a clause ended by a comma above a garbled fraction', () => {
    expect(part('2a', 'score: e(k, j) = s(k − 1)T h(j), weights by softmax over j')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('2a', 'e_kj = s_(k-1)^T h_j,\nexp(e_kj) Xn\nα = Pnl=1')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('4(b): a sum of the forget gates in place of their product: the product surely absent; said to grow, a person', () => {
    // (labellers credit "does not vanish" after the sum — uq-06, td-03, ub-10, xi-06 and some hundred
    // more — also where the sum is said to make the gradient grow: 91 to 3, adjudicated in round 71)
    for (const t of [
      'dL/dc_1 = dL/dc_T (f_2 + f_3 + ... + f_T); with f_t = 1 this is (T − 1) times dL/dc_T, so the gradient does not vanish.',
      'dL/dc_1 is the sum of the f_t times dL/dc_T; with every f_t = 1 the gradient does not vanish.',
    ])
      expect(part('4b', t)).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '4b',
        'dL/dc_1 = dL/dc_T (f_2 + f_3 + ... + f_T); with f_t = 1 this is (T − 1) times bigger, so the gradient does not vanish.',
      ),
    ).toMatchObject({ score: 1, review: false });
  });

  it('2(a): letters glued onto a formula read as wrong ("s(k − 1)TPh(j)", a typeset sum run in) go to a person', () => {
    expect(part('2a', 'e(k, j) = s(k − 1)TPh(j), then a(k, j) = softmax(e(k, j))').review).toBe(true);
    // (a wrong formula read whole stays wrong with confidence)
    expect(part('2a', 'e_kj = h_k . h_j')).toMatchObject({ score: 0, review: false });
  });
  it("a wrong h_t after a C_t whose answer's start was only guessed is a person's call, not a confident 0", () => {
    const text =
      '## 1b.i\nC_t = i_t * C_{t-1} + f_t * C~_t = [0.2, 0, 0.4] + [0.5, 0, 0] = [0.7, 0, 0.4]\n## 1b.ii\nh_t = tanh(0.95) = [0.7398, 0, 0]';
    const sure = gradeScript(rubric, ctx, scriptFromText(text)).grade.parts['1b.ii'];
    expect(sure).toMatchObject({ score: 0, review: false });
    const s = scriptFromText(text);
    s.parts['1b.i'] = { ...s.parts['1b.i'], labelConf: 0.5, conf: 0.5 };
    expect(gradeScript(rubric, ctx, s).grade.parts['1b.ii'].review).toBe(true);
  });
});

describe("after round 56: an equation editor's linear text, checks beside the answer, shapes as reasons", () => {
  it("an equation editor's pasted maths is read: italic letters, the fraction slash, bracketed subscripts", () => {
    const p = part(
      '4a',
      '∂𝐿⁄∂𝑐ₜ = (∂𝐿⁄∂ℎₜ)(∂ℎₜ⁄∂𝑐ₜ) + (∂𝐿⁄∂𝑐₍ₜ₊₁₎)(∂𝑐₍ₜ₊₁₎⁄∂𝑐ₜ)\n∂ℎₜ⁄∂𝑐ₜ = 𝑜ₜ ⊙ (1 − tanh²(𝑐ₜ))\n∂𝑐₍ₜ₊₁₎⁄∂𝑐ₜ = 𝑓₍ₜ₊₁₎\nAns. ∂𝐿⁄∂𝑐ₜ = ∂𝐿⁄∂ℎₜ ⊙ 𝑜ₜ ⊙ (1 − tanh²(𝑐ₜ)) + ∂𝐿⁄∂𝑐₍ₜ₊₁₎ ⊙ 𝑓₍ₜ₊₁₎',
    );
    expect(p).toMatchObject({ score: 5, review: false });
    const q = part(
      '1b.i',
      '𝐶ₜ = 𝑓ₜ ⊙ 𝐶₍ₜ₋₁₎ + 𝑖ₜ ⊙ 𝐶̃ₜ\n= [1×.2, .5×.4, 0×.8] + [1×.5, 0×0, .5×.1]\n= [.7, .2, .05]',
    );
    expect(q).toMatchObject({ score: 1, review: false });
  });
  it("a programmer's names for the previous state (C_prev, C_tilde) are the formula's symbols", () => {
    expect(
      part(
        '1b.i',
        'C_t = f_t * C_prev + i_t * C_tilde (elementwise)\nf_t * C_prev = (0.2, 0.2, 0)\ni_t * C_tilde = (0.5, 0, 0.05)\nC_t = (0.7, 0.2, 0.05)',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('a vector times a vector with the times sign typed as x is arithmetic that evaluates', () => {
    for (const t of [
      'h_t = o_t x tanh(C_t) = {1, 0, 0} x {tanh(0.7), tanh(0.2), tanh(0.05)} = {0.604, 0, 0}',
      // (on the student's own C_t: the same h_t, its working is what it computed)
      'h_t = o_t x tanh(C_t) = {1, 0, 0} x {tanh0.7, tanh0, tanh0.4}\n= {0.604, 0, 0}',
    ])
      expect(part('1b.ii', t), t).toMatchObject({ score: 1, review: false });
    // (and MATLAB's rows, entries apart by spaces, transposed)
    expect(
      part('1b.ii', "h_t = o_t .* tanh(C_t) = [1 0 0]' .* [tanh 0.7 tanh 0 tanh 0.4]'\n= [0.604 0 0]'"),
    ).toMatchObject({ score: 1, review: false });
    // (a wrong vector from the same arithmetic stays wrong)
    expect(part('1b.ii', 'h_t = {1, 0, 0} x {0.7, 0.2, 0.05} = {0.7, 0, 0}')).toMatchObject({ score: 0 });
  });
  it('4(a): a path with none of its local derivatives is a slip the rubric knows (0), graded with confidence', () => {
    // (the course's "dL/dh_t" with neither o_t nor tanh', and "dL/dc_{t+1}" without f_{t+1})
    expect(part('4a', 'dL/dc_t = dL/dc_(t+1) * f_t + dL/dh_t')).toMatchObject({ score: 1, review: false });
    // (a term that breaks off at a product, left unfinished or wrapped, may hold the factor: a person reads it)
    for (const t of [
      'dL/dc_t = dL/dc_(t+1) * dc_(t+1)/dc_t\n= dL/dc_(t+1) * f_t + dL/dh_t * ...\n... no time, come back',
      '∂L/∂c_t = ∂L/∂h_t ⊙ (1\n− tanh²(c_t)) + ∂L/∂c_(t+1)\n⊙ f_(t+1)',
    ])
      expect(part('4a', t).review, t).toBe(true);
  });
  it('3(b): a sum of shapes with the bias as the added one is the reason ("[3×1] + [3×1] → [3×1]")', () => {
    expect(part('3b', '[3×1] + [3×1] → [3×1]\n∴ b_f : 3 × 1')).toMatchObject({ score: 1, review: false });
    // (the shape alone is still bare)
    expect(part('3b', '∴ b_f : 3 × 1')).toMatchObject({ score: 0, review: false });
  });
});

describe('after round 57: decimal marks of other countries, cramped lines, asides to ignore', () => {
  it("British print's raised decimal point is read as one (0·7, 0·6044)", () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_(t-1) + i_t ⊙ C~_t\nf_t ⊙ C_(t-1) = (1 × 0·2, 0·5 × 0·4, 0 × 0·8) = (0·2, 0·2, 0)\ni_t ⊙ C~_t = (1 × 0·5, 0 × 0, 0·5 × 0·1) = (0·5, 0, 0·05)\nC_t = (0·7, 0·2, 0·05)',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('2(b): a reason in abbreviations ("dot prod. + softmax have no learnable params") is a reason', () => {
    expect(part('2b', '0 extra (dot prod. + softmax\nhave no learnable params).')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('"dot products" in the plural is still a reason', () => {
    expect(
      part('2b', 'No additional parameters (0). The scores are dot products of existing states.'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('a value an aside says to ignore is not the answer ("(please ignore [0.7, 0, 0])")', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t ⊙ C_t = [0.7, 0, 0]\nI forgot the tanh above. h_t = o_t ⊙ tanh(C_t)\ntanh(C_t) = [tanh 0.7, tanh 0.2, tanh 0.05] = [0.604, 0.197, 0.05]\nh_t = [1 × 0.604, 0, 0] = [0.604, 0, 0] (please ignore [0.7, 0, 0])',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('a part tried twice under numbered headings is graded on the last attempt', () => {
    const right = 'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = [0.2 + 0.5, 0.2 + 0, 0 + 0.05] = [0.7, 0.2, 0.05]';
    const wrong = 'C_t = f_t ⊙ C_{t-1} = [1 × 0.2, 0.5 × 0.4, 0 × 0.8] = [0.2, 0.2, 0]';
    expect(part('1b.i', `Attempt 1: ${wrong}\nforgot the input term\nAttempt 2: ${right}`)).toMatchObject({
      score: 1,
      review: false,
    });
    // the right working of a first attempt the student withdrew earns nothing for the one that stands
    const p = part(
      '1b.i',
      `First attempt: ${right}\nWRONG, only the forget gate acts\nSecond attempt: ${wrong}`,
    );
    expect(p.score).toBe(0);
  });
});

describe('tables, code and magnitudes (round 58)', () => {
  it('a stage said in a shape\'s bracket names the shape: "197x197x3 (after dw), 197x197x10 (after pw)"', () => {
    const p = part(
      '5',
      '| output side (dw) | =(200-4)/1+1 | 197 |\n| depthwise mults | =197*197*3*4*4 | 1,862,832 |\n| pointwise mults | =197*197*3*10 | 1,164,270 |\n| TOTAL | =1862832+1164270 | 3,027,102 |\nFinal: total multiplications = 3,027,102 ; sizes 197x197x3 (after dw), 197x197x10 (after pw)',
    );
    expect(p.items.map((i) => i.reason.split(' is not')[0].split(',')[0])).toEqual([
      '197 × 197 × 3',
      '197 × 197 × 10',
      'wrong total',
    ]);
    expect(p.score).toBe(0.5);
  });
  it('a share in per cent is no count: "(depthwise ~62%)" after the total', () => {
    const p = part(
      '5',
      'Total ≈ 3.06 × 10^6 multiplications (3,057,912).\nsize = (200 − 4 + 1)/1 + 1 = 198\nAfter depthwise: 198 × 198 × 3; mults = 198 × 198 × 3 × 16 = 1,881,792\nAfter pointwise: 198 × 198 × 10; mults = 198 × 198 × 3 × 10 = 1,176,120\nSum = 1,881,792 + 1,176,120 = 3,057,912 (depthwise ~62%).',
    );
    expect(p.items.at(-1)?.reason).not.toMatch(/\b62\b/);
    expect(p.score).toBe(0.5);
  });
  it('b_f\'s size given as the cell state\'s dimension is its reason: "b_f: dim(c_t) = 3 × 1"', () => {
    expect(part('3b', 'b_f: dim(c_t) = 3 × 1')).toMatchObject({ score: 1, review: false });
    expect(part('3b', 'b_f = 3 × 1').score).toBe(0);
  });
  it('a table row with no `=` before its value cell: the arithmetic is working and the cell the answer', () => {
    expect(
      part('3c', '4 × (3 × 5 + 3) = 4 × 18   72\n(The four are Wf, Wi, Wo, WC with their biases.)'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
    const i = item(
      '5',
      'step expression value\ndepthwise output side (200−4+2·1)/(1) + 1 199\noutput after depthwise 199 × 199 × 3',
      'depthwise',
    );
    expect(i.reason).toMatch(/with the working shown/);
    // (a step's number before the row's arithmetic is no factor of it: "4   199^{2} × 3 × 10   1188030")
    const steps = part(
      '5',
      'step formula value\n1 depthwise output 199 × 199 × 3\n2 199^{2} × 48 × 3 5702544\n3 pointwise output 199 × 199 × 10\n4 199^{2} × 3 × 10 1188030\n5 total 6890574',
    );
    expect(steps.items.at(-1)?.reason).toMatch(/one of the two counts/);
    // (a shape's cells, "bf   3 × 1   3", stay a shape, not a computation whose result is the answer)
    expect(part('3b', 'bf 3 × 1 3\none bias per hidden unit\none gate 6 + 3 9').items[0].reason).toMatch(
      /^3 × 1 is right/,
    );
    // (a value cell the arithmetic does not come to is no result of it)
    expect(part('3c', '4 × (3 × 5 + 3) = 4 × 18   75').score).toBe(0);
  });
  it("a vector cut from its head by a table's wrapping goes to a person, not read from the working", () => {
    const p = part(
      '1b.i',
      '= (1·0.2, 0.5·0.4, 0·0.8) + (1·0.5, 0·0, 0.5·0.1)\n0.05)\n= (0.2, 0.2, 0) + (0.5, 0, 0.05)',
    );
    expect(p.review).toBe(true);
  });
});

describe('maths in words, counts in MACs and FLOPs, broken rows (round 59)', () => {
  it('maths said in words is read by a person, not marked as no working', () => {
    const p = part(
      '1b.ii',
      'h sub t equals o sub t times tanh of C sub t.\ntanh of point seven is about point six zero four\nh_t = [0.604, 0, 0]',
    );
    expect(p.review).toBe(true);
    // (a sentence with one number word and no operator's word is prose)
    expect(part('2b', 'Zero: the dot product has no weights, so one softmax is all.').review).toBe(false);
  });
  it('a count in FLOPs beside one in MACs goes to a person; a total in M is read as millions', () => {
    const flops = part(
      '5',
      'out = (200 + 2*1 - 4)/1 = 198 -> 198 x 198 x 3\nMACs = 198 x 198 x 16 x 3 = 1,881,792\npointwise out = 198 x 198 x 10\nMACs = 198 x 198 x 3 x 10 = 1,176,120\nTotal = 1,881,792 + 1,176,120 = 3,057,912 MACs\nFLOPs = 2 x MACs = 6,115,824',
    );
    expect(flops.review).toBe(true);
    const m = part(
      '5',
      'With padding the spatial size stays the same -> 200 x 200 x 3\nMACs = 200*200 * 4*4 * 3 = 1,920,000\npointwise output 200 x 200 x 10\nMACs = 200*200 * 3 * 10 = 1,200,000\nTotal = 1.92M + 1.2M = 3.12M multiplications (3,120,000)',
    );
    expect(m).toMatchObject({ score: 0.5, review: false });
  });
  it('an operand of a sum left without its result is not the answer, though an equation above ends in it', () => {
    const p = part(
      '5',
      'output side = (200 − 4)/1 + 1 = 197\nmults = 197 × 197 × 4 × 4 × 3 = 1,862,832\nTotal = 3,027,102 mults\nmults = 197 × 197 × 3 × 10 = 1,164,270\ntotal = 1,862,832 + 1,164,270\ndepthwise out: 197 × 197 × 3\npointwise out: 197 × 197 × 10',
    );
    expect(p.items.at(-1)?.reason).not.toMatch(/1,164,270/);
  });
  it('W_f\'s shape with its channels out and in is reasoned: "3 x 5 (3 out-channels, 5 in-channels)"', () => {
    expect(part('3a', 'W_f : 3 x 5 (3 out-channels, 5 in-channels)')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('3a', 'W_f : 3 x 5').score).toBe(0);
  });
  it("4(a) with a bracket opened at the line's end and its terms lost goes to a person", () => {
    const p = part(
      '4a',
      '∂L/∂c_t = ∂L/∂h_t ∘ o_t ∘ (1\nPath 1: L → h_t → c_t\n− tanh^2 c_t) + ∂L/∂c_(t+1) ∘ f_t',
    );
    expect(p.review).toBe(true);
  });
});

describe('words of other languages, lowered subscripts, checks that end in their verdict (round 60)', () => {
  it('an accented word ending in "o" before "extra parameters" is no zero ("então extra parameters = 2n × 1")', () => {
    const p = part(
      '2b',
      'attention need extra weight W for the score, então extra parameters = size of W\n= 2n x 1 (n = hidden size).',
    );
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).not.toMatch(/\b0 is right/);
    expect(part('2b', 'O additional parameters: a dot product has no weights.').score).toBe(1);
  });
  it("a spaced x between two symbols whose subscripts were lowered out of the text is the states' product", () => {
    expect(part('2a', 'ekj = sk x hj')).toMatchObject({ score: 1, review: false });
    // (pdfTeX's s_k h_j^T, its T set before the index: "sk hTj", is read; the transpose on the
    // second vector is an outer product of column vectors or the dot product of rows: a person checks)
    expect(part('2a', 'ekj = sk hTj')).toMatchObject({ review: true });
    expect(part('2a', 'ekj = sk hTj').reasons.join(' ')).toMatch(/transpose on the second vector/);
    expect(part('2a', 'e_kj = h_j^T s_k')).toMatchObject({ score: 1, review: false });
  });
  it('a check that ends in its verdict ("… = 39601 ok") does not run on: the total below it is the answer', () => {
    const p = part(
      '5',
      'output side = (200 + 2*1 - 4)/1 + 1 = 199\ncheck: 199 = 200 - 4 + 2 + 1 ok\ndepthwise output = 199 x 199 x 3\nmults = 199*199*16*3 = 1,900,848\npointwise output = 199 x 199 x 10\nmults = 39601 * 3 * 10 = 1,188,030\nTotal = 1,900,848 + 1,188,030 = 3,088,878',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    // ("Sanity: …" checks too, and its sentence may run on: "ratio ≈ 1/6.15" is not the total)
    const sane = part(
      '5',
      'O = (200 - 4 + 2)/1 + 1 = 199, output 199 x 199 x 3\nMult. = 199^2 · 16 · 3 = 1 900 848\nPointwise output 199 x 199 x 10, Mult. = 199^2 · 3 · 10 = 1 188 030\nTotal = 3 088 878.\nSanity: standard conv = 199^2 · 48 · 10 = 19 008 480;\nratio ≈ 1/6.15, matches 1/10 + 1/16.',
    );
    expect(sane.items.at(-1)).toMatchObject({ awarded: 1 });
  });
  it('"outputs 200x200x3 and 200x200x10" on an answer line with the count: each shape is its stage\'s, in order', () => {
    const p = part(
      '5',
      'second try:\npadding 1 with 4x4 filter keeps size same -> 200 x 200\ndepthwise : 200 x 200 x 3 output, mult = 200x200x16x3 = 1,920,000\npointwise : 200 x 200 x 10 output, mult = 200x200x3x10 = 1,200,000\ntotal = 3,120,000\ncheck: 1920000 + 1200000 = 3120000 ok\nanswer: 3,120,000 mults, outputs 200x200x3 and 200x200x10',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([0, 0, 0.5]);
    expect(p.review).toBe(false);
  });
  it('an appendix of side calculations after the answer is not where its value is read', () => {
    const p = part(
      '5',
      'Output side = (200 + 2 - 4)/1 + 1 = 199; depthwise output 199 x 199 x 3, mults = 199·199·16·3 = 1,900,848\npointwise output 199 x 199 x 10 (10 filters 1x1x3), mults = 199·199·3·10 = 1,188,030\nTotal mults: 3,088,878\nAppendix\nA3 (Q5 arithmetic). 39 601 × 30 = 1 188 030.',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('a superscript whose bracket the text layer read out of it: R^{3×}(3+2) is R^{3×(3+2)}', () => {
    expect(part('3a', 'Wf ∈ R^{3×}(3+2) = R^{3×5}.')).toMatchObject({ score: 1, review: false });
  });
  it('a position named in words only inside the brackets after a symbol describes the symbol', () => {
    const p = part(
      '1a',
      'f_t -> 3\ni_t -> 4\no_t -> 8\nC_t -> 10 (cell state leaving the cell at the top right)\nC_{t-1} -> 1 (cell state entering the cell at the top left)\nC~_t -> 6',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    // (nor when the symbol before them is none the grader knows: "Ct1 -> 1 (C t-1, the old cell state)")
    expect(
      part('1a', 'Ct1 -> 1 (C t-1 , the old cell state coming in from the left)').items.find(
        (i) => i.id === 'C_prev',
      )?.awarded,
    ).toBe(0.5);
    // (a name only in brackets, with no symbol on the line, still says whose position it is)
    expect(part('1a', 'position 3 (forget gate)').items.find((i) => i.id === 'f_t')?.awarded).toBe(0.5);
  });
});

describe('round 63: answers stated in other languages, the sigmoid abbreviated, a label two columns moved', () => {
  it('2b: the count stated as the answer wins over a letter of another language ("e kono weight": "in no weight")', () => {
    for (const t of [
      'Kono extra parameter lagbe na. Dot product e kono weight nei. So answer = 0.',
      'Kono extra parameter lagbe na, answer 0. Dot product e kono weight nei, softmax o parameter-free.',
    ])
      expect(part('2b', t), t).toMatchObject({ score: 1, review: false });
    // (a label of another part after "Answer" is no count; a count in symbols still is)
    expect(part('2b', 'Answer 2(b): we need d^2 extra parameters').score).toBe(0);
  });
  it('2b: a number ending the line above (a marks column\'s 1) is not the count said beside "parameters"', () => {
    expect(
      part('2b', '1\n0 additional parameters. The dot-product score and the softmax have no weights.'),
    ).toMatchObject({ score: 1, review: false });
  });
  it('4a: "sig(c_t)" is the sigmoid, a wrong derivative for tanh, and the recursive path is still read', () => {
    const p = part(
      '4a',
      'h_t = o_t * tanh(c_t) => dh_t/dc_t = o_t * sig(c_t)(1 - sig(c_t))\nc_(t+1) = f_(t+1) * c_t + i_(t+1) * C~_(t+1) => dc_(t+1)/dc_t = f_(t+1)\ndL/dc_t = dL/dh_t * o_t * sig(c_t)(1 - sig(c_t)) + dL/dc_(t+1) * f_(t+1)',
    );
    expect(p.items.map((i) => i.awarded)).toEqual([0, 2, 1]);
  });
  it('4b: the gradient\'s vanishing named in words not read ("problem varaadhu") goes to a person', () => {
    const p = part(
      '4b',
      'dL/dc_1 = dL/dc_T · f_2 f_3 ⋯ f_T\nft = 1 na product = 1, gradient kuraiyadhu. Adhanala vanishing gradient problem varaadhu.',
    );
    expect(p.review).toBe(true);
    // (said in words the grader reads, it is graded)
    expect(
      part(
        '4b',
        'dL/dc_1 = dL/dc_T · f_2 f_3 ⋯ f_T\nWith f_t = 1 the product is 1, so the gradient does not vanish.',
      ),
    ).toMatchObject({ score: 2, review: false });
  });
  it("4a: the student's own names for the gradients, Greek letters whose subscripts the text layer flattened", () => {
    const p = part(
      '4a',
      'Let δt := ∂L/∂ct and εt := ∂L/∂ht.\n∂ht/∂ct = ot ∘ sech²(ct)\n∂ct+1/∂ct = ft+1\nδt = εt ∘ ot ∘ sech²(ct) + δt+1 ∘ ft+1',
    );
    expect(p).toMatchObject({ score: 5, review: false });
  });
  it('4a: the gradient written with nabla, ∇_{c_t} L, as pdfTeX flattens it too', () => {
    for (const t of [
      'The consumers of c_t are h_t = o_t ⊙ tanh c_t and c_{t+1} = f_{t+1} ⊙ c_t + i_{t+1} ⊙ c~_{t+1}, so\n∇_{c_t} L = o_t ⊙ sech^2(c_t) ⊙ ∇_{h_t} L + f_{t+1} ⊙ ∇_{c_{t+1}} L',
      'The consumers of ct are ht = ot ⊙ tanh ct and ct+1 = ft+1 ⊙ ct + it+1 ⊙ c̃t+1, so\n∇ctL = ot ⊙ sech^{2}(ct) ⊙ ∇htL + ft+1 ⊙ ∇ct+1L',
    ])
      expect(part('4a', t), t).toMatchObject({ score: 5, review: false });
  });
  it("a part with no answer goes to a person when its sub-label stands alone inside another question's answer", () => {
    const g = grade(
      '## 1b.i\nC_t = (0.7, 0.2, 0.05)\n(b)\nWrite g_t := dL/dh_t, unrolling the recursion from t = 1\n## 4a\nsomething',
    );
    expect(g.parts['4b']).toMatchObject({ score: 0, review: true });
  });
});

describe('round 64: answers set side by side, a paraphrase of "does not vanish"', () => {
  it("a missing part goes to a person when an answer's line runs across a gutter into a label", () => {
    // (the score unnamed: an answer writing e_kj, 2(a)'s own quantity, sends a missing 2(a) to a person
    // whatever its layout)
    const script = scriptFromText('## 1a\na) i f_t 4 a) score = s_k h_j\n## 1b.i\nC_t = (0.7, 0.2, 0.05)');
    const words = (spec: Array<[string, number]>) =>
      spec.map(([text, x]) => ({ text, box: { x, y: 40, w: text.length * 5, h: 10 }, conf: 1 }));
    const side = words([
      ['a)', 56],
      ['i', 73],
      ['f_t', 86],
      ['4', 119],
      ['a)', 209],
      ['score', 227],
      ['=', 252],
      ['s_k', 262],
    ]);
    const flat = words([
      ['a)', 56],
      ['i', 73],
      ['f_t', 86],
      ['4', 119],
      ['a)', 132],
      ['score', 150],
    ]);
    const with_ = (ws: typeof side) => ({
      ...script,
      parts: {
        ...script.parts,
        '1a': { ...script.parts['1a'], lines: [{ ...script.parts['1a'].lines[0], words: ws }] },
      },
    });
    expect(gradeScript(rubric, ctx, with_(side)).grade.parts['2a']).toMatchObject({ score: 0, review: true });
    // (a label a word space away is the line's own: "no answer found" for 2(a) stays sure)
    expect(gradeScript(rubric, ctx, with_(flat)).grade.parts['2a']).toMatchObject({
      score: 0,
      review: false,
    });
  });
  it("a sub-label another question does not have, at a line's start in its answer, may be the missing part's", () => {
    const g = grade(
      '## 1b.ii\nh_t = (0.604, 0, 0)\n(c) There are 4 weight matrices, each 3 × 5 = 15 weights\nTotal = 4 × 15 = 60\n## 3a\n3 × 5',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
  });
  it('4b: "gradient not lost wrt time" says the gradient does not shrink', () => {
    const p = part(
      '4b',
      '(∂L)/(∂c1) = (∂L)/(∂cT) f2f3 · · · fT ⇒ = (∂L)/(∂cT) when f = 1, gradient not lost wrt time ⇒\nlong dependency OK.',
    );
    expect(p).toMatchObject({ score: 2, review: false });
  });
});

describe('rounds 65-66: counts in the model sizes, answers before their working, products of other gates', () => {
  it('2b: "⇒ d_s × d_h extra" is a nonzero count, whatever a sentence on the other model says', () => {
    const p = part(
      '2b',
      'we need a matrix W for the score: e = s^T W h ⇒ dk × dv extra (a square one if the sizes agree).\nThe fixed-context model has none of these.',
    );
    expect(p).toMatchObject({ score: 0, review: false });
    expect(p.reasons.join(' ')).toMatch(/dk \* dv is not right/);
  });
  it('3c: the count stated first, its working in brackets after it, is the answer', () => {
    const p = part('3c', '72 [ each gate: 3·5 + 3 = 18, times 4 gates; i.e. 60 weights + 12 biases ]');
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('3c: a product whose bracket ends the first line, continued below, is working, not an answer first', () => {
    const p = part('3c', '4 x (3x5 + 3)\n= 4 x 18\n= 72');
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('2b: a count settled on after a first thought in sizes ("… so d x d extra. But … = 0") is the answer', () => {
    const p = part(
      '2b',
      'My first idea was a learned matrix between s and h, so d x d extra. But the question uses the\nplain dot product, which learns nothing. Extra parameters = 0.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it("4b: a product of input gates (∏ i_t) is not the forget gates' product, though f_t = 1 follows", () => {
    const p = part(
      '4b',
      'Unrolling, dL/dc_1 = dL/dc_T ∏ i_t. With f_t = 1 nothing is erased, so the gradient does not vanish.',
    );
    expect(p.items[0]).toMatchObject({ awarded: 0 });
    expect(p.items[1]).toMatchObject({ awarded: 1 });
  });
  it('a missing part named in words inside another answer ("… (Question 4, part (b))") goes to a person', () => {
    const g = grade(
      '## 4a\ndL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_(t+1) ⊙ f_(t+1)\nVanishing gradients, revisited (Question 4, part (b))\nWith every f_t = 1 the product of the forget gates is 1, so the gradient does not vanish.',
    );
    expect(g.parts['4b']).toMatchObject({ score: 0, review: true });
  });
  it('a question\'s parts answered in a row inside another answer ("a) 3x2  b) 3x1  c) 36") send a missing one to a person', () => {
    const g = grade(
      '## 1a\nx_t is 2-dim, c_t 3-dim\nwhich gives a) 3x2  b) 3x1  c) 36\n## 2a\ne_kj = s_k . h_j',
    );
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
  });
});

describe("round 67: another textbook's name for the cell state", () => {
  const derivation = (s: string, f: string) =>
    `${s}_t goes to L via h_t and via ${s}_(t+1)\ndL/d${s}_t = dL/dh_t · dh_t/d${s}_t + dL/d${s}_(t+1) · d${s}_(t+1)/d${s}_t\n= dL/dh_t ∘ o_t ∘ (1 − tanh²(${s}_t)) + dL/d${s}_(t+1) ∘ ${f}`;
  it('4a: the derivative taken with respect to s_t or m_t is read as the paper c_t', () => {
    for (const s of ['s', 'm']) {
      const p = part('4a', derivation(s, 'f_(t+1)'));
      expect([p.score, p.review], s).toEqual([5, false]);
    }
  });
  it('4a: marks lost on such a reading go to a person (the renaming is the grader’s reading)', () => {
    const p = part('4a', derivation('s', 'f_t'));
    expect(p.score).toBe(4);
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/read with s_t as the paper's variable/);
  });
  it('4a: a derivative with respect to h_t or a gate is not the cell state under another name', () => {
    const p = part('4a', 'dL/dh_t = dL/dh_(t+1) ∘ o_t ∘ (1 − tanh²(h_t)) + dL/dh_(t+1) ∘ f_(t+1)');
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).not.toMatch(/paper's variable/);
  });
  it('4a: an answer boxed in hashes, its second line "# + …  #", is one expression', () => {
    const p = part(
      '4a',
      '# Answer: del L/del c_t = del L/del c_(t+1) * f_(t+1)          #\n#         + del L/del h_t * o_t * (1 - tanh^2(c_t))        #\nJustification: c_(t+1) = f_(t+1) * c_t + i_(t+1) * C~_(t+1) => del c_(t+1)/del c_t = f_(t+1)\nh_t = o_t * tanh(c_t) => del h_t/del c_t = o_t (1 - tanh^2 c_t)',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('1b.ii: "0x tanh 0.05", the space before a bare argument lost, is a product like "0 x tanh(0.05)"', () => {
    const p = part('1b.ii', 'h = o x tanh(c)\n= (1 x tanh 0.7, 0 x tanh 0.2, 0x tanh 0.05)\n= (0.604, 0, 0)');
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('4a: an equation whose brackets do not balance, marks lost on it, goes to a person', () => {
    const p = part(
      '4a',
      'There are two paths from c_t: c_t → h_t → L and c_t → c_t+1 → L.\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t) + ∂L/∂c_(t+1) ⊙ f_(t+1)',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/do not balance/);
    // (balanced over two lines, it is read as written)
    const q = part('4a', 'dL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)\n) + dL/dc_(t+1) ⊙ f_(t+1)');
    expect(q.reasons.join(' ')).not.toMatch(/do not balance/);
  });
});

describe('round 68: column vectors drawn in plain text', () => {
  it('1b.i: the gates and states as columns between bars, the operators on the middle row, are the working', () => {
    const p = part(
      '1b.i',
      [
        'cell update, element by element:',
        '        | 1   |   | 0.2 |   | 1   |   | 0.5 |   | 0.7  |',
        '  C_t = | 0.5 | o | 0.4 | + | 0   | o | 0   | = | 0.2  |',
        '        | 0   |   | 0.8 |   | 0.5 |   | 0.1 |   | 0.05 |',
      ].join('\n'),
    );
    expect([p.score, p.review]).toEqual([1, false]);
    const q = part(
      '1b.i',
      [
        'C_t = f_t o C_(t-1) + i_t o C~_t',
        '  +-   -+   +-   -+   +-   -+   +-   -+',
        '  | 1   |   | 0.2 |   | 1   |   | 0.5 |',
        '= | 0.5 | o | 0.4 | + | 0   | o | 0   |',
        '  | 0   |   | 0.8 |   | 0.5 |   | 0.1 |',
        '  +-   -+   +-   -+   +-   -+   +-   -+',
        '  [0.2]   [0.5 ]   [0.7 ]',
        '= [0.2] + [0   ] = [0.2 ]',
        '  [0  ]   [0.05]   [0.05]',
      ].join('\n'),
    );
    expect([q.score, q.review]).toEqual([1, false]);
  });
  it('1b.ii: a column of tanh values times the output gate, drawn in brackets, is the working', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t * tanh(C_t)\n      [ 1 ]   [ tanh(0.7)  ]   [ 0.604 ]\n    = [ 0 ] * [ tanh(0.2)  ] = [ 0     ]\n      [ 0 ]   [ tanh(0.05) ]   [ 0     ]',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 68: counts rounded, comparisons in brackets', () => {
  const working =
    'out = (200 + 2 - 4)/1 + 1 = 199, depthwise out 199 x 199 x 3\nits mults: 199*199*3*16 = 1,900,848\npointwise out 199 x 199 x 10 (ten 1x1x3 filters), mults 199*199*10*3 = 1,188,030';
  it('5: a total given as the key rounded ("≈ 3.09 × 10^6") goes to a person, not a confident 0', () => {
    for (const total of ['Total ≈ 3.09 × 10^6 multiplications', 'total ~ 3.09M mults']) {
      const p = part('5', `${working}\n${total}`);
      expect(p.review, total).toBe(true);
      expect(p.reasons.join(' ')).toMatch(/rounded to 3 significant figures/);
    }
    // (a wrong total is still wrong: 3.06M is not the key rounded)
    const q = part('5', `${working}\ntotal ~ 3.06M mults`);
    expect(q.reasons.join(' ')).not.toMatch(/rounded/);
  });
  it('5: "[standard conv would be … = 19,008,480]" after the total is a comparison, not the answer', () => {
    const p = part(
      '5',
      `${working}\nTotal : 3,088,878 mults\n[standard conv would be 39601 * 4*4*3*10 = 19,008,480, about 6x more]`,
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
});

describe('round 68: products over sums, totals built on a part a person must read', () => {
  it('4b: a product over a sum with the forget gate, ∏(f_t + i_t), is not the product of the forget gates', () => {
    const p = part(
      '4b',
      'Unrolling (a): dL/dc_1 = dL/dc_T ∏_{t=2}^{T} (f_t + i_t). With f_t = 1 each factor is at least 1, so the gradient does not vanish.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/product written is of other factors/);
    // (a product of the forget gates, a sum of other terms after it, is the product)
    const q = part(
      '4b',
      'dL/dc_1 = dL/dc_T ∏_{t=2}^{T} f_t + (terms through h). With f_t = 1 the product is 1: no vanishing gradient.',
    );
    expect([q.score, q.review]).toEqual([2, false]);
  });
  it('3c: a wrong total that may follow from a 3(a) sent to a person is no confident 0', () => {
    const g = grade(
      '## 3a\npart gate W b total\nWf 3 × 2 – 6\n## 3b\nbf – 3 × 1 3\nforget 6 3 9\ninput 6 3 9\n## 3c\noutput 6 3 9\ncell 6 3 9\nTotal 36',
    );
    expect(g.parts['3a'].review).toBe(true);
    expect(g.parts['3c'].review).toBe(true);
    expect(g.parts['3c'].reasons.join(' ')).toMatch(/may follow from your own 3a/);
  });
});

describe('round 68: nothing under a label only guessed', () => {
  it('"not attempted" under a label read with doubt goes to a person; under a sure label it stands', () => {
    const unsure = gradeScript(rubric, ctx, scriptFromText('## 1b.i\n   —', { conf: 0.6 })).grade.parts[
      '1b.i'
    ];
    expect([unsure.score, unsure.review]).toEqual([0, true]);
    const sure = gradeScript(rubric, ctx, scriptFromText('## 1b.i\nnot attempted')).grade.parts['1b.i'];
    expect([sure.score, sure.review]).toEqual([0, false]);
  });
});

describe("round 68: a shape's second side in brackets", () => {
  it('3b: "b_f : 3 (× 1), one bias per unit" is the shape 3 × 1, not a 1', () => {
    for (const t of ['bf : 3 (× 1) one bias per unit', 'b_f is 3 (x 1): one bias for each hidden unit']) {
      const p = part('3b', t);
      expect([p.score, p.review], t).toEqual([1, false]);
    }
  });
});

describe('round 68: a count stated as the result', () => {
  it('2b: "Result: 0 additional" after other counts in the part is the answer', () => {
    const p = part(
      '2b',
      'operation | weights\n1 score = s_k . h_j | 3 numbers multiplied, nothing learnt\nDot product, softmax, weighted sum: none has a learnable weight.\nResult: 0 additional',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 68: indices in brackets in a written-out product', () => {
  it('4b: "dL/dc(1) = dL/dc(T) * f(2)*f(3)*...*f(T)" writes the product of the forget gates', () => {
    const p = part(
      '4b',
      'Unrolling the recursion:\ndL/dc(1) = dL/dc(T) * f(2)*f(3)*...*f(T) + terms through h\nIf f_t = 1 for all t each factor is 1, so the gradient from step T reaches c_1 without shrinking: it does not vanish.',
    );
    expect([p.score, p.review]).toEqual([2, false]);
  });
});

describe("round 68: a table's empty cell drawn as a dash", () => {
  it('5: "depthwise output  -  198 x 198 x 3" reads the (wrong) shape, not a subtraction', () => {
    const p = part(
      '5',
      'output size = (n + 2p - f)/s = (200 + 2 - 4)/1 = 198\nstep calculation value\n----------- ----------- ----------\ndepthwise output - 198 x 198 x 3\ndepthwise mults 198 x 198 x 4 x 4 x 3 1,881,792\npointwise output 10 filters 1x1x3 198 x 198 x 10\npointwise mults 198 x 198 x 3 x 10 1,176,120\nTOTAL 1881792 + 1176120 3,057,912',
    );
    // (the shapes wrong, the total carried forward from them)
    expect([p.score, p.review]).toEqual([0.5, false]);
    expect(p.items.find((i) => i.id === 'depthwise')?.reason).toMatch(/198 × 198 × 3 is not right/);
  });
});

describe('round 68: a total whose counts are both written', () => {
  it('5: both counts in a table, the total beside them, is the total with its working', () => {
    const p = part(
      '5',
      'nout = (200 + 2(1) - 4)/(1) + 1 = 199\nStep Output Mults\nDepthwise 199×199×3 199^2 · 16 · 3\n= 1,900,848\nPointwise 199×199×10 199^2 · 3 · 10\n= 1,188,030\nTotal 3,088,878',
    );
    expect([p.score, p.review]).toEqual([3, false]);
    // (one count alone is not the sum: a person checks)
    const q = part(
      '5',
      'nout = (200 + 2 - 4)/1 + 1 = 199, depthwise 199×199×3, mults 1,900,848\npointwise 199×199×10 (ten 1x1x3 filters)\ntotal 3,088,878',
    );
    expect(q.review).toBe(true);
  });
});

describe('round 68: a table row that adds up', () => {
  it('3c: rows "f 9 3 12" under "gate W b total", a total from its own 3 × 3 W_f, carried forward', () => {
    const g = grade(
      '## 3a\nW_f is 3 x 3 since h has 3 entries\n## 3b\nb_f is 3 x 1, one per unit\n## 3c\ngate W b total\nf 9 3 12\ni 9 3 12\no 9 3 12\nC 9 3 12\ntotal 48',
    );
    expect([g.parts['3c'].score, g.parts['3c'].review]).toEqual([0.5, false]);
  });
});

describe('round 68: a transpose typed as a plain T', () => {
  it('1b.ii: "h_t = (1 · 0.6044, 0, 0)T = (0.6044, 0, 0)T" is the working, not a product with T', () => {
    const p = part('1b.ii', 'ht = ot ⊙ tanh(Ct)\nht = (1 · 0.6044, 0, 0)T = (0.6044, 0, 0)T');
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 68: a slip corrected after it', () => {
  // (a person confirmed such corrections until the fifty-ninth session: sixty labellers' marks agreed
  // the corrected value stands, the exam's rule for a part answered twice)
  it('1b.i: a slip the arithmetic shows, then "not 0.02. So Ct = … = (0.7, 0.2, 0.05)T": the correction stands', () => {
    const p = part(
      '1b.i',
      'Let Ct−1 = (0.2, 0.4, 0.8)T. By definition,\nCt = ft ⊙ Ct−1 + it ⊙ C̃t\n= (1 × 0.2, 0.5 × 0.4, 0 × 0.8) + (1 × 0.5, 0 × 0, 0.5 × 0.1)\n= (0.2, 0.02, 0) + (0.5, 0, 0.05)\n= (0.7, 0.02, 0.05)T.\n0.5×0.4 = 0.2, not 0.02. So Ct = (0.2, 0.2, 0) + (0.5, 0, 0.05) =\n(0.7, 0.2, 0.05)T. ht in (b)(ii) is unchanged, ht = (0.6044, 0, 0)T, because ot kills the 2nd\nand 3rd components anyway.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
    expect(p.reasons.join(' ')).toMatch(/corrected from \[0\.7, 0\.02, 0\.05\]/);
  });
});

describe('round 69: exact forms and a general formula after the count', () => {
  it('3c: "4 × (3 × 5) = 60. In general 4 nh(nh + nx) with nh = 3, nx = 2": 60 is the count, not the sizes', () => {
    const p = part(
      '3c',
      'The question asks for weight values, so I count the entries of the four weight matrices\n(biases are not weights):\n4 × (3 × 5) = 4 × 15 = 60.\nIn general 4 nh(nh + nx) with nh = 3, nx = 2.',
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
    expect(p.reasons.join(' ')).toMatch(/60 counts the weights only/);
  });
  it('1b.i: a vector of exact fractions, "= (7/10, 1/5, 1/20)", is the right value', () => {
    const p = part(
      '1b.i',
      'C_t = f_t (.) C_{t-1} + i_t (.) C~_t\n= (1*.2, .5*.4, 0*.8) + (1*.5, 0*0, .5*.1)\n= (.2, .2, 0) + (.5, 0, .05)\n= (7/10, 1/5, 1/20)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('1b.ii: "= (1,0,0) * (tanh(7/10), tanh(1/5), tanh(1/20)) = (tanh(7/10), 0, 0)": no slip', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t * tanh(C_t) = (1,0,0) * (tanh(7/10), tanh(1/5), tanh(1/20)) = (tanh(7/10), 0, 0)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 69: bullets, equation tags and sizes with subscripts', () => {
  it('1b.ii: working with a bullet before each line is read as without them', () => {
    const p = part(
      '1b.ii',
      '• h_t = o_t * tanh(C_t)\n• tanh(C_t) = {0.60, 0.20, 0.05}\n• h_t = {0.60, 0, 0}',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('4a: an equation tag "(4a)" at the line end is no factor of the recursive term', () => {
    const p = part(
      '4a',
      'h_t = o_t o tanh(c_t), c_{t+1} = f_{t+1} o c_t + i_{t+1} o C~_{t+1}\ndh_t/dc_t = o_t o (1 - tanh^2 c_t), dc_{t+1}/dc_t = f_{t+1}\ndL/dc_t = dL/dh_t o o_t o (1 - tanh^2 c_t) + dL/dc_{t+1} o f_{t+1} (4a)',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('2b: "extra parameters = ds × dh" is a nonzero count, read as such', () => {
    const p = part(
      '2b',
      'Attention needs the alignment weights Wa to compute the scores, of size (decoder\nhidden size × encoder hidden size). So extra parameters = ds × dh.',
    );
    expect([p.score, p.review]).toEqual([0, false]);
    expect(p.reasons.join(' ')).toMatch(/ds \* dh is not right/);
  });
});

describe('round 69: the idea said of nothing it is about', () => {
  it('4b: "if f_t = 1 the cell state is copied as it is", no gradient anywhere: a person reads it', () => {
    const p = part(
      '4b',
      'If f_t = 1 the cell state is copied as it is, so old memory is not forgotten\nand LSTM remembers long term.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/never names what it is said of/);
  });
  it('4b: the same said of (∂L)/(∂c1) stays a confident mark', () => {
    const p = part(
      '4b',
      'unroll: (∂L)/(∂c1) = (∂L)/(∂cT) ∏Tt=2 ft + . . . ; ft = 1 ⇒ (∂L)/(∂c1) =\n(∂L)/(∂cT) + . . . ∴ no vanishing along cell state (CEC) ⇒ long-\nrange dep. learnt.',
    );
    expect([p.score, p.review]).toEqual([2, false]);
  });
});

describe('round 69: the Coursera gates typed as words', () => {
  it('4a: "dL/dc<t> = dL/dc<t+1> * Gamma_f<t+1> + dL/da<t> * Gamma_o<t> * (1 - tanh^2(c<t>))" is both paths', () => {
    const p = part(
      '4a',
      'c<t+1> = Gamma_f<t+1> * c<t> + Gamma_u<t+1> * c~<t+1>\n=> dc<t+1>/dc<t> = Gamma_f<t+1>\na<t> = Gamma_o<t> * tanh(c<t>)\n=> da<t>/dc<t> = Gamma_o<t> * (1 - tanh^2 c<t>)\ndL/dc<t> = dL/dc<t+1> * Gamma_f<t+1> + dL/da<t> * Gamma_o<t> * (1 -\ntanh^2(c<t>))',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
});

describe('round 69: a path that is only the derivative it comes from', () => {
  it('4a: "= dL/dc_(t+1) * f_t + dL/dh_t", the chain rule written for one path only: the sum mark goes to a person', () => {
    const p = part('4a', 'dL/dc_t = dL/dc_(t+1) * dc_(t+1)/dc_t + dL/dh_t\n= dL/dc_(t+1) * f_t + dL/dh_t');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/one path is only the derivative it comes from/);
  });
});

describe('round 69: an identity for every entry k', () => {
  it('4a: "dL/dc_{t,k} = dL/dh_{t,k} o_{t,k} (1 − tanh² c_{t,k}) + dL/dc_{t+1,k} f_{t+1,k}" is the element-wise answer', () => {
    for (const body of [
      'For each k:\ndL/dc_{t,k} = dL/dh_{t,k} * o_{t,k} * (1 - tanh^2 c_{t,k}) + dL/dc_{t+1,k} * f_{t+1,k}\nsince dc_{t+1,k}/dc_{t,k} = f_{t+1,k}',
      'For each k:\ndL/dct,k = dL/dht,k * ot,k * (1 - tanh^2 ct,k) + dL/dct+1,k * ft+1,k\nsince dct+1,k/dct,k = ft+1,k',
      'dL/dc_t[k] = dL/dh_t[k] * o_t[k] * (1 - tanh^2 c_t[k]) + dL/dc_{t+1}[k] * f_{t+1}[k]\nsince dc_{t+1}[k]/dc_t[k] = f_{t+1}[k]',
    ]) {
      const p = part('4a', body);
      expect([p.score, p.review]).toEqual([5, false]);
    }
  });
});

describe('round 69: a deletion a word processor kept in brackets', () => {
  it('5: "[deleted: 197] (200 − 4 + 2)/1 + 1 = 199", bullets before the lines: the 197 is no working', () => {
    const p = part(
      '5',
      '▪ Size after depthwise conv: [deleted: 197] (200 − 4 + 2)/1 + 1 = 199 → 199 × 199\n× 3\n▪ Size after pointwise conv: 199 × 199 × 10\n▪ Multiplications\n– depthwise 199 × 199 × 3 × 16 = 19,00,848\n– pointwise 199 × 199 × 10 × 3 = 11,88,030\n– total = 30,88,878',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
});

describe('round 69: the last step treated apart', () => {
  it('4a: "∂L/∂c_t = ∂L/∂c_{t+1} ⊙ f_{t+1}", then "at the last step ∂L/∂c_T = ∂L/∂h_T ⊙ o_T ⊙ (1 − tanh²(c_T))": a person reads it', () => {
    const p = part(
      '4a',
      'Following the path L → ht+1 → ct+1 → ct:\nct+1 = ft+1 ⊙ ct + it+1 ⊙ C̃t+1\n∂ct+1/∂ct = ft+1\nSo ∂L/∂ct = ∂L/∂ct+1 ⊙ ft+1\nAnd at the last step ∂L/∂cT = ∂L/∂hT ⊙ oT ⊙ (1 − tanh^{2}(cT)), with ∂L/∂hT = WVT(ŷT − yT).',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/treats the last step apart/);
    // (the recursive path alone, nothing for the last step: a confident 2)
    const q = part('4a', 'ct+1 = ft+1 ⊙ ct + it+1 ⊙ C̃t+1\n∂ct+1/∂ct = ft+1\nSo ∂L/∂ct = ∂L/∂ct+1 ⊙ ft+1');
    expect([q.score, q.review]).toEqual([2, false]);
  });
});

describe('round 69: a table whose rows are numbered with bare numbers', () => {
  it('2b: rows "1 e_kj = s·h_j  0", "2 softmax → α  0", "3 C_k = Σ α h  0" count rows: the count is 0, not 1', () => {
    const p = part(
      '2b',
      'A: operation B: learnable parameters\n1 ekj = sk·hj 0\n2 softmax → αkj 0\n3 Ck = Σ αkjhj 0\ndecoder input: Ck instead of hn (same\n4 0\nsize)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 70: perturbations, pictures and carried errors', () => {
  it("1b.ii: a slip on top of the student's own wrong C_t is a person's call, not the slip's 0.5", () => {
    const p = part(
      '1b.ii',
      'ht = ot tanh(Ct) = (1, 0, 0) × tanh(0.95)\ntanh(0.95) = 0.95 − (0.95)^{3}/3 = 0.95 − 0.2858 = 0.664\nht = (0.664, 0, 0)',
    );
    const withOwn = grade(
      `## 1b.i\nft . Ct-1 = 1(0.2) + 0.5(0.4) + 0(0.8) = 0.4\nit . C̃t = 1(0.5) + 0(0) + 0.5(0.1) = 0.55\nCt = 0.4 + 0.55 = 0.95\n## 1b.ii\nht = ot tanh(Ct) = (1, 0, 0) × tanh(0.95)\ntanh(0.95) = 0.95 − (0.95)^{3}/3 = 0.95 − 0.2858 = 0.664\nht = (0.664, 0, 0)`,
    ).parts['1b.ii'];
    expect(withOwn.review).toBe(true);
    expect(withOwn.reasons.join(' ')).toMatch(/your own 1b\.i is not right either/);
    // (with no C_t of its own written, the key's C_t is carried: the slip alone)
    expect(p.reasons.join(' ')).not.toMatch(/not right either/);
  });
  it('4a: a perturbation δh_t = o_t ⊙ (1 − tanh²c_t) ⊙ ε is not read as a definition of dL/dh_t', () => {
    const p = part(
      '4a',
      'Perturb c_t → c_t + ε.\nδh_t = o_t ⊙ (1 − tanh²c_t) ⊙ ε\nδc_{t+1} = f_{t+1} ⊙ ε\nδL ≈ (∂L/∂h_t)·δh_t + (∂L/∂c_{t+1})·δc_{t+1}\nso\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('4a: a definition of dL/dh_t the student gives (W_V^T(ŷ − y) at every t) is still read into the expression', () => {
    const p = part(
      '4a',
      'Using the chain rule over both paths:\n(∂L)/(∂c_t) = (∂L)/(∂h_t) ⊙ (∂h_t)/(∂c_t) + (∂L)/(∂c_(t+1)) ⊙ (∂c_(t+1))/(∂c_t)\n(∂h_t)/(∂c_t) = o_t ⊙ (1 − tanh^{2}(c_t)), (∂c_(t+1))/(∂c_t) = f_(t+1)\n(∂L)/(∂h_t) = W_VT (ŷ − y)\n(∂L)/(∂c_t) = W_VT(ŷ − y) ⊙ o_t ⊙ (1 − tanh^{2}(c_t)) + (∂L)/(∂c_(t+1)) ⊙ f_(t+1)',
    );
    // (labelled 3: the direct term as answered holds only at T; never the full 5 alone)
    expect(p.score).toBeLessThan(5);
  });
  it('3a: "W_f is 5 × 3 (5 inputs, 3 outputs)" names its sizes in the transposed order: a person reads it (labellers split)', () => {
    const p = part(
      '3a',
      'The concatenated input [hₜ₋₁, xₜ] has 3 + 2 = 5 numbers.\nW_f is 5 × 3 (5 inputs, 3 outputs)',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/may state it/);
  });
  it('4a: the chain rule in differential form, "δL = ∂L/∂h_t δh_t + ∂L/∂c_{t+1} δc_{t+1}", is a derivation written', () => {
    const p = part(
      '4a',
      'To first order\nδL = ∂L/∂h_t δh_t + ∂L/∂c_{t+1} δc_{t+1}\nTherefore\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh^2(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}',
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('4a: a graph drawn from the loss back to c_t ("L ⟵ … ⟵ h_t ⟵ c_t") is a path written, not no derivation', () => {
    const p = part(
      '4a',
      'L ⟵ h_T ⟵ c_T ⟵ … ⟵ c_(t+1) ⟵ c_t\nf_(t+1)\nL ⟵ … ⟵ h_t ⟵ c_t\n(1 − tanh² c_t)\nAdding both the paths:\n∂L/∂ct = ∂L/∂ht · (1 − tanh²(ct)) + ∂L/∂ct+1 · ft+1',
    );
    // (o_t missing from the direct path; whether paths drawn derive the sum is a marker's call)
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/only named/);
  });
  it('4a: the direct path written only for the last step in math italics ("∂𝐿/∂𝑐𝑇 = …") goes to a person', () => {
    const p = part(
      '4a',
      'Since 𝑐ₜ₊₁ = 𝑓ₜ₊₁ ∘ 𝑐ₜ + 𝑖ₜ₊₁ ∘ 𝐶̃ₜ₊₁, we have ∂𝑐ₜ₊₁/∂𝑐ₜ = 𝑓ₜ₊₁.\n∂𝐿/∂𝑐ₜ = ∂𝐿/∂𝑐ₜ₊₁ ∘ 𝑓ₜ₊₁ (𝑡 < 𝑇)\n∂𝐿/∂𝑐𝑇 = ∂𝐿/∂ℎ𝑇 ∘ 𝑜𝑇 ∘ (1 − tanh²𝑐𝑇)',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/treats the last step apart/);
  });
  it("5: a total from the student's own 200 × 200 size with the question's 10 channels is carried forward to a person, whatever pointwise size they wrote", () => {
    const p = part(
      '5',
      'Depthwise: 200 × 200 × 3 × 16 = 1,920,000\nPointwise: 200 × 200 × 10 × 3 = 1,200,000\nTotal = 3,120,000 multiplications\nOutput after depthwise = 200 × 200 × 3, after pointwise = 200 × 200 × 1',
    );
    // (its working reaches the other channel count's parts: a person confirms the carried credit, never a 0)
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(
      /0\/1: wrong total, but it follows .* 200 × 200 size with the question's 10 output channels/,
    );
  });
  it('3a: "I write the weight as (input) × (output): Wf is 5 × 3" states the transposed convention', () => {
    const p = part(
      '3a',
      'Input to the gate = [ht−1, xt], length 3 + 2 = 5;\noutput length 3. I write the weight as (input) ×\n(output): Wf is 5 × 3.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('5: Indian digit groups set with spaces, "19 00 848 + 11 88 030 = 30 88 878", are numbers', () => {
    const p = part(
      '5',
      'Depthwise output side = (200 + 2·1 − 4)/1 + 1 = 199\ndepthwise : 199·199 positions × 3 channels × 16 = 39 601 × 48 = 19 00 848\npointwise : 199·199 positions × 10 filters × 3 = 39 601 × 30 = 11 88 030\ntotal : 19 00 848 + 11 88 030 = 30 88 878 multiplications\nOutput after depthwise 199 × 199 × 3, after pointwise 199 × 199 × 10.',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('3b: a size with its count in brackets, "bf is 3 × 1 (3 values).", is a bare size, not maths unread', () => {
    const p = part('3b', 'bf is 3 × 1 (3 values).');
    expect([p.score, p.review]).toEqual([0, false]);
  });
  it('1a: a table of names over a row of positions, drawn with bars or box-drawing characters, maps each name', () => {
    for (const table of [
      '| f_t | i_t | o_t | C_t | C_(t-1) | C~_t |\n|---|---|---|---|---|---|\n| 2 | 3 | 5 | 10 | 1 | 4 |',
      '┌─────┬─────┬─────┬─────┬─────┬─────┐\n│ f_t │ i_t │ o_t │ C_t │ C_(t-1) │ C~_t │\n├─────┼─────┼─────┼─────┼─────┼─────┤\n│ 2 │ 3 │ 5 │ 10 │ 1 │ 4 │\n└─────┴─────┴─────┴─────┴─────┴─────┘',
    ]) {
      const p = part('1a', table);
      // (C_t → 10 and C_{t-1} → 1 right; the first number is a position, no step number)
      expect([p.score, p.review]).toEqual([1, false]);
    }
  });
  it('5: "31,20,000 (= 3.12 × 10^{6})" restates the count in another scale: the maths is read, the carried total confident', () => {
    const p = part(
      '5',
      'Padding 1 is there to keep the size same, so output of depthwise is 200 × 200 × 3\nMults = 200 × 200 × 3 × 16 = 19,20,000\nOutput values = 200 × 200 × 10 = 4,00,000 → mults = 4,00,000 × 3 = 12,00,000\nTotal = 19,20,000 + 12,00,000 = 31,20,000 (= 3.12 × 10^{6})\nOutput after depthwise: 200 × 200 × 3 Output after pointwise: 200 × 200 × 10',
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
  });
});

describe('round 71: sums for products, storage beside counts, swapped gates', () => {
  it('4b: the forget gates added up where their product belongs is that idea surely absent, not an unread one', () => {
    const p = part(
      '4b',
      'Unrolling from T back to 1, each step contributes one forget gate:\ndL/dc_1 = dL/dc_T · (f_2 + f_3 + … + f_T)\nIf every f_t = 1 the cell state is copied, so the error signal reaching c_1 does not vanish.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    expect(p.items.find((i) => i.id === 'product')!.reason).toMatch(/instead/);
    // (a sum of logarithms is the product's own: not a sum written instead)
    const logs = part(
      '4b',
      'log(dL/dc_1) = log(dL/dc_T) + log f_2 + log f_3 + … + log f_T\nwith f_t = 1 every log is 0, so the gradient does not vanish on its way to c_1.',
    );
    expect(logs.items.find((i) => i.id === 'product')!.reason).not.toMatch(/instead/);
  });
  it('4b: "grows with T" beside "does not vanish" after the sum still ties f_t = 1 to it (adjudicated, round 71)', () => {
    const p = part(
      '4b',
      'each step back adds a gate: dL/dc_1 = dL/dc_T (f_2 + f_3 + ⋯ + f_T)\nwhen f_t = 1 that is T − 1, so it grows with T and the gradient does not vanish.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
    expect(p.items.find((i) => i.id === 'product')!.reason).toMatch(/instead/);
  });
  it("4b: the sum written and the rest of the explanation in words not read is still a person's, not a confident 0", () => {
    const p = part(
      '4b',
      'dL/dc1 = dL/dcT*(f2+f3+....+fT)\nwhen the forgt gate stays fully open teh memory is kept thru all steps and training learns far back deps just fine bcoz nothing squashes the signal along the cell line',
    );
    expect(p.score === 0 && !p.review).toBe(false);
  });
  it('3c: a memory size beside the count ("18 × 4 B = 72 bytes") is not the count', () => {
    const p = part(
      '3c',
      'params = W_f + b_f = 15 + 3 = 18\nin fp32 that is 18 × 4 B = 72 bytes of SRAM (18 bytes at int8)',
    );
    expect(p.score).toBe(0.5);
    expect(p.reasons.join(' ')).toMatch(/one gate/);
    // (the count itself, with its bytes beside it, is still read)
    expect(part('3c', '4 gates × (15 + 3) = 72 parameters, i.e. 288 bytes in fp32').score).toBe(1);
  });
  it('1b.i: the gates swapped, each product computed on a line of its own and the two added, is another formula, not a slip', () => {
    const p = part(
      '1b.i',
      'i_t ⊙ C_{t-1} = (1×0.2, 0×0.4, 0.5×0.8) = (0.2, 0, 0.4)\nf_t ⊙ C~_t = (1×0.5, 0.5×0, 0×0.1) = (0.5, 0, 0)\nC_t = (0.7, 0, 0.4)',
    );
    expect([p.score, p.review]).toEqual([0, false]);
    expect(p.reasons.join(' ')).toMatch(/another formula/);
  });
});

describe('round 71: notation typed fast', () => {
  it('1b.ii: "ot.tanh(Ct)", a full stop for the product, is the right formula', () => {
    expect(part('1b.ii', 'ht = ot.tanh(Ct) = (1,0,0).(0.60,0.20,0.05) = (0.60,0,0)')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('round 71 (tuning): 1(b)(ii) typed in plain letters', () => {
  it('"(x)" for ⊙ and a bulleted working are the formula and its evaluation', () => {
    for (const t of [
      'h_t = o_t (x) tanh(C_t) = (1, 0, 0) (x) (0.604, 0.197, 0.050) = (0.604, 0, 0)',
      '* h_t = o_t * tanh(C_t)\n* tanh(C_t) = (tanh 0.7, tanh 0.2, tanh 0.05) = (0.604, 0.197, 0.05)\n* h_t = (1*0.604, 0*0.197, 0*0.05) = (0.604, 0, 0)',
    ])
      expect(part('1b.ii', t), t).toMatchObject({ score: 1, review: false });
  });
  it('a table with a row per quantity and a column per component states the vectors ("ht   0.6044   0   0")', () => {
    const p = part(
      '1b.ii',
      'ht = ot ◦ tanh(Ct)\n          comp. 1   comp. 2   comp. 3\ntanh(Ct)  0.6044    0.1974    0.0500\not        1         0         0\nht        0.6044    0         0',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
});

describe('round 71 (tuning): 4(a) typed in plain letters', () => {
  const full = { score: 5, review: false };
  it('"x" as the product sign before a bracket or a function: "o_t x (1 - tanh^2(c_t))"', () => {
    expect(
      part(
        '4a',
        'Paths: h_t = o_t x tanh(c_t) and c_{t+1} = f_{t+1} x c_t + i_{t+1} x g_{t+1}; chain rule over both:\ndL/dc_t = dL/dh_t x o_t x (1 - tanh^2(c_t)) + dL/dc_{t+1} x f_{t+1}',
      ),
    ).toMatchObject(full);
  });
  it('"del h_t/del c_t" with the subscripts glued ("del ht/del ct", "del ct+1 . ft+1") is a derivative and a product', () => {
    expect(
      part(
        '4a',
        'del L/del ct = (del L/del ht) . (del ht/del ct) + (del L/del ct+1) . (del ct+1/del ct)\ndel ht/del ct = ot . (1 - tanh^2(ct)), del ct+1/del ct = ft+1\nso del L/del ct = del L/del ht . ot . (1 - tanh^2(ct)) + del L/del ct+1 . ft+1',
      ),
    ).toMatchObject(full);
  });
  it('"o." for the ring between factors', () => {
    expect(
      part(
        '4a',
        'h_t = o_t o. tanh(c_t) => dh_t/dc_t = o_t o. (1 - tanh^2(c_t))\nc_(t+1) = f_(t+1) o. c_t + … => dc_(t+1)/dc_t = f_(t+1)\ndL/dc_t = dL/dh_t o. o_t o. (1 - tanh^2(c_t)) + dL/dc_(t+1) o. f_(t+1)',
      ),
    ).toMatchObject(full);
  });
  it('a definition of dL/dh_t said to hold at the last step only ("… at t = T") is not read into the general step', () => {
    const body =
      'c_t -> h_t via h_t = o_t * tanh(c_t); c_t -> c_{t+1} via c_{t+1} = f_{t+1} * c_t + ...\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}\n';
    expect(
      part('4a', `${body}dL/dh_t = W_V^T (yhat_T - y_T) at t = T; earlier it comes through h_{t+1}`),
    ).toMatchObject(full);
    // ("dL/dh_t = 0 for t < T" is a claim about the general step, its direct path gone: labellers split
    // on it, se-08 against sn-09)
    expect(part('4a', `${body}the loss is only at T, so (del L)/(del ht) = 0 for t < T`).review).toBe(true);
    // (said of every step, it is the student's own direct term: a person reads it, as labellers split)
    expect(part('4a', `${body}dL/dh_t = W_V^T (yhat_t - y_t)`).review).toBe(true);
  });
});

describe('round 71 (tuning): the answer stated first', () => {
  it('"72" alone, its working after it ("= 4*(3*5+3)", "4 sets: 4 × (15 + 3) = 4 × 18"), answers 72', () => {
    for (const t of [
      '72\n=4*(3*5+3)',
      '72 4 sets (W, b): 4 × (15 + 3) = 4 × 18',
      '72\n4 gates (f, i, o, C̃): 4 × 18',
    ])
      expect(part('3c', t), t).toMatchObject({ score: 1, review: false });
    // (a wrong count stated first is read as the student's: "54" then three gates' 3 × 18)
    expect(part('3c', '54\n3 gates: 3 × 18 = 54')).toMatchObject({ score: 0, review: false });
    // (a product's first factor is no answer stated first)
    expect(part('3c', '4 × 18 = 72').score).toBe(1);
  });
});

describe('round 72: answers stated first in a report block, bullets, growth denied', () => {
  it('3c: "Answer: 72 parameters" first, its working in bullets after it (products written with x) ending in a remark on the total', () => {
    const p = part(
      '3c',
      'Answer: 72 parameters\nWorking:\n* one gate: 15 + 3 = 18\n* four gates (f, i, o, C~): 18 x 4 = 72\n* 60 weights + 12 biases, the biases are 1/6 of total',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('5: "Answer: 3,088,878 multiplications" first, restated by the total row of a table below it', () => {
    const p = part(
      '5',
      'Answer: 3,088,878 multiplications (≈ 3.09 million)\nDepthwise output: 199 × 199 × 3   Pointwise output: 199 × 199 × 10\nWorking:\nstep   output   mults per output   total mults\ndepthwise   199 × 199 × 3   16   1,900,848\npointwise   199 × 199 × 10   3   1,188,030\ntotal 3,088,878\n• side = (200 + 2·1 − 4)/1 + 1 = 199\n• 199 × 199 = 39,601; depthwise 39,601 × 16 × 3 = 1,900,848; pointwise 39,601 × 3 × 10 =\n1,188,030\n• Depthwise is about 62% of the cost.',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(1);
  });
  it('3c: a dash bullet before a computation ("– 4 × 15 = 60.") is no minus sign: the weights counted alone', () => {
    const p = part(
      '3c',
      'Answer: 60 weight values.\nWorking:\n– the biases are not weights, so I leave them out.\n– W_f, W_i, W_o, W_C each 3 × 5 = 15.\n- 4 × 15 = 60.',
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
  });
  it('3a: "connects 5 inputs to 3 outputs, so W_f is 5 × 3" names its sizes in the transposed order: a person reads it (labellers split 3 to 1)', () => {
    const p = part(
      '3a',
      '[h_{t-1}, x_t] has 3 + 2 = 5 entries; W_f connects 5 inputs to 3 outputs, so W_f is 5 × 3',
    );
    expect(p.review).toBe(true);
  });
  it('5: a filter\'s own shape after the output\'s ("output 199 × 199 × 3. Each filter is 4 × 4 × 3") is not the output', () => {
    const p = part(
      '5',
      'Output size = (200 − 4 + 2)/1 + 1 = 199\nDepthwise: output 199 × 199 × 3. Each filter is 4 × 4 × 3 and there are 3 filters.\nPointwise: output 199 × 199 × 10 (10 filters of 1 × 1 × 3).\nTotal = 199 × 199 × 3 × 16 + 199 × 199 × 3 × 10 = 1,900,848 + 1,188,030 = 3,088,878',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('3c: named counts listed with their total ("W_f = 15, b_f = 3, total = 18") is the sum worked out', () => {
    const p = grade(
      '## 3a\nW_f is 3 x 5\n## 3c\nAnswer: 18 parameters\nWorking:\n* W_f = 15, b_f = 3, total = 18',
    ).parts['3c'];
    expect([p.score, p.review]).toEqual([0.5, false]);
    // (a total the counts do not add to is no sum of them)
    const q = grade(
      '## 3a\nW_f is 3 x 5\n## 3c\nAnswer: 20 parameters\nWorking:\n* W_f = 15, b_f = 3, total = 20',
    ).parts['3c'];
    expect(q.reasons.join(' ')).not.toMatch(/with the working shown/);
  });
  it('4b: "reaches step 1 multiplied only by 1\'s" is the product of ones said in words', () => {
    const p = part(
      '4b',
      "With f_t = 1 for all t, dL/dC_1 = dL/dC_T + (sum of local terms). The gradient from step T reaches step 1 multiplied only by 1's, so it does not vanish.",
    );
    expect([p.score, p.review]).toEqual([2, false]);
  });
  it('4b: "neither decays (vanishing) nor grows (exploding)", "no geometric growth (exploding)": no explosion said', () => {
    for (const said of [
      'the gradient neither decays geometrically (vanishing) nor grows (exploding).',
      'so no geometric decay (vanishing) and no geometric growth (exploding).',
    ]) {
      const p = part(
        '4b',
        `dL/dc_1 = dL/dc_T · ∏_{k=2}^{T} f_k. With f_t = 1 every factor is 1, the product is 1, and the error from step T reaches step 1 undamped: ${said}`,
      );
      expect([p.score, p.review]).toEqual([2, false]);
    }
  });
});

describe('round 73: a formula taken back, a count restated in another scale', () => {
  it('1b.i: the right formula in rough, then the gates swapped and worked out: a person checks which was used', () => {
    const p = part(
      '1b.i',
      'Rough:\nC_t = f*C(t-1) + i*C~ ?? or the other way\n(end rough)\ninput gate keeps the old memory, so\nC_t = i_t * C_(t-1) + f_t * C~_t\n= [1*0.2, 0*0.4, 0.5*0.8] + [1*0.5, 0.5*0, 0*0.1]\n= [0.2, 0, 0.4] + [0.5, 0, 0]\n= [0.7, 0, 0.4]',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/another formula/);
  });
  it('5: the total worked out, then restated in lakhs or millions ("= 3.09 lakh"): the count is the answer', () => {
    const body = (scale: string) =>
      `(200 + 2 - 4)/1 + 1 = 199\ndepthwise = 199 x 199 x 4 x 4 x 3 = 1900848\npointwise = 199 x 199 x 3 x 10 = 1188030\ntotal = 3088878 = 3.09 ${scale} multiplications\noutput depthwise 199 x 199 x 3, pointwise 199 x 199 x 10`;
    expect([part('5', body('million')).score, part('5', body('million')).review]).toEqual([3, false]);
    expect([part('5', body('lakh')).score, part('5', body('lakh')).review]).toEqual([3, false]);
  });
  it('3b: "b f = 3" (a subscript spaced from its letter, as dictated) is b_f bare, no size of f stated', () => {
    expect([part('3b', 'b f = 3').score, part('3b', 'b f = 3').review]).toEqual([0, false]);
    expect(part('3b', 'b f = 3 since h is 3').score).toBe(1);
  });
});

describe('round 74: readings the labellers split on, an answer before its working', () => {
  it('4b: with f = 1 the gradient said to grow, not to shrink: a person reads it (round 71 credits it, some do not)', () => {
    const p = part(
      '4b',
      'When f_t = 1 the cell keeps everything it had, so the gradient becomes large and the old information is remembered strongly.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/readers of the rubric take differently/);
    // (a growth denied is no growth: "it neither vanishes nor grows (exploding)")
    const q = part(
      '4b',
      'dL/dc_1 = dL/dc_T * f_T * ... * f_2; with f_t = 1 the product is 1, so the gradient does not vanish, nor explodes.',
    );
    expect([q.score, q.review]).toEqual([2, false]);
  });
  it('3c: the result written first and its step last ("3 × 18 = 54" over "each gate 15 + 3 = 18"): a person checks which is the answer', () => {
    const p = part('3c', 'gates are f, i, o (3 gates) 3 × 18 = 54\neach gate 15 + 3 = 18');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/an equation above goes on from it to 54/);
    // (the usual order, the step first, is read as ever)
    const q = part('3c', 'each gate 15 + 3 = 18\n4 gates: 4 × 18 = 72');
    expect([q.score, q.review]).toEqual([1, false]);
  });
});

describe('round 75: shapes written beside a formula', () => {
  it('2a: "e_kj = s_{k-1}^T h_j   (1 × d)(d × 1) = 1 × 1": the shapes are an aside, the formula is the dot product', () => {
    const p = part('2a', 'e_kj = s_{k-1}^T h_j   (1 × d)(d × 1) = 1 × 1\nand alpha_kj = softmax_j(e_kj)');
    expect([p.score, p.review]).toEqual([1, false]);
    // (a bracket joined to the formula is a factor of it, as ever: not the dot product)
    const q = part('2a', 'e_kj = s_{k-1}^T h_j(W_a)');
    expect(q.score).toBe(0);
  });
  it('4b: "a product of the gates" where the answer’s own recursion multiplies by i_{t+1}: which gates is a person’s call', () => {
    const g = grade(
      '## 4a\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * i_{t+1}\n' +
        '## 4b\nUnrolling down to t = 1, dL/dc_1 has dL/dc_T multiplied by the gate values of all the steps; when f_t = 1 this product of gates stays 1 so the gradient does not vanish.',
    );
    expect(g.parts['4b'].review).toBe(true);
    expect(g.parts['4b'].items.find((i) => i.id === 'product')!.reason).toMatch(/other factors/);
    // (the same words beside a recursion by f_{t+1} are the forget gates' product)
    const h = grade(
      '## 4a\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}\n' +
        '## 4b\nUnrolling down to t = 1, dL/dc_1 has dL/dc_T multiplied by the gate values of all the steps; when f_t = 1 this product of gates stays 1 so the gradient does not vanish.',
    );
    expect([h.parts['4b'].score, h.parts['4b'].review]).toEqual([2, false]);
  });
  it('4b: a shrinking denied in the student’s own words: "with no loss", "without becoming small", "not going to zero"', () => {
    for (const said of [
      'so the gradient moves on the cell state like on a conveyor belt with no loss.',
      'so gradiant from c_T is coming to c_1 without becoming small.',
      'so gradient not going to zero even when T is large.',
      'so the gradient is coming to the first step without any decrease.',
      'that is why vanishing gradient is not there.',
    ]) {
      const p = part(
        '4b',
        `dL/dc_1 = dL/dc_T * f_2 * f_3 * ... * f_T; when f_t = 1 the product is 1, ${said}`,
      );
      expect([said, p.score, p.review]).toEqual([said, 2, false]);
    }
    // (a shrinking not denied is no such statement: "the gradient goes to zero")
    const q = part(
      '4b',
      'dL/dc_1 = dL/dc_T * f_2 * f_3 * ... * f_T; when f_t = 1 the gradient goes to zero.',
    );
    expect(q.items.find((i) => i.id === 'no_vanish')!.awarded).toBe(0);
    // (the gradient said to stay the same in code-mixed Hindi, or its limit denied in symbols)
    const m = part(
      '4b',
      'f_t = 1 so dL/dc_1 = dL/dc_T * 1 * 1 * ... = dL/dc_T\nso long term dependency solved bcoz gradient same rehta hai.',
    );
    expect([m.score, m.review]).toEqual([2, false]);
    const n = part(
      '4b',
      'dL/dc_1 = dL/dc_T ∏ f_t; the gradient dL/dc_1 ̸→ 0 as T grows since f_t = 1 makes the product 1.',
    );
    expect(n.items.find((i) => i.id === 'no_vanish')!.awarded).toBe(1);
    // (nor is the loss, the function, left unaffected: "the old states do not affect the loss")
    const r = part(
      '4b',
      'If f_t = 1 the cell forgets all the previous memory, so dL/dc_1 = 0 and the old states do not affect the loss.',
    );
    expect([r.items.find((i) => i.id === 'no_vanish')!.awarded, r.review]).toEqual([0, false]);
  });
  it('equation numbers named "Eq. N": at a line’s end, or alone between a table cell’s wrapped lines', () => {
    const p = part(
      '1b.i',
      'Ct = ft ⊙ Ct-1 + it ⊙ C̃t    Eq. 1\n= (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    const q = part(
      '5',
      'Output size = (200 − 4 + 2)/1 + 1 = 199    Eq. 5\nDepthwise: 199 × 199 × 4 × 4 × 3 = 1900848, output 199 × 199 ×\nEq. 6\n3\n' +
        'Pointwise: 199 × 199 × 3 × 10 = 1188030, output 199 × 199\nEq. 7\n× 10\nTotal = 1900848 + 1188030 = 3088878',
    );
    expect([q.score, q.review]).toEqual([3, false]);
  });
  it('4b: a big product of the input gates, "∏_{t=2}^{T} i_t", is no product of the forget gates', () => {
    const p = part(
      '4b',
      'The cell path gives dL/dc_1 = dL/dc_T ∏_{t=2}^{T} i_t, a product of the gates; when f_t = 1 the product is 1 and the gradient does not vanish.',
    );
    expect(p.review).toBe(true);
    expect(p.items.find((i) => i.id === 'product')!.awarded).toBe(0);
    // (the f's with the i's beside them, or a sentence's "it" after them, are the forget gates' product)
    for (const text of [
      'dL/dc_1 has ∏ f_t in it. If f_t = 1 then it is 1 so the gradient does not vanish.',
      'dL/dc_1 = dL/dc_T ∏_{t=2}^{T} f_t i_t + …; when f_t = 1 and the input gates are open nothing is lost, the gradient does not vanish.',
    ])
      expect(part('4b', text).items.find((i) => i.id === 'product')!.awarded).toBe(1);
  });
});

describe('round 76: a total carried on, a product of bare gates', () => {
  it('a total stated, then carried on into another count ("computations = 2 × 3,088,878"), goes to a person', () => {
    const head = [
      'Depthwise: (200 − 4 + 2)/1 + 1 = 199 ⇒ 199 × 199 × 3',
      'MACs = 199^2 × 16 × 3 = 1,900,848',
      'Pointwise: 199 × 199 × 10',
      'MACs = 199^2 × 3 × 10 = 1,188,030',
      'Total MACs = 3,088,878.',
    ];
    const onward = part(
      '5',
      [
        ...head,
        'and a MAC is one multiply and one add, so',
        'operations = 2 × 3,088,878 = 6,177,756',
        'sizes 199 × 199 × 3 and 199 × 199 × 10.',
      ].join('\n'),
    );
    expect(onward.review).toBe(true);
    expect(onward.reasons.join(' ')).toMatch(/goes on to 6,177,756/);
    // (a check that arrives at the total again carries nothing on)
    const checked = part('5', [...head, 'check: 1,900,848 + 1,188,030 = 3,088,878'].join('\n'));
    expect(checked).toMatchObject({ score: 3, review: false });
  });
  it('2b: a count in a symbol with a word OCR parted before "parameters" ("so n additio nal parameters") is no zero', () => {
    const p = part(
      '2b',
      'It is a weighted average, so no new weight matrix comes in,\nbut the alphas are kept: so n additio nal parameters (n = encoder states)',
    );
    expect(p.score).toBe(0);
    expect(p.review).toBe(true);
  });
});

describe('round 77: a notation set out before the answers, a reason after a formula', () => {
  /** the parts of a script graded with `notation` written before its answers */
  const noted = (notation: string, text: string) =>
    gradeScript(rubric, ctx, scriptFromText(text, { unlabelled: [notation] })).grade.parts;
  const withNotation = (notation: string, body: string) => noted(notation, `## 4a\n${body}`)['4a'];
  const derivation = [
    'c_t reaches L through h_t = o_t ⊙ tanh(c_t) and through c_{t+1} = f_{t+1} ⊙ c_t + i_{t+1} ⊙ g_{t+1}:',
    'dh_t/dc_t = o_t ⊙ (1 − tanh²(c_t)), dc_{t+1}/dc_t = f_{t+1}. By the chain rule,',
  ];
  it("the script's own symbols for the loss's derivatives and a gate, defined once before the answers, read in every answer", () => {
    const p = withNotation(
      'Notation. G_t := ∂L/∂c_t, H_t := ∂L/∂h_t, a_t := f_t (forget gate), th := tanh.',
      [...derivation, 'G_t = H_t ⊙ o_t ⊙ (1 − th(c_t)²) + G_{t+1} ⊙ a_{t+1}'].join('\n'),
    );
    expect([p.score, p.review]).toEqual([5, false]);
  });
  it('a text layer\'s notation: subscripts without their underscore, a typeset fraction bracketed ("∆t := (∂L)/(∂ct)", "Gt := ∂L/∂ct")', () => {
    for (const [notation, d, h] of [
      ['I write ∆t := (∂L)/(∂ct), Θt := (∂L)/(∂ht), and for a convolution', '∆', 'Θ'],
      ['Notation. Gt := ∂L/∂ct. Ht := ∂L/∂ht.', 'G', 'H'],
    ]) {
      const p = withNotation(
        notation,
        [...derivation, `${d}t = ${h}t ⊙ ot ⊙ (1 − tanh²(ct)) + ${d}t+1 ⊙ ft+1`].join('\n'),
      );
      expect([p.score, p.review], notation).toEqual([5, false]);
    }
  });
  it('gates and the candidate renamed in the notation ("φ_t := f_t, ι_t := i_t, γ_t := C̃_t") are read in 1(b)(i)', () => {
    const g = noted(
      'Notation. I write φ_t := f_t, ι_t := i_t, γ_t := C̃_t.',
      '## 1b.i\nc_t = φ_t ⊙ c_{t-1} + ι_t ⊙ γ_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)',
    )['1b.i'];
    expect([g.score, g.review]).toEqual([1, false]);
  });
  it('"b_t := i_t" renames the input gate at a time step only: b_f is still the bias', () => {
    const g = noted(
      'a_t := f_t (forget gate), b_t := i_t (input gate), g_t := C~_t (candidate)',
      '## 1b.i\nc_t = a_t * c_{t-1} + b_t * g_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)\n## 3b\nb_f ∈ R^3: one bias per hidden unit',
    );
    expect([g['1b.i'].score, g['1b.i'].review, g['3b'].score, g['3b'].review]).toEqual([1, false, 1, false]);
  });
  it('the stacked input under a name of its own ("z_t := [h_{t−1}, x_t]") is the reason for W_f\'s shape', () => {
    const answer = '## 3a\nzt ∈ Rn+m = R^5 and Wfzt ∈ Rn, so Wf ∈ R^{3×5}.';
    const p = noted('Notation. n := 3 = dim c_t, m := 2 = dim x_t, zt := [ht−1; xt].', answer)['3a'];
    expect([p.score, p.review]).toEqual([1, false]);
    expect(noted('Notation. ⊙ is the entrywise product.', answer)['3a'].score).toBe(0);
  });
  it('without the notation the same answer is not understood (goes to a person)', () => {
    const p = withNotation(
      'Notation. ⊙ is the elementwise product.',
      [...derivation, 'G_t = H_t ⊙ o_t ⊙ (1 − th(c_t)²) + G_{t+1} ⊙ a_{t+1}'].join('\n'),
    );
    expect(p.review).toBe(true);
  });
  it("a shorthand for a step's derivative is not read into an attention score (e_t := ∂L/∂h_t, then e_kj)", () => {
    const g = noted('Notation: e_t := ∂L/∂h_t', '## 2a\ne_{kj} = s_{k-1}^T h_j, the dot product')['2a'];
    expect([g.score, g.review]).toEqual([1, false]);
  });
  it('"none" after a formula says what it lacks (a reason); the count alone is still bare', () => {
    expect(
      part('2b', '0 additional parameters\nα_kj = softmax_j(e_kj), C_k = Σ_j α_kj h_j, nothing to learn')
        .score,
    ).toBe(1);
    expect(part('2b', '0\nα = softmax(e), C_k = Σ α_kj h_j → no weights').score).toBe(1);
    const bare = part('2b', 'additional parameters = none');
    expect([bare.score, bare.review]).toEqual([0, false]);
  });
});

describe('round 77 in hand: a 1(a) whose numbers could not be read as positions', () => {
  it('"5.6, 9.4" (OCR\'s reading of "5, 6, 9, 4, 1, 7") goes to a person; a part with no numbers stays 0', () => {
    const p = part('1a', '(a) 5.6, 9.4');
    expect([p.score, p.review]).toEqual([0, true]);
    expect(part('1a', 'f_t -> 3').review).toBe(false);
    expect(part('1a', 'could not match the figure').review).toBe(false);
  });
});

describe('round 78: a physicist’s and a telegraphic class’s answers', () => {
  it('3(b): "b_f has the shape of f_t" is the reason for its size', () => {
    expect(part('3b', 'b_f has the shape of f_t => [b_f] = 3 x 1 (3 numbers)')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('3b', '[b_f] = 3 x 1 (3 numbers)').score).toBe(0);
  });
  it('2(a): an index-notation side a text layer glued ("sμk hjμ") before "= ⟨sk, hj⟩": the dot product', () => {
    expect(part('2a', 'ekj = sμk hjμ = ⟨sk, hj⟩, αkj = softmax(ekj)')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('3(c): a table’s answer cell centred between its working’s lines ("18" / "72" / "4 gates: 4 × 18") is the answer', () => {
    expect(part('3c', 'per gate: 15 + 3 = 18\n72\n4 gates (f, i, o, C̃): 4 × 18')).toMatchObject({
      score: 1,
      review: false,
    });
    expect(part('3c', 'per gate = 15 + 3 = 18\n72\n=4*(3*5+3)').score).toBe(1);
    // (a bare number no product comes to is no such answer)
    expect(part('3c', 'per gate: 15 + 3 = 18\n60\n4 gates (f, i, o, C̃): 4 × 18').score).toBe(0);
  });
  it('5: a rounded total on a line of its own ("Result: total ~ 3.03 x 10^6") restates the exact one above it', () => {
    const p = part(
      '5',
      [
        'Output size = (200 - 4)/1 + 1 = 197, depthwise output = 197 x 197 x 3',
        'mults = 197 x 197 x 3 x (4x4) = 1,862,832',
        'pointwise output = 197 x 197 x 10, mults = 197 x 197 x 10 x 3 = 1,164,270',
        'Total = 1,862,832 + 1,164,270 = 3,027,102',
        'Result: total ~ 3.03 x 10^6 multiplications',
      ].join('\n'),
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.reason).toMatch(
      /follows correctly from your own/,
    );
  });
  it('1(a): gates by their letter alone in a list, "f 2, i 5, o 9, Ct 10, …"; a list numbered "i 3 / ii 4" maps no gate', () => {
    const p = grade('## 1a\nf 3, i 4, o 8, Ct 10, Ct-1 1, C~t 7').parts['1a'];
    expect(p.items.slice(0, 3).map((i) => i.awarded)).toEqual([0.5, 0.5, 0.5]);
    expect(grade('## 1a\ni 3\nii 4\niii 8').parts['1a'].items[1].reason).not.toMatch(/i_t → 3/);
  });
  it('3(c): a count in brackets naming what a factor counts ("= 60 (4 matrices Wf, Wi, Wo, WC)") is not the answer', () => {
    const p = part(
      '3c',
      'The question asks weight values, so\n4 × (3 × 5) = 4 × 15 = 60\n(4 matrices Wf, Wi, Wo, WC).',
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
  });
  it('5: an "Order-of-magnitude check:" after the total, a comparison bracketed on its next line, is no answer', () => {
    const p = part(
      '5',
      [
        'nout = (200 + 2 · 1 − 4)/(1) + 1 = 199. Output after depthwise: 199 × 199 × 3.',
        'Multiplications: 199^{2} × (4 · 4) × 3 = 39601 × 48 = 1 900 848.',
        'Output after pointwise: 199 × 199 × 10. Multiplications: 199^{2} × 3 × 10 = 1 188 030.',
        'Total: 1 900 848 + 1 188 030 = 3 088 878 ≈ 3.1 × 10^{6}.',
        'Order-of-magnitude check: ∼ (2 × 10^{2})^{2} × (48 + 30) ≈',
        '4 × 10^{4} × 78 ≈ 3 × 10^{6}. ✓(Full 4 × 4 × 3 → 10 conv:',
        '39601 × 480 ≈ 1.9 × 10^{7}.)',
      ].join('\n'),
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it('5: the exact total followed by its order of magnitude ("= 3,088,878 ≈ 10^6") is the total', () => {
    const p = part(
      '5',
      [
        'Depthwise: (200 + 2 − 4)/1 + 1 = 199 → 199 × 199 × 3',
        'multiplications = 199 × 199 × 4 × 4 × 3 = 1900848',
        'Pointwise: 1 × 1 filters, 10 of them → 199 × 199 × 10',
        'multiplications = 199 × 199 × 10 × 3 = 1188030',
        'Total = 1900848 + 1188030 = 3088878 ≈ 10^{6}',
      ].join('\n'),
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
});

describe('round 78 in hand: readings OCR may have spoilt', () => {
  const scanned = (text: string) =>
    gradeScript(rubric, ctx, scriptFromText(text, { source: 'ocr', conf: 0.92 })).grade.parts;
  it('1(b)(i) read as 1(b)(ii)’s key (its own label misread, the next part’s answer under it) goes to a person', () => {
    const p = scanned('## 1b.i\nh(t) = o tanh C(t) = (tanh .7, 0, 0) = (.6044, 0, 0)')['1b.i'];
    expect([p.score, p.review]).toEqual([0, true]);
    expect(p.reasons.join(' ')).toMatch(/1b\.ii's key/);
    // (a wrong value of its own stays the student's)
    expect(scanned('## 1b.i\nC_t = 1(.2) + 1(.5) = (.7, .2, .5)')['1b.i'].reasons.join(' ')).not.toMatch(
      /key/,
    );
  });
  it('2(b): "none" in words beside a matrix sized "d x d", the count’s own words spoilt ("d odditional parame ters"), goes to a person', () => {
    const text =
      'If hidden size of encoder and\ndecoder is d then W. is d x d so d odditional\nparame ters.\n(the basic nodel wurith c = h, needs none os these)';
    expect(scanned(`## 2b\n${text}`)['2b'].review).toBe(true);
    expect(scanned('## 2b\nNone: the score is a dot product, nothing is learnt.')['2b']).toMatchObject({
      score: 1,
      review: false,
    });
    // (typed, the words are the student's: "none" beside a general attention's d × d stays the count)
    expect(part('2b', 'None, a plain dot product (a general score would need W of d x d).')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('round 79: a lab report’s shared working, MATLAB’s operators', () => {
  it('1(b)(i): the result alone under its label, the question’s Calculation (every step vector and the result) under 1(a): working shown', () => {
    const calc =
      '## 1a\nCalculation\nft ∘ Ct−1 = {0.2, 0.2, 0}\nit ∘ C̃t = {0.5, 0, 0.05}\nCt = {0.7, 0.2, 0.05}';
    expect(grade(`${calc}\n## 1b.i\nCt = {0.7, 0.2, 0.05} [3]`).parts['1b.i']).toMatchObject({
      score: 1,
      review: false,
    });
    // (and 1(b)(ii) by its tanh vector there, whatever else its own label holds)
    const more = `${calc}\ntanh(Ct) = {0.6044, 0.1974, 0.05}\nht = {1, 0, 0} ∘ {0.6044, 0.1974, 0.05} = {0.6044, 0, 0}`;
    expect(
      grade(`${more}\n## 1b.ii\nht = {0.6044, 0, 0} [3]\nSource of error – tanh(0.7) = 0.60437 is rounded.`)
        .parts['1b.ii'],
    ).toMatchObject({ score: 1, review: false });
    // (the result alone there, no step of it, is no working)
    expect(
      grade('## 1a\nf 3, i 4\nCt = {0.7, 0.2, 0.05}\n## 1b.i\nCt = {0.7, 0.2, 0.05} [3]').parts['1b.i'].score,
    ).toBe(0);
  });
  it('4(a) in MATLAB’s dotted operators is read: ".* ot .* (1 .− tanh.(ct).^2) .+ …"', () => {
    const p = part(
      '4a',
      'ct → ht → L and ct → ct+1 → L, so\n∂L/∂ct = ∂L/∂ht .* ot .* (1 .− tanh.(ct).^2) .+ ∂L/∂ct+1 .* ft',
    );
    expect(p.items.find((i) => i.id === 'direct')?.awarded).toBe(2);
  });
});

describe('round 80: a digressive class’s asides', () => {
  it('2(b): a cited work’s year ("Bahdanau et al. (2014)", "Hochreiter and Schmidhuber 1997") is no count', () => {
    expect(
      part(
        '2b',
        'Historically Bahdanau et al. (2014) used a feed-forward alignment model with weights.\nHere the score is a dot product, so the number of additional parameters is zero.',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '2b',
        'As in Hochreiter and Schmidhuber 1997, nothing changes: the dot product adds no parameters, zero.',
      ),
    ).toMatchObject({ score: 1, review: false });
    // (a number after an ordinary word stays the student's: "Total 1984")
    expect(part('3c', 'Total 1984').items[0].reason).toMatch(/1,984/);
  });
  it('3(b): a shape in a bracket of words ("3 (a column 3 x 1)") is the shape, not arithmetic', () => {
    expect(part('3b', 'b_f has the same size as f_t: 3 (a column 3 x 1).')).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('round 81: a dialogue’s questions, a marks column, another answer’s working', () => {
  it('2(b): a number in a question asked ("n, one per encoder state?") is a candidate raised, not the answer', () => {
    expect(
      part(
        '2b',
        'Examiner: How many extra parameters? n, one per encoder state?\nI: No, the weights are computed (softmax of e), not learned. Dot product has no matrix. So\n0.',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(part('3c', 'Examiner: Is it 60?\nMe: No, I forgot the biases: 4 x (15 + 3) = 72.').score).toBe(1);
    // (a hedged answer, its number only in a question, is still the answer read)
    expect(part('3c', 'total 4 x (15 + 3) = 60?').items[0].reason).toMatch(/^60 counts the weights only/);
  });
  it('3(c): a small number alone on a line after working that computed another is the marks expected, not the answer', () => {
    const p = part('3c', 'one gate = 3×2 + 3 = 9\n4 gates (f, i, o, C̃) → 4 × 9 = 36 parameters\n1 ✓');
    // (sent to a person, not a confident 0 for "1")
    expect(p.review).toBe(true);
  });
  it('3(b): a sentence computing another answer ("4 x (15 + 3) would be 72, … not the biases") is no reason for b_f', () => {
    const p = part(
      '3b',
      'b_f : 3 x 1\nExaminer: Total number of parameters?\nMe: four blocks, each with a 3 x 5 matrix = 15 weights.\n4 x 15 = 60.\nMe: 4 x (15 + 3) would be 72, but the question says weight values, so I am counting only\nthe weight matrices and not the biases.',
    );
    expect(p).toMatchObject({ score: 0, review: true });
    // (a reason of its own still counts)
    expect(
      part('3b', 'b_f : 3 x 1, because there is one bias for each of the 3 hidden units.'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('4(a): saying which relation each term comes from ("first term is from c_{t+1} = f c_t + …") is a derivation in words, for a person', () => {
    const p = part(
      '4a',
      '∂L/∂ct = ∂L/∂ct+1 · ft + ∂L/∂ht\n(first term is from ct+1 = f ct + ..., second term from ht)',
    );
    expect(p.review).toBe(true);
  });
});

describe('round 82: whole matrices', () => {
  it('4(b): a product of diagonal matrices, "diag(f2) diag(f3) … diag(fT) ∂L/∂cT", is the product of the forget gates', () => {
    const p = part(
      '4b',
      '∂L/∂c1 = diag(f2) diag(f3) … diag(fT) ∂L/∂cT + …\nIf ft = 1 all the diag matrices are identity, so ∂L/∂c1 ≈ ∂L/∂cT. The gradient does not become\nsmall going back, so the cell can remember information from far back.',
    );
    expect(p).toMatchObject({ score: 2, review: false });
  });
  it('3(a): W_f written out as a matrix of w_ij with its size after it, "(5 × 3)", under W_f^T z (its T flattened, "WfTz"): the transposed shape', () => {
    const p = part(
      '3a',
      'z = [h; x] has 3 + 2 = 5 entries and f = σ(WfTz + bf), so\nWf = ( ( w31 w32 w33 ) ) (5 × 3)',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('4(a): Jacobians written as diag(·) are the element-wise local derivatives', () => {
    const p = part(
      '4a',
      'The Jacobians: ∂h_t/∂c_t = diag(o_t ⊙ (1 − tanh²(c_t))), ∂c_{t+1}/∂c_t = diag(f_{t+1}); by the chain rule\n∂L/∂c_t = diag(o_t ⊙ (1 − tanh²(c_t))) ∂L/∂h_t + diag(f_{t+1}) ∂L/∂c_{t+1}',
    );
    expect(p.items.find((i) => i.id === 'direct')?.awarded).toBe(2);
    expect(p.items.find((i) => i.id === 'recursive')?.awarded).toBe(2);
  });
});

describe('round 83: working kept elsewhere', () => {
  it('a right answer pointing to its working in an appendix goes to a person, not a bare 0', () => {
    const p = part('1b.i', 'C_t = (0.7, 0.2, 0.05)    [working in App. A.2]');
    expect(p).toMatchObject({ score: 0, review: true });
    expect(p.reasons.join(' ')).toMatch(/working is kept elsewhere/);
    // (a script with its appendices apart: every part that lost marks)
    const g = gradeScript(
      rubric,
      ctx,
      scriptFromText('## 3c\ntotal = 72', { unlabelled: ['APPENDIX B (Q3)', '4 x 18 = 72'] }),
    ).grade;
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
    // (a bare answer with no pointer and no appendix stays a confident 0)
    expect(part('3c', 'total = 72')).toMatchObject({ score: 0, review: false });
  });
});

describe('round 84: answers put as small questions and procedures', () => {
  it('a small question\'s own number is no value: "Self-Q 1: how many …? → I think 0" answers 0', () => {
    const p = part(
      '2b',
      'Self-Q 1: “how many additional parameters”?\n→ I think 0, since the dot product has no weights, only the α’s are computed by softmax from e_kj.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it("the question's givens quoted before the answer are not the answer", () => {
    const p = part(
      '5',
      '“200 × 200 × 3, 4 × 4 filters, stride 1, padding 1, 10\noutput channels”\noutput after depthwise?\n→ (200 − 4 + 2)/1 + 1 = 199 ⇒ 199 × 199 × 3.\noutput after pointwise? → 199 × 199 × 10.\nmultiplications?\n→ 199 × 199 × 16 × 3 = 1,900,848 and 199 × 199 × 3 × 10 = 1,188,030; total 3,088,878.',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    expect(p.items.find((i) => i.id === 'depthwise')?.awarded).toBe(1);
    // (a quotation that computes is the student's own: its value is read)
    const own = part('5', 'depthwise output “(200 − 4)/1 + 1 = 197 ⇒ 197 × 197 × 3”');
    expect(own.items.find((i) => i.id === 'depthwise')?.reason).toMatch(/197/);
  });
  it("a bare result under a question's working set out once, headed as its first part, goes to a person", () => {
    const block = (b: string) =>
      scriptFromText(
        `## 3a\nGiven: x_t in R^2, c_t in R^3, so [h_{t-1}, x_t] in R^5.\nMethod:\n1. W_f [h; x]: [3 x 5][5 x 1] = [3 x 1], so W_f is 3 x 5.\n${b}\n3. 4 x (15 + 3) = 72.\nResult: (a) 3 x 5\n## 3b\n3 x 1\n## 3c\n72`,
      );
    // (as ingest reads "Problem 3" over it: no sub-part label, so guessed as 3(a))
    const headed = (script: ReturnType<typeof scriptFromText>) =>
      gradeScript(rubric, ctx, {
        ...script,
        parts: { ...script.parts, '3a': { ...script.parts['3a'], labelConf: 0.5 } },
      }).grade.parts['3b'];
    const p = headed(block('2. b_f ∈ R^3 to match [3 x 1].'));
    expect(p).toMatchObject({ score: 0, review: true });
    expect(p.reasons.join(' ')).toMatch(/working is set out once.*to match/);
    // (a step on b_f that only states it, or none, leaves the bare 3(b) a confident 0)
    expect(headed(block('2. b_f ∈ R^3.'))).toMatchObject({ score: 0, review: false });
    expect(headed(block('2. one bias per unit.'))).toMatchObject({ score: 0, review: false });
    // (under a label read plainly, 3(a)'s working is 3(a)'s)
    expect(gradeScript(rubric, ctx, block('2. b_f ∈ R^3 to match [3 x 1].')).grade.parts['3b']).toMatchObject(
      {
        score: 0,
        review: false,
      },
    );
  });
});

describe('round 85: a label with nothing under it', () => {
  it('goes to a person when the lines below it were read as another part answered again, not to a confident 0', () => {
    // ("4 b -" left empty at y 100, "Unroll 4 a down to t = 1 …" below it read as 4(a)'s second place)
    const script = scriptFromText(
      '## 4a\ndL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_{t+1} f_{t+1}\nUnroll 4 a down to t = 1: dL/dc_1 = dL/dc_T prod f_t\n## 5\n199',
    );
    const a = script.parts['4a'];
    const label = { page: 1, box: { x: 50, y: 100, w: 30, h: 12 } };
    const below = { ...a.lines[1], box: { ...a.lines[1].box, y: 114 } };
    const empty = {
      partId: '4b',
      text: '',
      lines: [],
      regions: [label],
      labelConf: 1,
      conf: 0.5,
      occurrences: 1,
    };
    const read = (occurrences: number, second = below) =>
      gradeScript(rubric, ctx, {
        ...script,
        order: ['4a', '4b', '5'],
        parts: { ...script.parts, '4a': { ...a, occurrences, lines: [a.lines[0], second] }, '4b': empty },
      }).grade.parts['4b'];
    expect(read(2)).toMatchObject({ score: 0, review: true });
    // (a part answered twice elsewhere on the page, or once, leaves the empty label a part left out)
    expect(read(2, { ...below, box: { ...below.box, y: 400 } })).toMatchObject({ score: 0, review: false });
    expect(read(1)).toMatchObject({ score: 0, review: false });
  });
});

describe('round 86: a multiple choice the student sets itself', () => {
  it('an answer choosing among options it listed goes to a person, whatever it scores', () => {
    const script = scriptFromText(
      '## 3a\nW_f :    3 x 2    3 x 5    5 x 3    3 x 3   Ans:    3 x 5  ([h, x] is 3 + 2 = 5)',
    );
    const choosing = {
      ...script,
      parts: { ...script.parts, '3a': { ...script.parts['3a'], choices: true } },
    };
    const p = gradeScript(rubric, ctx, choosing).grade.parts['3a'];
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/chooses among options/);
    // (the same answer, no options listed: graded)
    expect(gradeScript(rubric, ctx, script).grade.parts['3a'].reasons.join(' ')).not.toMatch(/options/);
  });
});

describe('round 87: the question paper typed into', () => {
  it('the paper\'s marks copied with its question are no answer: "(1 point) … how many additional parameters?"', () => {
    const p = part(
      '2b',
      '(1 point) Compared with an encoder–decoder where C = h_n is given as input to each decoder\ncell s_i, how many additional parameters does this attention model need?\nAnswer. None (0). The score is a parameter-free dot product and the softmax has no weights.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
});

describe('round 87: part markers inside sentences', () => {
  it("a part not found whose marker stands inside a sentence of its question's answer goes to a person", () => {
    const g = grade(
      '## 2a\nThe score is the dot product e_kj = s_{k-1}^T h_j, and for part (b) there is nothing to learn, so 0.',
    );
    expect(g.parts['2b']).toMatchObject({ score: 0, review: true });
    // (with no marker for it there, a part not found is not found)
    expect(grade('## 2a\nThe score is the dot product e_kj = s_{k-1}^T h_j.').parts['2b']).toMatchObject({
      score: 0,
      review: false,
    });
  });
});

describe('round 88: totals stated first, corrections kept apart', () => {
  it('a total stated before the counts it adds up is the answer, not the last count', () => {
    const p = part(
      '5',
      'Total multiplications? → 3,120,000\nOutput after depthwise → 200 × 200 × 3\n\ndepthwise = 4x4x3 x 200x200 = 1,920,000\npointwise = 3x10 x 200x200 = 1,200,000',
    );
    // (3,120,000 follows from the student's own 200: the total's half mark, not 1,200,000's nothing)
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(0.5);
    // (counts that do not add up to the number stated first leave the last count as the answer)
    const q = part(
      '5',
      'Total multiplications? → 3,000,000\ndepthwise = 4x4x3 x 200x200 = 1,920,000\npointwise = 3x10 x 200x200 = 1,200,000',
    );
    expect(q.reasons.join(' ')).toMatch(/1,200,000 is not right/);
  });
  it("a later answer's line that corrects this part by its key sends the part to a person", () => {
    const text =
      '## 1b.i\nC_t = (1×0.2+1×0.5, 0.5×0.4+0×0, 0.8+0.5×0.1) = (0.7, 0.2, 0.85)\n## 5\nTotal = 1,900,848 + 1,188,030 = 3,088,878\n# correction to q1_b_i : I forgot f_t, third = 0 + 0.5*0.1 = 0.05';
    expect(grade(text).parts['1b.i']).toMatchObject({ review: true });
    expect(grade(text).parts['1b.i'].reasons.join(' ')).toMatch(/refers to this part/);
    // (a later line naming the part without correcting it does not)
    const plain = text.replace('# correction to q1_b_i : I forgot f_t,', 'as in q1_b_i the');
    expect(grade(plain).parts['1b.i']).toMatchObject({ review: false });
  });
});

describe('rounds 89 and 90: results after their working, pronouns, subscripts, parts named', () => {
  it('a bare answer whose working stands above its label, read as the answer before it, goes to a person', () => {
    const text =
      '## 4b\nthe gradient does not become zero because it is added\nAim : no. of multiplications\nProcedure :\noutput = (200 + 2 - 4)/1 + 1 = 199\n199 x 199 x 16 = 633616\n## 5\nmultiplications = 1029626\nafter depthwise = 199 x 199 x 3 , after pointwise = 199 x 199 x 10';
    const p = grade(text).parts['5'];
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/stand above its label \("\(200 \+ 2 - 4\)\/1 \+ 1 = 199"\)/);
    // (with no such computation above it, the bare answer is a confident 0 for its sizes)
    expect(grade(text.replace('output = (200 + 2 - 4)/1 + 1 = 199\n', '')).parts['5'].review).toBe(false);
    // (a sibling's reason is never carried over: a bare 3(b) under 3(a)'s reason stays a confident 0)
    const q3 = grade(
      '## 3a\nf_t has 3 entries and [h, x] has 3 + 2 = 5, so W_f is 3 × 5\n## 3b\nb_f is 3 × 1',
    );
    expect(q3.parts['3b']).toMatchObject({ score: 0, review: false });
  });
  it('a bare 4(a) whose derivation stands above its label, read as 3(c), goes to a person', () => {
    const text =
      '## 3c\n4 x 18 = 72\nAIM : dL/dc_t and long term dependency.\nCALCULATION:\ndh_t/dc_t = o_t (.) (1 - tanh^2(c_t))\ndc_t+1/dc_t = f_t+1\n## 4a\ndL/dc_t = dL/dh_t (.) o_t (.) (1 - tanh^2(c_t)) + dL/dc_t+1 (.) f_t+1';
    const p = grade(text).parts['4a'];
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/derivation for this answer may stand above its label/);
    // (with nothing derived above it, the bare expression keeps its cap, confidently)
    const bare = grade(text.replace(/CALCULATION:\n.*\n.*\n/, '')).parts['4a'];
    expect([bare.score, bare.review]).toEqual([2, false]);
  });
  it('"Result 2(a):" names a part: its 2 is no count of parameters', () => {
    const p = part(
      '2b',
      'Theory: the score is the dot product.\nResult 2(a): e_kj = s_{k-1}^T h_j\nResult 2(b): zero. Dot product, softmax and weighted sum are fixed operations with no trainable weights',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('"this one" counts nothing: the count stated after it is the answer', () => {
    const p = part(
      '2b',
      'I went back and forth on this one. With dot-product scores there is no learnable thing in e_kj,\nso the number of additional parameters is 0.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
    expect(part('2b', 'one extra weight vector v, so one').score).toBe(0);
  });
  it('a count in subscripted sizes ("d_a*d_s + d_a*d_h + d_a extra parameters") is the answer, not a zero', () => {
    const p = part(
      '2b',
      'the attention layer has W, U and v, that is\nd_a*d_s + d_a*d_h + d_a extra parameters. The plain encoder-decoder does not have any of these.',
    );
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).toMatch(/d_a\*d_s \+ d_a\*d_h \+ d_a is not right/);
  });
  it('a part not found in a script whose parts were mostly placed by what they say goes to a person', () => {
    const s = scriptFromText(
      '## 1a\nf_t 3, i_t 4\n## 2a\nFor question three I thought 4 x 12 = 48 parameters\n## 4a\nchain rule',
    );
    const guessed = {
      ...s,
      parts: Object.fromEntries(Object.entries(s.parts).map(([id, a]) => [id, { ...a, labelConf: 0.5 }])),
    };
    expect(gradeScript(rubric, ctx, guessed).grade.parts['3c']).toMatchObject({ score: 0, review: true });
    expect(gradeScript(rubric, ctx, s).grade.parts['3c']).toMatchObject({ score: 0, review: false });
  });
});

describe('round 91: a draft, then its fair copy', () => {
  it('the fair copy after a draft is the answer, whichever of the two is right', () => {
    const p = part(
      '3c',
      'Draft: gates f, i, o and candidate: 4 × (3 × 5 + 3) = 4 × 18 = 72.\nFinal: the question asks for weight values, so no biases:\n4 × (3 × 5) = 60',
    );
    expect(p.items[0].awarded).toBe(0.5);
    expect(p.reasons.join(' ')).toMatch(/60 counts the weights only/);
    expect(part('3c', 'Rough: 4 × 15 = 60\nFair copy: 4 × (15 + 3) = 72').score).toBe(1);
    // (a "Final:" with no draft before it is only a total's line: the key computed above it stands)
    expect(part('3c', '4 × (3 × 5 + 3) = 4 × 18 = 72\nFinal: weights only 4 × 15 = 60').score).toBe(1);
  });
});

describe('round 93: edits made as the student went', () => {
  it('a variable given two positions side by side ("C̃t → 6 5", the struck one lost) goes to a person', () => {
    const p = part('1a', 'i. ft → 2  ii. it → 4  iii. ot → 8  iv. Ct → 11  v. Ct−1 → 1  vi. C̃t → 6 5');
    expect(p.review).toBe(true);
    expect(part('1a', 'f_t -> 3, i_t -> 4, o_t -> 8, C_t -> 10, C_{t-1} -> 1, C~_t -> 6').review).toBe(false);
  });
  it('the key on a line that goes on to another total ("4 × 18 = 72 total = 60 + 3 = 63") goes to a person', () => {
    const p = part('3c', 'weights = 4 gates × 15 = 60\n4 × 18 = 72 total = 60 + 3 = 63');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/marked is 63/);
    expect(part('3c', '4 gates, 3 × 5 + 3 = 18 each\ntotal = 4 × 18 = 72 parameters').review).toBe(false);
  });
  it('what an arrow back rejects is no answer ("= 72 <- no, see above")', () => {
    const p = part(
      '3c',
      'weights: 4 x (3 x 5) = 60\nbias added once = 3\ntotal = 60 + 3 = 63\n(scratch) 4 x 18 = 72 <- no, see above',
    );
    expect([p.score, p.review]).toEqual([0, false]);
  });
  it('a note moving the answer ("should be before 3 c") is no reason for b_f', () => {
    expect(part('3b', 'move up (should be before 3 c)\nb_f : 3').score).toBe(0);
    expect(part('3b', 'c_t has 3 entries\nb_f : 3 x 1').score).toBe(1);
  });
});

describe('round 94: more than was asked, and answers restated elsewhere', () => {
  it('a note of extras after the answer ("Extra: … memory 1,552,360 B") is not the count', () => {
    const p = part(
      '5',
      [
        'Output size: (N − F)/S + 1 = (200 − 4)/1 + 1 = 197.',
        'output multiplications',
        'depthwise (4 × 4, one per channel) 197 × 197 × 3 197^{2} · 16 · 3 = 1,862,832',
        'pointwise (1 × 1 × 3, 10 filters) 197 × 197 × 10 197^{2} · 3 · 10 = 1,164,270',
        'total 3,027,102',
        'Total number of computations (multiplications) = 3,027,102.',
        'Extra: a normal convolution with ten 4 × 4 × 3 filters needs 197^{2} · 480 = 18,628,320 multiplications,',
        'so the ratio is 3,027,102/18,628,320 = 0.1625. Memory of the outputs in float32: 197^{2} ·3·4 =',
        '465,708 B ≈ 454.8 KB after depthwise and 197^{2} · 10 · 4 = 1,552,360 B ≈ 1516 KB after pointwise.',
      ].join('\n'),
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(0.5);
  });
  it('"5 x 3 (input [h, x] = 5, output 3)" names its sizes in the transposed order: a person reads it', () => {
    expect(part('3a', 'W_f : 5 x 3 (input [h_t-1, x_t] = 5, output 3)').review).toBe(true);
    expect(part('3a', 'W_f : 5 x 3').review).toBe(false);
  });
});

describe('round 94: a part restated in another part below it', () => {
  it('"so 1 b ii - becomes h_t = …" in a later answer sends 1(b)(ii) to a person', () => {
    const text =
      '## 1b.ii\nh_t = o_t * tanh(C_t) = (1*tanh(0.2), 0, 0) = (0.197, 0, 0)\n## 3a\n[h, x] has 3 + 2 = 5 entries, so W_f is 3 x 5\nso 1 b ii - becomes h_t = (1*tanh 0.7, 0, 0) = (0.604, 0, 0)';
    expect(grade(text).parts['1b.ii'].review).toBe(true);
    expect(grade(text.replace('becomes', 'uses')).parts['1b.ii'].review).toBe(false);
  });
});

describe('round 95: blanks filled in, and a pointer to a correction', () => {
  it('a blank\'s underscores around the value are no subscript ("= __72__")', () => {
    expect(part('3c', 'Per gate: 3x5 weights + 3 biases = 15 + 3 = 18.\nTotal = 4 x 18 = __72__').score).toBe(
      1,
    );
  });
  it('"(see correction further down)" after a wrong value sends the part to a person', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t * tanh(C_t) = [1, 0, 0] * [tanh 0.2, tanh 0.2, tanh 0]\n= [0.1974, 0, 0]\nSo h_t = ___[0.197, 0, 0]___ (see correction further down)',
    );
    expect(p.review).toBe(true);
  });
});

describe('rounds 96-97: what the reading must not take for the answer', () => {
  it('an answer weighed and turned down is not the answer: "I considered answering 0 …, but …"', () => {
    const p = part(
      '2b',
      'The additional parameters are d_s x d_h.\nI considered answering 0 since the score is a plain dot product, but then it could not learn, so some weights are needed.',
    );
    expect(p.score).toBe(0);
    expect(part('3c', 'I first wrote 60 but forgot the biases, so 4 x (15 + 3) = 72').score).toBe(1);
  });
  it('a grid\'s row numbers are not its values: "1 | extra parameters | 0"', () => {
    expect(
      part(
        '2b',
        '1 | extra parameters | 0\nNotes: the dot product, the softmax and the sum have no weights.',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
  it('a shape said in words is a shape: "3 rows and 5 columns"', () => {
    expect(part('3a', 'W_f has 3 rows and 5 columns since [h, x] has 3 + 2 = 5 entries').score).toBe(1);
  });
  it('a total on its own row, then only checks of its parts: the row is the answer', () => {
    const p = part(
      '5',
      [
        'Depthwise 199 × 199 × 3 199² × 16 × 3 = 1,900,848',
        'Pointwise 199 × 199 × 10 199² × 3 × 10 = 1,188,030',
        'Total 3,088,878',
        'Output side: (200 + 2·1 − 4)/1 + 1 = 199.',
        '199² = 39,601. 39,601 × 48 = 1,900,848; 39,601 × 30 = 1,188,030.',
      ].join('\n'),
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(1);
    // (a sum after it coming to another total is a second total, read as before: a person or the last)
    const again = part('5', 'Total 3,120,000\nwith padding: 1,900,848 + 1,188,030 = 3,088,878').items.find(
      (i) => i.id === 'multiplications',
    );
    expect(again?.reason).not.toMatch(/3,120,000 is/);
  });
  it("a matrix's shape guessed from the last of several sizes, the matrix never named, goes to a person", () => {
    const p = part('3a', 'B C\n1 dim xt 2\n2 dim ct (= dim ht) 3\n3 dim[ht−1, xt] =C1+C2 5');
    expect(p.review).toBe(true);
    // (named, a wrong single number stays a confident 0)
    expect(part('3a', 'W_f has 5 entries per row, so W_f is 5').review).toBe(false);
  });
  it('a right answer whose reason cites a vector ("since o_t = [1, 0, 0]") is a person\'s call, not a bare answer', () => {
    const p = part('1b.ii', 'h_t = [0.604, 0, 0] since o_t = [1, 0, 0].');
    expect([p.score, p.review]).toEqual([0, true]);
    expect(part('1b.ii', 'h_t = [0.604, 0, 0]')).toMatchObject({ score: 0, review: false });
  });
});

describe('rounds 96-97: a question whose answers went elsewhere', () => {
  it("4(a) and 4(b) missing while another answer holds 4(a)'s derivative, or question IV's roman heading, go to a person", () => {
    const held = grade(
      '## 2b\n0 additional parameters\nIV —\n∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}\nWhen f_t = 1 the gradient is not lost',
    );
    expect([held.parts['4a'].review, held.parts['4b'].review]).toEqual([true, true]);
    const heading = grade('## 2b\n0 additional parameters\nIV —\nthe gradient flows back');
    expect(heading.parts['4b'].review).toBe(true);
    // (nothing of question 4 anywhere: no answer, with confidence)
    expect(grade('## 2b\n0 additional parameters, nothing to learn').parts['4b'].review).toBe(false);
  });
  it("4(b) missing while 4(a)'s block states 4(b)'s idea (a list's \"1.\" read as 4(a)) goes to a person (round 98)", () => {
    const g = grade(
      '## 4a\ndL/dc_1 has f_t multiplied many times, if f_t = 1 the gradient is 1, so there is no vanishing gradient',
    );
    expect(g.parts['4b'].review).toBe(true);
    // (4(a)'s own derivation names no idea of 4(b)'s)
    const own = grade(
      '## 4a\ndL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}, by the chain rule',
    );
    expect(own.parts['4b'].review).toBe(false);
  });
});

describe('round 97: text read as no answer just above a bare answer', () => {
  it('sends the bare answer to a person: a question\'s sheet of sizes under its heading, then "(a) W_f | 3 x 5"', () => {
    const text = '## 2b\n0 extra parameters, nothing is learnt\n## 3a\nW_f | =C3 & "x" & C4 | 3 x 5';
    const s = scriptFromText(text, { unlabelled: ['dim [h_t-1, x_t] | =C2+C3 | 5 | concatenation'] });
    s.unlabelled[0].box.y = s.parts['3a'].lines[0].box.y - 6;
    expect(gradeScript(rubric, ctx, s).grade.parts['3a']).toMatchObject({ score: 0, review: true });
    // (with nothing between, the bare answer is a bare answer; text below every answer is no working of it)
    expect(grade(text).parts['3a']).toMatchObject({ score: 0, review: false });
    const below = scriptFromText(text, { unlabelled: ['dim [h_t-1, x_t] | =C2+C3 | 5 | concatenation'] });
    expect(gradeScript(rubric, ctx, below).grade.parts['3a'].review).toBe(false);
  });
});

describe("round 97: a spreadsheet's cell formulas", () => {
  it('are set aside for the value the cell shows: "TOTAL =D37+D39 3027102" is the total', () => {
    const p = part(
      '5',
      [
        'output side =(200-4)/1+1 197',
        'depthwise out 197 x 197 x 3',
        'depthwise mult =197*197*4*4*3 1862832',
        'pointwise out (10 filters of 1x1x3) 197 x 197 x 10',
        'pointwise mult =197*197*3*10 1164270',
        'TOTAL =D37+D39 3027102',
        '197*197 = 38809. 38809*48 = 1862832 and 38809*30 = 1164270, total',
        '3027102',
        'multiplications. Padding 1 keeps the image from shrinking too much but for 4x4 filter the',
        'output is (n-f)/s + 1.',
      ].join('\n'),
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
    expect(part('3c', 'one gate =3*5+3 18\ntotal =4*C7 72').score).toBe(1);
  });
});

describe("round 99: a sub-part's label as a hand's conversion misreads it", () => {
  it('"Q2 (6)" inside another answer where 2(b) is missing sends 2(b) to a person', () => {
    const g = grade(
      '## 2a\ne_kj = s_k . h_j, a dot product\nQ2 (6)\nno new weights, the score is a dot product',
    );
    expect(g.parts['2b'].review).toBe(true);
  });
});

describe('round 99: coaching boxes', () => {
  it('"Ans ⇒ 60 parameters" is the answer, not the count a sentence after it names; a mistake warned against is no answer', () => {
    expect(
      part(
        '3c',
        'Formula: total weights = 4 × (rows × cols)\nCalculation: 4 × (3 × 5) = 4 × 15 = 60\nAns ⇒ 60 parameters (weight values).\nThere are 4 weight matrices Wf, Wi, Wo, WC.',
      ).items[0].reason,
    ).toMatch(/^60 counts the weights only/);
    const p = part(
      '5',
      'output stays 200 x 200\nmults = 200 x 200 x 16 x 3 = 1,920,000\nmults = 200 x 200 x 3 x 10 = 1,200,000\nAns ⇒ 3,120,000 multiplications\nCommon mistake: doing a normal convolution 200x200x16x3x10 = 19,200,000.',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.reason).not.toMatch(/19,200,000/);
  });
});

describe('rounds 100-103: products named loosely, explosions, row vectors, answers cut off or held elsewhere', () => {
  it('"a product of the gate terms" where the recursion multiplies by (f + i) is a person\'s to read', () => {
    const g = grade(`## 4a
dL/dc_t = dL/dc_{t+1} * (f_{t+1} + i_{t+1}) + dL/dh_t * o_t * (1 - tanh^2(c_t))
## 4b
Unrolled, dL/dc_1 carries a product of the gate terms of every later step. With f_t = 1 the
gradient does not shrink on its way back to c_1.`);
    expect(g.parts['4b'].review).toBe(true);
    expect(g.parts['4b'].items.find((i) => i.id === 'product')?.awarded).toBe(0);
  });

  it('a gradient that "does not explode" is not one that does not vanish', () => {
    const i = item('4b', 'If f_t = 1 the old cell is kept and the gradient does not explode.', 'no_vanish');
    expect(i.awarded).toBe(0);
    // (said of vanishing, it is)
    expect(item('4b', 'If f_t = 1 the gradient does not vanish on the way back.', 'no_vanish').awarded).toBe(
      1,
    );
  });

  it('the forget gates multiplied with "x" for times are their product', () => {
    const i = item('4b', 'dL/dc_1 = dL/dc_T x f x f x ... x f, and with f = 1 it does not vanish', 'product');
    expect(i.awarded).toBe(1);
  });

  it('"[h, x]·W_f" written out states the row-vector layout of a 5 × 3 W_f', () => {
    const p = part(
      '3a',
      'The input [h_{t-1}, x_t] has 3 + 2 = 5 entries; as [h_{t-1}, x_t]·W_f gives 3 values, W_f is 5 × 3',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });

  it('a run of zeros alone ("= 00", digits a font read as one glyph) is no value', () => {
    const p = part('3c', 'per gate 15 + 3 = 18, four gates: 4 × 18 = 00');
    expect(p.reasons.join(' ')).not.toMatch(/\b0 is not right/);
    // (a digit group's zeros are the number's)
    expect(
      part(
        '5',
        'depthwise 199 × 199 × 16 × 3 = 19 00 848, pointwise 199 × 199 × 30 = 11 88 030, total 30 88 878',
      ).items.find((i) => i.id === 'multiplications')?.awarded,
    ).toBe(1);
  });
  it('a sum of vectors left unevaluated (its result not written, or its line not read) goes to a person', () => {
    const p = part('1b.i', 'C_t = f_t * C_{t-1} + i_t * C~_t\n= (0.2, 0.2, 0) + (0.5, 0, 0.05)');
    expect(p.review).toBe(true);
    expect(part('1b.i', 'C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('an answer that breaks off after "=" goes to a person, its result perhaps cut off', () => {
    const p = part('1b.ii', 'tanh(C_t) = (0.6044, 0.1974, 0.05), h_t = (1, 0, 0) ⊙ (0.6044, 0.1974, 0.05) =');
    expect(p.review).toBe(true);
  });

  it("an answer writing a missing part's quantities, that part answered nowhere, goes to a person", () => {
    const g = grade(`## 3c
4 x 15 = 60 weights
depthwise (200 + 2 - 4)/1 + 1 = 199, output 199 x 199 x 3, 199 x 199 x 48 = 1,900,848
pointwise 199 x 199 x 30 = 1,188,030, total 3,088,878`);
    expect(g.parts['3c'].review).toBe(true);
    expect(g.parts['3c'].reasons.join(' ')).toMatch(/5's quantities/);
  });

  it('"so 1b_ii also changes: h_t = …" in a later correction sends 1(b)(ii) to a person', () => {
    const g = grade(`## 1b.i
C_t = (0.2, 0.2, 0)
## 1b.ii
h_t = (1 * tanh(0.2), 0, 0) = (0.197, 0, 0)
## 5
199 x 199 x 3; correction to 1b_i: C_t = (0.7, 0.2, 0.05), so 1b_ii also changes: h_t = (0.604, 0, 0)`);
    expect(g.parts['1b.ii'].review).toBe(true);
  });
});

describe("rounds 105-108: positions of the student's own naming, sizes in symbols, a label at a column's foot, work in another answer", () => {
  it('1(a) positions named as the student numbered the diagram ("f_t -> p3") are read', () => {
    const p = part('1a', 'Let p1 ... p12 be the positions.\ni. f_t -> p3\nii. i_t -> p4\niii. o_t -> p8');
    expect(p.items.filter((i) => i.awarded > 0).map((i) => i.id)).toEqual(['f_t', 'i_t', 'o_t']);
    expect(p.review).toBe(false);
  });
  it('positions in a form the grader cannot read go to a person, not a confident "no position given"', () => {
    const p = part('1a', 'f_t -> B3\ni_t -> B4\no_t -> B8\nC_t -> B10');
    expect(p.review).toBe(true);
  });
  it("b_f equated with the hidden size's own symbol is its reason; a letter defined only in 3(a) is not (rule 1 revised)", () => {
    expect(part('3b', 'b_f = n_h = 3')).toMatchObject({ score: 1, review: false });
    const g = grade(`## 3a
let m = size of x = 2, n = size of c = 3
W_f = n x (n + m) = 3 x 5
## 3b
b_f = n = 3`);
    expect(g.parts['3b']).toMatchObject({ score: 0 });
  });
  it("W_f's shape written in the sizes' symbols, the cell's as n_c, is its reasoning", () => {
    expect(part('3a', 'W_f ∈ R^{n_c × (n_c + n_x)} = R^{3×5}')).toMatchObject({ score: 1, review: false });
  });
  it('a label found with nothing under it at the foot of its column goes to a person', () => {
    const script = scriptFromText('## 3c\n4 x (15 + 3) = 72');
    const empty = (y: number) => ({
      ...script,
      parts: {
        ...script.parts,
        '4a': {
          partId: '4a',
          text: '',
          lines: [],
          regions: [{ page: 1, box: { x: 50, y, w: 60, h: 12 } }],
          labelConf: 1,
          conf: 0.5,
          occurrences: 1,
        },
      },
      order: [...script.order, '4a'],
    });
    expect(gradeScript(rubric, ctx, empty(780)).grade.parts['4a'].review).toBe(true);
    // (with the next answer right under it, the label stands empty: no answer)
    expect(gradeScript(rubric, ctx, empty(20)).grade.parts['4a'].review).toBe(false);
  });
  it("a bare count another question's answer works out goes to a person; with no such work it is bare", () => {
    const g = grade(`## 1b.ii
h_t = (1 · tanh 0.7, 0, 0) = (0.604, 0, 0)
3. The forget gate takes x_t (dimension 2), so W_f is 3 × 2 and b_f is 3 × 1. One gate = 6 + 3 = 9,
four gates: total = 4 × 9 = 36
## 3b
3 × 1
## 3c
36`);
    expect(g.parts['3c'].review).toBe(true);
    expect(g.parts['3c'].reasons.join(' ')).toMatch(/another answer \(1b\.ii\)/);
    // (a 3 another answer computes is as likely chance: 3(b)'s bare "3 × 1" stays bare)
    expect(g.parts['3b']).toMatchObject({ score: 0, review: false });
    // (a total with digit groups is one computation, not a list of answers)
    const total = grade(`## 4b
the product of forget gates, 1 when f_t = 1
5. Multiplications = 197 × 197 × 48 = 1,862,832 and 197 × 197 × 30 = 1,164,270
Total = 1,862,832 + 1,164,270 = 3,027,102
## 5
total multiplications = 3,027,102`);
    expect(total.parts['5'].review).toBe(true);
    expect(grade('## 3b\n3 × 1\n## 3c\n36').parts['3c']).toMatchObject({ score: 0, review: false });
  });
  it("a total broken over two lines after a digit group's comma is one number", () => {
    const p = part(
      '5',
      `out side = (200 + 2*1 - 4)/1 + 1 = 199, depthwise 199 x 199 x 3, pointwise 199 x 199 x 10
mults = 199*199*16*3 = 1,900,848 and 199*199*3*10 = 1,188,030
Total multiplications = 1,900,848 + 1,188,030 = 3,088,
878`,
    );
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 1]);
  });
  it('gradients named in words ("Write D(t) for ∂L/∂c_t") or in a notation block ("Δc_t = ∂L/∂c_t") are read as named', () => {
    const derived = `h_t = o_t ∘ tanh(c_t) gives ∂h_t/∂c_t = o_t ∘ (1 − tanh²(c_t))
c_{t+1} = f_{t+1} ∘ c_t + i_{t+1} ∘ C̃_{t+1} gives ∂c_{t+1}/∂c_t = f_{t+1}`;
    const said = part(
      '4a',
      `Write D(t) for ∂L/∂c_t and E(t) for ∂L/∂h_t.\n${derived}\nD(t) = E(t) ∘ o_t ∘ (1 − tanh²(c_t)) + D(t+1) ∘ f_{t+1}`,
    );
    expect(said).toMatchObject({ score: 5, review: false });
    const block = gradeScript(
      rubric,
      ctx,
      scriptFromText(`## 4a\n${derived}\nΔc_t = Δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + Δc_{t+1} ⊙ f_{t+1}`, {
        unlabelled: ['Notation (used throughout):', 'Δc_t = ∂L/∂c_t ,  Δh_t = ∂L/∂h_t'],
      }),
    ).grade.parts['4a'];
    expect(block).toMatchObject({ score: 5, review: false });
  });
  it('an answer that revises itself in place ("UPDATE: … is 72, not 60") and loses marks goes to a person', () => {
    const p = part(
      '3c',
      'Each of the four maps has 3·5+3 = 18 parameters, so the total is 4 × 18 = 60.\nUPDATE: 4×18 is 72, not 60 — I wrote the weight-only count (4×15 = 60) by mistake. Total with biases = 72; weights alone = 60.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/revises itself/);
    expect(part('3c', 'weights only: 4 × 15 = 60')).toMatchObject({ score: 0.5, review: false });
  });
  it('a part answered in two places that still loses marks goes to a person; one answered once does not', () => {
    const body =
      '## 1b.i\nAnswer: C_t = (0.7, 0.02, 0.05)\nC_t = (1 x 0.2, 0.5 x 0.4, 0) + (0.5, 0, 0.05) = (0.7, 0.02, 0.05)';
    const twice = gradeScript(rubric, ctx, scriptFromText(body, { occurrences: { '1b.i': 2 } })).grade.parts[
      '1b.i'
    ];
    expect(twice.review).toBe(true);
    expect(twice.reasons.join(' ')).toMatch(/answered in two places/);
    expect(part('1b.i', body.slice('## 1b.i\n'.length)).review).toBe(false);
  });
});

describe('round 112: handwriting converted to text by a notes app', () => {
  it('an expression judged wrong whose indices stand after spaces ("s k-1 . hj") goes to a person', () => {
    const p = grade('## 2a\nekj = s k-1 . hj = s k-1\n   T\n   hj').parts['2a'];
    expect(p).toMatchObject({ score: 0, review: true });
    expect(p.reasons.join(' ')).toMatch(/index may be written after a space \("s k-1"\)/);
    // (a wrong expression with its indices in place is the student's own)
    expect(grade('## 2a\ne_kj = s_{k-1} + h_j').parts['2a']).toMatchObject({ score: 0, review: false });
  });
});

describe('round 113: answers pasted with a chat assistant’s formatting', () => {
  it('raw LaTeX whose line wrapped inside "\\right)" is read as one line: both paths of 4(a) are found', () => {
    const p = grade(
      '## 4a\nct reaches L along two paths:\n1. ct -> ht: dht/dct = ot ⊙ (1 − tanh²ct)\n2. ct -> ct+1: dct+1/dct = ft+1\n$$ \\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot \\left(1 - \\tanh^2(c_t)\\\nright) + \\frac{\\partial L}{\\partial c_{t+1}} \\odot f_{t+1} $$',
    ).parts['4a'];
    expect(p).toMatchObject({ score: 5, review: false });
  });
  it('"**Final answer:** 19008480" marks the count, not the shapes worked above it', () => {
    const p = part(
      '5',
      'output size = (200 - 4 + 2)/1 + 1 = 199\nafter depthwise = 199 x 199 x 3\nafter pointwise = 199 x 199 x 10\nmultiplications = 199 x 199 x 4 x 4 x 3 x 10 = 19008480\n**Final answer:** 19008480',
    );
    expect(p).toMatchObject({ score: 2, review: false });
    expect(p.items.map((i) => i.awarded)).toEqual([1, 1, 0]);
  });
});

describe('round 114: MATLAB notation, large print', () => {
  it('TeX’s prime for MATLAB’s transpose, set before the index ("ekj = s′khj"), is the dot product', () => {
    expect(part('2a', 'ekj = s′khj, αkj = softmax(ekj)')).toMatchObject({ score: 1, review: false });
    expect(part('2a', 'e_kj = s′k hj')).toMatchObject({ score: 1, review: false });
    // (a derivative's prime on a function stays one)
    expect(part('2a', "e_kj = f'(s_k) h_j").score).toBe(0);
  });
  it('"(.)" typed for ⊙, and a wrong direct path on the line under the recursive one: both read', () => {
    const p = part(
      '4a',
      'Two paths: through c_(t+1) and through h_t.\nSince h_t = o_t (.) C_t, dh_t/dc_t = o_t\nand dc_(t+1)/dc_t = f_(t+1).\ndL/dc_t = dL/dc_(t+1) (.) f_(t+1)\n+ dL/dh_t (.) o_t',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    expect(p.reasons[0]).toMatch(/misses the derivative of tanh/);
  });
  it('a definition left open ("dL/dh_t = W_f(:,1:3)\'*df + …") is not put into the expression for dL/dc_t', () => {
    const p = part(
      '4a',
      "% c_t affects L through two routes: h_t and c_(t+1)\n% dh_t/dc_t = o_t .* (1 - tanh(c_t).^2)\n% dc_(t+1)/dc_t = f_(t+1)\ndL/dc_t = dL/dh_t .* o_t .* (1 - tanh(c_t).^2) + dL/dc_(t+1) .* f_(t+1)\n% for t < T, i.e. dL/dh_t = W_f(:,1:3)'*df + W_i(:,1:3)'*di + ...",
    );
    expect(p).toMatchObject({ score: 5, review: false });
  });
  it('a count over a MATLAB comment ("3088878" then "% => total …") is no percentage: the total is read', () => {
    const p = part(
      '5',
      'n_out = (200 + 2*1 - 4)/1 + 1\nn_out =\n199\n% depthwise output = 199 x 199 x 3\nmult_dw = 199*199*3*(4*4)\nmult_dw =\n1900848\n% pointwise output = 199 x 199 x 10\nmult_pw = 199*199*10*3\nmult_pw =\n1188030\ntotal_mult = mult_dw + mult_pw\ntotal_mult =\n3088878\n% => total multiplications = 3,088,878\n% output after depthwise = 199x199x3, after pointwise = 199x199x10',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    // (a share is still none: "depthwise ~62%")
    expect(
      item('5', 'total = 1900848 + 1188030 = 3088878, depthwise ~62%', 'multiplications').reason,
    ).toMatch(/^3,088,878 is right/);
  });
  it('a table’s words broken into pieces line after line ("V P" / "a o" / "ri si") go to a person', () => {
    const p = part('1a', 'V P\na o\nri si\na ti\nb o\nle n');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/words broken into pieces/);
    expect(part('1a', 'f_t -> 3, i_t -> 4, o_t -> 8, C_t -> 10, C_{t-1} -> 1, C~_t -> 6').review).toBe(false);
  });
});

describe('round 115: answer-booklet templates, merged parts, pseudo-code', () => {
  it('the input restated ("Input : 200 x 200 x 3, filter 4 x 4") is no output shape', () => {
    const p = part(
      '5',
      'Input : 200 x 200 x 3, filter 4 x 4, stride 1, 10 output channels\n1. out := (200 - 4)/1 + 1 = 197\n2. depthwise mult := 197 * 197 * 3 * (4*4) = 1,862,832\n3. pointwise mult := 197 * 197 * 3 * 10 = 1,164,270\n4. total := 1,862,832 + 1,164,270 = 3,027,102\nShapes: 197 x 197 x 3, then 197 x 197 x 10',
    );
    expect(p.items[0].reason).not.toMatch(/200 × 200 × 3/);
    expect(p.review).toBe(true);
  });
});

describe('rounds 116-118: slips copied into the final line, engineering number forms, own values carried', () => {
  it('a total marked after the sum that differs from it ("Sum … = 3,088,878" then "Total multiplications = 3,088,788"): a person reads which is the answer', () => {
    const p = part(
      '5',
      'out = (200 + 2 - 4)/1 + 1 = 199, so 199 x 199 x 3 and then 199 x 199 x 10\ndepthwise 199*199*16*3 = 1,900,848\npointwise 199*199*3*10 = 1,188,030\nSum 1,900,848 + 1,188,030 = 3,088,878\nTotal multiplications = 3,088,788.',
    );
    expect(p.review).toBe(true);
    expect(p.items.find((i) => i.id === 'multiplications')?.reason).toContain('3,088,788');
  });
  it('the exact count before its rounded e-notation ("total = 3057912 = 3.06e6") is the answer carried from 198', () => {
    const p = part(
      '5',
      '(200 + 2 - 4)/1 = 198\nafter depthwise: 198 x 198 x 3\nafter pointwise: 198 x 198 x 10\ndepthwise mult = 198*198*16*3 = 1881792\npointwise mult = 198*198*3*10 = 1176120\ntotal = 3057912 = 3.06e6',
    );
    const total = p.items.find((i) => i.id === 'multiplications')!;
    expect(total.reason).not.toContain('3,060,000');
    expect(total.awarded).toBeGreaterThan(0);
  });
  it('"nothing is lost on the way" with f = 1 denies the shrinking', () => {
    const p = part(
      '4b',
      'dL/dc_1 = dL/dc_T * f_2 f_3 ... f_T\nif f_t = 1 the product of forget gates becomes 1, so the gradient of the last cell\nreaches c_1 like a highway, nothing is lost on the way.',
    );
    expect([p.score, p.review]).toEqual([2, false]);
  });
  it("h_t right from the student's own wrong C_t, its tanh written for that C_t, is right with working", () => {
    const g = grade(
      '## 1b.i\nC_t = i_t * C_{t-1} + f_t * C~_t\ni_t * C_{t-1} = (0.2, 0, 0.4)\nf_t * C~_t = (0.5, 0, 0)\nC_t = (0.7, 0, 0.4)\n## 1b.ii\nh_t = o_t * tanh(C_t)\ntanh(C_t) = (0.6044, 0, 0.3799)\nh_t = (0.6044, 0, 0)',
    );
    expect([g.parts['1b.ii'].score, g.parts['1b.ii'].review]).toEqual([1, false]);
    // (a tanh that is neither the key's nor of the student's own C_t is no working)
    const h = grade(
      '## 1b.i\nC_t = (0.7, 0, 0.4)\n## 1b.ii\nh_t = o_t * tanh(C_t)\ntanh(C_t) = (0.6044, 0.3, 0.3)\nh_t = (0.6044, 0, 0)',
    );
    expect(h.parts['1b.ii'].score === 1 && !h.parts['1b.ii'].review).toBe(false);
  });
});

describe('a formula whose symbols were not read, its numbers the right formula’s (whole corpus)', () => {
  it('every step of the key written ("FG * old mem = [1*0.2, 0.5*0.4, 0*0.8] = [0.2, 0.2, 0]") is the right formula applied', () => {
    const p = part(
      '1b.i',
      'C_t = FG * old mem + IG * cand\nFG * old mem = [1*0.2, 0.5*0.4, 0*0.8] = [0.2, 0.2, 0]\nIG * cand = [1*0.5, 0*0, 0.5*0.1] = [0.5, 0, 0.05]\nC_t = [0.7, 0.2, 0.05]',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('the key reached by the wrong gate ("f_t × tanh(C_t)") is not: no step of the key is written', () => {
    const p = part(
      '1b.ii',
      'h_t = f_t × tanh(C_t) = (1 × tanh 0.7, 0.5 × tanh 0, 0 × tanh 0.05) = (0.604, 0, 0)',
    );
    expect(p.score === 1 && !p.review).toBe(false);
  });
});

describe('round 120: consoles and calculators, results in round figures, function brackets set apart', () => {
  it('a Python session: each command and the value printed under it is arithmetic that evaluates', () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t\n>>> 1*0.2 + 1*0.5\n0.7\n>>> 0.5*0.4 + 0*0\n0.2\n>>> 0*0.8 + 0.5*0.1\n0.05\nso C_t = [0.7, 0.2, 0.05]',
    );
    expect([p.score, p.review]).toEqual([1, false]);
    // (the printed values alone, with no command computing them, are no working)
    expect(part('1b.i', 'C_t is\n0.7\n0.2\n0.05\nC_t = [0.7, 0.2, 0.05]').score).toBe(0);
  });
  it('vectors set at an Octave or Julia prompt stand for their numbers in the command that uses them', () => {
    const octave = part(
      '1b.i',
      '>> prev = [0.2 0.4 0.8]; fg = [1 0.5 0]; ig = [1 0 0.5]; cand = [0.5 0\n0.1];\n>> c = fg.*prev + ig.*cand\nc =\n0.7000 0.2000 0.0500\nC_t = [0.7, 0.2, 0.05]',
    );
    expect([octave.score, octave.review]).toEqual([1, false]);
    const julia = part(
      '1b.ii',
      'julia> og = [1, 0, 0]; c = [0.7, 0.2, 0.05];\njulia> og .* tanh.(c)\n3-element Vector{Float64}:\n0.6043677771171636\n0.0\n0.0\nh_t = [0.6044, 0, 0]',
    );
    expect([julia.score, julia.review]).toEqual([1, false]);
    // (a printed value whose command uses names set in another answer goes to a person, not to 0)
    const elsewhere = part('1b.ii', '>> h = og.*tanh(c)\nh =\n0.6044 0 0\nh_t = [0.6044, 0, 0]');
    expect([elsewhere.score, elsewhere.review]).toEqual([0, true]);
  });
  it("IPython's Out[n] and Octave's ans are the values of the commands above them", () => {
    expect(part('3c', 'In [4]: 4*(3*5 + 3)\nOut[4]: 72\nanswer 72 parameters')).toMatchObject({
      score: 1,
      review: false,
    });
    const p = part(
      '5',
      'after depthwise 199 x 199 x 3, after pointwise 199 x 199 x 10\n>> (200 + 2*1 - 4)/1 + 1\nans = 199\n>> 199*199*3*16\nans = 1900848\n>> 199*199*10*3\nans = 1188030\n>> ans + 1900848\nans = 3088878',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
  it("a calculator's Ans is its last display, and a line opening on an operator goes on from it", () => {
    // (weights only, four gates of 3 × 5: the half mark, its arithmetic read through Ans)
    expect(
      part('3c', 'one gate has 3 x 5 weights, four gates\n3 x 5 = --> 15\nAns x 4 = --> 60\nso 60 weights'),
    ).toMatchObject({
      score: 0.5,
      review: false,
    });
    // (a mistyped side, 119 for 199, computed as keyed; the pointwise count right and shown)
    const p = part(
      '5',
      'size (200 - 4 + 2)/1 + 1 = 199\nafter depthwise: 199 x 199 x 3\nafter pointwise: 199 x 199 x 10\n119 x^2 x 48 = --> 679728\n199 x^2 x 30 = --> 1188030\n+ 679728 = --> 1867758',
    );
    expect([p.score, p.review]).toEqual([2.5, false]);
    // (TeX's ↦ in a text layer, "ft 7→ 3", maps a position: no calculator's display)
    expect(part('1a', 'ft 7→ 3\nit 7→ 4\not 7→ 8\nCt 7→ 10\nCt−1 7→ 1\nC̃t 7→ 6').score).toBe(3);
  });
  it('the exact count before the same count said in round figures ("i.e. 3.089 mn") is the answer', () => {
    const p = part(
      '5',
      'size (200 - 4 + 2)/1 + 1 = 199\nafter depthwise: 199 x 199 x 3\nafter pointwise: 199 x 199 x 10\nM_dw = 199^2 * 48 = 1,900,848\nM_pw = 199^2 * 30 = 1,188,030\nM = M_dw + M_pw = 3,088,878\ni.e. 3.089 mn multiplications.',
    );
    expect([p.score, p.review]).toEqual([3, false]);
    // (a figure in millions that the exact count does not round to is still read)
    const q = part(
      '5',
      'size (200 - 4 + 2)/1 + 1 = 199\nafter depthwise: 199 x 199 x 3\nafter pointwise: 199 x 199 x 10\nM_dw = 199^2 * 48 = 1,900,848\nM_pw = 199^2 * 30 = 1,188,030\nso about 4.2 million multiplications.',
    );
    expect(q.score === 3 && !q.review).toBe(false);
  });
  it('arithmetic ending a sentence ("4 matrices × (3 × 5) = 60.") is a computation, its stop no decimal point', () => {
    expect(part('3c', 'Weight values only, so no biases:\n4 matrices × (3 × 5) = 60.')).toMatchObject({
      score: 0.5,
      review: false,
    });
  });
  it("a function's argument set off by spaces ('softmax ( s_k^T h_j )') is no aside: the score is not the dot product", () => {
    expect(part('2a', 'e_{kj} = softmax ( s_k^T h_j )')).toMatchObject({ score: 0, review: false });
    expect(part('2a', 'e_{kj} = s_k^T h_j (the inner product)')).toMatchObject({ score: 1, review: false });
  });
  it("h_t's entry taken from the wrong place of tanh(C_t) is a slip in the right formula, not a stop on the way", () => {
    const slip = part(
      '1b.ii',
      'h_t = o_t · tanh(C_t)\ntanh(0.7) = 0.6044, tanh(0.2) = 0.1974, tanh(0.05) = 0.0500\nh_t = (1 × 0.1974, 0, 0) = (0.1974, 0, 0)',
    );
    expect([slip.score, slip.review]).toEqual([0.5, false]);
    // (tanh(C_t) given whole as h_t stops on the way: o_t was never applied)
    const stop = part(
      '1b.ii',
      'h_t = o_t ⊙ tanh(C_t)\nh_t = tanh([0.7, 0.2, 0.05]) = [0.6044, 0.1974, 0.05]',
    );
    expect([stop.score, stop.review]).toEqual([0, false]);
  });
  it('an element named before its arithmetic ("Ct[2] .5 × .4 + 0 × 0 = 0.2") is working, its index no vector', () => {
    const p = part(
      '1b.i',
      'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t\nCt[1] 1 × .2 + 1 × .5 = 0.7\nCt[2] .5 × .4 + 0 × 0 = 0.2\nCt[3] 0 × .8 + .5 × .1 = 0.05\nC_t = (0.7, 0.2, 0.05)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('a vector wrapped in its table cell ("Ĉt = [0.7, 0.2," over "0.05]"), its hat a computed mark, is the answer', () => {
    const p = part(
      '1b.i',
      'Ĉt = [0.7, 0.2,\n0.05]\nft ⊙ Ct−1 = [0.2, 0.2, 0]\nit ⊙ C̃t = [0.5, 0, 0.05]\nsum = [0.7, 0.2, 0.05]',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('round 121: steps numbered in brackets, flattened subscripts, cut columns, carried totals in doubt', () => {
  it('"[1] The score is a dot product …" numbers a step: "Ans. Zero additional parameters." answers 0', () => {
    const p = part(
      '2b',
      '[1] The score is a dot product, so there is no weight matrix.\n[2] Softmax and the weighted sum are fixed functions.\nAns. Zero additional parameters.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('"∵ ct+1 = ftct + …", its subscripts flattened and run together, is the recursion’s defining equation', () => {
    const p = part(
      '4a',
      '∂L/∂c_t = ∂L/∂c_{t+1} f_t + ∂L/∂h_t (1 − tanh^2 c_t)\n∵ ct+1 = ftct + . . . and ht = tanh(ct) part.',
    );
    expect(p.items.find((i) => i.id === 'sum')?.awarded).toBe(1);
  });
  it('a column vector of bracket pieces whose top row is missing goes to a person, not read as a shorter vector', () => {
    const p = part(
      '1b.i',
      'C_t = ⎢0.2⎥ + ⎢0 ⎥ = ⎢0.2 ⎥\n⎣0 ⎦ ⎣0.05⎦ ⎣0.05⎦\n(first vector = f ⊙ C_{t-1} = (1·0.2, 0.5·0.4, 0·0.8), second = i ⊙ C~ = (1·0.5, 0·0, 0.5·0.1))',
    );
    expect(p.review).toBe(true);
  });
  it('a total carried from a depthwise output given the pointwise channels, or from counts written bare, goes to a person', () => {
    const standard = part(
      '5',
      'depthwise also gives 10 channels\nsize = 200 − 4 + 1 = 197\ndepthwise : 197 × 197 × 4 × 4 × 10 = 6,209,440 → output 197 × 197 × 10\npointwise : 197 × 197 × 10 × 10 = 3,880,900 → output 197 × 197 × 10\ntotal = 10,090,340',
    );
    expect([standard.score, standard.review]).toEqual([0.5, true]);
    const bare = part(
      '5',
      '(200 - 4)/1 + 1 = 197\noutput of depthwise = 197 x 197 x 3\noutput of pointwise = 197 x 197 x 10\nmultiplications = 1862832 + 1164270 = 3027102',
    );
    expect([bare.score, bare.review]).toEqual([0.5, true]);
    // (each count worked out, in a chain too: carried forward with its working)
    const worked = part(
      '5',
      '(200 - 4)/1 + 1 = 197\noutput of depthwise = 197 x 197 x 3\noutput of pointwise = 197 x 197 x 10\nmultiplications = 197*197*48 + 197*197*30 = 1862832 + 1164270 = 3027102',
    );
    expect([worked.score, worked.review]).toEqual([0.5, false]);
  });
});

describe('round 122-123: a count over the input’s channels, a rough check, a step left unnamed, a label run into a line', () => {
  it('"200 × 200 × 10" written for the depthwise output, its count over the input’s 3 channels: carried forward, a person checks', () => {
    const p = part(
      '5',
      [
        'padding 1 keeps the size same → 200 × 200',
        'Depthwise output = 200 × 200 × 10',
        'Depthwise multiplications = 200 × 200 × 3 × 4 × 4 = 1,920,000',
        'Pointwise output = 200 × 200 × 10',
        'Pointwise multiplications = 200 × 200 × 3 × 10 = 1,200,000',
        'Total = 1,920,000 + 1,200,000 = 3,120,000',
      ].join('\n'),
    );
    expect([p.score, p.review]).toEqual([0.5, true]);
    expect(p.reasons.join(' ')).toMatch(/input's 3 channels/);
  });
  it('a "rough check:" after the total is no answer: the total from the student’s own 198 is carried forward', () => {
    const p = part(
      '5',
      [
        'output size = (200 + 2 - 4)/1 = 198, after depthwise 198 x 198 x 3',
        'mults = 198 x 198 x 16 x 3 = 1,881,792',
        'after pointwise 198 x 198 x 10, mults = 198 x 198 x 3 x 10 = 1,176,120',
        'Total = 1,881,792 + 1,176,120 = 3,057,912',
        'rough check: 200 x 200 x (48 + 30) = 3.12 x 10^6, close enough',
      ].join('\n'),
    );
    expect(p.score).toBe(0.5);
    expect(p.reasons.join(' ')).not.toMatch(/3,120,000/);
  });
  it('the right formula stated and tanh(C_t) given as h_t without naming it so: a slip or a stop, a person decides', () => {
    const p = part(
      '1b.ii',
      'h_t = o_t * tanh(C_t)\ntanh(0.7) = 0.6044, tanh(0.2) = 0.1974, tanh(0.05) = 0.0500\nso h_t = [0.6044, 0.1974, 0.05]',
    );
    expect([p.score, p.review]).toEqual([0.5, true]);
    // (named as the answer, "h_t = tanh(C_t) = …", it stays a stop at a step: 0, as round 17 reads it)
    const q = part('1b.ii', 'h_t = o_t * tanh(C_t)\nh_t = tanh(C_t) = [0.6044, 0.1974, 0.05]');
    expect([q.score, q.review]).toEqual([0, false]);
  });
  it('a part missing while its label "P4a." stands run into another answer’s line goes to a person', () => {
    const g = grade('## 1a\nf_t: 3, i_t: 4, o_t: 8, C_t: 10, C_t-1: 1, C~_t: 6. P4a.\nTwo routes, summed.');
    expect([g.parts['4a'].score, g.parts['4a'].review]).toEqual([0, true]);
  });
});

describe('rounds 124-125: counts left as products, checks by digit sums', () => {
  it('the counts right only as products left standing ("= 48 · 199²"), their figures written wrong below: a person reads it', () => {
    const p = part(
      '5',
      [
        'side = (200 + 2·1 − 4)/1 + 1 = 199, depthwise output 199 × 199 × 3',
        'depthwise mults = 4·4·3·199² = 48·199²',
        'pointwise output 199 × 199 × 10, mults = 3·10·199² = 30·199²',
        'taking 199² = 39801: 48 × 39801 = 1,910,448 and 30 × 39801 = 1,194,030',
        'total = 3,104,478',
      ].join('\n'),
    );
    const total = p.items.find((i) => i.id === 'multiplications')!;
    expect(total.reason).toMatch(/never written/);
    expect(p.review).toBe(true);
    // (a count's figure written as the product comes to: the half mark stands, no doubt)
    const q = part(
      '5',
      'side = (200 + 2 - 4)/1 + 1 = 199, outputs 199 x 199 x 3 and 199 x 199 x 10\ndepthwise mults = 199 x 199 x 48 = 1,900,848\npointwise mults = 199 x 199 x 30 = 1,188,031\ntotal = 3,088,879',
    );
    expect([q.score, q.review]).toEqual([2.5, false]);
    // (left as a product where no arithmetic slips, "199² · 30", the count is shown: the half mark)
    const r = part(
      '5',
      'n = (200 + 2 - 4)/1 + 1 = 199, outputs 199 x 199 x 3 and 199 x 199 x 10\ndepthwise mults = n² · 16 = 199² · 16\npointwise mults = n² · 30 = 199² · 30\ntotal = 199² (16 + 30) = 39601 × 46 = 1,821,646',
    );
    expect([r.score, r.review]).toEqual([2.5, false]);
  });
  it('"check by nines: … → 9 ✓" after the total is no answer: the total from the student’s own 198 is carried forward', () => {
    const p = part(
      '5',
      [
        'output = (200 + 1 − 4)/1 + 1 = 198, depthwise 198 × 198 × 3, pointwise 198 × 198 × 10',
        'total = 78 · 198² = 78 × 39204 = 3,057,912',
        'check by nines: 78 → 6, 198 → 9, 3+0+5+7+9+1+2 = 27 → 9 ✓',
      ].join('\n'),
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
    expect(part('3c', '4 × (15 + 3) = 72\ndigit sum check: 7 + 2 = 9').score).toBe(1);
  });
});

describe('rounds 126-127: results first, answers among other questions’ rows', () => {
  it('the result written first, each side coming to it ("60 = 4 × 15 = 4 × (3 × 5)"), is the answer', () => {
    expect(
      part('3c', '60.\n60 = 4 × 15 = 4 × (3 × 5)\nThe question asks for weight values only.'),
    ).toMatchObject({
      score: 0.5,
      review: false,
    });
    expect(part('3c', '72 = 4 × 18 = 4 × (15 + 3)')).toMatchObject({ score: 1, review: false });
  });
  it('"=> total 78" after the key’s own working marks another answer: a person reads which stands', () => {
    const p = part('3c', '4 x (15 + 3) = 72\nh_0 and c_0 are learnable too, 6 more\n=> total 78');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/the answer marked is 78/);
  });
  it('a value read that is another question’s own key (5’s depthwise count under 3(c)) goes to a person', () => {
    const p = part(
      '3c',
      'Total = 4 × 9 = 36 parameters\nDepthwise: 199 × 199 × 3 outputs, 16 mults each\n= 39601 × 48 = 1,900,848',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/question 5's own key/);
  });
  it('a step’s result alone on the last line after working that went on from it ("9" after "4 × 9 = 36") is no sure answer', () => {
    const p = part('3c', 'one gate = 3x2 + 3 = 9\n4 gates = 4 x 9 = 36\n9');
    expect(p.review).toBe(true);
  });
});

describe('rounds 128-129: reasons written tersely', () => {
  it('2b: "0 (no new W)" names the weights by their symbol; "no W = 3" is no such reason', () => {
    expect(part('2b', '0 (no new W)')).toMatchObject({ score: 1, review: false });
    expect(part('2b', 'no W_a needed, so 0')).toMatchObject({ score: 1 });
    expect(part('2b', '0')).toMatchObject({ score: 0 });
  });
  it('4b: "c1 still gets full grad from L_T" says the gradient reaches c_1 whole', () => {
    const p = part('4b', '∂L/∂c1 = ∂L/∂cT · ∏ ft + … ; ft = 1 ⇒ ∏ = 1 ⇒ c1 still gets full grad from LT');
    expect(p).toMatchObject({ score: 2, review: false });
  });
});

describe('rounds 130-131: what a part’s neighbours and its own notes hold', () => {
  it('5: a fraction read last ("tanh(0.05) ≈ 0.05", another part’s note) is no count: the total is read before it, for a person', () => {
    const p = part(
      '5',
      'DW: 199² × 3 × 16 = 1,900,848\nPW: 199² × 10 × 3 = 1,188,030\nSum = 3,088,878\ntanh values: tanh(0.7) ≈ 0.604, tanh(0.05) ≈ 0.05.',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 1 });
    expect(p.review).toBe(true);
  });
  it('5: a note comparing with a standard convolution after the answer ("Chef’s note: … 38809 x 480 = 18628320") is no answer', () => {
    const p = part(
      '5',
      'output = (200 - 4)/1 + 1 = 197 -> 197 x 197 x 3\nmult in depthwise = 197 x 197 x 16 x 3 = 1862832\npointwise 1x1x3 filters, 10 of them -> 197 x 197 x 10\nmult in pointwise = 38809 x 3 x 10 = 1164270\nServes: 3027102 multiplications\ndepthwise output 197 x 197 x 3, pointwise output 197 x 197 x 10\nChef’s note: much cheaper than normal convolution, 38809 x 480 = 18628320.',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
  });
  it('3a: a shape with a side of 0 is no shape a grader reads surely', () => {
    expect(part('3a', 'W_f is 0 x 0')).toMatchObject({ score: 0, review: true });
  });
  it('1b.ii: a template’s slot giving o_t’s entries ("Justification: o_t = {1, 0, 0}") may be the working: a person reads it', () => {
    const p = part(
      '1b.ii',
      'Statement: h_t = o_t o tanh(C_t)\nJustification: o_t = {1, 0, 0}\nResult: h_t = {0.6044, 0, 0}',
    );
    expect(p).toMatchObject({ score: 0, review: true });
    expect(part('1b.ii', 'h_t = o_t o tanh(C_t)\nh_t = {0.6044, 0, 0}')).toMatchObject({
      score: 0,
      review: false,
    });
  });
  it('3c with no label of its own, beside a 3(b) answered in two places, is no confident "no answer found"', () => {
    const script = scriptFromText('## 3a\nW_f = 3 x 5 since [h, x] = 3 + 2 = 5\n## 3b\nb_f = 3\n## 5\n199');
    const b = { ...script.parts['3b'], occurrences: 2 };
    const g = gradeScript(rubric, ctx, { ...script, parts: { ...script.parts, '3b': b } }).grade;
    expect(g.parts['3c']).toMatchObject({ score: 0, review: true });
    expect(
      grade('## 3a\nW_f = 3 x 5 since [h, x] = 3 + 2 = 5\n## 3b\nb_f = 3\n## 5\n199').parts['3c'].review,
    ).toBe(false);
  });
  it('3b answered on one line with 3c, whose explanation gives the bias’s size: a person reads whether it is 3(b)’s reason', () => {
    const script = scriptFromText(
      '## 3b\nb_f ∈ R^{3};\n## 3c\n72 parameters.\nBecause. f_t has 3 entries; 4 × (15 + 3) = 72.',
    );
    const [b, c] = [script.parts['3b'], script.parts['3c']];
    const oneLine = {
      ...c,
      lines: [{ ...c.lines[0], box: { ...c.lines[0].box, y: b.lines[0].box.y } }, ...c.lines.slice(1)],
    };
    const g = (parts: typeof script.parts) =>
      gradeScript(rubric, ctx, { ...script, parts }).grade.parts['3b'];
    expect(g({ ...script.parts, '3c': oneLine })).toMatchObject({ score: 0, review: true });
    // (on a line of its own, 3(b) is graded on its own answer, as the course's graders do)
    expect(g(script.parts)).toMatchObject({ score: 0, review: false });
  });
  it('3a bare, a question’s introduction read as the answer just above it under another question: a person reads it', () => {
    const script = scriptFromText(
      '## 2b\n0: the dot product has no weights.\nIngredients: dim x_t = 2, dim h_t = 3, input to gate = [h_{t-1}, x_t] of size 5\n## 3a\nW_f : 3 × 5',
    );
    // (the introduction's line right above 3(a)'s, in its column)
    const [b, a] = [script.parts['2b'], script.parts['3a']];
    const last = b.lines[b.lines.length - 1];
    const under = {
      ...a,
      lines: [{ ...a.lines[0], box: { ...a.lines[0].box, x: last.box.x, y: last.box.y + 14 } }],
    };
    const g = (parts: typeof script.parts) =>
      gradeScript(rubric, ctx, { ...script, parts }).grade.parts['3a'];
    expect(g({ ...script.parts, '3a': under })).toMatchObject({ score: 0, review: true });
    // (further down the page, past other lines, the bare 3(a) is a confident 0)
    const apart = {
      ...a,
      lines: [{ ...a.lines[0], box: { ...a.lines[0].box, x: last.box.x, y: last.box.y + 200 } }],
    };
    expect(g({ ...script.parts, '3a': apart })).toMatchObject({ score: 0, review: false });
  });
});

// rounds 132-133
describe('what a table or a misplaced label puts under another part', () => {
  it('5: the question’s given input read as the depthwise output, beside the computed 197 × 197 × 3: a person reads it', () => {
    const p = part(
      '5',
      'Depthwise: (200 − 4)/1 + 1 = 197 → 197 × 197 × 3\n200 × 200 × 3 mults = 197 × 197 × 4 × 4 × 3 = 1,862,832\nPointwise → 197 × 197 × 10, 1,164,270\nTotal = 3,027,102',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain("the question's given");
  });
  it('5: 200 × 200 × 3 alone, padding thought to keep the size, is a confident wrong answer', () => {
    const p = part(
      '5',
      'padding 1 keeps the size: after depthwise 200 × 200 × 3, after pointwise 200 × 200 × 10\n200 × 200 × 16 × 3 + 200 × 200 × 3 × 10 = 1920000 + 1200000 = 3120000',
    );
    expect(p.items.find((i) => i.id === 'depthwise')?.awarded).toBe(0);
    expect(p.reasons.join(' ')).not.toContain("the question's given");
  });
  it('3c holding a line like question 5’s label, 5 answered nowhere, the lines from it changing 3c’s grade: a person reads it', () => {
    const own =
      '## 3a\nW_f is 3 × 2 (x_t has 2 entries)\n## 3b\nb_f is 3 × 1, one per unit\n## 3c\none gate = 6 + 3 = 9\n4 gates → 4 × 9 = 36';
    const g = grade(`${own}\n5 -\npadding 1 so size does not change\n= 1920000 + 1200000 = 3120000`);
    expect(g.parts['3c']).toMatchObject({ review: true });
    expect(g.parts['3c'].reasons.join(' ')).toContain("like 5's label");
    // (without the lines after it, 36 from its own 3 × 2 earns the half mark, confidently)
    expect(grade(own).parts['3c']).toMatchObject({ score: 0.5, review: false });
  });
  it('2b: a count read off a symbol’s exponent ("(C) d^{2}") goes to a person; "d^2 parameters" stays a nonzero count', () => {
    expect(part('2b', 'options d or d^{2}. Additional parameters = 0.')).toMatchObject({ review: true });
    expect(part('2b', 'extra = d^2 parameters')).toMatchObject({ score: 0, review: false });
  });
  it('2a: a transpose set over its symbol’s subscript, "sk⊤−1hj", is s_{k-1}^T h_j', () => {
    expect(part('2a', 'dot product: ekj = sk⊤−1hj')).toMatchObject({ score: 1, review: false });
  });
});

// rounds 134-135
describe('a shape named after a dash, and its reason in a word for its size', () => {
  it('3b: "b_f - 3 x 1" names the shape (no minus); "same dim as f_t" is its reason', () => {
    expect(part('3b', 'b_f - 3 x 1')).toMatchObject({ score: 0, review: false });
    expect(part('3b', 'b_f - 3 x 1').reasons.join(' ')).toContain('3 × 1 is right');
    expect(part('3b', 'b_f same dim as f_t - 3 x 1')).toMatchObject({ score: 1, review: false });
    // (after an equals sign it is arithmetic: "x = c_t - 3 x 1")
    expect(part('3b', 'x = c_t - 3 x 1').reasons.join(' ')).not.toContain('3 × 1 is right');
  });
});

// rounds 134-137 (wide tables, a template numbering its boxes its own way)
describe('answers a table or a template moved: read where they are, or sent to a person', () => {
  it('1a: a table’s answer column beside its working, "C~_t feed the + together   iii. 8", is read by the numeral', () => {
    const p = part(
      '1a',
      [
        'f_t is the sigmoid gate on   i. 2',
        'the C_{t-1} line, i_t and   ii. 4',
        'C~_t feed the "+" together,   iii. 8',
        'o_t is the last sigmoid,   iv. 11',
        'C_{t-1} enters top left and   v. 1',
        'C_t leaves top right   vi. 5',
      ].join('\n'),
    );
    // i. f_t 2, ii. i_t 4, iii. o_t 8, iv. C_t 11, v. C_{t-1} 1, vi. C~_t 5: i_t, o_t and C_{t-1} right
    expect(p).toMatchObject({ score: 1.5, review: false });
  });
  it('1a: the variables named in words and not one position read goes to a person', () => {
    const p = part(
      '1a',
      'figure — the gate that multiplies the old cell is the\nforget gate; the input gate goes to the candidate',
    );
    expect(p).toMatchObject({ score: 0, review: true });
    // (a part with nothing of the kind stays a confident 0)
    expect(part('1a', 'diagram not available to me')).toMatchObject({ score: 0, review: false });
  });
  it('1a: options weighed and one chosen on each line, "ft 2 / 3 3", goes to a person', () => {
    const body =
      'variable options considered chosen position\ni. ft 2 / 3 3\nii. it 5 / 6 5\niii. ot 9 / 10 9\niv. Ct 11 / 12 11\nv. Ct−1 1 / 2 1\nvi. C̃t 6 / 7 6';
    expect(part('1a', body)).toMatchObject({ review: true });
    expect(part('1a', 'ft 3\nit 4\not 8\nCt 10\nCt−1 1\nC̃t 6')).toMatchObject({ score: 3, review: false });
  });
  it('3c: lines moved to 3b by what they define, unconfirmed, leave 3c to a person', () => {
    const g = grade(
      '## 3a\nW_f : 3 × (3 + 2) = 3 × 5\n## 3b\n\n## 3c\ndim(xt) = 2\ndim(ct) = dim(ht) = 3\nbf : 3\n4 × (W + b)\neach gate 15 + 3 = 18\n18 × 4 = 72\n3 × 1\n72',
    );
    expect(g.parts['3c'].review).toBe(true);
  });
  it('an answer losing marks that sets another question’s quantity to numbers goes to a person', () => {
    expect(part('2b', 'hₜ = oₜ ⊙ tanh(Cₜ) = (0.6044, 0, 0)')).toMatchObject({ score: 0, review: true });
    expect(part('4b', 'Solution: bf is 3 × 1.\n4 weight matrices and 4 biases: 60 + 12 = 72')).toMatchObject({
      review: true,
    });
    // (4(a)'s own working sets h_t to a formula: no doubt of that kind)
    expect(part('4a', 'h_t = o_t ⊙ tanh(c_t)\ndL/dc_t = dL/dh_t ⊙ o_t').reasons.join(' ')).not.toContain(
      'quantity, to numbers',
    );
  });
});

// rounds 136-137 (a lecture's example beside the answer, a count's own short name)
describe('a count stated first, a count named before its product, a question answered under another’s label', () => {
  it('2b opening "0." and reading another count from its prose after it goes to a person', () => {
    const p = part(
      '2b',
      "0. With dot-product scores nothing new is learnt.\n(In the slides' example with 4 encoder states the 4 weights are activations, not parameters.)",
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('opens with 0');
  });
  it('5: "Npw = 199^2 · 3 · 10" is the pointwise count worked out, its half mark beside a wrong total', () => {
    const p = part(
      '5',
      'side (200−4+2)/1 + 1 = 199, so 199 × 199 × 3; after pointwise 199 × 199 × 10\nNdw = 199^2 · 16 · 3 · 10, Npw = 199^2 · 3 · 10\nTotal = 20,196,510',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
    expect(p.review).toBe(false);
  });
  it('2a answered nowhere while another answer writes e_kj: a person looks, no confident "no answer"', () => {
    const g = grade('## 1b.ii\nh_t = (0.6044, 0, 0)\n(a) ekj = sk hj\n(b) n extra parameters');
    expect(g.parts['2a']).toMatchObject({ score: 0, review: true });
  });
});

// rounds 138-139 (a class out of time; the question paper typed over)
describe('notes of work left to do, and a count read after the part computed another', () => {
  it('"TODO -- f_t = 1 so the product of f\'s …" is what the student meant to write: nothing is credited', () => {
    expect(part('4b', "TODO -- f_t = 1 so the product of f's ...").score).toBe(0);
    // (after the answer, "TODO check" takes nothing of it)
    expect(part('3c', 'per gate 3 x 5 + 3 = 18, four gates: 4 x 18 = 72 TODO check')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('3c: a one-digit count read below the part’s own "4 × (9 + 3) = 48" goes to a person', () => {
    const p = part(
      '3c',
      '4 gates × (9 + 3) = 48\n4. An LSTM … the paths L → hT → cT and L → ht+1 → ct+1 → ct.\nexpression of ∂L/∂c1 when ft = 1.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('computes 48');
  });
});

// rounds 140-143 (long expressions, rejected alternatives, other languages, consoles pasted, time logs)
describe('a count as a term of a sum, a slip in the arithmetic, and alternatives set aside', () => {
  it("5: a right pointwise count as a term of the student's own sum earns the total's half mark", () => {
    const p = part(
      '5',
      'out side (200 + 2 − 4)/1 + 1 = 199: 199 × 199 × 3, then 199 × 199 × 10\nmults = 199^2 · 48 · 3 + 199^2 · 3 · 10 = 6,890,574',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
    expect(p.review).toBe(false);
    // (the sum not what the student says it comes to: the term's figure is in doubt, a person reads it)
    const q = part(
      '5',
      'out side (200 + 2 − 4)/1 + 1 = 199: 199 × 199 × 3, then 199 × 199 × 10\nmults = 199^2 · 48 · 3 + 199^2 · 3 · 10 = 6,800,000',
    );
    expect(q.review).toBe(true);
  });
  it('5: arithmetic that comes to the key with a slip in its result goes to a person, not a confident 0', () => {
    const p = part(
      '5',
      'out side (200 + 2 − 4)/1 + 1 = 199: 199 × 199 × 3, then 199 × 199 × 10\ncount = 199^2 · (16·3 + 3·10) = 39401 · 78 = 3,073,278',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(0);
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('a slip gives 3,073,278');
  });
  it('3c: a step\'s number said only of an alternative set aside ("60 would be the weights only") is no working', () => {
    expect(part('3c', '72 (60 would be the weights only; with biases 72)').score).toBe(0);
    // (the step taken, "weights 60, plus 12 biases": working)
    expect(part('3c', 'weights 4 × 15 = 60, plus 12 biases, so 72')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('1b.ii: an answer offered as an alternative to one above it ("or if …") leaves two standing: a person reads it', () => {
    const p = part(
      '1b.ii',
      'h_t = tanh(C_t) = (0.604, 0.197, 0.050)\nor, multiplying by o_t as well, h_t = (0.604, 0, 0). Both could be meant.',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('two answers are left standing');
  });
  it('2b: "nothing extra" said before the part works out another count goes to a person', () => {
    const p = part(
      '2b',
      'The basic encoder-decoder passes only h_n, nothing extra.\nAttention keeps an α for each pair (k, j): a 4 × 4 table, so 4 × 4 = 16\nmore parameters.',
    );
    expect(p.review).toBe(true);
  });
});

describe('reasons in the student’s own names, and words of other languages', () => {
  it("3a: W_f ∈ R^{p × (p + q)} with p = 3 and q = 2 set in the part is the shape's reasoning", () => {
    expect(part('3a', 'Let p = 3 (hidden) and q = 2 (input).\nW_f ∈ R^{p×(p+q)} = R^{3×5}')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it('3b: a word with a tilde of its language ("dimensão") is no symbol with its size', () => {
    expect(part('3b', 'b_f possui dimensão 3').score).toBe(0);
  });
  it('4b: the gradient named as the object ("does not reduce the gradient"), the problem denied after its name', () => {
    const a = item(
      '4b',
      'dL/dc_1 = dL/dc_T · f_T ⋯ f_2\nwith f = 1 this product does not reduce the gradient at all',
      'no_vanish',
    );
    expect(a.awarded).toBe(1);
    const b = item(
      '4b',
      'with f_t = 1 the old cell state is copied forward unchanged.\nAlso the vanishing gradient problem does not arise',
      'no_vanish',
    );
    expect(b.awarded).toBe(1);
  });
});

describe("Mathematica's sessions pasted as working", () => {
  it('In[n]:= commands and Out[n]= results, lists in braces, Tanh[…], %n', () => {
    expect(
      part(
        '1b.ii',
        'In[1]:= o = {1, 0, 0}; c = {0.7, 0.2, 0.05};\nIn[2]:= o*Tanh[c]\nOut[2]= {0.604368, 0., 0.}\nso h_t = (0.604, 0, 0)',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part(
        '5',
        'In[3]:= 199^2*3*16\nOut[3]= 1900848\nIn[4]:= 199^2*3*10\nOut[4]= 1188030\nIn[5]:= %3 + %4\nOut[5]= 3088878',
      ).items.find((i) => i.id === 'multiplications'),
    ).toMatchObject({ awarded: 1 });
  });
  it('the lists of a dot product ({…}.{…}) are its operands, not the answer', () => {
    const p = part('1b.i', 'In[1]:= {1, 0.5, 0}.{0.2, 0.4, 0.8} + {1, 0, 0.5}.{0.5, 0, 0.1}\nOut[1]= 0.95');
    expect(p.score === 0 || p.review).toBe(true);
  });
});

describe('vectors written in a basis', () => {
  it('"a e₁ + b e₂ + c e₃" and "a î + b ĵ + c k̂" are the vectors of their components, a component left out 0', () => {
    expect(
      part(
        '1b.i',
        'f ⊙ C_prev = (1)(0.2) e_1 + (0.5)(0.4) e_2 + (0)(0.8) e_3\ni ⊙ C~ = (1)(0.5) e_1 + (0.5)(0.1) e_3\nC_t = 0.7 e_1 + 0.2 e_2 + 0.05 e_3',
      ),
    ).toMatchObject({ score: 1, review: false });
    expect(
      part('1b.ii', 'h = o ⊙ tanh(C) = (1 · tanh 0.7) î = 0.604 î, the ĵ and k̂ parts vanish'),
    ).toMatchObject({
      score: 1,
      review: false,
    });
  });
});

describe('arithmetic standing alone, and counts worked out as a list', () => {
  it('3c: "4 x (3x5 + 3)" under a bare 72, no result stated, is its working', () => {
    expect(part('3c', '72\n4 x (3x5 + 3), the biases included')).toMatchObject({ score: 1, review: false });
    // (a remark of two numbers is none: "3 + 2" under 72)
    expect(part('3c', '72\ninputs 3 + 2').score).toBe(0);
  });
  it("5: both counts computed as a console's list, one right, earn the total's half mark", () => {
    const p = part(
      '5',
      'side (200 + 2 − 4)/1 + 1 = 199, so 199 × 199 × 3, then 199 × 199 × 10\nIn[3]:= {199^2*16, 199^2*3*10}\nOut[3]= {633616, 1188030}\nIn[4]:= Total[%]\nOut[4]= 1821646\nTotal multiplications = 1,821,646',
    );
    expect(p.items.find((i) => i.id === 'multiplications')).toMatchObject({ awarded: 0.5 });
    expect(p.review).toBe(false);
  });
  it('1b.i: a console command going on after an operator on the next line is one command', () => {
    expect(
      part(
        '1b.i',
        'In[1]:= {1,0.5,0}*{0.2,0.4,0.8}\n+ {1,0,0.5}*{0.5,0,0.1}\nOut[1]= {0.7, 0.2, 0.05}\nC_t = (0.7, 0.2, 0.05)',
      ),
    ).toMatchObject({ score: 1, review: false });
  });
});

describe('a count in the model’s sizes after "are"', () => {
  it('2b: "the additional parameters are n^2" is the count n^2, not 0', () => {
    const p = part(
      '2b',
      'attention learns a matrix W_a between s and h, so the additional parameters are n^2',
    );
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).toContain('n^2');
  });
});

describe('an answer that breaks off after a colon', () => {
  it('1a: "positions from the diagram:" with nothing read after it goes to a person, not a confident 0', () => {
    const p = part('1a', 'Reading the figure (positions on the cell line and the gates):');
    expect(p).toMatchObject({ score: 0, review: true });
    expect(p.reasons.join(' ')).toContain('breaks off after a colon');
  });
});

describe("W_f's shape from the two blocks it stacks (round 148, ia-12)", () => {
  it('3a: W_xf 2×3 and W_hf 3×3 stacked into 5×3, the convention named, earns the mark', () => {
    const p = part(
      '3a',
      "In the book's convention F_t = σ(X_t W_xf + H_{t-1} W_hf + b_f).\nX_t is 1×2 and H_{t-1} is 1×3, so W_xf is 2×3 and W_hf is 3×3; together W_f is 5×3 (transpose of the 3×5 in the question's convention).",
    );
    expect(p).toMatchObject({ score: 1, review: false });
    // (the bare shape, its convention named, still earns nothing)
    expect(part('3a', "W_f is 5×3 (transpose of the question's convention).")).toMatchObject({ score: 0 });
  });
});

describe('numbers and dashes that name, not answer (rounds 144-145: jn-11, jr-02)', () => {
  it('2b: an equation cited by its number, "The score (3) is a dot product", is no count of 3', () => {
    const p = part(
      '2b',
      'The score (3) is a pure dot product, α is a softmax and C_k a convex combination of the h_j.\nNone has weights, so the additional parameters = 0.',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('3b: a heading\'s dash, "Part (b) — dimension of bf", lends no reason to a bare size', () => {
    const p = part('3b', 'Part (b) — dimension of bf\nbf ∈ R^{3} (a 3 × 1 vector).');
    expect(p).toMatchObject({ score: 0, review: false });
    // (a sentence with its own dash still explains: "one bias per hidden unit — 3 of them")
    expect(part('3b', 'b_f is 3 × 1 — one bias for each of the 3 hidden units')).toMatchObject({ score: 1 });
  });
});

describe('a step numbered with a dot (round 29, zh-07)', () => {
  it('4a: "Step 4.3 dL/dc_t = …" is the derivation, its step number no factor', () => {
    const p = part(
      '4a',
      'Step 4.1 paths: L -> h_t -> c_t and L -> c_(t+1) -> c_t\nStep 4.2 h_t = o_t * tanh(c_t) => dh_t/dc_t = o_t * (1 - tanh^2(c_t))\nc_(t+1) = f_(t+1) * c_t + i_(t+1) * C~_(t+1) => dc_(t+1)/dc_t = f_(t+1)\nStep 4.3 dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)',
    );
    expect(p).toMatchObject({ score: 5, review: false });
  });
});

describe("a line of this part's own in a sibling's answer (round 86, qw-11)", () => {
  it('3b: "E13 = E10 × 1 = 3 × 1 (shape of bf)" set out under 3(a) sends a bare "b_f ∈ R^3" to a person', () => {
    const g = grade(
      '## 3a\nE9 = dim x_t = 2, E10 = dim c_t = dim h_t = 3\nE12 = E10 × E11 = 3 × 5 (shape of W_f)\nE13 = E10 × 1 = 3 × 1 (shape of bf)\nAnswer: W_f ∈ R^{3×5}\n## 3b\n= bf ∈ R^{3}',
    );
    expect(g.parts['3b']).toMatchObject({ score: 0, review: true });
    expect(g.parts['3b'].reasons.join(' ')).toContain('works out this part’s own quantity'.replace('’', "'"));
    // (3(a)'s reason, naming no b_f, is not 3(b)'s: the bare size earns nothing, surely)
    const h = grade('## 3a\nW_f is 3 × 5 because [h, x] has 3 + 2 = 5 entries\n## 3b\nb_f is 3 × 1');
    expect(h.parts['3b']).toMatchObject({ score: 0, review: false });
  });
});

describe("an equation editor's linear format (round 150: ie-01, ie-06, ie-09)", () => {
  it('1b.i: a column `■(1×0.2@0.5×0.4@0×0.8)` is the vector of its rows, its products working', () => {
    const p = part(
      '1b.i',
      '𝐶ₜ = 𝑓ₜ ⊙ 𝐶ₜ₋₁ + 𝑖ₜ ⊙ 𝐶̃ₜ\n𝑓ₜ ⊙ 𝐶ₜ₋₁ = ■(1×0.2@0.5×0.4@0×0.8) = ■(0.2@0.2@0), 𝑖ₜ ⊙ 𝐶̃ₜ =\n■(1×0.5@0×0@0.5×0.1) = ■(0.5@0@0.05)\n𝐶ₜ = ■(0.7@0.2@0.05)',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it("4a: `(1 − 〖tanh〗^2 (𝒄ₜ))` is tanh's derivative", () => {
    const p = part(
      '4a',
      '(𝜕𝐿)/(𝜕𝒄ₜ) = (𝜕𝐿)/(𝜕𝒄ₜ₊₁) ⊙ (𝜕𝒄ₜ₊₁)/(𝜕𝒄ₜ) + (𝜕𝐿)/(𝜕𝒉ₜ) ⊙ (𝜕𝒉ₜ)/(𝜕𝒄ₜ)\n(𝜕𝒄ₜ₊₁)/(𝜕𝒄ₜ) = 𝒇ₜ₊₁\n(𝜕𝒉ₜ)/(𝜕𝒄ₜ) = 𝒐ₜ ⊙ (1 − 〖tanh〗^2 (𝒄ₜ))\n=> (𝜕𝐿)/(𝜕𝒄ₜ) = (𝜕𝐿)/(𝜕𝒄ₜ₊₁) ⊙ 𝒇ₜ₊₁ + (𝜕𝐿)/(𝜕𝒉ₜ) ⊙ 𝒐ₜ ⊙ (1 − 〖tanh〗^2 (𝒄ₜ))',
    );
    expect(p).toMatchObject({ score: 5, review: false });
  });
  it("2a: the bullet operator `𝒔_𝑘 ∙ 𝒉_𝑗` is the states' dot product", () => {
    expect(part('2a', '𝑒_𝑘𝑗 = 𝒔_𝑘 ∙ 𝒉_𝑗 = Σ_𝑚 𝑠_𝑘𝑚 ℎ_𝑗𝑚')).toMatchObject({ score: 1, review: false });
  });
});

describe('revision marks left in a document (round 150: if-11, if-03)', () => {
  it("2b: a reviewer's comment wrapped after a struck answer, `[Comment` | `PB1: changed from 0]`, is no answer", () => {
    const p = part(
      '2b',
      '~~0~~extra parameters = size of h, because we need a vector to score the alignment. [Comment\nPB1: changed from 0]',
    );
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).not.toContain('0 is right');
  });
  it('1a: a revision history naming the part (`v2 (14:19) 1(a) swapped 6/8`) is no correction of it', () => {
    const g = grade(
      '## 1a\nf_t 3, i_t 4, o_t 8, C_t 11, C_t-1 1, C~_t 6\n## 5\n199 x 199 x 3\nRevision history: v1 (14:02) · v2 (14:19) 1(a) swapped 6/8 · v3 (14:25) fixed tanh',
    );
    expect(g.parts['1a']).toMatchObject({ score: 2.5, review: false });
  });
});

describe('a case set aside, a value in brackets, a wrapped cell (rounds 150-151: ih-01, ij-01, ig-12)', () => {
  it('2b: "0 additional parameters … (the group thought n^2, but that is only if we use a learnt W_a)" is 0', () => {
    const p = part(
      '2b',
      '0 additional parameters. The score is a plain dot product, softmax has no weights.\n(The group thought attention adds n^2 parameters, but that is only if we use a learnt\nW_a or an MLP score; for dot-product scoring it is 0.)',
    );
    expect(p).toMatchObject({ score: 1, review: false });
    // (a size defined with "if", no zero stated as the count, is the student's own answer, vu-11)
    const own = part(
      '2b',
      'In the simple model every decoder cell gets the same C = hn, nothing to learn. With attention we need the weights αk1, …, αkn.\nSo if encoder has n steps and decoder has m steps,\nextra parameters = n × m.',
    );
    expect(own.score).toBe(0);
    expect(own.reasons.join(' ')).not.toContain('0 is right');
    // (the formula as the student's own answer stays theirs)
    expect(part('2b', 'The score needs a learnt matrix, so it adds n^2 parameters.').score).toBe(0);
  });
  it('1b.ii: "h_t = [0.6044, 0, 0] (tanh(0.7) = 0.60437)" shows its working in the brackets', () => {
    expect(part('1b.ii', 'h_t = [0.6044, 0, 0] (tanh(0.7) = 0.60437)')).toMatchObject({
      score: 1,
      review: false,
    });
  });
  it("1b.i: a table's value cell wrapped around its neighbour's words is one vector", () => {
    const p = part(
      '1b.i',
      'forget part ft ⊙ Ct−1 = [1×0.2, 0.5×0.4, 0×0.8] [0.2, 0.2, 0]\ninput part it ⊙ C̃t = [1×0.5, 0×0, 0.5×0.1] [0.5, 0, 0.05]\nCt = [0.7, 0.2,\nadd the two parts\n0.05]',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
});

describe('a comparison headed on a line of its own (round 150, ig-05)', () => {
  it('5: "Comparison with a normal convolution …:" over its count is no answer; the total above it is', () => {
    const p = part(
      '5',
      'output size = (200 + 2 · 1 − 4)/(1) = 198\nOutput after depthwise = 198 × 198 × 3.\nMultiplications (depthwise) = 198 × 198 × 16 × 3 = 39204 × 48 = 1,881,792.\nOutput after pointwise = 198 × 198 × 10.\nMultiplications (pointwise) = 39204 × 3 × 10 = 1,176,120.\nTotal = 1,881,792 + 1,176,120 = 3,057,912 multiplications.\nComparison with a normal convolution of ten 4 × 4 × 3 filters:\n198 × 198 × (4 · 4 · 3) × 10 = 39204 × 480 = 18,817,920\nso the depthwise separable one needs only about (1)/(10) + (1)/(16) ≈ 0.16 of it.\nTable of final answers\nQuestion Final answer',
    );
    expect(p).toMatchObject({ score: 0.5, review: false });
  });
});

describe('a slip the student corrects, and a vector named by another quantity (vo-06, uc-05)', () => {
  it('1b.i: "I wrote 0.5×0.1 = 0.5, it should be 0.05. So Ct = … = (0.7, 0.2, 0.05)" earns the mark', () => {
    const p = part(
      '1b.i',
      'Ct = ft ◦ Ct−1 + it ◦ C̃t = (0.2, 0.2, 0) + (0.5, 0, 0.5) =\n(0.7, 0.2, 0.5)\nI wrote 0.5×0.1 = 0.5, it should be 0.05. So Ct = (0.2, 0.2, 0)+\n(0.5, 0, 0.05) = (0.7, 0.2, 0.05). ht does not change because ot = (1, 0, 0) kills the 2nd and\n3rd entries: ht = (0.604, 0, 0).',
    );
    expect(p).toMatchObject({ score: 1, review: false });
    // (a slip left standing after the right value, or no word of correcting it, is still a person's)
    const back = part(
      '1b.i',
      'Ct = (0.2, 0.2, 0) + (0.5, 0, 0.5) = (0.7, 0.2, 0.5)\nshould it be (0.7, 0.2, 0.05)?\nfinal: Ct = (0.7, 0.2, 0.5)',
    );
    expect(back.score).not.toBe(1);
  });
  it('1b.i: "⇒ Ct = (0.7, 0.2, 0.05). ht unchanged = (0.604, 0, 0)" answers C_t, not h_t', () => {
    const p = part(
      '1b.i',
      'Ct = ft ⊙ Ct−1 + it ⊙ C̃t\n= (0.2, 0.2, 0) + (0.5, 0, 0.5) = (0.7, 0.2, 0.5)\n0.5 × 0.1 = 0.05, not 0.5\n⇒ Ct = (0.7, 0.2, 0.05). ht unchanged = (0.604, 0, 0)\nsince ot = (1, 0, 0).',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
});

describe('4b: the forget gates set to one under any index (vp-01, ts-08, tc-01)', () => {
  it('"fj = 1", "every ft equal to one" and "every FG is 1" state f = 1', () => {
    for (const text of [
      'dL/dc_1 = sum_k prod_{j=2}^{k} f_j δ_k. With fj = 1 the gradient from step T reaches c1 undiminished: no vanishing gradient.',
      'dL/dc_1 = dL/dc_T ∏_{t=2}^T f_t plus other terms. With every ft equal to one the product stays one, so the gradient does not die out when T is large.',
      'dL/dC(1) = dL/dC(T) x f(2) x f(3) x ... x f(T). If every FG is 1 the product is 1, so the gradient reaches C(1) without being shrunk at all.',
    ])
      expect(part('4b', text)).toMatchObject({ score: 2, review: false });
  });
});

describe('round 152-153: a named count after a part said to have none, a library layout, a path with other factors', () => {
  it('2b: "additional parameters = ds × dh" after "the softmax … have no parameters" is the count, not 0', () => {
    const p = part(
      '2b',
      'Compared to feeding C = hn, the attention model\nhas to learn the alignment matrix Wa, which is ds × dh.\nThe softmax and the weighted sum Ck = ∑j αkjhj have\nno parameters. So\nadditional parameters = ds × dh (= d^{2} if both are d).\nWith the sizes of Q3 (d = 3) this would be 9.',
    );
    expect(p).toMatchObject({ score: 0, review: false });
  });
  it('3a: "W_f shape = (5, 3) (like kernel shape (input_dim, units))" states the transposed layout', () => {
    const p = part(
      '3a',
      'Input to the gate is concat [h_(t-1), x_t] -> 3 + 2 = 5, output 3 units.\nW_f shape = (5, 3) (like kernel shape (input_dim, units))',
    );
    expect(p).toMatchObject({ score: 1, review: false });
  });
  it('4a: the recursive path written with the input gate beside the forget gate is that path, wrong', () => {
    const p = part(
      '4a',
      'L depends on c_t via h_t and via c_(t+1).\ndh_t/dc_t = o_t (1 - tanh^2 c_t)\ndc_(t+1)/dc_t = f_(t+1) + i_(t+1) (both gates are connected to c)\n∴ dL/dc_t = dL/dh_t . o_t . (1 - tanh^2 c_t) + dL/dc_(t+1) . (f_(t+1) + i_(t+1))',
    );
    expect(p).toMatchObject({ score: 3, review: false });
    // (a term holding the other path's symbols may be two paths run together: still a person's)
    const merged = part(
      '4a',
      'dh_t/dc_t = o_t (1 - tanh^2 c_t)\ndL/dc_t = dL/dc_(t+1) . f_(t+1) . o_t . (1 - tanh^2 c_t) + dL/dh_t',
    );
    expect(merged.review).toBe(true);
  });
  it('4a: "del L by del ct = del L by del ht · del ht by del ct + …", the fractions read aloud, is the chain rule', () => {
    const p = part(
      '4a',
      'del L by del ct = del L by del ht · del ht by del ct + del L by del ct+1 · del ct+1 by del ct\ndel ht by del ct = ot (1 − tanh² ct)\ndel ct+1 by del ct = ft+1 + it+1 (both gates act on the cell)\nSo ∂L/∂ct = ∂L/∂ht · ot (1 − tanh² ct) + ∂L/∂ct+1 · (ft+1 + it+1)',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('3: one block whose lines end in tags "(3a)", "(3b)", "(3c)" answers each part tagged (vp-10)', () => {
    const g = grade(
      '## 3a\n[3b] [3c]\n[ht−1, xt] ∈ R^{5}\nWf : 3 × 5 (3a)\nbf : 3 × 1 (3b)\nN = 4 (3 · 5 + 3) = 4 · 18 = 72 (3c)',
    );
    expect(g.parts['3a']).toMatchObject({ score: 1, review: false });
    expect(g.parts['3c']).toMatchObject({ score: 1, review: false });
    // (3(b)'s bare size under its tag earns nothing: no reason of its own)
    expect(g.parts['3b']).toMatchObject({ score: 0, review: false });
    // (a heading naming its part in brackets, "A.2.a [1(b)(i)]", tags no statement: ki-03)
    const headed = grade(
      '## 1a\nf_t -> 3, i_t -> 5, o_t -> 7, C_t -> 10, C_{t-1} -> 1, C~_t -> 4\nA.2.a [1(b)(i)]\nC_t = f_t o C_{t-1} + i_t o C~_t\n= (0.2, 0.2, 0) + (0.5, 0, 0.05)\n= (0.7, 0.2, 0.05)\nA.2.b [1(b)(ii)]\nh_t = o_t o tanh(C_t) = (1, 0, 0) o (0.604, 0.197, 0.050)\n= (0.604, 0, 0)',
    );
    expect(headed.parts['1a'].score).toBe(1.5);
  });
  it('1b.i: a vector of arithmetic whose written result was not read whole goes to a person (wl-10)', () => {
    const p = part(
      '1b.i',
      'Ct = ft · Ct−1 + it · C̃t\n= (1(0.2) + 1(0.5), 0.5(0.4) + 0(0), 0(0.8) + 0.5(0.1))\n= (0.7, 0.2)',
    );
    expect(p.review).toBe(true);
  });
  it('5: "pointwise out = 199 × 199 × 10 [1 × 1 × 3, 10 filters]": the filters\' shape is not the output', () => {
    const p = part(
      '5',
      '1. O = (200−4+2(1))/(1) + 1 = 199 [conv formula]\n2. depthwise out = 199 × 199 × 3 [per-channel]\n3. mults = 199^{2} × 3 × 16 = 1,900,848\n4. pointwise out = 199 × 199 × 10 [1 × 1 × 3, 10\nfilters]\n5. mults = 199^{2} × 10 × 3 = 1,188,030\n6. total = 1,900,848 + 1,188,030\nHence total = 3,088,878 multiplications.',
    );
    expect(p).toMatchObject({ score: 3, review: false });
  });
  it('3c: "72 total" under its working, and "Final: …, 72 parameters", are the answer (vj-10, vv-11)', () => {
    for (const text of [
      'each of the 4 blocks (f, i, o, C~) has 3*5 + 3 = 18 numbers\n4 x 15 = 60 (weights)\n4 x 3 = 12 (biases)\n72 total',
      'each of f, i, o, C̃: 5×3 + 3 = 18; four of them 72\nFinal: Wf 5×3, bf 3×1, 72 parameters',
    ])
      expect(part('3c', text)).toMatchObject({ score: 1, review: false });
  });
  it('3c: 60 worked out as "4 matrices (f, i, o, C~) x 15", a product under its count, or a column of counts', () => {
    for (const text of [
      'question says "weight values" so I\'m not counting biases:\n4 matrices (f, i, o, C~) x 15 = 60 parameters.',
      'weights only. 60 weights\n4 × 15',
      'The question asks for weight values, so I count the weight matrices.\nMatrix Shape Count\nW_f 3x5 15\nW_i 3x5 15\nW_o 3x5 15\nW_C 3x5 15\nTotal 60',
    ])
      expect(part('3c', text)).toMatchObject({ score: 0.5, review: false });
  });
  it('5: a table\'s rows parted by bars, "198 x 198 x 16 x 3 | 1881792", are working (vv-04)', () => {
    const p = part(
      '5',
      'The padding of 1 is only added at the end of each row so size becomes 198.\nStep | Expression | Value\n200 + 1 - 4 + 1 | 198\ndepthwise output | 198 x 198 x 3\n198 x 198 x 16 x 3 | 1881792\npointwise output (10 of 1x1x3) | 198 x 198 x 10\n198 x 198 x 3 x 10 | 1176120\ntotal | 3057912',
    );
    expect(p).toMatchObject({ score: 0.5, review: false });
  });
  it('1b.i: after a corrected slip, "ht stays (…)" and "ht … is still {…}" are h_t\'s, not C_t (lb-08, jv-08)', () => {
    for (const text of [
      'C_t = f_t o C_(t-1) + i_t o C~_t, o = hadamard product\nf_t o C_(t-1) = (.2, .2, 0)\ni_t o C~_t = (.5, 0, .5)\nC_t = (.7, .2, .5)\n.5 x .1 = .05 and not .5, so\ni_t o C~_t = (.5, 0, .05) and C_t = (.7, .2, .05)\nh_t stays (.6044, 0, 0) since the third entry of o_t is 0 anyway.',
      'Ct = {0.7, 0.2, 0.85}. The third element of ft∗Ct−1 is 0 × 0.8 = 0, not 0.8. So Ct = {0.2 + 0.5, 0.2 + 0, 0 +\n0.05} = {0.7, 0.2, 0.05}. (ht in (b)(ii) does not change,\nit is still {0.6044, 0, 0}.)',
    ])
      expect(part('1b.i', text)).toMatchObject({ score: 1, review: false });
  });
  it('4b: the product written out with an ellipsis, indices in brackets, or subscripts flattened', () => {
    for (const text of [
      'Putting f = 1 in the recursion, dL/dc_1 = dL/dc_T * 1*1*...*1 plus the local terms, so the gradient from step T reaches step 1 without being multiplied by small numbers. No vanishing gradient.',
      'put f = 1 => dL/dc_1 = dL/dc_T * f*f*...*f + (h terms) = dL/dc_T * 1\nso grad from last step reaches c_1 without shrinking -> no vanishing grad',
      '∂L/∂c[1] = ∂L/∂c[T] f[2]f[3] · · · f[T] + . . .\nWhen all f = 1 this is just ∂L/∂c[T], the gradient is carried back to step 1 without decaying (no vanishing gradient).',
      'Repeating the relation down to t = 1, the term carried along the cell line is (∂L)/(∂cT) fTfT−1 · · · f2.\nWith every forget gate equal to one this is simply (∂L)/(∂cT), so the gradient does not vanish.',
    ])
      expect(part('4b', text)).toMatchObject({ score: 2, review: false });
  });
  it('3c: a pick said as "I\'m going with" (its value boxed on the next line) or "I trust 36" is the answer (is-02, is-03)', () => {
    expect(
      part(
        '3c',
        "Counting matrices: 4 × (3 × 5) = 60.\nThe general formula 4h(h + x + 1) = 4·3·6 = 72 disagrees; the gap is the biases.\nAs the question says weight values, I'm going with\n60\n(72 with biases.)",
      ),
    ).toMatchObject({ score: 0.5, review: false });
    expect(
      grade(
        '## 3a\nW_f is 3 × 2\n## 3b\nb_f is 3\n## 3c\neach gate: 3 × 2 + 3 = 9; four gates 4 × 9 = 36\nthe textbook formula 4·3·(3 + 2 + 1) = 72 does not agree with mine. I trust 36.',
      ).parts['3c'],
    ).toMatchObject({ score: 0.5, review: false });
  });
  it('3c: a line in square brackets the examiner is asked to ignore is no answer (it-11)', () => {
    for (const last of [
      '[Madam, kindly disregard this: 3 × 9 = 27, I had left out the candidate]',
      '[crossed out — 3 × 9 = 27]',
    ])
      expect(
        grade(`## 3a\nW_f is 3 × 2\n## 3b\nb_f is 3\n## 3c\none gate 3×2 + 3 = 9, so 4 × 9 = 36\n${last}`)
          .parts['3c'],
        last,
      ).toMatchObject({ score: 0.5, review: false });
  });
  it('4a: an expression that goes on in words mid-product ("× (the derivative bit) + …") is unread maths, for a person (it-07)', () => {
    const p = part(
      '4a',
      'dL/dc_t = dL/dh_t * (the derivative bit with o_t) + dL/dc_(t+1) * f\nthe second piece is because c_(t+1) = f c_t + i c~',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('could not be read');
  });
  it('1b.ii: the formula put in with numbers and never evaluated goes to a person (it-12)', () => {
    const p = part('1b.ii', 'h = o ⊙ tanh(C) = [1, 0, 0] ⊙ tanh([0.7, 0.2, 0.05])\n(no calculator for tanh)');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('never evaluated');
  });
  it('5: a count said per channel after the total worked out above it is a step, not the answer (is-03)', () => {
    const p = part(
      '5',
      'no padding: (200 - 4)/1 + 1 = 197, so 197 × 197 × 3 and 197 × 197 × 10\ndepthwise 197 × 197 × 48 = 1862832\npointwise 197 × 197 × 30 = 1164270\nTotal = 1862832 + 1164270 = 3027102\nsplit up: 197 × 197 × 16 = 620944 multiplications per channel',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.reason).toContain('error carried forward');
  });
  it('3b: a reason of the "one … per …" kind in the student\'s own words goes to a person (iq-01)', () => {
    const p = part('3b', 'b_f: 3 × 1, one bias per pigeonhole');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('one');
  });
  it('3c and 5: a step in brackets inside a side, and a general formula in letters, are read, not left unread', () => {
    expect(
      grade(
        '## 3a\nW_f is 3 × 2\n## 3b\nb_f is 3\n## 3c\nper gate: W (3×2 = 6) + b (3) = 9\nfour gates give 4 × 9 = 36',
      ).parts['3c'],
    ).toMatchObject({ score: 0.5, review: false });
    const p = part(
      '5',
      'side formula: o = (i − k + 2p)/s + 1\nI leave the padding out: (200 − 4)/1 + 1 = 197\nafter depthwise 197 × 197 × 3, after pointwise 197 × 197 × 10\nmults: 197 × 197 × 48 + 197 × 197 × 30 = 1862832 + 1164270 = 3027102',
    );
    expect([p.score, p.review]).toEqual([0.5, false]);
  });
  it('4a: a row label before the derivative ("Sum ∂L/∂c_t = …") still names the expression', () => {
    const p = part(
      '4a',
      'Path: L → h_t → c_t gives ∂L/∂h_t · o_t · (1 − tanh²(c_t))\nPath: L → c_{t+1} → c_t gives ∂L/∂c_{t+1} · f_{t+1}\nSum ∂L/∂c_t = ∂L/∂c_{t+1} · f_{t+1} + ∂L/∂h_t · o_t · (1 − tanh²(c_t))',
    );
    expect(p.reasons.join(' ')).not.toContain('no expression');
    expect(p.items.find((i) => i.id === 'recursive')?.awarded).toBe(2);
  });
  it('4b: the gradient "not reduced", or ∂L/∂c_T kept whole at c_1 ("⊇", "keeps the full"), is the link (mg-09, xw-03, yq-02)', () => {
    for (const text of [
      'Expanding to the first step, ∂L/∂c_1 = ∂L/∂c_T · f_T · … · f_2. Taking every f = 1, the product is 1 and the gradient that arrives at c_1 is not reduced at all.',
      'dL/dc_1 = dL/dc_T · f_2 ⋯ f_T plus the h terms. With f_t = 1 the product is 1, so ∂L/∂c_1 ⊇ ∂L/∂c_T for any T.',
      'Unrolled: dL/dc_1 = dL/dc_T · f_2 f_3 ⋯ f_T. Put f_t = 1: ∏ f_t = 1, so c_1 keeps the full dL/dc_T.',
    ])
      expect(part('4b', text), text).toMatchObject({ score: 2, review: false });
  });
  it('4b: a spaced ellipsis (". . .") inside a sentence ends no sentence: the explanation read whole (vh-02)', () => {
    const p = part(
      '4b',
      'with f_t = 1 we get dL/dc_1 = dL/dc_2 + dL/dc_3 + . . . + dL/dc_T , the sum of every later gradient\nso it will never go to zero. so the long term dependency is handled. in a vanilla RNN it goes to zero.',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
});

describe('sixty-second session: line numbers, flattened powers, notation letters, two answers', () => {
  it('2b: a working line numbered "L7" is no count: the zero after it is the answer (ix-04, ix-09)', () => {
    for (const text of [
      'L7  None. The scores come from the states alone, nothing new to learn.',
      'L7. 0 additional parameters: the score is a plain dot product of the two states.',
    ])
      expect(part('2b', text).reasons.join(' '), text).not.toMatch(/\b1?7 is not right/);
  });
  it('1b: a working line numbered "L3" opening a line does not hide a wrong formula (ix-12)', () => {
    const p = grade(
      '## 1b.i\nL1 C_t = o_t * C_{t-1} + i_t * C~_t\nL2 o_t * C_{t-1} = [1×0.2, 0×0.4, 0×0.8] = [0.2, 0, 0]\nL3 i_t * C~_t = [0.5, 0, 0.05]\nL4 C_t = L2 + L3 = [0.7, 0, 0.05]',
    ).parts['1b.i'];
    expect(p.score).toBe(0);
    expect(p.reasons.join(' ')).toContain('not the right one');
  });
  it('1b.ii: a negative power of ten set on the line by a text layer ("6.04 × 10−1") is 0.604', () => {
    const p = part(
      '1b.ii',
      'h = o ⊙ tanh(C) = (1, 0, 0) ⊙ (6.04 × 10−1, 1.97 × 10−1, 5.0 × 10−2) = (6.04 × 10−1, 0, 0)',
    );
    expect([p.score, p.review]).toEqual([1, false]);
  });
  it('3c: "I take the answer as 60" picks between two readings where one value is asked (iw-02)', () => {
    const p = grade(
      '## 3a\nW_f is 3 × 5 since [h, x] has 3 + 2 = 5\n## 3b\nb_f is 3 × 1, one per hidden unit\n## 3c\nweights only: 4 × 15 = 60\nwith the biases: 4 × (15 + 3) = 72\nThe question says weight values, so I take the answer as 60.',
    ).parts['3c'];
    expect(p.score).toBe(0.5);
  });
  it('3a: a shape in the letters of the script\'s conventions, "k := 3 (cell size)", is the reason (iw-08)', () => {
    const conventions = 'Conventions: k := 3 (cell size), n := 2 (input size)';
    const text = '## 3a\nW_f ∈ Rk×(k+n) = R^{3×5}\n## 2a\ne_kj = s_{k-1}^T h_j';
    const g = gradeScript(rubric, ctx, scriptFromText(text, { unlabelled: [conventions] })).grade;
    expect(g.parts['3a']).toMatchObject({ score: 1, review: false });
    // (the decoder's index k in a subscript stays the index)
    expect(g.parts['2a']).toMatchObject({ score: 1, review: false });
    expect(grade(text).parts['3a'].score).toBe(0);
  });
  it('5: a boxed line at the top giving other values than the working below goes to a person (iz-10)', () => {
    const p = part(
      '5',
      '>> 2,320,000 << sizes: 200x200x3 then 200x200x10\ndepthwise: (200 + 2 - 4)/1 + 1 = 199, so 199 x 199 x 3\nmults = 199 x 199 x 3 x 16 = 1900848\npointwise: 199 x 199 x 10, mults = 199 x 199 x 30 = 1188030\ntotal = 1900848 + 1188030 = 3088878',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toContain('an answer marked before it');
  });
  it('5: "… × 3 After pointwise: 199 × 199 × 10": a stage named with its own value opens the next statement', () => {
    const p = part(
      '5',
      'side = (200 + 2 − 4)/1 + 1 = 199\nAfter depthwise: 199 × 199 × 3 After pointwise: 199 × 199 × 10\ndw: 199 × 199 × 16 × 3 = 1,900,848\npw: 199 × 199 × 3 × 10 = 1,188,030\nall together 1,900,848 + 1,188,030 = 3,088,878',
    );
    expect([p.score, p.review]).toEqual([3, false]);
    // (a stage named after the shape, "199 × 199 × 3 after depthwise, …", still names that shape)
    const q = part(
      '5',
      'side = (200 + 2 − 4)/1 + 1 = 199\nshapes: 199 × 199 × 3 after depthwise, 199 × 199 × 10 after pointwise, total = 3,088,878\ndw: 199 × 199 × 16 × 3 = 1,900,848, pw: 199 × 199 × 3 × 10 = 1,188,030',
    );
    expect(q.items.find((i) => i.id === 'depthwise')?.awarded).toBe(1);
  });
  it('5: a normal convolution set beside the answer mid-sentence ("vs … a normal 4×4 conv (… = 19,008,480)") is no total', () => {
    const p = part(
      '5',
      'n_out = (200 + 2 − 4)/1 + 1 = 199, so 199 × 199 × 3 and then 199 × 199 × 10\ndepthwise 199 × 199 × 16 × 3 = 1,900,848\npointwise 199 × 199 × 3 × 10 = 1,188,030\nTotal multiplications = 3,088,878 (≈ 6.2 M FLOPs if the additions count).\nAt 1 GMAC/s this takes ≈ 3.1 ms, vs ≈ 19 ms for a regular 4×4\nconv (199² × 4 × 4 × 3 × 10 = 19,008,480 MACs).',
    );
    expect(p.items.find((i) => i.id === 'multiplications')?.awarded).toBe(1);
  });
  it('5: a formula in letters, its letters given numbers after it and its name the value ("with N = 200, …: O = 199"), is the working', () => {
    const text =
      '## 5\nO = (N + 2P − K)/S + 1   (G4)\nput N = 200, P = 1, K = 4, S = 1: O = 199.\nafter depthwise 199 × 199 × 3, after pointwise 199 × 199 × 10\ndepthwise 199² · 16 · 3 = 1 900 848; pointwise 199² · 30 = 1 188 030; total 3 088 878';
    expect(grade(text).parts['5'].items.find((i) => i.id === 'depthwise')).toMatchObject({ awarded: 1 });
    expect(grade(text).parts['5'].review).toBe(false);
  });
  it('1a: a pair wrapped after its sign ("C_{t-1} =" ending a line, its position opening the next) is read', () => {
    const p = part(
      '1a',
      'forget f_t → 3, input i_t → 4, output o_t → 8, new state C_t → 10, old state C_{t-1} →\n1, candidate C~_t → 6',
    );
    expect([p.score, p.review]).toEqual([3, false]);
  });
});
