// Reading order: words -> lines on each page, lines top to bottom, pages in order.
import type { Box, Line, Word } from '@grader/model';

/**
 * A word from either path. `size` (font size in points) lets text-layer words decide spacing;
 * `line` (an OCR engine's line id) keeps the engine's own line grouping when there is one.
 */
export type LayoutWord = Word & { size?: number; line?: number };

/** The row of text a word sits on (by its middle, 3 pt bands). */
export const rowOf = (w: LayoutWord) => Math.round((w.box.y + w.box.h / 2) / 3);

export function unionBox(boxes: Box[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, w: 0, h: 0 };
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * For the lines of a page that OCR read after turning it, where the line lies in the upright
 * reading frame (and that frame's size): reading order and indentation are judged there, while
 * `line.box` stays on the page as stored. Kept beside the lines so the stored shape is unchanged.
 */
const upright = new WeakMap<Line, { box: Box; width: number; height: number }>();

export function setReadingFrame(line: Line, frame: { box: Box; width: number; height: number }): void {
  upright.set(line, frame);
}

/** The line with its text (and words) rewritten, in the same reading frame: a column's edge kept. */
export function retext(line: Line, text: string, words: Word[] = line.words): Line {
  const out = { ...line, text, words };
  const frame = upright.get(line);
  if (frame) upright.set(out, frame);
  return out;
}

/**
 * The line with `length` characters from `at` blanked (spaces, so the rest keeps its place) and the
 * words that spelt them dropped, from the first on ("12 |" goes as the words "12" and "|"), in the
 * same reading frame.
 */
export function blankedAt(line: Line, at: number, length: number): Line {
  const cut = line.text.slice(at, at + length).replace(/\s+/g, '');
  let dropped = '';
  const words = line.words.filter((w) => {
    if (dropped.length >= cut.length || !cut.startsWith(dropped + w.text)) return true;
    dropped += w.text;
    return false;
  });
  return retext(line, line.text.slice(0, at) + ' '.repeat(length) + line.text.slice(at + length), words);
}

/** The line's box in reading orientation, and the page size in that orientation. */
export function readingFrame(
  line: Line,
  page: { width: number; height: number },
): { box: Box; width: number; height: number } {
  return upright.get(line) ?? { box: line.box, width: page.width, height: page.height };
}

type Group = { words: LayoutWord[]; top: number; bottom: number };

/** Vertical overlap of two ranges relative to the shorter one. */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  const o = Math.min(a1, b1) - Math.max(a0, b0);
  return o / Math.max(1e-6, Math.min(a1 - a0, b1 - b0));
}

/** Joins a line's words (left to right), with a space only where there is a visible gap. */
export function joinWords(words: LayoutWord[]): string {
  let s = '';
  // a run of small raised words right after a base word is its exponent: `R` + `3×5` is R^{3×5},
  // `199` + `2` is 199^{2} (not 1992), `tanh` + `2` is tanh^{2}
  let base: LayoutWord | null = null;
  let inSup = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0) {
      const prev = words[i - 1];
      const gap = w.box.x - (prev.box.x + prev.box.w);
      // Text-layer sub/superscripts (LaTeX's f then t) sit right against their base: no space.
      const size = Math.max(prev.size ?? 0, w.size ?? 0);
      const tight = size > 0 && gap < 0.15 * size;
      const ref = base ?? prev;
      const raised =
        tight &&
        /^[\d×x*+−-]{1,3}$/.test(w.text) &&
        /[\dA-Za-z)ℝ]$/.test(ref.text) &&
        w.box.h < ref.box.h * 0.85 &&
        w.box.y + w.box.h < ref.box.y + ref.box.h * 0.8 &&
        (inSup || /^\d/.test(w.text));
      // a footnote's mark, raised right after punctuation ("→ 6.¹", "parameter-free.²"), is no
      // digit of the text: an exponent never follows a full stop or a comma
      if (
        tight &&
        !inSup &&
        /^\d{1,2}$/.test(w.text) &&
        /[.,;:!?”"’]$/.test(prev.text) &&
        w.box.h < prev.box.h * 0.85 &&
        w.box.y + w.box.h < prev.box.y + prev.box.h * 0.8
      )
        continue;
      if (inSup && !raised) {
        s += '}';
        inSup = false;
        base = null;
      }
      if (!tight) s += ' ';
      if (raised && !inSup) {
        s += '^{';
        inSup = true;
        base = prev;
      }
    }
    s += w.text;
  }
  if (inSup) s += '}';
  return s;
}

