// Multiple choice a student sets itself: options lettered on one line ("A) 3 x 2   B) 3 x 5   C) 5 x 3
// D) 3 x 3", "(a) 197 (b) 198 (c) 199 ✓ (d) 200") and the letter of the one chosen ("Ans: B) 3 x 5",
// "⇒ (B)"). The letters name options, not parts: read as labels, "B)" would start 3(b) mid-line.
import type { Line, Word } from '@grader/model';
import { blankedAt, retext } from './layout.ts';

/** An option's letter: "A)", "(B)", "c)", "(d)", set apart by spaces. */
const MARKER = /(^|\s)(\(\s*[A-Da-d]\s*\)|[A-Da-d]\))(?=\s)/g;
/** A tick, a cross or a box marking options (not a proof's closing ■ or □). */
const MARKS = /[✓✔✗✘☐☑☒⊠◉○●]/u;
/** A filled box, not Word's linear-format matrix sign (`■(0.7@0.2@0.05)`, a column vector). */
const FILLED_BOX = String.raw`■(?!\([^\n]*@)`;
/** A box an option's value is ticked in: "☐ 197", "☑ [0.7, 0.2, 0.05]" (not a checklist's "☑ biases"). */
const BOXED_VALUE = new RegExp(String.raw`(?:[☐☑☒⊠□◉○●]|${FILLED_BOX})\s*[\d([{−-]`, 'gu');
/** An empty box before an option ("[ ] 2", "( ) 3×2", "☐ 60", "○ sum") and a ticked one ("[x] 3", "(✓) 3×5", "● product"). */
/** A box left empty and one ticked, as students type them (one spelling of each, built into the patterns below). */
const EMPTY = String.raw`\[\s\]|\(\s\)|[☐□○◯]|\u20dd`;
const TICKED_MARK = String.raw`\[[xX✓✔]\]|\([✓✔xX]\)|[☑☒⊠●◉]|${FILLED_BOX}`;
const EMPTY_BOX = new RegExp(String.raw`(?:${EMPTY})\s*\S`, 'gu');
const TICKED_BOX = new RegExp(String.raw`(?:${TICKED_MARK})\s*\S`, 'gu');
/** A line of options in boxes, some empty and some ticked: "f_t -> [ ] 2  [x] 3  [ ] 5". */
// (not a progress row of the paper's questions, "[10:12] [x] Q5 [x] Q3 [ ] Q2": a checklist)
const boxedOptions = (text: string) =>
  !/(?:\[[\sxX✓✔]\]|[☐☑☒])\s*(?:Q|Ques|Question|Part)\.?\s*\d/i.test(text) &&
  (text.match(EMPTY_BOX) ?? []).length >= 1 &&
  (text.match(TICKED_BOX) ?? []).length >= 1 &&
  (text.match(EMPTY_BOX) ?? []).length + (text.match(TICKED_BOX) ?? []).length >= 2;

/** Any option's box, empty or ticked, with what follows it. */
const ANY_BOX = new RegExp(`(?:${EMPTY}|${TICKED_MARK})`, 'gu');
const TICKED = new RegExp(`^(?:${TICKED_MARK})$`, 'u');

/**
 * A line of boxed options with exactly one ticked ("f_t -> [ ] 2  [x] 3  [ ] 5", "☐ 60 ☑ 72"): the
 * others blanked with their boxes, and the tick's box, so the line reads as the choice ("f_t ->
 * 3"). Null where none or more than one is ticked: which stands is a person's reading.
 */
