// Struck-out text on a text page: a line drawn through words ("<s>0.62</s> 0.604", LaTeX's
// \sout{9} 10). The text layer still holds the words; the student withdrew them. They are kept,
// marked "~~…~~" as a typed strike-out is, so the grader reads them as neither answer nor working.
import type { Word } from '@grader/model';
import type { Rule } from './pdf.ts';

/** A word of a text layer, with its font size (words without one are left as they are). */
type Sized = Word & { size?: number };

/**
 * Where a strike-out crosses a word, as a share of its size above the baseline: LibreOffice draws
 * it at 0.29, pdfTeX's ulem and soul at 0.22-0.26. An underline is below the baseline, a fraction's
 * bar under its numerator's baseline and over its denominator (0.8 and more).
 */
const THROUGH = { low: 0.1, high: 0.42 };
/** What a strike-out also takes with the words it runs through: sub- and superscripts, a fraction. */
const NEAR = { low: -0.5, high: 1 };
/** How much of a stroke's length runs through letters for it to be a strike-out. */
const STRUCK_SHARE = 0.4;
/** A word's baseline, as a share of its size below the top of its box (as `textLayerWords` sets it). */
const BASELINE = 0.8;

/** The words with the characters a strike-out crosses wrapped in "~~". */
export function markStruck<W extends Sized>(words: W[], strokes: Rule[]): W[] {
  if (!strokes.length) return words;
  const sizeOf = (w: Sized) => w.size ?? w.box.h;
  const baseline = (w: Sized) => w.box.y + BASELINE * sizeOf(w);
  const across = (w: Sized, s: Rule) => w.box.x < s.x1 && w.box.x + w.box.w > s.x0;
  const at = (w: Sized, s: Rule) => (baseline(w) - s.y) / sizeOf(w);
  // a stroke is a strike-out when words' letters run along it for much of its length (a fraction's
  // bar has its numerator over it and its denominator under it; a big operator may cross it)
  const strikes = strokes.filter((s) => {
    let through = 0;
    for (const w of words) {
      const a = at(w, s);
      if (!across(w, s) || a < THROUGH.low || a > THROUGH.high) continue;
      through += Math.min(s.x1, w.box.x + w.box.w) - Math.max(s.x0, w.box.x);
    }
    return through >= (s.x1 - s.x0) * STRUCK_SHARE;
  });
  if (!strikes.length) return words;
  return words.map((w) => {
    // (its subscripts, superscripts, a struck fraction's parts; not the line below or above)
    const near = strikes.filter((s) => across(w, s) && at(w, s) >= NEAR.low && at(w, s) <= NEAR.high);
    if (!near.length) return w;
    const chars = [...w.text];
    const pitch = w.box.w / chars.length;
    const struck = chars.map((_, i) => {
      const cx = w.box.x + (i + 0.5) * pitch;
      // (widths are estimated evenly: a narrow bracket beside the stroke's end is not taken)
      return near.some((s) => cx >= s.x0 + pitch / 4 && cx <= s.x1 - pitch / 4);
    });
    if (!struck.some(Boolean)) return w;
    let text = '';
    chars.forEach((c, i) => {
      if (struck[i] && !struck[i - 1]) text += '~~';
      text += c;
      if (struck[i] && !struck[i + 1]) text += '~~';
    });
    return { ...w, text };
  });
}
