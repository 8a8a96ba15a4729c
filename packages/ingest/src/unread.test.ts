import { describe, expect, it } from 'vitest';
import type { Gray } from './image.ts';
import { linesBesideUnread, unreadInk } from './unread.ts';

const DPI = 150;

/** A white page with dark strokes: each rectangle is a "word" of ink (pixels). */
function page(strokes: Array<[number, number, number, number]>, w = 600, h = 400): Gray {
  const data = new Uint8Array(w * h).fill(245);
  for (const [x0, y0, x1, y1] of strokes)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((x + y) % 3 !== 0) data[y * w + x] = 30; // pen texture
  return { data, width: w, height: h };
}

describe('ink OCR did not read', () => {
  const lineOne: [number, number, number, number] = [50, 50, 250, 75];
  const lineTwo: [number, number, number, number] = [50, 110, 200, 135];

  it('is none when every stroke lies in a word read', () => {
    const img = page([lineOne, lineTwo]);
    const words = [
      { x0: 50, y0: 50, x1: 250, y1: 75 },
      { x0: 50, y0: 110, x1: 200, y1: 135 },
    ];
    expect(unreadInk(img, DPI, words)).toEqual([]);
  });

  it('is the line no word covers, found where it lies', () => {
    const img = page([lineOne, lineTwo]);
    const blobs = unreadInk(img, DPI, [{ x0: 50, y0: 50, x1: 250, y1: 75 }]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0].y0).toBeGreaterThanOrEqual(105);
    expect(blobs[0].y1).toBeLessThanOrEqual(140);
  });

  it('ignores specks of grain and ink at the edge of the image (a desk, the page’s edge)', () => {
    const img = page([lineOne, [300, 200, 302, 202], [0, 300, 40, 399]]);
    expect(unreadInk(img, DPI, [{ x0: 50, y0: 50, x1: 250, y1: 75 }])).toEqual([]);
  });

  it('marks the lines beside it: the line it overlaps, else the lines above and below', () => {
    const lines = [
      { x0: 50, y0: 50, x1: 250, y1: 75 },
      { x0: 50, y0: 150, x1: 250, y1: 175 },
      { x0: 50, y0: 250, x1: 250, y1: 275 },
    ];
    // a word lost at the end of the second line
    expect([...linesBesideUnread(lines, [{ x0: 300, y0: 152, x1: 340, y1: 174 }])]).toEqual([1]);
    // a whole line lost between the second and the third
    expect([...linesBesideUnread(lines, [{ x0: 50, y0: 200, x1: 200, y1: 225 }])].sort()).toEqual([1, 2]);
  });
});
