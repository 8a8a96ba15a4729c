import { describe, expect, it } from 'vitest';
import {
  findLabel,
  labelWords,
  numbersForLetters,
  outlineQuestions,
  PartTree,
  romanForLetters,
  romanLetteredQuestions,
  romanQuestions,
} from './labels.ts';
import { plainForms } from './pdf.ts';

// A made-up exam with the same nesting kinds as CT3 (question / letter / roman numeral), and
// different ids, so nothing here can pass by knowing CT3.
const tree = new PartTree([
  { id: 'q1a', path: ['1', 'a'] },
  { id: 'q1b1', path: ['1', 'b', 'i'] },
  { id: 'q1b2', path: ['1', 'b', 'ii'] },
  { id: 'q2a', path: ['2', 'a'] },
  { id: 'q2b', path: ['2', 'b'] },
  { id: 'q3a', path: ['3', 'a'] },
  { id: 'q3b', path: ['3', 'b'] },
  { id: 'q3c', path: ['3', 'c'] },
  { id: 'q4a', path: ['4', 'a'] },
  { id: 'q5', path: ['5'] },
  { id: 'q10', path: ['10'] },
]);

const id = (text: string, ctx: string[] = []) => findLabel(text, tree, ctx)?.partId ?? null;
const rest = (text: string, ctx: string[] = []) => {
  const l = findLabel(text, tree, ctx);
  return l ? text.slice(l.end) : null;
};

describe('findLabel: label styles', () => {
  it.each([
    ['1(b)(i)', 'q1b1'],
    ['1(b)(ii) h = 3', 'q1b2'],
    ['Q1 b) i) Ans: C = {0.7}', 'q1b1'],
    ['Q1 b) ii)', 'q1b2'],
    ['1.b.i', 'q1b1'],
    ['Ans 1.b.ii', 'q1b2'],
    ['Ans 3(c)', 'q3c'],
    ['Ans 1.a', 'q1a'],
    ['Question 4 part (a)', 'q4a'],
    ['Question 4 part (a): the gradient', 'q4a'],
    ['(5)', 'q5'],
    ['Q5', 'q5'],
    ['Q5 199 × 199 × 3', 'q5'],
    ['5.', 'q5'],
    ['5', 'q5'],
    ['1(a)', 'q1a'],
    ['Q2 A) E = S H', 'q2a'],
    ['Q3 B)', 'q3b'],
    ['Q.3 (c)', 'q3c'],
    ['Q 2 b) 0', 'q2b'],
    ['3c) 72', 'q3c'],
    ['1b.ii', 'q1b2'],
    ['Ans. 2(b) zero', 'q2b'],
    ['Q10', 'q10'],
    ['2 (a)', 'q2a'],
    ['Ans. to Q.3(a)', 'q3a'],
    ['Answer to question number 1 (a)', 'q1a'],
    ['Q no. 5', 'q5'],
    ['Q-1/b/i', 'q1b1'],
    ['Q-3/(b) b_f = 3 x 1', 'q3b'],
    ['Q-1/(b)/(ii)', 'q1b2'],
    ['Ans 1/b/ii', 'q1b2'],
    ['Sol-1/b/i', 'q1b1'],
    ['Sol-3/a Wf acts on [h, x]', 'q3a'],
    ['(1a)', 'q1a'],
    ['(1b-i) C_t = [0.7]', 'q1b1'],
    ['3.1) 3 × 5', 'q3a'],
  ])('%s -> %s', (text, want) => {
    expect(id(text)).toBe(want);
  });

  it('returns the answer after the label on the same line', () => {
    expect(rest('Q1 b) i) Ans: C = {0.7}')).toBe('Ans: C = {0.7}');
    expect(rest('Q5 199 × 199 × 3')).toBe('199 × 199 × 3');
    expect(rest('Q1 a) i. f_t → 3')).toBe('i. f_t → 3');
    expect(rest('Question 4 part (a): the gradient')).toBe('the gradient');
    expect(rest('3c) 72')).toBe('72');
  });

  it('marks bare labels as weak and prefixed ones as strong', () => {
    expect(findLabel('5.', tree)?.weak).toBe(true);
    expect(findLabel('Q5', tree)?.weak).toBe(false);
    expect(findLabel('(5)', tree)?.weak).toBe(false);
  });

  it('gives inner nodes (a question with sub-parts) as context, not as a part', () => {
    const l = findLabel('Q1', tree);
    expect(l?.path).toEqual(['1']);
    expect(l?.partId).toBeNull();
    expect(findLabel('Q1 b)', tree)?.path).toEqual(['1', 'b']);
  });
});

describe('findLabel: a question with a word for what its row holds', () => {
  it('"5 (sizes)" and "5 (mults)" are question 5; "3 (three) gates" and "5 (ii)" are not', () => {
    expect(id('5 (sizes)')).toBe('q5');
    expect(rest('5 (mults) 3,120,000')).toBe('3,120,000');
    expect(id('3 (three) gates')).toBeNull();
    expect(id('5 (ii)')).toBeNull();
  });
  it('a bracketed question number with its question copied out after it heads the question: "[3]  Q: …"', () => {
    expect(findLabel('[3]    Q: x_t is 2-dim, c_t is 3-dim.', tree, ['2'])?.path).toEqual(['3']);
    // (with working after it, it numbers a line of working)
    expect(findLabel('[3] W_f is 3 x 5', tree, ['2'])).toBeNull();
  });

  it('a sub-part and its sub-sub-part in one bracket under a question heading: "(b-i)", "(b–ii)"', () => {
    expect(id('(b-i) C_t = f ⊙ C + i ⊙ C~', ['1'])).toBe('q1b1');
    expect(rest('(b–ii) h_t = o ⊙ tanh(C_t)', ['1'])).toBe('h_t = o ⊙ tanh(C_t)');
  });

  it('a correction headed in another language: "Korrektur zu 1(b)(ii)", "Corrección a 3c", "Correção da 2b"', () => {
    expect(id('Korrektur zu 1(b)(ii): Ich habe das tanh vergessen')).toBe('q1b2');
    expect(id('Corrección a 3(c): olvidé los sesgos')).toBe('q3c');
    expect(id('Correção da 2(b):')).toBe('q2b');
    // (a word of the answer is no lead: "Korrektur" alone names no part)
    expect(id('Korrektur: siehe oben')).toBeNull();
  });
  it('a correction set off by asterisks: "*** correction to 1(b)(i): …"', () => {
    expect(id('*** correction to 1(b)(i): I multiplied the wrong gates')).toBe('q1b1');
  });

  it('a capital letter’s mark before a label starts no sentence: "P2.a With decoder state …" (round 116)', () => {
    expect(id('P2.a With decoder state s and encoder states h')).toBe('q2a');
    expect(rest('P2.a With decoder state s')).toBe('With decoder state s');
    // (a word's sentence going on after a part it names is prose)
    expect(id('Unroll 4.(a) from t = 1 up to T')).toBeNull();
    expect(id('P2.a with decoder state s')).toBeNull();
  });

  it('an outline’s arrow before a bracketed or Q label: "=> [Q3]", "-> [Q3]-a : …" (round 118)', () => {
    expect(id('=> [Q5]')).toBe('q5');
    expect(id('-> [Q3]-a : W_f multiplies x_t')).toBe('q3a');
    expect(rest('-> [Q3]-a : W_f multiplies x_t')).toBe('W_f multiplies x_t');
    expect(id('-> [Q1]-b-i')).toBe('q1b1');
    expect(id('→ Q1(b)(ii) h = 3')).toBe('q1b2');
    // (an arrow before a number or a word is a step's result)
    expect(id('=> 24 parameters')).toBeNull();
    expect(id('-> x_t = 2, c_t = 3')).toBeNull();
  });

  it('pdfTeX’s \\longrightarrow between components, a minus joined to an arrow: "Soln 2 −→ b" (round 118)', () => {
    expect(id('Soln 2 −→ b')).toBe('q2b');
    expect(id('Soln 1 −→ b −→ (i)')).toBe('q1b1');
  });

  it('a capital letter glued to the script’s labels heads a question with its introduction: "P3 z_t = …" (round 118)', () => {
    const words = new Set(['p']);
    expect(findLabel('P3 z_t = [h, x] in R^5, gates in R^3.', tree, [], { labelWords: words })?.path).toEqual(
      ['3'],
    );
    // (not without that mark being the script's)
    expect(findLabel('P3 z_t = [h, x] in R^5, gates in R^3.', tree, [])).toBeNull();
  });

  it('a continuation note in brackets names its part: "(Q-4 a contd.) …" (round 115, md-12)', () => {
    expect(id('(Q-4 a contd.) In a plain RNN the gradient vanishes')).toBe('q4a');
    expect(rest('(Q-4 a contd.) In a plain RNN the gradient vanishes')).toBe(
      'In a plain RNN the gradient vanishes',
    );
    expect(id('(contd. 3b) the bias is per gate')).toBe('q3b');
    expect(id('[2(b) continued] no new weights')).toBe('q2b');
    // a note that names no part, or more than a part, is the student's prose
    expect(id('(contd. from page 2) the gradient')).toBeNull();
    expect(id('(continued) the gradient')).toBeNull();
    expect(id('(see 4a contd.) x')).toBeNull();
  });
});

describe("findLabel: a booklet's box titled between rules (round 92)", () => {
  it('"=== Box 1(a) ====" names its part, "=== Box 1(b) ====" its question\'s part; prose is no box', () => {
    expect(id('=== Box 1(a) ==========')).toBe('q1a');
    expect(findLabel('=== Box 1(b) =========', tree)?.path).toEqual(['1', 'b']);
    expect(id('=== Box 5 ===')).toBe('q5');
    expect(findLabel('Box 4 is the input gate', tree)).toBeNull();
  });
});

describe('findLabel: a question number that multiplies (round 95)', () => {
  it('"4(15) + 4(3) = 72" wrapped to a line start is a product; "4 (a)" is a label', () => {
    expect(findLabel('4(15) + 4(3) = 60 + 12 = 72', tree)).toBeNull();
    expect(id('4 (a) two paths')).toBe('q4a');
  });
});

describe('findLabel: an answer numbered "A-1 (b)(i)" (round 94)', () => {
  it('reads A and its dash as an answer\'s mark; "a-1 = 2" stays maths', () => {
    expect(id('A-1 (a)')).toBe('q1a');
    expect(id('A-1 (b)(ii)')).toBe('q1b2');
    expect(id('A-5')).toBe('q5');
    expect(findLabel('a-1 = 2', tree)).toBeNull();
  });
});