function chosenOption(line: Line, ticks = 1): Line | null {
  const boxes = [...line.text.matchAll(ANY_BOX)].map((m) => ({ at: m.index ?? 0, text: m[0] }));
  if (boxes.filter((b) => TICKED.test(b.text)).length !== ticks) return null;
  let out = line;
  // (right to left, so the places found stay where they are)
  for (let k = boxes.length - 1; k >= 0; k--) {
    const b = boxes[k];
    if (TICKED.test(b.text)) {
      out = blankedAt(out, b.at, b.text.length);
      continue;
    }
    // (an option runs to the next box; the last to a gap of two spaces or the line's end)
    const after = line.text.slice(b.at + b.text.length);
    const gap = /\S\s{2,}/.exec(after);
    const end =
      k + 1 < boxes.length
        ? boxes[k + 1].at
        : b.at + b.text.length + (gap ? gap.index + 1 : after.trimEnd().length);
    out = blankedAt(out, b.at, end - b.at);
  }
  return out;
}

/** The chosen option's letter after the answer's mark: "Ans: B)", "Answer - (C)", "⇒ (B)". */
const CHOSEN = /((?:\bans(?:wer)?\s*[:=–-]?|⇒|=>|→|->)\s*)(\(\s*[A-D]\s*\)|[A-D]\))/gi;

/** The words of lines that list options (a WeakSet: words keep their identity when a line is cut). */
const optionWords = new WeakSet<Word>();

/** Whether a line lists options the student chose among (as read by `withoutOptionLetters`). */
export const listsOptions = (line: Line) => line.words.some((w) => optionWords.has(w));

type Marker = { at: number; text: string; letter: string };

function markers(text: string): Marker[] {
  return [...text.matchAll(MARKER)].map((m) => ({
    at: (m.index ?? 0) + m[1].length,
    text: m[2],
    letter: m[2].replace(/[()\s]/g, ''),
  }));
}

/**
 * The markers of the options a line lists, or none: three letters or more in order from A (after a
 * part's own label, "(a) W_f : A) 3 x 2  B) 3 x 5 …"), reaching (d) (no question of the exam has a
 * part (d)), or marked with a tick or a box, or opened by "Options", or in capitals where the script
 * names one option as its answer ("Ans: (C)"; capitals labelling parts, "(A) … (B) … (C) …", are
 * named together in a summary, "Ans: (A) 3 × 5 (B) 3 × 1 (C) 72").
 */
function optionsListed(text: string, named: boolean): Marker[] {
  const ms = markers(text);
  for (let i = 0; i + 2 < ms.length; i++) {
    if (ms[i].letter.toLowerCase() !== 'a') continue;
    let run = 1;
    while (i + run < ms.length && ms[i + run].letter.toLowerCase() === 'abcd'[run]) run++;
    if (run < 3) continue;
    const list = ms.slice(i, i + run);
    const capitals = list.every((m) => /[A-D]/.test(m.letter));
    if ((capitals && named) || run === 4 || MARKS.test(text) || /^\s*options\b/i.test(text)) return list;
  }
  return [];
}

/** An option's letter opening a line, in capitals: "[A] {0.7, 0.2, 0.05} <==", "(B) 198", "C) 0.95". */
const DOWN = /^(\s*)(\[\s*[A-D]\s*\]|\(\s*[A-D]\s*\)|[A-D]\))(?=\s)/;
/** The mark beside the option chosen: "<==", "<--", "←", "✓", "(chosen)", "(ans)". */
const PICKED = /<=+|<-+|←|⇐|[✓✔☑]|\((?:chosen|ans(?:wer)?|my answer)\)/i;

/**
 * Options listed down the page, one a line, in capitals from A, one of them marked as chosen
 * ("[A] {0.7, 0.2, 0.05} <==" / "[B] {0.2, 0.2, 0}" / "[C] …") or named by its letter below them
 * ("Ans: (A)"): their markers by line.
 */
