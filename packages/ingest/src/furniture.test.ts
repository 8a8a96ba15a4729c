import { describe, expect, it } from 'vitest';
import { isRunningLine } from './furniture.ts';
import { segment } from './segment.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '3a', path: ['3', 'a'] },
  { id: '3b', path: ['3', 'b'] },
  { id: '5', path: ['5'] },
];
const line = (text: string, page = 2, y = 400) => linesOf(text, page, 1, y)[0];

describe('running heads, feet and notes between pages', () => {
  it('a line with the page’s place or a "contd." note and only a name besides is furniture, anywhere', () => {
    for (const t of [
      'CS60010 CT 3 Nandini Patnaik — pg 1/3',
      'Meghna Bordoloi, 19CS12742      contd. on next page      Page 1 of 3',
      'Sohini Bhadra / 20EE12731     p. 1 of 3 (contd. →)',
      '← contd. from pg 1',
      'contd. on page 3 ->',
      '(contd. from previous page)',
      'P.T.O.',
      '— end of answer script —',
      '*** END ***',
      'Meghna Bordoloi, 19CS12742 — end of script — Page 3 of 3',
      '--- page 2 ---',
      '==== Page 3 ====',
    ])
      expect(isRunningLine(line(t), pageInfo(2)), t).toBe(true);
  });

  it('an answer that mentions a page, continues or ends is not', () => {
    for (const t of [
      'b_f is 3 × 1 (see p. 2 of my rough work for the shapes)',
      '(contd. from previous page — Q.4 (a))',
      'the gradient continues to flow back to c_1 when f = 1',
      'dropout p 1/2 of the units',
      'at the end the total is 72',
      'Q5 end: 3,088,878',
      'end).',
      '(contd. later)',
      'contd. on page 4',
      '(contd. from page 3)',
      '--- page 2: c_t = 0.7 ---',
      '- page 2',
    ])
      expect(isRunningLine(line(t), pageInfo(2)), t).toBe(false);
  });

  it('a later page’s top line with the roll or course and a name is its running head', () => {
    expect(isRunningLine(line('Omkar Gadgil | 19CS12704 | CS60010 CT 3, 15/3/21', 2, 30), pageInfo(2))).toBe(
      true,
    );
    // (page 1's is the header, read from the page itself; lower down a later page it may be an answer)
    expect(isRunningLine(line('Omkar Gadgil | 19CS12704 | CS60010 CT 3, 15/3/21', 1, 30), pageInfo(1))).toBe(
      false,
    );
    expect(isRunningLine(line('Omkar Gadgil | 19CS12704', 2, 400), pageInfo(2))).toBe(false);
  });

  it('page 1’s header box read after the first column’s answers is kept out of them, not where it stands', () => {
    const lines = [
      ...linesOf('Name Aniruddh Pai\nNotation: n = hidden size', 1, 1, 40),
      ...linesOf('Q3 (a) W_f is 3 × 5\n(b) b_f is 3 × 1.', 1, 1, 500),
      // (the header's last line, beside the column, comes after it in the reading)
      ...linesOf('CT 3, 15/3/21', 1, 1, 70),
    ];
    const s = segment(lines, [pageInfo(1)], parts);
    expect(s.parts['3b'].text).toBe('b_f is 3 × 1.');
    expect(s.preamble.map((l) => l.text)).toContain('Name Aniruddh Pai');
  });

  it('keeps a page break’s foot and head out of the answer it falls in (a running foot read as its reason)', () => {
    const lines = [
      ...linesOf(
        'Q3 (a) W_f is 3 × 5\n(b) b_f is 3 × 1.\ncontd. on pg 2 →\nCS60010 CT 3 Nandini Patnaik — pg 1/3',
        1,
        1,
        600,
      ),
      ...linesOf('Nandini Patnaik (20CH12726) pg 2/3\n← contd. from pg 1\nQ5 3,088,878', 2, 1, 40),
    ];
    const s = segment(lines, [pageInfo(1), pageInfo(2)], parts);
    expect(s.parts['3b'].text).toBe('b_f is 3 × 1.');
    expect(s.parts['5'].text).toBe('3,088,878');
  });
});
