import { describe, expect, it } from 'vitest';
import { withoutChatSenders } from './chat-senders.ts';
import { withoutShellPrompts } from './shell-prompts.ts';
import { linesOf } from './testing.ts';

const read = (text: string) => withoutChatSenders(linesOf(text)).map((l) => l.text);

describe("a chat export's stamps and senders", () => {
  it('are taken off the student’s messages in every export’s form, the label opening its line', () => {
    expect(
      read(
        [
          '15/03/21, 10:04 - Debarghya K: Q1(a)',
          '[15/03/21, 10:06:55] Debarghya K: Ans 1 (b) (i)',
          '10:09 AM — Debarghya K: Soln. 5',
          'Debarghya K (10:45): 3 c -',
        ].join('\n'),
      ),
    ).toEqual(['Q1(a)', 'Ans 1 (b) (i)', 'Soln. 5', '3 c -']);
  });
  it('leave a friend’s message its sender (no label of the student’s), and blank a header alone on its line', () => {
    expect(
      read(
        [
          '[10:02] Karthik N: Problem 1, Part A',
          '[10:05] Karthik N: Problem 1, Part B-i',
          '[10:07] Anbu: 2b is zero da',
          '[10:08] Karthik N: 2b',
          'Kruti, [15.03.21 10:18]',
        ].join('\n'),
      ),
    ).toEqual([
      'Problem 1, Part A',
      'Problem 1, Part B-i',
      '[10:07] Anbu: 2b is zero da',
      '2b',
      ' '.repeat(23),
    ]);
  });
  it('leave a script alone where fewer than three lines open with one', () => {
    const text = '10:02 — Ravi: notes\nQ1(a) f_t -> 3';
    expect(read(text)).toEqual(text.split('\n'));
  });
});

describe("a terminal's prompt and command before each part", () => {
  it('are blanked where three lines or more open with one: "$ ./judge 1b.ii"', () => {
    const out = withoutShellPrompts(
      linesOf('$ ./judge 1a\nf 3\n$ ./judge 1b.i\nC 1\n$ python3 solve.py 3c\n72'),
    );
    expect(out.map((l) => l.text.trim())).toEqual(['1a', 'f 3', '1b.i', 'C 1', '3c', '72']);
  });
});
