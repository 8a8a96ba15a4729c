// Pooling tesseract.js and PaddleOCR readings: pure functions on hand-made readings.
import { describe, expect, it } from 'vitest';
import type { OcrWord } from './ocr.ts';
import { fixDigits, fixOcrMaths, poolReadings, sameLine, textLikeness } from './ocr-merge.ts';
import type { PaddleLine } from './ocr-paddle.ts';
import { normalisePaddleText, paddleWords } from './ocr-paddle.ts';

/** Tesseract-style words of one line, 10 px per character plus a space, starting at x. */
function tess(text: string, y: number, line: number, conf = 0.8, x = 100): OcrWord[] {
  const out: OcrWord[] = [];
  let at = x;
  for (const w of text.split(' ')) {
    out.push({ text: w, x0: at, x1: at + 10 * w.length, y0: y, y1: y + 20, conf, line });
    at += 10 * (w.length + 1);
  }
  return out;
}
const paddle = (text: string, y: number, conf = 0.9, x = 100): PaddleLine => ({
  text,
  conf,
  x0: x,
  x1: x + 10 * text.length,
  y0: y - 2,
  y1: y + 22,
});
const linesOf = (ws: OcrWord[]) => {
  const by = new Map<number, string[]>();
  for (const w of ws) by.set(w.line, [...(by.get(w.line) ?? []), w.text]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t.join(' '));
};
// a stand-in for the exam's label finder: "Q<digit>" or "<digit>(<letter>)" at the start
const isLabel = (t: string) => /^\s*(Q\s?[0-9]|[0-9]\s?\([A-Za-z]\))/.test(t);

describe('sameLine', () => {
  it('needs half the shorter height in common and some horizontal overlap', () => {
    const a = { x0: 0, x1: 100, y0: 0, y1: 20 };
    expect(sameLine(a, { x0: 50, x1: 150, y0: 8, y1: 28 })).toBe(true);
    expect(sameLine(a, { x0: 50, x1: 150, y0: 12, y1: 32 })).toBe(false);
    expect(sameLine(a, { x0: 120, x1: 150, y0: 0, y1: 20 })).toBe(false);
  });
});

describe('fixDigits', () => {
  it('turns O/I/l into digits inside number-like tokens only', () => {
    expect(fixDigits('O.7')).toBe('0.7');
    expect(fixDigits('I8')).toBe('18');
    expect(fixDigits('(O.604,')).toBe('(0.604,');
    expect(fixDigits('TANH(O.7).')).toBe('TANH(O.7).'); // not a number token
    expect(fixDigits('IO')).toBe('IO'); // no real digit: could be a word
    expect(fixDigits('0.25')).toBe('0.25');
  });
});

