// Notes a script sets apart from the answer that cites them: a typeset footnote at a page's foot
// ("¹So the total is 4 × 18 = 72 parameters.", cited by a raised ¹ after "… there are 4 gates."), or
// a note under a heading of notes ("Notes" / "[2] A learnt score …", cited by "… unchanged too[2].").
// A note is part of the answer that cites it: it is read right after the citing line, wherever the
// page set it (at the foot, the last part above would take it; under "Notes", "[2]" reads as a label).
import type { Line, Word } from '@grader/model';
import { retext } from './layout.ts';
import { median } from './median.ts';

/** A note, read from where it stands (`taken`, its heading of notes with it), and the line that cites it. */
export interface Footnote {
  note: Line[];
  taken: Line[];
  cite: Line;
}

/** A heading over notes, alone on its line: "Notes", "Footnotes:", "— Side notes —", "Endnotes". */
const NOTES_HEADING = /^[\s\-—–=_*~#|.[(]*(?:foot|end|side|margin)?\s*notes?[\s\-—–=_*~#|.:)\]]*$/i;

/**
 * A written note's marker opening its line, and whether it needs a heading of notes above it to be
 * one (a bare "[2]" may label question 2; "[note 1]", "(*)", "†" are notes wherever they stand).
 */
function writtenMarker(text: string): { marker: string; end: number; needsHeading: boolean } | null {
  const m =
    /^\s*(?:\[(\d{1,2})\]|\[(note\s*\d{1,2}|\*{1,3})\]|\((\*{1,3})\)|([†‡])|(\(\d{1,2}\))|(\d{1,2}\.)(?=\s))\s*/i.exec(
      text,
    );
  if (!m) return null;
  const marker = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]).replace(/\s+/g, ' ').toLowerCase();
  // (a number in round brackets, "(4) the padding is …", is kept with its brackets: cited as "197 (4)";
  // a numbered list's "6. 199² = …" under a heading of notes, with its dot: cited by a raised 6)
  return {
    marker,
    end: m[0].length,
    needsHeading: m[1] !== undefined || m[5] !== undefined || m[6] !== undefined,
  };
}

/** Where `line` cites a written note's marker, after some text of its own ("… too[2].", "… learnt. (*)"). */
function citesWritten(line: Line, marker: string): boolean {
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

/** The body size of a page's words: the commonest height, near enough (sub- and superscripts are rarer). */
function bodySize(lines: Line[]): number {
  return median(lines.flatMap((l) => l.words.map((w) => w.box.h)));
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
  if (!m || !next || !/^(?:\d{1,2}|[*†‡§])$/.test(m.text)) return null;
  if (m.box.h > next.box.h * 0.8 || m.box.y >= next.box.y) return null;
  return small({ ...l, words: l.words.slice(1) }, body) ? m.text : null;
}

/** Maths a raised number may be the power of: "tanh²", "x²", "ℝ³", "(1 − tanh c)²", "199²". */
const POWER_BASE = /^(?:tanh|sech|cosh|sinh|exp|log|sigma|\p{L})$|[)\]}\d]$/iu;

/** The word citing a typeset note's marker: raised and smaller than the word before it, after prose. */
function citingWord(l: Line, marker: string): Word | null {
  for (let k = l.words.length - 1; k > 0; k--) {
    const w = l.words[k];
    const before = l.words[k - 1];
    if (w.text.replace(/[.,;:]+$/, '') !== marker) continue;
    if (w.box.h > before.box.h * 0.8 || w.box.y >= before.box.y) continue;
    if (POWER_BASE.test(before.text)) continue;
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
      const cite = pageLines
        .filter((l) => l.box.y < first.box.y && !small(l, body) && !used.has(l))
        .reverse()
        .find((l) => citingWord(l, marker));
      if (!cite) continue;
      out.push({
        note: [withoutMarker(first, { chars: marker.length, words: 1 }), ...note.slice(1)],
        taken: note,
        cite,
      });
      for (const l of note) used.add(l);
    }
  }
  // written: notes under a heading of notes, or with a marker only a note has, cited above them
  let heading: Line | null = null;
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
    const cite = lines
      .slice(0, i)
      .reverse()
      .find((c) => !used.has(c) && !NOTES_HEADING.test(c.text) && citesWritten(c, m.marker));
    if (!cite) continue;
    const note = [l];
    while (
      i + 1 < lines.length &&
      !writtenMarker(lines[i + 1].text) &&
      !NOTES_HEADING.test(lines[i + 1].text) &&
      !isLabel(lines[i + 1].text)
    )
      note.push(lines[++i]);
    const words = l.words.findIndex((w) => !writtenMarker(w.text) && !/^[[(]|^note$/i.test(w.text));
    out.push({
      note: [withoutMarker(l, { chars: m.end, words: Math.max(0, words) }), ...note.slice(1)],
      // (the heading goes with the first note taken from under it)
      taken: heading && !used.has(heading) ? [heading, ...note] : note,
      cite,
    });
    if (heading) used.add(heading);
    for (const n of note) used.add(n);
  }
  return out;
}
