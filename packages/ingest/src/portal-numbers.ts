// A portal's own numbers before the paper's labels: an online test that numbers every sub-part in a
// run of its own ("Item 7 [3(b)]", "Q4 = 2a", "Portal Q8 ↔ Paper 3(c)", "[#8] 3(c)", "Ques no. 4 →
// [Q2 a]", "Item VII (3b)"). Read as a label, "Q4" would start question 4 where 2(a) is answered. The
// portal's number k names the exam's k-th part, so a number that does is blanked and the paper's
// label read; a script doing so three times or more is numbered that way.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { blankedAt, retext } from './layout.ts';
import { romanValue } from './roman.ts';

/** The portal's number at a line's start with what joins it to the paper's label. */
const PORTAL =
  /^(\s*(?:portal\s+)?(?:item|q|ques(?:tion)?(?:\s+no\.?)?|\[?#)\s*(\d{1,2}|[IVX]{1,4})\s*\]?\s*(?:=|↔|<->|->|→|⇒|:|–|-)?\s*(?:paper\s*)?)(?=\S|$)/i;
/** Portal numbers read before their part's label on this many lines make them the script's habit. */
const MIN_LINES = 3;

/** The portal's number on a line, the part it names and where the number ends; null when it names none. */
function portalNumber(
  text: string,
  leaves: string[][],
  tree: PartTree,
): { end: number; leaf: string[]; word: string } | null {
  const m = PORTAL.exec(text);
  if (!m) return null;
  const k = /^\d+$/.test(m[2]) ? Number(m[2]) : romanValue(m[2]);
  const leaf = leaves[k - 1];
  // (the paper's own label with its parts in digits, "Q2-1" for 2(a), reads through the number, no
  // label of its own after it: no portal's)
  const own = findLabel(text, tree);
  if (own?.partId && own.end > m[1].length && !findLabel(text.slice(m[1].length), tree)?.partId) return null;
  // (the word the script numbers with: "item", "ques no.", "portal q")
  return leaf
    ? { end: m[1].length, leaf, word: m[1].slice(0, m[1].indexOf(m[2])).trim().toLowerCase() }
    : null;
}

/**
 * Whether the paper's label after the portal's number names the part of that number: `whole`, or only
 * its question (`question`: "[Q3]" for the portal's 6, 3(a)); `false` when it names another.
 */
function namesLeaf(rest: string, leaf: string[], tree: PartTree): 'whole' | 'question' | false {
  const label = findLabel(rest, tree);
  if (!label?.path.length || !label.path.every((c, i) => leaf[i]?.toLowerCase() === c.toLowerCase()))
    return false;
  return label.path.length === leaf.length ? 'whole' : 'question';
}

/** A part's label as the label reader takes it: "1b.ii", "2a", "5". */
const labelOf = (leaf: string[]) =>
  leaf[0] +
  leaf.slice(1, 2).join('') +
  leaf
    .slice(2)
    .map((c) => `.${c}`)
    .join('');

/**
 * The lines with the portal's numbers blanked before the paper's labels, where the script numbers so;
 * a portal number alone ("Ques no. 2 →", "Item 5") is then read as the part it names.
 */
export function withoutPortalNumbers(lines: Line[], tree: PartTree): Line[] {
  const leaves = tree.leavesUnder([]);
  const read = lines.map((l) => {
    const n = portalNumber(l.text, leaves, tree);
    return n ? { ...n, paired: namesLeaf(l.text.slice(n.end), n.leaf, tree) } : null;
  });
  const paired = read.filter((r) => r?.paired);
  if (paired.length < MIN_LINES) return lines;
  const words = new Set(paired.map((r) => r?.word));
  return lines.map((l, i) => {
    const r = read[i];
    if (!r || !words.has(r.word)) return l;
    if (r.paired === 'whole') return blankedAt(l, 0, r.end);
    // (not when the line goes on with a label of its own, another part's)
    const own = r.paired ? findLabel(l.text.slice(r.end), tree) : null;
    if (!r.paired && findLabel(l.text.slice(r.end), tree)) return l;
    // (the part's label in place of the number, and of its question's label when that stands alone)
    const end = r.end + (own?.end ?? 0);
    const label = labelOf(r.leaf);
    const blanked = blankedAt(l, 0, end);
    const first = l.words[0];
    return retext(
      blanked,
      label.padEnd(Math.max(end, label.length + 1)) + blanked.text.slice(end),
      first ? [{ ...first, text: label }, ...blanked.words] : blanked.words,
    );
  });
}

/** Whether a line opens with a portal's number and the label of the part it names ("Item 10 (Q4b)"). */
export function portalLabelled(text: string, tree: PartTree): boolean {
  const n = portalNumber(text, tree.leavesUnder([]), tree);
  return n !== null && namesLeaf(text.slice(n.end), n.leaf, tree) !== false;
}