describe('fixOcrMaths', () => {
  it('reads a glyph before a number as the bracket that opens a vector', () => {
    expect(fixOcrMaths('$0.7,')).toBe('[0.7,');
    expect(fixOcrMaths('↓0.2.')).toBe('[0.2.');
    expect(fixOcrMaths('$5')).toBe('[5');
    expect(fixOcrMaths('$x')).toBe('$x');
  });

  it('puts back the decimal point lost after a leading zero, in a number token only', () => {
    expect(fixOcrMaths('[07.')).toBe('[0.7.');
    expect(fixOcrMaths('005.')).toBe('0.05.');
    for (const w of ['15/03/21', '20CS10042', '0.05', '0', '2007']) expect(fixOcrMaths(w)).toBe(w);
  });

  it('reads near words before a bracket as tanh, but never tan or ordinary words', () => {
    for (const w of ['×tom(.7),', 'tamh(0.2)', 'samh(0)]', 'tarh(0.05)'])
      expect(fixOcrMaths(w)).toMatch(/tanh\(/);
    for (const w of ['tan(x)', 'then(', 'with(3)', 'tanh(0.7)', 'sigh(']) expect(fixOcrMaths(w)).toBe(w);
  });
});

describe('textLikeness', () => {
  it('scores plain words and numbers high, run-together text and junk low', () => {
    expect(textLikeness('the forget gate is 3')).toBe(1);
    expect(textLikeness('3 x 5 + 3 = 18 parameters')).toBe(1);
    expect(textLikeness('DOTPRODUCTOFTHEPREVIOUSDECODER')).toBe(0);
    expect(textLikeness('W$B3P ¥ Y@Y')).toBeLessThan(0.3);
  });
});

describe('normalisePaddleText', () => {
  it('maps full-width forms to ASCII and drops CJK characters', () => {
    expect(normalisePaddleText('Q1（b）：３')).toBe('Q1(b):3');
    expect(normalisePaddleText('ft 中 -> 3')).toBe('ft -> 3');
  });
});

describe('paddleWords', () => {
  it('cuts the line box in proportion to the characters of each word', () => {
    const ws = paddleWords([{ text: 'ab cdef', conf: 0.9, x0: 0, x1: 70, y0: 5, y1: 25 }]);
    expect(ws.map((w) => w.text)).toEqual(['ab', 'cdef']);
    expect(ws[0].x0).toBeCloseTo(0);
    expect(ws[0].x1).toBeCloseTo(20);
    expect(ws[1].x0).toBeCloseTo(30);
    expect(ws[1].x1).toBeCloseTo(70);
    expect(ws.every((w) => w.conf === 0.9 && w.y0 === 5 && w.y1 === 25)).toBe(true);
  });
});

describe('poolReadings', () => {
  it("prefers Paddle's reading of a line both engines saw", () => {
    const out = poolReadings(tess('the forqet qate is 3', 100, 0), [paddle('the forget gate is 3', 100)]);
    expect(linesOf(out)).toEqual(['the forget gate is 3']);
  });

  it("fixes Paddle's O/I in numbers", () => {
    const out = poolReadings([], [paddle('tanh(x) = O.604 and I8', 100)]);
    expect(linesOf(out)).toEqual(['tanh(x) = 0.604 and 18']);
  });

  it('keeps the reading in which a label is found, either way', () => {
    const t = [...tess('YAY F - 1 I - 2', 100, 0), ...tess('Q2 A) EKJ = SK', 200, 1)];
    const p = [paddle('1(A) F - 1, I - 2', 100), paddle('@2 A) EKJ = SK', 200)];
    const out = poolReadings(t, p, { isLabel });
    expect(linesOf(out)).toEqual(['1(A) F - 1, I - 2', 'Q2 A) EKJ = SK']);
  });

  it('keeps Paddle when both read a label, however the rest scores', () => {
    const out = poolReadings(tess('03 3 3', 100, 0, 0.9), [paddle('Q3B) 3', 100)], { isLabel: () => true });
    expect(linesOf(out)).toEqual(['Q3B) 3']);
  });

  it("keeps Paddle's roll number over tesseract's all-digit misreading", () => {
    const out = poolReadings(tess('NAME - MEERA ROLL - 201303498', 100, 0, 0.9), [
      paddle('NAME - MEERA ROLL - 20MI30398', 100),
    ]);
    expect(linesOf(out)).toEqual(['NAME - MEERA ROLL - 20MI30398']);
  });

  it("takes tesseract's line when Paddle ran the words together", () => {
    const out = poolReadings(tess('dot product of the previous decoder', 100, 0), [
      paddle('dotproductofthepreviousdecoder', 100),
    ]);
    expect(linesOf(out)).toEqual(['dot product of the previous decoder']);
  });

  it('keeps lines Paddle dropped only when tesseract is sure of them, in top-to-bottom order', () => {
    const t = [...tess('sure line 5', 300, 0, 0.8), ...tess('%%~ ,', 400, 1, 0.3), ...tess('first', 100, 2)];
    const out = poolReadings(t, [paddle('first', 100)]);
    expect(linesOf(out)).toEqual(['first', 'sure line 5']);
    expect(new Set(out.map((w) => w.line))).toEqual(new Set([0, 1]));
  });

  it('joins Paddle pieces of one tesseract line left to right', () => {
    const t = tess('Q3 C) 3 X 5', 100, 0, 0.5);
    const p = [paddle('3 X 5', 100, 0.9, 160), paddle('Q3 C)', 100, 0.9, 100)];
    expect(linesOf(poolReadings(t, p, { isLabel }))).toEqual(['Q3 C) 3 X 5']);
  });
});