describe("findLabel: a mark of the student's own before a whole label", () => {
  it('any short word or sign before a label that names a part', () => {
    expect(id('Task 1 a)')).toBe('q1a');
    expect(id('Exercise 2.b')).toBe('q2b');
    expect(id('§1(b)(i)')).toBe('q1b1');
    expect(id('ad 1a)')).toBe('q1a');
    expect(id('Nr. 1 (a)')).toBe('q1a');
    expect(id('Answer to 1.(a) f goes to 3')).toBe('q1a');
    expect(id('A1.b.i')).toBe('q1b1');
    expect(id('qn1 pt b(i):')).toBe('q1b1');
    expect(id('Problem 1, part (a)')).toBe('q1a');
    expect(id('Ques. 1 → (b) → ii')).toBe('q1b2');
    expect(id('Correction to P1(b)-i: f goes with C')).toBe('q1b1');
    expect(id('Q2 ▸ (b)')).toBe('q2b');
    expect(id('Ques-1 » a')).toBe('q1a');
    // two sub-parts in one bracket: the first is the label, "+ii)" is left for the segmenter
    expect(id('Ans1.b(i+ii)')).toBe('q1b1');
    expect(id('Q1/b/i : f and i swapped above')).toBe('q1b1');
    expect(id('correction to Q1/b/i: x')).toBe('q1b1');
    expect(id('Q1/a')).toBe('q1a');
    expect(rest('Ans1.b(i+ii) C_t = f_t*C')).toBe('+ii) C_t = f_t*C');
    expect(rest('Task 1 a) f goes to 3')).toBe('f goes to 3');
  });
  it('not a sentence about a part, nor a symbol with its value', () => {
    expect(id('In 1(a) we had')).toBeNull();
    expect(id('Unrolling 4(a) from T down to 1')).toBeNull();
    expect(id('Unroll 4.(a) from t = 1 up to T:')).toBeNull();
    expect(id('  Unroll 4 a down to t = 1, the cell-path term is')).toBeNull();
    expect(id('Using 1.(b)(i) we get C_t')).toBeNull();
    expect(id('still 2a')).toBeNull();
    expect(id('more of 3(b)')).toBeNull();
    expect(findLabel('ft 3', tree)).toBeNull();
    expect(findLabel('Ct 10', tree)).toBeNull();
    // numbered lines of working: "[2] i_t ⊙ C~_t = …" is not question 2
    expect(findLabel('[2] i_t (.) C~_t = [1*0.5, 0*0, 0.5*0.1]', tree)).toBeNull();
    expect(id('[1a] f_t : 3')).toBe('q1a');
  });
  it('a sub-part in square brackets after its question: "Q1. [a] …", "Q1. [b.i] …"', () => {
    expect(id('Q1. [a] f_t = 4, i_t = 8')).toBe('q1a');
    expect(id('Q1.  [b.i] C_t = f_t*C_t-1')).toBe('q1b1');
    expect(rest('Q1. [b.i] C_t = f')).toBe('C_t = f');
    expect(findLabel('Q5 [depthwise] output 198', tree)?.path).toEqual(['5']);
  });
});

describe('findLabel: statement numbers of a theorem-proof write-up', () => {
  it('"Claim 5." and "Lemma 3" number statements; with a sub-part the word marks a label', () => {
    expect(id('Claim 5. No additional parameters are needed')).toBe(null);
    expect(id('Lemma 3')).toBe(null);
    expect(id('Proposition 1(b)(i)')).toBe('q1b1');
    expect(id('Problem 5')).toBe('q5');
  });
  it('a script that labels its parts "Proposition 1(b)(i)" labels question 5 "Proposition 5"', () => {
    const words = labelWords(['Proposition 1(a)', 'f_t: 5', 'Proposition 1(b)(i)', 'Claim 2. C_t = 0.7']);
    expect([...words]).toEqual(['proposition']);
    expect(findLabel('Proposition 5. Since padding is 1', tree, [], { labelWords: words })?.partId).toBe(
      'q5',
    );
    expect(findLabel('Claim 5. No additional parameters', tree, [], { labelWords: words })).toBe(null);
  });
});

describe('findLabel: labels said in words', () => {
  it.each([
    ['First question, first part (matching the variables)', 'q1a'],
    ['First question, second part, (i)', 'q1b1'],
    ['Second question, second part', 'q2b'],
    ['Regarding Q1, sub-part (b), item (ii)', 'q1b2'],
    ['Regarding Q5', 'q5'],
    ['Coming to Q.2 a), the score is', 'q2a'],
    ['In Q.4 a), L depends on c(t)', 'q4a'],
    ['For Q.1 b) ii), o(t) works like a mask', 'q1b2'],
    ['For Q.3 a) and b), W_f multiplies', 'q3a'],
    ['Ques. 1 → part a', 'q1a'],
    ['1st Question, (b)(ii)', 'q1b2'],
    ['PROBLEM ONE (b)(i)', 'q1b1'],
    ['Q. One (b) ii', 'q1b2'],
    ['Sub-question 3.a', 'q3a'],
    ['[ Q3(c) response ]', 'q3c'],
    ['1/b/ii : h_t = o_t', 'q1b2'],
    ['3/b bf: 3 × 1', 'q3b'],
    ['Correction to 1st Question, (b)(ii)', 'q1b2'],
    ['Question the first', null],
    ['Question the third', null],
  ])('%s', (text, want) => {
    expect(id(text)).toBe(want);
  });
  it('"Question the first" heads question 1, "Question the third" question 3', () => {
    expect(findLabel('Question the first', tree)?.path).toEqual(['1']);
    expect(findLabel('Question the third', tree)?.path).toEqual(['3']);
    expect(id('question the first is hard')).toBeNull();
  });
  it('a sentence with a number word is no label', () => {
    expect(id('question one is hard')).toBeNull();
    expect(id('the first question was easy')).toBeNull();
    expect(id('Second, the part that matters')).toBeNull();
  });
});

describe('findLabel: context inheritance', () => {
  it('a bare roman numeral after 1 b) i) is 1b.ii', () => {
    expect(id('ii) h = 0.6', ['1', 'b', 'i'])).toBe('q1b2');
    expect(id('(ii)', ['1', 'b', 'i'])).toBe('q1b2');
  });
  it('a bare letter after 3 a) is 3b', () => {
    expect(id('b) 3', ['3', 'a'])).toBe('q3b');
    expect(id('(c) 72', ['3', 'b'])).toBe('q3c');
  });
  it('i) after Q1 b) is 1b.i', () => {
    expect(id('i) C = 0.7', ['1', 'b'])).toBe('q1b1');
  });
  it('a digit starts a new question even inside a context', () => {
    expect(id('2(a) dot product', ['1', 'b', 'ii'])).toBe('q2a');
  });
  it('a bare letter with no context is not a label', () => {
    expect(id('b) 3')).toBeNull();
  });
});

describe('findLabel: OCR confusions', () => {
  it.each([
    ['I(a)', 'q1a'], // I for 1 (a roman one, on a text layer too)
    ['Q1 b) Il)', 'q1b2'], // ii read as Il
    ['Q1 b) 1)', 'q1b1'], // i read as 1
    ['Q1 b) l)', 'q1b1'], // i read as l
  ])('%s -> %s', (text, want) => {
    expect(id(text)).toBe(want);
  });
  it('a question number read in a letter like it only on an OCR line: a typed "S:" is a speaker', () => {
    expect(findLabel('S: No, 3 is the addition node', tree)).toBeNull();
    expect(findLabel('S: No, 3 is the addition node', tree, [], { ocr: true })?.partId).toBe('q5');
  });
  it.each([
    ['l(a)', 'q1a'], // l for 1
    ['Q1O', 'q10'], // 0 read as O
    ['1(6)(i)', 'q1b1'], // (b) read as (6)
    ['1(3)(i)', 'q1b1'], // a block-capital B read as 3
    ['Q1 8) ii)', 'q1b2'], // b read as 8
    ['Q3 (e)', 'q3c'], // c read as e
    ['O3 C) 3 X 5', 'q3c'], // Q read as O
    ['03 A) 3 x 5', 'q3a'], // Q read as 0
    ['G4 A) DL/DC', 'q4a'], // Q read as G
    ['QS DEPTHWISE', 'q5'], // 5 read as S after Q
  ])('on an OCR line %s -> %s', (text, want) => {
    expect(findLabel(text, tree, [], { ocr: true })?.partId).toBe(want);
  });
  it('on a typed line "Qt" is pdfTeX\'s ∏ glyph and its index, not a misread Q1', () => {
    expect(findLabel('Qt If f_t = 1 the product is 1', tree)).toBeNull();
  });
  it('on a typed line a digit is not a misread sub-label ("6 is the tanh layer" inside 1(a))', () => {
    expect(findLabel('6 is the tanh layer whose output', tree, ['1', 'a'])).toBeNull();
    expect(findLabel('6 is the tanh layer whose output', tree, ['1', 'a'], { ocr: true })?.path).toEqual([
      '1',
      'b',
    ]);
  });
  it('on a scan, "V. C_{t-1} -> 1" inside 1(a)\'s roman list is its item v, not question V', () => {
    expect(findLabel('V. Ct-1 -> 1', tree, ['1', 'a'], { ocr: true, bare: true })).toBeNull();
    expect(findLabel('IV (a) the two paths', tree, ['3', 'c'], { ocr: true })?.partId).toBe('q4a');
    // typed: an all-caps 1(a) list "(IV) C_t : 2" is its items; "II. Attention" is a heading
    expect(findLabel('(IV)  C_t      : 2', tree, ['1', 'a'], { bare: true })).toBeNull();
    expect(findLabel('(I)   f_t      : 4', tree, ['1', 'a'], { bare: true })).toBeNull();
    expect(findLabel('II. Attention', tree, ['1', 'a'])?.path).toEqual(['2']);
  });
  it('questions numbered in capital roman numerals ("II(a)", "IV(b)")', () => {
    expect(id('II(a) e_kj = s h')).toBe('q2a');
    expect(id('IV(a) the two paths')).toBe('q4a');
    expect(id('III(c) 72')).toBe('q3c');
  });
  it('outline numbering: "1.1 Matching …" is 1(a), "1.2.1 C_t" is 1(b)(i); "2.1 × 3" and "1.5 kg" are numbers', () => {
    expect(id('1.1 Matching of variables')).toBe('q1a');
    expect(id('1.2.1 C_t = f ⊙ C')).toBe('q1b1');
    expect(id('1.2.2 h_t')).toBe('q1b2');
    expect(findLabel('2.1 × 3 = 6.3', tree, [])).toBeNull();
    expect(findLabel('1.5 kg of weights', tree, [])).toBeNull();
  });
  it('outline numbers in a LaTeX list (round 69): "1.2 1.2.1 C_t" is 1(b)(i); "2.2 0. …" inside question 2 is 2(b)', () => {
    expect(id('1.2 1.2.1 Ct = ft ⊙ Ct−1 + it ⊙ C̃t')).toBe('q1b1');
    // its answer's own digits after the number, while the question it numbers is read
    expect(findLabel('2.2 0. Dot-product scoring, softmax', tree, ['2', 'a'])?.path).toEqual(['2', 'b']);
    expect(findLabel('3.3 4 (3 · 5 + 3) = 4 · 18 = 72 parameters.', tree, ['3', 'b'])?.path).toEqual([
      '3',
      'c',
    ]);
    // (elsewhere, and for a first section, a number followed by digits stays a number)
    expect(findLabel('2.2 0. Dot-product scoring, softmax', tree, ['1', 'b'])).toBeNull();
    expect(findLabel('3.1 4 (3 · 5 + 3)', tree, ['3', 'a'])).toBeNull();
  });
  it('a correction names its part with a Q glued to the number ("Correction to Q1(b)(ii)", "Correction: Q3(c)")', () => {
    expect(id('Correction to Q1(b)(ii) (I forgot the tanh above,')).toBe('q1b2');
    expect(id('Correction: Q3(c) 72')).toBe('q3c');
  });
  it('a number before a times sign written x is arithmetic, not the next question ("4 x (15 + 3) = 72")', () => {
    expect(findLabel('4 x (15 + 3) = 72 parameters', tree, ['3', 'c'], { bare: true })).toBeNull();
    expect(findLabel('4 the two paths add up', tree, ['3', 'c'], { bare: true })?.path).toEqual(['4']);
  });
  it('a capital roman numeral before a title in capitals heads its question ("III     LSTM SIZE"), asked for bare', () => {
    expect(findLabel('III     LSTM SIZE', tree, ['2', 'b'], { bare: true })?.path).toEqual(['3']);
    expect(findLabel('III     LSTM SIZE', tree, ['2', 'b'])).toBeNull();
    // (a sentence in capitals after "I" is the student speaking)
    expect(findLabel('I     AM DOING Q5 FIRST', tree, [], { bare: true })).toBeNull();
  });
  it('"Task q.k" alone on its line: the k-th sub-part, else the k-th part of the question in order', () => {
    expect(id('Task 1.1')).toBe('q1a');
    expect(id('Task 1.3')).toBe('q1b2');
    expect(id('Task 3.3')).toBe('q3c');
    expect(id('Item 3.2: b_f is 3')).toBe('q3b');
    // a question with no sub-parts in sections: its one part each time
    expect(id('Task 5.2')).toBe('q5');
    // no label word: a number alone on its line is not a label
    expect(findLabel('1.3', tree, [])).toBeNull();
  });
  it('a label in Markdown bold ("**2 (a)** e_kj = …") ends after the emphasis', () => {
    const l = findLabel('**2 (a)** e_kj = s h', tree, []);
    expect(l?.partId).toBe('q2a');
    expect('**2 (a)** e_kj = s h'.slice(l?.end)).toBe('e_kj = s h');
  });
  it('a heading between rules or after hashes is a label ("=== Part 1 ===", "## Q2")', () => {
    expect(findLabel('=== Part 1 ===', tree, [])?.path).toEqual(['1']);
    expect(findLabel('## Q2', tree, [])?.path).toEqual(['2']);
    expect(findLabel('=== 3 + 2 = 5 ===', tree, [])).toBeNull();
  });
  it('on a typed line a number is not a misread Q ("0.2 + 0.5" in a matrix row)', () => {
    expect(findLabel('0.2 + 0.5 0.7', tree, [])).toBeNull();
    expect(findLabel('03 A) 3 x 5', tree, [])).toBeNull();
  });
  it('on OCR lines: Q1 read as Qt or Ql, and a lost Q before a bare part number with its answer', () => {
    expect(findLabel('Qta)if->3', tree, [], { ocr: true })?.partId).toBe('q1a');
    expect(findLabel('Qla) f -> 3', tree, [], { ocr: true })?.partId).toBe('q1a');
    // block capitals: Q read as @, 1 as I
    expect(findLabel('@IB) II) H = O', tree, [], { ocr: true })?.partId).toBe('q1b2');
    expect(findLabel('5 199 x 199 x 3', tree, [], { ocr: true })?.partId).toBe('q5');
    expect(findLabel('5 199 x 199 x 3', tree, [])).toBeNull();
    // still not for a question with sub-parts, nor for sums
    expect(findLabel('3 + 2 = 5', tree, [], { ocr: true })?.partId ?? null).toBeNull();
  });
  it('costs label confidence', () => {
    expect(findLabel('1(6)(i)', tree)?.conf).toBeLessThan(findLabel('1(b)(i)', tree)?.conf ?? 0);
    expect(findLabel('1(b)(i)', tree)?.conf).toBe(1);
  });
});

