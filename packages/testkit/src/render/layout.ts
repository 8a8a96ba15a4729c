import { parseMarkup, type Segment } from './markup.ts';

/** One piece of text placed on a page (coordinates of the baseline's left end, in page units). */
export interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  kind: Segment['kind'];
}

export interface LaidPage {
  runs: Run[];
}

export interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** distance between baselines */
  lineHeight: number;
  fontSize: number;
  /** indentation of answer lines under a label on its own line */
  indent: number;
}

export type Measure = (text: string, size: number, bold: boolean) => number;

export type Item =
  | { kind: 'text'; text: string; bold?: boolean; indent?: number; center?: boolean }
  | { kind: 'table'; cells: string[]; indent?: number }
  | { kind: 'gap'; lines: number }
  | { kind: 'pagebreak' };

/** 'literal': markup printed as typed (C_{t-1}); 'visual': real sub/superscripts */
export type MarkupMode = 'literal' | 'visual';

const SUB_SCALE = 0.68;

function segmentsOf(text: string, mode: MarkupMode): Segment[] {
  return mode === 'literal' ? [{ text, kind: 'n' }] : parseMarkup(text);
}

function segSize(base: number, kind: Segment['kind']): number {
  return kind === 'n' ? base : base * SUB_SCALE;
}

function segDy(base: number, kind: Segment['kind']): number {
  return kind === 'sub' ? base * 0.28 : kind === 'sup' ? -base * 0.38 : 0;
}

interface Word {
  segs: Segment[];
  /** spaces typed before this word beyond the first (wide gaps, e.g. between name and roll) */
  extra: number;
}

/** Words of a line, each a list of segments (a word never breaks inside). */
function words(text: string, mode: MarkupMode): Word[] {
  const segs = segmentsOf(text, mode);
  const out: Word[] = [{ segs: [], extra: 0 }];
  let pending = 0;
  for (const g of segs) {
    if (g.kind !== 'n') {
      out[out.length - 1].segs.push(g);
      continue;
    }
    g.text.split(' ').forEach((p, k) => {
      if (k > 0) {
        if (out[out.length - 1].segs.length) out.push({ segs: [], extra: pending });
        else pending++;
      }
      if (p) {
        const w = out[out.length - 1];
        if (!w.segs.length) {
          w.extra = pending;
          pending = 0;
        }
        w.segs.push({ text: p, kind: 'n' });
      }
    });
  }
  return out.filter((w) => w.segs.length > 0);
}

/** Lay items out top to bottom, wrapping long lines and starting new pages as needed. */
export function layout(items: Item[], geo: Geometry, measure: Measure, mode: MarkupMode): LaidPage[] {
  const pages: LaidPage[] = [{ runs: [] }];
  let y = geo.top + geo.fontSize;
  const page = () => pages[pages.length - 1];
  const newPage = () => {
    pages.push({ runs: [] });
    y = geo.top + geo.fontSize;
  };
  const advance = () => {
    y += geo.lineHeight;
    if (y > geo.height - geo.bottom) newPage();
  };
  const maxX = geo.width - geo.right;
  let lastWasBreak = false;

  for (const it of items) {
    if (it.kind === 'pagebreak') {
      if (page().runs.length) newPage();
      lastWasBreak = true;
      continue;
    }
    if (it.kind === 'gap') {
      if (page().runs.length && !lastWasBreak) for (let k = 0; k < it.lines; k++) advance();
      continue;
    }
    lastWasBreak = false;
    if (it.kind === 'table') {
      const x0 = geo.left + (it.indent ?? 0);
      it.cells.forEach((cell, k) => {
        let x = x0 + k * geo.fontSize * 9;
        for (const g of segmentsOf(cell, mode)) {
          const size = segSize(geo.fontSize, g.kind);
          page().runs.push({
            text: g.text,
            x,
            y: y + segDy(geo.fontSize, g.kind),
            size,
            bold: false,
            kind: g.kind,
          });
          x += measure(g.text, size, false);
        }
      });
      advance();
      continue;
    }
    const bold = it.bold ?? false;
    const x0 = geo.left + (it.indent ?? 0);
    const space = measure(' ', geo.fontSize, bold);
    const ws = words(it.text, mode);
    const widthOf = (w: Word) =>
      w.segs.reduce((s, g) => s + measure(g.text, segSize(geo.fontSize, g.kind), bold), 0);
    const gapOf = (w: Word) => space * (1 + 2 * w.extra);
    // break into physical lines first (needed for centring)
    const physical: Word[][] = [[]];
    let lineW = 0;
    const avail = maxX - x0;
    for (const w of ws) {
      const ww = widthOf(w);
      const cur = physical[physical.length - 1];
      if (cur.length && lineW + gapOf(w) + ww > avail - (physical.length > 1 ? geo.indent : 0)) {
        physical.push([w]);
        lineW = ww;
      } else {
        lineW += (cur.length ? gapOf(w) : 0) + ww;
        cur.push(w);
      }
    }
    physical.forEach((line, li) => {
      const total = line.reduce((s, w, k) => s + widthOf(w) + (k ? gapOf(w) : 0), 0);
      let x = it.center ? (geo.width - total) / 2 : x0 + (li > 0 ? geo.indent : 0);
      line.forEach((w, k) => {
        if (k) x += gapOf(w);
        for (const g of w.segs) {
          const size = segSize(geo.fontSize, g.kind);
          page().runs.push({ text: g.text, x, y: y + segDy(geo.fontSize, g.kind), size, bold, kind: g.kind });
          x += measure(g.text, size, bold);
        }
      });
      advance();
    });
  }
  if (pages.length > 1 && page().runs.length === 0) pages.pop();
  return pages;
}
