// Summaries of final answers: a table or list restating the answers, after the working or ahead of
// it. Its rows are not second answers (no "answered in two places"). A summary after the working is
// left out; one ahead of it ends each part's answer, where its final values may be all a table of
// working does not spell out ("ht = [0.604, 0, 0]" over a table's row "ht 0.604 0 0").
import type { Line } from '@grader/model';
import { ordinal } from '@grader/parse';
import { findLabel, PartTree } from './labels.ts';
import { contentOf, cutAt } from './line-cut.ts';

/**
 * A table of final answers after the answers (three or more parts met again in a row, most of them
 * only repeating their first answer): its rows are not second answers, and their text is not added.
 */
export function summaryRows<S extends { partId: string; lines: { text: string }[] }>(segs: S[]): Set<S> {
  const first = new Map<string, string>();
  const repeat = segs.map((s) => {
    const had = first.get(s.partId);
    if (had === undefined) first.set(s.partId, s.lines.map((l) => l.text).join('\n'));
    return had !== undefined;
  });
  const out = new Set<S>();
  for (let i = 0; i < segs.length; ) {
    if (!repeat[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < segs.length && repeat[j]) j++;
    const run = segs.slice(i, j);
    // (a row's first line is its answer: a row a label was missed on runs on into the next)
    const restating = run.filter((s) => restates(first.get(s.partId) ?? '', s.lines[0]?.text ?? ''));
    if (run.length >= 3 && restating.length * 3 >= run.length * 2) for (const s of run) out.add(s);
    i = j;
  }
  return out;
}

/**
 * Whether `again` (a part's label met a second time) only repeats its first answer: a few lines whose
 * numbers all stand in the first answer, or, with no number, whose words nearly all do (a summary
 * table of final answers, "Ans. 72" again). A changed value is a second answer.
 */
export function restates(first: string, again: string): boolean {
  // (an index's page references and dot leaders point to the answer: "…… p. 2", "see page 3")
  again = again.replace(PAGE_REF, ' ').replace(/\.{3,}|…+/g, ' ');
  const lines = again.split('\n').filter((l) => l.trim());
  if (!lines.length || lines.length > 3) return false;
  const condensed = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]/g, '');
  const numbers = (s: string) =>
    (s.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
  // (a row that adds words of its own, "0 extra ∵ dot product has no weights", is working, not a restatement)
  const known = condensed(first);
  const words = again.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  if (words.filter((w) => !known.includes(w)).length > 2) return false;
  const had = numbers(first);
  const nums = numbers(again);
  const allNumbers =
    nums.length > 0 && nums.every((n) => had.some((h) => Math.abs(h - n) <= 1e-9 * Math.max(1, Math.abs(n))));
  if (nums.length) return allNumbers;
  // (no number: its words, nearly all, or the whole of it, stand in the first answer)
  const knownWords = words.filter((w) => known.includes(w)).length;
  return known.includes(condensed(again)) || (words.length >= 2 && knownWords >= 0.8 * words.length);
}

/** A reference to a page, its words: "p. 2", "pp. 2-3", "pg 1", "see page 3", "on p.2". */
const PAGE_WORDS = String.raw`(?:see\s+|on\s+)?(?:p|pp|pg|page)\.?\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?`;
/** An index's dot leaders: "……", ". . . .". */
export const LEADERS = String.raw`\s*(?:\.\s*){3,}|\s*…+`;
/** A page an index points to at a line's end, in brackets or not. */
export const PAGE_AT_END = String.raw`\(?${PAGE_WORDS}\)?\s*$`;

/** A reference to a page anywhere: "p. 2", "(see page 3)". */
const PAGE_REF = new RegExp(String.raw`\(?\b${PAGE_WORDS}\b\)?`, 'gi');

/** An index row's tail: its dot leaders and the page it points to ("…… see p.2", ". . . p. 1"). */
const INDEX_TAIL = new RegExp(String.raw`(?:${LEADERS})?\s*${PAGE_AT_END}`, 'i');

/** What `summaryAhead` reads of a first segmentation. */
interface LabelledRun {
  labelLines: Array<{ index: number; partId: string }>;
  body: Line[];
}

/** A summary's lines, and what it says of each part (its rows, labels cut off). */
export interface Summary {
  lines: Set<Line>;
  rows: Map<string, Line[]>;
}

