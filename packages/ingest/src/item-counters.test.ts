// A thread's posts and a deck's cards numbered before their labels: the counters go, the labels after
// them are read; a plain number list that is the exam's own questions stays.
import { describe, expect, it } from 'vitest';
import { withoutItemCounters } from './item-counters.ts';
import { PartTree } from './labels.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const tree = new PartTree(CT3_PARTS);
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], CT3_PARTS);

describe('item counters', () => {
  it("a post's number before the part it names is the thread's, not question 5's", () => {
    const s = run(
      [
        '5/9   Q3a -- [h, x] has 3 + 2 = 5 entries, so W_f is 3 x 5',
        '6/9   Q3b -- b_f is 3 x 1, one bias per unit',
        '7/9   Q3c -- 4 x (15 + 3) = 72',
        '8/9   Q4b -- the product of forget gates is 1',
      ].join('\n'),
    );
    expect(s.order).toEqual(['3a', '3b', '3c', '4b']);
    expect(s.parts['3b']?.text).toContain('b_f is 3 x 1');
  });
  it('a card number, with words before the label ("re:", "for"), in any counter shape', () => {
    for (const counter of ['CARD 0#', '[C#]', 'Tweet ##', '(#/11)', '<< CARD # >>']) {
      const text = [3, 4, 5]
        .map((n, k) => `${counter.replace('#', String(n))}  re: ${['Q3(a)', 'Q3(b)', 'Q3(c)'][k]} value ${k}`)
        .join('\n');
      expect(run(text).order, counter).toEqual(['3a', '3b', '3c']);
    }
  });
  it("a plain number list counts only when its numbers are not the questions' own", () => {
    const posts = '1)  re: Question 1 part a\n2)  re: Question 1 part b (i)\n3)  re: Question 2 part a';
    expect(withoutItemCounters(linesOf(posts, 1, 1), tree)[1].text.trimStart()).toMatch(/^re: Question 1/);
    const questions = '1)  Q1 part a first\n2)  Q2 part a next\n3)  Q3 part a last';
    expect(withoutItemCounters(linesOf(questions, 1, 1), tree).map((l) => l.text)).toEqual(
      questions.split('\n'),
    );
  });
  it('a counter before two labels only, or before no label, stays', () => {
    const two = 'Card 3  Q3(a) 3 x 5\nCard 4  Q3(b) 3 x 1';
    expect(withoutItemCounters(linesOf(two, 1, 1), tree).map((l) => l.text)).toEqual(two.split('\n'));
    const steps = 'Step 1: write the formula\nStep 2: put in the numbers\nStep 3: add';
    expect(withoutItemCounters(linesOf(steps, 1, 1), tree).map((l) => l.text)).toEqual(steps.split('\n'));
  });
});