describe('findLabel: answer content is not a label', () => {
  it.each([
    ['1st: 1 × 0.2 + 1 × 0.5 = 0.7', []],
    ['2nd: 0.5 × 0.4 = 0.2', []],
    ['3 + 2 = 5', []],
    ['3 × 5', ['4', 'a']],
    ['(200 + 2 − 4)/1 + 1 = 199', []],
    ['199 × 199 × 3, 199 × 199 × 10, 3088878', []],
    ['4 gates (f, i, o, C̃), each with a 3 × 5 matrix', []],
    ['3×5', ['3', 'a']],
    ['i. f_t → 3', ['1', 'a']],
    ['ii. i_t → 4', ['1', 'a']],
    ['iv. C_t → 10', ['1', 'a']],
    ['a dot product of the two states', ['2', 'a']],
    ['I matched these by following the arrows', ['1', 'a']],
    ['(I matched these by following the arrows)', ['1', 'a']],
    ['bf is 3 × 1, one bias', ['3', 'b']],
    ['Ans: C_t = {0.7, 0.2, 0.05}', ['1', 'b', 'i']],
    ['Ans: 5 apples', []],
    ['0 additional parameters.', ['2', 'b']],
    ['(3, 5)', []],
    ['5apples', []],
    // a sentence wrapped after a numeral ("… first (III and" / "V), then I, II and IV.")
    ['V), then I, II and IV.', []],
    // a shape answered after "Ans." is not question 5's answer
    ['Ans. 5 x 3', []],
    ['Answer: 5 × 1', []],
  ])('%s', (text, ctx) => {
    expect(findLabel(text, tree, ctx as string[])?.partId ?? null).toBeNull();
  });
  it('a relative label for the part we are in is content ("i." inside 1b.i)', () => {
    expect(findLabel('i) first component', tree, ['1', 'b', 'i'])).toBeNull();
  });

  it('reads labels that pdfTeX glued a big operator or its limit to, and labels in brackets', () => {
    expect(id('PQ2 a) e_kj = s')).toBe('q2a');
    expect(id('Q2j b) none')).toBe('q2b');
    expect(id('[1b] (ii) h')).toBe('q1b2');
    expect(rest('[1b] (ii) h')).toBe('h');
    expect(id('Correction to [3c]: 72')).toBe('q3c');
    expect(id('1-b-ii h = 0.6')).toBe('q1b2');
    expect(id('Part 5')).toBe('q5');
    expect(id('[h, x] is 5')).toBeNull();
  });
});

describe('findLabel: a lead-in in the student’s own language; a heading the context would swallow', () => {
  it('"Korrektur zu Task 1 - b - ii" and "Nachtrag: Ex. 3.c" name a sub-part; a word before a bare question number does not', () => {
    expect(id('>>> Korrektur zu Task 1 - b - ii : I forgot the tanh.')).toBe('q1b2');
    expect(id('Nachtrag: Ex. 3.c the biases')).toBe('q3c');
    expect(findLabel('Remember Task 1 was easy', tree, [])).toBeNull();
    expect(findLabel('Because Ex. 3.c needs it', tree, [])).toBeNull();
  });
  it('"II" alone inside 1b.ii is question II, not the sub-part already being answered', () => {
    const l = findLabel('II', tree, ['1', 'b', 'ii']);
    expect(l?.path).toEqual(['2']);
    // "ii." inside 1b.ii stays content
    expect(findLabel('ii. the second entry is 0', tree, ['1', 'b', 'ii'])).toBeNull();
  });
});

describe('findLabel: a margin tag in angle brackets', () => {
  it('"<1a>", "<1b-ii>", "<5>" name their parts; a comparison "<3 and" does not', () => {
    expect(rest('<1a>    Matching to the numbered positions')).toBe('Matching to the numbered positions');
    expect(id('<1b-ii> tanh(C_t) = [0.6044, 0.1974, 0.05]')).toBe('q1b2');
    expect(id('<5> 199 x 199 x 3')).toBe('q5');
    expect(findLabel('<3 and more', tree, [])).toBeNull();
  });
});

describe('findLabel: a longer word of the student’s own before a whole label', () => {
  it('"Proposition 1(b)(i)." and "Correction to Proposition 1(b)(i):" name 1(b)(i)', () => {
    expect(id('Proposition 1(b)(i). C_t = (0.7, 0.2, 0.05)')).toBe('q1b1');
    expect(id('Correction to Proposition 1(b)(i): the third entry is 0.05')).toBe('q1b1');
  });
});

describe('findLabel: the part named before its question, and dashes', () => {
  it('"Part (ii) of 1(b)" is 1b.ii even after 1b.i (not "(ii)" of the context); a range of 1(a)’s items is 1a', () => {
    expect(id('Part (ii) of 1(b)', ['1', 'b', 'i'])).toBe('q1b2');
    expect(id('Part (a) of 2', ['1', 'b', 'ii'])).toBe('q2a');
    expect(id('Part (b) of Q3: b_f is 3 × 1')).toBe('q3b');
    expect(rest('Part (b) of Q3: b_f is 3 × 1')).toBe('b_f is 3 × 1');
    expect(id('Part (i)–(vi) of 1(a)')).toBe('q1a');
    // (question 5 has no sub-parts: its "part (a)" is the question)
    expect(id('Part (a) of 5', ['4', 'a'])).toBe('q5');
    expect(id('Part (c) of 3 is the hardest one')).toBeNull();
  });
  it('"Part 1-A", "Part 1-B(ii)"; "Q1a-" and "Q3c- W_f is …" (a dash closing the label)', () => {
    expect(id('Part 1-A')).toBe('q1a');
    expect(id('Part 1-B(ii)')).toBe('q1b2');
    expect(id('Q1a-')).toBe('q1a');
    expect(id('Q3c- W_f is 3 x 5')).toBe('q3c');
    expect(rest('Q3c- W_f is 3 x 5')).toBe('W_f is 3 x 5');
  });
});

describe('findLabel: round 22 label styles', () => {
  it('"Q1 b.2" and "1.b.2" number 1(b)’s items; "3a/", "1b/ii", "5/" close with a slash; "5/2" is a fraction', () => {
    expect(id('Q1 b.1')).toBe('q1b1');
    expect(id('Q1 b.2 h_t = o_t * tanh(C_t)')).toBe('q1b2');
    expect(id('1.b.2')).toBe('q1b2');
    expect(id('3a/')).toBe('q3a');
    expect(id('1b/ii')).toBe('q1b2');
    expect(id('5/')).toBe('q5');
    expect(id('5/2 = 2.5')).toBeNull();
    expect(id('0.2')).toBeNull();
  });
  it('"2/aP e_kj = …" (a ∑ glyph glued on) is 2a; "V (answering this first)" is question 5', () => {
    expect(id('2/aP ekj = sTk−1hj')).toBe('q2a');
    expect(id('V (answering this first)')).toBe('q5');
  });
  it('"Qn. 3 / c", "Correction to Qn. 1 / b": a slash between spaced components; "3 / 4 of the" is no label', () => {
    expect(id('Qn. 3 / c')).toBe('q3c');
    expect(findLabel('Correction to Qn. 1 / b (please check this one):', tree)?.path).toEqual(['1', 'b']);
    expect(id('3 / 4 of the gates')).toBeNull();
  });
  it('a reference wrapped onto its own line ("III (b)). There are four …") is no label', () => {
    expect(id('III (b)). There are four such gates')).toBeNull();
    expect(id('(1a) x')).toBe('q1a');
  });
});

describe('findLabel: round 78 labels', () => {
  it('"1.2(i)", "1.2(ii)": an outline number with its sub-part in brackets; "1.2)" the sub-part alone', () => {
    expect(id('1.2(i) C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t')).toBe('q1b1');
    expect(id('1.2(ii)')).toBe('q1b2');
    expect(findLabel('1.2)', tree)?.path).toEqual(['1', 'b']);
  });
  it('"back to Question 4 part a", "back to 3(b):" go back to the part; "back to 4 gates" is prose', () => {
    expect(id('back to Question 4 part a (continued from page 1)')).toBe('q4a');
    expect(id('back to 3(b):')).toBe('q3b');
    expect(findLabel('back to 4 gates, each 3 x 5', tree)).toBeNull();
    expect(findLabel('back to the start of the sequence', tree)).toBeNull();
  });
  it('"5 - (doing 5 before 4, 4 is long)" may be question 5 where a bare number is asked for; "5 - (3 + 2)" is arithmetic', () => {
    expect(findLabel('5 - (doing 5 before 4, 4 is long)', tree, [], { bare: true })?.partId).toBe('q5');
    expect(findLabel('5 - (3 + 2) = 0', tree, [], { bare: true })).toBeNull();
    expect(findLabel('5 - (tanh x) = 0', tree, [], { bare: true })).toBeNull();
  });
});