/**
 * A summary ahead of the working ("SUMMARY OF FINAL ANSWERS", then "Q1(b)  C_t = [0.7, 0.2, 0.05]"
 * a line each, the working below): the first labels of the script, four or more a few lines apart,
 * from three questions or more, nearly all of them labelled again further on. Null when there is
 * none. (Whether it only restates the working is checked on the segmentation without it.)
 */
export function summaryAhead(run: LabelledRun, parts: Array<{ id: string; path: string[] }>): Summary | null {
  const labels = [...run.labelLines].sort((a, b) => a.index - b.index);
  const question = (id: string) => parts.find((p) => p.id === id)?.path[0];
  // (it ends where a part comes round again: the working's own labels)
  const inRun = new Set(labels.slice(0, 1).map((l) => l.partId));
  let end = 1;
  while (
    end < labels.length &&
    labels[end].index - labels[end - 1].index <= 4 &&
    !inRun.has(labels[end].partId)
  )
    inRun.add(labels[end++].partId);
  const head = labels.slice(0, end);
  if (head.length < 4 || new Set(head.map((l) => question(l.partId))).size < 3) return null;
  const later = new Set(labels.slice(end).map((l) => question(l.partId)));
  // (a question numbered again at a line's start below counts too: "3.  x_t in R^2, …", which a
  // first reading took for no label, its question having been seen in the summary)
  const after = head[head.length - 1].index + 1;
  for (const line of run.body.slice(after)) {
    // (or a heading of its own, "Q1", "Question 4")
    const m = /^\s*(?:q(?:uestion)?\.?\s*(\d{1,2})\s*[.):]?(?:\s|$)|(\d{1,2})\s*[.):]\s)/i.exec(line.text);
    const q = m?.[1] ?? m?.[2];
    if (q && head.some((l) => question(l.partId) === q)) later.add(q);
  }
  const again = head.filter((l) => later.has(question(l.partId))).length;
  if (again * 4 < head.length * 3) return null;
  const tree = new PartTree(parts);
  const lines = new Set<Line>();
  const rows = new Map<string, Line[]>();
  head.forEach((l, k) => {
    // (the last row runs on while its lines stand in the answers' column, right of its label: "5   DW
    // 199 × 199 × 3, …" over "    total 3.088878 × 10^6", not the "Working" heading below it)
    let upTo = k + 1 < head.length ? head[k + 1].index : l.index + 1;
    if (k + 1 === head.length) {
      const at = run.body[l.index];
      while (
        upTo < Math.min(run.body.length, l.index + 4, labels[end]?.index ?? run.body.length) &&
        run.body[upTo].page === at.page &&
        run.body[upTo].box.x > at.box.x + 5
      )
        upTo++;
    }
    const row: Line[] = [];
    for (let i = l.index; i < upTo; i++) {
      const line = run.body[i];
      lines.add(line);
      // (a part's piece of a row is labelled under its parent: "(b) 3 x 1" after "3.  (a) 3 x 5")
      const under = parts.find((p) => p.id === l.partId)?.path.slice(0, -1) ?? [];
      let cut = i === l.index ? contentOf(line, findLabel(line.text, tree, under)?.end ?? 0) : line;
      // (a row of several parts, "3.  (a) 3 x 5   (b) 3 x 1", ends where the next part's piece starts)
      const next = run.body[i + 1];
      if (cut && next && i + 1 === upTo && next.page === line.page && next.box.y === line.box.y) {
        const at = cut.text.lastIndexOf(next.text);
        if (at >= 0 && at + next.text.length === cut.text.length) cut = cutAt(cut, at)?.kept ?? null;
      }
      // (an index's leaders and page reference are no part of the answer: "… 63 ........ see p.2")
      const ref = cut ? INDEX_TAIL.exec(cut.text) : null;
      if (cut && ref) cut = cutAt(cut, ref.index)?.kept ?? null;
      if (cut?.text.trim()) row.push(cut);
    }
    rows.set(l.partId, [...(rows.get(l.partId) ?? []), ...row]);
  });
  return { lines, rows };
}

/**
 * Whether the summary's lines restate what the segmentation without them found: two in three of
 * them say nothing the answers to their question do not (`restates`).
 */
