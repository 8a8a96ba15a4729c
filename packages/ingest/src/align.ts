// Part labels on OCR'd pages, located like a person does: lines that start at the margin and begin
// with something label-like are matched against the exam's part list in its order. The match is
// tolerant — a weighted edit distance that forgives the usual misreads of handwriting OCR ("Q1b" read
// as "01b", "(b)" as "(6)", "ii" as "11", "Question" as "Ouestion") — and relative labels ("(b)"
// after 2(a), "ii." after "(b) i.") are read against the part before them. A dynamic-programming
// alignment picks, between labels already read, the assignment of candidate lines to the parts
// still missing that fits best, keeping exam order and allowing parts to be skipped.
// Nothing here knows any particular exam: the part list is the exam's.

export type PartDef = { id: string; path: string[] };

/** Characters OCR reads in place of a label character (lower case), each costing a fraction of a substitution. */
const CONFUSED: Record<string, string> = {
  '0': 'oqgd@',
  '1': 'li|!tj]/7',
  '2': 'z',
  '3': 'b8',
  '4': 'hay',
  '5': 's$',
  '6': 'b',
  '7': '1',
  '8': 'b3',
  '9': 'ag',
  a: '9@odqe40',
  b: '68h3kleo0',
  c: 'e(o<¢©',
  d: 'a',
  e: 'c',
  i: 'l1|!jt],;',
  q: '0ogd9@',
  v: 'u',
  x: 'k',
};

/** Question numbers as roman numerals, by number. */
const ROMAN: Record<number, string> = {
  1: 'i',
  2: 'ii',
  3: 'iii',
  4: 'iv',
  5: 'v',
  6: 'vi',
  7: 'vii',
  8: 'viii',
  9: 'ix',
};

/** A roman question number, its stop, then a sub-part's letter: "III.(c)", "IV) a", "Ill.(c)" as read. */
const ROMAN_THEN_LETTER = /^\s*[IiLl1|!Vv]{1,4}\s*[.)]\s*[([]?\s*[a-hA-H]\b/;

const PUNCT = /[()[\]{}.:,;'"`_~\-–—|!/\\]/;

/** Cost of reading template character `t` as `r`. */
function subCost(t: string, r: string): number {
  if (t === r) return 0;
  // ("()": a bracketed component OCR lost; where exam order expects a part, it is that part's)
  if (r === '?') return 0.3;
  if (CONFUSED[t]?.includes(r)) return 0.3;
  return 1;
}

/** The label-bearing start of a line: its alphanumeric characters with where each sits in the text. */
type Core = { chars: string[]; at: number[] };

function coreOf(text: string, from: number, skip: Array<[number, number]> = [], limit = 14): Core {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = from; i < text.length && chars.length < limit; i++) {
    const c = text[i];
    if (/\s/.test(c) || skip.some(([a, b]) => i >= a && i < b)) continue;
    // "()": a bracketed component whose character OCR lost
    if (c === '(' && text[i + 1] === ')') {
      chars.push('?');
      at.push(i + 1);
      i++;
      continue;
    }
    // the label's punctuation ("(1)(b)(i)", "1bi.") carries no identity: it is skipped, though a
    // stroke read as "|" or "!" may be an i, so those stay
    if (PUNCT.test(c) && c !== '|' && c !== '!') continue;
    chars.push(c.toLowerCase());
    at.push(i);
  }
  return { chars, at };
}

/**
 * Edit distance of `tmpl` against a prefix of `core`: the template wholly consumed, the read text
 * any length. Returns the best cost and how many read characters it used.
 */
function prefixDistance(tmpl: string, core: string[]): { cost: number; used: number } {
  const n = tmpl.length;
  const m = Math.min(core.length, n + 3);
  let prev = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j; // read characters before the label: inserted
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + subCost(tmpl[i - 1], core[j - 1]));
    }
    prev = cur;
  }
  let best = { cost: Number.POSITIVE_INFINITY, used: 0 };
  for (let j = 0; j <= m; j++) if (prev[j] < best.cost - 1e-9) best = { cost: prev[j], used: j };
  return best;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/**
 * The label's components matched one after another against the read characters: each component's
 * fit is 1 minus its edit cost over its length; a component read as something else ("b" as "i")
 * sinks the whole label, since components are what tell parts apart.
 */
function matchComponents(comps: string[], core: string[]): { fit: number; used: number } {
  let pos = 0;
  let sum = 0;
  let min = 1;
  let len = 0;
  for (const c of comps) {
    const d = prefixDistance(c, core.slice(pos));
    const f = Math.max(0, 1 - d.cost / c.length);
    sum += f * c.length;
    len += c.length;
    min = Math.min(min, f);
    pos += d.used;
  }
  const mean = len ? sum / len : 0;
  return { fit: min < 0.5 ? mean * 0.6 : mean, used: pos };
}