describe('labelWords: round 79 reports', () => {
  it('"REPORT 3 : PARAMETERS …" heads question 3 where REPORT 1, 2, 3 head the questions in capitals; steps and tables do not', () => {
    const words = labelWords([
      'REPORT 1 : LSTM CELL',
      'REPORT 2 : ATTENTION',
      'REPORT 3 : PARAMETERS OF THE LSTM CELL',
    ]);
    expect(
      findLabel('REPORT 3 : PARAMETERS OF THE LSTM CELL', tree, [], { labelWords: words })?.path,
    ).toEqual(['3']);
    expect(findLabel('REPORT 3 : PARAMETERS OF THE LSTM CELL', tree)).toBeNull();
    expect(labelWords(['STEP 1 : add', 'STEP 2 : multiply', 'STEP 3 : sum'])).not.toContain('step');
    // (a word repeating a number is a list's, not the questions')
    expect(labelWords(['CHECK 1 : ok', 'CHECK 2 : ok', 'CHECK 1 : again'])).not.toContain('check');
  });
});

describe('findLabel: round 23 headings', () => {
  it('"Problem 3, parts (a)–(c)" and "… parts (a) to (c)" head question 3; "Problem 3, part (a)" is 3(a)', () => {
    expect(findLabel('Problem 3, parts (a)–(c)', tree)?.path).toEqual(['3']);
    expect(findLabel('Problem 3, parts (a) to (c)', tree)?.path).toEqual(['3']);
    expect(findLabel('Problem 3, part (a)', tree)?.path).toEqual(['3', 'a']);
  });
  it('"Answer to Question 3, sub-parts (a), (b), (c)" heads question 3', () => {
    expect(findLabel('Answer to Question 3, sub-parts (a), (b), (c)', tree)?.path).toEqual(['3']);
  });
  it('"A3 LSTM parameter count" heads question 3 where the script labels "A1(b)-(i)"; alone it is no label', () => {
    const words = labelWords(['A1(b)-(i) C_t = …', 'A2(a) e_kj = …']);
    expect(findLabel('A3 LSTM parameter count', tree, [], { labelWords: words })?.path).toEqual(['3']);
    expect(findLabel('A3 LSTM parameter count', tree)).toBeNull();
  });
  it('"Ex. 1/b/i", "Exercise 3(c)" are labels; a table row "Position 5 6 9 2 1 7" is not question 5', () => {
    expect(id('Ex. 1/b/i Given: C_t-1 = (0.2, 0.4, 0.8)')).toBe('q1b1');
    expect(id('Ex. 2/b Zero.')).toBe('q2b');
    expect(id('Exercise 3(c) 72')).toBe('q3c');
    expect(findLabel('Position 5 6 9 2 1 7', tree)).toBeNull();
    expect(id('Ans 5 199 x 199 x 3')).toBe('q5');
  });
  it('an essay’s way into a part: "For part 1(b)(i), we …", "As for 5, …", "Moving on to question three, part (a): …"', () => {
    expect(findLabel('For part 1(b)(i), we first note', tree)).toMatchObject({ partId: 'q1b1', end: 18 });
    expect(id('As for 5, the depthwise step')).toBe('q5');
    expect(id('Moving on to question three, part (a): the gate')).toBe('q3a');
    expect(findLabel('Moving on to question three, the gate', tree)?.path).toEqual(['3']);
    expect(id('For Question 2 part b, nothing in this chain has a weight')).toBe('q2b');
    expect(id('For Question 1 part b (i), remembering that')).toBe('q1b1');
    // a sentence that only starts the same way is no label
    expect(findLabel('For 3, it is', tree)).toBeNull();
    expect(findLabel('For part 1(a) I think', tree)).toBeNull();
  });
  it('"Q-1 >> (b)(i)", "Q-2 >> (a)&(b)": chevrons between a question and its part', () => {
    expect(id('Q-1 >> (b)(i) C_t = …')).toBe('q1b1');
    expect(id('Q-2 >> (a)&(b)')).toBe('q2a');
  });
  it('a list bullet before a bracketed or bold label ("- **(a)** W_f …", "• (b) b_f …"); "- 3 gates" is no label', () => {
    expect(findLabel('- **(a)** W_f : **3 × 5**', tree, ['3'])?.partId).toBe('q3a');
    expect(findLabel('• (b) b_f : 3', tree, ['3'])?.partId).toBe('q3b');
    expect(findLabel('- 3 gates', tree, ['3'])).toBeNull();
  });
  it('"═══ Q1 ═══" and "═══ Q3 ═══ (d_x = 2, d_h = 3)": a heading between box-drawing rules', () => {
    expect(findLabel('═══ Q1 ═══', tree)?.path).toEqual(['1']);
    expect(findLabel('═══ Q3 ═══   (d_x = 2, d_h = d_c = 3)', tree)?.path).toEqual(['3']);
  });
  it('"[1/b/i]", "[4/a] Paths: …": slashes inside a bracketed label', () => {
    expect(id('[1/b/i]')).toBe('q1b1');
    expect(id('[4/a] Paths: L → h_t → c_t')).toBe('q4a');
    expect(findLabel('[1/b] Given', tree)?.path).toEqual(['1', 'b']);
  });
});

describe('findLabel: round 32 headings', () => {
  it('"Expt. 3 — LSTM size" heads question 3 where the script labels "Expt. 1(a)", "Expt. 2(b)", "Expt. 4(a)"; alone it is no label', () => {
    const words = labelWords([
      'Expt. 1(a) — diagram positions',
      'Expt. 2(b) — extra parameters',
      'Expt. 4(a) — recursion',
    ]);
    expect(findLabel('Expt. 3 — LSTM size', tree, [], { labelWords: words })?.path).toEqual(['3']);
    expect(findLabel('Expt. 3 — LSTM size', tree)).toBeNull();
  });
  it('a correction set off between rules of dashes, "-------- correction to Qn 1 b (i) --------", is its part', () => {
    expect(id('-------- correction to Qn 1 b (i) --------')).toBe('q1b1');
    expect(findLabel('--- Q3 ---', tree)?.path).toEqual(['3']);
    // a rule alone, or a list dash, is none
    expect(findLabel('----------', tree)).toBeNull();
    expect(findLabel('- f_t is 3', tree)).toBeNull();
  });
});

describe('findLabel: round 33 notebooks and numbered equations', () => {
  it('a Markdown heading\'s marks before a named label: "## Q1 (a)  matching …", "# Q3  parameter count"', () => {
    expect(id('## Q1 (a)  matching variables to the diagram positions')).toBe('q1a');
    expect(findLabel('# Q3  parameter count   (x_t dim 2, c_t = h_t dim 3)', tree)?.path).toEqual(['3']);
    // a code comment is no heading
    expect(findLabel('# 15 weights + 3 bias', tree)).toBeNull();
  });
  it('equation numbers listed at a line start refer back: "(5), (6), (7) only use dot products"', () => {
    expect(findLabel('(5), (6), (7) only use dot products, a softmax and a weighted sum', tree)).toBeNull();
    expect(findLabel('(5) and (6) give the same', tree)).toBeNull();
    expect(id('(5) output 199 x 199 x 3')).toBe('q5');
    expect(id('(1)(b)(i) C_t = [0.7, 0.2, 0.05]')).toBe('q1b1');
  });
});

describe('findLabel: round 34 section marks', () => {
  it('"§3 Parameter count": a section mark heads its question with a title after it', () => {
    expect(findLabel('§3 Parameter count', tree)?.path).toEqual(['3']);
    expect(id('§1(a)')).toBe('q1a');
  });
});

describe('findLabel: arrows from a bare question number', () => {
  it('"1 → (b) → (i)" and "3 → (a), (b), (c)" lead to sub-parts; "ii → 4" is an answer', () => {
    expect(id('1 → (a)')).toBe('q1a');
    expect(id('1 → (b) → (i)')).toBe('q1b1');
    expect(id('3 → (a), (b), (c)')).toBe('q3a');
    expect(findLabel('ii → 4', tree, ['1', 'a'])).toBeNull();
  });
});

describe('findLabel: round 36 phone keyboards and pdfTeX circles', () => {
  it('enclosed numbers and letters read as what they enclose: "Q①(b)(ii)", "❸-c", "⑴⒝(ii)", "①–b–i"', () => {
    expect(id('Q①(b)(ii) h = 3')).toBe('q1b2');
    expect(id('❸-c')).toBe('q3c');
    expect(id('⑴⒝(ii)')).toBe('q1b2');
    expect(id('①–b–i')).toBe('q1b1');
    expect(id('Ans ② (b)')).toBe('q2b');
  });
  it('"1 ▸ b ▸ ii" points to the sub-part; pdfTeX\'s \\textcircled{1} comes out as "O1 –b–ii"', () => {
    expect(id('1 ▸ b ▸ ii')).toBe('q1b2');
    expect(id('O1 –b–ii')).toBe('q1b2');
    expect(id('O5 Depthwise (3 filters of 4×4)')).toBe('q5');
    expect(findLabel('O2 is a gas', tree)).toBeNull();
  });
});

describe('findLabel: round 37 abbreviations', () => {
  it('"corr. to 1bi:" is a correction to 1(b)(i); "correlation 5" is no label', () => {
    expect(id('corr. to 1bi: f multiplies C, not i.')).toBe('q1b1');
    expect(findLabel('correlation 5 is high', tree)).toBeNull();
  });
});

describe('findLabel: round 38 answer templates, Markdown notes and endnotes', () => {
  it("a template box's border holds its label, and the marks after it are not the answer", () => {
    expect(id('+--- Q1(b)(ii) [1 mark] ---------------------------+')).toBe('q1b2');
    expect(id('[ Answer box 1b(i) ]   (1 mark)')).toBe('q1b1');
    expect(rest('Q2(b) [1 mark]  0 new parameters')).toBe('0 new parameters');
    expect(rest('Q.4.a (5 pts) dL/dc_t = …')).toBe('dL/dc_t = …');
    expect(findLabel('[see the note at the end] 3', tree)).toBeNull();
  });
  it('Markdown headings hold bare labels ("## 1 b ii -", "## 5 -") and "Q-1 > b > i"; a code comment does not', () => {
    expect(id('## 1 b ii -')).toBe('q1b2');
    expect(id('## 5 -')).toBe('q5');
    expect(id('## Q-1 > b > i')).toBe('q1b1');
    expect(findLabel('# 4 gates x 18', tree)).toBeNull();
    expect(findLabel('1 > 0.5 so it saturates', tree)).toBeNull();
  });
  it('a bare number closed by a hyphen before words is a label where asked for bare; "1 - tanh²" is not', () => {
    const bare = (t: string) => findLabel(t, tree, [], { bare: true })?.partId ?? null;
    expect(bare('5 - output size (200-4+2)/1 + 1 = 199')).toBe('q5');
    expect(bare('5 -')).toBe('q5');
    expect(bare('1 - tanh^2(c_t)')).toBeNull();
    expect(bare('1 - o_t')).toBeNull();
  });
  it('a reference wrapped to a line start, "(3); the three sigmoid outputs …", is no label', () => {
    expect(findLabel('(3); the three sigmoid outputs are, left to right, forget (5)', tree)).toBeNull();
    // (nor one followed by a comma: "… forget gate σ" / "(5), input gate σ (6), …" wrapped)
    expect(findLabel('(5), input gate σ (6), candidate tanh (7), output gate σ (9).', tree)).toBeNull();
    expect(findLabel('(5) Depthwise output 199 x 199 x 3', tree)?.partId).toBe('q5');
  });
  it('a question\'s number in brackets with its Q ("(Q1)(b)(i)", "(Q3)") is a label', () => {
    expect(findLabel('(Q1)(b)(i) C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t', tree)?.partId).toBe('q1b1');
    expect(findLabel('(Q3)', tree)?.path).toEqual(['3']);
    // (with its letter, after an addendum's heading: "ADDENDUM (Q3c)")
    expect(findLabel('ADDENDUM (Q3c)', tree)?.partId).toBe('q3c');
  });
  it('a label said twice is one ("4.1 Q4 (a)", a clause column beside the part\'s own label)', () => {
    expect(findLabel('4.1 Q4 (a)', tree)).toMatchObject({ partId: 'q4a', end: 10 });
    expect(findLabel('Q5 5 filters of 1 x 1', tree)?.end).toBe(3);
  });
});

