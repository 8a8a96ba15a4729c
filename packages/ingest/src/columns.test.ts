import { readFileSync } from 'node:fs';
import { loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { buildPageLines, sideBySide, tableRows } from './columns.ts';
import { ingestPdf } from './ingest.ts';
import { freeformScript, textPdf, twoColumnPdf } from './testing-pdf.ts';
import { readTextLayer } from './text-layer.ts';

const exam = {
  course: { code: 'CS60010', line: 'CS60010 CT 3, 15/3/21' },
  parts: [
    { id: '1a', path: ['1', 'a'] },
    { id: '1b', path: ['1', 'b'] },
    { id: '2a', path: ['2', 'a'] },
    { id: '2b', path: ['2', 'b'] },
    { id: '3a', path: ['3', 'a'] },
    { id: '3b', path: ['3', 'b'] },
  ],
};
const read = async (pdf: Promise<Uint8Array>) => ingestPdf(await pdf, { exam, fileName: 'x.pdf' } as never);
/** A script of the free-form corpus, read for CT3. */
const corpus = freeformScript;

describe('two-column pages', () => {
  it('are read column by column: every part keeps its own lines, none is flagged out of order', async () => {
    const left = [
      'Q1 (a) f goes to 3 and i goes to 4 in the',
      'diagram, as drawn in the lecture notes.',
      '(b) C = 0.7 and the rest follows from it',
      'by the element-wise rule we saw above.',
      'Q2 (a) e = s h which is a dot product of',
      'the decoder state and the encoder state.',
    ];
    const right = [
      '(b) zero extra parameters since the dot',
      'product has no weights of its own at all.',
      'Q3 (a) W is 3 x 5 because the input has',
      '3 + 2 = 5 entries and the output has 3.',
      '(b) b is 3 as there is one bias per unit',
      'of the hidden state of the LSTM cell.',
    ];
    const s = await read(twoColumnPdf('Asha Verma 20CS10042 CS60010 CT 3, 15/3/21', left, right));
    expect(s.order).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
    expect(s.parts['2a'].text).toContain('the decoder state');
    expect(s.parts['2a'].text).not.toContain('product has no weights');
    expect(s.parts['3b'].text).toBe(
      'b is 3 as there is one bias per unit\nof the hidden state of the LSTM cell.',
    );
  });
  it('a two-line title across both columns, columns of displayed maths, a last line low on the page', async () => {
    // rows start anywhere (display maths): the columns are told by the gutter nothing but the
    // title crosses; the roll number right of the gutter stays on the title's line; the left
    // column's last line, near the foot of the page, is still its line
    const left = [
      'Q1 (a) f 3 i 4 o 8',
      'C 10 C-1 1 C~ 6',
      '(b) C = 0.7',
      '= [0.7, 0.2, 0.05]',
      'Q2 (a) e = s h',
      '(b) no extra weights',
    ];
    const right = [
      'Q3 (a) W is 3 x 5',
      '= 3 x (3 + 2)',
      '(b) b is 3 x 1',
      'one per unit',
      'Q4 (a) dL/dc = dL/dh o',
      '+ dL/dc f',
    ];
    const pad = (ls: string[]) => [...ls, ...Array.from({ length: 40 }, () => 'x = y + z')];
    const s = await read(
      twoColumnPdf(
        [
          'Lakshmi Narayanan Subramaniam Iyer   Roll: 20NA10037',
          'CS60010 CT 3, 15/3/21 (Deep Learning, Class Test 3)',
        ],
        [...left, ...Array.from({ length: 40 }, () => 'x = y'), '(last) C~ goes to 6'],
        pad(right),
        { indent: (i) => (i * 37) % 60, step: 15.6 },
      ),
    );
    expect(s.header.roll).toBe('20NA10037');
    expect(s.parts['2b'].text).toContain('no extra weights');
    expect(s.parts['2b'].text).not.toContain('Q3');
    expect(s.parts['3a'].text).toContain('= 3 x (3 + 2)');
    expect(s.parts['3a'].text).not.toContain('e = s h');
    // the left column's last line (y > 0.93 of the page) ends 2(b), before the right column
    expect(s.parts['2b'].text).toContain('(last) C~ goes to 6');
  });
  it('pdfTeX two-column pages of displayed maths (free-form corpus): every answer in its part', async () => {
    // wt-11: a two-line title crosses the gutter; wk-11: the name and roll at the two ends of the
    // first row, and no row of the right column starts at its edge until far down the page
    const wt = await corpus('wt-11.pdf');
    expect(wt.header.roll).toBe('20NA10037');
    expect(wt.parts['4b'].text).toContain('Unrolling');
    expect(wt.parts['5'].text).toContain('3 088 878');
    expect(wt.parts['1a'].text).not.toContain('Paths');
    const wk = await corpus('wk-11.pdf');
    expect(wk.header.roll).toBe('21CS30027');
    expect(wk.parts['4b'].text).toContain('conveyor');
    expect(wk.parts['5'].text).toContain('3,057,912');
    expect(wk.parts['3c'].text).not.toContain('depthwise');
  });
  it("a centred header the gutter cuts, and a right column holding only an answer's tail beside ragged lines (free-form corpus)", async () => {
    // tw-07: "Zoya Mirza  22PH29471" and "CS60010 CT 3, 15/3/21" centred over a multicol page
    const tw7 = await corpus('tw-07.pdf');
    expect(tw7.header.course).toBe('CS60010 CT 3, 15/3/21');
    expect(tw7.parts['3c'].text).not.toContain('15/3/21');
    // tw-06: short lines and displayed maths on the left, 4(b)'s end at the top of the right column
    const tw6 = await corpus('tw-06.pdf');
    expect(tw6.parts['4b']?.text).toContain('no vanishing gradient');
    expect(tw6.parts['3a'].text).not.toContain('dependency');
    // mg-07 (round 116): a large name over the gutter ("Ketan Prajapati | 22AE38450") and the course
    // line's second half a word space right of it, near the right column's edge: both stay one line
    const mg7 = await corpus('mg-07.pdf');
    expect(mg7.header.course).toBe('CS60010 CT 3, 15/3/21');
    expect(mg7.parts['3c'].text).not.toContain('15/3/21');
  });
  it('a full-width note across the middle does not make a page of prose and a table two columns (op-03)', async () => {
    const s = await corpus('op-03.pdf');
    expect(s.parts['2a'].text).toContain('ekj = skT hj');
  });
  it('a part’s heading low at the left column’s foot, its answer atop the right column, is no running foot (round 117)', async () => {
    // mj-06: "Soln. 2(a)" below the left column's last answer, a heading's space above it
    const s = await corpus('mj-06.pdf');
    expect(s.parts['2a'].text).toContain('Dot-product alignment');
    expect(s.parts['1b.ii'].text).not.toContain('Dot-product');
  });
  it('the gutter is not a word space that happens to line up inside the left column (free-form corpus)', async () => {
    // wl-10: "since the | dot product does" and "size 3 | + 2 = 5" leave a 4-5 pt space at the same
    // x, which no row crossed, while the header crosses the real gutter
    const s = await corpus('wl-10.pdf');
    expect(s.parts['2b'].text).toContain('since the dot product does');
    expect(s.parts['5'].text).not.toContain('dot product');
    expect(s.parts['3a'].text).toContain('size 3 + 2 = 5');
  });
  it('a label centred beside its table, a notebook\'s "# Q3  parameter count" (free-form corpus)', async () => {
    // zs-11: LaTeX sets "Ques. No. 1 (a)" on the middle of its centred tabular, so the table's
    // first rows come before the label; zu-01: Markdown headings with a title after the label
    const zs = await corpus('zs-11.pdf');
    expect(zs.parts['1a'].text.split('\n')).toEqual(['ft 2', 'it 4', 'ot 8', 'Ct 11', 'Ct−1 1', 'C̃t 5']);
    const zu = await corpus('zu-01.pdf');
    expect(zu.parts['2b'].text).toContain('Zero additional parameters');
    expect(zu.parts['2b'].text).not.toContain('W_f_shape');
    expect(zu.parts['3c'].text).toContain('4 x (15 + 3) = 72');
  });
  it('a table per question (part | answer | working), rows of one line among them, is read cell by cell (free-form corpus)', async () => {
    // zx-12: the label column has one line per row, so the pitch of a cell's lines is taken from
    // every column; the heading rows ("part answer working / reason") and one-line rows are left
    // out of the column checks
    const s = await corpus('zx-12.pdf');
    expect(s.parts['1b.ii'].text).toContain('ht = (0.6044,\n0, 0)');
    expect(s.parts['4a'].text).toContain('∂L/∂ct = ∂L/∂ht ∘ ot ∘ (1\n− tanh²(ct)) + ∂L/∂ct+1 ∘\nft+1');
    expect(s.parts['3b'].text).toBe('3 × 1 one bias per unit of ct');
  });
  it('a table of part | answer | working above prose on the same page is read cell by cell (free-form corpus)', async () => {
    // xi-03: Q1-Q3 in a table, Q4 and Q5 as prose below it; the working cell of 2(b) starts above
    // its label's line
    const s = await corpus('xi-03.pdf');
    expect(s.parts['2b'].text).toBe(
      'None (0)\nDot product, softmax and weighted sum do not have any\nweights to learn.',
    );
    expect(s.parts['2a'].text).not.toContain('Dot product, softmax');
    expect(s.parts['4a'].text).toContain('∂L/∂ct+1');
  });
  it('a two-column page whose right column holds a small table beside prose is still read column by column (free-form corpus)', async () => {
    // vf-02: only a table filling the columns is read as one; a run of table rows there would
    // read the left column's prose across both
    const s = await corpus('vf-02.pdf');
    expect(s.parts['2b'].text).toContain('None (0). The score is a\nparameter-free dot product');
    expect(s.parts['2b'].text).not.toContain('199');
  });
  it("each column's last line, low on the page below a table, stays in its column (free-form corpus)", async () => {
    const tf = await corpus('tf-02.pdf');
    expect(tf.parts['1b.ii'].text).toMatch(/∴ ht ≈ \(0\.6044, 0, 0\)/);
    expect(tf.parts['3c'].text).not.toMatch(/0\.6044/);
    expect(tf.parts['3c'].text.split('\n').at(-1)).toMatch(/^∴ 72 parameters/);
  });

  it('a grid whose left cells hold the label and a few words of the question is read by its rows, not as two columns (free-form corpus)', async () => {
    // pk-12: "Qn 1 → a → match" / "positions" in a cell a quarter of the page wide beside each
    // answer: read as two columns, every answer went to question 5
    const s = await corpus('pk-12.pdf');
    expect(s.parts['1a'].text).toContain('ft = 4, it = 5');
    expect(s.parts['3c'].text).toContain('total = 3 × 18 = 54');
    expect(s.parts['5'].text).not.toContain('ekj');
    expect(s.parts['5'].text).toContain('199 × 199 × 10 = 396010');
  });
  it('two columns below an index of the answers set across the page are read column by column (free-form corpus)', async () => {
    // pn-08: a full-width table of nine rows above multicols, too tall for a title: read across
    // both columns, each line of the page mixed the left column's 1(b) with the right's 4(a)
    const s = await corpus('pn-08.pdf');
    expect(s.parts['1b.i'].text).toContain('= (0.2, 0.2, 0) + (0.5, 0, 0.05)');
    expect(s.parts['1b.i'].text).not.toContain('∂');
    expect(s.parts['4b'].text).toContain('constant');
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
  });
  it('a single-column page with long lines is not split', async () => {
    const s = await read(
      textPdf([
        [
          'CS60010 CT 3, 15/3/21',
          'Q1 (a) f goes to 3, i goes to 4, and the other gates follow the diagram in the same order.',
          '(b) C = 0.7 and the rest follows from the element-wise rule of the cell state update here.',
        ],
      ]),
    );
    expect(s.parts['1a'].text).toContain('the other gates follow the diagram');
  });
});

describe('labels in the text', () => {
  it('two sub-parts on one line, a correction later, and step numbers inside an answer', async () => {
    const s = await read(
      textPdf([
        [
          'CS60010 CT 3, 15/3/21',
          'Q1 (a) f -> 3',
          '(b) C = 0.7',
          'Q3 (a) W: 3 x 5.  (b) b: 3 x 1.',
          'Q2 (a) two routes:',
          '  (1) through h',
          '  (2) through c',
          '(b) 0',
          'Correction to 1(b): C = 0.75',
        ],
      ]),
    );
    expect(s.parts['3a'].text).toBe('W: 3 x 5.');
    expect(s.parts['3b'].text).toBe('b: 3 x 1.');
    expect(s.parts['2a'].text).toContain('(2) through c');
    expect(s.parts['1b'].occurrences).toBe(2);
    expect(s.parts['1b'].text).toContain('C = 0.75');
  });
});

describe('a table of Part | Answer | Working, each label centred in its row', () => {
  // words as a text layer gives them: office tables overlap their lines a little (pitch 12.7, box
  // 14.3) and part rows by a cell border; the label sits at the middle of a tall row
  const word = (text: string, x: number, y: number) => ({
    text,
    box: { x, y, w: text.length * 5.5, h: 14.3 },
    conf: 1,
  });
  const row = (top: number, label: string, answer: string[], working: string[]) => {
    const tall = Math.max(answer.length, working.length);
    const mid = top + ((tall - 1) * 12.7) / 2;
    return [
      word(label, 60, mid),
      ...answer.map((t, i) => word(t, 118, top + (i + (tall - answer.length) / 2) * 12.7)),
      ...working.map((t, i) => word(t, 261, top + i * 12.7)),
    ];
  };
  it('reads row by row, the label first, then its answer and its working', () => {
    const rows = [
      [
        '1(b)(i)',
        ['C = [0.7, 0.2, 0.05]'],
        ['C = f C1 + i C2', '= [0.2, 0.2, 0] + [0.5, 0, 0.05]', '= [0.7, 0.2, 0.05]'],
      ],
      ['1(b)(ii)', ['h = [0.604, 0, 0]'], ['h = o tanh(C)', '= [1 tanh(0.7), 0, 0]']],
      ['2(a)', ['e = s h'], ['dot product of', 'decoder and encoder states']],
      ['3(a)', ['W is 3 x 5'], ['[h, x] has 3 + 2 = 5', 'entries, f has 3']],
      ['3(b)', ['b is 3 x 1'], ['one bias per unit', 'of the hidden state']],
    ] as const;
    let top = 120;
    const words = rows.flatMap(([l, a, w]) => {
      const ws = row(top, l, [...a], [...w]);
      top += Math.max(a.length, w.length) * 12.7 + 6;
      return ws;
    });
    const lines = buildPageLines(1, words, 595, 842).map((l) => l.text);
    expect(lines.slice(0, 5)).toEqual([
      '1(b)(i)',
      'C = [0.7, 0.2, 0.05]',
      'C = f C1 + i C2',
      '= [0.2, 0.2, 0] + [0.5, 0, 0.05]',
      '= [0.7, 0.2, 0.05]',
    ]);
    expect(lines.indexOf('3(b)')).toBe(lines.indexOf('entries, f has 3') + 1);
  });
  it('two columns of prose are not a table', () => {
    const prose = (x: number, n: number) =>
      Array.from({ length: n }, (_, i) => word('some words of an answer here', x, 100 + i * 12.7));
    expect(tableRows([...prose(56, 30), ...prose(310, 30)])).toBeNull();
  });
});

describe("pdfTeX's cmex brackets (glyphs 0-3 in the text layer)", () => {
  it('come out of the text layer as private-use characters, never U+0000 (jsonb cannot store it)', async () => {
    const { PDFTEX_BRACKETS } = await import('./samples.ts');
    const s = await read(Promise.resolve(new Uint8Array(readFileSync(PDFTEX_BRACKETS))));
    const all = JSON.stringify(s);
    expect(all).not.toMatch(/\\u000[0-8]/);
    expect(all).toMatch(/\\uf00[0-3]|[\uf000-\uf003]/);
  });
});

describe("pdfTeX's big operators (cmex, no Unicode map: ∏ is a Q or Y in the text layer)", () => {
  it('are read as ∑ ∏ ∫ on the line of their formula, and under-brace tips are no text', async () => {
    const { PDFTEX_OPERATORS } = await import('./samples.ts');
    const [page] = await readTextLayer(new Uint8Array(readFileSync(PDFTEX_OPERATORS)));
    const lines = page.map((l) => l.text);
    // inline: the product sits between the dot and f_t of its own sentence, not on a line above
    expect(lines).toContainEqual(
      expect.stringMatching(/∂L\/∂cT ·∏T\s*t=2 ft = ∂L\/∂cT , so nothing shrinks/),
    );
    expect(lines.some((l) => /\bQ/.test(l))).toBe(false);
    // an inline sum stays in its formula: no stray P before the next label
    expect(lines).toContainEqual(expect.stringMatching(/^2\(a\) The alignment score/));
    expect(lines).toContainEqual(expect.stringMatching(/^∑m sk−1,mhj,m/));
    // displayed: the product on the formula's middle row, the integral in its sentence
    expect(lines).toContain('= ∏ ft');
    expect(lines).toContainEqual(expect.stringMatching(/the area ∫\s*01 x dx is one half/));
    expect(lines.some((l) => /\{z|\|/.test(l))).toBe(false);
  });
});

describe('a table of Part | Answer, each label centred between its answer lines', () => {
  const word = (text: string, x: number, y: number, h = 11) => ({
    text,
    box: { x, y, w: text.length * 4.2, h },
    conf: 1,
  });
  it('the label comes before the lines of its row; a bulleted list is no table', () => {
    const labels = ['1 (a)', '1 (b) i.', '2 (a)', '2 (b)', '3 (a)'];
    const words = labels.flatMap((l, k) => {
      const top = 100 + k * (2 * 13.2 + 4.6);
      // a subscript hangs a little below its line, towards the row below
      return [
        word(l, 58, top + 6.6),
        word(`first line of ${l}`, 95, top),
        word(`second line of ${l}`, 95, top + 13.2),
        word('t', 180, top + 16.5, 7),
      ];
    });
    const lines = buildPageLines(1, words, 595, 842).map((l) => l.text);
    expect(lines.indexOf('1 (b) i.')).toBe(
      lines.findIndex((t) => t.startsWith('first line of 1 (b) i.')) - 1,
    );
    expect(lines.indexOf('3 (a)')).toBe(lines.findIndex((t) => t.startsWith('first line of 3 (a)')) - 1);
    const list = [
      word('(a)', 56, 100),
      ...Array.from({ length: 6 }, (_, k) => [
        word('•', 63, 114 + k * 14),
        word(`f_t goes to ${k}`, 75, 114 + k * 14),
      ]).flat(),
      word('(b)', 56, 200),
      ...Array.from({ length: 6 }, (_, k) => [
        word('•', 63, 214 + k * 14),
        word(`C_t is ${k}`, 75, 214 + k * 14),
      ]).flat(),
    ];
    expect(tableRows(list)).toBeNull();
  });
});

describe('a page of text with a small table in it is no table', () => {
  it('hanging labels ("Q1 b) ii)") and a two-column 1(a) table read line by line (sample p08)', async () => {
    const { SAMPLES_DIR } = await import('./samples.ts');
    const cs = loadExam('cs60010-ct3');
    const s = await ingestPdf(new Uint8Array(readFileSync(`${SAMPLES_DIR}/p08.pdf`)), {
      exam: cs,
      fileName: 'p08.pdf',
    } as never);
    expect(s.parts['1a'].text.split('\n')).toContain('ft 3');
    expect(s.parts['1b.i'].text).toContain('{0.7, 0.2, 0.05}');
  });
});

describe('a page whose right column holds only the tail of an answer', () => {
  // a justified left column (rows flush with its right edge at 286 pt, displayed maths ragged) down
  // the whole page, and four rows at the top of the right half: the end of the page before's answer
  const w = (text: string, x: number, y: number, right?: number) => ({
    text,
    box: { x, y, w: right ? right - x : text.length * 5, h: 11 },
    conf: 1,
  });
  const leftRows = (flush: boolean) =>
    Array.from({ length: 50 }, (_, i) => {
      const y = 60 + i * 14;
      // every third row a displayed formula, ending anywhere
      const end = flush && i % 3 !== 2 ? 286 : 200 + (i % 7) * 9;
      return [w(`left${i}`, 56, y), w(`words${i}`, 120, y, end)];
    }).flat();
  const tail = [
    'Total:',
    '1,900,848 + 1,188,030 = 3,088,878',
    'multiplications.',
    'Output sizes: after depthwise',
    '199 x 199 x 3, after pointwise',
  ].flatMap((row, k) => {
    let x = 310;
    return row.split(' ').map((t) => {
      const word = w(t, x, 60 + k * 14);
      x += word.box.w + 3;
      return word;
    });
  });
  it('is read as two columns: the left first, the tail after it', () => {
    const lines = buildPageLines(1, [...leftRows(true), ...tail], 595, 842).map((l) => l.text);
    expect(lines[0]).toBe('left0 words0');
    expect(lines.at(-1)).toBe('199 x 199 x 3, after pointwise');
    expect(lines.indexOf('Total:')).toBe(50);
  });
  it('with a ragged left side (no column edge), the rows stay whole', () => {
    const lines = buildPageLines(1, [...leftRows(false), ...tail], 595, 842).map((l) => l.text);
    expect(lines[0]).toBe('left0 words0 Total:');
  });
});

describe('what a page draws and marks (round 38)', () => {
  it('an office table whose labels are centred in their rows is read by its drawn borders (vj-03)', async () => {
    const s = await corpus('vj-03.pdf');
    expect(s.parts['1b.i'].text.split('\n')[0]).toBe('C_t = i_t ⊙ C_(t-1) + f_t ⊙ C̃_t');
    expect(s.parts['1b.ii'].text).toContain('ht = ot ⊙ Ct = [1×0.7, 0×0, 0×0.4]');
    expect(s.parts['5'].text).toContain('output size = (200 + 2 − 4)/1 + 1 = 199');
  });
  it('a combining tilde the text layer sets on "∘" is dropped; the C̃ keeps its own (yw-09)', async () => {
    const s = await corpus('yw-09.pdf');
    expect(s.parts['1b.i'].text).toContain('𝒊𝒕 ∘ 𝑪̃𝒕');
  });
});

describe('two columns below a header of a few lines on the left', () => {
  it('the right column starts level with the first answer, not the top of the header: still a column', async () => {
    // zm-05: "Name - …", "Roll - …", the course line, then "Soln. 1(a)" beside a column that
    // finishes Q5's working begun at the foot of the left one
    const s = await corpus('zm-05.pdf');
    expect(s.parts['1a'].text).not.toContain('long dw');
    expect(s.parts['5'].text).toContain('1,900,848');
  });
});

describe('answers set side by side above full-width ones (round 64)', () => {
  // a monospace page: "1." | "2." then "3." | "4." side by side, question 5 across the page below
  const word = (text: string, x: number, y: number) => ({
    text,
    box: { x, y, w: text.length * 5.5, h: 10 },
    conf: 1,
  });
  // a run of words a space apart from x
  const run = (text: string, x: number, y: number) => {
    const out: ReturnType<typeof word>[] = [];
    for (const t of text.split(' ').filter(Boolean)) {
      const last = out[out.length - 1];
      out.push(word(t, last ? last.box.x + last.box.w + 5.5 : x, y));
    }
    return out;
  };
  const row = (y: number, left: string, right = '') => [...run(left, 56, y), ...run(right, 215, y)];
  const page = [
    ...row(100, '1.', '2.'),
    ...row(114, 'a) f_t 4', 'a) e_kj = s_k h_j'),
    ...row(128, 'b) C_t = (0.7, 0.2, 0.05)', 'b) 0 extra parameters'),
    ...row(160, '3.', '4.'),
    ...row(174, 'a) 3 x 5', 'a) dL/dc_t = ...'),
    ...row(188, 'b) 3 x 1', 'b) the product of f is 1'),
    ...row(220, '5. depthwise output 199 x 199 x 3 and pointwise output 199 x 199 x 10 in all'),
  ];
  it('each band is read left half first, a new question on the left starting a new band', () => {
    expect(sideBySide(page, 595).map((b) => [b.top, b.bottom])).toEqual([
      [100, 138],
      [160, 198],
    ]);
    expect(buildPageLines(1, page, 595, 842).map((l) => l.text)).toEqual([
      '1.',
      'a) f_t 4',
      'b) C_t = (0.7, 0.2, 0.05)',
      '2.',
      'a) e_kj = s_k h_j',
      'b) 0 extra parameters',
      '3.',
      'a) 3 x 5',
      'b) 3 x 1',
      '4.',
      'a) dL/dc_t = ...',
      'b) the product of f is 1',
      '5. depthwise output 199 x 199 x 3 and pointwise output 199 x 199 x 10 in all',
    ]);
  });
  it('two sub-parts on one line once, or a table of values, are no side-by-side answers', () => {
    expect(
      sideBySide([...row(100, '(a) W_f is 3 x 5', '(b) b_f is 3 x 1'), ...row(114, '(c) 72')], 595),
    ).toEqual([]);
    expect(
      sideBySide([...row(100, 'f_t', '3'), ...row(114, 'i_t', '4'), ...row(128, 'o_t', '8')], 595),
    ).toEqual([]);
    // (a list laid out across its rows, "i. f_t → 6    ii. i_t → 7", is one answer's)
    expect(
      sideBySide([...row(100, 'i. f_t → 6', 'ii. i_t → 7'), ...row(114, 'iv. C_t → 3', 'v. C_t-1 → 1')], 595),
    ).toEqual([]);
    // (nor a table's "Answer" column heading: "Ans" heads a question with its number, "Ans 2 (a)")
    expect(
      sideBySide(
        [
          ...row(100, 'Part Working', 'Answer'),
          ...row(114, 'Q1(a) C_t-1 enters on the top', 'i. f_t → 3'),
          ...row(128, 'Q1(b)(i) C_t = f_t ⊙ C_t-1', 'ii. i_t → 4'),
        ],
        595,
      ),
    ).toEqual([]);
    // (nor does "0.2" in a table's cell head a question)
    expect(
      sideBySide([...row(100, '1 × 0.2 = 0.2', '0.2 0.197'), ...row(114, '0 × 0.8 = 0', '0.05 0.05')], 595),
    ).toEqual([]);
  });
  it('a typed script with two answers side by side has every part (sh-07)', async () => {
    const s = await corpus('sh-07.pdf');
    expect(s.parts['2a'].text).toContain('e_kj = s_k h_j');
    expect(s.parts['1b.ii'].text).toContain('(0.7, 0, 0)');
    expect(s.parts['4b'].text).toContain('does not vanish');
    expect(s.parts['3c'].text).toBe('4 x 15 = 60');
  });
});

describe('a row of a Part | Answer table whose label shares its line with its answer (up-03)', () => {
  it('keeps its line: the next row, its label centred on its lines, does not take it', async () => {
    const s = await corpus('up-03.pdf');
    expect(s.parts['1a'].text).toMatch(/ft → 3, it → 4, ot → 7/);
    expect(s.parts['1b.i'].text).not.toMatch(/ft → 3/);
    expect(s.parts['1b.i'].text).toMatch(/Ct = \[0\.7; 0\.2; 0\.05\]/);
  });
});

describe('round 68: a summary of the answers below both columns', () => {
  it('is read after the right column: the right column top continues the left column bottom (ss-11)', async () => {
    const s = await corpus('ss-11.pdf');
    // (3(c)'s working heads the right column; the summary table sits below both columns)
    expect(s.parts['3c'].text).toMatch(/^Answer: 72\nJustification: 4 × \(15 \+ 3\) = 72/);
    expect(s.parts['3c'].text).not.toMatch(/Summary of answers/);
    expect(s.order.slice(-3)).toEqual(['4a', '4b', '5']);
    // (and its row for several parts, "3.a, 3.b, 3.c  3 × 5, 3 × 1, 72", only restates them)
    expect(s.parts['2b'].text).not.toMatch(/3\.a/);
    expect(s.parts['2b'].occurrences).toBe(1);
  });
});

describe("TeX's wide accents (round 70)", () => {
  it('\\widetilde{C} comes out of cmex as an "e" over the C: read as the tilde of C̃_t', async () => {
    const s = await corpus('wa-07.pdf');
    expect(s.parts['1b.i'].text.split('\n')[0]).toBe('Ct = ft ⊙ Ct−1 + it ⊙ C̃t');
  });
});

describe('tables of Working | Answer with paragraphs between them (round 74)', () => {
  it('are one column: a paragraph runs on across the middle, so no gutter cuts it (rl-12)', async () => {
    const s = await corpus('rl-12.pdf');
    expect(s.parts['3a'].text).toBe('input = 3 + 2 = 5 Wf = 3 × 5');
    expect(s.parts['4b'].text).toContain(
      'the forget gate is fully on so the cell forgets the previous memory',
    );
    expect(s.parts['5'].text).toContain('Total 118803 + 396010 514813');
  });
});

describe('three-column pages', () => {
  it("are read column by column: a newspaper's three columns keep each answer's lines together", async () => {
    // (qs-07: LaTeX multicols{3}; read as two columns, 4(a)'s lines held 5's, and 5 was not found)
    const s = await corpus('qs-07.pdf');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(s.parts['4a'].text).not.toMatch(/199|Depthwise/);
    expect(s.parts['5'].text).toMatch(/Depthwise[\s\S]*3,088,878/);
    expect(s.parts['3b'].text.trim()).toBe('bf: 3 × 1');
  });
});

describe('a formula running into the gutter (round 97)', () => {
  it('is the left column\'s: oc-02\'s "C_k = ∑ α_kj h_j" past the gutter cuts neither column', async () => {
    // (read as a full-width line, it cut both columns there: the right column's 3(a)-(c) went to 2(a)
    // and 2(b), and the rest of the left column after them)
    const s = await corpus('oc-02.pdf');
    expect(s.parts['2a'].text).toContain('Ck = ∑ αkjhj');
    expect(s.parts['2b'].text).toContain('No additional parameters (0)');
    expect(s.parts['2b'].text).not.toContain('bf');
    expect(s.parts['3b'].text).toContain('bf ∈ R');
    expect(s.parts['5'].text).toContain('3,088,878');
  });
});

describe('prose across the page below two columns (round 100)', () => {
  it("a letter's P.S. under two columns of answers is read as whole lines after both", async () => {
    // ol-06: multicols answers, then "P.S. (correction to I.(b)(i)): …" across the page
    const pages = await readTextLayer(
      readFileSync(new URL('../../testkit/freeform/pdf/ol-06.pdf', import.meta.url)),
    );
    const texts = pages[0].map((l) => l.text);
    const ps = texts.findIndex((t) =>
      t.startsWith('P.S. (correction to I.(b)(i)): Madam, while checking I realised'),
    );
    expect(ps).toBeGreaterThan(texts.findIndex((t) => t.startsWith('Total = 1,920,000 + 1,200,000')));
    expect(texts[ps + 1]).toMatch(/^it is the forget gate that multiplies Ct−1 and the input gate/);
  });
});

describe("a right column opening with a portal's numbers (round 102)", () => {
  it('"Item 10 (Q4b)" heading the right column makes it a column of answers, not notes beside the left', async () => {
    // or-05: two columns, each answer headed "Item k (Q…)"; read as notes, 2(b) lost its lines
    const s = await corpus('or-05.pdf');
    expect(s.parts['2b'].text).toMatch(/^None \(0\)\. The score is a plain dot product/);
    expect(s.parts['4b'].text).not.toContain('decoder state');
  });
});