/** Spacing accents that LaTeX draws as separate glyphs above a letter, and their combining forms. */
const ACCENTS: Record<string, string> = {
  '˜': '\u0303',
  '~': '\u0303',
  ˆ: '\u0302',
  '^': '\u0302',
  '¯': '\u0304',
  '˙': '\u0307',
  '¨': '\u0308',
  '´': '\u0301',
  '`': '\u0300',
  '→': '\u20D7',
  '⃗': '\u20D7',
};

/**
 * Puts a free-standing accent glyph (LaTeX's \tilde{C} gives "C" and "˜") back on the letter below
 * it as a combining mark, so the text reads "C̃" as other writers give it.
 */
export function attachAccents(words: LayoutWord[]): LayoutWord[] {
  const out = words.map((w) => ({ ...w }));
  const drop = new Set<number>();
  out.forEach((a, i) => {
    const mark = ACCENTS[a.text];
    if (!mark || a.size === undefined) return;
    const cx = a.box.x + a.box.w / 2;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    out.forEach((v, j) => {
      if (j === i || drop.has(j) || ACCENTS[v.text]) return;
      // the accent sits over the letter: its centre within the word and its top above the word's
      if (cx < v.box.x - 0.5 || cx > v.box.x + v.box.w + 0.5 || a.box.y > v.box.y + v.box.h * 0.3) return;
      const d = Math.abs(a.box.y - v.box.y);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    });
    // "→" between words is an arrow, not an accent: only glyphs above a letter count
    if (best < 0 || (a.text === '→' && a.box.y > out[best].box.y - out[best].box.h * 0.3)) return;
    const v = out[best];
    const chars = [...v.text];
    const k = Math.max(
      0,
      Math.min(chars.length - 1, Math.floor(((cx - v.box.x) / Math.max(v.box.w, 1e-6)) * chars.length)),
    );
    chars.splice(k + 1, 0, mark);
    v.text = chars.join('').normalize('NFC');
    drop.add(i);
  });
  return out.filter((_, i) => !drop.has(i));
}

/** Spacing accents pdfTeX sets just before their letter ("R´eponse"), as combining marks. */
const SPACING_ACCENTS: Record<string, string> = { '´': '\u0301', '¨': '\u0308', ˆ: '\u0302' };

/** "R´eponse" as "Réponse": an accent glued before a letter goes onto it. */
export function accentsOnLetters(text: string): string {
  return text.replace(/([´¨ˆ])(\p{L})/gu, (_m, a: string, l: string) =>
    (l + SPACING_ACCENTS[a]).normalize('NFC'),
  );
}

function toLine(page: number, input: LayoutWord[]): Line {
  const words = inlineFractions(attachAccents(input));
  words.sort((a, b) => a.box.x - b.box.x);
  const conf = words.reduce((s, w) => s + w.conf, 0) / Math.max(1, words.length);
  return {
    page,
    text: accentsOnLetters(joinWords(words)),
    box: unionBox(words.map((w) => w.box)),
    conf,
    words: words.map(({ text, box, conf }) => ({ text, box, conf })),
  };
}

/**
 * A fraction set inline (`\frac{200+2·1−4}{1}`): its numerator raised and its denominator lowered
 * within the line, one over the other. Sorted by x, their words would interleave ("200+21·1−4");
 * they become one word `(200+2·1−4)/(1)`. Sub- and superscripts stacked on a symbol (`s_{k-1}^⊤`)
 * touch their base and are left alone. Text-layer words only (they carry a font size).
 */
