import { rng } from '@grader/engine';
// The rubric follows the question's parameters: alternatives, partial credit, labels, reasons and work
// patterns are computed from the keys and parameters, never typed for CT3's numbers. Unit tests for
// changed parameters, template errors, and a property test over random parameter sets whose expected
// scores are worked out here from the rubric document's rules with plain arithmetic (not the engine).
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import {
  type GradingContext,
  gradeScript,
  loadRubric,
  parseRubric,
  prepareRubric,
  RubricError,
  renderTemplate,
  scriptFromText,
} from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);

function contextFor(overrides: Record<string, string> = {}): GradingContext {
  return {
    keys: computeKeys(exam, overrides),
    params: examParameters(exam, overrides),
    reviewThreshold: exam.reviewThreshold,
  };
}
function grader(overrides: Record<string, string> = {}) {
  const ctx = contextFor(overrides);
  const grade = (text: string) => gradeScript(rubric, ctx, scriptFromText(text)).grade;
  const part = (id: string, body: string) => grade(`## ${id}\n${body}`).parts[id];
  return { ctx, grade, part };
}

describe('the rubric follows changed parameters', () => {
  it('3.hidden=4: weights only is 4·4·6 = 96 (16 biases missing), one gate 28; 60 and 18 earn nothing', () => {
    const { part, ctx } = grader({ '3.hidden': '4' });
    expect(ctx.keys['3c']).toBe(112);
    const weights = part('3c', '4 × 24 = 96');
    expect(weights.score).toBe(0.5);
    expect(weights.items[0].reason).toBe('96 counts the weights only (4 × 24); the 16 biases are missing');
    expect(weights.items[0].label).toBe('112 = 4 gates × (4 × 6 weights + 4 biases)');
    const oneGate = part('3c', 'one gate: 4 × 6 + 4 = 28');
    expect([oneGate.score, oneGate.items[0].reason]).toEqual([
      0.5,
      '28 is one gate only; the cell has 4 gates',
    ]);
    // CT3's numbers are no longer alternatives
    const stale = part('3c', '4 × 15 = 60');
    expect(stale.score).toBe(0);
    expect(stale.items[0].reason).toMatch(/^60 is not right; the answer is 112/);
    expect(part('3c', 'one gate: 3 × 5 + 3 = 18').score).toBe(0);
    expect(part('3c', '4 × (4 × 6 + 4) = 112').score).toBe(1);
    // bare 96: the alternative needs its computation
    expect(part('3c', '96').score).toBe(0);
    expect(part('3c', '96').items[0].reason).toContain('no working shown (the computation 4 × (4 × 6 + 4))');
    // the 3a reasoning pattern follows the sizes: "4 + 2" is the reasoning now, "3 + 2" is not
    expect(part('3a', 'W_f is 4 × 6 since the input has 4 + 2 entries').score).toBe(1);
    expect(part('3a', 'W_f is 4 × 6 since the input has 3 + 2 entries').score).toBe(0);
    expect(part('3a', 'W_f is 4 × 6').items[0].reason).toBe(
      '4 × 6 is right but no working shown (the reasoning for the shape ([h_{t-1}, x_t] has 4 + 2 = 6 entries, f_t has 4)); a bare answer earns no marks (instruction 3)',
    );
  });

  it('3c error carried forward multiplies by the engine’s gate count', () => {
    const { grade } = grader({ '3.hidden': '4' });
    const g = grade('## 3a\nW_f is 4 × 7 (one column for the bias)\n## 3c\n4 × (4 × 7 + 4) = 128');
    expect(g.parts['3c'].score).toBe(0.5);
  });

  it('1b.C_prev=0.5,0.4,0.8: the key is [tanh(1), 0, 0]; 0.8 is its rounding, 0.6 is not', () => {
    const { part, ctx } = grader({ '1b.C_prev': '0.5,0.4,0.8' });
    expect((ctx.keys['1b.ii'] as number[])[0]).toBeCloseTo(Math.tanh(1), 11);
    const rounded = part(
      '1b.ii',
      'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(1), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.8, 0, 0}',
    );
    expect(rounded.score).toBe(1);
    expect(rounded.items[0].reason).toBe(
      '[0.8, 0, 0] is accepted for [0.7616, 0, 0] (rounded to one decimal)',
    );
    // CT3's working copied: tanh(0.7) is not this question's value
    const stale = part('1b.ii', 'h_t = {1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.6, 0, 0}');
    expect(stale.score).toBe(0);
    expect(stale.items[0].reason).toMatch(/^\[0\.6, 0, 0\] is not right; the answer is \[0\.7616, 0, 0\]/);
    // the right working with 0.6 as its value is a slip in evaluating (0.5), not the accepted rounding
    const slip = part(
      '1b.ii',
      'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(1), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.6, 0, 0}',
    );
    expect(slip.score).toBe(0.5);
    expect(slip.items[0].reason).not.toContain('accepted');
    // with the default parameters 0.6 is right (within ±0.005 of 0.6044)
    const ct3 = grader().part('1b.ii', 'h_t = {1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.6, 0, 0}');
    expect(ct3.score).toBe(1);
    // a rounding to one decimal further than the tolerance: C_t = [0.66, …], tanh(0.66) = 0.5784 -> 0.6
    const { part: part66 } = grader({ '1b.C_prev': '0.16,0.4,0.8' });
    const r66 = part66('1b.ii', 'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(0.66), 0, 0} = {0.6, 0, 0}');
    expect([r66.score, r66.items[0].reason]).toEqual([
      1,
      '[0.6, 0, 0] is accepted for [0.5784, 0, 0] (rounded to one decimal)',
    ]);
    // 0.5 is no rounding of 0.5784: the alternative does not stretch to it
    expect(
      part66('1b.ii', 'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(0.66), 0, 0} = {0.5, 0, 0}').items[0].reason,
    ).not.toContain('accepted');
  });

  it('5.padding=0: labels, descriptions and reasons say 197 × 197', () => {
    const { part } = grader({ '5.padding': '0' });
    const p = part('5', '197 × 197 × 3, 197 × 197 × 10, 3027102');
    expect(p.items.map((i) => i.label)).toEqual([
      'depthwise output 197 × 197 × 3 ((200 + 2·0 − 4)/1 + 1 = 197)',
      'pointwise output 197 × 197 × 10',
      'total multiplications 3,027,102 = 1,862,832 + 1,164,270',
    ]);
    expect(p.items[0].reason).toContain('(200 + 2·0 − 4)/1 + 1 = 197');
    expect(p.score).toBe(0);
    const stale = part('5', 'depthwise output 199 × 199 × 3, (200 + 2 - 4)/1 + 1 = 199');
    expect(stale.items[0].reason).toBe('199 × 199 × 3 is not right; the answer is 197 × 197 × 3');
    // the output-size reasoning pattern follows the padding
    expect(part('5', 'depthwise: (200 + 2 × 0 - 4 ... so 197 × 197 × 3').items[0].awarded).toBe(1);
  });

  it('5.out_channels=20: the pointwise reasoning names 20 filters, not 10', () => {
    const { part } = grader({ '5.out_channels': '20' });
    expect(part('5', 'after the second step: 199 × 199 × 20 with 20 filters').items[1].awarded).toBe(1);
    expect(part('5', 'after the second step: 199 × 199 × 20 with 10 filters').items[1].awarded).toBe(0);
    // "1 × 1" inside 91 × 14 is no 1 × 1 filter
    expect(part('5', 'after the second step: 199 × 199 × 20, 91 × 14').items[1].awarded).toBe(0);
  });

  it('a part with no answer and a skipped part carry the filled-in labels', () => {
    const g = grader({ '3.input': '10', '3.hidden': '20' }).grade('## 3b\nskipped');
    expect(g.parts['3a'].items[0].label).toBe('W_f is 20 × 30');
    expect(g.parts['3b'].items[0].label).toBe('b_f is 20 (20 × 1)');
    expect(g.parts['3c'].items[0].label).toBe('2,480 = 4 gates × (20 × 30 weights + 20 biases)');
    expect(g.parts['1a'].items.map((i) => i.label)[0]).toBe('f_t is position 3');
  });
});

