import { describe, expect, it } from 'vitest';
import {
  equivalent,
  evaluateNumeric,
  findDimensions,
  findEnumeratedAnswers,
  findEquations,
  findMappings,
  findNumbers,
  findNumberWords,
  findVectors,
  linearizeFractions,
  normalizeMath,
  normalizeProse,
  parseExpr,
  parseNumber,
  printExpr,
  subscriptsToTheirBase,
  tokenize,
} from './index.ts';

describe('numbers', () => {
  it('reads thousands, scientific, Unicode minus and OCR look-alikes', () => {
    expect(parseNumber('3,088,878')).toBe(3088878);
    expect(parseNumber('3088878')).toBe(3088878);
    expect(parseNumber('3.09e6')).toBe(3090000);
    expect(parseNumber('−0.5')).toBe(-0.5);
    expect(parseNumber('O.604')).toBe(0.604);
    expect(parseNumber('3.09 × 10^6')).toBeCloseTo(3.09e6);
    expect(findNumbers('Total = 1,900,848 + 1,188,030').map((n) => n.value)).toEqual([1900848, 1188030]);
  });
});

describe('vectors', () => {
  it('reads sets, brackets, tuples and columns', () => {
    for (const s of [
      '{0.7, 0.2, 0.05}',
      '[0.7 0.2 0.05]',
      '(0.7, 0.2, 0.05)',
      '[0.7\n 0.2\n 0.05]',
      '{O.7,0.2,0.05}',
      '= [0.7, 0.2, 0.05}', // a handwritten `]` OCR'd as another bracket
    ]) {
      expect(findVectors(s)[0]?.values).toEqual([0.7, 0.2, 0.05]);
    }
    expect(findVectors('{1 × 0.2 + 1, 2}')).toEqual([]);
    // a bracket never closed at the answer's end, its line run off the page's edge (round 113)
    expect(findVectors('= (1, 0, 0)⊙(0.6044, 0.1974, 0.0500) = (0.6044, 0, 0').map((v) => v.values)).toEqual([
      [1, 0, 0],
      [0.6044, 0.1974, 0.05],
      [0.6044, 0, 0],
    ]);
    // (not one closed on a later line, nor a reference, "(see 3")
    expect(findVectors('x (see 3')).toEqual([]);
    expect(findVectors('(0.6, 0\n, 0.1) and (1, 2')[0]?.values).toEqual([0.6, 0, 0.1]);
    // exact forms (round 69): fractions, and brackets whose components evaluate ("tanh(7/10)", e^{…})
    expect(findVectors('= (7/10, 1/5, 1/20)')[0]?.values).toEqual([0.7, 0.2, 0.05]);
    expect(findVectors('= (tanh(7/10), 0, 0)')[0]?.values[0]).toBeCloseTo(0.6044, 4);
    expect(findVectors('[(e^{1.4}-1)/(e^{1.4}+1), 0]')[0]?.values[0]).toBeCloseTo(0.6044, 4);
    // (not a function's arguments, not a date, not a component with a symbol)
    expect(findVectors('max(tanh(0.7), 0.2)')).toEqual([]);
    expect(findVectors('(15/3/21, 2)')).toEqual([]);
    expect(findVectors('(tanh(x), 0)')).toEqual([]);
    // an LSTM vector's entry k is the vector in an identity for every k; a numbered entry stays
    expect(normalizeMath('ht,k = ot,k tanh(ct,k)')).toBe('h_{t} = o_{t} tanh(c_{t})');
    expect(normalizeMath('dc_{t+1,k}/dc_{t,k} = f_{t+1}[k]')).toBe('dc_{t+1}/dc_{t} = f_{t+1}');
    expect(normalizeMath('C_t(2) = 0.2, c_t[2] = 0.2, s_{k,d} h_{j,d}')).toBe(
      'C_t(2) = 0.2, c_t[2] = 0.2, s_{k,d} h_{j,d}',
    );
    // (the Kronecker delta between two entries is 1 on them: `∂c_{t+1,i}/∂c_{t,j} = δij ft+1,i`)
    expect(normalizeMath('dct+1,i/dct,j = δijft+1,i')).toBe('dc_{t+1}/dc_{t} = f_{t+1}');
    // a product said to be element-wise between its operands; a note that products are is no product
    expect(normalizeMath('h_t = o_t (elementwise x) tanh(C_t)')).toBe('h_t = o_t  *  tanh(C_t)');
    expect(normalizeMath('h_t = o_t elementwise × tanh(C_t)')).toBe('h_t = o_t  *  tanh(C_t)');
    expect(normalizeMath('all products below are element-wise (⊙).')).not.toMatch(/are\s+\*/);
    // a product wrapped after its sign keeps its factor (and the line count); "tanh(0. 7)" is 0.7
    expect(normalizeMath('out 199×199×\n10\nnext')).toBe('out 199*199* 10\n\nnext');
    expect(normalizeMath('the output is 199 x 199 x\n10.')).toBe('the output is 199 x 199 x 10\n.');
  });

  it('drops a rounding written after the exact value, which stays the last side ("= 3,027,102 ~ 3.03 million")', () => {
    expect(normalizeMath('Total = 1,862,832 + 1,164,270 = 3,027,102 mults ~ 3.03 million').trim()).toBe(
      'Total = 1,862,832 + 1,164,270 = 3,027,102 mults',
    );
    expect(normalizeMath('= 1,862,832 mults (approx 1.86 x 10^6)').trim()).toBe('= 1,862,832 mults');
    expect(normalizeMath('tanh(0.7) = 0.60437 ≈ 0.6').trim()).toBe('tanh(0.7) = 0.60437');
    // (a value that is not its rounding is another side; one with nothing before it stays)
    expect(normalizeMath('h = 0.604 ≈ 0.7')).toBe('h = 0.604 = 0.7');
    expect(normalizeMath('Total ≈ 3.09 million')).toBe('Total = 3.09 million');
    // (an equals sign before a scale word restates too, "= 3.09 million"; a scale word off by powers of
    // ten, "= 3.09 lakh", is a slip of the word; a wrong rounding stays)
    expect(normalizeMath('total = 3088878 = 3.09 million mults').trim()).toBe('total = 3088878 mults');
    expect(normalizeMath('total = 3088878 = 3.09 lakh mults').trim()).toBe('total = 3088878 mults');
    expect(normalizeMath('total = 3088878 = 3.12 million').trim()).toBe('total = 3088878 = 3.12 million');
    // "is about" after a function of a number is ≈ in words; after anything else it is prose
    expect(normalizeMath('tanh(0.7) is about 0.60')).toBe('tanh(0.7) = 0.60');
    expect(normalizeMath('the output is about 199')).toBe('the output is about 199');
    // a full stop between a gate's letter and a state or function is its product (not a sentence's end)
    expect(normalizeMath('C_t = f.C_{t-1} + i.C~_t')).toBe('C_t = f * C_{t-1} + i * C~_t');
    expect(normalizeMath('h_t = o.tanh(C_t)')).toBe('h_t = o * tanh(C_t)');
    expect(normalizeMath('it is 3 x 5 = a.The next')).toBe('it is 3 x 5 = a.The next');
    expect(normalizeMath('tanh(0. 7) = 0.6')).toBe('tanh(0.7) = 0.6');
    // angle brackets around a list of numbers: a vector, while ⟨s, h⟩ stays a dot product
    expect(findVectors('C_t = ⟨0.7, 0.2, 0.05⟩.')[0]?.values).toEqual([0.7, 0.2, 0.05]);
    expect(findVectors('= <0.2, 0.2, 0> + <0.5, 0, 0.05>').map((v) => v.values)).toEqual([
      [0.2, 0.2, 0],
      [0.5, 0, 0.05],
    ]);
    expect(normalizeMath('⟨1·0.2, 0.5·0.4, 0·0.8⟩')).toBe('[1*0.2, 0.5*0.4, 0*0.8]');
    expect(normalizeMath('e_kj = ⟨s_{k-1}, h_j⟩')).toBe('e_kj = (s_{k-1} * h_j)');
    // a comma written (or OCR'd) as a full stop between elements
    expect(findVectors('[0.7. 0.2. 0.05]')[0]?.values).toEqual([0.7, 0.2, 0.05]);
    expect(normalizeMath('[1 × tanh(.7), 0 × tanh(.2). 0]')).toBe('[1 * tanh(.7), 0 * tanh(.2), 0]');
    expect(normalizeMath('it is 0.2. Then [see above. Then]')).toBe('it is 0.2. Then [see above. Then]');
    // a bracket left open on its line closes nothing on the next
    expect(findVectors('[0.7, 0.2\n0.05}')).toEqual([]);
  });
});

describe("the subject's words as hurried or dyslexic typists spell them (round 111)", () => {
  it('are set right in prose: one edit, two in a long word, a letter pair swapped as one', () => {
    expect(normalizeProse('The gradiant is the prodcut of forgt gates, no vanshing; 18 paramiters')).toBe(
      'the gradient is the product of forget gates, no vanishing; 18 parameters',
    );
    expect(normalizeProse('dementional')).toBe('dimensional');
  });
  it('leave words of English alone, however near a word of the subject ("content", "status", "expanding")', () => {
    for (const w of [
      'content',
      'status',
      'expanding',
      'assignment',
      'derivation',
      'weighted',
      'strike',
      'forgot',
    ])
      expect(normalizeProse(w), w).toBe(w);
  });
});