describe('findLabel: round 39 exchange students', () => {
  // (as the text layer delivers them: full-width forms and Unicode roman numerals made plain)
  const typed = (t: string) => id(plainForms(t));
  it('full-width labels and roman numerals read as typed on a Latin keyboard; exponents stay', () => {
    expect(typed('１．（ｂ）（ｉｉ）')).toBe('q1b2');
    expect(typed('Ⅰ.(b)(i)')).toBe('q1b1');
    expect(plainForms('tanh²(c)，h₁')).toBe('tanh²(c),h₁');
  });
  it('a question word in Chinese or Japanese before the number; "第2步" (step 2) is no question', () => {
    expect(typed('問 1（a）')).toBe('q1a');
    expect(id('設問 1-b-i')).toBe('q1b1');
    expect(findLabel('設問3', tree)?.path).toEqual(['3']);
    expect(findLabel('第2步', tree)).toBeNull();
  });
  it('a label word with an accent: "Réponse 1 b) i)", "Exercice 3 c)"', () => {
    expect(id('Réponse 1 b) i)')).toBe('q1b1');
    expect(id('Exercice 3 c) 4 × 18 = 72')).toBe('q3c');
    expect(findLabel('Über 3 Wege', tree)).toBeNull();
  });
});

describe('findLabel: round 42 slides, arrows and titled headings', () => {
  it('a slide’s bullets before a label, one or two ("▪ part (b)(i):", "• • 1.b.i →", "➤ 1(b)(i)")', () => {
    expect(id('▪ part (b)(i): C_t = f_t ⊙ C_{t-1}', ['1'])).toBe('q1b1');
    expect(id('• • 1.b.i → Ct = ft ∘ Ct−1')).toBe('q1b1');
    expect(rest('➤ 1(b)(i) “Compute Ct.”')).toBe('“Compute Ct.”');
  });
  it('arrows from a question’s number to its letter and numeral ("1→b→ii", "3 → a"), never an enumeration’s answer', () => {
    expect(id('1→b→ii')).toBe('q1b2');
    expect(rest('3 → a Wf : 3 × 5')).toBe('Wf : 3 × 5');
    expect(id('ii→4', ['1', 'b'])).toBe(null);
    expect(id('1 → 4')).toBe(null);
  });
  it('a question heading between rules with its title, maths and all', () => {
    expect(findLabel('=== Q1 LSTM cell ===', tree, [])?.path).toEqual(['1']);
    expect(
      findLabel('=== Q3  Parameter count (x_t ∈ R^2, c_t ∈ R^3 ⇒ h_t ∈ R^3) ===', tree, [])?.path,
    ).toEqual(['3']);
    expect(id('=== Q5  Depthwise separable convolution ===')).toBe('q5');
    expect(findLabel('== 3 + 2 = 5 ==', tree, [])).toBe(null);
  });
});

describe('findLabel: parts numbered in another alphabet', () => {
  it('(α) and (β) are the first and second sub-parts where the exam numbers them (i), (ii)', () => {
    expect(id('(α) C_t = f_t ⊙ C_(t-1)', ['1', 'b'])).toBe('q1b1');
    expect(id('(β) h_t = o_t ⊙ tanh(C_t)', ['1', 'b', 'i'])).toBe('q1b2');
    expect(id('(γ) more', ['1', 'b'])).toBeNull();
  });
  it('a script that numbers lettered parts in roman: (ii) under question 3 is 3(b), only when told so', () => {
    const opts = { romanParts: true };
    expect(findLabel('(i) W_f is 3 × 5', tree, ['3'], opts)?.partId).toBe('q3a');
    expect(findLabel('(iii) 4 × 18 = 72', tree, ['3', 'b'], opts)?.partId).toBe('q3c');
    expect(findLabel('(ii) b_f has 3', tree, ['3', 'a'])?.partId ?? null).not.toBe('q3b');
  });
  it('romanForLetters: question headings followed by (i) items, and no lettered label', () => {
    const british = [
      'Question the first',
      '-----',
      '(i) f_t -> 3',
      '(ii) [part b]',
      'Question the third',
      '(i) W_f: 3 × 5',
      '(ii) 3',
    ];
    expect(romanForLetters(british, tree)).toBe(true);
    // one heading only is not a habit; a script that letters its parts keeps (i), (ii) for its lists
    expect(romanForLetters(british.slice(0, 4), tree)).toBe(false);
    expect(romanForLetters(['Q1', '(i) x', 'Q3', '(i) y', '1(a) f_t -> 3'], tree)).toBe(false);
    expect(romanForLetters(['Q1 (a)', 'i. f_t -> 3', 'ii. i_t -> 4', 'Q3 (a)', '(i) 3 × 5'], tree)).toBe(
      false,
    );
  });
});

describe('findLabel: labels written as code and as outline numbers (round 58)', () => {
  it.each([
    ['q1_b_i:', 'q1b1'],
    ['ans_3a:', 'q3a'],
    ['ans_1b_ii:', 'q1b2'],
    ['ans_5:', 'q5'],
    ['q3_c:   4 * 18 = 72', 'q3c'],
    ['In [1b_i]:', 'q1b1'],
    ['In [4a]:', 'q4a'],
    ['# --- Q1.b.ii ---', 'q1b2'],
    ['# --- correction to Q1.b.i (I mixed up the gates above) ---', 'q1b1'],
    ['[1.2.i]  C_t = f_t ⊙ C_(t-1) + i_t ⊙ C~_t', 'q1b1'],
    ['[1.1]  Positions in the diagram', 'q1a'],
    ['[3.3]  +-------+', 'q3c'],
    ['| 1-b-ii| h_t = [0.6044, 0, 0] | h_t = o_t * tanh(C_t) |', 'q1b2'],
    // pdfTeX's ∑ wrapped onto a labelled line: its P before the number, its limit n after the label
    ['Soln.P2(a)n ekj = s⊤k−1hj', 'q2a'],
    ['1/b(i) → C_t = f_t ⊙ C_(t-1)', 'q1b1'],
    ['[markdown]  Question 1 part b (i)', 'q1b1'],
    ['Question 3 part a, b', 'q3a'],
    ['1/b(ii) → h_t = tanh(C_t)', 'q1b2'],
  ])('%s', (text, want) => {
    expect(id(text)).toBe(want);
  });
  it('a name with an underscore that is no label stays content', () => {
    expect(id('b_f is 3', ['3'])).toBeNull();
    expect(id('h_t = o_t * np.tanh(c_t)', ['1', 'b'])).toBeNull();
    expect(id('# 4 gates, each 3 x 5', ['3', 'c'])).toBeNull();
    // (a notebook's cell counter is no question number, unless the script names its cells by part)
    expect(id('In [5]:')).toBeNull();
    expect(findLabel('In [5]:', tree, [], { notebookParts: true })?.partId).toBe('q5');
  });
});

describe('findLabel: labels said in words, round 59', () => {
  it.each([
    ['Ques. 1, piece b, first half', 'q1b1'],
    ['Correction to Ques. 1, piece b, first half', 'q1b1'],
    ['Answer to question one, part b, the first bit', 'q1b1'],
    ['For the first question, part b, sub part two', 'q1b2'],
    ['For the third question, part c', 'q3c'],
    ['Item three (c)', 'q3c'],
    ['Que 3 -> (c)', 'q3c'],
    ['Answer number three, c', 'q3c'],
    ['Question no. 1, section b, 1st', 'q1b1'],
    ['correction to 1→b→i: I swapped the roles of f_t and i_t', 'q1b1'],
    // (pdfTeX's raised T of the display above, glued to the label's word)
    ['AnswerT number three, c', 'q3c'],
    ['Now the second question, part (a)', 'q2a'],
  ])('%s', (text, want) => {
    expect(id(text)).toBe(want);
  });
  it('sentences with the same words are no labels', () => {
    expect(id('for the first question the answer is 3')).toBeNull();
    expect(id('the first question was easy')).toBeNull();
    expect(id('item two is the bias')).toBeNull();
    expect(id('now the answer is 3')).toBeNull();
  });
});

describe('findLabel: a sub-part called an item, round 68', () => {
  it('"Problem 1, item (a)." is 1(a); "item (c)" under a question is its (c)', () => {
    expect(id('Problem 1, item (a). The gates sit at')).toBe('q1a');
    expect(id('Problem 2, item (b). No new weights')).toBe('q2b');
    expect(findLabel('item (c)  gate  W  U  b', tree, ['3'])?.partId).toBe('q3c');
    // (with a dash between, and a sub-sub-part after)
    expect(id('Problem 1 — item (b)(i)')).toBe('q1b1');
    expect(id('Problem 2 - item (a)')).toBe('q2a');
  });
  it('an item with a number, or the word in a sentence, is no label', () => {
    expect(findLabel('item 5 of the list is the bias', tree, ['3'])).toBeNull();
    expect(id('item two is the bias')).toBeNull();
  });
});

describe('findLabel: a sub-part called "sub", round 111', () => {
  it('"sub (a)" under "Qno. 4" is its (a), alone on its line or before the answer; "sub (b) (i)" its (b)(i)', () => {
    expect(findLabel('sub (a)', tree, ['4'])?.partId).toBe('q4a');
    expect(findLabel('sub (b)  bf ∈ ℝ3 (3×1)', tree, ['3'])?.partId).toBe('q3b');
    expect(findLabel('sub (b) (i)', tree, ['1'])?.partId).toBe('q1b1');
    // (the word elsewhere is no label)
    expect(findLabel('sub 3 into the formula', tree, ['4'])).toBeNull();
  });
});

describe('findLabel: long arrows between a question and its sub-part, round 112', () => {
  it('"Q3 --> (b)", "Q1 --> (b) i.", "Q2 ==> (a)", "Q3 —> (c)" as "Q3 -> (b)"', () => {
    expect(id('Q3 --> (b)')).toBe('q3b');
    expect(id('Q1 --> (b) i.')).toBe('q1b1');
    expect(id('Q2 ==> (a)')).toBe('q2a');
    expect(id('Q3 —> (c) each of the four blocks')).toBe('q3c');
  });
});

