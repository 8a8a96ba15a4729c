// Segmentation: the script's lines (in reading order across pages) cut into the exam's parts.
import type { Line, PageInfo, PartAnswer, Region } from '@grader/model';
import { escapeRegExp } from '@grader/parse';
import { alignLabels, type Candidate, isHeading } from './align.ts';
import { beforeSaid, firstsSaid, orderAnnounced, saidOnItsLine } from './answer-order.ts';
import { withoutAppendices } from './appendices.ts';
import { assumptionItems } from './assumptions.ts';
import { withoutChatSenders } from './chat-senders.ts';
import { listsWorks, startsNumberedWork, startsWorksList, withoutCitations } from './citations.ts';
import { withoutParagraphNumbers } from './clause-numbers.ts';
import { withoutDatelines } from './datelines.ts';
import { type Footnote, footnotesOf, withoutMark, withoutStars } from './footnotes.ts';
import { withoutFormCounters } from './form-counters.ts';
import { numeratorsWithTheirLabel } from './fraction-rows.ts';
import { furnitureOf } from './furniture.ts';
import { byHeaderColumns, sideBySideAs, sideBySideLabels, tableWorkingOf } from './header-row.ts';
import { headingTagsFirst } from './heading-tags.ts';
import { withIndexRows } from './index-rows.ts';
import { plainSchoolLabels } from './indic.ts';
import { withoutItemCounters } from './item-counters.ts';
import { withKeyLabels } from './key-labels.ts';
import {
  findLabel,
  type Label,
  labelWords,
  notebookByPart,
  numberingKey,
  numbersForLetters,
  outlineQuestions,
  type PartPath,
  PartTree,
  ROMAN_QUESTIONS,
  romanForLetters,
  romanLetteredQuestions,
  romanQuestions,
} from './labels.ts';
import { readingFrame, unionBox } from './layout.ts';
import { contentOf, cutAt } from './line-cut.ts';
import { withoutLineNumbers, withoutMarginNumbers } from './margin-numbers.ts';
import { bareMarksAfter, marksAfterLabel, marksOnly, onRowOf, withoutTrailingMarks } from './marks.ts';
import { median } from './median.ts';
import { listsOptions, withoutOptionLetters } from './options.ts';
import { withOutlineLabels } from './outline-labels.ts';
import { withoutOwnNumbering, wrappedNumber } from './own-numbering.ts';
import { listHeadingsAsQuestions, withoutPartLists } from './part-lists.ts';
import type { Rule } from './pdf.ts';
import { withoutPortalNumbers } from './portal-numbers.ts';
import { type Prompt, promptLine, withoutAskedSentences, withQuotedQuestions } from './question-quotes.ts';
import { withRecordLabels } from './record-labels.ts';
import { romanValue } from './roman.ts';
import { withoutSchemeMarks, withoutSelfMarks } from './self-marks.ts';
import { COLUMN_LETTERS, withoutSheetRows } from './sheet-rows.ts';
import { withoutShellPrompts } from './shell-prompts.ts';
import { withSpacedLabelsClosed } from './spaced-labels.ts';
import {
  rowMiscopies,
  rowRestates,
  summaryAfter,
  summaryAhead,
  summaryRestates,
  summaryRows,
} from './summary.ts';
import { withoutTimeStamps } from './time-stamps.ts';
import { closingQuestions, headingTags, trailingLabels } from './trailing-labels.ts';
import { withoutTreeDrawing } from './tree-drawing.ts';
import { unknownLabel } from './unknown-labels.ts';

export type Segmentation = {
  /** lines before the first label: the header and any preamble */
  preamble: Line[];
  parts: Record<string, PartAnswer>;
  order: string[];
  unlabelled: Line[];
  /** rough work under its own heading ("Rough work", "ROUGH -- ignore"): not graded */
  rough: Line[];
  warnings: string[];
};

type Seg = {
  partId: string;
  label: Label;
  lines: Line[];
  labelLine: Line;
  /** the same label met again inside the answer (a list's "3. (a)" under "Question 3 part a, b, c") */
  repeated?: Line[];
  guessed?: boolean;
  /** sibling parts answered together under this label ("3 (a) and (b)") */
  also?: string[];
  /** started by an ordinal under a question's heading ("…, the second is b_f …") */
  byOrdinal?: boolean;
  /** the other parts of a question whose working this is, met again after their answers ("[3] …") */
  shared?: string[];
};

/** The left margin of each page: where its lines usually start (a low quantile of their x). */
function margins(lines: Line[], pageOf: Map<number, PageInfo>): Map<number, number> {
  const xs = new Map<number, number[]>();
  for (const l of lines) {
    const a = xs.get(l.page) ?? [];
    a.push(readingFrame(l, pageOf.get(l.page) ?? { width: 595, height: 842 }).box.x);
    xs.set(l.page, a);
  }
  const out = new Map<number, number>();
  for (const [p, a] of xs) {
    a.sort((u, v) => u - v);
    out.set(p, a[Math.floor(a.length * 0.1)] ?? 0);
  }
  return out;
}

/** Whether the words of `tail`, ending `line`, stand a wide gap from the words before them. */
function columnAway(line: Line, tail: string): boolean {
  const ws = line.words;
  const first = tail.split(/\s+/)[0];
  const k = ws.findLastIndex((w) => w.text.startsWith(first));
  if (k <= 0) return false;
  const prev = ws[k - 1].box;
  return ws[k].box.x - (prev.x + prev.w) > 2 * line.box.h;
}

/** `text` matched literally inside a regular expression. */

/** A label's own word ending the text before a label: "Soln.", "Ans", "Q." */
const PREFIX_WORD = /\b(?:soln|sol|ans|answer|q|qn|ques|question|problem|prob|part)\.?\s*$/i;

/**
 * Cuts `line` before an inline full label of a later part ("… C~_t = 6. 1b. C_t = …", "…; Q2 (a)
 * e_kj = …"): `later` says whether a label is for a part after the one being read, not answered yet.
 */
function splitAtLaterLabel(
  line: Line,
  tree: PartTree,
  later: (l: Label) => boolean,
  /** the question being read, for an essay's "For part (c), …" */
  context: PartPath = [],
): { kept: Line | null; rest: Line } | null {
  // (or an essay's "… = (0.7, 0.2, 0.05). For part 1(b)(ii), the hidden state …", or a paragraph's
  // "… = [0.7, 0, 0]. Question 1 part b (ii): Given …", or a cramped line's "…; Q-3-b bf = 3x1 | 3c) …",
  // or a paragraph's bracketed "… C~_t = 6.  [b.i] C_t = …" under "Q1.", or its whole path "… → 4 [1b.i] C_t = …",
  // or a typeset paragraph's "W_f ∈ R^{3×5} 3.b) b_f ∈ R^{3×1} 3.c) …", or a crib sheet's "… || A2.b 0 — …")
  const re =
    /(?:[.;|]\s+|\s+(?=q-\d{1,2}-[a-e]\b)|\s+(?=\[\d{1,2}\s*\.?\s*[a-e])|\s+(?=\d{1,2}\.[a-e]\)\s))(q(?:uestion|n)?\.?\s*\d{1,2}\s*,?\s*(?:sub-?)?part\s+\(?[a-e]\)?(?:\s*\(?[ivx]{1,3}\)?)?\s*:|(?:(?:q|a(?=\d))\.?[\s-]*)?\d{1,2}\s*[-.(/]?\s*[a-e]\s*\)?(?:\s*[-.(/]?\s*[ivx]{1,3}\s*\)?)?\s*[.):]?|(?:for\s+(?:sub-?)?part|for(?=\s+q(?:uestion)?\.?\s*\d)|as for|moving on to|coming to|turning to)\s+(?:(?:sub-?)?part\s+)?(?:q(?:uestion)?\.?\s*)?(?:\d{1,2}[\w().]{0,12}(?:\s[a-h\divx().]{1,6}){0,2}(?:\s+(?:sub-?)?part\s+[\w().]{1,8}(?:\s*\([ivx]{1,3}\))?)?|\([a-h]\)(?:\s*\([ivx]{1,3}\))?)\s*[,:]|\[[a-h](?:\s*[.\s]?\s*[ivx]{1,3})?\]|\[\d{1,2}\s*\.?\s*[a-e](?:\s*[.\s]?\s*[ivx]{1,3})?\])(?:\s+(?=\S)|\s*$)/gi;
  // (a later question's label glued to the sentence before it where a paste lost the line break, "… it
  // has to remember.Q5", ending the line)
  const glued = /(?<=\p{Ll}{2}[.!?])q\.?\s?\d{1,2}(?:\s?\(?[a-e]\)?(?:\s?\(?[ivx]{1,3}\)?)?)?\s*$/iu.exec(
    line.text,
  );
  const gluedLabel = glued ? findLabel(glued[0], tree, []) : null;
  if (glued && gluedLabel && !gluedLabel.weak && later(gluedLabel)) return cutAt(line, glued.index);
  for (const m of line.text.matchAll(re)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    const label = findLabel(line.text.slice(at), tree, /^\d/.test(m[1]) ? [] : context);
    if (!label || label.weak || !later(label)) continue;
    // (labels in square brackets side by side, "[3a] [3b] [3c]" over a table or "[1b.i] and [1b.ii]" over
    // one answer, head what follows together)
    if (m[1].startsWith('[') && !answeredBefore(line.text.slice(0, at))) continue;
    // (a label ending the line closes an answer, "… C~_t is 6. 1bi)": not a heading's word, "Soln.
    // 2(a)   Soln. 3(c)" of two columns read as one line)
    // (nor a label set a column away, "One gate: 9 + 3 = 12.      4 b)")
    const before = line.text.slice(0, at);
    if (
      !line.text.slice(at + label.end).trim() &&
      (!/[\d=]/.test(before) || PREFIX_WORD.test(before) || columnAway(line, line.text.slice(at).trim()))
    )
      continue;
    return cutAt(line, at);
  }
  return null;
}

/**
 * Cuts `line` before an inline label of part `target` ("(a) W_f: 3 × 5. (b) b_f: 3 × 1.", "… have no
 * learnable params. Part B: 0 extra"): the label after a full stop or a wide gap, or a bracketed "(b)" after any space unless it is
 * referred to ("as in (b)", or a path "(b)" listed after "(a)" in the answer, "… and (b) through c_{t+1}"); "For (ii), h_t = …"
 * starts (ii). Null when there is none.
 */
