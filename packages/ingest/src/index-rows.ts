// Display maths drawn in plain text, its indices on rows of their own (a typed script's ASCII art):
//
//                     T
//         e    =  s      .  h
//          kj      k-1       j
//
// read as one line, each index set on the word it follows: `e_{kj} = s_{k-1}^{T} . h_{j}`. A row is
// read so only when every word on it is a short index, typed at the equation's own size, standing just
// after the end of a word of the equation next to it; a row of anything else (a fraction's bar, a sum's
// limits, prose, a typesetter's smaller indices) stays a line.
import type { Line, Word } from '@grader/model';
import { retext } from './layout.ts';

/** An index as typed: `kj`, `k-1`, `t+1`, `T`, `2`, `-1` (not a label, `Q5`, nor a word, `So`). */
const INDEX = /^(?:[a-z]{1,3}|T|[+\-−]?\d{1,2}|[a-z][+\-−](?:\d{1,2}|[a-z]))$/;
/** Short words a row of prose may hold alone: no index. */
const WORD =
  /^(?:so|is|to|in|of|at|on|an|as|by|it|or|if|be|we|no|do|up|the|and|for|are|but|not|its|has|was|can|all|any|one|two|yes|now|how|why|use|see|get|let|set|put|add|say|may|per|via|etc)$/;
/** An equation's line: an equals sign, or an operator between words. */
const EQUATION = /=|\s[+·.×*−-]\s/;
/** How far after a word's end an index may start, in characters of the equation's line. */
const REACH = 3.5;

type Attach = { word: number; index: string };

/** Each index of `row` set on the word of `eq` it follows, or null when one of them follows none. */
function attach(eq: Line, row: Line): Attach[] | null {
  const words = row.words.filter((w) => w.text.trim());
  const texts = words.map((w) => w.text.trim());
  if (!words.length || words.length > 8 || !texts.every((t) => INDEX.test(t) && !WORD.test(t))) return null;
  // (a number alone under an equation is more often its value wrapped than an index, a letter or a
  // roman numeral alone over one a part's label, "a" over "e_kj = …": alone, only a transpose's T or
  // an index of two letters)
  if (texts.length === 1 && !/^(?:T|(?!(?:ii|iii|iv|vi|vii|ix)$)[a-z]{2,3})$/.test(texts[0])) return null;
  // (typed at the equation's own size: a typesetter's indices, smaller, are its own to read)
  const heights = eq.words.map((w) => w.box.h).sort((a, b) => a - b);
  const body = heights[Math.floor(heights.length / 2)] ?? eq.box.h;
  if (words.some((w) => w.box.h < body * 0.9)) return null;
  const char = eq.box.w / Math.max(1, eq.text.length);
  const out: Attach[] = [];
  for (const w of words) {
    let best: { word: number; off: number } | null = null;
    eq.words.forEach((e: Word, k) => {
      if (!/[A-Za-z)\]]$/.test(e.text)) return;
      const off = (w.box.x - (e.box.x + e.box.w)) / char;
      const next = eq.words[k + 1];
      // (an index starts under or over its word's end, or just after it, before the next word; a
      // proportional font draws the typed columns a little apart, so "under" is a char and a half)
      if (off < -1.5 || off > REACH || (next && w.box.x >= next.box.x)) return;
      if (!best || Math.abs(off) < Math.abs(best.off)) best = { word: k, off };
    });
    if (!best) return null;
    out.push({ word: (best as { word: number }).word, index: w.text.trim() });
  }
  return out;
}

/** Whether `row` lies right under (`dir` 1) or right over (`dir` -1) `eq`, the next line to it. */
function adjacent(eq: Line, row: Line, dir: 1 | -1): boolean {
  if (row.page !== eq.page) return false;
  const gap = dir === 1 ? row.box.y - (eq.box.y + eq.box.h) : eq.box.y - (row.box.y + row.box.h);
  return gap > -eq.box.h * 0.5 && gap < eq.box.h * 0.8;
}

/** The equation's text with its words' indices set after them: `s` → `s_{k-1}^{T}`. */
function withIndices(eq: Line, subs: Attach[], sups: Attach[]): Line {
  const suffix = (k: number) =>
    subs
      .filter((a) => a.word === k)
      .map((a) => `_{${a.index}}`)
      .join('') +
    sups
      .filter((a) => a.word === k)
      .map((a) => `^{${a.index}}`)
      .join('');
  let text = '';
  let at = 0;
  const words = eq.words.map((w, k) => {
    const i = eq.text.indexOf(w.text, at);
    if (i < 0) return w;
    text += eq.text.slice(at, i + w.text.length) + suffix(k);
    at = i + w.text.length;
    return suffix(k) ? { ...w, text: w.text + suffix(k) } : w;
  });
  return retext(eq, text + eq.text.slice(at), words);
}

/** The lines with rows of indices set on the equations they belong to (the rows themselves dropped). */
export function withIndexRows(lines: Line[]): Line[] {
  const dropped = new Set<number>();
  const out = [...lines];
  lines.forEach((eq, i) => {
    if (!EQUATION.test(eq.text) || dropped.has(i)) return;
    const below = lines[i + 1];
    const above = lines[i - 1];
    const subs = below && adjacent(eq, below, 1) ? attach(eq, below) : null;
    const sups = above && !dropped.has(i - 1) && adjacent(eq, above, -1) ? attach(eq, above) : null;
    if (!subs && !sups) return;
    out[i] = withIndices(eq, subs ?? [], sups ?? []);
    if (subs) dropped.add(i + 1);
    if (sups) dropped.add(i - 1);
  });
  return out.filter((_, i) => !dropped.has(i));
}
