// Pooling two readings of one page image: tesseract.js (words with boxes, spaces kept, weaker
// characters) and PaddleOCR (whole lines, half the character errors, drops lines it scores under
// 0.5, loses spaces, reads 0 as O and 1 as I). Lines are aligned by box overlap; per line
// Paddle's reading is kept unless only tesseract's starts with a part label, or Paddle ran words
// together (tesseract found more words, and they look more like text); tesseract's
// lines that Paddle dropped are kept when tesseract itself is reasonably sure of them.

import type { OcrWord } from './ocr.ts';
import type { PaddleLine } from './ocr-paddle.ts';
import { paddleWords } from './ocr-paddle.ts';
import { ocrDistance } from './roll.ts';

/** What the caller knows about the page's text: whether a line starts with one of the exam's labels. */
export type OcrHint = { isLabel?: (line: string) => boolean };

type TLine = { words: OcrWord[]; x0: number; y0: number; x1: number; y1: number; conf: number };

/** A tesseract line Paddle did not see is kept only when tesseract is at least this sure of it. */
const LONE_TESS_CONF = 0.55;
/** Tesseract's reading replaces Paddle's only when it looks clearly more like text. */
const TESS_MARGIN = 0.2;

function tessLines(words: OcrWord[]): TLine[] {
  const by = new Map<number, OcrWord[]>();
  for (const w of words) by.set(w.line, [...(by.get(w.line) ?? []), w]);
  return [...by.values()].map((ws) => ({
    words: ws,
    x0: Math.min(...ws.map((w) => w.x0)),
    y0: Math.min(...ws.map((w) => w.y0)),
    x1: Math.max(...ws.map((w) => w.x1)),
    y1: Math.max(...ws.map((w) => w.y1)),
    conf:
      ws.reduce((s, w) => s + w.conf * w.text.length, 0) /
      Math.max(
        1,
        ws.reduce((s, w) => s + w.text.length, 0),
      ),
  }));
}

/** Same text line: vertical overlap of at least half the shorter height, and some horizontal overlap. */
export function sameLine(
  a: { x0: number; y0: number; x1: number; y1: number },
  b: { x0: number; y0: number; x1: number; y1: number },
): boolean {
  const v = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const h = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return v >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0) && h > 0;
}

/**
 * Paddle's digit confusions inside number-like tokens: `O.7` → `0.7`, `I8` → `18`, `2OI` → `201`.
 * Only tokens made of digits, O/o/I/l and number punctuation that hold at least one real digit.
 */
export function fixDigits(token: string): string {
  const core = /^([([{]?)([0-9OoIl.,]+)([)\]},.;:]?)$/.exec(token);
  if (!core || !/[0-9]/.test(core[2]) || !/[OoIl]/.test(core[2])) return token;
  return core[1] + core[2].replace(/[Oo]/g, '0').replace(/[Il]/g, '1') + core[3];
}

/**
 * Handwriting misreads OCR makes in the maths that decides marks, repaired in a word:
 * - an opening bracket before a number read as another glyph (`$0.7,`, `↓0.2.`, `§0.5`): students
 *   write no currency or arrows there, so it opens a vector, `[0.7,`;
 * - a decimal point lost after a leading zero (`07.`, `[005`): nobody writes a whole number with a
 *   leading zero, so it is `0.7`, `[0.05`;
 * - `tanh` before its bracket read as a near word (`tom(.7)`, `tamh(0.2)`, `samh(0)`): three or four
 *   letters, starting with `t` or ending with `h`, at most two edits from `tanh` (or `t`, a vowel,
 *   `m`/`n`: the `h` lost) — never `tan`, a function of its own.
 */