describe('dimensions', () => {
  it('reads every accepted spelling of 3 × 5', () => {
    for (const s of ['3x5', '3 × 5', '3×5', '(3, 5)', 'R^{3×5}', 'R^(3 x 5)', '3 by 5', 'W_f is 3 X 5.']) {
      expect(findDimensions(s)[0]?.dims, s).toEqual([3, 5]);
    }
    expect(findDimensions('199 × 199 × 3')[0].dims).toEqual([199, 199, 3]);
    expect(findDimensions('4 × (3 × 5 + 3)')[0].inArithmetic).toBe(true);
  });
  it('reads a shape restated in its brackets after "i.e." as a shape, not arithmetic (round 112)', () => {
    expect(findDimensions('b_f : 3 (i.e. 3 x 1)').map((d) => [d.dims, d.inArithmetic])).toEqual([
      [[3, 1], false],
    ]);
    expect(findDimensions('4 * (i.e. 3 x 5)')[0].inArithmetic).toBe(true);
  });
  it("reads no number inside a word of an Indian script, a text layer's conjunct read as a digit (round 112)", () => {
    expect(findNumbers(normalizeMath('অতি4তিক্ত parameter = 0')).map((n) => n.value)).toEqual([0]);
    expect(findNumbers(normalizeMath('প্রশ্ন 3: 4 × 18 = 72')).map((n) => n.value)).toEqual([3, 4, 18, 72]);
  });
  it("reads R's c(3, 5) as the shape it builds, and no other call's arguments (round 111)", () => {
    expect(findDimensions('dim(W_f) == c(3, 5)    # nrow = 3, ncol = 5').map((d) => d.dims)).toEqual([
      [3, 5],
    ]);
    for (const s of ['f(3, 5)', 'calc(3, 5)', 'x.c(3, 5)']) expect(findDimensions(s), s).toEqual([]);
  });
  it('reads a map between spaces as its matrix, codomain by domain: ℝ⁵ → ℝ³ is 3 × 5', () => {
    for (const s of ['W_f maps R^5 -> R^3', 'W_f : ℝ^{5} → ℝ^{3}', 'W_f: R^{5} \\to R^{3}'])
      expect(
        findDimensions(s).map((d) => d.dims),
        s,
      ).toEqual([[3, 5]]);
    expect(findDimensions('W_f : ℝ² → ℝ³')[0].dims).toEqual([3, 2]);
  });
});

describe('expressions', () => {
  const key = parseExpr('dL/dh_t * o_t * (1 - tanh(c_t)^2) + dL/dc_{t+1} * f_{t+1}');
  it('normalises products, derivatives and lost subscripts/superscripts to one form', () => {
    for (const s of [
      '∂L/∂c_t ⊙ 0 + ∂L/∂h_t ⊙ o_t ⊙ (1 - tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}',
      '∂L/∂ht ⊙ ot ⊙ (1 - tanh2(ct)) + ∂L/∂ct+1 ⊙ ft+1',
      'dL/dh_t * o_t * sech^2(c_t) + dL/dc_t+1 · f_t+1',
      "DL/DHT ∘ OT ∘ tanh'(CT) + dL/dc_{t+1} * f_{t+1}",
      'dL/dh_t * o_t * (1 - (tanh c_t)^2) + f_{t+1} dL/dc_{t+1}',
    ]) {
      expect(equivalent(parseExpr(s), key), s).toBe(true);
    }
  });
  it('rejects the wrong forget gate and a missing tanh factor', () => {
    expect(equivalent(parseExpr('dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_t'), key)).toBe(false);
    expect(equivalent(parseExpr('dL/dh_t * o_t + dL/dc_{t+1} * f_{t+1}'), key)).toBe(false);
  });
  it('reads transposes and glued subscripts', () => {
    expect(printExpr(parseExpr('sk-1T hj'))).toBe('s_{k-1} * h_j');
    expect(printExpr(parseExpr('s_{k−1}ᵀ h_j'))).toBe('s_{k-1} * h_j');
    expect(equivalent(parseExpr('⟨s_{k-1}, h_j⟩'), parseExpr('h_j^T s_{k-1}'))).toBe(true);
    expect(equivalent(parseExpr('v^T tanh(W s_{k-1} + U h_j)'), parseExpr('s_{k-1} h_j'))).toBe(false);
    expect(normalizeMath('C̃t')).toBe('C~t');
  });
  it('evaluates arithmetic shown as work', () => {
    expect(evaluateNumeric(parseExpr('(200 + 2 − 4)/1 + 1'))).toBe(199);
    expect(evaluateNumeric(parseExpr('4 × (15 + 3)'))).toBe(72);
    expect(evaluateNumeric(parseExpr('4x18'))).toBe(72);
    const v = evaluateNumeric(parseExpr('{1 × 0.2 + 1 × 0.5, 0.5 × 0.4, 0 × 0.8 + 0.5 × 0.1}')) as number[];
    expect(v.map((x) => +x.toFixed(6))).toEqual([0.7, 0.2, 0.05]);
  });
});

