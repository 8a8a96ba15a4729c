// Pages of the free-form corpus read as a grader reads them, where a layout taught the reader something
// (round 75: equations numbered and cited, labels set apart from their answers by a gap).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster.ts';
import { freeformScript } from './testing-pdf.ts';

describe('a derivation that numbers its equations and cites them', () => {
  it('"(2)+(3) in (1): C_t = …" cites equations; the "(ii)" after it is 1(b)(ii)', async () => {
    const s = await freeformScript('rn-05.pdf');
    expect(s.parts['1b.i'].text).toContain('(2)+(3) in (1): Ct = [0.7, 0.2, 0.05].');
    expect(s.parts['1b.ii'].text).toContain('≈ 0.6044');
    expect(s.warnings.join(' ')).not.toContain('"(2)"');
  });
});

describe('a label set apart from its answer', () => {
  it('a question’s number a quad before the number its answer starts with: "5  200 × 200 × 3, k = 4"', async () => {
    const s = await freeformScript('ro-11.pdf');
    expect(s.parts['5'].text).toMatch(/^200 × 200 × 3, k = 4/);
    expect(s.parts['4b'].text).not.toContain('200 × 200 × 3');
  });
  it('a heading under an inline fraction keeps to itself: "Ques-4/b" below "At t = T: ∂L/∂h_T = …"', async () => {
    const s = await freeformScript('rp-11.pdf');
    expect(s.order).toContain('4b');
    expect(s.parts['4b'].text).toContain('without decay');
    expect(s.parts['4a'].text).not.toContain('without decay');
  });
});

