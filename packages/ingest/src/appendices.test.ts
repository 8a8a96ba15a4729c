// Working kept in appendices at the end is no part's answer; an addendum after them answers again.
import { describe, expect, it } from 'vitest';
import { withoutAppendices } from './appendices.ts';
import { segment } from './segment.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '1a', path: ['1', 'a'] },
  { id: '1b.i', path: ['1', 'b', 'i'] },
  { id: '3c', path: ['3', 'c'] },
  { id: '5', path: ['5'] },
];
const SCRIPT = `Q1(b)(i)  C_t = (0.7, 0.2, 0.05)   [working in App. A.2]
Q3(c)  total = 72   [see Appendix B]
Q5  total = 3,088,878
APPENDIX A (Q1)
A.2 (for 1(b)(i)) f_t * C_(t-1) = (0.2, 0.2, 0)
APPENDIX B (Q3)
(c) 4 x 18 = 72
ADDENDUM (Q3c)
Q3(c) I take 60: only the weights.`;

describe('appendices', () => {
  it('run from the first appendix heading to an addendum after them, or the end', () => {
    const { lines, appendices } = withoutAppendices(linesOf(SCRIPT, 1, 1));
    expect(appendices.map((l) => l.text)[0]).toBe('APPENDIX A (Q1)');
    expect(appendices).toHaveLength(4);
    expect(lines.map((l) => l.text).at(-1)).toBe('Q3(c) I take 60: only the weights.');
    expect(withoutAppendices(linesOf('Q5 Appendix A of the paper says 199', 1, 1)).appendices).toEqual([]);
  });
  it('are read as text outside the answers: the labels inside them head no answer', () => {
    const s = segment(linesOf(SCRIPT, 1, 1), [pageInfo(1)], parts);
    expect(s.parts['5'].text).toMatch(/^total = 3,088,878/);
    expect(s.parts['5'].text).not.toMatch(/APPENDIX|f_t \* C/);
    expect(s.parts['1b.i'].occurrences).toBe(1);
    expect(s.unlabelled.map((l) => l.text)).toContain('(c) 4 x 18 = 72');
    expect(s.parts['3c'].text).toContain('I take 60');
  });
});