describe('templates', () => {
  const values = { keys: computeKeys(exam), params: examParameters(exam) };
  it('fill texts and patterns from keys and parameters', () => {
    expect(
      renderTemplate('{{5.multiplications}} / {{5.depthwise_output|dims}} / {{param:5.image}}', values),
    ).toBe('3,088,878 / 199 × 199 × 3 / 200 × 200 × 3');
    expect(
      renderTemplate(
        '{{1b.ii}} ≈ {{1b.ii|round:1}}; {{5.multiplications|plain}}; {{param:5.padding|times:2}}',
        values,
      ),
    ).toBe('[0.6044, 0, 0] ≈ [0.6, 0, 0]; 3088878; 2');
    expect(renderTemplate('\\b{{3a.0|words}} rows, {{1b.i.2}}', values, 'pattern')).toBe(
      '\\b(?:3|three) rows, 0\\.05',
    );
    expect(renderTemplate('{{5.depthwise_output|dims}}', values, 'pattern')).toBe(
      '199 ?(?:\\*|x|×|by) ?199 ?(?:\\*|x|×|by) ?3',
    );
    expect(renderTemplate('no templates: C_{t-1}, \\d{2}', values)).toBe('no templates: C_{t-1}, \\d{2}');
  });

  it('prepared once per rubric and parameter set; idempotent; the loaded rubric is left as it is', () => {
    const ctx = contextFor();
    const a = prepareRubric(rubric, ctx);
    expect(prepareRubric(rubric, ctx)).toBe(a);
    expect(prepareRubric(a, contextFor({ '3.hidden': '9' }))).toBe(a);
    expect(rubric.parts.find((p) => p.id === '3a')!.items[0].label).toBe('W_f is {{3a|dims}}');
    expect(a.parts.find((p) => p.id === '3a')!.items[0].label).toBe('W_f is 3 × 5');
    expect(JSON.stringify(a)).not.toContain('{{');
  });

  const yaml = (label: string, extra = '') =>
    `exam: x\ntotal: 1\nparts:\n  - id: "3c"\n    points: 1\n    items:\n      - id: total\n        label: "${label}"\n        points: 1\n        type: value\n        shape: number\n        key: { engine: "3c" }\n${extra}`;

  it('a template naming no part, a bad filter or unbalanced braces: RubricError with line and field', () => {
    expect(() => parseRubric(yaml('{{3x}} parameters'))).toThrow(RubricError);
    expect(() => parseRubric(yaml('{{3x}} parameters'))).toThrow(
      /line 8: parts\[0\]\.items\[0\]\.label: unknown key "3x" in a template/,
    );
    expect(() => parseRubric(yaml('{{3c|bold}}'))).toThrow(
      /line 8: parts\[0\]\.items\[0\]\.label: unknown filter "bold"/,
    );
    expect(() => parseRubric(yaml('{{3c}'))).toThrow(/line 8: .*unbalanced/);
    expect(() => parseRubric(yaml('{{3c|round}}'))).toThrow(/round needs a number/);
  });

  it('with the exam’s keys: unknown key or parameter names and unknown engine references, by line', () => {
    const values = { keys: computeKeys(exam), params: examParameters(exam) };
    expect(parseRubric(yaml('{{3c}} = {{3c.gates}} × …'), 'r.yaml', values).parts[0].items[0].label).toBe(
      '{{3c}} = {{3c.gates}} × …',
    );
    expect(() => parseRubric(yaml('{{3c.weight_only}}'), 'r.yaml', values)).toThrow(
      /line 8: parts\[0\]\.items\[0\]\.label: unknown key "3c\.weight_only"/,
    );
    expect(() => parseRubric(yaml('{{param:3.hiden}}'), 'r.yaml', values)).toThrow(
      /line 8: parts\[0\]\.items\[0\]\.label: unknown parameter "3\.hiden"/,
    );
    const alt =
      '        alternatives:\n          - { value: { engine: "3c.nope" }, credit: 0.5, reason: "x" }\n';
    expect(() => parseRubric(yaml('{{3c}}', alt), 'r.yaml', values)).toThrow(
      /line 14: parts\[0\]\.items\[0\]\.alternatives\[0\]\.value: the engine computes no key "3c\.nope"/,
    );
    const pattern = '        cues: ["{{3a}}"]\n';
    expect(() => parseRubric(yaml('x', pattern), 'r.yaml', values)).toThrow(
      /line 13: parts\[0\]\.items\[0\]\.cues\[0\]: \{\{3a\}\} is a list: in a pattern it needs \|dims/,
    );
    // literal alternatives (rubrics written before key references) still load
    const literal = '        alternatives:\n          - { value: 60, credit: 0.5, reason: "weights only" }\n';
    expect(parseRubric(yaml('x', literal)).parts[0].items[0]).toMatchObject({
      alternatives: [{ value: { literal: 60 } }],
    });
  });

  it('grading with a rubric whose template names an unknown key fails loudly, naming the field', () => {
    const bad = parseRubric(yaml('{{3c.weight_only}}'));
    expect(() => gradeScript(bad, contextFor(), scriptFromText('## 3c\n72'))).toThrow(
      /parts\[0\]\.items\[0\]\.label: unknown key "3c\.weight_only"/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// property: random parameter sets, scripts rendered for them, scores by the rubric document's rules

interface Params {
  f: number[];
  i: number[];
  o: number[];
  cPrev: number[];
  cTilde: number[];
  X: number;
  H: number;
  h: number;
  w: number;
  c: number;
  k: number;
  s: number;
  p: number;
  out: number;
}

function randomParams(r: () => number): Params {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(2, 4);
  const dec = (lo: number, hi: number) => Array.from({ length: n }, () => int(lo * 10, hi * 10) / 10);
  const h = int(8, 300);
  const w = r() < 0.5 ? h : int(8, 300);
  return {
    f: dec(0, 1),
    i: dec(0, 1),
    o: dec(0, 1),
    cPrev: dec(-2, 2),
    cTilde: dec(-1, 1),
    X: int(1, 12),
    H: int(1, 12),
    h,
    w,
    c: int(1, 8),
    k: int(1, 7),
    s: int(1, 3),
    p: int(0, 3),
    out: int(1, 64),
  };
}

const overridesOf = (q: Params): Record<string, string> => ({
  '1b.f': q.f.join(','),
  '1b.i': q.i.join(','),
  '1b.o': q.o.join(','),
  '1b.C_prev': q.cPrev.join(','),
  '1b.C_tilde': q.cTilde.join(','),
  '3.input': String(q.X),
  '3.hidden': String(q.H),
  '5.image': `${q.h}x${q.w}x${q.c}`,
  '5.filter': String(q.k),
  '5.stride': String(q.s),
  '5.padding': String(q.p),
  '5.out_channels': String(q.out),
});

// numbers as a student writes them: negatives in brackets inside arithmetic
const num = (x: number) => String(+x.toFixed(4));
const arg = (x: number) => (x < 0 ? `(${num(x)})` : num(x));
const vec = (xs: number[]) => `{${xs.map(num).join(', ')}}`;
const round1 = (x: number) => {
  const y = (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
  return y === 0 ? 0 : y;
};
// the rubric's tolerance: ±0.005, or ±0.5% of values above 1
const near = (a: number, b: number) =>
  Math.abs(a - b) <= 0.005 * Math.max(1, Math.abs(a), Math.abs(b)) + 1e-12;
const sameVec = (a: number[], b: number[]) => a.length === b.length && a.every((x, j) => near(x, b[j]));

/** The answers of the question for these parameters, worked out by hand (no engine). */
function answers(q: Params) {
  const C = q.f.map((f, j) => f * q.cPrev[j] + q.i[j] * q.cTilde[j]);
  const hv = C.map((x, j) => q.o[j] * Math.tanh(x));
  const S = q.H + q.X;
  const size = (n: number, p: number) => Math.floor((n + 2 * p - q.k) / q.s) + 1;
  const [Ho, Wo] = [size(q.h, q.p), size(q.w, q.p)];
  const D = Ho * Wo * q.c * q.k * q.k;
  const P = Ho * Wo * q.c * q.out;
  return {
    C,
    hv,
    S,
    total: 4 * (q.H * S + q.H),
    weightsOnly: 4 * q.H * S,
    oneGate: q.H * S + q.H,
    Ho,
    Wo,
    D,
    P,
    M: D + P,
    size,
  };
}

type Expected = Record<string, number>;
type Script = { name: string; text: string; expected: Expected };

function part1bi(q: Params, C: number[]) {
  const terms = q.f.map((f, j) => `${arg(f)} × ${arg(q.cPrev[j])} + ${arg(q.i[j])} × ${arg(q.cTilde[j])}`);
  return `## 1b.i\nC_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t\n= {${terms.join(', ')}}\n= ${vec(C)}`;
}
function part1bii(q: Params, C: number[], stated: number[]) {
  const terms = q.o.map((o, j) => `${arg(o)} × tanh(${num(C[j])})`);
  return `## 1b.ii\nh_t = o_t ⊙ tanh(C_t)\n= {${terms.join(', ')}}\n= ${vec(stated)}`;
}
function part5(q: Params, padded: boolean) {
  const a = answers(q);
  const p = padded ? q.p : 0;
  const [Ho, Wo] = [a.size(q.h, p), a.size(q.w, p)];
  const D = Ho * Wo * q.c * q.k * q.k;
  const P = Ho * Wo * q.c * q.out;
  const size = padded ? `(${q.h} + 2 × ${q.p} - ${q.k})/${q.s} + 1` : `(${q.h} - ${q.k})/${q.s} + 1`;
  return [
    '## 5',
    `Depthwise: each of the ${q.c} channels gets its own ${q.k} × ${q.k} filter.`,
    `Output height = ⌊${size}⌋ = ${Ho}, so the depthwise output is ${Ho} × ${Wo} × ${q.c}`,
    `Multiplications = ${Ho} × ${Wo} × ${q.c} × ${q.k} × ${q.k} = ${D}`,
    `Pointwise: ${q.out} filters of 1 × 1 × ${q.c}, output ${Ho} × ${Wo} × ${q.out}`,
    `Multiplications = ${Ho} × ${Wo} × ${q.c} × ${q.out} = ${P}`,
    `Total = ${D} + ${P} = ${D + P}`,
  ].join('\n');
}

/** Scripts for one parameter set, each with the scores the rubric document's rules give. */
function scripts(q: Params): Script[] {
  const a = answers(q);
  const { H, X } = q;
  const S = a.S;
  const out: Script[] = [];

  // right, with the working
  out.push({
    name: 'right',
    text: [
      part1bi(q, a.C),
      part1bii(q, a.C, a.hv),
      `## 3a\n[h_{t-1}, x_t] has ${H} + ${X} = ${S} entries and f_t has ${H}, so W_f is ${H} × ${S}.`,
      `## 3b\nb_f is ${H} × 1, one bias for each hidden unit.`,
      `## 3c\nPer gate ${H} × ${S} + ${H} = ${a.oneGate}; for 4 gates 4 × ${a.oneGate} = ${a.total} parameters.`,
      part5(q, true),
    ].join('\n'),
    expected: { '1b.i': 1, '1b.ii': 1, '3a': 1, '3b': 1, '3c': 1, '5': 3 },
  });

  // bare answers: instruction 3, nothing (negative elements included)
  const bareExpected: Expected = { '1b.i': 0, '1b.ii': 0, '3a': 0, '3b': 0, '3c': 0, '5': 0 };
  out.push({
    name: 'bare',
    text: [
      `## 1b.i\nC_t = ${vec(a.C)}`,
      `## 1b.ii\nh_t = ${vec(a.hv)}`,
      `## 3a\nW_f is ${H} × ${S}`,
      `## 3b\nb_f is ${H}`,
      `## 3c\n${a.total}`,
      `## 5\n${a.Ho} × ${a.Wo} × ${q.c}, ${a.Ho} × ${a.Wo} × ${q.out}, ${a.M}`,
    ].join('\n'),
    expected: bareExpected,
  });

  // slips: C_t with a slip in its first element (0.5), h_t from that own C_t (error carried forward,
  // 0.5, or right if the slip does not change h_t), the weights-only count (0.5), Q5 without padding
  // (the total follows from the own output size: 0.5; with no padding the answers are right)
  const slipped = a.C.map((x, j) => (j === 0 ? x + 1 : x));
  const ownH = slipped.map((x, j) => q.o[j] * Math.tanh(x));
  const noPad = answers({ ...q, p: 0 });
  out.push({
    name: 'slips',
    text: [
      part1bi(q, a.C).replace(/= \{[^}]*\}$/, `= ${vec(slipped)}`),
      part1bii(q, slipped, ownH),
      `## 3c\nweights: 4 × ${H} × ${S} = ${a.weightsOnly}`,
      part5(q, false),
    ].join('\n'),
    expected: {
      '1b.i': 0.5,
      '1b.ii': sameVec(ownH, a.hv) ? 1 : 0.5,
      '3c': 0.5,
      // without padding the sizes can still be right (a stride that swallows the difference)
      '5': noPad.Ho === a.Ho && noPad.Wo === a.Wo ? 3 : 0.5,
    },
  });

  // one gate, the rounded h_t, and error carried forward from the student's own W_f
  const rounded = a.hv.map(round1);
  const ecfTotal = 4 * (H * (S + 1) + H);
  out.push({
    name: 'one-gate, rounded, ecf',
    text: [
      part1bii(q, a.C, rounded),
      `## 3a\nW_f is ${H} × ${S + 1} (one column for the bias)`,
      `## 3c\n4 × (${H} × ${S + 1} + ${H}) = ${ecfTotal}`,
    ].join('\n'),
    expected: { '1b.ii': 1, '3a': 0, '3c': 0.5 },
  });
  out.push({
    name: 'one gate',
    text: `## 3c\none gate: ${H} × ${S} + ${H} = ${a.oneGate}`,
    expected: { '3c': 0.5 },
  });
  out.push({
    name: 'weights only, bare',
    text: `## 3c\n${a.weightsOnly}`,
    expected: { '3c': 0 },
  });

  // CT3's own answers (the default parameters) graded under these parameters
  const ct3 = { total: 72, weights: 60, oneGate: 18 };
  const ct3Score = (value: number, own: boolean) =>
    value === a.total
      ? 1
      : value === a.weightsOnly || value === a.oneGate
        ? 0.5
        : // error carried forward from the student's own 3a/3b (CT3's 3 × 5 and 3): 4 × (15 + 3) = 72
          own && value === 72
          ? 0.5
          : 0;
  const dw = [199, 199, 3];
  const dwRight = dw[0] === a.Ho && dw[1] === a.Wo && dw[2] === q.c;
  const pwRight = dw[0] === a.Ho && dw[1] === a.Wo && q.out === 10;
  const ecf5 = 199 * 199 * 3 * q.k * q.k + 199 * 199 * 3 * 10;
  const total5 =
    3_088_878 === a.M ? 1 : ecf5 === 3_088_878 || 1_900_848 === a.D || 1_188_030 === a.P ? 0.5 : 0;
  out.push({
    name: 'CT3 answers',
    text: [
      '## 3a\n[h_{t-1}, x_t] has 3 + 2 = 5 entries and f_t has 3, so W_f is 3 × 5.',
      '## 3b\nb_f is 3 × 1, one bias for each hidden unit.',
      '## 3c\nPer gate 3 × 5 + 3 = 18; for 4 gates 4 × 18 = 72 parameters.',
      '## 5\nDepthwise: each of the 3 channels gets its own 4 × 4 filter.',
      'Output size = (200 + 2 × 1 - 4)/1 + 1 = 199, so 199 × 199 × 3',
      'Multiplications = 199 × 199 × 3 × 4 × 4 = 1,900,848',
      'Pointwise: 10 filters of 1 × 1 × 3, output 199 × 199 × 10',
      'Multiplications = 199 × 199 × 3 × 10 = 1,188,030',
      'Total = 1,900,848 + 1,188,030 = 3,088,878',
    ].join('\n'),
    expected: {
      '3a': H === 3 && S === 5 ? 1 : 0,
      '3b': H === 3 ? 1 : 0,
      '3c': ct3Score(ct3.total, true),
      '5': (dwRight ? 1 : 0) + (pwRight ? 1 : 0) + total5,
    },
  });
  for (const [value, text] of [
    [ct3.weights, '4 × 15 = 60'],
    [ct3.oneGate, 'one gate: 3 × 5 + 3 = 18'],
  ] as const) {
    out.push({ name: `CT3 3c ${value}`, text: `## 3c\n${text}`, expected: { '3c': ct3Score(value, false) } });
  }
  return out;
}

describe('property: random parameter sets graded by the rubric document’s rules', () => {
  const r = rng(60010);
  const sets = Array.from({ length: 30 }, () => randomParams(r)).filter(
    // the filter must fit in the padded image, as the exam requires
    (q) => q.k <= Math.min(q.h, q.w) + 2 * q.p,
  );

  it('draws 30 valid parameter sets', () => {
    expect(sets.length).toBe(30);
  });

  for (const [n, q] of sets.entries()) {
    it(`set ${n + 1}: ${Object.entries(overridesOf(q))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`, () => {
      const ctx = contextFor(overridesOf(q));
      const a = answers(q);
      // the engine agrees with the hand-worked answers
      expect(ctx.keys['3c']).toBe(a.total);
      expect(ctx.keys['5']).toMatchObject({ depthwise_output: [a.Ho, a.Wo, q.c], multiplications: a.M });
      const problems: string[] = [];
      for (const s of scripts(q)) {
        const g = gradeScript(rubric, ctx, scriptFromText(s.text)).grade;
        for (const [id, want] of Object.entries(s.expected)) {
          const p = g.parts[id];
          if (p.score !== want || p.review)
            problems.push(
              `${s.name} ${id}: got ${p.score}${p.review ? ' (review)' : ''}, want ${want}: ${p.reasons.join(' | ')}`,
            );
        }
        // every label and reason is filled in, and the labels carry these parameters' keys
        const words = JSON.stringify(g);
        expect(words).not.toContain('{{');
        expect(g.parts['3c'].items[0].label).toBe(
          `${a.total.toLocaleString('en-US')} = 4 gates × (${q.H} × ${a.S} weights + ${q.H} biases)`,
        );
        expect(g.parts['5'].items[0].label).toContain(`depthwise output ${a.Ho} × ${a.Wo} × ${q.c} `);
        expect(g.parts['5'].items[2].label).toBe(
          `total multiplications ${a.M.toLocaleString('en-US')} = ${a.D.toLocaleString('en-US')} + ${a.P.toLocaleString('en-US')}`,
        );
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('a negative number is a value, not arithmetic', () => {
  // `{-0.8, 0.2, 0.05}` is a bare vector: neither the mark nor the slip's 0.5
  it('a bare C_t with a negative element earns nothing', () => {
    const { part } = grader({ '1b.C_prev': '-1.3,0.4,0.8' });
    expect(part('1b.i', 'C_t = {-0.8, 0.2, 0.05}').score).toBe(0);
  });
  it('a bare wrong C_t with a negative element earns nothing', () => {
    const { part } = grader({ '1b.C_prev': '-1.3,0.4,0.8' });
    expect(part('1b.i', 'C_t = {-0.6, 0.2, 0.05}').score).toBe(0);
  });
});
