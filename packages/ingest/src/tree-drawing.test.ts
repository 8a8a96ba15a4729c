import { describe, expect, it } from 'vitest';
import { linesOf } from './testing.ts';
import { withoutTreeDrawing } from './tree-drawing.ts';

const read = (text: string) => withoutTreeDrawing(linesOf(text)).map((l) => l.text);

describe('withoutTreeDrawing: an outline drawn as a tree', () => {
  it('blanks the branches before each line’s text, the same length, so the label on the branch opens it', () => {
    expect(
      read(`├── Q3  sizes
│   ├── (a) W_f is 3 x 5
│   ├── (b) b_f is 3 x 1
│   └── (c) total
|   +-- Q.1-a  positions
‘-- 1.b`),
    ).toEqual([
      '    Q3  sizes',
      '        (a) W_f is 3 x 5',
      '        (b) b_f is 3 x 1',
      '        (c) total',
      '        Q.1-a  positions',
      '    1.b',
    ]);
  });
  it('leaves a table’s rows and rules, dashes and arrows alone, and a script with a branch or two', () => {
    const table = `+------+------+
| 3a   | 3 x 5 |
|  one bias   |
---- (Q2)
→ 72`;
    expect(read(table)).toEqual(linesOf(table).map((l) => l.text));
    const few = '├── Q3\n(a) W_f is 3 x 5\n(b) b_f is 3 x 1';
    expect(read(few)).toEqual(linesOf(few).map((l) => l.text));
  });
});