export function inlineFractions(words: LayoutWord[]): LayoutWord[] {
  if (words.length < 3 || words.some((w) => w.size === undefined)) return words;
  // the line's body text: its tallest word that is no delimiter (a matrix's big brackets are taller)
  const heights = words.map((w) => w.box.h).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)];
  const main = words.filter((w) => w.box.h <= median * 1.5).reduce((a, b) => (b.box.h > a.box.h ? b : a));
  const mid = main.box.y + main.box.h / 2;
  const sorted = [...words].sort((a, b) => a.box.x - b.box.x);
  const small = (w: LayoutWord) => w.box.h < main.box.h * 0.9;
  const centre = (w: LayoutWord) => w.box.y + w.box.h / 2;
  const raised = (w: LayoutWord) => small(w) && centre(w) < mid - main.box.h * 0.2;
  const lowered = (w: LayoutWord) => small(w) && centre(w) > mid + main.box.h * 0.2;
  const out: LayoutWord[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const w = sorted[i];
    if (!raised(w) && !lowered(w)) {
      out.push(w);
      continue;
    }
    // the run of raised and lowered words starting here
    let j = i;
    while (j < sorted.length && (raised(sorted[j]) || lowered(sorted[j]))) j++;
    const run = sorted.slice(i, j);
    const num = run.filter(raised);
    const den = run.filter(lowered);
    const span = (ws: LayoutWord[]) => {
      const b = unionBox(ws.map((x) => x.box));
      return { x0: b.x, x1: b.x + b.w, c: b.x + b.w / 2, w: b.w };
    };
    const prev = out[out.length - 1];
    const touchesBase = prev !== undefined && w.box.x - (prev.box.x + prev.box.w) < 1;
    if (num.length && den.length && !touchesBase) {
      const n = span(num);
      const d = span(den);
      const stacked = Math.min(n.x1, d.x1) - Math.max(n.x0, d.x0) > 0;
      const centred = Math.abs(n.c - d.c) < 0.25 * Math.max(n.w, d.w) + 1;
      if (stacked && centred) {
        const text = `(${joinWords(num)})/(${joinWords(den)})`;
        out.push({ text, box: unionBox(run.map((x) => x.box)), conf: w.conf, size: main.size });
        i = j - 1;
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * Groups one page's words into lines. Words carrying an engine line id are grouped by it; the
 * others join the line whose main vertical band they overlap most, so subscripts and superscripts
 * stay with their base while the two halves of a displayed fraction become two lines.
 */
export function buildLines(page: number, words: LayoutWord[]): Line[] {
  const lines: Line[] = [];
  const byId = new Map<number, LayoutWord[]>();
  const free: LayoutWord[] = [];
  for (const w of words) {
    if (w.line === undefined) free.push(w);
    else {
      const g = byId.get(w.line) ?? [];
      g.push(w);
      byId.set(w.line, g);
    }
  }
  for (const g of byId.values()) lines.push(toLine(page, g));

  // Largest fonts first, so each line's band is set by its main text, not its subscripts.
  const sorted = [...free].sort((a, b) => b.box.h - a.box.h || a.box.y - b.box.y);
  const groups: Group[] = [];
  for (const w of sorted) {
    const top = w.box.y;
    const bottom = w.box.y + w.box.h;
    let best: Group | null = null;
    let bestO = 0.45;
    for (const g of groups) {
      const o = overlap(top, bottom, g.top, g.bottom);
      if (o > bestO) {
        bestO = o;
        best = g;
      }
    }
    if (best) best.words.push(w);
    else groups.push({ words: [w], top, bottom });
  }
  attachLowSubscripts(groups);
  displayFractions(groups);
  for (const g of groups) if (g.words.length) lines.push(toLine(page, g.words));
  return sortLines(lines);
}

/**
 * Sub- and superscripts that the band grouping put on the wrong line: a subscript set under a
 * superscript (`s_{k-1}^⊤`) falls below its line ("k−1" alone), a superscript of a tall line
 * (`R^{3×5}`) rises into the line above ("acts3×on5"). A small word that starts right where a
 * full-size word of a neighbouring line ends, and touches no word of its own line, belongs there.
 */
function attachLowSubscripts(groups: Group[]): void {
  const sizes = groups.flatMap((g) => g.words.map((w) => w.box.h)).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const moved = new Set<LayoutWord>();
  const touches = (b: LayoutWord, w: LayoutWord) => Math.abs(b.box.x + b.box.w - w.box.x) < 1.5;
  // an inline fraction's denominator (`\frac{∂L}{∂c_1}` in running text, its "∂" "c" "1" pieces):
  // set under a small numerator of its own line, it stays there, even where it touches a word of
  // the line below ("In∂ac1")
  const underNumerator = (w: LayoutWord, g: Group) =>
    g.words.some(
      (x) =>
        x !== w &&
        x.box.h <= body * 0.85 &&
        x.box.w >= w.box.w &&
        // (within half a glyph either side: `∂h` sets its ∂ a little left of the numerator's `∂L`)
        w.box.x >= x.box.x - Math.max(2, x.box.h * 0.4) &&
        w.box.x + w.box.w <= x.box.x + x.box.w + Math.max(2, x.box.h * 0.4) &&
        w.box.y >= x.box.y + x.box.h * 0.5 &&
        w.box.y - (x.box.y + x.box.h) < x.box.h,
    );
  // an inline fraction's numerator (`\frac{200-4+2}{1}`: "200" "−" "4+2" touching, a "1" under them):
  // it stays over its denominator, even where it starts right where a word of the line above ends
  const overDenominator = (w: LayoutWord, g: Group) => {
    const run = [w];
    for (let next = w; ; ) {
      const b = g.words.find((x) => !run.includes(x) && x.box.h <= body * 0.85 && touches(next, x));
      if (!b) break;
      run.push(b);
      next = b;
    }
    const x0 = w.box.x;
    const x1 = Math.max(...run.map((x) => x.box.x + x.box.w));
    // (centred under it: limits stacked after a ∏, "T" over "k=2", start together at its edge)
    return g.words.some(
      (d) =>
        !run.includes(d) &&
        Math.abs(d.box.x - w.box.x) > 0.5 &&
        d.box.h <= body * 0.85 &&
        d.box.x < x1 &&
        d.box.x + d.box.w > x0 &&
        d.box.y >= w.box.y + w.box.h * 0.5 &&
        d.box.y - (w.box.y + w.box.h) < w.box.h,
    );
  };
  for (const g of groups) {
    // left to right, so "−1" follows the "k" just moved after "s"
    for (const w of [...g.words].sort((a, b) => a.box.x - b.box.x)) {
      if (w.text.length > 4 || w.box.h > body * 0.85 || underNumerator(w, g)) continue;
      // it continues a word of its own line that stays there ("R" "3" "×" "1": the "×" goes with
      // the "3", even where it also touches a letter of the line above)
      if (g.words.some((b) => b !== w && touches(b, w) && (b.box.h > body * 0.85 || !moved.has(b)))) continue;
      // it opens its own line, a full-size word starting right where it ends: a footnote's raised
      // marker ("⁶Input to each gate …"), not a script of the line above that happens to end there
      if (
        /^(?:\d{1,2}|[ivx]{1,4}|[*†‡§¶‖]{1,2})$/.test(w.text) &&
        g.words.every((b) => b === w || b.box.x > w.box.x) &&
        g.words.some((b) => b.box.h > body * 0.85 && touches(w, b) && /^[\p{L}\p{N}([]/u.test(b.text))
      )
        continue;
      const near = (h: Group) => {
        const hh = h.bottom - h.top;
        return h !== g && w.box.y + w.box.h > h.top - hh * 0.5 && w.box.y < h.bottom + hh * 0.5;
      };
      // (a full-size base ends in a letter, digit or bracket: a small word that happens to start
      // where a full-size operator ends, "199 ×" of the line below a fraction's denominator, is
      // no script; a script's own pieces, "k−" then "1", are; a denominator's subscript, the "1"
      // of "∂c_1", goes with its denominator first)
      const host =
        groups.find((h) => near(h) && h.words.some((b) => touches(b, w) && underNumerator(b, h))) ??
        groups.find(
          (h) =>
            near(h) &&
            h.words.some(
              (b) =>
                touches(b, w) &&
                (moved.has(b) || (b.box.h > body * 0.85 && /[\p{L}\p{N})\]}|'′⊤]$/u.test(b.text))),
            ),
        );
      if (!host || overDenominator(w, g)) continue;
      host.words.push(w);
      moved.add(w);
      g.words.splice(g.words.indexOf(w), 1);
    }
  }
}

/**
 * A fraction set at full size in a line (`\frac{200 + 2(1) − 4}{1} + 1 = 199`): its numerator and
 * denominator are lines of their own, half a line above and below, centred on each other over a gap
 * of the line ("Step 1: + 1 = 199" between "200 + 2(1) − 4" and "1"). They go back into the gap as
 * one word `(200 + 2(1) − 4)/(1)`. Ordinary lines are a full line's pitch apart, never half.
 * Derivatives (∂L over ∂c_t, several side by side, tall brackets beside them) are left as their three
 * rows: @grader/parse rebuilds those.
 */
function displayFractions(groups: Group[]): void {
  const centre = (g: Group) => (g.top + g.bottom) / 2;
  const span = (ws: LayoutWord[]) => {
    const b = unionBox(ws.map((w) => w.box));
    return { x0: b.x, x1: b.x + b.w, c: b.x + b.w / 2, w: b.w };
  };
  const plain = (g: Group) => g.words.every((w) => !/[∂\u{e000}-\u{f8ff}]/u.test(w.text));
  for (const m of groups) {
    if (!m.words.length) continue;
    const h = m.bottom - m.top;
    const half = (g: Group, sign: number) =>
      g !== m &&
      g.words.length > 0 &&
      sign * (centre(g) - centre(m)) > h * 0.35 &&
      sign * (centre(g) - centre(m)) < h * 0.9;
    const num = groups.find((g) => half(g, -1));
    const den = groups.find((g) => half(g, 1));
    // (both halves set at the line's own size, and short: rows of scripts between two lines of
    // text are no fraction)
    const like = (g: Group) => Math.abs(g.bottom - g.top - h) < h * 0.2 && g.words.length <= 8 && plain(g);
    if (!num || !den || !like(num) || !like(den)) continue;
    const n = span(num.words);
    const d = span(den.words);
    const centred =
      Math.abs(n.c - d.c) < 0.25 * Math.max(n.w, d.w) + 2 && Math.min(n.x1, d.x1) > Math.max(n.x0, d.x0);
    // (over a gap of the line: a fraction is no sub- or superscript of a word under it)
    const x0 = Math.min(n.x0, d.x0);
    const x1 = Math.max(n.x1, d.x1);
    // (and inside the line, words on both sides: rows of a table's column beside a line are
    // no fraction, even where two of them fall half a line above and below it)
    const before = m.words.some((w) => w.box.x + w.box.w <= x0);
    const after = m.words.some((w) => w.box.x >= x1);
    if (!centred || !before || !after || m.words.some((w) => w.box.x < x1 && w.box.x + w.box.w > x0))
      continue;
    const [a, b] = [joinWords(num.words), joinWords(den.words)];
    // (arithmetic in it: a table cell's text wrapped around the row's line, "(b)" over "(ii)", is none)
    if (!/[\d+−\-×*·/^]/.test(a + b)) continue;
    const box = unionBox([...num.words, ...den.words].map((w) => w.box));
    m.words.push({
      ...num.words[0],
      text: /\s/.test(a + b) ? `(${a})/(${b})` : `${a}/${b}`,
      box: { ...box, y: m.top, h },
    });
    num.words = [];
    den.words = [];
  }
}

/** Top to bottom; lines whose bands overlap (same row) left to right. */
export function sortLines(lines: Line[]): Line[] {
  return lines.sort((a, b) => {
    const o = overlap(a.box.y, a.box.y + a.box.h, b.box.y, b.box.y + b.box.h);
    if (o > 0.6) return a.box.x - b.box.x;
    return a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2);
  });
}
