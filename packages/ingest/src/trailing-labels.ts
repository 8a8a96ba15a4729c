// Labels written after their answers, at the end of a line ("… = (0.604, 0, 0)   — Q1(b)ii",
// "… so 0 extra parameters [Ans. 2(b)]"): each closes the block of lines above it.
import type { Line } from '@grader/model';
import { findLabel, type Label, PartTree } from './labels.ts';
import { cutAt } from './line-cut.ts';

/** A label at a line's end, after a dash, a wide gap or inside brackets; prefixed or with a sub-part. */
const TRAILING =
  /(?:\s[—–-]{1,2}\s*|\s{2,}|\s\(|\s?\[)\s*((?:ans(?:wer)?\.?\s*(?:to\s*)?|q(?:uestion)?\.?\s*)?\d{1,2}\s*(?:[.(]?\s*[a-e]\s*\)?)?(?:\s*[.(]?\s*[ivx]{1,3}\s*\)?)?)\s*[\])]?\s*$/i;

/** The label ending `text` and where its marker starts, or null. */
export function trailingLabel(text: string, tree: PartTree): { at: number; label: Label } | null {
  const m = TRAILING.exec(text);
  if (!m) return null;
  const cand = m[1].trim();
  // a bare number at a line's end is a value, not a label: a prefix or a sub-part must say so
  if (/^\d{1,2}$/.test(cand)) return null;
  const label = findLabel(cand, tree, []);
  if (!label?.partId || label.end < cand.length) return null;
  return { at: m.index, label };
}

/** Two lines of one block: same page, the second right under the first. */
function adjacent(a: Line, b: Line): boolean {
  return a.page === b.page && b.box.y - (a.box.y + a.box.h) < Math.max(a.box.h, b.box.h) * 0.8;
}

/**
 * When a script labels its answers at their ends: its lines with the labels cut off, and the label
 * each block starts with (null on every other line, so that numbers starting a line inside an
 * answer are not read as labels). Null when fewer than three parts are labelled that way.
 */
export function trailingLabels(
  lines: Line[],
  parts: Array<{ id: string; path: string[] }>,
): { lines: Line[]; forced: Map<Line, Label | null> } | null {
  const tree = new PartTree(parts);
  const found = lines.map((l) => trailingLabel(l.text, tree));
  const closing = found.flatMap((f, i) => (f ? [i] : []));
  if (new Set(closing.map((i) => found[i]?.label.partId)).size < 3) return null;
  const out = lines.map((l, i) => {
    const f = found[i];
    return f ? (cutAt(l, f.at)?.kept ?? { ...l, text: '', words: [] }) : l;
  });
  const forced = new Map<Line, Label | null>();
  // the first block reaches up over the lines set tight above its label's line (not the header,
  // which a gap separates)
  let start = closing[0];
  while (start > 0 && adjacent(lines[start - 1], lines[start])) start--;
  let prevPart: string | null = null;
  let from = start;
  for (const c of closing) {
    const label = found[c]?.label as Label;
    for (let i = from; i <= c; i++) {
      const first = i === from && label.partId !== prevPart;
      forced.set(out[i], first ? { ...label, end: 0, conf: Math.min(label.conf, 0.9), weak: false } : null);
    }
    prevPart = label.partId;
    from = c + 1;
  }
  for (let i = from; i < out.length; i++) forced.set(out[i], null);
  return { lines: out.filter((l) => l.text.trim() !== '' || !forced.has(l)), forced };
}
