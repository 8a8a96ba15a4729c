import type { Line } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { contentOf } from './line-cut.ts';

const word = (text: string, x: number) => ({ text, box: { x, y: 100, w: text.length * 5, h: 10 }, conf: 1 });
/** A text-layer line of `words` (text, x) reading `text` on page 1. */
const lineOf = (text: string, words: Array<[string, number]>): Line => ({
  page: 1,
  text,
  box: { x: words[0][1], y: 100, w: 120, h: 10 },
  conf: 1,
  words: words.map(([t, x]) => word(t, x)),
});

describe('contentOf', () => {
  it('keeps every word after the label, subscripts set without a space among them', () => {
    // "Q2a  ekj = s⊤k−1hj": the subscripts are words of their own, joined to their base in the text
    const words = [
      word('Q2a', 50),
      word('e', 80),
      word('kj', 85),
      word('=', 100),
      word('s', 110),
      word('⊤', 115),
    ];
    words.push(word('k−1', 120), word('h', 135), word('j', 140));
    const line: Line = {
      page: 1,
      text: 'Q2a ekj = s⊤k−1hj',
      box: { x: 50, y: 100, w: 95, h: 10 },
      conf: 1,
      words,
    };
    const rest = contentOf(line, 3);
    expect(rest?.text).toBe('ekj = s⊤k−1hj');
    expect(rest?.words.map((w) => w.text)).toEqual(['e', 'kj', '=', 's', '⊤', 'k−1', 'h', 'j']);
    expect(rest?.box.x).toBe(80);
  });
  it('keeps every word after the label where the line spells a raised word as a superscript ("tanh^{2}")', () => {
    const line = lineOf('4.a = ot (1 − tanh^{2} ct)', [
      ['4.a', 50],
      ['=', 70],
      ['o', 80],
      ['t', 85],
      ['(1', 90],
      ['−', 100],
      ['tanh', 110],
      ['2', 130],
      ['c', 140],
      ['t', 145],
      [')', 150],
    ]);
    expect(contentOf(line, 4)?.words.map((w) => w.text)).toEqual([
      '=',
      'o',
      't',
      '(1',
      '−',
      'tanh',
      '2',
      'c',
      't',
      ')',
    ]);
  });
  it('keeps the word the label ends inside, and falls back to lengths where the text was repaired', () => {
    const glued = lineOf('Q2a)e_kj = 0', [
      ['Q2a)e_kj', 50],
      ['=', 95],
      ['0', 102],
    ]);
    expect(contentOf(glued, 4)?.words.map((w) => w.text)).toEqual(['Q2a)e_kj', '=', '0']);
    const repaired: Line = {
      ...glued,
      text: 'Q2a) e_kj = zero',
      words: [word('Q2a)', 50), word('e_kj', 70), word('=', 95), word('0', 102)],
    };
    expect(contentOf(repaired, 4)?.words.length).toBeGreaterThan(0);
  });
});