describe('statements', () => {
  it('finds equations in prose, joining continuation lines', () => {
    const eqs = findEquations(['ht = ot ⊙ tanh(Ct) where tanh(0.7) = 0.604', '= {1 × 0.604, 0, 0}']);
    expect(eqs.map((e) => e.sides.length)).toEqual([2, 3]);
  });
  it('goes on across the blank lines a typeset column vector leaves before "= …" (vo-05)', () => {
    const eqs = findEquations([
      'Ct = ft ⊙ Ct−1 + it ⊙ C̃t',
      '',
      '= (1 · 0.2, 0.5 · 0.4, 0 · 0.8)',
      '',
      '',
      '= (0.2, 0.2, 0)',
    ]);
    expect(eqs.map((e) => e.sides.length)).toEqual([4]);
    // (a line of prose between ends the statement)
    expect(
      findEquations(['Ct = ft ⊙ Ct−1', 'so the product is taken', '', '= 3']).map((e) => e.sides.length),
    ).toEqual([2]);
  });
  it('reads past a label\'s dash and a rule drawn above: "Final – ekj = …", "--" over "e_kj = …"', () => {
    expect(findEquations(['Final – ekj = skT hj, the dot product']).map((e) => e.sides[0].text)).toEqual([
      'ekj',
    ]);
    expect(findEquations(['--', 'eₖⱼ = sₖ₋₁ · hⱼ (dot product)']).map((e) => e.sides[0].text)).toEqual([
      'e_{kj}',
    ]);
    // (a minus sign stays: "x = a - b")
    expect(findEquations(['so x = 5 - 3']).map((e) => e.sides[1].text)).toEqual(['5 - 3']);
  });
  it('finds an equation set in brackets inside words, closed or wrapping onto the next line', () => {
    const eqs = findEquations([
      'c_t affects L via h_t (h_t = o_t * tanh c_t) and via c_{t+1} (c_{t+1} = f_{t+1}*c_t',
      '+ ...)',
    ]);
    expect(eqs.map((e) => e.sides.map((s) => s.text))).toEqual([
      ['h_t', 'o_t * tanh c_t'],
      ['c_{t+1}', 'f_{t+1}*c_t'],
    ]);
    // a function's argument is not an equation of its own
    expect(findEquations(['f(x) = 2']).map((e) => e.sides.length)).toEqual([2]);
  });
  it('an enumerator before an equation ("(i) h_t = …", "(ii) c_{t+1} = …") is not a factor of its left side', () => {
    const eqs = findEquations(['c_t reaches L via (i) h_t = o_t * tanh(c_t) and (ii) c_{t+1} = f_{t+1}*c_t']);
    expect(eqs.map((e) => e.sides[0].text)).toEqual(['h_t', 'c_{t+1}']);
    // a bracketed factor that is no enumerator stays
    expect(findEquations(['(y) z = 6'])[0].sides[0].text).toBe('(y) z');
  });
  it("MATLAB's element-wise power: tanh(c_t).^2 is tanh(c_t)^2", () => {
    expect(normalizeMath('(1 - tanh(c_t).^2)')).toBe('(1 - tanh(c_t)^2)');
  });
  it("a word processor's space before a subscript letter is dropped: h ⱼᵀ sₖ₋₁", () => {
    expect(normalizeMath('eₖⱼ = h ⱼᵀ sₖ₋₁')).toBe(normalizeMath('eₖⱼ = hⱼᵀ sₖ₋₁'));
  });
  it('reads code (np.tanh, **, dL_dc[t]), a bullet before a statement, and a condition after it', () => {
    expect(normalizeMath('dL_dc[t] = dL_dh[t] * o[t] * (1 - np.tanh(c[t])**2) + dL_dc[t+1] * f[t+1]')).toBe(
      'dL/dc_{t} = dL/dh_{t} * o_{t} * (1 - tanh(c_{t})^2) + dL/dc_{t+1} * f_{t+1}',
    );
    expect(normalizeMath('- dL/dc_t = dL/dc_{t+1} * f_{t+1}')).toBe('dL/dc_t = dL/dc_{t+1} * f_{t+1}');
    expect(normalizeMath('dL/dc_t = dL/dc_{t+1} * f_{t+1} (t < T)')).toBe('dL/dc_t = dL/dc_{t+1} * f_{t+1}');
    // an implication in brackets is a reason, not a condition; a minus between numbers stays
    expect(normalizeMath('0 (dot product => nothing to learn)')).toBe('0 (dot product => nothing to learn)');
    expect(normalizeMath('5 - 3 = 2')).toBe('5 - 3 = 2');
    // an equation's tag at the end of its line; a function's argument is no tag
    expect(normalizeMath('dc_{t+1}/dc_t = f_{t+1} …(11)')).toBe('dc_{t+1}/dc_t = f_{t+1}');
    expect(normalizeMath('total = 4 × 18 = 72   (5)')).toBe('total = 4 * 18 = 72');
    expect(normalizeMath('f(x) = g(3)')).toBe('f(x) = g(3)');
    expect(normalizeMath('+ dL/dc_{t+1} * f_{t+1} (11)')).toBe('+ dL/dc_{t+1} * f_{t+1}');
    expect(normalizeMath('+ g(3)')).toBe('+ g(3)');
    expect(normalizeMath('dL/dc_t = dL/dh_t * o_t + dL/dc_{t+1} * f_{t+1} (IV.3)')).toBe(
      'dL/dc_t = dL/dh_t * o_t + dL/dc_{t+1} * f_{t+1}',
    );
    expect(normalizeMath('total = 4 * 18 = 72 (2.4)')).toBe('total = 4 * 18 = 72');
    // (a shape tagged on after the last term is an aside; after a number it is a factor)
    expect(normalizeMath('dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) (3 × 1).')).toBe(
      'dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)).',
    );
    expect(normalizeMath('h_t = o_t * tanh(C_t) [3 x 1]')).toBe('h_t = o_t * tanh(C_t)');
    expect(normalizeMath('params = 4 (3 × 5)')).toBe('params = 4 (3 * 5)');
    expect(normalizeMath('W_f z_t must give a [3×1] vector ⇒ W_f is [3×5].')).toContain('W_f is [3*5]');
    // (or at its start: "(13) ∂L/∂c_t = …", "(4) (3 + 2) = 5")
    expect(normalizeMath('(13) dL/dc_t = dL/dc_{t+1} * f_{t+1}')).toBe('dL/dc_t = dL/dc_{t+1} * f_{t+1}');
    expect(normalizeMath('(Eq. 2) h_t = o_t * tanh(C_t)')).toBe('h_t = o_t * tanh(C_t)');
    expect(normalizeMath('(4) (3 + 2) = 5')).toBe('(3 + 2) = 5');
    // (one pattern with the evidence's: lettered and roman tags too, "(4a)", "(ii)"; never after a plus,
    // a minus or an arrow, where the bracket is an operand or what the arrow points to)
    expect(normalizeMath('h_t = o_t * tanh(C_t) = [0.604, 0, 0]   (ii)')).toBe(
      'h_t = o_t * tanh(C_t) = [0.604, 0, 0]',
    );
    expect(normalizeMath('c_t = f_t * c_{t-1} + i_t * g_t   (4a)')).toBe('c_t = f_t * c_{t-1} + i_t * g_t');
    expect(normalizeMath('x = 5 - (3)')).toBe('x = 5 - (3)');
    expect(normalizeMath('C_t = [0.7, 0.2, 0.05] <- (i)')).toContain('(i)');
  });
  it('reads ASCII partial derivatives whose numerator has a subscript', () => {
    expect(normalizeMath('del h_t / del c_t = o_t')).toBe('dh_t/dc_t = o_t');
    expect(normalizeMath('del c_{t+1}/del c_t = f_{t+1}')).toBe('dc_{t+1}/dc_t = f_{t+1}');
    expect(normalizeMath('partial L / partial c_t')).toBe('dL/dc_t');
    // a spaced d, as typed: `d c_(t+1)/d c_t`; a variable d over another stays
    expect(normalizeMath('d c_(t+1)/d c_t = f_(t+1)')).toBe('dc_{t+1}/dc_t = f_{t+1}');
    expect(normalizeMath('size d / d c')).toBe('size d / d c');
  });
  it("reads markdown bold around an answer as emphasis, Python's ** as a power", () => {
    expect(normalizeMath('W_f is 3 x 5   **3 x 5**')).toBe('W_f is 3 x 5   3 x 5');
    expect(normalizeMath('tanh(0.7)**2')).toBe('tanh(0.7)^2');
    expect(normalizeMath('2 ** 3')).toBe('2^3');
  });
  it('finds mappings in arrows, dashes and tables', () => {
    const m = findMappings(['i. f_t → 3', 'it - 4, Ct-1 - 1', 'C̃t      6', 'OT: 8']);
    expect(m.map((x) => `${x.name}=${x.value}`)).toEqual(['f_t=3', 'i_t=4', 'c_{t-1}=1', 'c~_t=6', 'o_t=8']);
  });
  it('reads counts said in words', () => {
    expect(findNumberWords('No additional parameters are needed')[0].value).toBe(0);
    expect(findNumberWords('ZERO, nothing to learn').map((x) => x.value)).toContain(0);
    expect(findNumberWords('O additional parameters. The score is a plain dot product')[0]?.value).toBe(0);
  });
});

describe('layout and notation seen in real extractions', () => {
  const w = (text: string, x: number, y: number, width = 10) => ({ text, box: { x, y, w: width, h: 8 } });
  it('folds typeset fractions (numerator, operator, denominator lines) into one line', () => {
    const lines = [
      { text: '∂L ∂L ∂L', words: [w('∂L', 227, 548), w('∂L', 262, 548), w('∂L', 324, 548)] },
      {
        text: '∴ = ⊙ ot + ⊙ ft+1',
        words: [
          w('∴', 215, 556, 6),
          w('=', 247, 556, 6),
          w('⊙', 282, 556, 6),
          w('ot', 294, 556),
          w('+', 307, 556, 6),
          w('⊙', 349, 556, 6),
          w('ft+1', 360, 556, 16),
        ],
      },
      {
        text: '∂ct ∂ht ∂ct+1',
        words: [w('∂ct', 227, 564, 14), w('∂ht', 261, 564, 14), w('∂ct+1', 318, 564, 18)],
      },
    ];
    const [out] = linearizeFractions(lines);
    expect(out.text).toBe('∴ ∂L/∂ct = ∂L/∂ht ⊙ ot + ∂L/∂ct+1 ⊙ ft+1');
    const eq = findEquations([out.text])[0];
    expect(printExpr(eq.sides[1].expr!)).toBe('(d(l)/d(h_t) * o_t) + (d(l)/d(c_{t+1}) * f_{t+1})');
  });
  it('fraction bars typed as dashes in a monospaced block are bars, not minus signs (round 69)', () => {
    const lines = [
      { text: '∂L ∂L', words: [w('∂L', 150, 606, 12), w('∂L', 354, 606, 12)] },
      {
        text: '= ----- ⊙ o_t + --------- ⊙ f_(t+1)',
        words: [
          w('=', 132, 617, 6),
          w('-----', 144, 617, 30),
          w('⊙', 180, 617, 6),
          w('o_t', 192, 617, 18),
          w('+', 330, 617, 6),
          w('---------', 342, 617, 54),
          w('⊙', 402, 617, 6),
          w('f_(t+1)', 414, 617, 42),
        ],
      },
      { text: '∂h_t ∂c_(t+1)', words: [w('∂h_t', 150, 629, 24), w('∂c_(t+1)', 348, 629, 48)] },
    ];
    expect(linearizeFractions(lines).map((l) => l.text)).toEqual(['= ∂L/∂h_t ⊙ o_t + ∂L/∂c_(t+1) ⊙ f_(t+1)']);
  });
  it('a line of prose between two displays is no fraction middle; a slashed derivative no numerator', () => {
    const lines = [
      { text: '∂L/∂ht):', words: [w('∂L/∂ht):', 303, 313, 40)] },
      { text: '∂ct+1 ∂ht', words: [w('∂ct+1', 304, 326, 20), w('∂ht', 412, 326, 14)] },
      {
        text: '= diag(ft+1), = diag(ot)',
        words: [
          w('=', 332, 333, 6),
          w('diag(ft+1),', 341, 333, 40),
          w('=', 431, 333, 6),
          w('diag(ot)', 441, 333, 30),
        ],
      },
      { text: '∂ct ∂ct', words: [w('∂ct', 309, 340, 14), w('∂ct', 413, 340, 14)] },
      { text: 'Therefore', words: [w('Therefore', 303, 360, 40)] },
      { text: '∂L ∂L', words: [w('∂L', 318, 381), w('∂L', 348, 381)] },
      { text: '= ⊙ ot', words: [w('=', 335, 388, 6), w('⊙', 365, 388, 6), w('ot', 375, 388)] },
      { text: '∂ct ∂ht', words: [w('∂ct', 317, 395, 14), w('∂ht', 347, 395, 14)] },
    ];
    expect(linearizeFractions(lines).map((l) => l.text)).toEqual([
      '∂L/∂ht):',
      '∂ct+1/∂ct = diag(ft+1), ∂ht/∂ct = diag(ot)',
      'Therefore',
      '∂L/∂ct = ∂L/∂ht ⊙ ot',
    ]);
  });
  it('a derivative set inline in a sentence, its bar in a gap of the words, is read in place', () => {
    const lines = [
      { text: '∂L', words: [w('∂L', 402, 100)] },
      {
        text: 'so that influence is already inside . Therefore',
        words: [
          w('so that influence is already inside', 250, 107, 140),
          w('.', 418, 107, 3),
          w('Therefore', 425, 107, 40),
        ],
      },
      { text: '∂ht', words: [w('∂ht', 401, 114, 12)] },
    ];
    expect(linearizeFractions(lines).map((l) => l.text)).toEqual([
      'so that influence is already inside ∂L/∂ht . Therefore',
    ]);
  });
  it('reads Indian digit grouping, floor brackets, diag and spelt-out tildes', () => {
    expect(parseNumber('30,88,878')).toBe(3088878);
    // (a number raised to a power after another is no digit group: "… × 3 199^{2} · 16")
    expect(
      tokenize('3 199^{2}')
        .filter((t) => t.t === 'num')
        .map((t) => t.v),
    ).toEqual([3, 199, 2]);
    expect(
      tokenize('39 401 · 48')
        .filter((t) => t.t === 'num')
        .map((t) => t.v),
    ).toEqual([39401, 48]);
    expect(evaluateNumeric(parseExpr('⌊(200 − 4 + 2)/1⌋ + 1'))).toBe(199);
    expect(equivalent(parseExpr('diag(f_{t+1}) dL/dc_{t+1}'), parseExpr('dL/dc_{t+1} * f_{t+1}'))).toBe(true);
    expect(normalizeMath('Ctilde_t')).toBe('C~_t');
    // a word processor's math italic letters, h among them from Letterlike Symbols (ℎ)
    expect(normalizeMath('𝑒ₖⱼ = 𝑠ₖ₋₁ · ℎⱼ')).toBe('e_{kj} = s_{k-1} * h_j');
    // scripts stacked on one letter: the subscript is the letter's, the power is of both
    expect(normalizeMath('tanh (𝐶² ₜ)')).toBe('tanh (C_t^2)');
    // a spaced full stop: a dot product between symbols, the end of a sentence after a number
    expect(normalizeMath('e = s_{k-1} . h_j')).toBe('e = s_{k-1} * h_j');
    expect(normalizeMath('e_kj = s_k-1 . h_j')).toBe('e_kj = s_{k-1} * h_j');
    expect(normalizeMath('Output: 199 × 199 × 3 .\nPointwise')).toBe('Output: 199 * 199 * 3 .\nPointwise');
    // an inner-product bracket, numpy's @ and indexing, another side set in brackets
    expect(normalizeMath('e[k, j] = s[k-1] @ h[j]')).toBe('e_{kj} = s_{k-1} * h_{j}');
    expect(normalizeMath('e = ⟨s_{k-1}, h_j⟩')).toBe('e = (s_{k-1} * h_j)');
    expect(normalizeMath('e_kj = s^T h (= s · h)')).toBe('e_kj = s^T h = s * h');
    expect(normalizeMath('W[h, x] + b')).toBe('W[h, x] + b');
    // (a count restated in another scale is the count once, as after "≈": round 70)
    expect(normalizeMath('= 30,57,912 (= 3.06 million)').trim()).toBe('= 30,57,912');
    // ⊙ typed as (.), a subscript typed without braces before its offset
    expect(normalizeMath('f_t (.) C_t-1 + c_t+1')).toBe('f_t * C_{t-1} + c_{t+1}');
    expect(normalizeMath('h_t - 1 and 0.5_t-1.5')).toBe('h_t - 1 and 0.5_t-1.5');
    expect(normalizeMath('𝐶²ₜ₊₁')).toBe('C_{t+1}^2');
    // a space a word processor set between a letter and its subscript characters
    expect(normalizeMath('(1 − tanh²(c ₜ))')).toBe(normalizeMath('(1 − tanh²(cₜ))'));
    expect(equivalent(parseExpr('ht .* (1 - (tanh(ct))2)'), parseExpr('h_t * (1 - tanh(c_t)^2)'))).toBe(true);
    expect(equivalent(parseExpr('ot o tanh(Ct)'), parseExpr('o_t * tanh(C_t)'))).toBe(true);
  });
  it('reads decimal commas in a semicolon-separated vector, and leaves digit groups alone', () => {
    expect(normalizeMath('(1 · tanh 0,7; 0 · tanh 0,2) = (0,604; 0; 0)')).toBe(
      // (a bracket of plain entries is a vector: its semicolons read as commas)
      '(1 * tanh 0.7; 0 * tanh 0.2) = (0.604, 0, 0)',
    );
    expect(normalizeMath('total 3,088,878; mults 1,900,848')).toBe('total 3,088,878; mults 1,900,848');
    expect(normalizeMath('(0,5, 0,2)')).toBe('(0,5, 0,2)');
  });
  it('reads answers given by the question’s own enumeration', () => {
    expect(findEnumeratedAnswers(['(i) 3   (ii) 4   (iii) 8']).map((e) => [e.index, e.value])).toEqual([
      [0, 3],
      [1, 4],
      [2, 8],
    ]);
    expect(findEnumeratedAnswers(['i. f_t → 3'])).toEqual([]);
  });
});

