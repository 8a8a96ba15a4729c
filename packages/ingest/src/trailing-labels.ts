// Labels written at the end of a line: after their answers ("… = (0.604, 0, 0)   — Q1(b)ii",
// "… so 0 extra parameters [Ans. 2(b)]"), each closing the block of lines above it; or at the right
// of each answer's first line, each opening the block below it.
import type { Line } from '@grader/model';
import { CORRECTION_LEAD, findLabel, type Label, PartTree } from './labels.ts';
import { cutAt } from './line-cut.ts';

/** A part's label as tags and captions write it, after its prefix: "3 c", "1(b)ii", "2a", "5" (a sub-part, a roman sub-sub-part). */
const PART = String.raw`\d{1,2}\s*(?:[-.(]?\s*[a-e]\s*\)?)?(?:\s*[-.(]?\s*[ivx]{1,3}\s*\)?)?`;

/** A label at a line's end, after a dash, a wide gap or inside brackets; prefixed or with a sub-part. */
// (or in brackets alone on the line under its answer, "(Q.1-b-i)"; or after an arrow pointing back
// at the lines it closes, "<- this is 5 (total)", "← 3(a)", "<<< 5": a bare number too, and a word on what
// the block was after it)
const TRAILING = new RegExp(
  String.raw`(?:\s[—–-]{1,2}\s*|\s{2,}|\s\(|\s?\[|^\s*[([]|(\s(?:<-{1,2}|←|⟵|<={1,2}|⇐|<{2,3}|«|◀|◄)\s*(?:(?:this|that)\s+is\s+|for\s+)?))\s*((?:ans(?:wer)?\.?\s*(?:to\s*)?|q(?:uestion)?\.?\s*)?${PART})\s*[\])]?(?:(?<=\S)\s+\([a-z][a-z ]{0,20}\))?\s*$`,
  'i',
);

/** A caption under an answer naming it, alone on its line: "↑ that was Q3(c)", "(that was 1 b ii)", "^ answer to 2a". */
const CAPTION = new RegExp(
  String.raw`^\s*(?:[↑⇑^]\s*|[([]\s*)?(?:(?:this|that|above)\s+(?:is|was)|(?:answer|ans\.?)\s+(?:to|for)|end\s+of)\s+((?:q(?:uestion)?\.?\s*)?${PART})\s*[\])]?\s*[.:]?\s*$`,
  'i',
);

/** An outline number in brackets at a line's end: "… = (0.7, 0, 0.4)   [1.2.1]", "W_f is 3 × 5   (3.1)". */
const TRAILING_OUTLINE =
  /(?:\s|^)[([]\s*((?:q(?:uestion)?\.?\s*)?\d{1,2}\.\d(?:\.(?:\d|[ivx]{1,3}))?)\s*[\])]\s*$/i;
/** A question's number alone in brackets at a line's end: "(5)", "[5]" (a label only among outline numbers). */
const TRAILING_QUESTION = /(?:\s|^)[([]\s*(\d{1,2})\s*[\])]\s*$/;

/**
 * The label ending `text` and where its marker starts, or null. With `outline` (the script's other
 * labels at line ends are outline numbers), a question's number alone in brackets names a question
 * without parts: "(5)" beside "(3.1)", "(3.2)".
 */
export function trailingLabel(
  text: string,
  tree: PartTree,
  outline = false,
  headings = false,
): { at: number; label: Label } | null {
  const o = TRAILING_OUTLINE.exec(text);
  if (o) {
    // (read as after a Q, "Q1.2.1": alone, an outline number could be a value)
    const label = findLabel(/^q/i.test(o[1]) ? o[1] : `Q${o[1]}`, tree, []);
    return label?.partId ? { at: o.index, label: { ...label, end: o[1].length } } : null;
  }
  const q = outline ? TRAILING_QUESTION.exec(text) : null;
  if (q) {
    const partId = tree.partId([String(Number(q[1]))]);
    if (partId)
      return {
        at: q.index,
        label: { path: [String(Number(q[1]))], partId, end: q[1].length, conf: 0.85, weak: false },
      };
  }
  const caption = CAPTION.exec(text);
  if (caption) {
    const label = findLabel(caption[1].trim(), tree, []);
    return label?.partId && label.end >= caption[1].trim().length ? { at: 0, label } : null;
  }
  const m = TRAILING.exec(text);
  if (!m) return null;
  const cand = m[2].trim();
  // a bare number at a line's end is a value, not a label: a prefix, a sub-part or an arrow must say so
  // (in brackets after a heading it is the question's: "Counting LSTM parameters  [3]")
  if (/^\d{1,2}$/.test(cand) && !m[1] && !(headings && /[\])]\s*$/.test(text))) return null;
  const label = findLabel(cand, tree, []);
  // (a heading's tag may name a question or a part with parts: "Counting LSTM parameters  [3]")
  if (!label || (!label.partId && !headings) || label.end < cand.length) return null;
  return { at: m.index, label };
}

