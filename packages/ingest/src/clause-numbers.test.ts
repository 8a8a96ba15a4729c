// A report's paragraph numbers are neither labels nor values; a script numbering its parts decimally
// keeps its labels.
import { describe, expect, it } from 'vitest';
import { numbersParagraphs, withoutParagraphNumbers } from './clause-numbers.ts';
import { headingTagsFirst } from './heading-tags.ts';
import { PartTree } from './labels.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const parts = CT3_PARTS;
const tree = new PartTree(parts);
const texts = (text: string) => withoutParagraphNumbers(linesOf(text, 1, 1), tree).map((l) => l.text.trim());
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], parts);

// paragraphs numbered through the script, whatever question they answer (Q5 first, as clause 1)
const REPORT = `Soln. 5
1.1 Depthwise: (200 + 2 - 4)/1 + 1 = 199, output 199 x 199 x 3.
1.4 Conclusion: 1,900,848 + 1,188,030 = 3,088,878.
2.1 x_t in R^2, c_t in R^3, so [h_{t-1}, x_t] in R^5.
2.2 Soln. 3(a): W_f is 3 x 5 (maps R^5 to R^3).
2.3 Soln. 3(b): b_f is 3 x 1, one bias per unit.
2.4 Soln. 3(c): 4 x (15 + 3) = 72.
4.2 Soln. 2(b): zero. Per clause 4.1 the dot product has no weights.`;

describe('paragraph numbers', () => {
  it('a script whose line-start numbers name no part in two questions numbers its paragraphs', () => {
    expect(numbersParagraphs(linesOf(REPORT, 1, 1), tree)).toBe(true);
    // (parts numbered decimally, "3.2" for 3(b), name parts of the exam: labels)
    const decimal = '1.1 f_t -> 3\n2.1 e = s^T h\n2.2 0 extra\n3.1 3 x 5\n3.2 3 x 1\n3.3 72';
    expect(numbersParagraphs(linesOf(decimal, 1, 1), tree)).toBe(false);
    // (one question's steps numbered on, "5.1", "5.2", beside decimal labels, are no report)
    expect(numbersParagraphs(linesOf(`${decimal}\n5.1 Depthwise 199\n5.2 Pointwise 199`, 1, 1), tree)).toBe(
      false,
    );
  });
  it('are blanked at line starts, after a label and where cited; other scripts are kept as they are', () => {
    const out = texts(REPORT);
    expect(out[4]).toBe('Soln. 3(a): W_f is 3 x 5 (maps R^5 to R^3).');
    expect(out[7]).toMatch(/^Soln\. 2\(b\): zero\. Per clause\s+the dot product/);
    const labelled = texts(`${REPORT}\nII.(b)  4.2 Zero. No weights.`);
    expect(labelled[8]).toMatch(/^II\.\(b\)\s+Zero\. No weights\.$/);
    expect(texts('3.1 3 x 5\n3.2 3 x 1')).toEqual(['3.1 3 x 5', '3.2 3 x 1']);
  });
  it('a report is cut at its own labels, its paragraph numbers neither labels nor answers', () => {
    const s = run(REPORT);
    expect(s.parts['3a']?.text).toBe('W_f is 3 x 5 (maps R^5 to R^3).');
    expect(s.parts['3b']?.text).toBe('b_f is 3 x 1, one bias per unit.');
    expect(s.parts['2b']?.text).toMatch(/^zero\. Per clause\s+the dot product has no weights\.$/);
    expect(s.parts['5']?.text).toMatch(/^\s*Depthwise/);
  });
});

describe('a heading tagged with its part at its end', () => {
  it('reads the tag as the heading\'s label ("Position matching  [part (a)]")', () => {
    const moved = headingTagsFirst(
      linesOf(
        'Position matching  [part (a)]\nh_t = 0.6044  [part (b) ii]\n2.2 Extra [Q2(b)]\nNone [Q2(a) steps 1-3]',
        1,
        1,
      ),
      tree,
    );
    expect(moved.map((l) => l.text)).toEqual([
      'part (a): Position matching',
      'h_t = 0.6044  [part (b) ii]',
      '2.2 Extra [Q2(b)]',
      'None [Q2(a) steps 1-3]',
    ]);
    const s = run(
      'CAPTION: LSTM cell  [Question 1]\nPosition matching  [part (a)]\nf_t -> 4, i_t -> 5\nComputing C_t  [part (b) i]\nC_t = (0.7, 0.2, 0.05)',
    );
    expect(s.parts['1a']?.text).toMatch(/f_t -> 4, i_t -> 5/);
    expect(s.parts['1b.i']?.text).toMatch(/C_t = \(0\.7, 0\.2, 0\.05\)/);
  });
});