describe('pdfTeX text layers (testkit latex scripts)', () => {
  it('a transpose extracted before its subscript belongs to the subscripted symbol', () => {
    expect(normalizeMath('ekj = s⊤k−1hj')).toContain('s_{k-1}^T');
    expect(normalizeMath('ekj = h⊤j sk−1')).toContain('h_j^T');
    expect(normalizeMath('ekj = sTk−1hj')).toContain('s_{k-1}^T');
    // not an index: v^T tanh(...) stays a transposed v
    expect(normalizeMath('ekj = v⊤tanh(W sk−1)')).toContain('v^Ttanh');
  });
  it('inline fractions side by side, `.*` typed in math, \\circ as ◦', () => {
    expect(normalizeMath('dL/dct = dL/dhtdht/dct + dL/dct+1dct+1/dct')).toBe(
      'dL/dct = dL/dht dht/dct + dL/dct+1 dct+1/dct',
    );
    expect(normalizeMath('Ct = ft. ∗ Ct−1')).not.toContain('.');
    expect(normalizeMath('ht = ot ◦ tanh(Ct)')).toBe('ht = ot * tanh(Ct)');
    expect(normalizeMath('tanh(0.7) ˜ 0.6')).toBe('tanh(0.7) = 0.6');
  });
  it('a product sign left on a line of its own goes back before the factor', () => {
    expect(normalizeMath('QT\n∂L/∂c1 = ∂L/∂cT t=2 ft+ (terms)')).toBe('dL/dc1 = dL/dcT t=2 prod ft+ (terms)');
    expect(normalizeMath('∏\nthe cell path gives ft from t = 2 to T.')).toBe(
      'the cell path gives prod ft from t = 2 to T.',
    );
    // "i.e." ends the formula (it becomes a semicolon)
    expect(normalizeMath('∑\nekj = m sk−1,mhj,m i.e.')).toBe('ekj = sum_m sk-1,mhj,m ;');
    // a lone Q line without an indexed factor after it is left alone
    expect(normalizeMath('Q\nwhat is asked')).toBe('Q\nwhat is asked');
    expect(normalizeMath('Q\ndL/dc1 ∝ Tt=2ft (cell path)')).toBe('dL/dc1 ∝ Tt=2prod ft (cell path)');
  });
});