describe('a question’s label before prose or maths of its own', () => {
  it('"5 - Depthwise (3 filters 4 × 4 × 1, …)": a word and its bracket after a space are prose, no function', async () => {
    const s = await freeformScript('va-08.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise \(3 filters/);
    expect(s.parts['4b'].text).not.toContain('Depthwise');
  });
  it('"V  o = (200 − 4 + 2)/1 + 1 = 199" in a script of "IV(a)", "IV(b)": question V', async () => {
    const s = await freeformScript('ve-07.pdf');
    expect(s.parts['5'].text).toContain('199');
    expect(s.parts['4b'].text).not.toContain('DW out');
  });
});

// round 76: notes set apart from the answers that cite them, labels stacked in a table's narrow
// column, a displayed formula opening a page's right column
describe('a note read with the line that cites it', () => {
  it('a typeset footnote at the foot of the page: "¹So the total is 4 × 18 = 72" goes to 3(c), not to 2(b) above it', async () => {
    const s = await freeformScript('rs-04.pdf');
    expect(s.parts['3c'].text).toContain('there are 4 gates.\nSo the total is 4 × 18 = 72 parameters.');
    expect(s.parts['2b'].text).not.toContain('72');
  });
  it('in two columns: the total in a footnote goes to 5, the note cited in 4(a) to 4(a) (a raised 2 after 199 is a square)', async () => {
    const s = await freeformScript('rs-07.pdf');
    expect(s.parts['5'].text).toContain('Sum of the two counts.\n1,900,848 + 1,188,030 = 3,088,878');
    expect(s.parts['4a'].text).toContain('Softmax followed by cross-entropy');
    expect(s.parts['5'].text).not.toContain('Softmax');
  });
  it('under a heading of notes: "[2] A learnt score …" is the note "too[2]" cites, not question 2', async () => {
    const s = await freeformScript('rs-03.pdf');
    expect(s.parts['2b'].text).toMatch(/^0 \(none\)\./);
    expect(s.parts['2b'].text).toContain('A learnt score');
    expect(s.parts['2a'].occurrences).toBe(1);
    expect(s.parts['5'].text).not.toContain('Reading the figure');
  });
});

describe('a table’s label over two or three lines of its cell', () => {
  it('"2" over "(b)", "1" over "(b)" over "ii": one label each, read before the cell beside it', async () => {
    const s = await freeformScript('rs-03.pdf');
    expect(s.parts['1b.ii'].text).toMatch(/^ht = ot ⊙ tanh\(Ct\)/);
    expect(s.parts['3a'].text).not.toContain('bf');
    expect(s.parts['3b'].text).toMatch(/^bf ∈/);
    expect(s.warnings.join(' ')).not.toContain('has no sub-part label');
  });
});

describe('a page’s columns and labels', () => {
  it('a boxed formula opening the right column stays there, not read into the left column’s first line', async () => {
    const s = await freeformScript('rq-07.pdf');
    expect(s.parts['1a'].text).not.toContain('tanh');
    expect(s.parts['4a'].text).toContain('ft+1');
  });
  it('"V. Depthwise: …" in a script of "IV.(a)": question 5', async () => {
    const s = await freeformScript('rq-07.pdf');
    expect(s.parts['5'].text).toContain('3,088,878');
    expect(s.parts['4b'].text).not.toContain('Depthwise');
  });
  it('"Part B(i)." under "Problem 1": 1(b)(i)', async () => {
    const s = await freeformScript('rq-10.pdf');
    expect(s.parts['1b.i'].text).toContain('(0.7, 0.2, 0.05)');
    expect(s.parts['1b.ii'].text).toContain('(0.604, 0, 0)');
  });
});

// round 77: working set beside the answers, not below them
describe('working set beside the answers', () => {
  it('LaTeX margin notes: each read after the answer it stands level with, a sentence kept whole', async () => {
    const s = await freeformScript('rv-02.pdf');
    expect(s.parts['1b.i'].text).toContain('add ⇒ (0.7, 0.2, 0.05)');
    expect(s.parts['1b.ii'].text).toContain('tanh(0.7) = 0.6044');
    expect(s.parts['2b'].text).toContain('requirement: dim s = dim h.');
    expect(s.parts['3a'].text).toContain('3 + 2 = 5');
    expect(s.parts['5'].text).toContain('sum = 3,088,878');
    expect(s.parts['4b'].text).not.toContain('tanh(0.7)');
  });
  it('an office table of Answer | Rough work: each cell of working with its row, the heading no rough work to drop', async () => {
    const s = await freeformScript('rv-09.pdf');
    expect(s.parts['3a'].text).toContain('3+2 = 5 columns');
    expect(s.parts['3c'].text).toContain('3 × 18 = 54');
    expect(s.parts['1b.i'].text).toContain('Ct = {0.2+0.5, 0.2+0, 0+0.05}');
    expect(s.parts['1b.ii'].text).toContain('tanh(0.7) = 0.604');
    expect(s.parts['5'].text).toContain('(200 − 4 + 2)/1 + 1 = 199');
  });
  it('a box of working beside each answer: "5 = 3 + 2" with 3(a), "(tanh 0.7, 0, 0)" with 1(b)(ii)', async () => {
    const s = await freeformScript('rv-06.pdf');
    expect(s.parts['3a'].text).toContain('5 = 3 + 2');
    expect(s.parts['1b.ii'].text).toContain('ht = ot · tanh(Ct) = (tanh 0.7, 0, 0)');
    expect(s.parts['5'].text).not.toContain('tanh');
  });
  it('two typeset columns with displayed maths are still columns: question 5 read in the right one', async () => {
    const s = await freeformScript('ws-05.pdf');
    expect(s.parts['5'].text).toContain('3,073,278');
    expect(s.parts['4b'].text).toContain('This is how the LSTM captures long');
  });
});

// round 78: answers running across pages and around each other, labels in their own numbering
describe('a table row read whole', () => {
  it('an office table whose label cell stands closer than a typed space to its answer: "(c)" owns the lines above it in its row', async () => {
    const s = await freeformScript('rw-10.pdf');
    expect(s.parts['3b'].text).toBe('bf : 3 × 1');
    expect(s.parts['3c'].text).toMatch(/^Wf, Wi, Wo, WC → 4 × 15 = 60\.\nThe bias is shared/);
  });
  it('a LaTeX table set on its label’s line in the left column, a label level with its top in the right one', async () => {
    const s = await freeformScript('ry-05.pdf');
    expect(s.parts['1a'].text).toMatch(/^var pos\nft 3\nit 4\not 8/);
  });
  it('"5" in the labels’ column of a drawn table, its line taller than the label: question 5', async () => {
    const s = await freeformScript('rx-03.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise: 3 filters/);
    expect(s.parts['4b'].text).not.toContain('Depthwise');
  });
});

describe('labels of a script’s own numbering and order', () => {
  it('"5 - (doing 5 before 4, 4 is long)" after 3(c): question 5, said on its own line to come first', async () => {
    const s = await freeformScript('rw-08.pdf');
    expect(s.order.slice(8, 10)).toEqual(['5', '4a']);
    expect(s.parts['3c'].text).not.toContain('Depthwise');
  });
  it('"1.2(i)", "1.2(ii)": the outline number with its sub-part in brackets', async () => {
    const s = await freeformScript('rx-08.pdf');
    expect(s.parts['1b.i'].text).toContain('componentwise');
    expect(s.parts['1b.ii'].text).toContain('0.6044');
    expect(s.parts['1a'].text).not.toContain('componentwise');
  });
  it('"back to Question 4 part a (continued from page 1)": 4(a) again, after question 5', async () => {
    const s = await freeformScript('rw-04.pdf');
    expect(s.parts['4a'].text).toContain('dc_(t+1)/dc_t = f_(t+1)');
    expect(s.parts['4a'].occurrences).toBe(2);
    expect(s.parts['5'].text).not.toContain('back to');
  });
  it('"--- page 2 ---" between pages is no line of the answer', async () => {
    const s = await freeformScript('rw-02.pdf');
    expect(s.parts['4a'].text).not.toContain('page 2');
  });
});

// round 79: each question written up as a short lab report
describe('a lab report per question', () => {
  it('"REPORT 3 : PARAMETERS OF THE LSTM CELL" heads question 3: its Aim, Given and Method are 3(a)’s, not 2(b)’s', async () => {
    const s = await freeformScript('qb-01.pdf');
    expect(s.parts['3a'].text).toContain('hence the weight matrix maps 5 -> 3');
    expect(s.parts['2b'].text).not.toContain('PARAMETERS');
  });
  it('"5 - DEPTHWISE SEPARABLE CONVOLUTION" between rules of asterisks, the order of answers announced: question 5 first', async () => {
    const s = await freeformScript('qb-07.pdf');
    expect(s.order.slice(0, 2)).toEqual(['5', '3a']);
    expect(s.parts['5'].text).toContain('30 88 878');
    expect(s.parts['3a'].text).toContain('of length 3 + 2 = 5');
  });
});

describe('a part named where a sentence wraps', () => {
  it('"… Look at what you computed in" / "(a): a dot product, …" under 2(b) refers to 2(a): no second 2(a)', async () => {
    const s = await freeformScript('rz-01.pdf');
    expect(s.parts['2a'].occurrences).toBe(1);
    expect(s.parts['2b'].text).toContain('So your answer is 0 additional parameters.');
  });
});

// rounds 81 and 82: paragraph numbers, a label cell said twice, a section sign over a wrapped
// introduction, a label a column away from its answer's second line
describe('labels among a report’s numbers and a table’s columns', () => {
  it('"4.1 | Q4 (a)": a clause column beside the part’s own label is one label, its centred cell read whole', async () => {
    const s = await freeformScript('qg-03.pdf');
    expect(s.parts['4a'].text).toMatch(/^Two paths from ct to L/);
    expect(s.parts['3c'].text).not.toContain('Two paths');
  });
  it('"2.2  Soln. 3(a): W_f …" in a report numbering its paragraphs: 3(a), and "2.2" no label', async () => {
    const s = await freeformScript('qg-05.pdf');
    expect(s.parts['3a'].text).toContain('Wf ∈ R^{3×5}');
    expect(s.parts['2b'].text).toMatch(/zero/i);
  });
  it('"§3 Every gate is acting on …", its introduction wrapped before the table’s "(a)": question 3', async () => {
    const s = await freeformScript('qi-12.pdf');
    expect(s.parts['3c'].text).toContain('4 × 18 = 72');
    expect(s.parts['2b'].occurrences).toBe(1);
  });
  it('"5" a column away from "multiplications, so …", its cell centred on the answer’s second line: question 5', async () => {
    const s = await freeformScript('qi-09.pdf');
    expect(s.parts['5'].text).toContain('1,821,646');
    expect(s.parts['4b'].text).not.toContain('1,821,646');
  });
});

// round 113: TeX's bitmap fonts, outline numbers at a line's end or after a roman numeral, a formula run
// into the gutter under a centred header, a label glued to a sentence, a note on the order
describe('labels in outline numbering and in TeX’s bitmap fonts', () => {
  it('"Q1 › b › i" in T1 fonts set as bitmaps (› given as a control code): the sub-parts are read', async () => {
    const s = await freeformScript('ny-05.pdf');
    expect(s.parts['1b.i'].text).toContain('(0.7, 0.2, 0.05)');
    expect(s.parts['3b'].text.trim()).toBe('bf is 3 × 1.');
    expect(s.parts['3c'].text).toContain('= 18');
  });
  it('"I.2.ii" and "IV.1" alone on their lines after "III.3 …", and "V Depthwise: …": 1(b)(ii), 4(a) and 5', async () => {
    const s = await freeformScript('ny-11.pdf');
    expect(s.parts['1b.ii'].text).toContain('[0.6044, 0.1974, 0.0500]');
    expect(s.parts['1b.i'].text).not.toContain('tanh 0.7');
    expect(s.parts['4a'].text).toContain('since ct+1');
    expect(s.parts['3c'].text).not.toContain('∂L');
    expect(s.parts['5'].text).toContain('3,088,878');
  });
  it('"… = (0.7, 0, 0.4)   [1.2.1]": an outline number in brackets closing each answer', async () => {
    const s = await freeformScript('ny-04.pdf');
    expect(s.parts['1b.i'].text).toContain('(0.7, 0, 0.4)');
    expect(s.parts['1b.ii'].text).toContain('(0.604, 0, 0)');
    expect(s.parts['3c'].text).toContain('60 + 3 = 63');
    expect(s.parts['5'].text).toContain('3057912');
  });
  it('"W_f multiplies …   (3.1)" at the right of each answer’s first line, and "(5)" among them: question 5', async () => {
    const s = await freeformScript('ny-07.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise convolution/);
    expect(s.parts['5'].text).toContain('30,88,878');
    expect(s.parts['3a'].text).toContain('W_f is 3 × 5');
    expect(s.parts['4b'].text).toMatch(/^With f = 1/);
  });
  it('two columns under a centred header, "C_{t−1} → 1" run into the gutter: the gutter is the columns’', async () => {
    const s = await freeformScript('nx-11.pdf');
    expect(s.parts['1a'].text).toContain('Ct−1 → 1');
    expect(s.parts['2a'].text).toContain('ekj = sk · hj');
    expect(s.parts['4b'].text).toContain('forgets the past');
    expect(s.parts['5'].text).toContain('3,027,102');
  });
  it('"… it has to remember.Q5", a paste that lost its line break: question 5 starts on the next line', async () => {
    const s = await freeformScript('nz-01.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise step/);
    expect(s.parts['4b'].text).toMatch(/remember\.$/);
  });
  it('"I have answered Q5 before Q4": a bare "5" in the labels’ column after 3(c) heads question 5', async () => {
    const s = await freeformScript('ny-03.pdf');
    expect(s.parts['5'].text).toContain('3 088 878');
    expect(s.parts['3c'].text).not.toContain('Depthwise');
  });
});

// round 114: large print
describe('large print', () => {
  it('20 pt lines whose ends lie past a word space of 8 pt are one column, not two', async () => {
    const s = await freeformScript('mc-03.pdf');
    expect(s.parts['3c'].text).toContain('There are 4 weight matrices Wf, Wi, Wo, WC, each 3 × 5');
    expect(s.parts['3c'].text).not.toContain('entries');
    expect(s.parts['3a'].text).toContain('has 3 + 2 = 5 entries');
  });
});

describe('MATLAB cell marks', () => {
  it('"%% Q1 (b)(i)  -----" heads its part as a Markdown heading would', async () => {
    const s = await freeformScript('mb-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['1b.ii'].text).toContain('0.6044');
    expect(s.parts['1b.i'].text).not.toContain('tanh(C)');
  });
});

// round 115: parts merged under one label
describe('parts merged under one label', () => {
  it('"[1b : i+ii]", "[2ab]", "[3abc]": each label shares its answer over the parts it names', async () => {
    const s = await freeformScript('me-08.pdf');
    expect(s.parts['1b.i'].sharedWith).toEqual(['1b.ii']);
    expect(s.parts['2a'].sharedWith).toEqual(['2b']);
    expect(s.parts['3a'].sharedWith).toEqual(['3b', '3c']);
    expect(s.parts['2a'].text).toContain('zero extra');
  });
  it('"Soln. 2(a)–(b).", the dash taken by the label: 2(a) and 2(b) share the answer', async () => {
    const s = await freeformScript('me-05.pdf');
    expect(s.parts['2a'].sharedWith).toEqual(['2b']);
    expect(s.parts['2a'].text).toMatch(/^With dot-product alignment/);
  });
});

describe('an answer booklet’s blocks', () => {
  it('"+-- Q. No.: Q.1 (b) (i) ----- Marks: [  ] ---+": the label in a block’s border heads the block', async () => {
    const s = await freeformScript('md-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '3a', '3b', '3c', '2a', '2b', '4a', '4b', '5']);
    expect(s.parts['1b.ii'].text).toContain('h_t = [0.604, 0, 0]');
  });
  it('"Q. No. [ Soln. 1(a) ]   [x] attempted": the label in the field’s brackets', async () => {
    const s = await freeformScript('md-07.pdf');
    expect(s.parts['1a'].text).toContain('f_t = 3, i_t = 4');
    expect(s.parts['5']).toBeDefined();
  });
});

describe('pseudo-code', () => {
  it('"b ← n_h" in an algorithm is a variable assigned, not the sub-part (b)', async () => {
    const s = await freeformScript('mf-06.pdf');
    expect(s.parts['3a'].occurrences).toBe(1);
    expect(s.parts['3b'].occurrences).toBe(1);
    expect(s.parts['3b'].text).toContain('bf is 3 × 1');
  });
});

// rounds 116-118: equations numbered at line ends and cited in sentences, a roman heading run into
// its first line, LibreOffice's list bullets in OpenSymbol
describe('rounds 116-118: numbered equations, roman headings, list bullets', () => {
  it('"… weighted sum in" / "(4) have nothing to learn": an equation number the script sets at line ends, cited, is no question 4', async () => {
    const s = await freeformScript('mi-03.pdf');
    expect(s.parts['2b'].text).toContain('(4) have nothing to learn');
    expect(s.parts['4a'].occurrences).toBe(1);
    expect(s.warnings.join(' ')).not.toContain('"(4)"');
  });
  it('"III z = [h; x] has 3 + 2 = 5 entries" in a script of "I (a)", "IV (a)": question 3’s heading, its parts after it', async () => {
    const s = await freeformScript('mn-05.pdf');
    expect(s.parts['3a'].text).toContain('3 × 5');
    expect(s.parts['3c'].text).toContain('60 parameters');
    expect(s.parts['2b'].text).not.toContain('60');
  });
  it('labels after LibreOffice’s square and circle bullets (OpenSymbol’s private-use glyphs) are read', async () => {
    const s = await freeformScript('mo-10.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['1b.i'].text).toContain('(0.7, 0.2, 0.05)');
  });
  it('"(i)", "(ii)", "(iii)" under "Ans-3." alone are 3(a)-(c), beside "(b)(i)" for question 1', async () => {
    const s = await freeformScript('mk-11.pdf');
    expect(s.parts['3b'].text).toContain('5 × 1');
    expect(s.parts['3c'].text).toContain('4 × 20 = 80');
  });
  it('outline arrows before bracketed labels, "=> [Q3]" and "-> [Q3]-a :", and pdfTeX’s "Soln 2 −→ b"', async () => {
    const s = await freeformScript('mo-12.pdf');
    expect(s.parts['3a'].text).toContain('3 x 2');
    expect(s.parts['5'].text).toContain('20,196,510');
    const t = await freeformScript('mo-08.pdf');
    expect(t.parts['2b'].text).toContain('0 additional parameters');
    expect(t.parts['4b'].text).toContain('neither shrinks');
  });
  it('"P3 z_t = [h_{t−1}, x_t] ∈ R^5" in a script of "P1(b)(i)": question 3 with its introduction', async () => {
    const s = await freeformScript('mm-11.pdf');
    expect(s.parts['3b'].text).toContain('bf');
    expect(s.parts['2b'].text).not.toContain('72');
  });
  it('"1. LSTM" guessed as 1(a), then an indented "a." confirms it and "b." starts 1(b)(i)', async () => {
    const s = await freeformScript('sy-11.pdf');
    expect(s.parts['1b.i'].text).toMatch(/^Ct = ft · Ct−1/);
    expect(s.parts['1a'].text).not.toContain('Ct = ft');
  });
});

// round 119: answers named by topic, the paper's number after the heading; questions lettered by headings
describe('round 119: topic headings tagged with the paper’s numbers, lettered questions', () => {
  it('"Forget gate and cell update  [1(b)]", "(Q1 a)", "(= Q.5)", "paper 1(a)": each tag opens the block under its heading', async () => {
    const a = await freeformScript('mp-01.pdf');
    expect(a.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(a.parts['1b.i'].text).toContain('C_t = [0.7, 0.2, 0.05]');
    const b = await freeformScript('mp-02.pdf');
    expect(b.order).toHaveLength(11);
    const c = await freeformScript('mp-10.pdf');
    expect(c.parts['5'].text).toContain('3');
    expect(c.order[0]).toBe('5');
    const d = await freeformScript('mp-11.pdf');
    expect(d.parts['3c'].text).toContain('54');
    expect(d.parts['2b'].text).not.toContain('54');
  });
  it('"Part B (Question 2)" headings letter the questions: "B-a", "C-c" are 2(a), 3(c)', async () => {
    const s = await freeformScript('mr-09.pdf');
    expect(s.parts['2a'].text).toContain('ekj = sk · hj');
    expect(s.parts['3c'].text).toContain('4 × 12 = 48');
    expect(s.parts['3a'].text).toContain('3 × 3');
  });
});

// round 122: answers short, their working in notes
describe('footnotes on a page the notes outweigh', () => {
  it('the body is the answers’ size, not the notes’: each footnote goes to the part citing it, its raised marker opening its own line', async () => {
    const s = await freeformScript('mz-02.pdf');
    expect(s.parts['1b.i'].text).toContain('= (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)');
    expect(s.parts['2b'].text).toContain('has anything to learn');
    expect(s.parts['4a'].text).not.toContain('has anything to learn');
    // (note 7, its marker alone under 4(a)'s displayed formula: read after the formula's three rows)
    const a = s.parts['4a'].text;
    expect(a.indexOf('Chain rule and sum')).toBeGreaterThan(a.indexOf('∂ct ∂ct+1 ∂ht'));
    expect(a.indexOf('∂ct ∂ct+1 ∂ht')).toBeGreaterThan(-1);
  });
  it('footnotes numbered in roman: "W_f is 3 × 5.ⁱ" gets note i; a column vector’s "ⁱᵛ" after its tall bracket gets note iv', async () => {
    const s = await freeformScript('mz-05.pdf');
    expect(s.parts['3a'].text).toContain('concatenation');
    expect(s.parts['3c'].text).toContain('4 × 18 = 72');
    expect(s.parts['1b.ii'].text).toContain('(1 · tanh 0.7, 0 · tanh 0, 0 · tanh 0.4)');
  });
  it('a raised number on a vector’s bracket or a number, "[0.60, 0, 0]²", "36⁴", cites the footnote where nothing else does, and is no power', async () => {
    const s = await freeformScript('mz-08.pdf');
    expect(s.parts['1b.ii'].text).toContain('tanh(0.7) = 0.60');
    expect(s.parts['3c'].text).toMatch(/^36\none gate = 3 × 2 \+ 3 = 9/);
    expect(s.parts['3a'].text).toMatch(/^Wf is 3 × 2\n/);
    // (a marker alone under a displayed formula: its note after the answer, not a label "5")
    expect(s.parts['5'].occurrences).toBe(1);
    expect(s.parts['4a'].text).toMatch(/because ct\+1 depends on ct through the forget gate\.$/);
  });
  it('notes marked "*", "†" afresh under each question go to the answer above them that ends on the mark', async () => {
    const s = await freeformScript('mz-09.pdf');
    expect(s.parts['4a'].text).toContain('Path 1');
    expect(s.parts['4b'].text).not.toContain('Path 1');
    expect(s.parts['2b'].text).toContain('new knobs');
    expect(s.parts['2b'].text).not.toContain('conveyor belt');
  });
});

// rounds 124-125: a table's spanning cell, labels at a line's end or under the answer, a log of the time
describe('a table whose time column spans several rows', () => {
  it('"3(a)" and "3(b)" bridged by a "10:15" centred beside both: each label keeps its own row', async () => {
    const s = await freeformScript('lf-03.pdf');
    expect(s.parts['3a'].text).toMatch(/^Wf : 3 × 2\nWf multiplies the input/);
    expect(s.parts['3b'].text).toMatch(/^bf : 3 × 1\nOne bias per unit/);
  });
  it('a cell wrapped after "= 3 ×", the next column’s "15" read between: "5" goes on the formula, no label 5', async () => {
    const s = await freeformScript('le-06.pdf');
    expect(s.parts['3a'].text).toContain('= 3 ×\n5\n15');
    expect(s.parts['5'].occurrences).toBe(1);
  });
});

describe('labels at the ends of the answers’ lines', () => {
  it('tags on every answer, some after a computation: all read as one script’s tags, "[Q3 c]" and "[Q4 a]" too', async () => {
    const s = await freeformScript('lh-07.pdf');
    expect(s.parts['3c'].text).toMatch(/^4 × 15 \+ 3 = 63\n/);
    expect(s.parts['3b'].text).not.toContain('63');
    // (a tag on a displayed fraction's middle row opens the part at its numerator)
    expect(s.parts['4a'].text).toMatch(/^∂L\n=\n∂ct\n/);
    expect(s.parts['3c'].text).not.toContain('∂L');
    expect(s.parts['5'].text).toContain('3,057,912');
  });
  it('"… <<< 3(a)" at the first line’s end, and a correction further down read under its own label', async () => {
    const s = await freeformScript('lh-04.pdf');
    expect(s.parts['3a'].text).toMatch(/^W_f multiplies \[h_\{t-1\}, x_t\]/);
    expect(s.parts['5'].text).toMatch(/^Padding 1 with a 4x4 filter/);
    expect(s.parts['1b.i'].occurrences).toBe(2);
    expect(s.parts['1b.i'].text).toContain('0.5 x 0.1 = 0.05 not 0.5');
    expect(s.parts['4b'].text).not.toContain('0.5 x 0.1');
  });
  it('captions under the answers, "(that was 1 a)": the first answer reaches up to the header over a gap', async () => {
    const s = await freeformScript('lh-10.pdf');
    expect(s.parts['1a'].text).toMatch(/^ft = 4, it = 6, ot = 9/);
    expect(s.parts['3c'].text).toContain('Total = 4 × 15 + 3 = 63');
    const t = await freeformScript('lh-06.pdf');
    expect(t.parts['3c'].text).toContain('4 × 9 = 36 parameters');
    expect(t.parts['1a'].text).toMatch(/^ft : 5 it : 6/);
  });
  it('a \\marginpar label in the right column’s outer margin, smaller than the text, opens its line', async () => {
    const s = await freeformScript('lh-05.pdf');
    expect(s.parts['4b'].text).toMatch(/^Following only the cell-state path,/);
    expect(s.parts['5'].text).toMatch(/^Depthwise \(3 filters of 4 × 4 × 1\):/);
    expect(s.parts['4a'].text).not.toContain('Depthwise');
  });
  it('a roman question alone in the margin before a word’s equation, "V Output = 200 − 4 + 1 = 197"', async () => {
    const s = await freeformScript('lh-08.pdf');
    expect(s.parts['5'].text).toMatch(/^Output = 200 − 4 \+ 1 = 197/);
  });
});

describe('a script that logs its time and plan', () => {
  it('a plan of marks and minutes per question heads no answers; the answers under "Soln." are read once', async () => {
    const s = await freeformScript('lf-02.pdf');
    for (const id of ['5', '1a', '3a', '2a', '4a']) expect(s.parts[id].occurrences).toBe(1);
    expect(s.parts['5'].text).toContain('3,088,878');
  });
  it('"[5] (10:15)" under bracketed labels: question 5, its time no remark', async () => {
    const s = await freeformScript('lf-11.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise: 3 kernels/);
    expect(s.parts['3c'].text).not.toContain('Depthwise');
  });
  it('"Problem 3 (part a) 10:09": the sub-part in words in brackets, the time after it dropped', async () => {
    const s = await freeformScript('lf-12.pdf');
    expect(s.parts['3a'].text).toMatch(/^The input vector is/);
    expect(s.parts['3c'].text).toContain('4 × 20 = 80 parameters');
    expect(s.parts['1b.i'].text).toContain('(0.7, 0.2, 0.05)');
  });
  it('"5 - (10:13)" after the plan "1 -> 3 -> 5 -> 2 -> 4": question 5 where the plan puts it', async () => {
    const s = await freeformScript('lf-04.pdf');
    expect(s.parts['5'].text).toContain('depthwise: o/p size');
    expect(s.parts['3c'].text).not.toContain('depthwise');
  });
});

describe('question headings in other shapes', () => {
  it('"3/a, 3/b, 3/c" over "a) … b) …" and "c) …": the list heads question 3, its letters its parts', async () => {
    const s = await freeformScript('lj-12.pdf');
    expect(s.parts['3a'].text).toContain('Wf : 3 × 5');
    expect(s.parts['3c'].text).toContain('= 72');
    expect(s.parts['2b'].text).not.toContain('72');
  });
  it('"[3]" with its question’s sizes, after "[2b]", where no step of the answer above is numbered so', async () => {
    const s = await freeformScript('ld-01.pdf');
    expect(s.parts['3a'].text).toContain('W_f : 3 x 5');
    expect(s.parts['2b'].text).not.toContain('3 x 5');
  });
});

// rounds 126-127: the paper reorganised by topic
describe('a script labelled "3 c -", its parts grouped by topic', () => {
  it('"5 -    197 x 197 x 3 x 16 = …" after "3 c -" is question 5 again, not 3(c)’s working', async () => {
    const s = await freeformScript('lm-07.pdf');
    expect(s.parts['3c'].text).toBe('4 gates so 4 x (9 + 3) = 48');
    expect(s.parts['5'].occurrences).toBe(2);
    expect(s.parts['3b'].text).toBe('b_f = 3');
  });
});

describe('answers written as a commit log', () => {
  it('"e41a0c1 feat(q1b-i): compute C_t" and "2021-03-15 10:07 feat[5]: …": the commit’s scope is the part', async () => {
    const s = await freeformScript('ll-01.pdf');
    expect(s.order.slice(0, 3)).toEqual(['1a', '1b.i', '1b.ii']);
    expect(s.parts['1b.i'].text).toMatch(/^compute C_t/);
    const t = await freeformScript('ll-02.pdf');
    expect(t.parts['5'].text).toMatch(/^depthwise separable conv count/);
    expect(t.parts['3c'].text).not.toContain('1862832');
  });
});

// rounds 128-129: labels in a platform's digits, in words, in a checklist
describe('labels an online platform numbers, spelt out, or ticked off', () => {
  it('"Q1-2-i", "Q2-1", "Q3-3": the paper’s own labels in digits, not a portal’s running numbers', async () => {
    const s = await freeformScript('lq-08.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['2a'].text).toMatch(/^ekj = W \[sk; hj\]/);
  });
  it('"#1" … "#11" with no key: the k-th number is the paper’s k-th part', async () => {
    const s = await freeformScript('lq-06.pdf');
    expect(s.parts['3a'].text).toMatch(/^W_f = 3 x 5/);
    expect(s.parts['4b'].text).toMatch(/^dL\/dc_1 = /);
  });
  it('a task list on top ("1.a ......... DONE") heads nothing; "1.a  [DONE]" over the answer is its label', async () => {
    const s = await freeformScript('lu-07.pdf');
    expect(s.parts['1a'].text).toMatch(/^f_t - 4/);
    expect(s.parts['1a'].occurrences).toBe(1);
    expect(s.parts['5'].text).toMatch(/^depthwise output/);
  });
  it('"… || A2.b 0 — …": a crib sheet’s next part on the same line', async () => {
    const s = await freeformScript('lr-12.pdf');
    expect(s.parts['2b'].text).toMatch(/^0 — dot-prod score/);
    expect(s.parts['2a'].text).not.toContain('param-free');
  });
  it('"next part" under "QUESTION ONE … part a" opens the part after it', async () => {
    const s = await freeformScript('lt-12.pdf');
    expect(s.parts['2b'].text).toMatch(/^Dot product is free of cost/);
    expect(s.parts['3b'].text).toMatch(/^bf is 3 × 1/);
  });
  it('"4 [gates] × 18 = 72 parameters" goes on 3(c)’s working, not question 4', async () => {
    const s = await freeformScript('lv-06.pdf');
    expect(s.parts['3c'].text).toContain('4 [gates] × 18 = 72');
    expect(s.parts['4a'].text).not.toContain('gates');
  });
});

describe('answers written under a copy of the question paper', () => {
  it('no labels, each answer under its question quoted with "> ": the quotes name the parts, their givens no answer', async () => {
    const s = await freeformScript('ls-04.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['1b.i'].text).toMatch(/^C_t = f_t \(\.\) C_\{t-1\}/);
    expect(s.parts['1b.i'].text).not.toContain('0.4');
    expect(s.parts['3a'].text).toMatch(/W_f : 3 x 5$/);
  });
});

// rounds 130-131: a mind map's tree, parts under the wrong label
describe('an outline drawn as a tree, and labels for parts the exam does not have', () => {
  it('"│   ├── (a) [h_{t-1}, x_t] has 3 + 2 = 5 entries …": the branches blanked, each part under its label', async () => {
    const s = await freeformScript('ly-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['3a'].text).toContain('W_f is 3 x 5');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1');
  });
  it('"1 c -" (question 1 has no part c) sets its lines apart, not as more of 1(b)(ii)', async () => {
    const s = await freeformScript('kb-04.pdf');
    expect(s.parts['1b.ii'].text).not.toContain('e_kj');
    expect(s.unlabelled.map((l) => l.text)).toContain('1 c -');
  });
  it('"Ans 3 (b)" written again over what answers 3(c), 3(c) labelled nowhere: read as 3(c), for a person', async () => {
    const s = await freeformScript('kb-06.pdf');
    expect(s.parts['3c'].text).toMatch(/Total parameters/);
    expect(s.parts['3c'].labelConf).toBeLessThan(0.7);
    expect(s.parts['3b'].text).toBe('bf = 3');
  });
});

// rounds 132-133: editors' line numbers, East Asian input, chat exports, a judge's test cases, options
// in boxes; round 131's keycap labels as LibreOffice and pdfkit set them
describe('line numbers an editor, lineno or a word processor prints', () => {
  it('a gutter, "7 │ Q1(a)": blanked, every part under its label', async () => {
    const s = await freeformScript('kc-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['1b.i'].text).not.toMatch(/^\s*\d+\s*│/m);
  });
  it('Word\'s numbering glued to the text, "5Q1", "6(a)": the labels read', async () => {
    const s = await freeformScript('kc-06.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['3c'].text).toMatch(/^The gates are forget/);
  });
  it('lineno every fifth line, "15 I.": question I read', async () => {
    const s = await freeformScript('kc-05.pdf');
    expect(s.order).toContain('1a');
    expect(s.parts['1a'].text).toContain('ft → 3');
  });
  it('a two-column page’s gutter numbers glued to a value, "C̃t = 2" and "34": no "234"', async () => {
    const s = await freeformScript('kc-08.pdf');
    expect(s.parts['1a']?.text ?? '').not.toContain('234');
  });
});

describe('labels typed with an East Asian input method', () => {
  it('"答1〔b〕「ii」": the CJK brackets and the word for answer read as "Q1(b)(ii)"', async () => {
    const s = await freeformScript('kd-09.pdf');
    expect(s.order.slice(0, 5)).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b']);
    expect(s.parts['1b.ii'].text).toContain('[0.604, 0, 0]');
  });
  it('"第二题 Question 2 part a" is question 2 once; "问题3" heads question 3', async () => {
    const s = await freeformScript('kd-12.pdf');
    expect(s.parts['2a'].text).toMatch(/^ekj = skT hj/);
    expect(s.parts['2b'].text).toMatch(/^0\. No new weights/);
  });
});

describe('answers pasted from a chat export', () => {
  it('"15/03/2021 10:16 am - Bhaskar: 3 c -": the student’s stamp and name taken off, the label read', async () => {
    const s = await freeformScript('ke-06.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a']);
    expect(s.parts['3c'].text).toMatch(/^one gate = 6 \+ 3 = 9/);
    expect(s.parts['3c'].text).not.toContain('Bhaskar');
  });
  it('a friend’s message keeps its sender, so "Anbu: 2b is zero da" is no label of the student’s', async () => {
    const s = await freeformScript('ke-11.pdf');
    expect(s.parts['2b'].occurrences).toBe(1);
  });
  it('a header alone on its line, "Kruti, [15.03.21 10:18]", is blanked: its time no value', async () => {
    const s = await freeformScript('ke-09.pdf');
    expect(s.parts['3c'].text).not.toMatch(/10:18/);
  });
});

describe('answers as a judge’s test cases', () => {
  it('"==== Problem 1, subproblem (b)(i) ====" and "$ ./judge 1b.ii" are the parts’ labels', async () => {
    for (const file of ['kg-05.pdf', 'kg-08.pdf']) {
      const s = await freeformScript(file);
      expect(s.order.slice(0, 4), file).toEqual(['1a', '1b.i', '1b.ii', '2a']);
    }
  });
});

describe('options in boxes, one ticked', () => {
  it('"f_t -> [ ] 2 [x] 3 [ ] 5" reads as its choice, "f_t -> 3"', async () => {
    const s = await freeformScript('kh-01.pdf');
    expect(s.parts['1a'].text).toMatch(/f_t\s+->\s+3\b/);
    expect(s.parts['1a'].text).not.toMatch(/\b2\b.*\b3\b.*\b5\b/);
  });
  it('options running on to the next line, "□ 3 × 2 ■ 3 × 5" over "□ 5 × 3": the empty ones blanked', async () => {
    const s = await freeformScript('kh-12.pdf');
    expect(s.parts['3a'].text).toContain('3 × 5');
    expect(s.parts['3a'].text).not.toContain('5 × 3');
  });
});

describe('emoji keycaps as labels', () => {
  it('LibreOffice draws "1️⃣" as its digit fifteen times, stepping left: one "1"', async () => {
    const s = await freeformScript('ka-06.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
  });
  it('a font without the keycap’s marks reads "1\\u0000(a)": the missing glyph dropped', async () => {
    const s = await freeformScript('ka-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
  });
});

// rounds 134-135: mark-scheme annotations, AutoCorrect's labels
describe('what a mark scheme or AutoCorrect adds to a line', () => {
  it('"total = 4 x 15 = 60 M1 A1": the codes closing the line blanked, no "60 M" read as millions', async () => {
    const s = await freeformScript('kn-01.pdf');
    expect(s.parts['3c'].text).toMatch(/= 60\s*$/m);
    expect(s.parts['3c'].text).not.toMatch(/M1|A1/);
  });
  it('"Question 3 part ©", AutoCorrect’s (c), labels 3(c)', async () => {
    const s = await freeformScript('kk-11.pdf');
    expect(s.parts['3c'].text).toContain('Total = 64');
    expect(s.parts['3b'].text).not.toContain('Total = 64');
  });
});

// rounds 136-137: a form numbering its boxes itself
describe('a form’s own counter over each answer box', () => {
  it('"Question 3 of 11 (1 mark)" over a box holding "Q1(b)(ii)": the student’s label read', async () => {
    const s = await freeformScript('ko-02.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['1b.ii'].text).toContain('tanh');
  });
  it('"Question 12 of 12" wrapped in a narrow cell ("of 12 (3 marks)"): no 12 read as question 5’s answer', async () => {
    const s = await freeformScript('ko-11.pdf');
    expect(s.parts['5'].text).toContain('199 × 199 × 3');
    expect(s.parts['5'].text).not.toMatch(/of 12/);
  });
  it('"Item 1" … "Item 8" (marks), past the paper’s five questions, no paper label after them: no label read', async () => {
    const s = await freeformScript('ko-05.pdf');
    expect(s.order).toEqual([]);
  });
  it('"Item 1" … "Item 11" beside the paper’s labels ("1-b-" / "ii") stay a portal’s numbers', async () => {
    const s = await freeformScript('ko-09.pdf');
    expect(s.order).toContain('1b.ii');
  });
});

describe('labels set letter-spaced for emphasis', () => {
  it('"Q U E S T I O N 1" and "(b)" under it label 1(b)', async () => {
    const s = await freeformScript('kp-01.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
  });
  it('"A n s 1 ( b ) ( i i )" labels 1(b)(ii); "1 ." alone heads question 1', async () => {
    expect((await freeformScript('kp-09.pdf')).order).toContain('1b.ii');
    expect((await freeformScript('kp-12.pdf')).order.slice(0, 3)).toEqual(['1a', '1b.i', '1b.ii']);
  });
});

describe('a script typed into the question paper', () => {
  it('the paper’s question copied over the answer is blanked: "What is the dimension of b_f? [Ans: 3]" is "[Ans: 3]"', async () => {
    const s = await freeformScript('ku-03.pdf');
    expect(s.parts['3b'].text).toContain('[Ans: 3]');
    expect(s.parts['3b'].text).not.toMatch(/dimension/);
  });
  it('a part’s printed question above the student’s own labelled answer is no second place it is answered in', async () => {
    const s = await freeformScript('ku-05.pdf');
    expect(s.warnings.join(' ')).not.toMatch(/answered in 2 places/);
    expect(s.parts['3c'].text).toContain('= 72');
  });
});

describe('a roll written late or corrected', () => {
  const roster = parseRoster(
    readFileSync(new URL('../../testkit/freeform/roster.csv', import.meta.url), 'utf8'),
  );
  it('"Roll: 20MT46890" only at the script’s end: its student, with the header flagged', async () => {
    const s = await freeformScript('kx-10.pdf', roster);
    expect(s.header.match?.roll).toBe('20MT46890');
    expect(s.header.issues.join(' ')).toContain('only below the answers');
  });
  it('a slip on top corrected below, "my roll number is 19AE46878": the corrected roll', async () => {
    const s = await freeformScript('kx-08.pdf', roster);
    expect(s.header.match?.roll).toBe('19AE46878');
  });
});

describe('pages assembled out of order', () => {
  it('no roll or course line on the file’s first page: the header read from the later page that holds it', async () => {
    const s = await freeformScript('ja-05.pdf');
    expect([s.header.roll, s.header.course]).toEqual(['18EC47252', 'CS60010 CT 3, 15/3/21']);
  });
  it('the first page’s running head gives the roll; the course line read with the same roll from its own page', async () => {
    const s = await freeformScript('ja-01.pdf');
    expect([s.header.roll, s.header.course]).toEqual(['20CS47211', 'CS60010 CT 3, 15/3/21']);
  });
});
