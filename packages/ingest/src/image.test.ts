import { describe, expect, it } from 'vitest';
import {
  estimateSkew,
  flatField,
  type Gray,
  normalise,
  preprocess,
  removeLines,
  rotate,
  rotateQuarter,
  toGray,
  toGrayMax,
  toPgm,
} from './image.ts';

const blank = (w: number, h: number, v = 255): Gray => ({
  data: new Uint8Array(w * h).fill(v),
  width: w,
  height: h,
});
const fill = (img: Gray, x0: number, y0: number, x1: number, y1: number, v = 0) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = v;
};
const at = (img: Gray, x: number, y: number) => img.data[y * img.width + x];

/** A page of "text": rows of short dark blocks (words), 30 px apart. */
function textPage(w = 600, h = 800): Gray {
  const img = blank(w, h);
  for (let y = 60; y < h - 60; y += 30) {
    for (let x = 50; x < w - 80; x += 45) fill(img, x, y, x + 35, y + 12);
  }
  return img;
}

describe('gray conversion', () => {
  it('luma for black, white and grey', () => {
    const g = toGray(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255]), 3, 1);
    expect([...g.data]).toEqual([0, 255, 128]);
  });
  it('brightest channel turns blue rules and red margins light, keeps black ink', () => {
    const g = toGrayMax(new Uint8Array([150, 170, 230, 255, 220, 90, 90, 255, 20, 20, 30, 255]), 3, 1);
    expect(g.data[0]).toBeGreaterThan(220);
    expect(g.data[1]).toBeGreaterThan(210);
    expect(g.data[2]).toBeLessThan(40);
  });
});

describe('flatField + normalise', () => {
  it('evens out a shadow across the page and keeps the ink dark', () => {
    const img = blank(400, 300);
    // lighting falls from 250 on the left to 130 on the right
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) img.data[y * 400 + x] = 250 - (120 * x) / 400;
    fill(img, 40, 100, 60, 110, 20);
    fill(img, 340, 100, 360, 110, 10);
    const out = normalise(flatField(img, 25));
    // away from the borders, where the blur window is cut off
    expect(Math.abs(at(out, 100, 200) - at(out, 300, 200))).toBeLessThan(12);
    expect(at(out, 300, 200)).toBeGreaterThan(235);
    expect(at(img, 300, 200)).toBeLessThan(170);
    expect(at(out, 50, 105)).toBeLessThan(80);
    expect(at(out, 350, 105)).toBeLessThan(80);
  });
});

describe('rotation', () => {
  it('four quarter turns give the image back; one turn moves the corner', () => {
    const img = blank(5, 3);
    img.data[0] = 0; // top-left
    const q1 = rotateQuarter(img, 1);
    expect([q1.width, q1.height]).toEqual([3, 5]);
    expect(at(q1, 2, 0)).toBe(0); // top-left goes to top-right after a clockwise turn
    let r = img;
    for (let i = 0; i < 4; i++) r = rotateQuarter(r, 1);
    expect([...r.data]).toEqual([...img.data]);
  });

  it('measures a skew and undoes it', () => {
    const page = textPage();
    for (const deg of [-3, -1.5, 2.5]) {
      const tilted = rotate(page, deg);
      const est = estimateSkew(tilted);
      // rotating the tilted page by the estimate straightens it
      expect(Math.abs(est + deg)).toBeLessThan(0.45);
    }
    expect(Math.abs(estimateSkew(page))).toBeLessThan(0.3);
  });
});

describe('removeLines', () => {
  it('erases a long thin rule but keeps letters, even where they cross it', () => {
    const img = blank(300, 100);
    fill(img, 0, 50, 300, 52); // rule, 2 px
    fill(img, 100, 30, 104, 70); // a vertical stroke across the rule
    fill(img, 200, 20, 240, 40); // a thick blob
    fill(img, 20, 80, 35, 81); // a short dash: kept (shorter than minRunX)
    const out = removeLines(img, { minRunX: 60, minRunY: 90, maxThick: 4 });
    expect(at(out, 10, 50)).toBe(255);
    expect(at(out, 250, 51)).toBe(255);
    expect(at(out, 102, 50)).toBe(0);
    expect(at(out, 220, 30)).toBe(0);
    expect(at(out, 25, 80)).toBe(0);
  });
  it('erases a vertical margin rule', () => {
    const img = blank(100, 300);
    fill(img, 30, 0, 32, 300);
    const out = removeLines(img, { minRunX: 60, minRunY: 100, maxThick: 4 });
    expect(at(out, 31, 150)).toBe(255);
  });
});

describe('preprocess', () => {
  it('straightens a tilted page', () => {
    const { skew } = preprocess(rotate(textPage(), 2), 200);
    expect(Math.abs(skew + 2)).toBeLessThan(0.45);
  });
  it('writes a binary PGM header', () => {
    const pgm = toPgm(blank(3, 2));
    expect(pgm.subarray(0, 11).toString('latin1')).toBe('P5\n3 2\n255\n');
    expect(pgm.length).toBe(11 + 6);
  });
});