/** A line of an answer rather than of the header ("Roll No. 20EE72031", "CS60010 CT 3, …", "……"). */
// (nor a remark in brackets on the order of the answers, "(I did Q5 and Q3 first, then Q1, Q2, Q4)")
const answerLike = (l: Line) =>
  /[\d=:→]/.test(l.text) &&
  !/CS\d{5}|\broll\b|\bname\b|script|\d{2}[A-Z]{2}\d{5}/i.test(l.text) &&
  !/^\s*\((?=[^()]*\b[a-z]{3,}\b)[^()=]*\)\s*$/i.test(l.text);

/** Two lines of one block: same page, the second right under the first. */
function adjacent(a: Line, b: Line): boolean {
  return a.page === b.page && b.box.y - (a.box.y + a.box.h) < Math.max(a.box.h, b.box.h) * 0.8;
}

/** A line set above the next closer than a line's height: a displayed fraction's numerator over its row. */
function stacked(a: Line, b: Line): boolean {
  return a.page === b.page && b.box.y > a.box.y && b.box.y - a.box.y < Math.max(a.box.h, b.box.h) * 0.7;
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
  const outline = lines.filter((l) => TRAILING_OUTLINE.test(l.text)).length >= 3;
  const found = lines.map((l) => trailingLabel(l.text, tree, outline));
  const closing = found.flatMap((f, i) => (f ? [i] : []));
  const ids = closing.map((i) => found[i]?.label.partId);
  if (new Set(ids).size < 3) return null;
  // (a tag of another part inside the lines, "W_f = 3 x 5  (Q.3-b)" then "^^ sorry, above is
  // (Q.3-a)" and "b_f = 3 x 1  (Q.3-b)": which block is which is a person's reading)
  const inside = lines.flatMap((l, i) =>
    [
      ...(found[i] ? l.text.slice(0, found[i]!.at) : l.text).matchAll(
        /\(\s*(q\.?\s*\d{1,2}\s*[-.]\s*[a-e][^)]{0,6})\)/gi,
      ),
    ].map((m) => findLabel(m[1], tree, [])?.partId),
  );
  if (inside.some((id) => id && !ids.includes(id))) return null;

  const out = lines.map((l, i) => {
    const f = found[i];
    return f ? (cutAt(l, f.at)?.kept ?? { ...l, text: '', words: [] }) : l;
  });
  const forced = new Map<Line, Label | null>();
  // Labels written at the right end of each answer's FIRST line ("C_t = f_t ⊙ C_{t-1} + …  [1.b.i]"
  // over its working) open their blocks: a gap above the tagged line and its working set tight
  // under it, more often than the reverse (a tag closing the lines above it)
  const tight = (i: number) => i >= 0 && i + 1 < lines.length && adjacent(lines[i], lines[i + 1]);
  const opens = closing.filter((c) => !tight(c - 1) && tight(c)).length;
  const closes = closing.filter((c) => tight(c - 1) && !tight(c)).length;
  // (and nothing of an answer stands before the first tag: tags after answers have one above them)
  const answered = lines.slice(0, closing[0]).some(answerLike);
  // (tags each alone on its line, "[1a]" centred over its answer, with no answer above the first, are
  // headings opening their blocks; under answers, "(Q.1-b-i)", the first has one above it)
  const alone = closing.every((i) => !lines[i].text.slice(0, found[i]?.at ?? 0).trim());
  if ((opens > closes || alone) && !answered) {
    // (a tag on a displayed fraction's middle row, "= [Q4 a]" between "∂L" and "∂c_t", opens the
    // block at its numerator, the line set closer above it than a line's height)
    const starts = closing.map((c, k) => {
      let s = c;
      while (s - 1 > (closing[k - 1] ?? -1) && stacked(lines[s - 1], lines[s])) s--;
      return s;
    });
    closing.forEach((_, k) => {
      const c = starts[k];
      const label = found[closing[k]]?.label as Label;
      const end = k + 1 < closing.length ? starts[k + 1] : out.length;
      // (a tag alone on its line opens the block on the line under it)
      const first = out[c].text.trim() || c + 1 >= end ? c : c + 1;
      for (let i = c; i < end; i++) {
        // (a correction further down names its part at its start: "correction to 1(b)(i): …")
        const fix =
          i !== first && CORRECTION_LEAD.test(out[i].text) ? findLabel(out[i].text, tree, []) : null;
        forced.set(
          out[i],
          i === first
            ? { ...label, end: 0, conf: Math.min(label.conf, 0.9), weak: false }
            : fix?.partId
              ? fix
              : null,
        );
      }
    });
    return { lines: out.filter((l) => l.text.trim() !== '' || !forced.has(l)), forced };
  }
  // the first block reaches up over the lines set tight above its label's line (not the header,
  // which a gap separates); above a caption alone on its line, "(that was 1 a)", set apart from its
  // answer by a gap, over the answer's lines up to the header
  let start = closing[0];
  const caption = !lines[start].text.slice(0, found[start]?.at ?? 0).trim();
  while (start > 0 && (adjacent(lines[start - 1], lines[start]) || (caption && answerLike(lines[start - 1]))))
    start--;
  let prevPart: string | null = null;
  let from = start;
  for (const c of closing) {
    const label = found[c]?.label as Label;
    // (a rule between answers, "--------", starts no block: the first line of text does)
    while (from < c && !/[A-Za-z0-9]/.test(out[from].text)) forced.set(out[from++], null);
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

/**
 * Tags after headings in words ("Forget gate and cell update  [1(b)]", "Counting parameters  (Q3)",
 * "Depthwise-separable cost  (= Q.5)", "Cell update   paper 1(b)(i)"), three at least and nearly every
 * tagged line a title: each tag labels its heading's line, and the block under it is read as under any
 * heading (its own "i.", "ii." too). `count` is how many headings were tagged.
 */
export function headingTags(
  lines: Line[],
  parts: Array<{ id: string; path: string[] }>,
): { forced: Map<Line, Label | null>; count: number } | null {
  const tree = new PartTree(parts);
  // (read with "(= Q.5)" as "(Q.5)" and "paper 1(b)(i)" as "[1(b)(i)]": the tags TRAILING knows)
  const heads = lines.flatMap((line) => {
    const text = line.text.replace(/\(\s*=\s*/g, '(').replace(/\s+paper\s+(\d\S*)\s*$/i, '  [$1]');
    const t = trailingLabel(text, tree, false, true);
    if (!t) return [];
    // (a title is words: two of three letters or more, eight words at most, hardly a digit —
    // "Why f = 1 helps" — and no bracketed list of values)
    const before = text.slice(0, t.at).trim();
    const words = before.split(/\s+/);
    const title =
      words.filter((w) => /^\p{L}{3,}/u.test(w)).length >= 2 &&
      words.length <= 8 &&
      (before.match(/\d/g) ?? []).length <= 2 &&
      !/[([][^)\]]*,/.test(before);
    return [{ line, label: t.label, title }];
  });
  const titled = heads.filter((h) => h.title);
  const count = titled.length;
  if (count < 3 || count < heads.length * 0.8) return null;
  const forced = new Map<Line, Label | null>(
    titled.map(({ line, label }) => [
      line,
      { ...label, end: line.text.length, conf: Math.min(label.conf, 0.9), weak: false },
    ]),
  );
  return { forced, count };
}

/** A line that is only a question's number closing its answers: "---- (that was Q1)", "— Q3", "[Q2]". */
const CLOSER =
  /^[\s\-—–=_*~.]*[([]?\s*(?:(?:that\s+was|end\s+of)\s+)?(?:q(?:uestion|n)?\.?\s*)(\d{1,2})\s*[)\]]?[\s\-—–=_*~.]*$/i;

/**
 * When a script gives its question numbers only after each question's answers ("(a) … (b)(i) …",
 * then "---- (that was Q1)"): each block's sub-part labels read under the question that closes it,
 * and a question without sub-parts starting at its block's first line. Null when fewer than three
 * questions are closed that way, or a closer's question is not the exam's.
 */
export function closingQuestions(
  lines: Line[],
  parts: Array<{ id: string; path: string[] }>,
): { lines: Line[]; forced: Map<Line, Label | null> } | null {
  const tree = new PartTree(parts);
  const questions = new Set(parts.map((p) => p.path[0].toLowerCase()));
  const closers = lines.flatMap((l, i) => {
    const q = CLOSER.exec(l.text)?.[1];
    return q === undefined ? [] : [{ i, q: String(Number(q)) }];
  });
  if (new Set(closers.map((c) => c.q)).size < 3 || closers.some((c) => !questions.has(c.q))) return null;
  const forced = new Map<Line, Label | null>();
  let from = 0;
  for (const { i, q } of closers) {
    const block = lines.slice(from, i);
    const leaf = parts.find((p) => p.path.length === 1 && p.path[0].toLowerCase() === q);
    let context: string[] = [q];
    let labelled = false;
    for (const line of block) {
      const label = findLabel(line.text, tree, context);
      const own = label?.partId && label.path[0] === q && label.path.length > 1;
      // (the script's header, above the first answer, is read as a header)
      if (!own && from === 0 && !labelled) continue;
      forced.set(line, own ? { ...label, conf: Math.min(label.conf, 0.9), weak: false } : null);
      if (own) {
        context = label.path.slice(0, -1);
        labelled = true;
      }
    }
    // (a question without sub-parts: its answer is the whole block, from its first line of text)
    const start = leaf && !labelled ? block.find((l) => l.text.trim() && answerLike(l)) : undefined;
    if (start && leaf) forced.set(start, { path: [q], partId: leaf.id, end: 0, conf: 0.9, weak: false });
    from = i + 1;
  }
  const closing = new Set(closers.map((c) => lines[c.i]));
  return { lines: lines.filter((l) => !closing.has(l)), forced };
}
