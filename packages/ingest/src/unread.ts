// Ink OCR did not read. A handwritten page read by OCR loses words and whole lines (Paddle drops
// lines it scores under 0.5; a struck-out slip or a faint line is read by neither engine). A part
// that loses marks may have lost them to that: its answer is only trusted as read when no ink near
// its lines went unread. Found on the cleaned page image OCR saw (ruled lines and underlines
// already erased): blobs of ink that no word box read by OCR covers.
import { type Gray, otsu } from './image.ts';

export type PixelBox = { x0: number; y0: number; x1: number; y1: number };

/** Cells per inch of the grid ink is found on: ~0.5 mm cells, a pen stroke fills one. */
const CELLS_PER_INCH = 50;
/** A blob lower than this (mm) is a dot, a speck of grain or a comma, not a word. */
const MIN_HEIGHT_MM = 1.8;
/** ... and it must fill at least this many cells. */
const MIN_CELLS = 6;

/**
 * Boxes (pixels of `img`) of ink no word covers: the page's ink cells outside every word box
 * (widened a little: the tail of a `g`, a circle drawn round a label), grouped into blobs; blobs too small to be a word, and blobs touching the image's edge (the
 * page's edge, a desk), are left out. (Cells, not whole blobs of ink, are matched against the words:
 * handwritten lines touch each other through their tails, and one blob may hold a read line and a
 * lost one.)
 */
export function unreadInk(img: Gray, dpi: number, words: readonly PixelBox[]): PixelBox[] {
  const { width: w, height: h, data } = img;
  const cell = Math.max(1, Math.round(dpi / CELLS_PER_INCH));
  const gw = Math.ceil(w / cell);
  const gh = Math.ceil(h / cell);
  const thr = Math.min(otsu(img), 160);
  // a cell is ink when a few of its pixels are dark (one dark pixel is grain)
  const grid = new Uint8Array(gw * gh);
  const need = Math.max(2, Math.round((cell * cell) / 8));
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) {
      let n = 0;
      for (let y = gy * cell; y < Math.min(h, (gy + 1) * cell); y++)
        for (let x = gx * cell; x < Math.min(w, (gx + 1) * cell); x++) if (data[y * w + x] <= thr) n++;
      if (n >= need) grid[gy * gw + gx] = 1;
    }
  // the cells a word read covers are not unread ink
  for (const wd of words) {
    const b = widen(wd);
    for (let gy = Math.max(0, Math.floor(b.y0 / cell)); gy < Math.min(gh, Math.ceil(b.y1 / cell)); gy++)
      for (let gx = Math.max(0, Math.floor(b.x0 / cell)); gx < Math.min(gw, Math.ceil(b.x1 / cell)); gx++)
        grid[gy * gw + gx] = 0;
  }
  const minH = (MIN_HEIGHT_MM / 25.4) * CELLS_PER_INCH;
  const seen = new Uint8Array(gw * gh);
  const out: PixelBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grid.length; start++) {
    if (!grid[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    let n = 0;
    let bx0 = gw;
    let by0 = gh;
    let bx1 = 0;
    let by1 = 0;
    while (stack.length) {
      const i = stack.pop() as number;
      const x = i % gw;
      const y = (i - x) / gw;
      n++;
      bx0 = Math.min(bx0, x);
      by0 = Math.min(by0, y);
      bx1 = Math.max(bx1, x);
      by1 = Math.max(by1, y);
      // 8-connected, and across a one-cell gap along the row (the letters of a word)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          if ((dx === 0 && dy === 0) || (Math.abs(dx) === 2 && dy !== 0)) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (grid[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
    }
    if (n < MIN_CELLS || by1 - by0 + 1 < minH) continue;
    if (bx0 === 0 || by0 === 0 || bx1 === gw - 1 || by1 === gh - 1) continue;
    out.push({ x0: bx0 * cell, y0: by0 * cell, x1: (bx1 + 1) * cell, y1: (by1 + 1) * cell });
  }
  return out;
}

/** A word's box with the ink that belongs to it: a third of its height to each side, a fifth above and below. */
function widen(b: PixelBox): PixelBox {
  const h = b.y1 - b.y0;
  return { x0: b.x0 - h / 3, y0: b.y0 - h / 5, x1: b.x1 + h / 3, y1: b.y1 + h / 5 };
}

/**
 * Which lines (index into `lines`, boxes in the same units as `blobs`) sit next to unread ink: the
 * lines a blob overlaps in height (a word lost from a line), else the nearest line above and below
 * it (a line lost between them, which belongs to either).
 */
export function linesBesideUnread(lines: readonly PixelBox[], blobs: readonly PixelBox[]): Set<number> {
  const out = new Set<number>();
  for (const b of blobs) {
    const beside = lines.flatMap((l, i) => (Math.min(l.y1, b.y1) > Math.max(l.y0, b.y0) ? [i] : []));
    if (beside.length) {
      for (const i of beside) out.add(i);
      continue;
    }
    const mid = (b.y0 + b.y1) / 2;
    let above = -1;
    let below = -1;
    lines.forEach((l, i) => {
      if (l.y1 <= mid && (above < 0 || l.y1 > lines[above].y1)) above = i;
      if (l.y0 >= mid && (below < 0 || l.y0 < lines[below].y0)) below = i;
    });
    if (above >= 0) out.add(above);
    if (below >= 0) out.add(below);
  }
  return out;
}