describe('labels of round 70: bracket chains, open pointers, compound marks, items', () => {
  it('a label as a chain of brackets: "[Q1][b][i]", "[1][b][ii]", "[Q5]"; "[3]" alone is a step number', () => {
    expect(id('[Q1][b][i]')).toBe('q1b1');
    expect(rest('[Q3][a]  W_f multiplies [h_(t-1), x_t]')).toBe('W_f multiplies [h_(t-1), x_t]');
    expect(id('[1][b][ii]')).toBe('q1b2');
    expect(id('[Q5]')).toBe('q5');
    expect(id('[3] W_f is 3 x 5')).toBeNull();
  });
  it('open triangles between components, spaced or not: "1 ▷ b ▷ ii", "1▷b▷i", "3▷b bf ∈ R3"', () => {
    expect(id('1 ▷ b ▷ ii')).toBe('q1b2');
    expect(id('1▷b▷i        Elementwise:')).toBe('q1b1');
    expect(rest('3▷b      bf ∈ R3 (a 3 × 1 vector).')).toBe('bf ∈ R3 (a 3 × 1 vector).');
  });
  it('a hyphenated mark of the script\'s own ("Fig-answer 1b(i)"); a compound before a number in a sentence is none', () => {
    expect(id('Fig-answer 1b(i)')).toBe('q1b1');
    expect(id('Fig-answer 5')).toBe('q5');
    expect(id('Well-known 5 gates')).toBeNull();
    expect(id('Fig. 3 shows the cell')).toBeNull();
  });
  it('"Exercise 1, item b.ii" and a pair after an arrow, "3->a,b"', () => {
    expect(id('Exercise 1, item b.ii')).toBe('q1b2');
    expect(id('Exercise 2, item b')).toBe('q2b');
    expect(id('3->a,b')).toBe('q3a');
  });
});

describe('labels of round 71: a code in capitals before the label', () => {
  it('"REQ-1.b.i", "SPEC-3.c", "REQ-5" as a spec numbers its items; lower case or a department code is none', () => {
    expect(id('REQ-1.b.i  C_t = f_t ⊙ C_{t-1}')).toBe('q1b1');
    expect(rest('REQ-3.c  per gate: 3*5 + 3 = 18')).toBe('per gate: 3*5 + 3 = 18');
    expect(id('SPEC-3.c')).toBe('q3c');
    expect(id('REQ-5  Depthwise separable conv')).toBe('q5');
    // (a position glued to its gate, "ft-2", and a course code are no labels)
    expect(id('ft-2 it-4 ot-9')).toBeNull();
    expect(id('CS-60010 class test')).toBeNull();
    expect(id('CT-3 Deep Learning')).toBeNull();
  });
});

describe('labels of round 72: words, letters and small roman numerals joined by hyphens, tildes and bars', () => {
  it('a word in small letters joined by a hyphen ("item-1-a", "part-1b-ii", "part-5")', () => {
    expect(id('item-1-a')).toBe('q1a');
    expect(id('item-1-b-i')).toBe('q1b1');
    expect(id('part-1b-ii')).toBe('q1b2');
    expect(rest('part-3c  4 × 18 = 72')).toBe('4 × 18 = 72');
    expect(id('part-5')).toBe('q5');
  });
  it('one small letter glued to the number and its sub-part ("s3-c", "s1-b-ii"); "s5" alone only in such a script', () => {
    expect(id('s3-c')).toBe('q3c');
    expect(id('s1-b-ii')).toBe('q1b2');
    expect(findLabel('s5', tree, [])).toBeNull();
    const words = labelWords(['s3-a', 'W_f is 3 × 5', 's3-b', 's5']);
    expect(findLabel('s5', tree, [], { labelWords: words })?.partId).toBe('q5');
    // (a symbol and its value are no label)
    expect(id('x2 = 0.5')).toBeNull();
    expect(id('ft-2 it-4 ot-9')).toBeNull();
  });
  it('questions numbered in small roman before the sub-part ("iv-a", "i-b-ii"); "v" alone in such a script', () => {
    expect(id('iv-a')).toBe('q4a');
    expect(id('i-b-ii')).toBe('q1b2');
    expect(rest('iii-c  4 × 18 = 72')).toBe('4 × 18 = 72');
    expect(romanQuestions(['ii-a', 'e = s·h', 'iv-a', 'v'])).toBe(true);
    expect(romanQuestions(['(ii) h_t', 'ii → 4'])).toBe(false);
    expect(findLabel('v', tree, [], { bare: true, romanQuestions: true })?.partId).toBe('q5');
    // (a question with sub-parts is not numbered alone: "ii" may be a sub-part's (ii))
    expect(findLabel('ii', tree, [], { bare: true, romanQuestions: true })).toBeNull();
    expect(id('ii → 4')).toBeNull();
  });
  it('tildes and bars between the components ("Q1 ~ b ~ ii", "1|b|ii"), the word "sub" ("Part 1(b) sub (ii)")', () => {
    expect(id('Q1 ~ b ~ ii')).toBe('q1b2');
    expect(id('Q2 ~ a')).toBe('q2a');
    expect(id('1|b|ii')).toBe('q1b2');
    expect(id('Part 1(b) sub (ii)')).toBe('q1b2');
    expect(id('Part 2(b)')).toBe('q2b');
  });
  it('a sub-sub-part numbered in digits after a hyphen ("1b-2"); a slash label before an enumeration ("1/a i. f_t = 5")', () => {
    expect(id('1b-2')).toBe('q1b2');
    expect(id('1b-1')).toBe('q1b1');
    expect(rest('1/a i. f_t = 5 ii. i_t = 6')).toBe('i. f_t = 5 ii. i_t = 6');
    expect(id('Problem 1/a')).toBe('q1a');
    expect(id('Problem 3/c')).toBe('q3c');
  });
  it('a therefore sign or a chevron glued to a label closes it ("3a∴", "1a>", "2b>")', () => {
    expect(rest('3a∴  [h, x] has 3 + 2 = 5 entries')).toBe('[h, x] has 3 + 2 = 5 entries');
    expect(id('1a>    f_t = 4')).toBe('q1a');
    expect(id('2b>    0 extra')).toBe('q2b');
    expect(id('x> 3')).toBeNull();
    // (a fraction is none)
    expect(id('5/2 = 2.5')).toBeNull();
  });
});

describe('labels of round 73: school letters, slashes with capitals, arrows, arithmetic after a number', () => {
  it('sub-parts lettered as Bengali- and Hindi-medium schools do: "(ka)", "(kha)", "1-kha-ii", "(ख)", "(খ)"', () => {
    expect(id('(ka) Matching with the positions', ['1'])).toBe('q1a');
    expect(id('(kha) (i) C_t = f_t * C_(t-1)', ['1'])).toBe('q1b1');
    expect(rest('(kha) (i) C_t = f_t * C_(t-1)', ['1'])).toBe('C_t = f_t * C_(t-1)');
    expect(id('1-kha-ii')).toBe('q1b2');
    expect(rest('3-ga (9 + 3) x 4 = 48')).toBe('(9 + 3) x 4 = 48');
    expect(id('1 (ख) (i)')).toBe('q1b1');
    expect(id('(গ) total 72', ['3'])).toBe('q3c');
    // (the word alone is no label: "ka" is a syllable)
    expect(id('ka is the first letter')).toBeNull();
  });
  it('the word for question before its number: "Prashna 2", "প্রশ্ন 3" (a heading)', () => {
    expect(findLabel('Prashna 2', tree, [])?.path).toEqual(['2']);
    expect(findLabel('প্রশ্ন 3', tree, [])?.path).toEqual(['3']);
  });
  it('the word for answer before its number, its digits Bengali or Devanagari (round 112): "উত্তর ৩(গ)", "उत्तर २ (ख)"', () => {
    expect(id('উত্তর ৩(গ)')).toBe('q3c');
    expect(id('उत्तर २ (ख)')).toBe('q2b');
    expect(findLabel('উত্তর ৫', tree, [])?.path).toEqual(['5']);
    // (a text layer's private glyph for the word's last letter: "উত্ত\uf00f 1(ক)")
    expect(id('উত্ত\uf00f 1(খ)(i)')).toBe('q1b1');
  });
  it('slashes before a capital letter or a bracketed numeral ("1/B/(i)", "3/A"); an arrow before "a)"', () => {
    expect(id('1/B/(i) C_t = …')).toBe('q1b1');
    expect(id('1/b/(ii)')).toBe('q1b2');
    expect(rest('3/A     W_f is 3 x 5')).toBe('W_f is 3 x 5');
    expect(id('3 -> a) W_f = 2 x 3')).toBe('q3a');
    // (a capital word after a slash is no sub-part)
    expect(id('1/Because')).toBeNull();
  });
  it('a number before a bracket of arithmetic multiplies it ("4(15 + 3) = 72"); "Part-A:" is a sub-part', () => {
    expect(findLabel('4(15 + 3) = 72', tree, ['3', 'c'])).toBeNull();
    expect(id('4(a) the two paths')).toBe('q4a');
    expect(id('Part-A: W_f multiplies x_t', ['3'])).toBe('q3a');
    expect(id('Part-C: each gate', ['3'])).toBe('q3c');
  });
  it('Devanagari and Bengali digits as the text layer gives them ("প্রশ্ন ১", "(খ)(২)") read as plain digits', () => {
    expect(plainForms('প্রশ্ন ১ (খ)(২) = ३')).toBe('প্রশ্ন 1 (খ)(2) = 3');
    expect(findLabel(plainForms('প্রশ্ন ২'), tree, [])?.path).toEqual(['2']);
    expect(id(plainForms('(খ)(২)'), ['1'])).toBe('q1b2');
  });
});

describe('labels met again in the whole corpus (thirty-fifth session)', () => {
  it('"Question number one", "Part B sub part two": numbers in words after "number" and "sub part"', () => {
    expect(findLabel('Question number one', tree, [])?.path).toEqual(['1']);
    expect(id('Question number five')).toBe('q5');
    expect(id('Part B sub part one', ['1'])).toBe('q1b1');
    expect(id('Part B sub part two', ['1'])).toBe('q1b2');
  });
  it('a table\'s serial number before the label ("1   Q1 (a)", "10 Q4 (b) gradient …"); a count before "Q\'s" is none', () => {
    expect(id('1       Q1 (a)')).toBe('q1a');
    expect(rest('10 Q4 (a) gradient from the last step')).toBe('gradient from the last step');
    expect(id("3 Q's were easy")).toBeNull();
  });
  it('underscores between the components, as code names them ("q1_a", "q1_b_ii", "q5")', () => {
    expect(id('q1_a      f_t → 8')).toBe('q1a');
    expect(id('q1_b_ii h = …')).toBe('q1b2');
    expect(rest('q3_c 4 * 18 = 72')).toBe('4 * 18 = 72');
  });
  it('questions lettered ("A.1", "A.2.1") or in capital roman ("III.1") before outline numbers, in such a script', () => {
    expect(outlineQuestions(['A. LSTM cell', 'A.1 f → 2', 'A.2.1 C_t', 'B.1 e = s·h'])).toBe('letter');
    expect(outlineQuestions(['I.1 f → 2', 'II.1 e = s·h', 'III.1 W_f is 3 × 5'])).toBe('roman');
    // (a single lettered label, or one question's, is no such habit)
    expect(outlineQuestions(['A.1 f → 2', 'A.2 C_t'])).toBeNull();
    expect(id('A.2.1 Compute C_t.', [])).toBeNull();
    expect(findLabel('A.2.1 Compute C_t.', tree, [], { outlineQuestions: 'letter' })?.partId).toBe('q1b1');
    expect(findLabel('C.3 Total parameters', tree, [], { outlineQuestions: 'letter' })?.partId).toBe('q3c');
    expect(findLabel('III.1 z_t has 5 entries', tree, [], { outlineQuestions: 'roman' })?.partId).toBe('q3a');
  });
  it('a question in words with its sub-part in brackets before a table cell\'s text ("Q. One (a)   Looking at …")', () => {
    expect(rest('Q. One (a)      Looking at the diagram')).toBe('Looking at the diagram');
    expect(id('Q. One (b) i    C_t = f_t ∘ C_(t-1)')).toBe('q1b1');
    // (in words without a bracketed sub-part, a sentence stays one)
    expect(id('Question one is hard')).toBeNull();
  });
});