/** A word OCR made of "Question" (or "Ques", "Qn", "Ans"), at the start of the line: its length, else 0. */
function questionWord(text: string): number {
  const m = /^\s*([A-Za-z0-9]{3,10})\.?\s*/.exec(text);
  if (!m) return 0;
  const w = m[1].toLowerCase();
  if (/^(?:ques|qn|ans|answer|sol|soln)$/.test(w)) return m[0].length;
  if (w.length >= 6 && editDistance(w, 'question') <= 3 && /^[qo0g]/.test(w)) return m[0].length;
  return 0;
}

/** "part" (or "Part", "pt", misread "port", "pant") after the question number: its length, else 0. */
function partWord(text: string): number {
  const m = /^\s*([A-Za-z]{2,5})\.?\s*/.exec(text);
  if (!m) return 0;
  const w = m[1].toLowerCase();
  return w === 'pt' || (w.length >= 3 && editDistance(w, 'part') <= 1) ? m[0].length : 0;
}

export type LabelFit = {
  /** how well the line's start reads as the label, [0, 1] */
  fit: number;
  /** where the answer starts in the line's text */
  end: number;
  /** levels of the path left out (relative label: "(b)" for 2b after 2a) */
  dropped: number;
  /** the label is all the line holds */
  alone: boolean;
  /** the label was written with a bracket or a full stop after it, or with a "Question" word */
  marked: boolean;
  /** the label runs into a word with no space or mark between */
  glued: boolean;
};

/**
 * How well the start of `text` reads as the label of the part at `path` with its first `drop`
 * components left out ("(b) i." for 1b.i with drop 1, "ii." for 1b.ii with drop 2).
 */