function optionsDown(lines: Line[]): Map<number, Marker> {
  const out = new Map<number, Marker>();
  for (let i = 0; i < lines.length; i++) {
    const run: Array<{ line: number; m: Marker }> = [];
    // (an option's maths may run over a few lines: a fraction's numerator and denominator)
    for (
      let j = i;
      j < lines.length && (run.length === 0 ? j === i : j - run[run.length - 1].line <= 4);
      j++
    ) {
      const m = DOWN.exec(lines[j].text);
      const letter = m?.[2].replace(/[[\]()\s]/g, '');
      if (!m || letter !== 'ABCD'[run.length]) {
        if (m || run.length === 0) break;
        continue;
      }
      run.push({ line: j, m: { at: m[1].length, text: m[2], letter: letter ?? '' } });
    }
    // (or the choice given by its letter below them: "Ans: (A)")
    const end = run.length ? run[run.length - 1].line : i;
    const named = lines.slice(end + 1, end + 16).some((l) => namesOne(l.text));
    if (run.length >= 3 && (named || run.some((r) => PICKED.test(lines[r.line].text)))) {
      for (const r of run) out.set(r.line, r.m);
      i += run.length - 1;
    }
  }
  return out;
}

/** A line naming one option as the answer: "Ans: (A)", "Answer - C)" (one letter, not a summary of parts). */
const namesOne = (text: string) =>
  /\bans(?:wer)?\s*[:=–-]?\s*[([]?\s*[A-D]\s*[)\]]/i.test(text) &&
  (text.match(/[([]\s*[A-D]\s*[)\]]|\b[A-D]\)/g) ?? []).length === 1;

/**
 * The lines with option letters blanked, the same length, where the script lists options; and the
 * letter after an answer's mark ("Ans: B) 3 x 5" reads "Ans:    3 x 5"). Any other script is returned
 * as it is.
 */
export function withoutOptionLetters(lines: Line[]): Line[] {
  const column = optionsDown(lines);
  // (options by their boxes alone: "Output side: ☐ 197  ☑ 198  ☐ 199  ☐ 200", "[ ] 2  [x] 3  [ ] 5")
  // (one of them ticked: the choice read, the others blanked; none or two ticked: a person reads it)
  const boxed = (l: Line) => (l.text.match(BOXED_VALUE) ?? []).length >= 3 || boxedOptions(l.text);
  // (radio buttons: beside an empty circle, LaTeX's \bigcirc read as "⃝", a bullet is the one filled)
  lines = lines.map((l) => {
    if (!/[○◯]|\u20dd/u.test(l.text) || !l.text.includes('•')) return l;
    const filled = (t: string) => t.replaceAll('•', '●');
    return retext(
      l,
      filled(l.text),
      l.words.map((w) => ({ ...w, text: filled(w.text) })),
    );
  });
  // (options run on to the next line, "□ 3 × 2  ■ 3 × 5" over "□ 5 × 3": the empty ones there go too)
  const chosen = lines.map((l) => (boxed(l) ? chosenOption(l) : null));
  lines = lines.map(
    (l, i) =>
      chosen[i] ??
      (chosen[i - 1] && (l.text.match(EMPTY_BOX) ?? []).length && !(l.text.match(TICKED_BOX) ?? []).length
        ? (chosenOption(l, 0) ?? l)
        : l),
  );
  for (const l of lines) if (boxed(l)) for (const w of l.words) optionWords.add(w);
  const named = lines.some((l) => namesOne(l.text));
  if (!column.size && !lines.some((l) => optionsListed(l.text, named).length)) return lines;
  return lines.map((l, i) => {
    // (the option letters, and the one after an answer's mark, blanked with the words that spelt them)
    const down = column.get(i);
    const listed = optionsListed(l.text, named);
    const cuts = [
      ...(down ? [down] : []),
      ...listed,
      ...[...l.text.matchAll(CHOSEN)].map((m) => ({ at: (m.index ?? 0) + m[1].length, text: m[2] })),
    ];
    if (!cuts.length) return l;
    if (down || listed.length) for (const w of l.words) optionWords.add(w);
    return cuts.reduce((line, c) => blankedAt(line, c.at, c.text.length), l);
  });
}