export function summaryRestates(
  { lines }: Summary,
  answers: Record<string, { text: string }>,
  parts: Array<{ id: string; path: string[] }>,
): boolean {
  const tree = new PartTree(parts);
  let rows = 0;
  let restating = 0;
  for (const line of lines) {
    const label = findLabel(line.text, tree, []);
    if (!label) continue;
    rows++;
    const q = label.path[0];
    const said = parts
      .filter((p) => p.path[0].toLowerCase() === q)
      .map((p) => answers[p.id]?.text ?? '')
      .join('\n');
    if (restates(said, line.text.slice(label.end))) restating++;
  }
  return rows >= 4 && restating * 3 >= rows * 2;
}

/** "SUMMARY OF ANSWERS", "Final answers (collected)", "## Summary", "Answers at a glance:" */
const SUMMARY_HEADING =
  /^[\s#=*_\-—–|.]*(?:summary(?:\s+of\s+(?:the\s+|my\s+)?(?:final\s+)?(?:answers?|results))?|(?:final\s+)?answers?\s+(?:summary|at\s+a\s+glance)|final\s+answers?(?:\s*\(collected\))?|answers?\s+in\s+brief)[\s#=*_\-—–|.:]*$/i;
/** Whether a line heads a summary of the answers ("Summary of answers", "Final answers"). */
export const isSummaryHeading = (text: string): boolean => SUMMARY_HEADING.test(text);
/** An appendix of side calculations after the answers: "APPENDIX A (side calculation for Q1(b)(ii))". */
const APPENDIX_HEADING = /^[\s#=*_\-—–|.]*(?:appendix|annex(?:ure)?)\b(?:\s+[A-Z0-9]{1,2}\b)?/i;
/** A summary's row label: a question's number ("3", "Q3", "III.") with or without a sub-label. */
// (its sub-label, "1(b)", "1 b", "I.(a)", "2(a)-(ii)", is part of the label: the row is the question's;
// so are several, "3.a, 3.b, 3.c")
const ROW_QUESTION =
  /^\s*(?:[^\p{L}\p{N}\s([{]\s*)?(?:q(?:uestion|n)?\.?\s*)?(\d{1,2}|[IVX]{1,4})(?![\d,])(?:\s*[.-]?\s*\(?[a-h]\)?(?![a-z])(?:\s*[.-]?\s*\(?[ivx]{1,3}\)?(?![a-z]))?)?(?:\s*[,&/]\s*(?:\d{1,2}\s*[.-]?\s*)?\(?[a-h]\)?(?![a-z]))*\s*[.):\-–—|]*(?=\s|$)/iu;

/** Whether `line` is nearer `label` below it than `before` above it: a centred cell's first line. */
function centredOn(before: Line | undefined, line: Line, label: Line): boolean {
  if (!before || before.page !== line.page || line.page !== label.page) return false;
  const gapAbove = line.box.y - (before.box.y + before.box.h);
  const gapBelow = label.box.y - (line.box.y + line.box.h);
  return gapBelow < gapAbove;
}

/** A trailing summary: its lines (heading included) and its rows by part, or by question number. */
export interface SummaryAfter {
  lines: Set<Line>;
  rows: Map<string, Line[]>;
}

/**
 * A summary of final answers after the working, under its own heading ("SUMMARY OF ANSWERS", then
 * "3   3 x 5 ; 3 x 1 ; 72" a row per question to the end of the script): three rows or more, from
 * three questions or more. Rows are keyed by question (a summary condenses a question to a row);
 * a line with no question number of its own continues the row above. Null when there is none.
 */
export function summaryAfter(
  lines: Line[],
  parts: Array<{ id: string; path: string[] }>,
): SummaryAfter | null {
  const questions = new Set(parts.map((p) => p.path[0].toLowerCase()));
  const question = (text: string): string | null => {
    const m = ROW_QUESTION.exec(text);
    if (!m || !text.slice(m[0].length).trim()) return null;
    const q = String(ordinal(m[1]));
    return questions.has(q) ? q : null;
  };
  // (an appendix after the summary ends it: side calculations are not rows)
  let end = lines.length;
  for (let i = lines.length - 1; i >= Math.floor(lines.length / 2); i--)
    if (APPENDIX_HEADING.test(lines[i].text)) end = i;
  // (the last such heading, in the last half of the script, with at most 20 lines below it)
  let at = -1;
  for (let i = end - 1; i >= Math.floor(lines.length / 2) && i >= end - 21; i--)
    if (SUMMARY_HEADING.test(lines[i].text)) {
      at = i;
      break;
    }
  if (at < 0) return null;
  const tree = new PartTree(parts);
  const rows = new Map<string, Line[]>();
  let current: string | null = null;
  const below = lines.slice(at + 1, end);
  const bare = (l: Line) =>
    ROW_QUESTION.test(l.text) && !l.text.slice(ROW_QUESTION.exec(l.text)?.[0].length).trim();
  // (a page's number may end it)
  if (below.length && bare(below[below.length - 1])) below.pop();
  for (const [k, line] of below.entries()) {
    // (a label alone on its line, beside a row set higher: which row is whose is not read — unless
    // the cell is centred on it, a line of the row just above it, nearer it than to the row before)
    if (bare(line)) {
      const above = below[k - 1];
      const alone = ROW_QUESTION.exec(line.text);
      const n = alone ? String(ordinal(alone[1])) : null;
      const q = n !== null && questions.has(n) ? n : null;
      const row = current ? rows.get(current) : undefined;
      if (!q || !above || !row?.includes(above) || !centredOn(below[k - 2], above, line)) return null;
      row.splice(row.indexOf(above), 1);
      current = findLabel(line.text, tree, [])?.partId ?? q;
      rows.set(current, [...(rows.get(current) ?? []), above]);
      continue;
    }
    const q = question(line.text);
    // (a row of one part, "1(b)(ii)", is that part's; "3", "1(b)", "3A / 3B / 3C" its question's)
    const part = q ? findLabel(line.text, tree, [])?.partId : null;
    const onePart =
      part &&
      !/^\s*[/&,+]\s*\(?(?:\d|[a-h]\b|[ivx]{1,3}\b)/i.test(
        line.text.slice(findLabel(line.text, tree, [])?.end ?? 0),
      );
    if (q) current = onePart ? part : q;
    // (a table's head, "Part | Answer", may come first)
    if (!current) continue;
    const row = q ? contentOf(line, ROW_QUESTION.exec(line.text)?.[0].length ?? 0) : line;
    rows.set(current, [...(rows.get(current) ?? []), ...(row ? [row] : [])]);
  }
  if (rows.size < 3) return null;
  return { lines: new Set(lines.slice(at, end)), rows };
}

/** The numbers a text states, digit groups joined ("3,088,878", "3 088 878", "68,90,574"). */
function statedNumbers(text: string): string[] {
  // (spaces group thousands in threes; commas in twos too, as Indian grouping does)
  const joined = text.replace(/(\d),(?=\d{2,3}\b)/g, '$1').replace(/(\d)[ \u2009\u202f](?=\d{3}\b)/g, '$1');
  // (a decimal may drop its leading zero: ".6044")
  return joined.match(/\d+(?:\.\d+)?|(?<![\d.])\.\d+/g) ?? [];
}

/**
 * Whether a summary's row only restates what the answers say: each of its numbers stands in them, to
 * the places either writes (".6044" restates "0.604"). A row with no number restates.
 */
export function rowRestates(said: string, row: string): boolean {
  const had = statedNumbers(said);
  // (its own sub-labels, "| 2(b) 0 extra", and references, "eq. (3)", are no values)
  const values = row.replace(
    /\b\d{1,2}\s*\(?[a-h]\)(?:\s*\(?[ivx]{1,3}\))?|\beq(?:n|uation)?\.?\s*\(?[\w*]{1,4}\)?/gi,
    ' ',
  );
  const none = /\b(?:zero|no|none|nothing)\b/i.test(said);
  return statedNumbers(values).every(
    (n) =>
      (none && Number(n) === 0) ||
      had.some((h) => {
        // (to the places both give: 0.6044 restates 0.604 or 0.60, never a whole number's 1)
        const places = Math.min(n.split('.')[1]?.length ?? 0, h.split('.')[1]?.length ?? 0);
        if (places === 0) return Number(n) === Number(h);
        return Number(Number(n).toFixed(places)) === Number(Number(h).toFixed(places));
      }),
  );
}

/**
 * Whether a summary's row gives a number its answer states otherwise, close by (within 5 %): a value
 * miscopied ("3,072,102" in the summary, "3,027,102" worked out), which is the answer is a person's call.
 */
export function rowMiscopies(said: string, row: string): boolean {
  const had = statedNumbers(said).map(Number);
  return statedNumbers(row)
    .map(Number)
    .some(
      (n) =>
        n !== 0 &&
        !had.includes(n) &&
        had.some((h) => h !== 0 && Math.abs(h - n) / Math.max(Math.abs(h), Math.abs(n)) < 0.05),
    );
}
