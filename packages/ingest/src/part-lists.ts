// Lines that list the exam's parts without answering them: an examiner's marks grid a booklet prints
// above the answers ("For examiner use only": the parts' labels in a row, "1(a) | 1(b) | … | 5 |
// Total", over empty cells, "Q1a [ ]  Q1b [ ] …", "1(a) ___ 2(a) ___ … Total ___ /20"), a table
// of contents ("1.  (b) i, ii ........ page 1") and a tally of the questions done ("Ques-4 ✘", a cover
// page's "Q1   5   a, b(i), b(ii)"). Their labels head no answers: read as labels, each
// would open a part whose answer is the next cell or the page number, and the real labels below
// would read as second answers.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';
import { LEADERS, PAGE_AT_END } from './summary.ts';
import { BOXED } from './task-marks.ts';

/** A grid's borders and empty cells: "|", "+----+", "[ ]", "___", "□", "[ / 20 ]", "/20", "Σ". */
const FILLER =
  /[|+=_~▢□☐■◻]+|-{2,}|\[\s*(?:\/\s*\d{1,3}\s*)?\]|\(\s*\)|\/\s*\d{1,3}\b|[Σ∑]|^[\s.'`-]+|[\s.'`-]+$/g;
/** The words a grid has besides the labels: its row and column names. */
const GRID_WORD =
  /^(?:total|marks?|sum|grade|score|max(?:imum)?|expected|exp\.?|self|obtained|awarded|part|parts|question|questions|q\.?|no\.?|sign(?:ature)?|examiner|for|use|only|of|:)$/i;
/** Rows of a grid apart from its labels, at most: a "Marks" row, a border left over. */
const GRID_ROWS = 4;

/** A mark a student gives a part: a small number, perhaps a half. */
const MARK = /^\d{1,2}(?:\.5)?$/;
/** The words of a row of marks a student expects: "max", "expected", "exp.", "self", "my marks", "so far". */
const MARKS_WORD =
  /^(?:expected|exp\.?|est(?:imated?)?\.?|self|my|mine|max\.?|marks?|total|sum|score|running|so|far|out|of)$/i;

/**
 * The parts a row of labels names and nothing else (beside its filler and the row's own words), each
 * label followed by its marks where `marked` ("Q1(a) 3 | Q1(b) 2 | … | Q5 3", a student's estimate);
 * null when the line holds more. A label is up to three words, whole ("Q1 (a)", "1 (b) (ii)"), the
 * longest that leaves the rest labels too: "I(b) II a" is 1(b) and 2(a), not 1(b)(ii) and a stray "a".
 */
function labelRow(
  text: string,
  tree: PartTree,
  marked: boolean,
): { paths: string[][]; words: number } | null {
  const tokens = text.replace(FILLER, ' ').trim().split(/\s+/).filter(Boolean);
  const rowWord = (t: string) => (marked ? MARKS_WORD.test(t.replace(/:$/, '')) : GRID_WORD.test(t));
  const mark = (t: string | undefined) => t !== undefined && MARK.test(t) && Number(t) <= 20;
  type Read = { paths: string[][]; words: number } | null;
  const memo = new Map<number, Read>();
  const from = (i: number): Read => {
    if (!memo.has(i)) memo.set(i, readFrom(i));
    return memo.get(i) ?? null;
  };
  const readFrom = (i: number): Read => {
    if (i >= tokens.length) return { paths: [], words: 0 };
    if (rowWord(tokens[i])) {
      const rest = from(i + 1);
      return rest && { paths: rest.paths, words: rest.words + 1 };
    }
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const group = tokens.slice(i, i + n).join(' ');
      const l = findLabel(group, tree, [], { bare: true, plain: true });
      if (!l || l.end < group.length || !tree.isNode(l.path)) continue;
      if (marked && !mark(tokens[i + n])) continue;
      const rest = from(i + n + (marked ? 1 : 0));
      if (rest) return { paths: [l.path, ...rest.paths], words: rest.words };
    }
    return null;
  };
  return from(0);
}

/** The parts a line names and nothing else (beside its filler and grid words); null when it holds more. */
export const labelsOnly = (text: string, tree: PartTree) => labelRow(text, tree, false);

/** The parts of a row of marks given label by label and nothing else; null when the line holds more. */
const labelsWithMarks = (text: string, tree: PartTree) => labelRow(text, tree, true)?.paths ?? null;

/** A row of marks under a grid of labels: small numbers and the row's name ("max 3 2 1 1 3", "| 3 | 2 | 0.5 |"). */
function marksRow(text: string): boolean {
  const tokens = text
    .replace(FILLER, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/[:.]+$/, ''))
    .filter(Boolean);
  const marks = tokens.filter((t) => MARK.test(t) && Number(t) <= 20);
  return marks.length >= 3 && tokens.every((t) => (MARK.test(t) && Number(t) <= 20) || MARKS_WORD.test(t));
}

/** Whether `next` holds answers right under the row of labels `row`: the next line of a table, no label of its own. */
function beneath(row: Line, next: Line, tree: PartTree): boolean {
  if (!next.text.replace(FILLER, ' ').trim() || labelsOnly(next.text, tree) || marksRow(next.text))
    return false;
  if (findLabel(next.text, tree, [], {})) return false;
  return next.box.y - (row.box.y + row.box.h) < row.box.h;
}

/** A contents line's tail: dot leaders and a page, "…… page 1", ". . . p. 2", "    p.3". */
const CONTENTS_TAIL = new RegExp(String.raw`(?:${LEADERS}|\s{2,})${PAGE_AT_END}`, 'i');

/** Whether a number closing an entry is a page of a script of `pages` pages (its cover perhaps not counted). */
const isPage = (n: string | undefined, pages: number) =>
  n !== undefined && Number(n) >= 1 && Number(n) <= pages + 1;

/** An editor's contents entry's tail: dot leaders to the line's end, perhaps its bare page ("…… 2", ". . . ."). */
const LEADERED = /(?:\.\s*){4,}\d{0,3}\s*$|…{2,}\s*\d{0,3}\s*$/;

/**
 * A table of contents' line: a label, perhaps its sub-parts listed ("(b) i, ii", "a, b, c"), the page;
 * or, as an editor builds one, a label and the part's title run out in dot leaders to its page
 * ("1.2.1 Q1(b)(i) C_t ........ 2", "2.2 Part (b) — additional parameters . . . . .").
 */
function contentsLine(text: string, tree: PartTree, pages: number): boolean {
  const tail = CONTENTS_TAIL.exec(text);
  // (the entry's own section number before the label, "1.2.1 1/b/i", set aside)
  const entry = text.replace(/^\s*\d{1,2}(?:\.\d{1,2}){1,3}\s+(?=\S)/, '');
  const lead =
    findLabel(entry, tree, [], { bare: true, plain: true }) ??
    findLabel(text, tree, [], { bare: true, plain: true });
  // (working has no leaders; a title may say "when f_t = 1" before a long run of them)
  // (the number the leaders run to is a page of the script: a ledger's "3(c) total ........ 72" is an answer)
  // (and there is one: leaders alone after a label are a heading's rule, "1.a ........")
  const page = /(?:\.\s*|…)(\d{1,3})\s*$/.exec(text)?.[1];
  if (
    lead &&
    LEADERED.test(text) &&
    isPage(page, pages) &&
    (!/[=≈]/.test(text) || /(?:\.\s*){8,}\d{0,3}\s*$/.test(text))
  )
    return true;
  if (!tail) return false;
  const head = text.slice(0, tail.index);
  const l = findLabel(head, tree, [], { bare: true, plain: true });
  return l !== null && /^[\s,&()a-hivx.:\-–]*$/i.test(head.slice(l.end));
}

/** After a label in a marks table's column: its marks in brackets and an empty cell ("Q5 (3) :", "Q2 [2] ____"). */
const MARKS_CELL = /^\s*[([]\s*\d{1,2}(?:\.5)?\s*(?:marks?|m)?\s*[)\]]\s*[:\-–=_.|]*\s*$/i;

/** A line of a marks table set as a column: a part's label, its marks and nothing after them. */
function marksColumnLine(text: string, tree: PartTree): boolean {
  const l = findLabel(text, tree, [], { bare: true, plain: true });
  return l !== null && MARKS_CELL.test(text.slice(l.end));
}

/**
 * A cover page's marks table set down the page, one label to a line with its marks and an empty cell
 * ("Q1 (5) :" … "Q5 (3) :", "Total (20) :"): runs of three such lines or more, one under another, with
 * a total's line after them. One alone is a heading with the paper's marks ("Q.5 [3]" over its answer).
 */
function marksColumns(lines: Line[], tree: PartTree): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j].page === lines[i].page && marksColumnLine(lines[j].text, tree)) j++;
    if (j - i >= 3) {
      out.push(...lines.slice(i, j));
      if (
        j < lines.length &&
        /^\s*total\b/i.test(lines[j].text) &&
        MARKS_CELL.test(lines[j].text.replace(/^\s*total/i, ''))
      )
        out.push(lines[j]);
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** A table of contents' heading. */
const CONTENTS_HEADING = /^\s*(?:table\s+of\s+)?contents\s*:?\s*$|^\s*index\s*:?\s*$/i;

/**
 * The whole table of contents around its entries: between the first entry and the last on a page,
 * the entries an editor sets without leaders (a section's "Question 2 — Attention", its page apart at
 * the margin), the page numbers alone and an entry's wrapped words; and the heading above it.
 */
function contentsBlock(lines: Line[], entries: Set<Line>, tree: PartTree, pageCount: number): Set<Line> {
  // (an entry whose leaders had no room, its page after a space: "V. 3,120,000; 200 × 200 × 3  2")
  const squeezed = (text: string) => {
    const page = /\s(\d{1,3})\s*$/.exec(text)?.[1];
    return isPage(page, pageCount) && findLabel(text, tree, [], { bare: true, plain: true }) !== null;
  };
  const out = new Set<Line>();
  const pages = new Set([...entries].map((l) => l.page));
  for (const page of pages) {
    const at = lines.map((l, i) => (l.page === page && entries.has(l) ? i : -1)).filter((i) => i >= 0);
    if (at.length < 2) continue;
    // (from its heading where it has one a little above: an entry's number and label may come out
    // of the text layer as lines of their own before the first entry with leaders, "1.1", "Q.1")
    const heading = lines.findIndex(
      (l, i) => l.page === page && i < at[0] && i >= at[0] - 12 && CONTENTS_HEADING.test(l.text),
    );
    const first = heading >= 0 ? heading : at[0];
    // (to its last line of leaders: an item's entry names no part, "5.2 depthwise ........ 6")
    let last = at[at.length - 1];
    for (let i = last + 1; i < lines.length && i <= last + 3 && lines[i].page === page; i++)
      if (LEADERED.test(lines[i].text) || (i === last + 1 && squeezed(lines[i].text))) last = i;
    for (let i = first; i <= last; i++) {
      // (a line of the block: no working in it, an entry's words; an answer between entries ends it)
      const words = lines[i].text
        .replace(/(?:\.\s*){2,}|…+/g, ' ')
        .trim()
        .split(/\s+/)
        .filter((t) => /[\p{L}\p{N}]/u.test(t));
      if (/[=≈]/.test(lines[i].text) || words.length > 12) continue;
      out.add(lines[i]);
    }
    // (its page numbers, set apart at the right margin level with an entry: "2")
    for (const l of lines)
      if (
        l.page === page &&
        /^\s*\d{1,3}\s*$/.test(l.text) &&
        l.box.y >= lines[first].box.y - 2 &&
        l.box.y <= lines[last].box.y + lines[last].box.h
      )
        out.add(l);
    for (let i = first - 1; i >= 0 && i >= first - 3; i--)
      if (CONTENTS_HEADING.test(lines[i].text) || /^\s*[=\-_]{3,}\s*$/.test(lines[i].text)) out.add(lines[i]);
  }
  return out;
}

/**
 * A line of a checklist's boxes: a box, a part's label and nothing more ('one'), or box and label
 * again after it ('row'); null for anything else.
 */
function boxRow(text: string, tree: PartTree): 'one' | 'row' | null {
  if (!BOXED.test(text)) return null;
  let rest = text;
  let pairs = 0;
  while (rest.trim()) {
    if (!BOXED.test(rest)) return null;
    const l = findLabel(rest, tree, [], { plain: true });
    if (!l?.path.length) return null;
    // (the label read up to the next box: "[x] Q1(a)  [x] Q1(b)(i)")
    const tail = rest.slice(l.end);
    const next = tail.search(/(?:^|\s)(?=\[|[☐☑☒⊠✓✔])/);
    if (tail.trim() && next < 0) return null;
    rest = next < 0 ? '' : tail.slice(next);
    pairs++;
  }
  return pairs >= 2 ? 'row' : 'one';
}

/** The label a line opens with, as a key ("1/a"). */
const labelKey = (text: string, tree: PartTree) =>
  findLabel(text, tree, [], { bare: true, plain: true })?.path.join('/') ?? '';

/** A tick, a cross or a word saying whether a question was done: "✓", "yes", "not done", "partly". */
const DONE =
  /[✔✓✗✘☑☒✅❌]|\b(?:yes|no|done|attempted|answered|skipped|left|partly|partial|all|corrected(?:\s+above)?|wip|todo|revisit|blocked|pending|doing)\b/i;

/**
 * A checklist's or a cover page's tally line: a label, then only its marks, the sub-parts done and a
 * tick or word ("Ques-4 ✘ (not done)", "Q2 ✓", "Q1   5   a, b(i), b(ii)", "Q5   3   yes"). Marks are
 * small numbers; an answer's numbers (72, 3 × 5, 0.7) and words make it no tally.
 */
function tallyLine(text: string, tree: PartTree): boolean {
  const l = findLabel(text, tree, [], { bare: true, plain: true });
  if (!l) return false;
  // (a task list's dot leaders, and a note in brackets after its status: "5 ...... DONE (finish if time)")
  const rest = text
    .slice(l.end)
    .replace(/(\b(?:done|wip|todo|skipped|revisit|pending)\b.*?)\s*\([^()]*\)\s*$/i, '$1');
  const tokens = rest.split(/[\s,&/()[\]:\-–]+/).filter((t) => t && !/^(?:\.{2,}|…+)$/.test(t));
  // (a tick or word, or the marks and the sub-parts done: sub-parts alone, "Q2 ↦ (a), (b)", head an
  // answer to both, and marks alone, "I (a)   [3]", are the paper's beside a label)
  const said =
    DONE.test(rest) ||
    (tokens.some((t) => /^\d{1,2}$/.test(t)) &&
      tokens.some((t) => /^[a-h]$|^[a-h]?(?:i|ii|iii|iv)$/i.test(t)));
  return (
    said &&
    tokens.every(
      (t) =>
        /^(?:\d{1,2}|[a-h]|[a-h]?(?:i|ii|iii|iv)|marks?|not|\.)$/i.test(t) ||
        DONE.test(t) ||
        (/^\d{1,2}$/.test(t) && Number(t) <= 20),
    ) &&
    tokens.filter((t) => /^\d+$/.test(t)).every((t) => Number(t) <= 20)
  );
}

/** A plan's budget after a question's label: its marks, then its minutes or the rest of the time ("5 marks, ∼7.5 min", "7 marks rest (∼9 min)"). */
const BUDGET =
  /^\s*[,:\-–—]?\s*(?:\(?\s*\d{1,2}(?:\.5)?\s*(?:marks?|m)\b\s*\)?\s*[,;:\-–—→]?\s*)?(?:(?:[~∼≈]|approx\.?|about)\s*)?(?:\d{1,2}(?:\.\d)?\s*min(?:ute)?s?\b|rest\b|remaining\b)([^=\n]*)$/i;

/**
 * A time plan's line: a question's label, its marks and the minutes given to it, and a few words
 * ("Q1: 5 marks, ∼7.5 min", "Q2 2 marks 3 min   quick one first"). Read as labels, each would open
 * its question above the answers and the real labels below would read as second answers.
 */
function planLine(text: string, tree: PartTree): boolean {
  const l = findLabel(text, tree, [], { bare: true, plain: true });
  // (the paper's marks beside a label are read with it: "Q2 2 marks" then "3 min")
  const budget = l ? BUDGET.exec(text.slice(l.end)) : null;
  return budget !== null && /marks?\b|\dm\b/i.test(text) && budget[1].trim().split(/\s+/).length <= 6;
}

/**
 * The lines without the marks grids, contents, checklists and time plans: a line of four part labels or more from two questions or more,
 * in the exam's order and nothing else, with the grid's other rows beside it (its labels run on, a
 * "Marks" row, empty cells); a table of contents' lines, two or more; a checklist's, three or more; a time plan's, two or more.
 */
export function withoutPartLists(lines: Line[], tree: PartTree): Line[] {
  // (an entry read by its row: a text layer may give its label, its leaders and its page as three
  // lines level with one another, "2.2 Soln. 2(b)", ". . . . .", "3")
  const rowText = (l: Line) =>
    lines
      .filter((o) => o.page === l.page && Math.abs(o.box.y - l.box.y) < 1.5)
      .sort((a, b) => a.box.x - b.box.x)
      .map((o) => o.text)
      .join(' ');
  const pages = Math.max(0, ...lines.map((l) => l.page));
  const contents = lines.filter(
    (l) => contentsLine(l.text, tree, pages) || contentsLine(rowText(l), tree, pages),
  );
  // (a tally line naming a part the list above named already, "1.a  [DONE]" over its answer, is that
  // answer's heading)
  const listed = new Set<string>();
  const ticked = lines.filter((l) => {
    if (!tallyLine(l.text, tree)) return false;
    const key = labelKey(l.text, tree);
    if (listed.has(key)) return false;
    listed.add(key);
    return true;
  });
  const planned = lines.filter((l) => planLine(l.text, tree));
  // a checklist of boxes ticked beside labels, "[x] Q1(a)  [x] Q1(b)(i)" over "[x] Q5": its rows, one
  // beside another (a box before each answer's own label, "☑ 1 b ii -" over its working, stays)
  const boxed = lines.map((l) => boxRow(l.text, tree));
  const boxes = lines.filter((_, i) => boxed[i] && (boxed[i] === 'row' || boxed[i - 1] || boxed[i + 1]));
  const drop = new Set<Line>([
    ...boxes,
    ...(contents.length >= 2 ? contents : []),
    ...(contents.length >= 3 ? contentsBlock(lines, new Set(contents), tree, pages) : []),
    ...marksColumns(lines, tree),
    ...(ticked.length >= 3 ? ticked : []),
    ...(planned.length >= 2 ? planned : []),
  ]);
  // (a label's place in the exam: its first part's)
  const leaves = tree.leavesUnder([]).map((p) => p.join('/'));
  const order = (path: string[]) => leaves.findIndex((l) => `${l}/`.startsWith(`${path.join('/')}/`));
  const inOrder = (paths: string[][]) =>
    paths.length >= 4 &&
    new Set(paths.map((p) => p[0])).size >= 2 &&
    paths.map(order).every((n, k, at) => n >= 0 && (k === 0 || n > at[k - 1]));
  for (const l of lines) {
    const pairs = labelsWithMarks(l.text, tree);
    if (pairs && inOrder(pairs)) drop.add(l);
  }
  for (let i = 0; i < lines.length; i++) {
    const row = labelsOnly(lines[i].text, tree);
    if (!row || !inOrder(row.paths)) continue;
    // (a row of labels with answers right beneath it heads a table of answers, not a grid)
    const next = lines[i + 1];
    if (next && next.page === lines[i].page && beneath(lines[i], next, tree)) continue;
    drop.add(lines[i]);
    // the grid's other rows on its page: its labels run on, its row names, its empty cells (labels
    // after an empty row, or met already, are a box's own title below the grid: "Q1a [ ]")
    const seen = new Set(row.paths.map((p) => p.join('/')));
    let empty = false;
    for (let j = i + 1; j < lines.length && j <= i + GRID_ROWS && lines[j].page === lines[i].page; j++) {
      const blank = !lines[j].text.replace(FILLER, ' ').trim();
      // (the students' own marks under the labels are the grid's rows too: "max 3 2 1 1 3 5 2 3 20")
      if (!blank && marksRow(lines[j].text)) {
        drop.add(lines[j]);
        continue;
      }
      const more = blank ? null : labelsOnly(lines[j].text, tree);
      if (!blank && (!more || empty || more.paths.some((p) => seen.has(p.join('/'))))) break;
      for (const p of more?.paths ?? []) seen.add(p.join('/'));
      empty ||= blank;
      drop.add(lines[j]);
    }
  }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

/** A line listing sub-parts of one question by commas and nothing else: "3/a, 3/b, 3/c", "Q3a, Q3b". */
const COMMA_LIST =
  /^\s*(?:q\.?\s*)?(\d{1,2})\s*[/.-]?\s*([a-h])(?:\s*,\s*(?:q\.?\s*)?\1\s*[/.-]?\s*[a-h]){1,3}\s*[:.]?\s*$/i;

/**
 * A heading listing a question's sub-parts by commas, its parts labelled by their letters below it
 * ("3/a, 3/b, 3/c" over "a) W_f : 3 × 5  b) b_f : 3 × 1" and "c) …"): read as the question's heading,
 * "3", so that its letters label its parts. Without the letters below, a list names no part.
 */
export function listHeadingsAsQuestions(lines: Line[], tree: PartTree): Line[] {
  return lines.map((l, i) => {
    const m = COMMA_LIST.exec(l.text);
    if (!m || tree.childrenOf([String(Number(m[1]))]).size === 0) return l;
    const letter = new RegExp(String.raw`^\s*[([]?\s*${m[2]}\s*[)\].:]`, 'i');
    if (!lines.slice(i + 1, i + 7).some((n) => n.page === l.page && letter.test(n.text))) return l;
    const lead = /^\s*/.exec(l.text)?.[0] ?? '';
    return retext(l, `${lead}${Number(m[1])}`.padEnd(l.text.length), l.words);
  });
}
