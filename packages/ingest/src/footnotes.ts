// Notes a script sets apart from the answer that cites them: a typeset footnote at a page's foot
// ("¹So the total is 4 × 18 = 72 parameters.", cited by a raised ¹ after "… there are 4 gates."), or
// a note under a heading of notes ("Notes" / "[2] A learnt score …", cited by "… unchanged too[2].").
// A note is part of the answer that cites it: it is read right after the citing line, wherever the
// page set it (at the foot, the last part above would take it; under "Notes", "[2]" reads as a label).
import type { Line, Word } from '@grader/model';
import { escapeRegExp } from '@grader/parse';
import { retext } from './layout.ts';
import { median } from './median.ts';

/** A note, read from where it stands (`taken`, its heading of notes with it), and the line that cites it. */
export interface Footnote {
  note: Line[];
  taken: Line[];
  /** the lines citing it: the nearest above, and others that end on its marker ("… = (0.7, 0.2, 0.05)  (D)") */
  cites: Line[];
  /** a typeset note's raised marker where it cites it ("36⁴"): no power of what it follows */
  mark?: Word;
  /** cited by a marker alone under a displayed formula: read after the whole answer, not inside
   *  the formula's rows */
  atEnd?: boolean;
  /** cited by bare stars ending its lines ("total = 3 088 878 *"): no operator left open there */
  starred?: boolean;
}

/** A heading over notes, alone on its line: "Notes", "Footnotes:", "— Side notes —", "Endnotes". */
const NOTES_HEADING = /^[\s\-—–=_*~#|.[(]*(?:foot|end|side|margin)?\s*notes?[\s\-—–=_*~#|.:)\]]*$/i;

/**
 * A written note's marker opening its line, and whether it needs a heading of notes above it to be
 * one (a bare "[2]" may label question 2; "[note 1]", "(*)", "†" are notes wherever they stand).
 */
/** The kinds of written marker, in the order the pattern below captures them. */
const FAMILIES = ['[n]', '[note n]', '(*)', '†', '(n)', 'n.', '(A)', '*'] as const;
type Family = (typeof FAMILIES)[number];

function writtenMarker(
  text: string,
): { marker: string; end: number; needsHeading: boolean; family: Family } | null {
  const m =
    /^\s*(?:\[(\d{1,2})\]|\[([Nn][Oo][Tt][Ee]\s*\d{1,2}|\*{1,3})\]|\((\*{1,3})\)|([†‡])|(\(\d{1,2}\))|(\d{1,2}\.)(?=\s)|([([][A-Z][)\]])(?=\s)|(\*{1,3})(?=\s))\s*/.exec(
      text,
    );
  if (!m) return null;
  const at = m.slice(1).findIndex((g) => g !== undefined);
  const family = FAMILIES[at];
  const marker = m[at + 1].replace(/\s+/g, ' ');
  // (a number in round brackets, "(4) the padding is …", is kept with its brackets: cited as "197 (4)";
  // a numbered list's "6. 199² = …" under a heading of notes, with its dot: cited by a raised 6;
  // a capital letter in brackets, "(D) C_t = …", under a heading of notes only; bare stars, "* Path 1:
  // …", only where an answer above ends on them)
  return {
    marker: family === '*' ? `${marker} ` : family === '(A)' ? marker : marker.toLowerCase(),
    end: m[0].length,
    needsHeading: family === '[n]' || family === '(n)' || family === 'n.' || family === '(A)',
    family,
  };
}

/** Where `line` cites a written note's marker, after some text of its own ("… too[2].", "… learnt. (*)"). */
function citesWritten(line: Line, marker: string): boolean {
  // (bare stars, kept with a space after them: ending the line, set off by a space — "… (1 − tanh² c) *")
  if (/^\*+ $/.test(marker)) return new RegExp(`\\S\\s+${escapeRegExp(marker.trim())}\\s*$`).test(line.text);
  if (/^[([][A-Z][)\]]$/.test(marker))
    return new RegExp(`\\S\\s*\\${marker[0]}${marker[1]}\\${marker[2]}(?=[\\s.,;:]|$)`).test(line.text);
  if (/^\(\d+\)$/.test(marker))
    return new RegExp(String.raw`\S\s*\(${marker.slice(1, -1)}\)`).test(line.text);
  if (/^\d+\.$/.test(marker)) return citingWord(line, marker.slice(0, -1)) !== null;
  const esc = marker.replace(/[*]/g, '\\*').replace(' ', '\\s*');
  const digits = /^\d+$/.test(marker);
  const re = digits
    ? new RegExp(String.raw`\S\s*\[${esc}\]`)
    : new RegExp(String.raw`\S\s*(?:\[${esc}\]|\(${esc}\)|${/^[†‡]$/.test(marker) ? esc : '(?!)'})`, 'i');
  return re.test(line.text);
}

/**
 * The body size of a page's words: the largest height a tenth of them share (sub- and superscripts
 * are smaller; a page whose notes outweigh its answers sets most of its words at the notes' size).
 */
function bodySize(lines: Line[]): number {
  const heights = lines.flatMap((l) => l.words.map((w) => Math.round(w.box.h * 2) / 2));
  const count = new Map<number, number>();
  for (const h of heights) count.set(h, (count.get(h) ?? 0) + 1);
  const common = [...count].filter(([, n]) => n >= heights.length * 0.1).map(([h]) => h);
  return common.length ? Math.max(...common) : median(heights);
}

/** A line set smaller than the page's body: a footnote's size. */
function small(l: Line, body: number): boolean {
  return l.words.length > 0 && median(l.words.map((w) => w.box.h)) <= body * 0.9;
}

/** A typeset note's marker: a small raised number or sign opening a small line (of a text layer: OCR's
 *  boxes of a hand's strokes vary too much in size to tell a footnote by them). */
function typesetMarker(l: Line, body: number): string | null {
  if (l.conf < 1) return null;
  const [m, next] = l.words;
  // (numbered, roman, lettered or in LaTeX's symbols: ¹, ⁱⁱ, ᵇ, *, †, ‡, §, ¶, ‖, **)
  if (!m || !next || !/^(?:\d{1,2}|[ivx]{1,4}|[a-h]|[*†‡§¶‖]{1,2})$/.test(m.text)) return null;
  if (m.box.h > next.box.h * 0.8 || m.box.y >= next.box.y) return null;
  return small({ ...l, words: l.words.slice(1) }, body) ? m.text : null;
}

/** A function a raised number may square: "tanh²". */
const POWER_FUNCTION = /^(?:tanh|sech|cosh|sinh|exp|log|sigma)$/i;
/** Maths a raised number may be the power of: "tanh²", "x²", "ℝ³", "(1 − tanh c)²", "199²". */
const powerBase = (text: string) => POWER_FUNCTION.test(text) || /^\p{L}$|[)\]}\d]$/u.test(text);