export function fitLabel(text: string, path: string[], drop = 0): LabelFit | null {
  const low = path.map((c) => c.toLowerCase());
  const rest = low.slice(drop);
  if (rest.length === 0) return null;
  const junk = /^\s*[|'‘’`,;_~»«•·>]+\s*/.exec(text)?.[0].length ?? 0;
  let from = junk;
  let marked = false;
  const qw = drop === 0 ? questionWord(text.slice(from)) : 0;
  if (qw) {
    from += qw;
    marked = true;
  }
  // "Question 1 part (b)(i)": the word "part" after the question number is not a component
  const skip: Array<[number, number]> = [];
  if (drop === 0 && rest.length > 1) {
    const num = /^[\s([]*[0-9IlOoSs|]{1,2}[\s).\]]*/.exec(text.slice(from))?.[0].length ?? 0;
    const pw = num ? partWord(text.slice(from + num)) : 0;
    if (pw) {
      skip.push([from + num, from + num + pw]);
      marked = true;
    }
  }
  const core = coreOf(text, from, skip);
  if (core.chars.length === 0) return null;
  let best = { ...matchComponents(rest, core.chars), skipQ: 0 };
  // "Q1b" with its Q read as 0, O or G: the Q is not a component; a looped handwritten Q is read as
  // 2, 9 or a too, before the question's digit ("22-b", "24-a" for "Q2-b", "Q4-a"), less surely
  const looped = /[29a]/.test(core.chars[0]) && /[0-9]/.test(core.chars[1] ?? '');
  if (drop === 0 && !qw && core.chars.length > 1 && (/[q0og@]/.test(core.chars[0]) || looped)) {
    const q = matchComponents(rest, core.chars.slice(1));
    const fit = q.fit - (core.chars[0] === 'q' ? 0 : /[q0og@]/.test(core.chars[0]) ? 0.05 : 0.15);
    if (fit > best.fit) best = { ...q, fit, skipQ: 1 };
  }
  // a question numbered in roman ("III.(c)", read "Ill.(c)"), before a sub-part's letter
  const roman = ROMAN[Number(rest[0])];
  if (drop === 0 && !qw && rest.length > 1 && roman && ROMAN_THEN_LETTER.test(text.slice(from))) {
    const r = matchComponents([roman, ...rest.slice(1)], core.chars);
    if (r.fit * 0.95 > best.fit) best = { ...r, fit: r.fit * 0.95, skipQ: 0 };
  }
  if (best.used === 0) return null;
  const fit = best.fit;
  let end = core.at[best.skipQ + best.used - 1] + 1;
  // what follows the label: its own punctuation, then the answer
  // (OCR reads a full stop as a comma)
  const tail = /^\s*[).:,\]}]*[).:,\]}-]?\s*/.exec(text.slice(end))?.[0] ?? '';
  if (/[).:,\]}]/.test(tail)) marked = true;
  if (/[([{]/.test(text.slice(junk, end))) marked = true;
  // glued to a word ("5apples", "1bit"): not a label end
  // (a circled label inline runs into its first word: "1ahe forget gate" for "(1a) The forget
  // gate": a label of a number and a letter can still be one)
  const glued = tail === '' && /^[A-Za-z0-9]/.test(text.slice(end));
  end += tail.length;
  const alone = text.slice(end).trim() === '';
  const numbered = rest.length > 1 && /^[0-9]/.test(rest[0]) && /[0-9]/.test(text[core.at[best.skipQ]] ?? '');
  return { fit: glued ? fit * (numbered ? 0.75 : 0.5) : fit, end, dropped: drop, alone, marked, glued };
}

export type Candidate = {
  /** the line's text */
  text: string;
  /** how far the line starts from the page's margin, in points */
  indent: number;
  /** the page's width in points (reading orientation) */
  width: number;
  /** the first line of its page: a question per page starts there */
  pageStart: boolean;
  /** the line is an item of a list numbered i., ii., iii. (another such line is next to it) */
  listy?: boolean;
};

/**
 * How much `cand` looks like the label of `part`, given the part labelled before it (`prev`, null
 * at the start): the fit of its text, weighed by where the line is. A relative label ("(b)",
 * "ii.") only counts where `prev` has the components it leaves out.
 */
export function labelScore(
  cand: Candidate,
  part: PartDef,
  prev: PartDef | null,
): { score: number; fit: LabelFit } | null {
  const path = part.path.map((c) => c.toLowerCase());
  const pp = prev?.path.map((c) => c.toLowerCase()) ?? [];
  let best: { score: number; fit: LabelFit } | null = null;
  // (a label's opening bracket read as a letter, "cc)" for "(c)", "<b)" for "(b)": read with its
  // bracket, a little less sure)
  const opened = OPENING_MISREAD.exec(cand.text);
  const bracketed = opened ? `${opened[1]}(${cand.text.slice(opened[0].length)}` : null;
  for (let drop = 0; drop < path.length; drop++) {
    // the left-out components must be the previous part's
    if (drop > 0 && !path.slice(0, drop).every((c, k) => pp[k] === c)) break;
    let f = fitLabel(cand.text, path, drop);
    const g = bracketed ? fitLabel(bracketed, path, drop) : null;
    if (g && (!f || g.fit * 0.9 > f.fit || (f.glued && !g.glued))) f = { ...g, fit: g.fit * 0.9 };
    if (!f) continue;
    const core = path.slice(drop).join('').length;
    let s = f.fit;
    // a short label ("5", "b", "ii") is only a label when it looks like one: marked or alone,
    // at the margin
    if (path.length - drop === 1 && core <= 2 && !f.marked && !f.alone) s *= 0.5;
    if (core === 1 && !f.marked && !f.alone && !cand.pageStart) s *= 0.5;
    if (drop > 0) s *= 0.95;
    // "ii." among "i.", "ii.", "iii." items of an answer is a list, not a part
    if (drop > 0 && drop === path.length - 1 && cand.listy) s *= 0.5;
    const margin = Math.max(20, cand.width * 0.05);
    if (cand.indent > margin) {
      // an indented label: only a long, well-read one
      if (cand.indent > cand.width * 0.3 || core < 3) s = 0;
      else s *= 0.8;
    }
    if (cand.pageStart) s = Math.min(1, s * 1.05);
    // a label that OCR garbled but that still looks like one: a short line at the margin,
    // bracketed or numbered like a label, its question number right ("(2", "(41(2", "(3X0)" for
    // (3)(a)); its place in exam order does the rest, with a low score
    if (drop === 0 && path.length > 1 && cand.indent <= margin && labelShaped(cand.text)) {
      const read = coreOf(cand.text, 0).chars.join('');
      if (read.startsWith(path[0]) || (/^[q0o]/.test(read) && read.slice(1).startsWith(path[0])))
        if (0.6 + 0.25 * f.fit > s) {
          s = 0.6 + 0.25 * f.fit;
          // the whole short line is the label
          f = { ...f, end: cand.text.length, alone: true };
        }
    }
    if (!best || s > best.score) best = { score: s, fit: f };
  }
  return best;
}

/** A letter OCR made of a label's opening bracket, before one character and its closing bracket. */
const OPENING_MISREAD = /^(\s*)[cC<{]\s*(?=[a-hA-H0-9ivx]{1,3}\s*\))/;

/** A short line that starts like a label: a bracket or a digit, at most a few characters. */
function labelShaped(text: string): boolean {
  const t = text.trim();
  return t.replace(/\s+/g, '').length <= 7 && /^[([{]?\s*[0-9]/.test(t) && /[()[\]{}.]/.test(t);
}

/** The pseudo-part standing for a question's heading, before its first sub-part. */
export const isHeading = (p: PartDef) => p.id.startsWith('#');

/** The parts with a heading before the first missing sub-part of each question that has sub-parts. */
function withHeadings(parts: PartDef[]): PartDef[] {
  const out: PartDef[] = [];
  let q: string | null = null;
  for (const p of parts) {
    if (p.path.length > 1 && p.path[0] !== q) out.push({ id: `#${p.path[0]}`, path: [p.path[0]] });
    q = p.path[0];
    out.push(p);
  }
  return out;
}

/** Score below which a candidate is not taken as a label. */
export const MIN_LABEL_SCORE = 0.6;

/**
 * The best order-keeping assignment of candidate lines to `missing` parts (exam order), each
 * candidate to at most one part and each part to at most one line; `before` is the part labelled
 * just before the first candidate (relative labels are read against it). Returns, per assigned
 * candidate index, the part and its score.
 */
export function alignLabels(
  cands: Candidate[],
  parts: PartDef[],
  before: PartDef | null,
  minScore = MIN_LABEL_SCORE,
): Map<number, { part: PartDef; score: number; fit: LabelFit }> {
  // a question's heading ("Ans 3", "Q.3") may stand before its sub-parts' relative labels ("(a)",
  // "(b)"): it is aligned too, as the part before them, and returned as a heading (`isHeading`)
  const missing = withHeadings(parts);
  const n = cands.length;
  const m = missing.length;
  const out = new Map<number, { part: PartDef; score: number; fit: LabelFit }>();
  if (n === 0 || m === 0) return out;
  // best[i][k]: the best total for candidates < i with the last assigned part k (k = 0: none yet;
  // k = j + 1: missing[j])
  const NEG = Number.NEGATIVE_INFINITY;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const from: Array<Array<{ k: number; took: boolean } | null>> = Array.from({ length: n + 1 }, () =>
    new Array(m + 1).fill(null),
  );
  const scores = new Map<string, { score: number; fit: LabelFit } | null>();
  const scoreOf = (i: number, j: number, k: number) => {
    const key = `${i}/${j}/${k}`;
    if (!scores.has(key)) {
      const prev = k === 0 ? before : missing[k - 1];
      let s = labelScore(cands[i], missing[j], prev);
      // a heading is the question's number with no sub-label after it ("2. (o) e_kj …" is 2(a)'s
      // label read loosely), and yields to a sub-part's reading of the same line
      // (alone on its line or with a question word: "1) C_t = …" is a step of working)
      if (s && isHeading(missing[j]))
        s =
          /^\s*[([]?\s*[A-Za-z0-9?]{1,3}\s*[)\].:]/.test(cands[i].text.slice(s.fit.end)) ||
          !(s.fit.alone || questionWord(cands[i].text) > 0)
            ? null
            : { ...s, score: s.score * 0.9 };
      scores.set(key, s);
    }
    return scores.get(key) ?? null;
  };
  best[0][0] = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= m; k++) {
      const v = best[i][k];
      if (v === NEG) continue;
      // not a label
      if (v > best[i + 1][k]) {
        best[i + 1][k] = v;
        from[i + 1][k] = { k, took: false };
      }
      // the label of a later missing part
      for (let j = k; j < m; j++) {
        const s = scoreOf(i, j, k);
        if (!s || s.score < minScore) continue;
        // parts skipped in between cost a little: a label read for the next part is likelier
        // (a heading left out costs nothing: most answers have none)
        const skipped = missing.slice(k, j).filter((p) => !isHeading(p)).length;
        const gain = s.score - 0.02 * skipped;
        if (v + gain > best[i + 1][j + 1]) {
          best[i + 1][j + 1] = v + gain;
          from[i + 1][j + 1] = { k, took: true };
        }
      }
    }
  }
  let k = 0;
  for (let j = 1; j <= m; j++) if (best[n][j] > best[n][k]) k = j;
  for (let i = n; i > 0; i--) {
    const f = from[i][k];
    if (!f) break;
    if (f.took) {
      const s = scoreOf(i - 1, k - 1, f.k);
      if (s) out.set(i - 1, { part: missing[k - 1], ...s });
    }
    k = f.k;
  }
  return out;
}