describe('labels of round 74: sections, outlines in brackets, a hash after the Q', () => {
  it('a section named before the question it holds: "Section C — Question 3", "Part A (Question 1)"', () => {
    expect(findLabel('Section C — Question 3', tree, [])?.path).toEqual(['3']);
    expect(findLabel('Part A (Question 1)', tree, [])?.path).toEqual(['1']);
    expect(id('Unit II: Q5 199 x 199 x 3')).toBe('q5');
    // (the section's letter alone is still a part's: "Part A: W_f is 3 × 5" under question 3)
    expect(id('Part A: W_f is 3 x 5', ['3'])).toBe('q3a');
  });
  it('questions lettered before bracketed roman parts, their parts in bracketed numbers: "A(ii)(1)", "C(iii)"', () => {
    const lines = [
      'A(i) f → 5',
      'A(ii)(1) C_t = …',
      'B(i) e = s·h',
      'C(iii) 4 × 18 = 72',
      'D(ii) ∏ f_t',
      'E(i) 199',
    ];
    expect(outlineQuestions(lines)).toBe('letter');
    const at = (t: string) => findLabel(t, tree, [], { outlineQuestions: 'letter', bare: true })?.partId;
    expect(at('A(ii)(1) C_t = …')).toBe('q1b1');
    expect(at('A(ii)(2)')).toBe('q1b2');
    expect(at('C(iii) 4 × 18 = 72')).toBe('q3c');
    // (a question without parts numbers its steps so: "E(ii)" is question 5 still)
    expect(at('E(ii) Pointwise')).toBe('q5');
    // (letters only as far as a question's own parts go, "A(i)", "B(ii)", "C(i)": parts, not questions)
    expect(outlineQuestions(['A(i) x', 'B(ii) y', 'C(i) z', 'A(ii) w'])).toBeNull();
  });
  it('a hash after the Q before slashes: "Q#1/b/ii", "Q#3/c"', () => {
    expect(id('Q#1/b/ii h_t = o_t ⊙ tanh(C_t)')).toBe('q1b2');
    expect(rest('Q#1/b/i C_t = f_t ⊙ C_(t-1)')).toBe('C_t = f_t ⊙ C_(t-1)');
  });
});

describe("parts numbered afresh under each question's heading (round 74)", () => {
  const script = [
    'Question 2',
    '1. e = s · h',
    '2. Zero, no weights',
    'Question 3',
    '1. W_f is 3 × 5',
    '3. 72',
  ];
  it('is a habit where two headings in words or more open on "1."; a bare "2." heading is none', () => {
    expect(numbersForLetters(script, tree)).toBe(true);
    expect(numbersForLetters(['Question 2', '1. e = s · h', 'Step 2', '2. …'], tree)).toBe(false);
    expect(numbersForLetters(['2.', '1. e = s · h', '3.', '1. W_f'], tree)).toBe(false);
    // (more items than the question has parts: steps, "1. Step 1: …", "3. Step 3: …" under question 2)
    const steps = ['Question 4', '1. Step 1: paths', '2. Step 2: add them', '3. Step 3: at T, no c_{T+1}'];
    expect(numbersForLetters([...script, ...steps], tree)).toBe(false);
  });
  it('there "2." under question 2 is 2(b), "3." under question 3 is 3(c); a question without parts keeps its steps', () => {
    const at = (t: string, ctx: string[]) =>
      findLabel(t, tree, ctx, { numberedParts: true, bare: true })?.partId;
    expect(at('2. Zero, no weights', ['2', 'a'])).toBe('q2b');
    expect(at('3. 72', ['3', 'a'])).toBe('q3c');
    expect(at('1. 199 x 199 x 3', ['5'])).not.toBe('q5');
  });
});

describe('labels of round 75: equations numbered and cited', () => {
  it('an equation’s number joined to another by an operator or a word is a citation: "(2)+(3) in (1): C_t = …"', () => {
    expect(findLabel('(2)+(3) in (1): Ct = [0.7, 0.2, 0.05].', tree, [])).toBeNull();
    expect(findLabel('(4) and (5) give h_t', tree, [])).toBeNull();
    // (a bracketed question number before its answer or its sub-label is still a label)
    expect(findLabel('(2) The dot product has no weights', tree, [])?.path).toEqual(['2']);
    expect(findLabel('(2) (a) e_kj = s_k h_j', tree, [])?.partId).toBe('q2a');
    // (a dash after a bare question number, then prose with a bracket: "5 - Depthwise (3 filters …)";
    // a function's bracket joined to its name stays maths, "5 - f(x)")
    expect(findLabel('5 - Depthwise (3 filters 4 × 4 × 1):', tree, [], { bare: true })?.partId).toBe('q5');
    expect(findLabel('5 - exp(2)', tree, [], { bare: true })).toBeNull();
    // (a full stop and a bracket close a label together: "5.) depthwise: …", "4.a.) Write …")
    expect(id('5.) depthwise: 3 filters of 4×4×1')).toBe('q5');
    expect(id('4.a.) Write the recursion')).toBe('q4a');
  });
});

describe('labels of round 76', () => {
  it('"Part B(i)." under "Problem 1" is 1(b)(i): a part’s letter and its item in brackets, no space between', () => {
    expect(id('Part B(i). Ct = ft ⊙ Ct-1 + it ⊙ C̃t', ['1'])).toBe('q1b1');
    expect(id('Part B(ii). ht = ot ⊙ tanh(Ct)', ['1'])).toBe('q1b2');
    // (a letter glued to a bracket of other words is no item: "Part B(the working)")
    expect(id('Part B(the second one)', ['1'])).not.toBe('q1b1');
  });
});

describe('labels of rounds 96-97: outline numbers, notes, roman questions', () => {
  it('an outline number in brackets before a colon, and after "Correction to": "[1.2.1]:", "Correction to 1.2.1"', () => {
    expect(id('[1.2.1]: f_t o C_(t-1) = …')).toBe('q1b1');
    expect(id('Correction to [1.2.1]: 0.5 x 0.4 = 0.2 (not 0.02)')).toBe('q1b1');
    expect(id('Correction to 1.2.1 the second entry is 0.2')).toBe('q1b1');
    // (only down to a sub-part: "Correction to 2.1" names no part of its own here)
    expect(id('Correction to 2.1 x')).toBeNull();
  });
  it('"5.1 output after …" is question 5 (no sub-parts) in sections; "5.1 x 3 = 15" is arithmetic', () => {
    expect(id('5.1 output after depthwise = 197 x 197 x 3', ['3', 'c'])).toBe('q5');
    expect(id('5.2 output after pointwise', ['5'])).toBe('q5');
    expect(id('5.1 x 3 = 15', ['3', 'c'])).toBeNull();
    // (a later section from outside the question is a number: "5.5 multiplications")
    expect(id('5.5 multiplications', ['3', 'c'])).toBeNull();
  });
  it('a mark before an outline number with the answer after it: "Sec. 3.1   W_f : 3 x 2", "Sec. 1.1 (Q1 a)"', () => {
    expect(id('Sec. 3.1   W_f : 3 x 2')).toBe('q3a');
    expect(id('Sec. 2.1 (Q2 a)   e_kj = s_k . h_j')).toBe('q2a');
    expect(findLabel('Sec. 1.2 (Q1 b)', tree, [])?.path).toEqual(['1', 'b']);
    // (a number after another word is no section: "Fig. 3.1 shows", "Step 2.1 compute")
    expect(id('Fig. 3.1 shows the gate')).toBeNull();
    expect(id('Step 2.1 compute the score')).toBeNull();
    // (a number after it that the outline cannot take goes no further: no endless reading)
    expect(id('Sec. 2.2   0. No extra parameters')).toBeNull();
  });
  it('a label said twice with an arrow between is one: "§ 2.1 ↔ Q2(a) e_kj = …"', () => {
    expect(rest('§ 2.1 ↔ Q2(a) ekj = skT hj')).toBe('ekj = skT hj');
  });
  it('a ruled heading of the script\'s own word and a question: "=== Sheet Q3 ===="', () => {
    expect(findLabel('=== Sheet Q3 =============', tree, [])?.path).toEqual(['3']);
    expect(id('=== Sheet Q1a ===')).toBe('q1a');
  });
  it('"Ans. to Q. No. IV (a)": an answer\'s mark, "to", the question\'s mark, its number in roman', () => {
    expect(id('Ans. to Q. No. IV (a) ∂L/∂c_t = …')).toBe('q4a');
    expect(findLabel('Ans. to Q. No. III', tree, [])?.path).toEqual(['3']);
    expect(id('Ans. to Q. No. 4 (a)')).toBe('q4a');
  });
  it('a note naming its part is more of that part: "Notes (4 a): …", "Note for 3(c): …"', () => {
    const l = findLabel('Notes (4 a): first term = path c_t -> h_t -> L', tree, []);
    expect([l?.partId, l?.note]).toEqual(['q4a', true]);
    expect(id('Note for 3(c): four blocks')).toBe('q3c');
    expect(id('Notes (5): depthwise = one filter per channel')).toBe('q5');
    expect(id('Notes: the dot product has no weights')).toBeNull();
    expect(id('Note on the output: it is 199')).toBeNull();
  });
});

describe('questions in small roman with spaces and their marks (round 97)', () => {
  const roman = (t: string, ctx: string[] = []) =>
    findLabel(t, tree, ctx, { romanQuestions: true, bare: true })?.path.join('/') ?? null;
  it('"iv - a [5]" is 4(a), "i - b [2]" question 1\'s (b); "v [3]" and "iii [3]" head their questions', () => {
    expect(roman('iv - a [5]')).toBe('4/a');
    expect(roman('i - b [2]')).toBe('1/b');
    expect(roman('v [3]', ['4', 'a'])).toBe('5');
    expect(roman('iii [3]', ['2', 'a'])).toBe('3');
    // (a question with parts needs its marks beside it to be a heading: "ii" alone may be a sub-part's)
    expect(roman('ii', ['1', 'b'])).not.toBe('2');
  });
});

describe('outline numbers after a Q (whole corpus, forty-fifth session)', () => {
  it('"Q1.1 Matching …" is 1(a), "Q1.3 h_t = …" 1(b)(ii); "Q2.2 0 additional …" is 2(b) inside question 2', () => {
    expect(id('Q1.1 Matching (positions on the diagram)')).toBe('q1a');
    expect(id('Q1.3 ht = ot ⊙ tanh(Ct)')).toBe('q1b2');
    expect(id('Q2.2 0 additional parameters. Dot-product', ['2', 'a'])).toBe('q2b');
    // (outside question 2 the digits after it may be a value's: it stays the question's heading)
    expect(findLabel('Q2.2 0 additional parameters', tree, [])?.path).toEqual(['2']);
    // (a letter other than Q before an outline number is a lettered question's: "A.2.1 Compute")
    expect(id('A.2.1 Compute C_t.')).toBeNull();
  });
});

