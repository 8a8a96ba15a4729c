import { describe, expect, it } from 'vitest';
import { boxToPercent, clampBox, cropAround, scaleBox, unionBox } from './boxes.ts';

const A4 = { width: 595, height: 842 };

describe('boxes', () => {
  it('expresses a box in percent of the page', () => {
    const p = boxToPercent({ x: 59.5, y: 84.2, w: 119, h: 42.1 }, A4);
    expect(p.left).toBeCloseTo(10);
    expect(p.top).toBeCloseTo(10);
    expect(p.width).toBeCloseTo(20);
    expect(p.height).toBeCloseTo(5);
  });
  it('scales points to pixels of a 200-DPI rendering', () => {
    const px = (595 * 200) / 72;
    const b = scaleBox({ x: 72, y: 144, w: 36, h: 18 }, A4, px);
    expect(b.x).toBeCloseTo(200);
    expect(b.y).toBeCloseTo(400);
    expect(b.w).toBeCloseTo(100);
    expect(b.h).toBeCloseTo(50);
  });
  it('clamps a box that runs past the page edges', () => {
    expect(clampBox({ x: -10, y: 800, w: 100, h: 100 }, A4)).toEqual({ x: 0, y: 800, w: 90, h: 42 });
  });
  it('crops around the box with a margin and a minimum width, inside the page', () => {
    // a short answer: half the page wide, starting a margin left of the box
    expect(cropAround({ x: 100, y: 400, w: 50, h: 20 }, A4, 24, 0.5)).toEqual({
      x: 76,
      y: 376,
      w: 297.5,
      h: 68,
    });
    // near the top-left corner: clamped at 0
    expect(cropAround({ x: 10, y: 10, w: 50, h: 20 }, A4, 24, 0.5)).toMatchObject({ x: 0, y: 0, h: 54 });
    // near the right edge: moved left so it stays on the page
    const r = cropAround({ x: 500, y: 400, w: 80, h: 20 }, A4, 24, 0.5);
    expect(r.x + r.w).toBeCloseTo(595);
    // a wide answer: the box plus margins, capped at the page width
    expect(cropAround({ x: 20, y: 400, w: 560, h: 20 }, A4, 24, 0.5)).toMatchObject({ x: 0, w: 595 });
  });
  it('unites boxes', () => {
    expect(
      unionBox([
        { x: 10, y: 10, w: 10, h: 10 },
        { x: 30, y: 5, w: 5, h: 30 },
      ]),
    ).toEqual({ x: 10, y: 5, w: 25, h: 30 });
    expect(unionBox([])).toBeNull();
  });
});