function splitAtInlineLabel(
  line: Line,
  target: { path: string[] } | undefined,
): { kept: Line | null; rest: Line } | null {
  if (!target) return null;
  // (a school's letter, "… R^{3×5}.   (kha) b_f …", read as the plain one: the same length)
  const text = plainSchoolLabels(line.text, true);
  const c = target.path[target.path.length - 1].toLowerCase();
  const esc = escapeRegExp(c);
  const m = new RegExp(
    `(?:[.;]\\s+|\\s{3,})(\\(${esc}\\)|${esc}[.)]|part\\s+${esc}\\s*[:.)])\\s+(?=\\S)|(?<!\\b(?:in|of|see|from|part|and|to|with|by|as)\\s+)(?<!\\bpart\\s+[a-h]\\s+)(?<=\\S\\s+)(\\(${esc}\\)|${esc}\\))[,:]?\\s+(?=\\S)|(?<=[)\\]}]\\s+)(${esc}\\.)\\s+(?=\\S)`,
    'i',
  ).exec(text);
  // (or in square brackets with its path under the question, or its whole path: "… = [0.7, 0.2, 0.05].
  // [b.ii] h_t = …", "… (.7, .2, .05) [1b.ii] h_t = …", "… params. [3c] 4 gates …")
  const sub = target.path.slice(1).map(escapeRegExp);
  const square = sub.length
    ? new RegExp(
        `(?<=\\S\\s+)\\[\\s*(?:${escapeRegExp(target.path[0])}\\s*[.\\s]?\\s*)?${sub.join('\\s*[.\\s]?\\s*')}\\s*\\](?=\\s+\\S)`,
        'i',
      ).exec(text)
    : null;
  if (square && (!m || square.index < m.index) && answeredBefore(text.slice(0, square.index)))
    return cutAt(line, square.index);
  if (!m || m.index === 0) return null;
  const at = text.indexOf(m[1] ?? m[2] ?? m[3], m.index);
  // (a question copied out with its sub-parts, "… (i) C_t = ?  (ii) h_t = ?", "Question: x_t in R^2,
  // c_t in R^3. (a) dim W_f (b) dim b_f", or quoted: the question's text)
  // ("Q. Three (b) …" is a label's "Q.", not a copied question)
  if (/\?\s*$/.test(line.text.slice(at)) || /^\s*(?:(?:q|ques|question)\s*:|["“«])/i.test(line.text))
    return null;
  if (insideQuotation(line.text, at) || partsListed(line.text)) return null;
  return cutAt(line, at);
}

/**
 * Whether `target`'s label stands in `lines` before another question's: relative labels ("(b)") read
 * under its question, another question's heading ("Q4", "4(a)") ending the search.
 */
function laterInQuestion(lines: Line[], target: { id: string; path: string[] }, tree: PartTree): boolean {
  const q = target.path.slice(0, 1);
  for (const l of lines) {
    const label = findLabel(l.text, tree, q, {});
    if (!label) continue;
    if (label.path[0] !== q[0]) return false;
    if (label.partId === target.id) return true;
  }
  return false;
}

/**
 * Whether a line runs a list of its own after words, three bracketed letters in order or more ("Setup:
 * (a) x_t ∈ R^2, (b) c_t, h_t ∈ R^3, (c) …", "Given (a) 200 × 200 × 3, (b) 4 × 4, (c) s = 1"): the
 * answer's givens or steps, not parts on one line.
 */
function inlineList(text: string): boolean {
  const letters = [...text.matchAll(/(?<=\S\s+)\(([a-h])\)(?=\s)/gi)].map((m) => m[1].toLowerCase());
  return letters.length >= 3 && letters.slice(0, 3).every((l, k) => l === String.fromCharCode(97 + k));
}

/** Whether text before an inline bracketed label holds more than other labels and what joins them ("and", "+", ","). */
function answeredBefore(text: string): boolean {
  return (
    text
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\band\b|[,&/+]/gi, '')
      .trim() !== ''
  );
}

/**
 * Whether position `at` of `text` lies inside a quotation: one opened before it on the line, or one
 * closing after it that a line above opened (`o_t = {1, 0, 0}. (i) compute C_t (ii) compute h_t"`).
 */
function insideQuotation(text: string, at: number): boolean {
  const marks = [...text.matchAll(/["“”«»]/g)].map((m) => m.index ?? 0);
  const before = marks.filter((k) => k < at).length;
  return before % 2 === 1 || (before === 0 && marks.length % 2 === 1);
}

/**
 * Whether `text` lists a question's parts after their labels, in words only: "(a) dim of W_f, (b) dim
 * of b_f, (c) total number of parameters" copied from the paper, where an answer holds a number or maths.
 */
function partsListed(text: string): boolean {
  const pieces = text.split(/\((?:[a-h]|[ivx]{1,3})\)/i).slice(1);
  return pieces.length >= 2 && pieces.every((p) => /[A-Za-z]{3,}/.test(p) && !/[\d=×∈→:⊙*+]/.test(p));
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth'];

/**
 * Where an ordinal names the `k`-th part of a question in its answer ("The first is W_f which is 3×3,
 * the second is b_f which is 3, and the third is the total: …"): the ordinal's start and length, at a
 * line's start or after a clause. Null when there is none.
 */
function ordinalAt(text: string, k: number): { at: number; length: number } | null {
  const word = ORDINAL_WORDS[k];
  if (!word) return null;
  const m = new RegExp(
    `(?:^\\s*(?:and\\s+)?|[,;.]\\s+(?:and\\s+)?|\\s+and\\s+)(the\\s+${word}\\s+(?:one\\s+|part\\s+)?(?:is\\b|:))`,
    'i',
  ).exec(text);
  if (!m) return null;
  return { at: (m.index ?? 0) + m[0].indexOf(m[1]), length: m[1].length };
}

/**
 * A typed line in a larger size than the rough work before it (its heading and lines, two at least):
 * the answer again after a box of rough work set small ("Rough work" in 9 pt, then the answer in 11).
 */
function largerThanRough(line: Line, heights: number[]): boolean {
  if (line.conf < 1 || heights.length < 2) return false;
  const sorted = [...heights].sort((a, b) => a - b);
  return line.box.h >= 1.15 * sorted[Math.floor(sorted.length / 2)];
}

/**
 * A heading over rough work: "Rough work", "ROUGH -- ignore", "Rough work (not for evaluation)", "rough -"
 * alone on its line. Not "Rough: 15 + 3" nor "Rough:" (a part's own rough note before its fair answer),
 * nor "Rough work on page 3" (a pointer).
 */
const ROUGH_WORK =
  /^(?!.*\b(?:on|at|in)\s+(?:the\s+)?(?:page|p\.|pg|back|end)\b)[\s\-—–=_*~#|.[(]*rough(?:\s+(?:work|space|calculations?|sheet|page|notes?|area))?(?!\s*:)[\s\-—–=_*~#|.)\]]*(?:\(?\s*(?:(?:please\s+)?ignore|not\s+for\s+evaluation|not\s+to\s+be\s+(?:graded|evaluated|marked)|do\s+not\s+(?:grade|evaluate|mark|check)|scratch)\s*\)?)?[\s\-—–=_*~#|.]*$/i;

/**
 * Whether a line of a reference list starts with a part label read surely (the list's end). A number in
 * square brackets there numbers a work ("[5] R. Jozefowicz, …"), never a part.
 */
function startsLabelled(line: Line, tree: PartTree): boolean {
  if (startsNumberedWork(line.text)) return false;
  const label = findLabel(line.text, tree, [], { ocr: line.conf < 1 });
  return label !== null && !label.weak;
}

/** A line ending a list of questions at a comma or an "and": "I did Q5 and Q3 first, then Q1, Q4,". */
function wrappedQuestionList(before: string | undefined): boolean {
  return (
    before !== undefined &&
    /(?:,|\b(?:and|then))\s*$/i.test(before) &&
    (before.match(/\bq(?:uestion)?\.?\s*\d{1,2}\b/gi) ?? []).length >= 2
  );
}

/** "--- end of Q2 ---", "— End of Question 3 —", "[end of answer 1]" */
const END_OF_QUESTION =
  /^[\s\-—–=_*~#|.[(]*end\s+of\s+(?:q(?:uestion|ues)?|ans(?:wer)?|soln?|sol(?:ution)?)\s*\.?\s*(\d{1,2})\s*[)\]\s\-—–=_*~#|.]*$/i;

export function segment(
  lines: Line[],
  pages: PageInfo[],
  parts: Array<{ id: string; path: string[] }>,
  /** each text page's horizontal rules (table rows, boxes), by page number */
  rules: Map<number, Rule[]> = new Map(),
  /** the paper's words for each part: a copied question names the part under it */
  prompts: readonly Prompt[] = [],
): Segmentation {
  // notes (a page's footnotes, a list under "Notes") are read with the line that cites them
  const tree = new PartTree(parts);
  const notes = footnotesOf(lines, (t) => {
    const label = findLabel(t, tree, []);
    return label !== null && !label.weak;
  });
  const taken = new Set(notes.flatMap((n) => n.taken));
  // (a line citing a starred note is read without its stars: "… = 3 088 878 *" over "3." is no product)
  const starred = new Set(notes.filter((n) => n.starred).flatMap((n) => n.cites));
  const kept = taken.size ? lines.filter((l) => !taken.has(l)) : lines;
  // (appendices of working at the end are no part's answer: text outside the answers)
  const apart = withoutAppendices(
    starred.size ? kept.map((l) => (starred.has(l) ? withoutStars(l) : l)) : kept,
  );
  const seg = segmentLines(apart.lines, pages, parts, rules, prompts);
  seg.unlabelled.push(...apart.appendices);
  // (the paper's questions copied over the answers, once the parts are found: no reason of the student's)
  for (const p of Object.values(seg.parts)) {
    p.lines = withoutAskedSentences(p.lines, prompts);
    p.text = p.lines.map((l) => l.text).join('\n');
  }
  // (a part choosing among options it listed: which one was chosen is a person's reading)
  for (const p of Object.values(seg.parts)) if (p.lines.some(listsOptions)) p.choices = true;
  for (const n of notes) placeNote(seg, n);
  return seg;
}

/** A note's lines put right after each line citing it, in whichever part (or the header) holds it. */
function placeNote(seg: Segmentation, n: Footnote): void {
  const key = (w: { box: { x: number; y: number } }) => `${w.box.x}:${w.box.y}`;
  for (const cite of n.cites) {
    const citeKeys = new Set(cite.words.map(key));
    // (the citing line as segmented: a label cut off its start is another object with the same words)
    const isCite = (l: Line) =>
      l === cite || (l.page === cite.page && l.words.some((w) => citeKeys.has(key(w))));
    const part = Object.values(seg.parts).find((p) => p.lines.some(isCite));
    if (part) {
      const at = part.lines.findIndex(isCite);
      const seen = part.lines[at];
      // (its marker off the citing line: "36⁴" is no 36 to the fourth)
      part.lines[at] = withoutMark(seen, n.mark && seen.words.find((w) => key(w) === key(n.mark!)));
      insertLines(part, n.atEnd ? part.lines.length : at + 1, n.note);
      continue;
    }
    const list = [seg.preamble, seg.rough, seg.unlabelled].find((ls) => ls.some(isCite)) ?? seg.unlabelled;
    const at = list.findIndex(isCite);
    list.splice(at < 0 ? list.length : at + 1, 0, ...n.note);
  }
}

/**
 * What is read off the lines before labels are, in this order: each pass blanks or moves what names no
 * part, or sets a label where labels are read.
 */
const BEFORE_LABELS: Array<(lines: Line[], tree: PartTree) => Line[]> = [
  // labels set letter-spaced for emphasis, "Q U E S T I O N 1", "A n s 1 ( b ) ( i i )"
  withSpacedLabelsClosed,
  // an outline drawn as a tree, "│   ├── (b) b_f …", "|   +-- Q.1-a": the branches before each line's text
  withoutTreeDrawing,
  // indices typed on rows of their own, under or over an equation ("e = s . h" over " kj k-1 j")
  withIndexRows,
  // an examiner's marks grid, "1(a) | 1(b) | … | 5 | Total" over empty cells; a table of contents
  withoutPartLists,
  // a question's sub-parts listed over their letters, "3/a, 3/b, 3/c" over "a) …": the question's heading
  listHeadingsAsQuestions,
  // a portal's own numbers before the paper's labels, "Item 7 [3(b)]", "Q4 = 2a"
  withoutPortalNumbers,
  // a form's counter over each box, "Question 3 of 11 (1 mark)" (after a portal's, which name parts)
  withoutFormCounters,
  // a margin's line numbers, "12 | Q3(b) …"
  withoutMarginNumbers,
  // a spreadsheet's row numbers under its column letters, "4  (a) W_f  C2 x C3  3 × 5"
  withoutSheetRows,
  // an editor's line numbers, where they stand on the page (after a sheet's rows, which its cells cite)
  withoutLineNumbers,
  // numbers citing a list of works, "(MobileNets [5])", "= 199 [7]": no part of the maths
  withoutCitations,
  // the marks a student gives itself, "self-mark: 3/3", "total till now = 9", and a mark scheme's codes
  // closing a line, "= 60 M1 A1"
  withoutSelfMarks,
  withoutSchemeMarks,
  // a report's paragraph numbers, "2.2  Soln. 3(a): …"
  withoutParagraphNumbers,
  // parts numbered as sections, "1.2.1", "1-2-1", "A-1.1", "Part" over "1.1" in a table's cell
  withOutlineLabels,
  // a dateline before every label, "Kharagpur, Q3(a) —"
  withoutDatelines,
  // a multiple choice's letters, "A) 3 x 2  B) 3 x 5"
  withoutOptionLetters,
  // a script's own steps and small questions, "S5.", "Q2. Why?"
  withoutOwnNumbering,
  // labels written as keys, "[q1_b_i]", "ans[1][b][i] =", "#Q1b_i"
  withKeyLabels,
  // a quiz portal's records, "question_id = 1b_ii", "{"q": "3c", "ans": "72", "attempt": 2}"
  withRecordLabels,
  // a thread's posts and a deck's cards before their labels, "1/14  Q1a", "CARD 05 [ Q3(b) ]"
  withoutItemCounters,
  // a terminal's prompt and command before each part, "$ ./judge 1b.ii"
  withoutShellPrompts,
  // a chat export's stamp and sender before each message, "15/03/21, 10:04 - Debarghya K: Q1(a)"
  withoutChatSenders,
  // the times a student logs, "[5] (10:15)", "Problem 3 (part a) 10:09", "(t+12 min)" (after a
  // thread's own, "[10:02] @prof re Q1 a", read with its post)
  withoutTimeStamps,
  // a heading's "[part (a)]" at its end is its label
  headingTagsFirst,
];

/** A letter or roman numeral alone, opening a line as a list's item does: "(a)", "b)", "(ii)", "iii." */
const ITEM = /^\s*[([]?\s*([a-h]|[ivx]{1,4})\s*[)\].:](?=\s|$)/i;
const ROMAN_ITEMS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'];

/** The items that may stand next to `item` in a list: the letter or numeral before and after it. */
function neighbours(item: string): { before: string[]; after: string[] } {
  const t = item.toLowerCase();
  const out: { before: string[]; after: string[] } = { before: [], after: [] };
  const r = ROMAN_ITEMS.indexOf(t);
  if (r >= 0) {
    if (r > 0) out.before.push(ROMAN_ITEMS[r - 1]);
    if (r < ROMAN_ITEMS.length - 1) out.after.push(ROMAN_ITEMS[r + 1]);
  }
  if (/^[a-h]$/.test(t)) {
    if (t > 'a') out.before.push(String.fromCharCode(t.charCodeAt(0) - 1));
    if (t < 'h') out.after.push(String.fromCharCode(t.charCodeAt(0) + 1));
  }
  return out;
}

/** Whether line `i` opens an item of a list whose item before or after it opens one of the lines close by. */
function innerItem(body: Line[], i: number): boolean {
  const m = ITEM.exec(body[i].text);
  if (!m) return false;
  const { before, after } = neighbours(m[1]);
  const opens = (l: Line | undefined, items: string[]) => {
    const n = l ? ITEM.exec(l.text) : null;
    return n !== null && items.includes(n[1].toLowerCase());
  };
  const near = (k: number) => body[k] !== undefined && body[k].page === body[i].page;
  for (let k = i + 1; k <= i + 6 && near(k); k++) if (opens(body[k], after)) return true;
  for (let k = i - 1; k >= i - 6 && near(k); k--) if (opens(body[k], before)) return true;
  return false;
}

function segmentLines(
  lines: Line[],
  pages: PageInfo[],
  parts: Array<{ id: string; path: string[] }>,
  rules: Map<number, Rule[]>,
  prompts: readonly Prompt[],
): Segmentation {
  const tree = new PartTree(parts);
  lines = numeratorsWithTheirLabel(
    byHeaderColumns(
      withQuotedQuestions(
        BEFORE_LABELS.reduce((ls, pass) => pass(ls, tree), lines),
        tree,
        prompts,
      ),
      parts,
    ),
    parts,
  );
  const asked = promptLine(prompts);
  let first = segmentOnce(lines, pages, parts, new Map(), rules, asked);
  // a summary of final answers ahead of the working: read without it, if it only restates them
  const ahead = summaryAhead(first, parts);
  if (ahead) {
    const rest = lines.filter((l) => !ahead.lines.has(l));
    const without = segmentOnce(rest, pages, parts, new Map(), rules, asked);
    if (summaryRestates(ahead, without.parts, parts)) {
      lines = rest;
      first = without;
      for (const [id, row] of ahead.rows) {
        const to = first.parts[id];
        if (!to) continue;
        // (before an answer corrected further on: the correction is the student's last word, not
        // the summary's value written before it)
        if (to.occurrences > 1) insertLines(to, 0, row);
        else appendLines(to, row);
      }
      first.warnings.push(
        `a summary of the answers (${ahead.lines.size} lines) ahead of the working is read as a restatement`,
      );
    }
  }
  // a summary of final answers after the working, under its own heading
  // (read without the pages' furniture: a last page's "Page 5 of 5" is not its last row)
  const furniture = furnitureOf(lines, new Map(pages.map((p) => [p.page, p])));
  const after = summaryAfter(
    lines.filter((l) => !furniture.has(l)),
    parts,
  );
  if (after) {
    const rest = lines.filter((l) => !after.lines.has(l));
    const without = segmentOnce(rest, pages, parts, new Map(), rules, asked);
    if (foldSummary(after, without, parts)) {
      lines = rest;
      first = without;
    }
  }
  // labels after headings in words ("Forget gate and cell update  [1(b)]"), where they name more
  // parts than the labels at line starts found
  const headed = headingTags(lines, parts);
  if (headed && headed.count > Object.keys(first.parts).length) {
    const read = segmentOnce(lines, pages, parts, headed.forced, rules, asked);
    read.warnings.push('part labels read at the ends of headings ("Cell update  [1(b)]")');
    return read;
  }
  // labels written after their answers, in the right margin ("… = (0.604, 0, 0)   — Q1(b)ii"):
  // taken when the labels at line starts found little
  const few = Object.keys(first.parts).length < 3;
  const trailing = few ? trailingLabels(lines, parts) : null;
  if (trailing) {
    lines = trailing.lines;
    first = segmentOnce(lines, pages, parts, trailing.forced, rules, asked);
    first.warnings.push('part labels read at the ends of the answers (right margin)');
    return first;
  }
  // or sub-parts labelled alone, each question's number written after its answers ("— Q3")
  const closed = few ? closingQuestions(lines, parts) : null;
  if (closed) {
    const read = segmentOnce(closed.lines, pages, parts, closed.forced, rules, asked);
    read.warnings.push('question numbers read after their answers ("— Q3")');
    return read;
  }
  // on OCR'd pages: labels read loosely, aligned with the exam's parts in order
  const aligned = alignedLabels(first, parts);
  const base = aligned.size ? segmentOnce(lines, pages, parts, aligned, rules, asked) : first;
  const unread = unreadLabels(base, parts);
  const forced = new Map([...aligned, ...unread]);
  const out = unread.size ? segmentOnce(lines, pages, parts, forced, rules, asked) : base;
  out.warnings.push(
    ...[...aligned.entries()].map(([l, lab]) =>
      lab
        ? `label "${l.text.slice(0, lab.end).trim()}" read as ${lab.partId} (aligned with exam order)`
        : `"${l.text.slice(0, 12).trim()}" not taken as a label (exam order placed its part elsewhere)`,
    ),
    ...[...unread.entries()].map(
      ([l, lab]) => `unreadable label "${l.text}" taken as ${lab.partId} (by exam order)`,
    ),
  );
  return out;
}

/** A line starting with a roman-numbered item ("ii.", "iv)", OCR's "il." or "11."). */
const ROMAN_ITEM = /^\s*\(?[ivxl1|!]{1,4}s?\s*[.),:]/i;

/** Whether another line within three of line `i`, on its page, starts with a roman-numbered item too. */
function listNear(body: Line[], i: number): boolean {
  for (let j = Math.max(0, i - 3); j <= Math.min(body.length - 1, i + 3); j++)
    if (j !== i && body[j].page === body[i].page && ROMAN_ITEM.test(body[j].text)) return true;
  return false;
}

/**
 * Labels on OCR'd lines that the strict reading missed ("01b", "(6) i.", "11.", "Ouestion 2 port (a)"):
 * between two labels that were read, the lines at the margin are aligned with the parts missing
 * between them, in exam order, by how well their start reads as each part's label.
 */
function alignedLabels(
  seg: SegmentRun,
  parts: Array<{ id: string; path: string[] }>,
): Map<Line, Label | null> {
  const forced = new Map<Line, Label | null>();
  if (!seg.body.some((l) => l.conf < 1)) return forced;
  const idx = new Map(parts.map((p, k) => [p.id, k]));
  // labels read cleanly anchor the alignment; one OCR read only through a confusion ("(3)(e)" taken
  // for 3c) is a candidate like any other line
  const firm = seg.labelLines.filter((l) => !l.loose);
  const loose = new Map(seg.labelLines.filter((l) => l.loose).map((l) => [l.index, l.partId]));
  const looseConf = new Map(seg.labelLines.map((l) => [l.index, l.conf]));
  const found = new Set(firm.map((l) => l.partId));
  const labelAt = new Set(firm.map((l) => l.index));
  const anchors = [
    { index: -1, k: -1 },
    ...firm.map((l) => ({ index: l.index, k: idx.get(l.partId) ?? -1 })),
    { index: seg.body.length, k: parts.length },
  ];
  const assigned = new Set<string>();
  const unpicked: number[] = [];
  for (let a = 0; a + 1 < anchors.length; a++) {
    const from = anchors[a];
    const to = anchors[a + 1];
    if (to.k <= from.k) {
      for (let i = from.index + 1; i < to.index; i++) if (loose.has(i)) unpicked.push(i);
      continue;
    }
    const missing = parts.slice(from.k + 1, to.k).filter((p) => !found.has(p.id));
    const at: number[] = [];
    const cands: Candidate[] = [];
    for (let i = from.index + 1; i < to.index; i++) {
      const line = seg.body[i];
      if (labelAt.has(i) || line.conf >= 1) continue;
      at.push(i);
      cands.push({
        text: line.text,
        indent: seg.indents[i],
        width: seg.widths[i],
        pageStart: i === 0 || seg.body[i - 1].page !== line.page,
        listy: ROMAN_ITEM.test(line.text) && listNear(seg.body, i),
      });
    }
    const picked = alignLabels(cands, missing, from.k >= 0 ? parts[from.k] : null);
    for (const [c, { part, score, fit }] of picked) {
      // (a question's heading keeps the strict reading's, a guess that its "(a)" below confirms)
      if (isHeading(part)) continue;
      assigned.add(part.id);
      // (a loose label that the alignment reads as the same part keeps its own reading)
      const conf = score >= 0.95 ? 0.9 : score * 0.75;
      if (loose.get(at[c]) === part.id && (looseConf.get(at[c]) ?? 0) >= conf) continue;
      forced.set(seg.body[at[c]], {
        path: part.path.map((x) => x.toLowerCase()),
        partId: part.id,
        end: fit.end,
        // a label read loosely: only a near-perfect reading keeps a confidence that can pass
        conf,
        weak: false,
      });
    }
    at.forEach((i, c) => {
      if (loose.has(i) && !picked.has(c)) unpicked.push(i);
    });
  }
  // a loose label the alignment did not take stays as it was read, unless its part went elsewhere
  for (const i of unpicked) if (assigned.has(loose.get(i) as string)) forced.set(seg.body[i], null);
  return forced;
}

/**
 * A line ending in an operator or an open bracket, whose expression goes on on the next line (not
 * a rule drawn of such characters: an ASCII box's "+-----------+", an underline "=====", an arrow
 * closing a result the student set off, "Ans ==> 9 <==", nor a heading's banner, "--- Question 2 ---":
 * an operator is one character).
 */
const CONTINUES_ON_NEXT_LINE =
  /^(?![\s+\-=_|*#~]*$)(?!.*<[=-]+\s*$)(?!.*[-–—=_~*#]{2,}\s*$).*(?:[×*·⊙∘+\-−=,([{/]|\sx)\s*$/;

/** A short line at the left margin of an OCR'd page: what an unreadable label on its own line looks like. */
function looksLikeLabelLine(line: Line, next: Line | undefined, indent: number): boolean {
  const t = line.text.trim();
  const compact = t.replace(/\s+/g, '');
  return (
    line.conf < 1 &&
    compact.length >= 1 &&
    compact.length <= 6 &&
    (t.match(/\s/g)?.length ?? 0) <= 1 &&
    /[A-Za-z0-9]/.test(t) &&
    indent <= 30 &&
    next !== undefined &&
    next.page === line.page
  );
}

/**
 * Labels OCR could not read, placed by exam order: between two labels that were read, short
 * margin lines that the answers hang under are taken, in order, as the parts missing between
 * them — only when their number is exactly the number of missing parts.
 */
function unreadLabels(seg: SegmentRun, parts: Array<{ id: string; path: string[] }>): Map<Line, Label> {
  const forced = new Map<Line, Label>();
  const idx = new Map(parts.map((p, k) => [p.id, k]));
  const found = new Set(Object.keys(seg.parts));
  const labelAt = new Set(seg.labelLines.map((l) => l.index));
  const anchors = [
    { index: -1, k: -1 },
    ...seg.labelLines.map((l) => ({ index: l.index, k: idx.get(l.partId) ?? -1 })),
    { index: seg.body.length, k: parts.length },
  ];
  for (let a = 0; a + 1 < anchors.length; a++) {
    const from = anchors[a];
    const to = anchors[a + 1];
    if (to.k <= from.k) continue;
    const missing = parts.slice(from.k + 1, to.k).filter((p) => !found.has(p.id));
    if (missing.length === 0) continue;
    const cands: number[] = [];
    for (let i = from.index + 1; i < to.index; i++) {
      const line = seg.body[i];
      const next = seg.body[i + 1];
      if (labelAt.has(i)) continue;
      if (!looksLikeLabelLine(line, next, seg.indents[i])) continue;
      // the line under it is an answer, not another candidate
      if (i + 1 < to.index && looksLikeLabelLine(next, seg.body[i + 2], seg.indents[i + 1])) continue;
      cands.push(i);
    }
    if (cands.length !== missing.length) continue;
    cands.forEach((i, j) => {
      const p = missing[j];
      forced.set(seg.body[i], {
        path: p.path.map((c) => c.toLowerCase()),
        partId: p.id,
        end: seg.body[i].text.length,
        conf: 0.3,
        weak: false,
      });
    });
  }
  return forced;
}

type SegmentRun = Segmentation & {
  /** where each part's label was read: `loose` when OCR's reading of it needed a confusion (b as 6) */
  labelLines: Array<{ index: number; partId: string; loose: boolean; conf: number }>;
  body: Line[];
  indents: number[];
  widths: number[];
};

function segmentOnce(
  lines: Line[],
  pages: PageInfo[],
  parts: Array<{ id: string; path: string[] }>,
  forced: Map<Line, Label | null>,
  rules: Map<number, Rule[]>,
  /** whether a line is the paper's own question, copied (question-quotes.ts) */
  asked: (text: string) => boolean = () => false,
): SegmentRun {
  const tree = new PartTree(parts);
  const seen = (id: string) => segs.some((s) => s.partId === id);
  /** The first part of the exam under `prefix` not found yet (exam order). */
  const firstUnseenUnder = (prefix: PartPath) =>
    parts.find((p) => prefix.every((c, k) => p.path[k]?.toLowerCase() === c) && !seen(p.id)) ?? null;
  /** Every sub-part of `path` listed in order at the start of `text` ("i, ii", "(a), (b) & (c)"), unanswered. */
  const subPartList = (text: string, path: string[]) => {
    const kids = parts.filter(
      (p) =>
        p.path.length === path.length + 1 &&
        path.every((c, k) => p.path[k]?.toLowerCase() === c) &&
        !seen(p.id),
    );
    // ("Ques. 2 → parts a, b": after an arrow and the word parts)
    const lead = /^\s*(?:(?:→|->|=>|⇒)\s*)?(?:(?:sub-?)?parts?\s+)?/i.exec(text)?.[0] ?? '';
    const m = /^\(?([ivx]{1,3}|[a-h])\)?(?:\s*(?:,|&|and|\+)\s*\(?([ivx]{1,3}|[a-h])\)?)+/i.exec(
      text.slice(lead.length),
    );
    if (!m || kids.length < 2) return null;
    const items = m[0].split(/,|&|\band\b|\+/).map((x) => x.replace(/[\s()]/g, '').toLowerCase());
    const ids = items.map((c, k) => (kids[k]?.path[path.length].toLowerCase() === c ? kids[k] : null));
    if (ids.some((x) => x === null)) return null;
    const gap = /^\s*[:.\-–]?\s*/.exec(text.slice(lead.length + m[0].length))?.[0].length ?? 0;
    return {
      ids: (ids as Array<{ id: string; path: string[] }>).map((p) => ({
        id: p.id,
        path: p.path.map((c) => c.toLowerCase()),
      })),
      end: lead.length + m[0].length + gap,
    };
  };
  /** The part right after `id` in exam order, if it shares the same parent. */
  const nextSibling = (id: string) => {
    const k = parts.findIndex((p) => p.id === id);
    const a = parts[k];
    const b = parts[k + 1];
    if (!a || !b || a.path.length !== b.path.length) return null;
    return a.path.slice(0, -1).join('/') === b.path.slice(0, -1).join('/') ? b : null;
  };
  /** The question `path` is the first whose parts are all unseen, after the question being read. */
  const nextQuestion = (path: PartPath) => {
    const q = path[0];
    if (parts.some((p) => p.path[0].toLowerCase() === q && seen(p.id))) return false;
    const at = current ?? closed;
    const cur = at ? parts.findIndex((p) => p.id === at.partId) : -1;
    const first = parts.findIndex((p) => p.path[0].toLowerCase() === q);
    // (questions answered already, earlier on the page, are passed over: 3 after 4, then 5)
    return (
      first > cur && parts.slice(cur + 1, first).every((p) => p.path[0] === parts[cur]?.path[0] || seen(p.id))
    );
  };
  const questions = [...new Set(parts.map((p) => p.path[0]))];
  /**
   * Whether a question's number comes next where the script goes over its answered parts again in
   * order (working set out under answers given before, "Notes (working)" after a table of answers):
   * every part of it answered, the part read now met before, and the question the next one after it.
   */
  const revisitsNext = (path: PartPath): boolean => {
    const at = current;
    if (!at || firstUnseenUnder(path)) return false;
    return (
      segs.some((s) => s !== at && s.partId === at.partId) &&
      questions.indexOf(path[0]) === questions.indexOf(at.label.path[0]) + 1
    );
  };
  /**
   * Whether a line's number goes on a numbered list inside the answer being read ("1. h_t = …", …,
   * "5. …" are steps): the item before it is there (on the label's own line too, as in "1. (a) e_kj
   * = …" then "2. α_kj = …", unless that number is the label's own question).
   */
  const continuesList = (text: string): boolean => {
    const n = /^\s*(\d{1,2})[.)]/.exec(text)?.[1];
    if (n === undefined || !current) return false;
    const own = /^\s*\(?(\d{1,2})[.)]/.exec(current.labelLine.text)?.[1] === current.label.path[0];
    const before = new RegExp(`^\\s*\\(?${Number(n) - 1}[.)]\\s`);
    return [...(own ? [] : [current.labelLine]), ...(current.repeated ?? []), ...current.lines].some((l) =>
      before.test(l.text),
    );
  };
  /** lines cut off another at an inline label */
  const cutOff = new Set<Line>();
  /** The question of the next plainly labelled line after line `i` (prefixed, bracketed or full): exam order's bound. */
  const nextPlainQuestion = (i: number): number => {
    for (let j = i + 1; j < body.length; j++) {
      const l = findLabel(body[j].text, tree, []);
      if (l && !l.weak) return questions.indexOf(l.path[0]);
    }
    return questions.length;
  };
  const pageOf = new Map(pages.map((p) => [p.page, p]));
  // page furniture and rules drawn with characters ("------" under a heading, an ASCII box's
  // "#########" edges) are not answers
  const furniture = furnitureOf(lines, pageOf);
  const body = lines.filter((l) => !furniture.has(l) && !/^\s*[-_=~*#─━]{3,}\s*$/.test(l.text));
  // the lines after a page's furniture or a rule: where rough work set among the answers ends
  const inBody = new Set(body);
  const afterBreak = new Set(lines.filter((l, k) => k > 0 && inBody.has(l) && !inBody.has(lines[k - 1])));
  const margin = margins(body, pageOf);
  const centred = centredLines(body, margin, pageOf);
  const preamble: Line[] = [];
  const unlabelled: Line[] = [];
  const rough: Line[] = [];
  const warnings: string[] = [];
  const segs: Seg[] = [];
  let context: PartPath = [];
  let current: Seg | null = null;
  /** the answer an end marker or rough work closed: where exam order was when the next label comes */
  let closed: Seg | null = null;
  let seenLabel = false;
  // text after an inner-node label ("Q1 b)") with no sub-label yet has no part to go to
  let orphanContext = false;
  /** a question's heading left for its sub-label on the next line ("1." over "b) C_t = …"): that line */
  let headedLine: Line | null = null;
  const labelLines: Array<{ index: number; partId: string; loose: boolean; conf: number }> = [];
  const ordinalLines = new Set<Line>();
  const indents: number[] = [];
  const widths: number[] = [];

  // a capital roman numeral alone on its line heads its question in any order ("III." before "V."):
  // numerals in capitals are never working
  // (at the margin and alone on its row: a title's "Class Test III" may come apart into a column,
  // its words a space away; the other column of a two-column page is further)
  const romanHeading = (l: Label, line: Line, indent: number, width: number) =>
    l.partId === null &&
    firstUnseenUnder(l.path) !== null &&
    /^\s*[IVX]{1,4}[.)]?\s*$/.test(line.text) &&
    indent <= marginOf(width) &&
    !body.some(
      (o) =>
        o !== line &&
        o.page === line.page &&
        Math.abs(o.box.y + o.box.h / 2 - (line.box.y + line.box.h / 2)) < line.box.h / 2 &&
        Math.max(o.box.x - (line.box.x + line.box.w), line.box.x - (o.box.x + o.box.w)) < 2 * line.box.h,
    );
  const words = labelWords(body.map((l) => l.text));
  // a script that labels its parts in square brackets ("[1b]", "[2a]") labels a question so too
  const numbering = numberingKey(
    body.map((l) => l.text),
    tree,
  );
  const notebookParts = notebookByPart(body.map((l) => l.text));
  const romanParts = romanForLetters(
    body.map((l) => l.text),
    tree,
  );
  const romanNumbered = romanQuestions(body.map((l) => l.text));
  // (or under one question alone: "(i)", "(ii)", "(iii)" for 3(a), 3(b), 3(c) beside "(b)(i)" for 1(b)(i))
  const romanLettered = romanLetteredQuestions(
    body.map((l) => l.text),
    tree,
  );
  // questions numbered in capital roman before their parts' letters, twice or more ("II(a)", "IV (b)")
  const capitalRomanQuestions =
    body.filter((l) => /^\s*(?:I{1,3}|IV|V|VI{1,3})\s*[.(]?\s*\(?[a-h]\)/.test(l.text)).length >= 2;
  const numberedParts = numbersForLetters(
    body.map((l) => l.text),
    tree,
  );
  const outlined = outlineQuestions(body.map((l) => l.text)) ?? undefined;
  const announcedOrder = orderAnnounced(body);
  const firstsAnnounced = firstsSaid(body);
  const swapsSaid = beforeSaid(body);
  const nextAnnounced = (q: string) => {
    // (before any answer, the first of the order)
    if (!current && !seenLabel) return announcedOrder[0] === q;
    const at = current
      ? announcedOrder.indexOf(parts.find((p) => p.id === current!.partId)?.path[0] ?? '')
      : -1;
    return at >= 0 && announcedOrder[at + 1] === q;
  };
  const bracketed = body.filter((l) => /^\s*\[\s*(?:q\.?\s*)?\d{1,2}\s*[a-h]/i.test(l.text)).length >= 2;
  // a script labelling its parts with a dash after them, "3 c -", "1 b ii -", three times or more
  const dashLabels =
    body.filter((l) => /^\s*\d{1,2}\s*[a-h](?:\s*[ivx]{1,4})?\s+-\s/i.test(l.text)).length >= 3;
  // (numbers past the exam's last question among them, and at least four: "(6)", "(7)", "(18)")
  const numbered = new Set(
    body.map((l) => /^\s*\((\d{1,2})\)\s+\S/.exec(l.text)?.[1]).filter((n): n is string => n !== undefined),
  );
  const equationNumbers = numbered.size >= 4 && [...numbered].some((n) => !questions.includes(n));
  // (or at line ends, as a word processor or LaTeX sets them: "… = s_k−1ᵀ h_j   (4)"; three at least,
  // one past the exam's last question)
  const endNumbered = new Set(
    body.map((l) => /\S\s*\((\d{1,2})\)\s*$/.exec(l.text)?.[1]).filter((n): n is string => n !== undefined),
  );
  const equationsNumbered = endNumbered.size >= 3 && [...endNumbered].some((n) => !questions.includes(n));
  // a script with endnotes marks them after its words ("… = 0.6044   [1]", "… for t < T. [3]"): at
  // least two such marks, and "[3] If the loss …" at a line start is then note 3, not question 3
  const noteMarks = new Set(
    // (set apart after a word or a full stop, not an index: "h[1]", "s_k[d]")
    body.flatMap((l) => [...l.text.matchAll(/\S[ \t]+[[{](\d{1,2})[\]}](?=[\s.,;]|$)/g)].map((m) => m[1])),
  );
  const isNote = (text: string) => {
    const n = /^\s*[[{](\d{1,2})[\]}]\s/.exec(text)?.[1];
    return noteMarks.size >= 2 && n !== undefined && noteMarks.has(n);
  };
  const listItems = assumptionItems(body);
  const qaMarkers =
    body.filter((l) => /^\s*Q\s*:/.test(l.text)).length >= 2 &&
    body.filter((l) => /^\s*A\s*:/.test(l.text)).length >= 2;
  // the paper's marks copied beside the labels ("Q 2/b — (1)", "(b)   [1]"): a habit of two labels or more
  // (sub-labels read under the label before them, as below: "(a) [3]" under "Q1")
  let under: string[] = [];
  const marksHabit =
    body.filter((l, k) => {
      const lab = findLabel(l.text, tree, under, { ocr: l.conf < 1, bare: true });
      if (!lab) return false;
      under = lab.path;
      const rest = l.text.slice(lab.end);
      return rest.trim()
        ? bareMarksAfter(rest)
        : onRowOf(l, body[k + 1]) && marksOnly(body[k + 1].text) === 'bare';
    }).length >= 2;
  // a label with its marks after it, "3 -  (3)" or "5 ... 3 marks", read whole is arithmetic: it is read
  // without them
  under = [];
  for (let k = 0; k < body.length; k++) {
    const l = body[k];
    const lab = findLabel(l.text, tree, under, { ocr: l.conf < 1, bare: true });
    if (lab) under = lab.path;
    const unmarked = lab || forced.has(l) ? null : withoutTrailingMarks(l.text, marksHabit);
    const bare = unmarked ? findLabel(unmarked, tree, under, { ocr: l.conf < 1, bare: true }) : null;
    const kept = bare && !unmarked!.slice(bare.end).trim() ? cutAt(l, unmarked!.length)?.kept : null;
    if (kept) {
      if (afterBreak.has(l)) afterBreak.add(kept);
      body[k] = kept;
      under = bare!.path;
    }
  }
  // a script whose labels close with a dash on a line of their own ("1 a -", "1 b ii -", "3 c -"): a
  // question's "5 -" alone there is its label in any order
  // (its marks after it, "1 a - (3 marks)", set aside)
  const dashStyle =
    body
      .map((l) => withoutTrailingMarks(l.text, marksHabit) ?? l.text)
      .filter((t) => DASH_LABEL.test(t) && !QUESTION_DASH.test(t)).length >= 3;
  // questions headed by a prefixed label somewhere ("Q4", "Question 4"): there a bare "4 gates ⇒ …"
  // starting a line is a count, not the question's label
  const headed = new Set(
    body
      .filter((l) => !listsWorks(l.text))
      .map((l) => findLabel(l.text, tree, [], { ocr: l.conf < 1 }))
      // (a note naming its question, "Notes (5): …", heads nothing)
      .filter((l): l is Label => l !== null && !l.weak && !l.note && l.path.length === 1)
      .map((l) => l.path[0]),
  );
  // rough work under its heading, to the foot of its page or a rule: not graded, and its "Q5 198 × 198"
  // is no label
  // (and so is a list of works cited under its heading, to the foot of its page, a rule or a label)
  let roughPage = 0;
  /** the heights of the rough work's lines so far: typed in a smaller size, it ends where the size grows back */
  let roughHeights: number[] = [];
  /** the answer rough work began inside */
  let interrupted: Seg | null = null;
  let citedPage = 0;
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    // (a list that runs over a page goes on with its numbered works: "[2] F. Gers, …" on the next page)
    const cited =
      (citedPage > 0 &&
        ((line.page === citedPage && !afterBreak.has(line) && !startsLabelled(line, tree)) ||
          startsNumberedWork(line.text))) ||
      (!forced.has(line) && startsWorksList(line.text));
    if (
      cited ||
      (line.page === roughPage && !afterBreak.has(line) && !largerThanRough(line, roughHeights)) ||
      (!forced.has(line) && ROUGH_WORK.test(line.text))
    ) {
      if (cited) citedPage = line.page;
      else {
        if (roughPage !== line.page || ROUGH_WORK.test(line.text)) roughHeights = [];
        roughPage = line.page;
        roughHeights.push(line.box.h);
      }
      if (!cited && current) interrupted = current;
      closed = current ?? closed;
      current = null;
      rough.push(line);
      continue;
    }
    // (rough work set small inside an answer, "Ques 5" over a box of it: the answer goes on after it)
    if (roughPage === line.page && interrupted && !afterBreak.has(line)) current = interrupted;
    interrupted = null;
    roughPage = 0;
    citedPage = 0;
    // the rest of a line cut at a label is read next, as a line of its own
    const readNext = (rest: Line) => {
      body.splice(i + 1, 0, rest);
      cutOff.add(rest);
      sideBySideAs(rest, line);
    };
    // a list of the answer's own on the line, "Setup: (a) x_t ∈ R^2, (b) …, (c) …", where the part it
    // would split off is labelled again further on ("Q-III (b) b_f is 3 × 1"): no label in it
    const ownList = (text: string, id: string | undefined) => {
      const target = parts.find((p) => p.id === id);
      return target !== undefined && inlineList(text) && laterInQuestion(body.slice(i + 1), target, tree);
    };
    const frame = readingFrame(line, pageOf.get(line.page) ?? { width: 595, height: 842 });
    const width = frame.width;
    // (a script that centres its lines centres its labels: one is read as at the margin)
    const indent = centred.has(line) ? 0 : frame.box.x - (margin.get(line.page) ?? 0);
    indents.push(indent);
    widths.push(width);
    const force = forced.get(line);
    // (a cell's number wrapped under its operator, another cell's line read between: read after it)
    let wrappedUnder: Line | null = null;
    let label = forced.has(line)
      ? (force ?? null)
      : listItems.has(line)
        ? null
        : findLabel(line.text, tree, context, {
            ocr: line.conf < 1,
            bare: true,
            labelWords: words,
            numbering,
            romanParts: romanParts || romanLettered.has(context[0] ?? ''),
            numberedParts,
            notebookParts,
            romanQuestions: romanNumbered,
            outlineQuestions: outlined,
          });
    // (a part numbered afresh under its question's heading, "2. Zero. …" under "Question 2", is its label
    // as surely as a letter would be: not a list's next item)
    // (and where questions have headings in words, a bare number heads no question: "1. Depthwise …"
    // under "Question 5", which has no parts, is a step of its answer)
    if (numberedParts && label?.weak && /^\s*[1-8][.)]\s/.test(line.text))
      label = label.path.length === 2 ? { ...label, weak: false } : null;
    // (a label in a row of them side by side whose columns were not read: what follows it may be
    // another column's, so where the part is is a person's reading)
    if (label && sideBySideLabels(line)) label = { ...label, conf: Math.min(label.conf, 0.5) };
    // the working below a table of a question's parts, marked "[3]" as it was read: that question
    const working = tableWorkingOf(line);
    if (!label && working)
      label = { path: [working], partId: null, end: working.length + 2, conf: 0.95, weak: false };
    // "II." alone on its line after "I.(b) (i) & (ii)": the sub-part it would be is answered (with
    // the part before it, too), so the capital numeral heads its question
    if (
      label?.partId &&
      !force &&
      /^\s*[IVX]{1,4}[.)]?\s*$/.test(line.text) &&
      segs.some((s) => s.partId === label!.partId || s.also?.includes(label!.partId!))
    ) {
      const q = findLabel(line.text, tree, [], { ocr: line.conf < 1 });
      if (q && q.partId === null && firstUnseenUnder(q.path)) label = q;
    }
    // a question's heading with its introduction after it on the line ("A3. [h_{t−1}, x_t]: 3 + 2 = 5",
    // "§3 n_x = 2, n_c = 3 ⇒ …"), its first sub-part's label opening the next line: the heading
    if (!label && !forced.has(line) && !listItems.has(line)) {
      const head = /^\s*(?:§\s?|A\.?\s?)(\d{1,2})\.?(?=\s)/.exec(line.text);
      const q = head?.[1];
      // (its first sub-part's label on the next line, or a few lines on: the introduction may wrap,
      // "§3 Every gate is acting on …" / "and h_t is also size 3 …" / "(a) W_f 3 × 5")
      const next = q
        ? (body
            .slice(i + 1, i + 4)
            .map((l) => findLabel(l.text, tree, [q]))
            .find((l) => l !== null) ?? null)
        : null;
      if (
        q &&
        next?.partId &&
        next.path[0] === q &&
        next.path.length >= 2 &&
        !seen(next.partId) &&
        nextQuestion([q])
      )
        label = { path: [q], partId: null, end: head![0].length, conf: 0.9, weak: false };
    }
    // (in a script labelled "3 c -", "1 a -", its dash after the number: "5 -    197 x 197 x 3 …", the
    // gap after the dash, where the script's order may be its own)
    if ((!label || label.bare) && dashLabels && !forced.has(line) && !listItems.has(line)) {
      const [w0, w1, w2] = line.words;
      const q = w0 && /^\d{1,2}$/.test(w0.text) ? w0.text : null;
      if (
        q &&
        w1?.text === '-' &&
        w2 &&
        w2.box.x - (w1.box.x + w1.box.w) > line.box.h * 0.7 &&
        tree.partId([q]) !== null &&
        indent <= marginOf(width)
      )
        label = {
          path: [q],
          partId: tree.partId([q]),
          end: line.text.indexOf('-') + 1,
          conf: 0.85,
          weak: false,
        };
    }
    // a question's number set apart from a number that starts its answer ("5  200 × 200 × 3, k = 4", a quad between):
    // read alone it would be one number, 5200; a gap wider than a word's space after it, at the left of
    // the text where exam order expects that question, makes it the label
    if (!label && !forced.has(line) && !listItems.has(line)) {
      const [w0, w1] = line.words;
      const q = w0 && /^\d{1,2}$/.test(w0.text) ? w0.text : null;
      if (
        q &&
        w1 &&
        line.text.startsWith(`${q} `) &&
        // (or a word a column away: a table's label cell level with its answer's second line,
        // "5          multiplications, so multiplications = 199 × 199 × 16 = …")
        w1.box.x - (w0.box.x + w0.box.w) > line.box.h * (/^\d/.test(w1.text) ? 0.7 : 5) &&
        tree.partId([q]) !== null &&
        nextQuestion([q]) &&
        indent <= marginOf(width)
      )
        label = {
          path: [q],
          partId: tree.partId([q]),
          end: q.length + 1,
          conf: 0.85,
          weak: true,
          bare: true,
        };
    }
    // (so is a capital roman numeral before its answer, "V  o = (200 − 4 + 2)/1 + 1 = 199" or "V. Depthwise:
    // …", in a script whose other questions are numbered so before their parts, "IV(a)", "IV.(b)")
    if (!label && !forced.has(line) && !listItems.has(line) && capitalRomanQuestions) {
      const m = /^\s*(I{1,3}|IV|V|VI{1,3}|IX|X)(?:\s+|\.\s*)(?=\S)/.exec(line.text);
      const q = m ? String(romanValue(m[1].toLowerCase())) : null;
      // (a question with parts too, its heading run into its first line by a column's setting: "III z =
      // [h_{t−1}; x_t] has 5 entries" before "(a) W_f: 3 × 5")
      const parted = q !== null && tree.partId([q]) === null && tree.childrenOf([q]).size > 0;
      if (m && q && (tree.partId([q]) !== null || parted) && nextQuestion([q]) && indent <= marginOf(width))
        label = { path: [q], partId: tree.partId([q]), end: m[0].length, conf: 0.85, weak: true, bare: true };
    }
    // a heading naming its part's topic, the label in brackets at its end ("Forget-gate bias (Problem
    // 3 · sub-part (b))", "Long-term dependency (Question 4, part (b))"): that part's label, where the
    // part is not answered yet (a sentence's reference back, "… as in (Question 3, part (a))", is
    // lower case and longer)
    if (!label && !forced.has(line) && !listItems.has(line)) {
      const titled = /^\s*([A-Z][A-Za-z'’-]*(?:\s+[A-Za-z'’-]+){0,5})\s*\((.+)\)\s*:?\s*$/.exec(line.text);
      const inner = titled ? findLabel(titled[2], tree, [], { ocr: line.conf < 1 }) : null;
      if (inner?.partId && !inner.weak && inner.end >= titled![2].trimEnd().length && !seen(inner.partId))
        label = { ...inner, end: line.text.length, conf: inner.conf * 0.95 };
    }
    // "1. (a) e_kj = …" under "Question 2": a list number before a sub-label, when reading it as a
    // question would go back to a part already answered
    const listed = /^\s*\d{1,2}[.)]\s+(?=\()/.exec(line.text);
    if (label && !force && listed && (!label.partId || seen(label.partId) || continuesList(line.text))) {
      const rel = findLabel(line.text.slice(listed[0].length), tree, context, { ocr: line.conf < 1 });
      // (or the part its question's heading was guessed as, which the sub-label then confirms)
      if (rel?.partId && (!seen(rel.partId) || (current?.guessed && current.partId === rel.partId)))
        label = { ...rel, end: rel.end + listed[0].length };
    }
    // "(3) the weighted sum …" after a line that listed "(1) … (2) …": the list goes on, it is no
    // question
    const counted = /^\s*\((\d{1,2})\)/.exec(line.text);
    if (label && !force && counted && i > 0 && body[i - 1].text.includes(`(${Number(counted[1]) - 1})`))
      label = null;
    // a script that numbers its equations "(1)" … "(18)" at line starts: "(5) h_t = …" is equation 5
    if (label && !force && counted && equationNumbers) label = null;
    // (and one such number cited where a sentence wraps, "… weighted sum in" / "(4) have nothing to
    // learn": the sentence goes on in small letters)
    if (
      label &&
      !force &&
      counted &&
      equationsNumbered &&
      endNumbered.has(counted[1]) &&
      /^\s*\(\d{1,2}\)\s+[a-z]{2,}\b/.test(line.text)
    )
      label = null;
    if (label && !force && label.path.length === 1 && isNote(line.text)) label = null;
    // a list of questions wrapped onto the line ("Note: I have answered Q3 and Q5 first, then Q1, Q2," /
    // "Q4."): the list's last item, not question 4 starting
    if (
      label &&
      !force &&
      label.path.length === 1 &&
      i > 0 &&
      /\bq\.?\s*\d{1,2}\s*(?:,|\band|\bthen|\bor)\s*$/i.test(body[i - 1].text) &&
      /^[.,;)]?\s*$/.test(line.text.slice(label.end))
    )
      label = null;
    // a script answering "Q: …" / "A: …": "A:" opens an answer, it is no part (a)
    if (label && !force && qaMarkers && /^\s*A\s*:/.test(line.text)) label = null;
    let revisitedBare = false;
    let inLabelsColumn = false;
    if (label?.bare) {
      // a bare number starting a line is the next question only at the margin, after a finished
      // sentence, where exam order expects that question: otherwise it is content ("3 gates …")
      // (a line of a tall bracket's pieces, which a PDF's maths font gives as private-use glyphs, is
      // no text: "⌊ … ⌋" around a display fraction above the label)
      const prev = i > 0 ? body[i - 1].text.replace(/[\uE000-\uF8FF]/g, '').trim() : '';
      // (a table's row label, "5 —" with a dash for "no sub-part", stands alone beside a cell whose
      // text it may sit in the middle of)
      // (or a new row of a table that draws its rows: a border since the last label, and the number
      // in the labels' column, a column's gap before the answer beside it: "5    Pointwise …")
      const last = current?.labelLine;
      const ws = line.words;
      // (in the labels' column of a table of answers, a column's gap after it, as the last label)
      const inLabelColumn =
        last !== undefined &&
        last.page === line.page &&
        Math.abs(last.box.x - line.box.x) <= 3 &&
        ws.length > 1 &&
        // (two of the label's own heights: a line holding a taller glyph, a superscript or a bold
        // heading, stands taller than its label)
        ws[1].box.x - (ws[0].box.x + ws[0].box.w) > Math.min(line.box.h, ws[0].box.h) * 2;
      const bordered =
        inLabelColumn &&
        (rules.get(line.page) ?? []).some(
          (r) =>
            r.y > last.box.y + last.box.h &&
            r.y < line.box.y &&
            r.x0 <= line.box.x + 2 &&
            r.x1 > line.box.x + 40,
        );
      // (or a blank line's height or more above it: a paragraph ended there, "e_kj = W_a h_j" then
      // a gap, then "3 -")
      const above = i > 0 ? body[i - 1] : undefined;
      // (or the top of the next column: the reading went back up the page)
      const apart =
        above !== undefined &&
        above.page === line.page &&
        (line.box.y - (above.box.y + above.box.h) > Math.min(line.box.h, above.box.h) * 1.2 ||
          line.box.y + line.box.h < above.box.y);
      const ended =
        bordered ||
        prev === '' ||
        // (or a rule drawn in characters above it, "*****", "=====")
        /^[*=_~#\-–—.·•]+$/.test(prev.replace(/\s+/g, '')) ||
        apart ||
        /[.!?;:)\]}]$/.test(prev) ||
        // (or the line stating the answer: "Ans. 72 parameters", "∴ b_f : 3 × 1")
        /^(?:ans(?:wer)?\b|final\b|∴)/i.test(prev) ||
        END_OF_QUESTION.test(prev) ||
        (current?.lines.length ?? 0) === 0 ||
        /^\s*\d{1,2}\s*[—–]\s*$/.test(line.text) ||
        // (or a sheet's column letters over its first row, "A  B  C  D": a new table starts)
        COLUMN_LETTERS.test(prev);
      // (or out of order, when its own "(a)" starts the next line: "3 (doing Q3 before Q2)")
      const next = body[i + 1] ? findLabel(body[i + 1].text, tree, label.path, { numberedParts }) : null;
      const opensItsParts =
        next !== null && next.path.length > label.path.length && firstUnseenUnder(label.path) !== null;
      // (a count the line then multiplies by is a quantity: "4 gates (f, i, o, C̃) → 4 × 9 = 36")
      const n = label.path[0];
      const rest = line.text.slice(label.end);
      const factor = new RegExp(`(?<![\\d.,])${n}\\s*[×x*·]\\s*\\(?\\d|\\d\\)?\\s*[×x*·]\\s*${n}(?![\\d.,])`);
      // (or a bracket of arithmetic it multiplies: "4 (3 · 5 + 3) = 4 × 18 = 72")
      const count =
        (/^\s*[a-z]{2,}/.test(rest) && factor.test(rest)) || /^\s*\(\s*\d[\d\s.]*[+\-−×*·x/]/.test(rest);
      // (or the question the script said it answers first: "I am doing Q5 first", then "5 - …")
      const saidFirst = new RegExp(
        `\\b(?:q(?:uestion)?\\.?\\s*|no\\.?\\s*)${n}\\b[^.]{0,30}\\bfirst\\b|\\bfirst\\b[^.]{0,30}\\bq(?:uestion)?\\.?\\s*${n}\\b`,
        'i',
      );
      // (or one of several said first, while only they have been answered: "I am doing 3 and 5
      // first"; or the next in an order the script announced: "Order of answers: Q1, Q3, Q2, Q5, Q4")
      const onlyFirsts = parts.every((p) => !seen(p.id) || firstsAnnounced.includes(p.path[0]));
      // (or said to come before the question exam order expects here: "I have answered Q5 before Q4")
      const swapped = swapsSaid.get(n);
      const announced =
        saidOnItsLine(rest, n) ||
        (swapped !== undefined && nextQuestion([swapped])) ||
        (!seenLabel && body.slice(0, i).some((l) => saidFirst.test(l.text))) ||
        (firstsAnnounced.includes(n) && onlyFirsts) ||
        nextAnnounced(n);
      // (or the next question where the script goes over its answered parts again)
      const revisiting = revisitsNext(label.path);
      if (
        headed.has(n) ||
        count ||
        !(
          (indent <= marginOf(width) || (inLabelColumn && nextQuestion(label.path))) &&
          (ended || inLabelColumn) &&
          (nextQuestion(label.path) ||
            revisiting ||
            announced ||
            opensItsParts ||
            romanHeading(label, line, indent, width) ||
            (dashStyle && QUESTION_DASH.test(line.text) && firstUnseenUnder(label.path) !== null))
        )
      )
        label = null;
      else {
        revisitedBare = revisiting;
        inLabelsColumn = inLabelColumn;
      }
    }
    // a question named where a sentence wraps ("… I use the dimensions again in" / "Q4), then Q1, Q2,
    // Q4, Q5."; before any answer, "… (Question 5 and" / "Question 3) because I was more sure"): a
    // comma after it, or before the first answer a word in small letters, go on with the sentence
    if (
      label &&
      !force &&
      !cutOff.has(line) &&
      i > 0 &&
      body[i - 1].page === line.page &&
      OPEN_ENDED.test(body[i - 1].text.trim()) &&
      // (not a list of labels, "Soln. 3(a), 3(b).": one answer for both)
      (/^\s*,\s*(?![([]?\s*(?:q\.?\s*)?[\dIVX]|[([]\s*[a-h]\s*[)\]])/.test(line.text.slice(label.end)) ||
        (current === null &&
          /\b(?:and|or|of|the|to|in|on|at|with|from|by|than|as|then|via|into)$/i.test(
            body[i - 1].text.trim(),
          ) &&
          /^\s*[a-z]{3,}\b/.test(line.text.slice(label.end))) ||
        // (inside an answer too, after a preposition no sentence ends with: "… HS = h_t; for" / "Q2
        // attention: enc_j = h_j …", a legend running on)
        (/\b(?:for|of|to|with|from|by|than|via|into)$/i.test(body[i - 1].text.trim()) &&
          /^\s*[a-z]{3,}\b/.test(line.text.slice(label.end))))
    )
      label = null;
    // a part answered above, named where a sentence wraps ("… because unrolling" / "[4a] gives
    // dL/dc_1 = …"): a reference to it inside the answer, not its label again (a line ending in a
    // word no sentence ends with; "… <-- final answer" / "1.b.ii does not change" is a note on 1.b.ii)
    // (a label cut off the middle of a line has that line's own start before it, not a wrap)
    if (
      label?.partId &&
      !force &&
      !cutOff.has(line) &&
      seen(label.partId) &&
      i > 0 &&
      (current?.lines.length ?? 0) > 0
    ) {
      const before = body[i - 1].text.trim();
      // (or the label ends its line: "… through dL/dc_1 when f_t = 1. Unrolling" / "(a):" wrapped)
      // (the sentence going on in small letters after it, "… computed in" / "(a): a dot product, …")
      if (OPEN_ENDED.test(before) && /^\s*(?:[a-z]+\b|:?\s*$)/.test(line.text.slice(label.end))) label = null;
    }
    // (so is a question's number that a sentence wraps onto a line start, words and no working after
    // it: "Note: I am doing Q5 first, then Q1 to" / "Q4 in order.")
    if (
      label &&
      !label.partId &&
      label.path.length === 1 &&
      !force &&
      !cutOff.has(line) &&
      i > 0 &&
      OPEN_ENDED.test(body[i - 1].text.trim()) &&
      /^\s*[a-z]{2,}\b[^\d=]*$/.test(line.text.slice(label.end))
    )
      label = null;
    // a number alone on its line after a line a sentence runs on from ("… tanh itself C̃t at" /
    // "5."): the sentence's end, wrapped, not question 5
    if (label?.weak && !force && !cutOff.has(line) && wrappedNumber(line.text, body[i - 1]?.text))
      label = null;
    // a list of questions wrapped at a comma, "… then Q1, Q4," / "Q2. Order below is …": the list's
    // last item, not question 2's label
    if (label && !force && !cutOff.has(line) && wrappedQuestionList(body[i - 1]?.text)) label = null;
    // the exam's next part in order, where the reader is now: a label for it is expected
    // (or the part its question's heading was guessed as, which the sub-label now confirms: "1. LSTM"
    // then an indented "a. f_t = 6, …")
    // (a sub-part with parts of its own, "b." after 1(a)'s answer, is expected as its first part, 1(b)(i))
    const nextInOrder = (id: string) => parts[parts.findIndex((p) => p.id === id) + 1];
    const expected = (l: Label) => {
      if (current === null) return false;
      if (l.partId === null) {
        const next = nextInOrder(current.partId);
        return (
          l.path.length >= 2 &&
          next !== undefined &&
          !seen(next.id) &&
          l.path.every((c, k) => next.path[k]?.toLowerCase() === c) &&
          parts.find((p) => p.id === current!.partId)?.path[0].toLowerCase() === l.path[0] &&
          // (not an item of a list running on past it, "a. f_t – 5", "b. i_t – 6", "c. o_t – 9")
          !body
            .slice(i + 1, i + 4)
            .some((o) =>
              new RegExp(`^\\s*\\(?${String.fromCharCode(l.path[1].charCodeAt(0) + 1)}[.)]\\s`, 'i').test(
                o.text,
              ),
            )
        );
      }
      return (
        (!seen(l.partId) && nextSibling(current.partId)?.id === l.partId) ||
        (current.guessed === true && current.partId === l.partId)
      );
    };
    if (label && !force) {
      const limit = label.weak ? marginOf(width) : width * 0.3;
      // an indented label is taken only where it is the next sibling in exam order ("(b)" after
      // the answer to 3(a), set inside an aligned block)
      // (a label cut off the middle of a line sits where the line put it, not at an indent)
      if (indent > limit && !expected(label) && !cutOff.has(line) && !inLabelsColumn) label = null;
    }
    // "(1)", "(2)" enumerating steps inside an answer: a question whose every part is already
    // answered is not being started again (a correction says so: "Correction to 1(b)"), and "(2)"
    // inside question 2's own answer does not start question 2 again
    const insideIt = (l: Label) => {
      const cur = current ? parts.find((p) => p.id === current!.partId) : undefined;
      return cur !== undefined && l.path.every((c, k) => cur.path[k]?.toLowerCase() === c);
    };
    // (but a bracketed label of another question, with text after it, goes back to that question:
    // "[1b] C_t = f_t ⊙ C_{t-1} + …" below a table of final answers is its working)
    // ("[3] input to the gate …" in such a script, its parts all answered in a table above)
    const bracketQ =
      bracketed && !label && !force ? /^\s*\[\s*(\d{1,2})\s*\]\s*(?=\S)/.exec(line.text) : null;
    // (going back to a question answered above, or heading the next question in words, "[3]
    // Dimensions and parameter count": a "[2] i_t ⊙ C~_t = …" numbers a step, as findLabel reads it)
    // (its own "[3a]" following closely says it heads question 3, also when 3 is answered out of
    // order: "[5] …" first, then "[3] gate input z ∈ ℝ^(3+2)", "[3a] W_f : 3 × 5")
    const subFollows =
      bracketQ !== null &&
      body
        .slice(i + 1, i + 5)
        .some((l) => new RegExp(`^\\s*\\[\\s*${bracketQ[1]}\\s*[a-h]\\s*\\]`, 'i').test(l.text));
    if (
      bracketQ &&
      tree.childrenOf([bracketQ[1]]).size > 0 &&
      (!firstUnseenUnder([bracketQ[1]]) ||
        subFollows ||
        (nextQuestion([bracketQ[1]]) &&
          // (an aside in brackets may hold its givens: "(n = 3, m = 2)"; and the question's
          // introduction may define them, "[3] Let m = 2, n = 3", when its "[3a]" follows closely,
          // or its first part's letter on the next line, "(a) W_f : 3 x 5", where no step numbered so stands in the
          // answer above: "[2b] …" then "[3]   [h_(t-1), x_t] has size 3 + 2 = 5." has no "[1]", "[2]"
          // for a "[3]" to go on from)
          ((/^\s*[([]?\s*a\s*[)\].:]/i.test(body[i + 1]?.text ?? '') &&
            !current?.lines.some((l) => /^\s*\[\s*\d{1,2}\s*\]/.test(l.text))) ||
            !/[=⊙×*+→∘·]/.test(line.text.slice(bracketQ[0].length).replace(/\([^()]*\)/g, '')))))
    )
      label = { path: [bracketQ[1]], partId: null, end: bracketQ[0].length, conf: 0.95, weak: false };
    const revisit =
      revisitedBare ||
      (label?.partId === null && tableWorkingOf(line) !== undefined) ||
      (label !== null &&
        label.partId === null &&
        !label.weak &&
        label.conf >= 0.95 &&
        /^\s*\[/.test(line.text) &&
        line.text.slice(label.end).trim() !== '' &&
        !firstUnseenUnder(label.path) &&
        !insideIt(label));
    // (a table cell's "1·b" over its wrapped "·ii": the next line names a sub-part not yet read)
    // (a sub-part's path, "1·b": a bare "3." over "III (b)" is a step of 3(a)'s answer)
    const below =
      label?.partId === null && label.path.length > 1 && body[i + 1]
        ? findLabel(body[i + 1].text, tree, label.path, { numberedParts })
        : null;
    const opensUnseen =
      below?.partId != null && below.path.length > (label?.path.length ?? 0) && !seen(below.partId);
    if (
      label &&
      !force &&
      label.partId === null &&
      !revisit &&
      (!firstUnseenUnder(label.path) || (insideIt(label) && !opensUnseen)) &&
      !/^\s*(?:correct|revis|addend|addition)/i.test(line.text)
    )
      label = null;
    if (label?.weak) {
      // A weak label ("5.", "3", "b)") right after another label, before any content, is that
      // label's answer ("Ans 3.b" then "3"); one for a part already found is content too.
      // ("b) -" is not an empty label: its dash says the part is left blank)
      const afterEmptyLabel =
        current !== null &&
        current.lines.length === 0 &&
        current.labelLine.text.slice(current.label.end).trim() === '' &&
        !/[-–—_]\s*$/.test(current.labelLine.text);
      // (a guessed part's own label confirms the guess: "Q3" + intro, then "a) W_f …")
      // (unless the script goes over its answered parts again: "5  Output side = …" in its notes)
      const found =
        label.partId !== null &&
        seen(label.partId) &&
        !(current?.guessed && current.partId === label.partId) &&
        !revisitedBare;
      let innerOk = true;
      const next = body[i + 1];
      const sub =
        label.partId === null && next ? findLabel(next.text, tree, label.path, { numberedParts }) : null;
      // (a question number whose own sub-label follows heads that question, even right after a
      // part's label left empty: "b." left blank, then "4." over "a. dL/dc_t = …")
      const headsParts =
        sub !== null && sub.path.length > label.path.length && /^\s*\d{1,2}\s*[.):]?\s*$/.test(line.text);
      if (label.partId === null) {
        // a bare question number alone on its line ("3" as a heading) is taken when the next
        // line is one of its sub-labels, or when it is the next question in exam order
        // (with the question's marks after it, "iii [3]": nothing else on the line)
        const bare =
          line.text.trim().length <= 4 ||
          (line.text.slice(label.end).trim() === '' && /\[\s*\d{1,2}\s*\]\s*$/.test(line.text));
        // or when its first part is the exam's next part after the one being read ("b) C_t = …" after 1(a))
        const first = firstUnseenUnder(label.path);
        const k = current ? parts.findIndex((p) => p.id === current!.partId) : -2;
        // (or after the furthest part answered: a correction to an earlier part went back there,
        // "Correction to I.(b)(i): …", and the next question's heading, "III. Parameter count", goes on)
        const furthest = parts.reduce((m, p, n) => (seen(p.id) ? n : m), -2);
        const nextInOrder =
          first !== null && (parts.indexOf(first) === k + 1 || parts.indexOf(first) === furthest + 1);
        // or, with a full stop or bracket after it ("2. e_kj = …"), when it falls in exam order
        // between the question being read and the next plainly labelled one (parts in between may
        // have been answered inline, as "… C~_t = 6. 1b. C_t = …")
        const qOf = (q: string) => questions.indexOf(q);
        const curQ = current ? qOf(parts.find((p) => p.id === current!.partId)?.path[0] ?? '') : -1;
        const thisQ = qOf(label.path[0]);
        const inOrder =
          /^\s*\d{1,2}\s*[.)]/.test(line.text) &&
          first !== null &&
          thisQ > curQ &&
          thisQ <= nextPlainQuestion(i) &&
          !parts.some((p) => p.path[0] === label!.path[0] && seen(p.id));
        // or, alone on its line at the margin with its full stop ("4." after the answer to 5, "3/"
        // over "3/a"), a question not met yet, out of exam order
        const heading =
          /^\s*\d{1,2}\s*[.)/]\s*$/.test(line.text) &&
          first !== null &&
          indent <= marginOf(width) &&
          !parts.some((p) => p.path[0] === label!.path[0] && seen(p.id));
        innerOk =
          (sub !== null && sub.path.length > label.path.length) ||
          // (the sub-label its question's heading, alone on the line above, was left for)
          headedLine === line ||
          (bare && nextQuestion(label.path)) ||
          heading ||
          nextInOrder ||
          (nextAnnounced(label.path[0]) && first !== null && indent <= marginOf(width)) ||
          inOrder ||
          revisitedBare ||
          romanHeading(label, line, indent, width);
      }
      // A line that wraps after an operator ("so W_f is 3 ×" / "5.") continues there: its number
      // is part of the answer, not a question label.
      const prev = i > 0 ? body[i - 1] : undefined;
      // a number that goes on a numbered list inside the answer ("1. h_t = …", …, "5. …") is a step
      // (not a question's number over its own sub-label: "(3) 4 x 12 = 48" then "4." over "a) …")
      const listGoesOn = continuesList(line.text) && !headsParts;
      if (listGoesOn) label = null;
      // ("b) -" is a part left blank, not an expression going on)
      const goesOn = (prev: Line | undefined) =>
        prev !== undefined &&
        // (not at the top of the next column, back up the page)
        !(prev.page === line.page && line.box.y + line.box.h < prev.box.y) &&
        CONTINUES_ON_NEXT_LINE.test(prev.text) &&
        // (an ellipsis, "+ · · ·", ends the expression: the terms it stands for are not written)
        !/(?:·\s*·\s*·|⋯)\s*$/.test(prev.text) &&
        !/^\S{1,6}\s*[-–—_]+\s*$/.test(prev.text.trim()) &&
        // ("--- end of Q2 ---" ends its question, dashes and all)
        !END_OF_QUESTION.test(prev.text);
      // (or the line right above it at its own left edge, a table's cell wrapped after "= 3 ×" with
      // another cell's line read between them: "(a) Wf = 3 × (3+2) = 3 ×" / "15" / "5")
      const above = body
        .slice(Math.max(0, i - 3), i)
        .reverse()
        .find((l) => l.page === line.page && l.box.y < line.box.y && Math.abs(l.box.x - line.box.x) <= 8);
      const wraps =
        above !== undefined &&
        above !== prev &&
        line.box.y - (above.box.y + above.box.h) < above.box.h &&
        /^\s*\d{1,2}\s*$/.test(line.text) &&
        goesOn(above);
      if (wraps && !cutOff.has(line)) wrappedUnder = above;
      const continues = !cutOff.has(line) && (goesOn(prev) || wraps);
      if ((afterEmptyLabel && !headsParts) || found || !innerOk || continues || listGoesOn) label = null;
    }
    // "(1) W_f has 3 × 5 = 15 values" over "(2) b_f has 3 values": steps numbered inside an answer,
    // not question 1 started again (the next line goes on with the next number; under a question's
    // heading, "Ans. to Q.3" then "(1) …", the segmenter reads them as it always has)
    const step =
      label && !force && current?.partId && label.path.length === 1
        ? /^\s*\((\d)\)\s*\S/.exec(line.text)
        : null;
    if (step && new RegExp(`^\\s*\\(${Number(step[1]) + 1}\\)\\s*\\S`).test(body[i + 1]?.text ?? ''))
      label = null;
    // "(a) … (b) … (c)" numbering the steps of 3(c), the question's parts answered above: a list inside
    // the answer, not 3(a) and 3(b) answered again (its next or previous item stands close by)
    // (not the sub-label a question's heading stood for: "Ans-3" read as 3(a), then "a) W_f = 3 x 2")
    if (
      label &&
      !force &&
      current?.partId &&
      label.partId &&
      seen(label.partId) &&
      // (answered above, not only asked: a question copied out with its parts, "(a) What is …? (b) …",
      // is answered by the "(a)", "(b)" under it)
      segs.some(
        (sg) =>
          sg.partId === label!.partId &&
          !/\?\s*$/.test(sg.lines.filter((l) => l.text.trim()).at(-1)?.text ?? '?'),
      ) &&
      !(current.guessed && current.partId === label.partId) &&
      // (a line cut from a list of labels on one line, "(a) … (b) … (c) …", is that list's)
      !cutOff.has(line) &&
      innerItem(body, i)
    )
      label = null;
    if (!label && current && !orphanContext) {
      // a question's parts named by ordinals, under its heading: "…, the second is b_f …"
      const sib = nextSibling(current.partId);
      const ordinal: { at: number; length: number } | null =
        sib && (current.guessed || current.byOrdinal)
          ? ordinalAt(
              line.text,
              parts
                .filter((p) => p.path.slice(0, -1).join('/') === sib.path.slice(0, -1).join('/'))
                .indexOf(sib),
            )
          : null;
      if (sib && ordinal) {
        const ordinalLabel: Label = {
          path: sib.path.map((c) => c.toLowerCase()),
          partId: sib.id,
          end: ordinal.length,
          conf: 0.8,
          weak: false,
        };
        if (ordinal.at === 0) {
          label = ordinalLabel;
          ordinalLines.add(line);
        } else {
          const piece = cutAt(line, ordinal.at);
          if (piece) {
            readNext(piece.rest);
            forced.set(piece.rest, ordinalLabel);
            ordinalLines.add(piece.rest);
            if (piece.kept) current.lines.push(piece.kept);
            continue;
          }
        }
      }
    }
    if (!label && current && !orphanContext) {
      // inline labels in a line of an answer: the next sibling's ("…; (b) b_f is 3 × 1"), the
      // guessed part's own ("With [h, x] ∈ R^5: (a) W_f is 3 × 5"), or a later part's full label
      // ("… C~_t = 6. 1b. C_t = …")
      const at = parts.findIndex((p) => p.id === current!.partId);
      const later = (l: Label) =>
        parts.findIndex((p) => l.path.every((c, k) => p.path[k]?.toLowerCase() === c) && !seen(p.id)) > at;
      const cut = ownList(line.text, nextSibling(current.partId)?.id)
        ? null
        : (splitAtInlineLabel(line, nextSibling(current.partId) ?? undefined) ??
          (current.guessed
            ? splitAtInlineLabel(
                line,
                parts.find((p) => p.id === current!.partId),
              )
            : null) ??
          splitAtLaterLabel(
            line,
            tree,
            later,
            parts
              .find((p) => p.id === current!.partId)
              ?.path.slice(0, 1)
              .map((c) => c.toLowerCase()),
          ));
      if (cut) {
        readNext(cut.rest);
        if (cut.kept) current.lines.push(cut.kept);
        continue;
      }
    }
    // "--- end of Q2 ---": its question's answer ends there (a tally or rough work may follow)
    const ended = label ? null : END_OF_QUESTION.exec(line.text);
    if (ended) {
      if (current && parts.find((p) => p.id === current!.partId)?.path[0] === ended[1]) {
        closed = current;
        current = null;
      }
      continue;
    }
    // a label naming no part of the exam ("1 c -", "3(d)", "1(b)(iii)", "Q6"): what follows answers a
    // part the grader cannot name, set apart for a person, not read as more of the answer above
    if (!label && seenLabel && !listItems.has(line) && unknownLabel(line.text, tree)) {
      closed = current ?? closed;
      current = null;
      unlabelled.push(line);
      warnings.push(`"${line.text.trim().slice(0, 20)}" names no part of the exam`);
      continue;
    }
    if (!label) {
      if (!seenLabel) preamble.push(line);
      else if (current && !orphanContext) {
        const at = wrappedUnder ? current.lines.indexOf(wrappedUnder) : -1;
        if (at >= 0) current.lines.splice(at + 1, 0, line);
        else current.lines.push(line);
      } else unlabelled.push(line);
      continue;
    }
    seenLabel = true;
    context = label.path;
    let guessedHere = false;
    let shared: string[] | undefined;
    let content = contentOf(line, label.end);
    const marks = content ? marksAfterLabel(content.text, marksHabit, body[i + 1]?.text) : 0;
    if (marks && content) content = marks < content.text.length ? contentOf(content, marks) : null;
    // (or a line of its own after the label, on its row at the page's edge or below: "(b)  ……  [1]")
    const edge = !content && body[i + 1] ? marksOnly(body[i + 1].text) : null;
    if (edge === 'worded' || (edge === 'bare' && marksHabit)) body.splice(i + 1, 1);
    const splitBefore = (id: string | undefined) => {
      if (content && ownList(content.text, id)) return;
      const cut =
        content &&
        splitAtInlineLabel(
          content,
          parts.find((p) => p.id === id),
        );
      if (!cut) return;
      readNext(cut.rest);
      content = cut.kept;
    };
    // two sub-parts under one label ("3 (a) and b", "(a), (b)"): one answer for both
    // ("3 (a), (b), (c)": each next sibling in turn)
    let also: string[] | undefined;
    // (a range of them, "3a–c", "[3a--c]": every sibling up to the last letter)
    // (the label may have taken the dash: "c] …" is left)
    // (or sub-sub-parts, "1.b.i–ii", the dash perhaps taken by the label too, as in "Soln. 2(a)–(b).")
    // (or its letters run together in brackets, "[2ab]", "[3abc]", or a part's two sub-parts after a
    // colon, "[1b : i+ii]": the last one named, from the line as written)
    const letters = /^\s*\[\s*\d{1,2}\s*[a-h]([a-h]{1,3})\s*\][.:]?\s*/i.exec(line.text);
    const pair = /^\s*\[\s*\d{1,2}\s*[a-h]\s*[:.]\s*[ivx]{1,4}\s*\+\s*([ivx]{1,4})\s*\][.:]?\s*/i.exec(
      line.text,
    );
    const grouped = letters ?? pair;
    const range = content
      ? ((grouped && label.end <= grouped[0].length
          ? ([
              line.text.slice(label.end, grouped[0].length),
              letters ? letters[1].slice(-1) : grouped[1],
            ] as const)
          : null) ??
        /^\s*(?:–|—|-{1,2}|to)\s*\(?([a-h]|i{1,3}|iv)\)?\s*\]?[.:]?\s*/i.exec(content.text) ??
        /^\s*([a-h])\s*\][.:]?\s*/i.exec(content.text) ??
        (/[–—-]\s*$/.test(line.text.slice(0, label.end))
          ? /^\(?([a-h]|i{1,3}|iv)\)?[.:]?(?:\s+|$)/i.exec(content.text)
          : null))
      : null;
    for (let joint = label.partId ? nextSibling(label.partId) : null; range && joint; ) {
      const c = joint.path[joint.path.length - 1].toLowerCase();
      if (c > range[1].toLowerCase()) break;
      also = [...(also ?? []), joint.id];
      if (c === range[1].toLowerCase()) {
        content = range[0].length < (content?.text.length ?? 0) ? contentOf(content!, range[0].length) : null;
        break;
      }
      joint = nextSibling(joint.id);
    }
    for (let joint = label.partId && !also ? nextSibling(label.partId) : null; content && joint; ) {
      const c = joint.path[joint.path.length - 1].toLowerCase();
      // (the sibling's label may repeat its question: "2a/2b:", "3 (a) & 3 (b)")
      // (a question numbered in capital roman numerals: "II.(a) and II.(b)")
      const roman = joint.path.length === 2 ? ROMAN_QUESTIONS[Number(joint.path[0]) - 1] : undefined;
      const q = [joint.path.slice(0, -1).join('\\s*'), roman].filter(Boolean).join('|');
      const m = new RegExp(
        `^\\s*(?:,|&|\\+|/|and|–|-)\\s*(?:(?:${q})\\s*[./-]?\\s*)?\\(?\\s*${c}\\s*(?:\\)|(?=[\\s.:,]|$))[.:]?\\s*`,
        'i',
      ).exec(content.text);
      if (!m) break;
      also = [...(also ?? []), joint.id];
      content = m[0].length < content.text.length ? contentOf(content, m[0].length) : null;
      joint = nextSibling(joint.id);
    }
    // two sub-parts on one line: the next sibling's label starts a line of its own
    if (!also) splitBefore(label.partId ? nextSibling(label.partId)?.id : undefined);
    // a later part's full label on the same line ("f_t = 3, …, C~_t = 6. 1b. C_t = …")
    const splitLater = (id: string) => {
      const here = parts.findIndex((p) => p.id === id);
      const cut =
        content &&
        splitAtLaterLabel(
          content,
          tree,
          (l) =>
            parts.findIndex(
              (p) => l.path.every((c, k) => p.path[k]?.toLowerCase() === c) && !seen(p.id) && p.id !== id,
            ) > here,
          label!.path.slice(0, 1),
        );
      if (!cut) return;
      readNext(cut.rest);
      content = cut.kept;
    };
    if (label.partId) splitLater(label.partId);
    // "Q1 ↦ (b) i, ii": the question's sub-parts listed after its label, answered together
    const subList = label.partId === null && content ? subPartList(content.text, label.path) : null;
    if (subList && content) {
      label = { ...label, path: subList.ids[0].path, partId: subList.ids[0].id };
      also = subList.ids.slice(1).map((p) => p.id);
      content = subList.end < content.text.length ? contentOf(content, subList.end) : null;
    }
    if (label.partId === null) {
      // "Q1 b)" then an answer with no "i)": if what follows is not a sub-label, the answer most
      // likely belongs to the first sub-part not found yet (OCR also drops the letter of "3.a").
      const next = body[i + 1];
      const sub = next ? findLabel(next.text, tree, label.path, { numberedParts }) : null;
      const first = firstUnseenUnder(label.path);
      // text after a question's number, before its "(a)", introduces the question: it goes with
      // the first sub-part, which the "(a)" below then confirms
      const subUnder =
        sub !== null && sub.path.length > label.path.length && label.path.every((c, k) => sub.path[k] === c);
      // a correction to a question whose parts are all answered corrects them: it goes with the first
      const correcting = revisit || /^\s*(?:correct|revis)/i.test(line.text);
      const target =
        first ??
        (correcting
          ? (parts.find((p) => label!.path.every((c, k) => p.path[k]?.toLowerCase() === c)) ?? null)
          : null);
      const guess = !subUnder || (content && sub?.partId === target?.id) ? target : null;
      // (a bare number on the next line, "1. Input to the gate …", is a list inside the answer)
      if (guess && (content || (next && findLabel(next.text, tree, [])?.weak !== false))) {
        // ("Question 3. Moving on to question three, part (a): …": the text names the part itself)
        const named = content ? findLabel(content.text, tree, label.path) : null;
        // (in words: a bracketed "(i)" after the question's number stays a guess to be confirmed;
        // so does the sub-part's own label, "QUESTION 1.  1a) f_t is 4", "Q1. [a] …")
        const confirmed =
          named !== null &&
          !named.weak &&
          named.partId === guess.id &&
          (/^\s*[A-Za-z]{3,}/.test(content?.text ?? '') ||
            /^\s*(?:\d{1,2}\s*[.(]?\s*[a-h]\b|[([]\s*[a-h]\s*[)\]])/i.test(
              content?.text.slice(0, named.end) ?? '',
            ));
        if (confirmed && content) content = contentOf(content, named.end);
        else
          warnings.push(
            `"${line.text.slice(0, label.end).trim()}" has no sub-part label: read as ${guess.id}`,
          );
        if (revisit) {
          const under = label.path;
          shared = parts
            .filter((p) => p.id !== guess.id && under.every((c, k) => p.path[k]?.toLowerCase() === c))
            .map((p) => p.id);
        }
        label = {
          ...label,
          path: guess.path.map((c) => c.toLowerCase()),
          partId: guess.id,
          // (a question's working met again after its answers is no guess at where a part starts)
          // ("Ans-3" then "The first is W_f …": the ordinal names the first part)
          conf:
            label.conf *
            (revisit || confirmed || ordinalAt((content ?? next)?.text ?? '', 0)?.at === 0 ? 0.9 : 0.5),
        };
        // the context stays the question, so that its own "(a)" or "(i)" below confirms the guess
        context = label.path.slice(0, -1);
        // an introduction then "(a) …" on the same line, or the answer then "(ii) …"
        const before = content;
        splitBefore(guess.id);
        if (content === before) splitBefore(nextSibling(guess.id)?.id);
        if (confirmed) splitLater(guess.id);
        guessedHere = true;
      } else {
        current = null;
        orphanContext = true;
        if (subUnder && !content && next) headedLine = next;
        if (content) {
          unlabelled.push(content);
          warnings.push(`text after "${line.text.slice(0, label.end).trim()}" has no sub-part label`);
        }
        continue;
      }
    }
    orphanContext = false;
    const partId = label.partId as string;
    if (current && current.partId === partId) {
      // OCR drops strokes ("ii)" read as "i)"): on an OCR line, the same label again after an
      // answer, with the next sibling part still missing, is most likely that sibling.
      const sib = nextSibling(partId);
      // (not a part guessed from its question's heading: "Ans 3", its intro, then "(a)" is 3a's own label)
      // (typed, the same: a second "Ans 3 (b)" on its page over what answers 3(c), 3(c) labelled nowhere
      // after it, is most likely 3(c) mislabelled, read so at a confidence a person checks)
      // (the very label written again, "Ans 3 (b)" twice: not a list's "3. (a)" after a heading's guess)
      const written = (l: Line, end: number) => l.text.slice(0, end).replace(/\s+/g, '').toLowerCase();
      const typedSlip =
        line.conf >= 1 &&
        sib != null &&
        line.page === current.labelLine.page &&
        written(line, label.end) === written(current.labelLine, current.label.end) &&
        !laterInQuestion(body.slice(i + 1), sib, tree);
      if (
        (line.conf < 1 || typedSlip) &&
        current.lines.length > 0 &&
        sib &&
        !seen(sib.id) &&
        !current.guessed
      ) {
        label = {
          ...label,
          path: sib.path.map((c) => c.toLowerCase()),
          partId: sib.id,
          conf: label.conf * 0.6,
        };
        context = label.path;
        warnings.push(
          `label "${line.text.slice(0, label.end).trim()}" repeated ${partId}: read as ${sib.id}`,
        );
      } else {
        // the same label again straight after itself (e.g. repeated at the top of a new page), or
        // the label of a part we had guessed ("Question 3" + intro, then "(a)"): the label confirms it
        if (label.conf > current.label.conf) {
          current.label = label;
          current.guessed = false;
        }
        // ("3a/3b:" confirming a guessed 3a answers 3b with it)
        if (also) current.also = [...(current.also ?? []), ...also];
        current.repeated = [...(current.repeated ?? []), line];
        if (content) current.lines.push(content);
        continue;
      }
    }
    current = {
      partId: label.partId as string,
      label,
      lines: content ? [content] : [],
      labelLine: line,
      guessed: guessedHere,
      byOrdinal: ordinalLines.has(line),
      also,
      shared,
    };
    segs.push(current);
    labelLines.push({
      index: i,
      partId: current.partId,
      loose: line.conf < 1 && !force && (guessedHere || label.conf < 0.9),
      conf: label.conf,
    });
  }

  matrixRowsAbove(segs);
  introOnNewPage(segs, pageOf);
  centredCellAbove(segs, preamble, rules);
  tableBesideLabel(segs, preamble);
  const out: Record<string, PartAnswer> = {};
  const order: string[] = [];
  const summary = summaryRows(segs);
  // (a place holding only the paper's question, copied above the answers, "(a) What is the
  // dimension of W_f?  (b) …", is no second place the part is answered in)
  // (read whole: a question broken over lines, "… ot = {1, 0," / "0}, C̃t = {0.5, 0, 0.1}.")
  const askedOnly = (ls: Line[]) => asked(ls.map((l) => l.text).join(' '));
  const questionOnly = new Set<string>();
  for (const s of segs) {
    if (summary.has(s)) continue;
    const prev = out[s.partId];
    const regions = blockRegions(s.lines.length ? s.lines : [s.labelLine]);
    if (!prev) {
      order.push(s.partId);
      out[s.partId] = {
        partId: s.partId,
        text: s.lines.map((l) => l.text).join('\n'),
        lines: [...s.lines],
        regions,
        // (a row of labels side by side inside it, its columns not read: its lines may be other parts')
        labelConf: s.lines.some(sideBySideLabels) ? Math.min(s.label.conf, 0.5) : s.label.conf,
        conf: 0,
        occurrences: 1,
      };
      if (askedOnly(s.lines)) questionOnly.add(s.partId);
    } else {
      prev.lines.push(...s.lines);
      prev.text = prev.lines.map((l) => l.text).join('\n');
      prev.regions.push(...regions);
      prev.labelConf = Math.min(prev.labelConf, s.label.conf);
      // (the working written below a table of the question's parts goes on from the table: no second
      // place; nor does a note naming the part, "Notes (4 a): …", set below a grid of answers)
      const was = questionOnly.has(s.partId);
      const now = askedOnly(s.lines);
      if (!(was && now)) questionOnly.delete(s.partId);
      if (tableWorkingOf(s.labelLine) === undefined && !s.label.note && !was && !now) prev.occurrences += 1;
    }
  }
  // a question's working met again after its answers is each of its parts' working too
  for (const s of segs)
    for (const id of s.shared ?? []) {
      const to = out[id];
      if (!to || summary.has(s)) continue;
      appendLines(to, s.lines);
      if (tableWorkingOf(s.labelLine) === undefined) to.occurrences += 1;
    }
  // parts answered together get the same answer, where they have none of their own; where they
  // have ("2.a / 2.b  Score is …" in notes under a table of answers), it is their working too
  for (const s of segs)
    for (const id of s.also ?? []) {
      if (out[id]) {
        // (only going back to it: "Ans 3 a,b,c" over "a) …", "b) …" introduces them, it is no working of b;
        // and in words: a row of results, "3 × 5 / 3 × 1 / 72", restates them)
        const own = segs.findIndex((o) => o.partId === id);
        const words = (
          s.lines
            .map((l) => l.text)
            .join(' ')
            .match(/[A-Za-z]{3,}/g) ?? []
        ).length;
        if (
          summary.has(s) ||
          own > segs.indexOf(s) ||
          words < 3 ||
          out[id].lines.some((l) => s.lines.includes(l))
        )
          continue;
        appendLines(out[id], s.lines);
        out[id].occurrences += 1;
        continue;
      }
      const from = out[s.partId];
      const group = [s.partId, ...(s.also ?? [])];
      from.sharedWith = group.filter((g) => g !== s.partId);
      out[id] = {
        ...from,
        partId: id,
        lines: [...from.lines],
        regions: [...from.regions],
        occurrences: 1,
        sharedWith: group.filter((g) => g !== id),
      };
      order.splice(order.indexOf(s.partId) + 1, 0, id);
    }
  for (const p of Object.values(out)) {
    const words = p.lines.flatMap((l) => l.words);
    const wordConf = words.length ? words.reduce((s, w) => s + w.conf, 0) / words.length : 0.5;
    p.conf = Math.max(0, Math.min(1, p.labelConf * wordConf));
    if (p.occurrences > 1) warnings.push(`part ${p.partId} is answered in ${p.occurrences} places`);
  }
  return { preamble, parts: out, order, unlabelled, rough, warnings, labelLines, body, indents, widths };
}

/**
 * A label set beside a typeset column vector (`(ii) h_t = ⎡0.6044⎤ …`, the label on the middle row):
 * the vector's rows above the label line were read as the end of the answer before. Rows just above,
 * inside the label line's matrix brackets and holding only numbers, go back to the new answer, where
 * the evidence folds the column.
 */
function matrixRowsAbove(segs: Array<{ lines: Line[] }>): void {
  const glyph = (w: { text: string }) => /^[\s\u{e000}-\u{f8ff}]*$/u.test(w.text);
  for (let k = 1; k < segs.length; k++) {
    const first = segs[k].lines[0];
    const prev = segs[k - 1].lines;
    const brackets = first?.words.filter(glyph) ?? [];
    if (!first || brackets.length < 2) continue;
    const x0 = Math.min(...brackets.map((w) => w.box.x));
    const x1 = Math.max(...brackets.map((w) => w.box.x + w.box.w));
    let edge = first.box.y;
    let take = 0;
    for (let j = prev.length - 1; j >= 0; j--) {
      const l = prev[j];
      const inside = l.words.every((w) => w.box.x >= x0 && w.box.x + w.box.w <= x1);
      if (l.page !== first.page || !inside || !/^[\s\d.,+\-−]+$/.test(l.text) || !/\d/.test(l.text)) break;
      if (edge - l.box.y > first.box.h * 1.8) break;
      edge = l.box.y;
      take++;
    }
    if (take) segs[k].lines.unshift(...prev.splice(prev.length - take, take));
  }
}

/**
 * A question started on a new page with a line or two before its first label ("h_t has 3 entries,
 * [h_{t−1}, x_t] has 3 + 2 = 5", then "[3a] W_f : 3 × 5"), where the page before was left mostly
 * empty after the last answer: the student broke the page to start the question, so those lines
 * introduce it and are not the end of the answer before.
 */
function introOnNewPage(segs: Seg[], pageOf: Map<number, PageInfo>): void {
  const frame = (l: Line) => readingFrame(l, pageOf.get(l.page) ?? { width: 595, height: 842 });
  for (let k = 1; k < segs.length; k++) {
    const label = segs[k].labelLine;
    const prev = segs[k - 1].lines;
    // (a part met again, a summary's row, has no introduction)
    if (
      segs[k].label.path[0] === segs[k - 1].label.path[0] ||
      segs.slice(0, k).some((o) => o.partId === segs[k].partId)
    )
      continue;
    let take = 0;
    while (take < prev.length && prev[prev.length - 1 - take].page === label.page) take++;
    const before = prev[prev.length - 1 - take];
    if (!take || take > 3 || !before || before.page !== label.page - 1) continue;
    // (the page before ends in its top two thirds: nothing ran over onto this one)
    const { box, height } = frame(before);
    if (box.y + box.h > height * 0.67) continue;
    segs[k].lines.unshift(...prev.splice(prev.length - take, take));
  }
}

/**
 * A table row whose label cell is centred on a taller answer cell (an office table's default): the
 * label sits on the middle line of its answer, and the answer's first lines above it were read as
 * the end of the row before. Those lines move to the label's part when the label is in a column of
 * its own and the block they start, ending at a gap, is centred on the label, while the label's own
 * line is not the top of a block centred on it.
 */
function centredCellAbove(segs: Seg[], preamble: Line[], rules: Map<number, Rule[]>): void {
  const bottom = (l: Line) => l.box.y + l.box.h;
  for (let k = 0; k < segs.length; k++) {
    const all = segs[k].lines;
    // (the first row's answer starts in what was read as the header)
    const prev = k ? segs[k - 1].lines : preamble;
    const first = all[0];
    const labelLine = segs[k].labelLine;
    if (!first || first.page !== labelLine.page || prev.length < 2) continue;
    // (a row read in pieces, "∂h_t/∂c_t = …   ∂c_{t+1}/∂c_t = …   (elementwise)", is one line of
    // the cell: its pieces after the first are not the lines below it)
    const cur = [
      first,
      ...all
        .slice(1)
        .filter((l) => l.page !== first.page || Math.abs(l.box.y - first.box.y) >= first.box.h / 2),
    ];
    // (apart from its answer by more than a typed space; a drawn table's label cell may stand closer
    // to its answer's, its padding narrower than a typewriter's space: then only its row's border,
    // below, may say where the answer starts)
    const apart = (spaces: number) =>
      labelLine.words.filter((w) => w.box.x + w.box.w <= first.box.x - first.box.h * spaces);
    const typed = apart(0.75);
    // (closer, only where no word of the label's line runs into the answer's column: "Ans 4(b)"
    // over an indented answer is a heading, no cell)
    const cell =
      !typed.length &&
      labelLine.words.every(
        (w) => w.box.x + w.box.w <= first.box.x - first.box.h * 0.4 || w.box.x >= first.box.x - 1,
      );
    const labelWords = typed.length ? typed : cell ? apart(0.4) : [];
    // (the label may sit alone on a blank line of its answer, centred between two lines)
    if (!labelWords.length || Math.abs(first.box.y - labelLine.box.y) > labelLine.box.h * 3) continue;
    const label = unionBox(labelWords.map((w) => w.box));
    const centre = label.y + label.h / 2;
    // a cell's lines start at one x (the label line's own text may be cut a little off it; a
    // centred column's short entries a few points apart: "f_t | 2", "C_{t-1} | 1")
    const x = (cur[1] ?? prev[prev.length - 1]).box.x;
    // (from the label line's own text when that starts left of it: the cell's other lines indented a
    // few spaces, "&nbsp;&nbsp; output: 199 × 199 × 3")
    const left = Math.min(x, first.box.x);
    const inColumn = (l: Line) =>
      l.page === first.page && l.box.x >= left - 8 && l.box.x <= x + 8 && l.box.x > label.x + label.w;
    // a table that draws its rows: the row's top border, the lowest rule above the label across
    // both columns, says where its answer starts — when it parts this label from the one before
    // (not the page's own edge, which a converter may draw as a rule across the whole sheet)
    const drawn = (rules.get(labelLine.page) ?? []).filter((r) => r.y > 2);
    const top = drawn.filter((r) => r.y < label.y && r.x0 <= label.x + 2 && r.x1 >= x + 20);
    const border = top[top.length - 1];
    // (a border that stops short of the table's right edge runs under a merged cell, whose text
    // belongs to the rows on both sides of it: no row of its own. The edge is the one of the rows
    // beside it, the next rules up and down from the same left edge: a rule of another table or
    // a page's furniture elsewhere on the page says nothing of this one)
    const edge = border ? drawn.filter((r) => Math.abs(r.x0 - border.x0) <= 3).sort((a, b) => a.y - b.y) : [];
    const at = border ? edge.indexOf(border) : -1;
    const whole =
      border !== undefined && [edge[at - 1], edge[at + 1]].every((r) => !r || r.x1 <= border.x1 + 5);
    // (the row before ends at its last label: "Q3" with its introduction, then "(a)" in the table)
    const marks = k ? [segs[k - 1].labelLine, ...(segs[k - 1].repeated ?? [])] : [];
    const parted = border && !marks.some((m) => m.page === labelLine.page && m.box.y > border.y);
    // (a label closer than a typed space is a cell's only in a table drawn round it: a rule from the
    // same left edge below it too, the row's foot; a heading under a page's rule is none)
    const closed = typed.length > 0 || edge.some((r) => r.y > label.y + label.h);
    if (border && whole && parted && closed && x >= label.x + label.w + 3) {
      let take = 0;
      while (take < prev.length) {
        const l = prev[prev.length - 1 - take];
        if (l.page !== labelLine.page || l.box.y < border.y) break;
        take++;
      }
      // only a row of its own: text in the labels' column above it (a merged cell's "3", another
      // row's "A") leaves the row to the text's own reading
      const band = prev.slice(prev.length - take);
      if (band.every((l) => l.box.x >= x - 8)) {
        if (take) all.unshift(...prev.splice(prev.length - take, take));
        continue;
      }
    }
    if (!typed.length) continue;
    // (the label in a column of its own: a hanging label of typed text is over its answer's column)
    if (Math.abs(first.box.x - x) > 12 || x < label.x + label.w + 3) continue;
    let below = 1;
    while (below < cur.length && inColumn(cur[below]) && cur[below].box.y > first.box.y) below++;
    // (not the line of a label before: "1 (a) f_t → 3, …" is that row's, whatever its column)
    const onPrevLabel = (l: Line) =>
      marks.some((m) => m.page === l.page && Math.abs(m.box.y - l.box.y) < m.box.h / 2);
    let above = 0;
    while (
      above < prev.length - 1 &&
      inColumn(prev[prev.length - 1 - above]) &&
      !onPrevLabel(prev[prev.length - 1 - above])
    )
      above++;
    const column = [...prev.slice(prev.length - above), ...cur.slice(0, below)];
    const steps = column.slice(1).map((l, i) => l.box.y - column[i].box.y);
    const pitch = Math.min(first.box.h * 1.5, ...steps.filter((d) => d > first.box.h * 0.6));
    // a row's edge: more than a line's pitch; inside a cell, at most one blank line
    const gap = (upper: Line, lower: Line) =>
      lower.page !== upper.page || lower.box.y - upper.box.y > pitch * 1.3;
    const close = (upper: Line, lower: Line) => lower.box.y - upper.box.y <= pitch * 2.3;
    // (a label on its answer's line has no blank line above it: one between two lines may)
    const onItsLine = Math.abs(first.box.y - label.y) < first.box.h / 2;
    // how far the block of `take` lines above and the label's line (to a gap below) is from being
    // centred on the label, at best
    const offCentre = (take: number) => {
      const block = [...prev.slice(prev.length - take), first];
      if (block.slice(1).some((l, i) => !close(block[i], l))) return Infinity;
      if (take && onItsLine && gap(block[take - 1], first)) return Infinity;
      const before = prev[prev.length - take - 1];
      if (take && before && !gap(before, block[0])) return Infinity;
      let best = Infinity;
      for (let e = 1; e <= below; e++) {
        if (e > 1 && !close(cur[e - 2], cur[e - 1])) break;
        if (e < below && !gap(cur[e - 1], cur[e])) continue;
        best = Math.min(best, Math.abs((block[0].box.y + bottom(cur[e - 1])) / 2 - centre));
      }
      return best;
    };
    const tolerance = Math.max(2, label.h * 0.2);
    if (offCentre(0) <= tolerance) continue;
    // (a blank line inside the answer may centre a shorter block by chance: the closest wins)
    let take = 0;
    let off = tolerance;
    for (let t = 1; t <= above; t++) {
      const o = offCentre(t);
      if (o <= off) [take, off] = [t, o];
    }
    if (take) all.unshift(...prev.splice(prev.length - take, take));
  }
}

/**
 * A table set on its label's line (LaTeX's `\textbf{I.(a)} \begin{tabular}…`, centred on the line):
 * its rows above the label's line were read as the end of what came before. Lines just above, set
 * in at the table's first column (its head may be centred over it), go to the label's part when the
 * table they make with the rows below is centred on the label.
 */
function tableBesideLabel(segs: Seg[], preamble: Line[]): void {
  const labelLines = segs.flatMap((s) => [s.labelLine, ...(s.repeated ?? [])]);
  for (let k = 0; k < segs.length; k++) {
    const cur = segs[k].lines;
    const prev = k ? segs[k - 1].lines : preamble;
    const first = cur[0];
    const labelLine = segs[k].labelLine;
    if (!first || first.page !== labelLine.page || !prev.length) continue;
    const labelWords = labelLine.words.filter((w) => w.box.x + w.box.w <= first.box.x + 0.5);
    if (!labelWords.length || Math.abs(first.box.y - labelLine.box.y) > first.box.h / 2) continue;
    const label = unionBox(labelWords.map((w) => w.box));
    const x = first.box.x;
    const row = first.box.h;
    // (a typed space after the label: a label in a column of its own is `centredCellAbove`'s)
    if (x - (label.x + label.w) > row * 0.8) continue;
    const step = (upper: Line, lower: Line) => lower.box.y - upper.box.y;
    let below = 1;
    while (
      below < cur.length &&
      cur[below].page === first.page &&
      Math.abs(cur[below].box.x - x) <= 8 &&
      step(cur[below - 1], cur[below]) <= row * 1.6
    )
      below++;
    let above = 0;
    for (let j = prev.length - 1; j >= 0; j--) {
      const l = prev[j];
      const lower = j + 1 < prev.length ? prev[j + 1] : first;
      if (l.page !== first.page || l.box.x < x - 8 || l.box.x > x + 40 || step(l, lower) > row * 1.9) break;
      // (a row another label heads is that label's: a table with a column of labels; a label level
      // with it in the next column, right of where it ends, heads another row)
      const middle = l.box.y + l.box.h / 2;
      const heads = (m: Line) =>
        m.page === l.page && middle >= m.box.y && middle <= m.box.y + m.box.h && m.box.x < l.box.x + l.box.w;
      if (labelLines.some(heads)) break;
      above++;
    }
    // (a table: two rows or more above the label's, short ones; one line centred on it may be chance)
    if (above < 2 || below < 2) continue;
    const centre = label.y + label.h / 2;
    const bottom = cur[below - 1].box.y + cur[below - 1].box.h;
    const offCentre = (take: number) => Math.abs((prev[prev.length - take].box.y + bottom) / 2 - centre);
    const tolerance = Math.max(2, label.h * 0.3);
    if (Math.abs((first.box.y + bottom) / 2 - centre) <= tolerance) continue;
    let take = 0;
    let off = tolerance;
    for (let t = 2; t <= above; t++) if (offCentre(t) <= off) [take, off] = [t, offCentre(t)];
    if (!take) continue;
    const rows = prev.slice(prev.length - take);
    // (a table's top: a gap above its first row, or nothing)
    const before = prev[prev.length - take - 1];
    const top = !before || before.page !== first.page || step(before, rows[0]) > row * 1.6;
    if (top && rows.every((l) => l.words.length <= TABLE_ROW_WORDS))
      cur.unshift(...prev.splice(prev.length - take, take));
  }
}

/** A line ending in a word no sentence ends with: it goes on on the next line ("… because unrolling"). */
const OPEN_ENDED =
  /\b(?:[a-z]{3,}ing|of|for|the|a|an|from|by|and|or|to|in|on|at|with|because|that|which|as|so|then|via|per|into|than|whence|hence|thus|where|when|gives?|shows?|yields?)$/i;

/** A table row beside a label holds a few cells, not a sentence. */
const TABLE_ROW_WORDS = 6;

/** How far from the left edge a line still starts at the margin (a bare label must). */
const marginOf = (width: number) => Math.max(20, width * 0.04);

/**
 * The lines a script centres, where it centres its text (a word processor's centred paragraphs, LaTeX's
 * center, a typed page padded with spaces): lines set in from the margin whose middles agree, near the
 * page's middle; none where fewer than three in ten lines are so.
 */
function centredLines(
  body: Line[],
  margin: Map<number, number>,
  pageOf: Map<number, { width: number; height: number }>,
): Set<Line> {
  const width = (l: Line) => pageOf.get(l.page)?.width ?? 595;
  const mid = (l: Line) => l.box.x + l.box.w / 2;
  const setIn = body.filter((l) => l.box.x - (margin.get(l.page) ?? 0) > marginOf(width(l)));
  if (setIn.length < 6) return new Set();
  const middle = median(setIn.map(mid));
  // (centred by eye on a typed page: within a few characters)
  const out = setIn.filter((l) => Math.abs(mid(l) - middle) < width(l) * 0.05);
  const page = width(body[0]) / 2;
  // (centring sets short lines in further than long ones: an indented block keeps one edge)
  const starts = new Set(out.map((l) => Math.round(l.box.x / 4)));
  if (out.length < 6 || Math.abs(middle - page) >= page * 0.3 || starts.size < 4) return new Set();
  // (half the lines or more: the script centres everything; fewer, as a page of displayed maths
  // centres its formulas too, only its short lines with no equation, its headings and labels)
  if (out.length >= body.length * 0.5) return new Set(out);
  return out.length >= body.length * 0.3
    ? new Set(out.filter((l) => l.text.trim().length <= 40 && !l.text.includes('=')))
    : new Set();
}

/**
 * Reads a summary after the working into `seg`, when each of its questions was answered: a row that
 * only restates the answers is left out; one that adds a value ends its question's last answer, as a
 * second place the part is answered in, and goes to a person unless that answer points to the
 * summary ("total: see summary"). False when a question of the summary has no answer.
 */
function foldSummary(
  summary: { lines: Set<Line>; rows: Map<string, Line[]> },
  seg: Segmentation,
  parts: Array<{ id: string; path: string[] }>,
): boolean {
  // (a row keyed by a part id is that part's; one keyed by a question number, its parts')
  const answered = (key: string) =>
    parts.filter((p) => (p.id === key || p.path[0] === key) && seg.parts[p.id]).map((p) => seg.parts[p.id]);
  if ([...summary.rows.keys()].some((q) => !answered(q).length)) return false;
  const question = (key: string) => parts.find((p) => p.id === key)?.path[0] ?? key;
  // (a note ahead of the answers pointing to it: "The results of all parts are collected in the table at the end")
  const announced = seg.preamble.some((l) => SUMMARY_ANNOUNCED.test(l.text));
  for (const [key, row] of summary.rows) {
    // (what the row restates may stand in any answer to its question: "2(a) … 2(b) 0 extra")
    const said = answered(question(key)).map((a) => a.text);
    if (rowRestates(said.join('\n'), row.map((l) => l.text).join('\n'))) continue;
    const answers = answered(key);
    const to = answers[answers.length - 1];
    // (pointed to, a row is read as the answer's own result, unless it miscopies one worked out)
    const pointed =
      (announced || /\bsummary\b/i.test(to.text)) &&
      !rowMiscopies(to.text, row.map((l) => l.text).join('\n'));
    appendLines(to, row);
    to.occurrences += 1;
    to.summaryRows = (to.summaryRows ?? 0) + 1;
    if (!pointed) to.conf = Math.min(to.conf, SUMMARY_ROW_CONF);
    seg.warnings.push(`part ${to.partId} is answered in ${to.occurrences} places`);
  }
  seg.warnings.push(
    `a summary of the answers (${summary.lines.size} lines) after the working is read with them`,
  );
  return true;
}

const SUMMARY_ANNOUNCED =
  /\b(?:results?|answers?|values?)\b.{0,60}\b(?:collected|gathered|listed|summari[sz]ed|given|repeated)\b.{0,40}\b(?:at the end|below|in the (?:last |final )?(?:table|list|summary))|\bsummary\b.{0,30}\bat the end\b/i;
/** A label closed by a dash on a line of its own: "1 a -", "1 b ii –", "5 -". */
const DASH_LABEL = /^\s*\d{1,2}(?:\s*[a-h](?:\s*[ivx]{1,4})?)?\s*[-–—]\s*$/;
/** A question's number alone closed by a dash: "5 -". */
const QUESTION_DASH = /^\s*\d{1,2}\s*[-–—]\s*$/;

/** A summary's row that adds a value its answer never pointed to: where it belongs is a guess. */
const SUMMARY_ROW_CONF = 0.6;

/** Lines added to an answer found before: its text and regions follow. */
function appendLines(to: PartAnswer, lines: Line[]): void {
  insertLines(to, to.lines.length, lines);
}

/** Lines put into a part's answer at `at`, its text and regions with them. */
function insertLines(to: PartAnswer, at: number, lines: Line[]): void {
  to.lines.splice(at, 0, ...lines);
  to.text = to.lines.map((l) => l.text).join('\n');
  to.regions.push(...blockRegions(lines));
}

/** One region per run of consecutive lines on the same page. */
function blockRegions(lines: Line[]): Region[] {
  const out: Region[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length) out.push({ page: run[0].page, box: unionBox(run.map((l) => l.box)) });
    run = [];
  };
  for (const l of lines) {
    if (run.length && run[0].page !== l.page) flush();
    run.push(l);
  }
  flush();
  return out;
}