describe("a hand's (b) converted to text as (6) (round 99)", () => {
  it('"Q1 (6) (i)" is 1(b)(i): a bracketed roman numeral after it leaves no number there', () => {
    expect(id('Q1 (6) (i) Ct = ft × Ct-1 + it × C̃t')).toBe('q1b1');
    expect(id('Q1 (6) (ii)')).toBe('q1b2');
    // (alone after a question, "(6)" may be its marks: not read as (b))
    expect(findLabel('Q2 (6)', tree, [])?.path).toEqual(['2']);
  });
});

describe('a correction in brackets after a letter’s P.S. (round 100)', () => {
  it('"P.S. (correction to 1(b)(i)): …" labels 1(b)(i); a P.S. with no correction labels nothing', () => {
    expect(findLabel('P.S. (correction to 1(b)(i)): I had the gates swapped', tree)?.path).toEqual([
      '1',
      'b',
      'i',
    ]);
    expect(findLabel('(corrected 2(a)) the score has no weights', tree)?.path).toEqual(['2', 'a']);
    expect(findLabel('P.S. 2 more lines follow', tree)).toBeNull();
  });
});

describe("the digits of India's other scripts (round 104)", () => {
  it('Tamil, Gujarati, Odia, Gurmukhi, Telugu, Kannada and Malayalam digits are plain digits', () => {
    expect(plainForms('4 x 18 = ௭௨, ૬૩, ୧୯୯, ੩, ౭౨, ೧೮, ൬൦')).toBe('4 x 18 = 72, 63, 199, 3, 72, 18, 60');
  });
});

describe('round 105-106: outline numbers after a word, and corrections in the script own style', () => {
  it('"Ans. 1.2(ii)" names 1(b)(ii), its sub-part in brackets; a colon closes the label', () => {
    expect(id('Ans. 1.2(i)')).toBe('q1b1');
    expect(id('Ans. 1.2(ii) h_t = o_t ⊙ tanh(C_t)')).toBe('q1b2');
    expect(id('Ans. 1.2(i): in (1) I swapped the gates')).toBe('q1b1');
    expect(id('1.2.1: C_t = f_t ⊙ C_{t-1}')).toBe('q1b1');
    // (a decimal value before a colon names nothing)
    expect(id('0.5: the product')).toBeNull();
  });
  it('a correction names the part as its own label does: "Correction to Q1 · Part B-i", "EDIT — correction to RE: 1 b i"', () => {
    expect(id('Correction to Q1 · Part B-i')).toBe('q1b1');
    expect(id('Correction to Ans. 1.2(i): in (1) I swapped')).toBe('q1b1');
    expect(id('EDIT — correction to RE: 1 b i: 3rd element is wrong')).toBe('q1b1');
    expect(id('Correction to Q1')).toBeNull();
  });
});

describe('romanLetteredQuestions: one question’s lettered parts numbered in roman (round 117)', () => {
  it('"Ans-3." then "(i)", "(ii)", "(iii)" for 3(a)-(c), beside "(b)(i)" for question 1', () => {
    const lines = [
      'Ans-1. (b)(i) C = 0.7',
      '(ii) h = 0.6',
      'Ans-3.',
      'Q: what does W multiply? A: a vector of 5.',
      '(i) W is 3 × 5',
      '(ii) b is 3 × 1',
      '(iii) 4 × 18 = 72',
      'Ans-5. 199',
    ];
    expect([...romanLetteredQuestions(lines, tree)]).toEqual(['3']);
  });
  it('not where the count differs from the parts, a letter is used, or the roman labels are out of order', () => {
    expect(
      romanLetteredQuestions(['Ans-3.', '(i) W is 3 × 5', '(ii) b is 3 × 1', 'Ans-5. 199'], tree).size,
    ).toBe(0);
    expect(
      romanLetteredQuestions(['Ans-3.', '(a) W is 3 × 5', '(i) b', '(ii) c', '(iii) d', 'Ans-5. 199'], tree)
        .size,
    ).toBe(0);
    expect(romanLetteredQuestions(['Ans-3.', '(ii) W', '(i) b', '(iii) 72', 'Ans-5. 199'], tree).size).toBe(
      0,
    );
  });
});

describe('questions lettered by their headings: "Part B (Question 2)" (round 119)', () => {
  it('three headings that give each question its letter make the script’s questions lettered; "B-a" is 2(a)', () => {
    const lines = [
      'Part A (Question 1)',
      'A-b-i C = 0.7',
      'Part B (Question 2)',
      'B-a e = s · h',
      'Part C (Question 3)',
      'C-c 72',
    ];
    expect(outlineQuestions(lines)).toBe('letter');
    const opts = { outlineQuestions: 'letter' as const };
    expect(findLabel('B-a e = s · h', tree, [], opts)?.partId).toBe('q2a');
    expect(findLabel('A-b-i C = 0.7', tree, [], opts)?.partId).toBe('q1b1');
    // (letters out of step with the numbers are parts, not questions)
    expect(
      outlineQuestions(['Part B (Question 1)', 'Part A (Question 2)', 'Part C (Question 2)']),
    ).toBeNull();
  });
});

describe('round 120: a sentence word heading labels, a sub-part and its roman in one bracket', () => {
  it('"Result 1(b)(i)." heads 1(b)(i) where the script closes three different labels or more after "Result"', () => {
    const lines = [
      'Result 1(a). Positions',
      'Result 1(b)(i).',
      'Result 2(b). No new weights',
      'Result 5 (sizes).',
    ];
    const words = labelWords(lines);
    expect(words).toContain('result');
    expect(findLabel('Result 1(b)(i).', tree, [], { labelWords: words })?.partId).toBe('q1b1');
    expect(findLabel('Result 2(b). No new weights', tree, [], { labelWords: words })?.partId).toBe('q2b');
    expect(findLabel('Result 1(b)(i).', tree)).toBeNull();
    // (a sentence citing earlier answers is no label word: its labels are not closed by a stop)
    expect(labelWords(['Using 1(b)(i) we get', 'Using 2(a) again', 'Using 3(a) and 3(b)'])).not.toContain(
      'using',
    );
    // (nor is the same label cited three times)
    expect(labelWords(['Result 3(a).', 'Result 3(a).', 'Result 3(a).'])).not.toContain('result');
  });
  it('"I.(b.i)", "1.(b.ii)" and "Q1 (b-i)" name the sub-part and its roman after the question', () => {
    expect(findLabel('I.(b.i) Let the new cell state be', tree)?.partId).toBe('q1b1');
    expect(findLabel('1.(b.ii)', tree)?.partId).toBe('q1b2');
    expect(findLabel('Q1 (b-i) C_t = …', tree)?.partId).toBe('q1b1');
  });
});

describe("findLabel: a note app's callout sign before a label (round 122)", () => {
  it('"> ⚠️ correction to 1.b.i :" and "💡 Q2(b)" read their labels; "⚠ 3 gates" is no label', () => {
    expect(id('> ⚠️ correction to 1.b.i : 0.5 x 0.4 = 0.2')).toBe('q1b1');
    expect(id('💡 Q2(b) zero extra parameters')).toBe('q2b');
    expect(id('⚠ three gates share nothing')).toBeNull();
    expect(id('▾ Question 1 part a')).toBe('q1a');
  });
});

describe('findLabel: parts numbered in digits, questions in words, checklists (rounds 128-129)', () => {
  it('a question’s lettered parts numbered in digits after its mark: "Q 3 / 1", "Q1-2-i", "1.(2)-ii", "Q.Four pt. 2"', () => {
    expect(id('Q 3 / 1 W_f = 3 x 5')).toBe('q3a');
    expect(id('Q 1 / 2 / 1')).toBe('q1b1');
    expect(id('Q1-2-2')).toBe('q1b2');
    expect(id('Q3-3')).toBe('q3c');
    expect(id('1.(2)-ii')).toBe('q1b2');
    expect(rest('3.(1)   W_f = 3 x 5')).toBe('W_f = 3 x 5');
    expect(id('Question 1, item 2, sub-item 1')).toBe('q1b1');
    // (arithmetic and a question's marks are no such label; a digit past the question's parts neither)
    expect(id('3-3 = 0')).toBeNull();
    expect(id('3 -  (3)')).toBeNull();
    expect(id('Q3-4')).not.toBe('q3c');
  });
  it('a question spelt in words or as an ordinal: "Q-three (c)", "Three-c", "1st Q (b)(ii)", "The last question"', () => {
    expect(id('Q-three (c)')).toBe('q3c');
    expect(id('Qn. Two (a)')).toBe('q2a');
    expect(id('Q.Four pt. 1')).toBe('q4a');
    expect(id('Three-c')).toBe('q3c');
    expect(id('One-b-i')).toBe('q1b1');
    expect(id('1st Q (b)(ii)')).toBe('q1b2');
    expect(id('Prob. Three / bit (c)')).toBe('q3c');
    expect(id('Part the second of Q1, (i)')).toBe('q1b1');
    // (the last question is the paper's last: this tree's is 10)
    expect(id('The last question')).toBe('q10');
    expect(id('One of the gates is open')).toBeNull();
    expect(id('The last question of the paper is hard')).toBeNull();
  });
  it('a running number with the paper’s label after it: "Item 6 (3a)", "[10] Q5"', () => {
    expect(id('Item 6 (3a) W_f')).toBe('q3a');
    expect(id('[10] Q5 199')).toBe('q5');
  });
  it('a checklist’s box or status before the label: "- [x] Q1(b)(i)", "[DONE] Soln. 3(c)", "☑ Task 1 · (b) · ii"', () => {
    expect(rest('- [x] Q1(b)(i)  C_t = f ⊙ C')).toBe('C_t = f ⊙ C');
    expect(id('[ ] 4(a) — skipped')).toBe('q4a');
    expect(id('[DONE] Soln. 3(c)')).toBe('q3c');
    expect(id('⊠ 1(b)(ii)')).toBe('q1b2');
    expect(id('☑ Task 1 · (b) · ii')).toBe('q1b2');
    // (a box before arithmetic is no label)
    expect(id('[x] 3 x 5')).toBeNull();
  });
  it('"next part" under a part is the part after it; "Next: C_t = …" is working', () => {
    expect(id('next part', ['2', 'a'])).toBe('q2b');
    expect(id('(next part)', ['1', 'b', 'i'])).toBe('q1b2');
    expect(id('Next part: 0 parameters', ['2', 'a'])).toBe('q2b');
    expect(id('Next: C_t = 0.7', ['1', 'b', 'i'])).toBeNull();
    expect(id('next we compute', ['2', 'a'])).toBeNull();
    expect(id('next part', ['3', 'c'])).toBeNull();
  });
  it('a count with its unit in brackets is no label: "4 [gates] × 18 = 72"', () => {
    expect(findLabel('4 [gates] × 18 = 72', tree, ['3', 'c'], { bare: true })).toBeNull();
  });
});

describe('findLabel: the test’s own name (round 130)', () => {
  it('"CT3", a mind map’s root or a title, is the class test, not question 3; "Q3" still is', () => {
    expect(findLabel('CT3', tree, [], { bare: true })).toBeNull();
    expect(findLabel('Ct 3', tree, [], { bare: true })).toBeNull();
    expect(findLabel('Q3', tree)?.path).toEqual(['3']);
  });
});