/** The word citing a typeset note's marker: raised and smaller than the word before it, after prose. */
function citingWord(l: Line, marker: string, uncited = false): Word | null {
  // (where no other line cites the note: its marker alone on a line under a displayed formula)
  if (uncited && l.words.length === 1 && l.words[0].text === marker && /^\S{1,4}$/.test(l.text.trim()))
    return l.words[0];
  for (let k = l.words.length - 1; k > 0; k--) {
    const w = l.words[k];
    // (what it is raised over: the last word with a letter, a digit or a closing mark, not a tall
    // bracket's pieces)
    const before = l.words.slice(0, k).findLast((x) => /[\p{L}\p{N}.,;:)\]]/u.test(x.text)) ?? l.words[k - 1];
    if (w.text.replace(/[.,;:]+$/, '') !== marker) continue;
    if (w.box.h > before.box.h * 0.8 || w.box.y >= before.box.y) continue;
    // (set off by a space, "[0.7, 0.2, 0.05] ²", a raised number is no power of what it follows;
    // nor, where no other line cites the note, one raised on a number or a bracket, "3,120,000⁸",
    // "[0.60, 0, 0]²" — a function's square, "tanh²", stays a power)
    const apart = w.box.x - (before.box.x + before.box.w) >= before.box.h * 0.2;
    const loose = uncited && !POWER_FUNCTION.test(before.text);
    if (powerBase(before.text) && !apart && !loose) continue;
    return w;
  }
  return null;
}

/** The note's own text: its marker taken off the first line. */
function withoutMarker(l: Line, cut: { chars: number; words: number }): Line {
  return retext(l, l.text.slice(cut.chars).trimStart(), l.words.slice(cut.words));
}

/**
 * The script's notes and where each is cited. `isLabel` tells a part's label (a note's last line is
 * the line before one). A note whose citation is not found is no note: it stays where it stands.
 */