describe('pdfTeX fractions (word boxes as pdflatex output gives them)', () => {
  type B = [string, number, number, number, number];
  const L = (ws: B[]) => ({
    text: ws.map((x) => x[0]).join(' '),
    words: ws.map(([text, x, y, w, h]) => ({ text, box: { x, y, w, h } })),
  });
  it('big brackets and their square on a line of their own above (\\Bigl( \\tfrac{…}{1} + 1 \\Bigr)^2) go back into the line below', () => {
    // (jd-11's pdfTeX text layer: \Bigl( and \Bigr) are cmex glyphs 16 and 17, stored as U+F010 and U+F011)
    const lines = [
      L([
        ['\uf010', 370.4, 221.1, 6.5, 10.9],
        ['\uf011', 439.0, 221.1, 6.5, 10.9],
        ['2', 445.5, 226.2, 4.2, 8.0],
      ]),
      L([
        ['#mult', 324.6, 233.3, 33.0, 10.9],
        ['=', 361.2, 233.3, 8.5, 10.9],
        ['(200+2·1−4)/(1)', 378.1, 231.3, 42.0, 16.0],
        ['+', 422.6, 233.3, 8.5, 10.9],
        ['1', 433.5, 233.3, 5.5, 10.9],
        ['·', 452.7, 233.3, 3.0, 10.9],
        ['3', 458.1, 233.3, 5.5, 10.9],
        ['·', 466.0, 233.3, 3.0, 10.9],
        ['10', 471.5, 233.3, 11.0, 10.9],
      ]),
    ];
    const out = linearizeFractions(lines).map((l) => l.text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^#mult = \( /);
    expect(evaluateNumeric(parseExpr(normalizeMath(out[0]).split('=')[1]))).toBe(199 * 199 * 30);
  });
  it('a line of big brackets with a word that is no exponent stays where it is', () => {
    const lines = [
      L([
        ['\uf010', 370.4, 221.1, 6.5, 10.9],
        ['\uf011', 439.0, 221.1, 6.5, 10.9],
        ['where', 460.0, 221.1, 25.0, 10.9],
      ]),
      L([
        ['(200+2·1−4)/(1)', 378.1, 231.3, 42.0, 16.0],
        ['+', 422.6, 233.3, 8.5, 10.9],
        ['1', 433.5, 233.3, 5.5, 10.9],
      ]),
    ];
    expect(linearizeFractions(lines).map((l) => l.text)[1]).toBe('(200+2·1−4)/(1) + 1');
  });
  it('tall brackets around 1 − tanh² (cmex glyphs 0 and 1 on the numerators’ row) come back into the line', () => {
    const lines = [
      L([
        ['∂L', 150.6, 591.5, 13.8, 10.9],
        ['∂L', 183.0, 591.5, 13.8, 10.9],
        ['\u0000', 234.7, 590.1, 5.0, 10.9],
        ['\u0001', 301.8, 590.1, 5.0, 10.9],
        ['∂L', 327.2, 591.5, 13.8, 10.9],
      ]),
      L([
        ['=', 169.0, 598.9, 8.5, 10.9],
        ['⊙', 201.6, 598.9, 8.5, 10.9],
        ['o', 212.5, 598.9, 5.3, 10.9],
        ['t', 217.8, 602.9, 3.1, 8.0],
        ['⊙', 223.8, 598.9, 8.5, 10.9],
        ['1', 239.7, 598.9, 5.5, 10.9],
        ['−', 247.6, 598.9, 8.5, 10.9],
        ['tanh', 258.5, 598.9, 21.8, 10.9],
        ['2', 280.3, 596.8, 4.2, 8.0],
        ['(', 285.0, 598.9, 4.2, 10.9],
        ['c', 289.3, 598.9, 4.7, 10.9],
        ['t', 294.0, 602.9, 3.1, 8.0],
        [')', 297.5, 598.9, 4.2, 10.9],
        ['+', 309.2, 598.9, 8.5, 10.9],
        ['⊙', 350.4, 598.9, 8.5, 10.9],
        ['f', 361.3, 598.9, 5.3, 10.9],
        ['t', 366.7, 602.9, 3.1, 8.0],
        ['+1', 369.7, 602.9, 10.8, 8.0],
      ]),
      L([
        ['∂c', 150.1, 606.4, 11.1, 10.9],
        ['t', 161.3, 610.4, 3.1, 8.0],
        ['∂h', 181.7, 606.4, 12.7, 10.9],
        ['t', 194.4, 610.4, 3.1, 8.0],
        ['∂c', 321.3, 606.4, 11.1, 10.9],
        ['t', 332.4, 610.4, 3.1, 8.0],
        ['+1', 335.5, 610.4, 10.8, 8.0],
      ]),
    ];
    const [out] = linearizeFractions(lines).map((l) => l.text);
    expect(
      equivalent(
        parseExpr(normalizeMath(out).split('=')[1]),
        parseExpr('dL/dh_t * o_t * (1 - tanh(c_t)^2) + dL/dc_{t+1} * f_{t+1}'),
      ),
    ).toBe(true);
  });
  it('tall brackets set on the denominators’ row above their own line go back to it', () => {
    const lines = [
      L([
        ['\u2202h', 241.4, 554.3, 13.6, 12.0],
        ['t', 255.0, 559.3, 3.1, 8.0],
        ['\u2202c', 315.0, 554.3, 11.9, 12.0],
        ['t', 326.9, 559.3, 3.1, 8.0],
        ['+1', 330.0, 559.3, 10.8, 8.0],
      ]),
      L([
        ['\u03b4c', 179.7, 562.4, 10.7, 12.0],
        ['t', 190.4, 567.4, 3.1, 8.0],
        ['=', 197.3, 562.4, 9.1, 12.0],
        ['\u03b4h', 209.7, 562.4, 12.4, 12.0],
        ['t', 222.1, 567.4, 3.1, 8.0],
        ['\u2299', 228.3, 562.4, 9.3, 12.0],
        ['+', 262.4, 562.4, 9.1, 12.0],
        ['\u03b4c', 274.2, 562.4, 10.7, 12.0],
        ['t', 284.9, 567.4, 3.1, 8.0],
        ['+1', 287.9, 567.4, 10.8, 8.0],
        ['\u2299', 301.9, 562.4, 9.3, 12.0],
      ]),
      L([
        ['\u2202c', 242.3, 570.6, 11.9, 12.0],
        ['t', 254.2, 575.6, 3.1, 8.0],
        ['\u0000', 264.0, 577.0, 5.5, 12.0],
        ['\u2202c', 320.4, 570.6, 11.9, 12.0],
        ['t', 332.3, 575.6, 3.1, 8.0],
        ['\u0001', 335.8, 577.0, 5.5, 12.0],
      ]),
      L([
        ['=', 197.3, 586.6, 9.1, 12.0],
        ['\u03b4h', 209.7, 586.6, 12.4, 12.0],
        ['t', 222.1, 591.6, 3.1, 8.0],
        ['\u2299', 228.3, 586.6, 9.3, 12.0],
        ['o', 240.3, 586.6, 5.6, 12.0],
        ['t', 245.9, 591.6, 3.1, 8.0],
        ['\u2299', 252.1, 586.6, 9.3, 12.0],
        ['1', 269.5, 586.6, 5.9, 12.0],
        ['\u2212', 278.0, 586.6, 9.3, 12.0],
        ['tanh', 290.0, 586.6, 23.4, 12.0],
        ['2', 313.4, 584.7, 4.2, 8.0],
        ['(', 318.1, 586.6, 4.6, 12.0],
        ['c', 322.7, 586.6, 5.0, 12.0],
        ['t', 327.7, 591.6, 3.1, 8.0],
        [')', 331.3, 586.6, 4.6, 12.0],
        ['+', 344.0, 586.6, 9.1, 12.0],
        ['\u03b4c', 355.7, 586.6, 10.7, 12.0],
        ['t', 366.4, 591.6, 3.1, 8.0],
        ['+1', 369.5, 591.6, 10.8, 8.0],
        ['\u2299', 383.4, 586.6, 9.3, 12.0],
        ['f', 395.4, 586.6, 5.8, 12.0],
        ['t', 401.2, 591.6, 3.1, 8.0],
        ['+1', 404.2, 591.6, 10.8, 8.0],
      ]),
    ];
    const out = linearizeFractions(lines).map((l) => l.text);
    // the fraction line, then the next line with its brackets (the emptied-out row is gone)
    expect(out).toHaveLength(2);
    const rhs = normalizeMath(out[1]).replace(/^\s*=/, '').replace(/δ/g, 'dL/d');
    expect(
      equivalent(
        parseExpr(normalizeMath(rhs)),
        parseExpr('dL/dh_t * o_t * (1 - tanh(c_t)^2) + dL/dc_{t+1} * f_{t+1}'),
      ),
    ).toBe(true);
  });
  it('a display fraction inside an equation line, with a stray superscript and the tilde of C̃', () => {
    const lines = [
      L([
        ['∂h', 300.2, 536.4, 11.6, 10],
        ['t', 311.8, 540.3, 3, 7],
        ['2', 391.3, 541.1, 4, 7],
      ]),
      L([
        ['h', 205, 543.2, 5.7, 10],
        ['t', 210.7, 547.1, 3, 7],
        ['=', 217, 543.2, 7.7, 10],
        ['o', 227.5, 543.2, 4.8, 10],
        ['t', 232.4, 547.1, 3, 7],
        ['⇒', 286.3, 543.2, 10, 10],
        ['=', 319.3, 543.2, 7.7, 10],
        ['tanh', 371.3, 543.2, 19.9, 10],
        ['(', 395.7, 543.2, 3.9, 10],
        ['c', 399.6, 543.2, 4.3, 10],
        ['t', 403.9, 547.1, 3, 7],
        [')', 407.4, 543.2, 3.9, 10],
      ]),
      L([
        ['∂c', 300.9, 550, 10.2, 10],
        ['t', 311.1, 553.9, 3, 7],
      ]),
      // extraction put the equation line before the numerator row raised by the accent
      L([
        ['c', 207.5, 572.1, 4.3, 10],
        ['=', 228.2, 572.1, 7.7, 10],
        ['C', 318.6, 572.1, 7.1, 10],
        ['⇒', 342, 572.1, 10, 10],
        ['=', 383.7, 572.1, 7.7, 10],
        ['f', 394.2, 572.1, 4.9, 10],
      ]),
      L([
        ['˜', 320.8, 569.6, 5, 10],
        ['∂c', 356, 565.4, 10.2, 10],
        ['t', 366.1, 569.3, 3, 7],
        ['+1', 369.1, 569.3, 10.1, 7],
      ]),
      L([
        ['∂c', 361, 579, 10.2, 10],
        ['t', 371.2, 582.9, 3, 7],
      ]),
    ];
    const out = linearizeFractions(lines).map((l) => l.text);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('⇒ ∂ht/∂ct =');
    expect(out[0]).toContain('tanh^2(ct)');
    expect(out[1]).toContain('⇒ ∂ct+1/∂ct =');
    expect(out[1]).not.toContain('˜');
  });
  it('inline fractions stacked in the line, their subscripts in and below the line', () => {
    const lines = [
      L([
        ['Therefore', 87.3, 614.6, 41.8, 10],
        ['∂c', 133.6, 620.4, 8.2, 7],
        ['∂L', 134.3, 613, 10.1, 7],
        ['=', 149.1, 614.6, 7.7, 10],
        ['∂h', 160.9, 620.4, 9.4, 7],
        ['∂L', 162.1, 613, 10.1, 7],
        ['+', 277.8, 614.6, 4.4, 10],
        ['∂c', 285.6, 620.4, 8.2, 7],
        ['∂L', 290.6, 613, 10.1, 7],
        ['f', 319.1, 614.6, 4.9, 10],
      ]),
      L([
        ['t', 141.9, 623, 2.8, 5],
        ['t', 170.2, 623, 2.8, 5],
        ['t', 293.9, 623, 2.8, 5],
        ['+1', 296.7, 623, 8.5, 5],
      ]),
      L([
        ['⇒', 177.8, 637.5, 10.9, 10.9],
        ['dh', 192.9, 635.5, 9.2, 8],
        ['dc', 193.6, 643.6, 8, 8],
        ['t', 202.2, 638.1, 2.9, 6],
        ['=', 209.8, 637.5, 8.5, 10.9],
      ]),
      L([['t', 201.6, 646.2, 2.9, 6]]),
    ];
    const out = linearizeFractions(lines).map((l) => l.text);
    expect(out).toEqual(['Therefore ∂L/∂ct = ∂L/∂ht + ∂L/∂ct+1 f', '⇒ dht/dct =']);
  });
  it("an aligned display's rows with tall brackets touching a numerator and transposes raised from the middle row", () => {
    // (∂h_t/∂c_t)^⊤ ∂L/∂h_t + …, then = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh² c_t) + ∂L/∂c_{t+1} ⊙ f_{t+1}: the
    // brackets are cmex glyphs pdfTeX gives as control codes (stored as U+F0xx), set against ∂h
    const lines = [
      L([
        ['∂L', 68, 740.2, 10, 10],
        ['\uf010', 95, 735.9, 6, 10],
        ['∂h', 101, 740.2, 12, 10],
        ['t', 114, 744.1, 3, 7],
        ['\uf011', 119, 735.9, 4, 10],
        ['⊤', 123, 740.3, 5, 7],
        ['∂L', 128.5, 740.2, 10, 10],
      ]),
      L([['=', 85, 746.9, 8, 10]]),
      L([
        ['∂c', 67, 753.8, 10, 10],
        ['t', 77, 757.7, 3, 7],
        ['∂c', 103, 753.8, 10, 10],
        ['t', 113, 757.7, 3, 7],
        ['∂h', 128, 753.8, 11, 10],
        ['t', 139, 757.7, 3, 7],
      ]),
    ];
    const [out] = linearizeFractions(lines).map((l) => l.text);
    expect(out).toBe('∂L/∂ct = ( ∂ht/∂ct ) ⊤ ∂L/∂ht');
  });
  it('a superscript of several words, "R^{3×5}" its ×, its 5 apart, stays one superscript', () => {
    const lines = [
      L([
        ['W', 50, 100, 10, 10],
        ['f', 60, 104, 3, 7],
        ['∈', 70, 100, 8, 10],
        ['R', 82, 100, 8, 10],
        ['3', 90.5, 96, 4, 7],
        ['×', 94.8, 96, 5, 7],
        ['5', 100, 96, 4, 7],
        ['=', 110, 100, 8, 10],
        ['a', 120, 100, 8, 10],
        ['b', 130, 100, 8, 10],
      ]),
      L([['t', 63.5, 104, 3, 7]]),
    ];
    expect(subscriptsToTheirBase(lines)[0].text).toBe('Wft ∈ R^{3×5} = a b');
  });
  it("a subscript set on the row below (a display's column-vector row) goes back beside its base", () => {
    // C_{t−1}'s "t−1" on the row of the vectors' bracket pieces, at the subscripts' height above
    const lines = [
      L([
        ['C', 125, 262.6, 8, 12],
        ['t', 133, 267.6, 3, 8],
        ['=', 140, 262.6, 8, 12],
        ['f', 153, 262.6, 5, 12],
        ['t', 158, 267.6, 3, 8],
        ['⊙', 165, 262.6, 9, 12],
        ['C', 177, 262.6, 8, 12],
        ['+', 202, 262.6, 9, 12],
      ]),
      L([
        ['\uf8eb', 153, 271.6, 6, 12],
        ['t', 185, 267.6, 3, 8],
        ['−', 188, 267.6, 6, 8],
        ['1', 194.5, 267.6, 3, 8],
        ['\uf8eb', 221, 271.6, 6, 12],
      ]),
    ];
    const out = subscriptsToTheirBase(lines);
    expect(out[0].text).toBe('Ct = ft ⊙ Ct−1 +');
    expect(out[1].words.map((w) => w.text)).toEqual(['\uf8eb', '\uf8eb']);
    // (a small word away from any base stays where it is)
    const apart = subscriptsToTheirBase([lines[0], L([['t', 240, 267.6, 3, 8]])]);
    expect(apart[1].words).toHaveLength(1);
  });
  it('a symbolic fraction beside a numeric one on the same rows ("W − F + 2P over S", then "200 − 4 + 2 over 1")', () => {
    const lines = [
      L([
        ['W', 215, 322.2, 12, 10.9],
        ['−', 229, 322.2, 8, 10.9],
        ['F', 240, 322.2, 7, 10.9],
        ['+', 251, 322.2, 8, 10.9],
        ['2', 262, 322.2, 5, 10.9],
        ['P', 267, 322.2, 7, 10.9],
        ['200', 311, 322.2, 16, 10.9],
        ['−', 330, 322.2, 8, 10.9],
        ['4', 341, 322.2, 5, 10.9],
        ['+', 351, 322.2, 7, 10.9],
        ['2', 361, 322.2, 5, 10.9],
      ]),
      L([
        ['W', 176, 329.6, 10, 10.9],
        ['out', 186, 333.6, 12, 8],
        ['=', 202, 329.6, 8, 10.9],
        ['+', 279, 329.6, 8, 10.9],
        ['1', 290, 329.6, 5, 10.9],
        ['=', 301, 329.6, 8, 10.9],
        ['+', 369, 329.6, 8, 10.9],
        ['1', 379, 329.6, 5, 10.9],
        ['=', 390, 329.6, 8, 10.9],
        ['199.', 400, 329.6, 18, 10.9],
      ]),
      L([
        ['S', 241, 337.1, 6, 10.9],
        ['1', 336, 337.1, 5, 10.9],
      ]),
    ];
    expect(linearizeFractions(lines).map((l) => l.text)).toEqual([
      'Wout = (W − F + 2P)/(S) + 1 = (200 − 4 + 2)/(1) + 1 = 199.',
    ]);
    // (lines a text's spacing apart are no fraction)
    const spaced = lines.map((l, k) => ({
      ...l,
      words: l.words.map((w) => ({ ...w, box: { ...w.box, y: w.box.y + k * 8 } })),
    }));
    expect(linearizeFractions(spaced)).toHaveLength(3);
  });
  it('a line without stacked derivatives is left as it is', () => {
    const line = L([
      ['dL/dc', 100, 500, 30, 10],
      ['=', 140, 500, 8, 10],
      ['x', 150, 500, 5, 10],
    ]);
    expect(linearizeFractions([line]).map((l) => l.text)).toEqual([line.text]);
  });
});

describe('a shape in brackets of its own', () => {
  it('"= 3 (3 x 1)" is a shape; "2 * (3 x 5)", "(3 x 5) + 3" and "4*(3*5 + 3)" are arithmetic', () => {
    expect(findDimensions('dim(b_f) = 3 (3 x 1)')[0]).toMatchObject({ dims: [3, 1], inArithmetic: false });
    expect(findDimensions('2 * (3 x 5)')[0]).toMatchObject({ dims: [3, 5], inArithmetic: true });
    expect(findDimensions('(3 x 5) + 3')[0]).toMatchObject({ dims: [3, 5], inArithmetic: true });
    expect(findDimensions('4*(3*5 + 3)').every((d) => d.inArithmetic)).toBe(true);
  });
});

describe('a bullet read as `*` is no product', () => {
  it('a shape before the next line’s bullet, or after its own, is a shape', () => {
    expect(findDimensions('* Output after depthwise: 199 * 199 * 3\n* Multiplications: 16')[0]).toMatchObject(
      {
        dims: [199, 199, 3],
        inArithmetic: false,
      },
    );
    expect(findDimensions('* 199 x 199 x 3 after depthwise')[0]).toMatchObject({ inArithmetic: false });
    expect(findDimensions('2 + 3 x 5')[0]?.inArithmetic).toBe(true);
  });
});

describe('the last side of an equation: its first clause when only that reads', () => {
  it('a stray glyph, a tag or words after a comma are cut; a list of numbers never is', () => {
    const sides = (t: string) => findEquations([t]).map((e) => e.sides.map((x) => x.text));
    expect(sides('ekj = s_k^T h_j, P')).toEqual([['ekj', 's_k^T h_j']]);
    expect(sides('ekj = s_k^T h_j, (2)')).toEqual([['ekj', 's_k^T h_j']]);
    expect(sides('C_t = 0.7, 0.2, 0.05')).toEqual([['C_t', '0.7, 0.2, 0.05']]);
    expect(sides('e = s_k * h_j (dot)')).toEqual([['e', 's_k * h_j']]);
  });
});

describe('decimal marks', () => {
  it("British print's raised decimal point after a lone 0 is a decimal point; between whole numbers a product", () => {
    expect(normalizeMath('tanh 0·7 = 0·6044, C = (0·7, 0·2, 0·05)')).toBe(
      'tanh 0.7 = 0.6044, C = (0.7, 0.2, 0.05)',
    );
    expect(normalizeMath('199·199·3 and 0·0.8 and 2·1')).toBe('199*199*3 and 0*0.8 and 2*1');
  });
  it('tgh, the hyperbolic tangent as continental Europe writes it, is tanh', () => {
    expect(normalizeMath('1 − tgh²(c_t)')).toBe('1 - tanh^2(c_t)');
  });
});

describe('Python written as maths (round 58)', () => {
  const value = (t: string) => evaluateNumeric(parseExpr(normalizeMath(t)));
  it('floor division and int() between whole numbers evaluate; a // comment is left alone', () => {
    expect(value('(200 + 2*1 - 4)//1 + 1')).toBe(199);
    expect(value('int((200 + 2 - 4)/1) + 1')).toBe(199);
    expect(value('1 - np.tanh(0.7)**2')).toBeCloseTo(1 - Math.tanh(0.7) ** 2, 9);
    expect(normalizeMath('C = f*C_prev + i*C_tilde  // elementwise')).not.toMatch(/C~\s*\/\s*elementwise/);
  });
  it("a dictionary's quoted keys map their positions", () => {
    expect(findMappings(['{"f_t": 3, "i_t": 4, \'o_t\': 8}']).map((m) => [m.name, m.value])).toEqual([
      ['f_t', 3],
      ['i_t', 4],
      ['o_t', 8],
    ]);
  });
});

describe('a table of positions drawn in ASCII (round 58)', () => {
  it('a row of names and, past the border under it, the row of positions', () => {
    const m = findMappings([
      '+---------+-----+-----+-----+',
      '| var     | fₜ  | iₜ  | oₜ  |',
      '+---------+-----+-----+-----+',
      '| pos.    |  6  |  7  |  9  |',
      '+---------+-----+-----+-----+',
    ]);
    expect(m.map((x) => [x.name, x.value])).toEqual([
      ['f_t', 6],
      ['i_t', 7],
      ['o_t', 9],
    ]);
  });
});

describe('a number restated in other digit groups (round 58)', () => {
  it('"30,88,878 (3,088,878 ≈ 3.09e+06)" is the number once; the sum before it evaluates', () => {
    const t = normalizeMath('19,00,848 + 11,88,030 = 30,88,878 (3,088,878 ≈ 3.09e+06)');
    expect(t).toBe('19,00,848 + 11,88,030 = 30,88,878');
    expect(normalizeMath('3,088,878 (≈ 3.09e+06 multiplications)')).not.toContain('3.09');
  });
});

describe('paths drawn backwards and restatements in brackets (round 70)', () => {
  it('a chain from the loss back to the variable reads forward; other "<-" stays', () => {
    expect(normalizeMath('L ⟵ h_T ⟵ c_T ⟵ … ⟵ c_(t+1) ⟵ c_t')).toBe(
      'c_t -> c_{t+1} -> ... -> c_T -> h_T -> L',
    );
    expect(normalizeMath('L <-- h_T <-- c_t+1 <--(f_t+1)-- c_t')).toBe('c_t -> c_{t+1} -> h_T -> L');
    expect(normalizeMath('x<-1')).toBe('x<-1');
    expect(normalizeMath('a <- b = 3')).toBe('a <- b = 3');
  });
  it('"(= 3.12 × 10^{6})" after a count restates it; "(= 5)" without a scale stays', () => {
    expect(normalizeMath('Total = 19,20,000 + 12,00,000 = 31,20,000 (= 3.12 × 10^{6})').trim()).toBe(
      'Total = 19,20,000 + 12,00,000 = 31,20,000',
    );
    expect(normalizeMath('x = 5 (= 5)')).toBe('x = 5 (= 5)');
  });
  it('a digit group\'s comma braced for TeX, "$1{,}900{,}848$", is a digit group', () => {
    expect(normalizeMath('total : $1{,}900{,}848 + 1{,}188{,}030 = \\mathbf{3{,}088{,}878}$')).toBe(
      'total : 1,900,848 + 1,188,030 = 3,088,878',
    );
  });
});

describe("Python's sum and product over a range (round 58)", () => {
  it('prod(f[k] for k in range(2, T+1)) is the product of f_k for k = 2 … T', () => {
    expect(normalizeMath('dL/dc_T * prod(f[k] for k in range(2, T+1))')).toBe('dL/dc_T * prod_{k=2}^T f_{k}');
    expect(normalizeMath('np.sum(f[k] for k in range(2, T))')).toBe('sum_{k=2}^{T-1} f_{k}');
    expect(normalizeMath('g = g * f[t + 1]')).toBe('g = g * f_{t+1}');
    // (a vector in brackets is no index)
    expect(normalizeMath('h = [0.6, 0, 0]')).toBe('h = [0.6, 0, 0]');
  });
});

describe('counts with a unit prefix (round 59)', () => {
  it('"1.92M + 1.2M = 3.12M", "3.09 MMAC", "0.07K" are the numbers they stand for', () => {
    expect(findNumbers('Total = 1.92M + 1.2M = 3.12M multiplications').map((n) => n.value)).toEqual([
      1920000, 1200000, 3120000,
    ]);
    expect(findNumbers('≈ 3.09 MMAC').map((n) => n.value)).toEqual([3090000]);
    expect(evaluateNumeric(parseExpr(normalizeMath('1.92M + 1.2M')))).toBe(3120000);
    // (a letter after the capital is a word, not a unit's prefix)
    expect(normalizeMath('3 Maps')).toBe('3 Maps');
    // (nor is a capital opening the next line: "… × 10" over "M = M_dw + M_pw", round 120)
    expect(
      findDimensions(normalizeMath('after pointwise: 199 x 199 x 10\nM = 3,088,878')).map((d) => d.dims),
    ).toEqual([[199, 199, 10]]);
  });
});

describe('positions glued to their names by a hyphen (round 71)', () => {
  it('reads "ft-2" as f_t at 2: no step t − 2 is asked about, while t − 1 stays the previous cell state', () => {
    const m = findMappings(['ft-2 it-4 ot-9 Ct-7 Ct-1 - 1 C~t-5']);
    expect(m.map((x) => `${x.name}=${x.value}`)).toEqual([
      'f_t=2',
      'i_t=4',
      'o_t=9',
      'c_t=7',
      'c_{t-1}=1',
      'c~_t=5',
    ]);
    // (written as an index in braces it is the symbol's own index, no position)
    expect(findMappings(['f_{t-2} is not used']).length).toBe(0);
  });
});

describe('a full stop typed as a product sign (round 71)', () => {
  it('"ot.tanh(Ct)" is o_t times tanh(C_t); "w.r.t" and "Eq.(5)" stay abbreviations', () => {
    expect(tokenize('ht=ot.tanh(ct)').map((t) => t.v)).toEqual([
      'h_t',
      '=',
      'o_t',
      '*',
      'tanh',
      '(',
      'c_t',
      ')',
    ]);
    expect(tokenize('(1,0,0).(0.6,0.2,0.05)').some((t) => t.t === 'op' && t.v === '*')).toBe(true);
    expect(tokenize('grad w.r.t c_t').some((t) => t.t === 'op' && t.v === '*')).toBe(false);
    expect(tokenize('see Eq.(5)').some((t) => t.t === 'op' && t.v === '*')).toBe(false);
  });
});

describe('derivatives and products typed in plain letters (round 71)', () => {
  it('"del ht/del ct" and "(del ct+1)/(del ct)" are derivatives; "x" before a bracket, "o." and a spaced dot after "ct+1" are products', () => {
    expect(normalizeMath('del ht/del ct = ot')).toBe('dht/dct = ot');
    expect(normalizeMath('(del ct+1)/(del ct) = ft+1')).toBe('dct+1/dct = ft+1');
    expect(normalizeMath('dL/dh_t * o_t x (1 - tanh^2(c_t))')).toBe('dL/dh_t * o_t * (1 - tanh^2(c_t))');
    expect(normalizeMath('dL/dh_t o. o_t')).toBe('dL/dh_t * o_t');
    expect(normalizeMath('del L/del ct+1 . ft+1')).toBe('dL/dct+1 * ft+1');
    // ("(x)" spaced between operands, a circled times; "tank(", a typo; a bulleted statement's "* ")
    expect(normalizeMath('h_t = o_t (x) tanh(C_t)')).toBe('h_t = o_t  *  tanh(C_t)');
    expect(normalizeMath('ht = ot ⊙ tank(Ct)')).toBe('ht = ot * tanh(Ct)');
    expect(normalizeMath('* h_t = o_t * tanh(C_t)')).toBe('  h_t = o_t * tanh(C_t)');
    // (a function's argument, and a product's sign opening a continued line, stay)
    expect(normalizeMath('f(x) = x')).toBe('f(x) = x');
    expect(normalizeMath('* f_{t+1}, where')).toBe('* f_{t+1}, where');
    // (a sentence's own x and full stop stay: "the input x (a vector)", "… goes to o. Then")
    expect(normalizeMath('the input x (a vector)')).toBe('the input x (a vector)');
    expect(normalizeMath('goes to o. Then')).toBe('goes to o. Then');
  });
});

describe('lakh groups set with spaces (round 71)', () => {
  it('"30 88 878" and "19 00 848" are one number each; "10 20 30" stays three', () => {
    expect(findNumbers('30 88 878 = 3,088,878').map((n) => n.value)).toEqual([3088878, 3088878]);
    expect(findNumbers('19 00 848').map((n) => n.value)).toEqual([1900848]);
    expect(findNumbers('10 20 30').map((n) => n.value)).toEqual([10, 20, 30]);
  });
});

describe('round 72: positions set apart by long arrows or dashes, or listed bare in order', () => {
  it('"f_t ⟹ 3", "ft — 3" map the name to its position', () => {
    expect(findMappings(['A: f_t ⟹ 3, i_t ⟹ 5, C_{t-1} ⟹ 1']).map((m) => [m.name, m.value])).toEqual([
      ['f_t', 3],
      ['i_t', 5],
      ['c_{t-1}', 1],
    ]);
    expect(findMappings([' ft — 3', ' Ct — 10']).map((m) => [m.name, m.value])).toEqual([
      ['f_t', 3],
      ['c_t', 10],
    ]);
  });
  it('"2, 3, 6, 10, 1, 4" alone on its line gives the positions in the question\'s order; a shape or a sentence does not', () => {
    expect(findEnumeratedAnswers(['2, 3, 6, 10, 1, 4']).map((e) => [e.index, e.value])).toEqual([
      [0, 2],
      [1, 3],
      [2, 6],
      [3, 10],
      [4, 1],
      [5, 4],
    ]);
    expect(findEnumeratedAnswers(['199, 199, 3'])).toEqual([]);
    expect(findEnumeratedAnswers(['the gates are 2, 3, 6 and 10'])).toEqual([]);
  });
});

describe('round 78: a physicist’s notation', () => {
  it('"1.86 x 10^6": a power of ten after a times sign typed as x is one number; "199 x 199" stays two', () => {
    expect(findNumbers(normalizeMath('total = 1.86 x 10^6')).map((n) => n.value)).toEqual([1860000]);
    expect(findNumbers(normalizeMath('199 x 199')).map((n) => n.value)).toEqual([199, 199]);
  });
  it('a Greek index glued into a symbol (pdfTeX’s "sμk hjμ") breaks no equation: its later sides are read', () => {
    const [eq] = findEquations(['ekj = sμk hjμ = ⟨sk, hj⟩']);
    expect(eq.sides).toHaveLength(3);
    expect(equivalent(eq.sides[2].expr!, parseExpr('s_k * h_j'))).toBe(true);
    // (a Greek word after a space is still a word: "where α is learnt")
    expect(findEquations(['e = s h where α is learnt'])[0].sides).toHaveLength(2);
  });
});

describe('round 79: MATLAB and Julia operators', () => {
  it('".+", ".−", "./" and a broadcast call "tanh.(c)" read as the operators and the call', () => {
    expect(normalizeMath('a .* b .+ c ./ d .− e').replace(/\s+/g, ' ')).toBe('a * b + c / d - e');
    expect(normalizeMath('h = o .* tanh.(C)').replace(/\s+/g, ' ')).toBe('h = o * tanh(C)');
    // (a decimal's point is no operator: "0.5 + 1.5")
    expect(normalizeMath('0.5 + 1.5')).toBe('0.5 + 1.5');
  });
});

describe('round 80: a shape closing a bracket of words', () => {
  it('"3 (a column 3 x 1)" is a shape; "(2 + 3 x 1)" stays arithmetic', () => {
    expect(findDimensions('f_t: 3 (a column 3 x 1).')[0]).toMatchObject({
      dims: [3, 1],
      inArithmetic: false,
    });
    expect(findDimensions('y = (2 + 3 x 1)')[0]?.inArithmetic ?? true).toBe(true);
  });
});

describe('round 82: a matrix written out in symbols', () => {
  it('its size after it, "W_f = ((w31 w32 w33)) (5 × 3)", is kept; a shape tagged on after an expression is dropped', () => {
    expect(normalizeMath('Wf = ( ( w31 w32 w33 ) ) (5 × 3)')).toContain('(5 * 3)');
    expect(findDimensions(normalizeMath('Wf = (w31 w32 w33) (5 × 3)'))[0]).toMatchObject({ dims: [5, 3] });
    expect(normalizeMath('h = o ⊙ tanh(c) (3 × 1)')).not.toContain('3 * 1');
  });
});

describe('a hand\'s tanh converted to text as "tank" (round 99)', () => {
  it('is tanh before its argument or its power; the word elsewhere stays', () => {
    expect(normalizeMath('(1 - tank^2(c_t))')).toBe(normalizeMath('(1 - tanh^2(c_t))'));
    expect(normalizeMath('tank(0.7) = 0.604')).toBe(normalizeMath('tanh(0.7) = 0.604'));
    expect(normalizeMath('a tank of water')).toContain('tank');
  });
});

describe("a decimal comma's reader (round 109): th for tanh, vectors with semicolons in round brackets", () => {
  it('"th" is tanh before its argument or its power; "4th" and "the" stay', () => {
    expect(normalizeMath('h_t = o_t ∘ th(C_t)')).toBe(normalizeMath('h_t = o_t ∘ tanh(C_t)'));
    expect(normalizeMath('(1 − th²c_t)')).toBe(normalizeMath('(1 − tanh²c_t)'));
    expect(normalizeMath('th 0,7 ≈ 0,604; ok')).toContain('tanh 0.7');
    expect(normalizeMath('the 4th gate')).toBe('the 4th gate');
  });
  it('"(th 0,7; 0; 0)" is a vector of three entries, its decimal comma a point', () => {
    expect(normalizeMath('(th 0,7; 0; 0) ≈ (0,604; 0; 0)')).toBe('(tanh 0.7, 0, 0) = (0.604, 0, 0)');
    // (a bracket of words with a semicolon stays)
    expect(normalizeMath('(see above; it is 3)')).toBe('(see above; it is 3)');
  });
});

describe('typed fractions in a monospaced block (round 118)', () => {
  // words as a monospaced text layer gives them: 3.7 points a character
  const w = (text: string, x: number, y: number) => ({ text, box: { x, y, w: text.length * 3.7, h: 8 } });
  const line = (y: number, ...ws: Array<[string, number]>) => ({
    text: ws.map(([t]) => t).join(' '),
    words: ws.map(([t, x]) => w(t, x, y)),
  });
  it('a denominator wider than its bar stays right of the operator before the bar; a "2" short of tanh squares it', () => {
    const lines = [
      line(171, ['dL', 76], ['dL', 112], ['2', 184], ['dL', 245]),
      line(
        185,
        ['----', 73],
        ['=', 95],
        ['----', 110],
        ['*', 133],
        ['o_t', 142],
        ['*', 160],
        ['(1', 169],
        ['-', 183],
        ['tanh', 192],
        ['c_t)', 214],
        ['+', 242],
        ['--------', 261],
        ['*', 297],
        ['f_t', 305],
      ),
      line(200, ['dc_t', 73], ['dh_t', 111], ['dc_(t+1)', 234]),
    ];
    expect(linearizeFractions(lines).map((l) => l.text)).toEqual([
      'dL/dc_t = dL/dh_t * o_t * (1 - tanh^2 c_t) + dL/dc_(t+1) * f_t',
    ]);
  });
});

describe('hats on computed quantities (round 120)', () => {
  it('"Ĉt", "ĥ_t" and "\\hat{C}_t" are the quantities themselves; ŷ (the prediction) stays apart from y', () => {
    expect(normalizeMath('Ĉt = ĥ_t + \\hat{C}_t')).toBe('Ct = h_t + C_t');
    expect(normalizeMath('ŷ_T − y_T')).toContain('ŷ');
  });
});

describe('a shape as a key and its list (round 123)', () => {
  it('"\\"depthwise_out\\": [199, 199, 3]" and "out_shape: [199, 199, 10]" are shapes; "o_t = [1, 0, 0]" is not', () => {
    expect(findDimensions('"depthwise_out": [199, 199, 3]').map((d) => d.dims)).toEqual([[199, 199, 3]]);
    expect(findDimensions('out_shape: [199, 199, 10]').map((d) => d.dims)).toEqual([[199, 199, 10]]);
    expect(findDimensions('o_t = [1, 0, 0]')).toEqual([]);
  });
});

describe('a ledger’s figures (round 124)', () => {
  it('dot leaders before a figure say what the item comes to; "72/-" is 72; an ellipsis is no leader', () => {
    expect(normalizeMath('Depthwise 198 x 198 x 48 .............. 18,81,792')).toBe(
      'Depthwise 198 x 198 x 48 = 18,81,792',
    );
    expect(normalizeMath('Total = 30,57,912/-')).toBe('Total = 30,57,912');
    expect(normalizeMath('f_2 * f_3 * .... * f_T')).toBe('f_2 * f_3 * .... * f_T');
    expect(normalizeMath('1, 2, ..., 10')).toBe('1, 2, ..., 10');
  });
});

describe('a table’s answer column beside its working (round 135)', () => {
  it('"C~_t feed the + together   iii. 8": the numeral before the position says whose it is, no name maps', () => {
    const lines = ['C~_t feed the "+" together,   iii. 8', 'o_t is the last sigmoid,   iv. 11'];
    expect(findMappings(lines)).toEqual([]);
    expect(findEnumeratedAnswers(lines).map((e) => [e.index, e.value])).toEqual([
      [2, 8],
      [3, 11],
    ]);
    // (a name with a note before its position, no numeral: still its position)
    expect(findMappings(['iii. o_t (the last sigmoid) 9']).map((m) => [m.name, m.value])).toEqual([
      ['o_t', 9],
    ]);
  });
});

describe('positions led by three dots, subscripts set apart (vf-08, ts-04)', () => {
  it('"f_t ... 3" and "f t = 3", "C t-1 = 1", "C tilde t = 6" map their names', () => {
    expect(findMappings(['i f_t ... 3', 'vi C~_t ... 6']).map((m) => [m.name, m.value])).toEqual([
      ['f_t', 3],
      ['c~_t', 6],
    ]);
    expect(
      findMappings(['f t = 3', 'o t = 10', 'C t-1 = 1', 'C tilde t = 6']).map((m) => [m.name, m.value]),
    ).toEqual([
      ['f_t', 3],
      ['o_t', 10],
      ['c_{t-1}', 1],
      ['c~_t', 6],
    ]);
  });
});
