// A displayed fraction in a labelled row (a table's `4.a & \dfrac{∂L}{∂c_t} = …` or a label before a
// display): the text layer gives the numerators' row above the label's line, so read in order it would
// close the part before. It goes with the label's line, where the rest of its fraction is.
import type { Line, Word } from '@grader/model';
import { findLabel, PartTree } from './labels.ts';

/** A derivative's numerator or denominator as typeset (`∂L`, `∂c_t`, `dL`). */
const DERIVATIVE = /^[∂d𝜕][A-Za-zΑ-ω]/u;
/** What else a row of them carries: subscripts set apart (`t`, `+1`), a big operator's glyph and its
 * limits (`∏` with `T` above it, `t=2` below). */
const STRAY = /^(?:.|[+−-]?\d+|t?=\d+)$/u;

/** A row of derivatives' numerators or denominators: two of them at least, nothing else but strays. */
function derivativeRow(l: Line): boolean {
  const ws = l.words.filter((w) => w.text.trim());
  const d = ws.filter((w) => DERIVATIVE.test(w.text)).length;
  return d >= 2 && ws.every((w) => DERIVATIVE.test(w.text) || STRAY.test(w.text));
}

const left = (ws: Word[]) => Math.min(...ws.map((w) => w.box.x));
const mid = (l: Line) => l.box.y + l.box.h / 2;

/**
 * Lines with each labelled line's fraction numerators moved after it: a row of derivatives right above
 * a line that opens with a part's label, right of that label, with the denominators' row just below.
 */
export function numeratorsWithTheirLabel(
  lines: Line[],
  parts: Array<{ id: string; path: string[] }>,
): Line[] {
  const tree = new PartTree(parts);
  const out = [...lines];
  for (let i = 0; i + 2 < out.length; i++) {
    const [num, labelled, den] = [out[i], out[i + 1], out[i + 2]];
    if (num.page !== labelled.page || den.page !== labelled.page) continue;
    if (!(mid(num) < mid(labelled) && mid(labelled) < mid(den) && mid(den) - mid(num) < 40)) continue;
    if (!derivativeRow(num) || !derivativeRow(den)) continue;
    const label = findLabel(labelled.text, tree);
    // (the label's line holds the fractions' bars between its maths: a heading alone, "IV(b)", between
    // one fraction's denominators and the next one's numerators holds none)
    if (!label?.partId || !labelled.text.slice(label.end).trim()) continue;
    // (and the numerators stand over the denominators)
    if (Math.abs(left(num.words) - left(den.words)) > num.box.h * 1.5) continue;
    // the label's own words stand left of the fraction
    const before = labelled.words
      .filter((w) => w.box.x < left(num.words))
      .map((w) => w.text)
      .join(' ');
    const own = labelled.text.slice(0, label.end).trim();
    if (!own || !before.replace(/\s/g, '').startsWith(own.replace(/\s/g, ''))) continue;
    out[i] = labelled;
    out[i + 1] = num;
    i++;
  }
  return out;
}