export function footnotesOf(lines: Line[], isLabel: (text: string) => boolean): Footnote[] {
  const out: Footnote[] = [];
  const used = new Set<Line>();
  // typeset: small lines at a page's foot, each opened by a small raised marker cited on that page
  const pages = new Map<number, Line[]>();
  for (const l of lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  for (const pageLines of pages.values()) {
    const body = bodySize(pageLines);
    for (let i = 0; i < pageLines.length; i++) {
      const first = pageLines[i];
      const marker = typesetMarker(first, body);
      if (!marker) continue;
      const note = [first];
      while (
        i + 1 < pageLines.length &&
        small(pageLines[i + 1], body) &&
        !typesetMarker(pageLines[i + 1], body)
      )
        note.push(pageLines[++i]);
      // (at the foot: below it only other notes and the page's number or running foot; on the page,
      // not in reading order, which may go on with a second column)
      const below = pageLines.filter((l) => l.box.y > first.box.y && !note.includes(l));
      if (
        below.some(
          (l) => !small(l, body) && !/^\s*(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?\s*$/i.test(l.text),
        )
      )
        continue;
      const lone = (l: Line) => l.words.length === 1 && l.words[0].text === marker;
      const above = pageLines
        .filter((l) => l.box.y < first.box.y && (!small(l, body) || lone(l)) && !used.has(l))
        .reverse();
      const citing =
        above.find((l) => citingWord(l, marker)) ?? above.find((l) => citingWord(l, marker, true));
      if (!citing) continue;
      // (a marker alone on its line is taken with the note, which is read after the line above it:
      // alone at the margin, "5" would label question 5)
      const cite = lone(citing)
        ? above
            .filter((l) => l.box.y < citing.box.y && !lone(l))
            .reduce<Line | undefined>((low, l) => (low && low.box.y >= l.box.y ? low : l), undefined)
        : citing;
      if (!cite) continue;
      out.push({
        note: [withoutMarker(first, { chars: marker.length, words: 1 }), ...note.slice(1)],
        taken: cite === citing ? note : [citing, ...note],
        cites: [cite],
        mark: cite === citing ? (citingWord(cite, marker, true) ?? undefined) : undefined,
        atEnd: cite !== citing,
      });
      if (cite !== citing) used.add(citing);
      for (const l of note) used.add(l);
    }
  }
  // written: notes under a heading of notes, or with a marker only a note has, cited above them
  let heading: Line | null = null;
  const since = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // (or a rule drawn across, the notes numbered from 1 under it: "-----" / "[1] I know f, i, o …")
    const ruleOverNotes =
      /^\s*(?:-{5,}|_{5,}|={5,})\s*$/.test(l.text) &&
      /^\s*(?:\[1\]|\(1\)|1\.)\s/.test(lines[i + 1]?.text ?? '');
    if (NOTES_HEADING.test(l.text) || ruleOverNotes) {
      heading = l;
      continue;
    }
    const m = used.has(l) ? null : writtenMarker(l.text);
    if (!m) {
      if (isLabel(l.text)) heading = null;
      continue;
    }
    if (m.needsHeading && !heading) continue;
    // (bare stars: a frame's side, "* Answer: 3 x 5 *", is no note, nor does a framed line cite one)
    const stars = m.family === '*';
    if (stars && /\*\s*$/.test(l.text)) continue;
    // (cited after the last note with the same marker: "*", "†" numbered afresh under each question)
    const from = since.get(m.marker) ?? 0;
    const cite = lines
      .slice(from, i)
      .reverse()
      .find(
        (c) =>
          !used.has(c) &&
          !NOTES_HEADING.test(c.text) &&
          !(stars && /^\s*\*/.test(c.text)) &&
          citesWritten(c, m.marker),
      );
    if (!cite) continue;
    // (a note's own list, "[7] c_t reaches L along two routes:" over indented "(1) …", "(2) …", goes on)
    const ownItem = (next: Line) => {
      const k = writtenMarker(next.text);
      return k !== null && k.family !== m.family && next.box.x > l.box.x + 2;
    };
    const note = [l];
    // (a starred note ends where a label of any kind starts a line: "3." over "a) 3 x 5")
    const endsStarred = (t: string) =>
      stars && /^\s*(?:\d{1,2}\s*[.)]|\(?[a-h]\)|\(?[ivx]{1,4}\))(?:\s|$)/i.test(t);
    while (
      i + 1 < lines.length &&
      !NOTES_HEADING.test(lines[i + 1].text) &&
      !endsStarred(lines[i + 1].text) &&
      (ownItem(lines[i + 1]) || (!writtenMarker(lines[i + 1].text) && !isLabel(lines[i + 1].text)))
    )
      note.push(lines[++i]);
    // (one note for two answers: "C_t = (0.7, 0.2, 0.05)  (D)" and "h_t = (0.6044, 0, 0)  (D)")
    const endsOnMarker = (c: Line) =>
      c !== cite && !used.has(c) && c.text.trimEnd().endsWith(m.marker.trim()) && citesWritten(c, m.marker);
    const others = m.family === 'n.' ? [] : lines.slice(from, i - note.length + 1).filter(endsOnMarker);
    since.set(m.marker, i + 1);
    const words = l.words.findIndex((w) => !writtenMarker(w.text) && !/^[[(]|^\*+$|^note$/i.test(w.text));
    out.push({
      note: [withoutMarker(l, { chars: m.end, words: Math.max(0, words) }), ...note.slice(1)],
      // (the heading goes with the first note taken from under it)
      taken: heading && !used.has(heading) ? [heading, ...note] : note,
      cites: [cite, ...others],
      starred: stars,
    });
    if (heading) used.add(heading);
    for (const n of note) used.add(n);
  }
  return out;
}

/** The citing line without a typeset note's marker where it ends the line ("36^{4}", "= 0.60]2"). */
export function withoutMark(l: Line, mark: Word | undefined): Line {
  if (!mark || l.words[l.words.length - 1] !== mark) return l;
  const m = escapeRegExp(mark.text);
  const text = l.text.replace(new RegExp(`\\s*(?:\\^\\{${m}\\}|\\^${m}|${m})\\s*$`), '');
  return text === l.text ? l : retext(l, text, l.words.slice(0, -1));
}

/** A line citing bare-starred notes without its stars: "total = 3 088 878 *" leaves no product open. */
export function withoutStars(l: Line): Line {
  return retext(
    l,
    l.text.replace(/\s*\*{1,3}\s*$/, ''),
    l.words.filter((w, k) => k < l.words.length - 1 || !/^\*{1,3}$/.test(w.text)),
  );
}