export function fixOcrMaths(token: string): string {
  return token
    .replace(/^[$↓§](?=\.?\d)/, '[')
    .replace(/^([[({]?)0(\d{1,3})(?=[,.;\])}]?$)/, '$10.$2')
    .replace(/(?<![a-z])([a-z]{3,4})(?=\()/gi, (w) =>
      w.toLowerCase() !== 'tan' &&
      /^t|h$/i.test(w) &&
      (ocrDistance(w, 'tanh') <= 2 || /^t[aeiou][mn]$/i.test(w))
        ? 'tanh'
        : w,
    );
}

/**
 * How much a reading looks like text, in [0, 1]: the share of its characters in tokens that are
 * numbers, plain words (letters, up to 14 of them: longer runs are lost spaces) or short symbols.
 */
export function textLikeness(text: string): number {
  const tokens = text.split(/\s+/).filter(Boolean);
  let good = 0;
  let all = 0;
  for (const t of tokens) {
    all += t.length;
    const core = t.replace(/^[([{"'“‘]+|[)\]}"'”’.,;:!?]+$/g, '');
    if (!core) continue;
    if (
      /^[-+−]?[0-9]+(?:[.,][0-9]+)*$/.test(core) ||
      /^[A-Za-z]{1,14}$/.test(core) ||
      /^[=+\-−×*/^<>≤≥~]{1,2}$/.test(core) ||
      /^[A-Za-z]{1,3}[0-9]?\)$/.test(t) // a label piece: "b)", "ii)", "Q1"
    )
      good += t.length;
  }
  return all ? good / all : 0;
}

/** Paddle ran words together: tesseract found clearly more words on the same line. */
export function lostSpaces(paddleText: string, tessText: string): boolean {
  const n = (t: string) => t.split(/\s+/).filter(Boolean).length;
  return n(tessText) >= 1.5 * n(paddleText) && n(tessText) >= n(paddleText) + 2;
}

/**
 * Pools the two readings of one image into one word list (line ids renumbered top to bottom).
 * A line whose label only one engine read takes that engine's reading: a label found in either
 * is a label.
 */
export function poolReadings(tess: OcrWord[], paddle: PaddleLine[], hint: OcrHint = {}): OcrWord[] {
  const tl = tessLines(tess);
  const fixed = paddle.map((p) => ({ ...p, text: p.text.split(' ').map(fixDigits).join(' ') }));
  // clusters: connected groups of paddle and tesseract lines that overlap
  const pOf = fixed.map(() => -1);
  const tOf = tl.map(() => -1);
  const clusters: Array<{ p: number[]; t: number[] }> = [];
  fixed.forEach((p, i) => {
    const hits = tl.map((t, j) => (sameLine(p, t) ? j : -1)).filter((j) => j >= 0);
    const joined = [...new Set(hits.map((j) => tOf[j]).filter((c) => c >= 0))];
    let c: number;
    if (joined.length) {
      c = joined[0];
      for (const o of joined.slice(1)) {
        for (const pi of clusters[o].p) pOf[pi] = c;
        for (const tj of clusters[o].t) tOf[tj] = c;
        clusters[c].p.push(...clusters[o].p);
        clusters[c].t.push(...clusters[o].t);
        clusters[o] = { p: [], t: [] };
      }
    } else {
      c = clusters.push({ p: [], t: [] }) - 1;
    }
    clusters[c].p.push(i);
    pOf[i] = c;
    for (const j of hits) {
      if (tOf[j] < 0) clusters[c].t.push(j);
      tOf[j] = c;
    }
  });
  const chosen: Array<{ y: number; words: OcrWord[] }> = [];
  for (const c of clusters) {
    if (!c.p.length) continue;
    const ps = c.p.map((i) => fixed[i]).sort((a, b) => a.x0 - b.x0);
    const ts = c.t.map((j) => tl[j]).sort((a, b) => a.x0 - b.x0);
    const pText = ps.map((p) => p.text).join(' ');
    const tText = ts.map((t) => t.words.map((w) => w.text).join(' ')).join(' ');
    const tConf = ts.length ? ts.reduce((s, t) => s + t.conf, 0) / ts.length : 0;
    const y = Math.min(...ps.map((p) => p.y0));
    let useTess = false;
    if (ts.length) {
      const pLabel = hint.isLabel?.(pText) ?? false;
      const tLabel = hint.isLabel?.(tText) ?? false;
      if (tLabel !== pLabel) useTess = tLabel;
      else
        useTess =
          tConf >= LONE_TESS_CONF &&
          lostSpaces(pText, tText) &&
          textLikeness(tText) > textLikeness(pText) + TESS_MARGIN;
    }
    chosen.push({ y, words: useTess ? ts.flatMap((t) => t.words) : paddleWords(ps) });
  }
  tl.forEach((t, j) => {
    if (tOf[j] < 0 && t.conf >= LONE_TESS_CONF && t.words.some((w) => /[A-Za-z0-9]/.test(w.text)))
      chosen.push({ y: t.y0, words: t.words });
  });
  chosen.sort((a, b) => a.y - b.y);
  return chosen.flatMap((c, i) => c.words.map((w) => ({ ...w, line: i })));
}
