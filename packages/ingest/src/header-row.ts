// A table whose header row names the parts ("| Q#3/a | Q#3/b | Q#3/c |", "(a)   (b) i   (b) ii") and
// whose rows beneath hold each part's answer in its column: read column by column, each column's text
// under its label, as if the student had written the parts one after another.
import type { Line, Word } from '@grader/model';
import { findLabel, PartTree } from './labels.ts';
import { unionBox } from './layout.ts';

type Cell = Word[];

/** The name of a table's row in a first column, left of the parts' columns: "Working", "Answer", "Check". */
const ROW_NAME = /^\s*(?:working|work\.?|answer|ans\.?|check|result|steps?|verification|verify|final)\b/i;

const isPipe = (w: Word) => /^\|+$/.test(w.text);
/** An ASCII table's border: "+-----+-----+", "|-----|", "=====". */
const BORDER = /^[\s+|:=-]*[-=]{3,}[\s+|:=-]*$/;

/** An ASCII row's cells, between its pipes (the text before the first pipe, if any, is no cell). */
function pipeCells(line: Line): Cell[] | null {
  if (line.words.filter(isPipe).length < 2) return null;
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  for (const w of line.words) {
    if (isPipe(w)) {
      if (cur) cells.push(cur);
      cur = [];
    } else if (cur) cur.push(w);
  }
  return cells;
}

/** A typeset row's cells: words parted by a gap wider than two of the line's heights. */
function gapCells(line: Line): Cell[] {
  const ws = [...line.words].sort((a, b) => a.box.x - b.box.x);
  const cells: Cell[] = [];
  for (const w of ws) {
    const last = cells[cells.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && w.box.x - (prev.box.x + prev.box.w) <= line.box.h * 2) last.push(w);
    else cells.push([w]);
  }
  return cells;
}

/** Words as the line read them: a space where they stand apart, none where they touch ("f" and its
 * subscript "t" are "ft", as the text layer gives them). */
const textOf = (ws: Word[]) =>
  ws
    .map((w, k) => (k > 0 && w.box.x - (ws[k - 1].box.x + ws[k - 1].box.w) > 0.5 ? ` ${w.text}` : w.text))
    .join('');

/** The lines made to open a question's working below its table, and the question (kept by identity:
 * segmentation asks). */
const QUESTION_WORKING = new WeakMap<Line, string>();

/** The question whose working `line` opens below a table of its parts (`byHeaderColumns`), if it does. */
export const tableWorkingOf = (line: Line): string | undefined => QUESTION_WORKING.get(line);

/** Lines holding a row of labels side by side whose columns were not read (kept by identity). */
const SIDE_BY_SIDE = new WeakSet<Line>();

/** Whether `line` is a row of labels side by side whose columns were not read: the parts it opens are a person's to place. */
export const sideBySideLabels = (line: Line): boolean => SIDE_BY_SIDE.has(line);

/** Marks a piece cut from such a row (a label cut from the middle of it) as the row is marked. */
export function sideBySideAs(piece: Line, row: Line): void {
  if (SIDE_BY_SIDE.has(row)) SIDE_BY_SIDE.add(piece);
}

/** Two labels or more one after another and nothing else, a label's first word perhaps alone ("Soln.",
 *  its number wrapped to the line below). */
function labelsSideBySide(words: Word[], tree: PartTree, context: string[]): boolean {
  const fragment = (w: Word | undefined) =>
    w !== undefined &&
    !/\d/.test(w.text) &&
    w.text.length <= 8 &&
    !findLabel(w.text, tree, context, { bare: true });
  // (a word again before the next label's own, "Soln. Soln. 3(c)", or last: its number wrapped below)
  const ws = [...words]
    .sort((a, b) => a.box.x - b.box.x)
    .filter((w, k, all) => !(fragment(w) && (k === all.length - 1 || all[k + 1].text === w.text)));
  const cells = labelRun(ws, tree, context);
  if (!cells) return false;
  // (labels of different parts, set a gap apart, none a column's letter: "2.1 Part (a)" is one label,
  // "A  B  C" a sheet's columns)
  const ids = cells.map((c) => findLabel(textOf(c), tree, context, { bare: true })?.partId);
  const height = Math.max(...ws.map((w) => w.box.h));
  return (
    ids.every(Boolean) &&
    new Set(ids).size === cells.length &&
    cells.every((c) => !/^[A-Z]$/.test(textOf(c))) &&
    cells.every(
      (c, k) =>
        k === 0 ||
        Math.min(...c.map((w) => w.box.x)) - Math.max(...cells[k - 1].map((w) => w.box.x + w.box.w)) >=
          height,
    )
  );
}

/** Whether `b` stands level with `a` on its page, right of it: another cell of the same row. */
function besideOn(a: Line, b: Line): boolean {
  const mid = (l: Line) => l.box.y + l.box.h / 2;
  return a.page === b.page && Math.abs(mid(a) - mid(b)) <= 2 && b.box.x > a.box.x + a.box.w;
}

/** A line of pieces read one after another (a label, then the cell under it), a space between them. */
function lineOf(page: number, pieces: Word[][], conf: number): Line {
  const words = pieces.flat();
  const text = pieces.map(textOf).filter(Boolean).join(' ');
  return { page, text, box: unionBox(words.map((w) => w.box)), conf, words };
}

/**
 * Each cell of `header` a whole label of a part, two parts or more, all different (under the question
 * the nearest label above names, for letters alone: "(a)  (b) i  (b) ii" under "Q1"); null otherwise.
 */
function headerLabels(
  cells: Cell[],
  tree: PartTree,
  context: string[],
  questionOf: (id: string) => string | undefined,
): string[] | null {
  if (cells.length < 2 || cells.some((c) => !c.length)) return null;
  const ids = cells.map((c) => {
    const text = textOf(c);
    // (a spreadsheet's column letters, "A   B   C", name columns, not parts)
    if (/^[A-Z]$/.test(text)) return null;
    const l = findLabel(text, tree, context, { bare: true });
    return l?.partId && !text.slice(l.end).replace(/[\s:.)\]-]/g, '') ? l.partId : null;
  });
  if (ids.some((id) => id === null) || new Set(ids).size !== ids.length) return null;
  // (the parts of one question, in the exam's order: "IV (a)   [5]" is a label and the marks beside it)
  if (new Set((ids as string[]).map(questionOf)).size !== 1) return null;
  return ids as string[];
}

/** Words that are labels one after another and nothing else, as cells: each label's words. */
function labelRun(words: Word[], tree: PartTree, context: string[]): Cell[] | null {
  const cells: Cell[] = [];
  let k = 0;
  while (k < words.length) {
    const rest = words.slice(k);
    const text = textOf(rest);
    const l = findLabel(text, tree, context, { bare: true });
    if (!l?.partId) return null;
    // the words the label takes, whole
    const end = text.slice(0, l.end).trimEnd().length;
    let n = 1;
    while (n < rest.length && textOf(rest.slice(0, n)).length < end) n++;
    if (textOf(rest.slice(0, n)).length !== end) return null;
    cells.push(rest.slice(0, n));
    k += n;
  }
  return cells.length >= 2 ? cells : null;
}

/**
 * The lines with every table headed by part labels read column by column: the header row's label and
 * the text beneath it, for each column in turn. Other lines as they are.
 */
export function byHeaderColumns(lines: Line[], parts: Array<{ id: string; path: string[] }>): Line[] {
  const tree = new PartTree(parts);
  const questionOf = (id: string) => parts.find((p) => p.id === id)?.path[0];
  const out: Line[] = [];
  let context: string[] = [];
  // (a label that heads what follows ends a table: "Question 4", "(c) …"; a cell's "3 × 5" is none)
  const heads = (l: Line) => {
    const label = findLabel(l.text, tree, context, {});
    return label !== null && (label.partId !== null || !label.weak);
  };
  for (let i = 0; i < lines.length; i++) {
    // (a header row may come as lines side by side, a cell a line: "Question 3 part a", then "Question
    // 3 part b   Question 3 part c" level with it)
    let line = lines[i];
    let level = 0;
    while (i + level + 1 < lines.length && besideOn(line, lines[i + level + 1])) {
      const next = lines[i + level + 1];
      line = lineOf(line.page, [[...line.words, ...next.words].sort((a, b) => a.box.x - b.box.x)], line.conf);
      level++;
    }
    const piped = pipeCells(line);
    let cells = piped ?? gapCells(line);
    // (a first column naming the rows, "| | Ans 1 (a) | Ans 1 (b) (i) |" over "| Working | … |": its
    // header cell empty or a word, no part's)
    const rowNames =
      !!piped && cells.length > 2 && !findLabel(textOf(cells[0]), tree, context, { bare: true });
    if (rowNames) cells = cells.slice(1);
    let ids = headerLabels(cells, tree, context, questionOf);
    // (labels set close, a cell's width apart: "Question 3 part a  Question 3 part b  Question 3 part c")
    if (!ids && !piped) {
      const split = labelRun(line.words, tree, context);
      ids = split && headerLabels(split, tree, context, questionOf);
      if (ids && split) cells = split;
    }
    // (a row of labels side by side that is no header the columns can be read under, "Soln. 1(a)
    // Soln. 1(b)(i)  Soln." with "1(b)(ii)" wrapped below: the answers under it stand side by side)
    if (!ids && !piped && labelsSideBySide(lines[i].words, tree, context)) SIDE_BY_SIDE.add(lines[i]);
    if (!ids) {
      line = lines[i];
      const l = findLabel(line.text, tree, context, {});
      if (l) context = l.path.slice(0, 1);
      out.push(line);
      continue;
    }
    // where each column starts: the first word a cell's gap sets apart in the rows beneath, between the
    // header's cells (a header may be centred over its column); else halfway between them
    const below: Line[] = [];
    // (the rows beneath: the table ends at a gap of more than a row, where the page ends, or at a label;
    // a table's rows may stand apart, a cell's padding between them)
    // (a row's name left of the first part's column, "Answer 3 × 5   3 × 1   63", is no label: "Answer 3")
    const headerLeft = Math.min(...cells[0].map((w) => w.box.x));
    const rowNamed = (l: Line) =>
      ROW_NAME.test(l.text) && l.words[0] && l.words[0].box.x + l.words[0].box.w < headerLeft;
    // (read top to bottom: a row's name centred in a tall row comes first in reading order, lower down)
    const after = lines.slice(i + level + 1, i + 31);
    const samePage = after.findIndex((l) => l.page !== line.page);
    const near = (samePage < 0 ? after : after.slice(0, samePage)).sort(
      (a, b) => a.box.y - b.box.y || a.box.x - b.box.x,
    );
    for (const l of near) {
      const above = below[below.length - 1] ?? line;
      if (l.page !== line.page || l.box.y - (above.box.y + above.box.h) > l.box.h * 3) break;
      // (nor is a number alone inside a column, "3 + 2 =" wrapped to "5")
      const wrapped = l.box.x >= headerLeft - 2 && /^\s*\d{1,2}\s*$/.test(l.text);
      if (heads(l) && !rowNamed(l) && !wrapped) break;
      below.push(l);
    }
    // (a typeset table has its columns' gaps beneath every gap of its header: labels side by side over
    // lines that run on, "[3a] [3b] [3c]" over displayed equations, head no columns)
    let gapless = false;
    const starts = cells.map((c, k) => {
      if (k === 0) return Number.NEGATIVE_INFINITY;
      const from = Math.max(...cells[k - 1].map((w) => w.box.x + w.box.w));
      const to = Math.min(...c.map((w) => w.box.x));
      const apart = below.flatMap((l) =>
        [...l.words]
          .sort((a, b) => a.box.x - b.box.x)
          .filter((w, n, ws) => n > 0 && w.box.x - (ws[n - 1].box.x + ws[n - 1].box.w) >= l.box.h * 1.5)
          .map((w) => w.box.x)
          .filter((x) => x > from && x <= to + 2),
      );
      if (!apart.length) gapless = true;
      return apart.length ? Math.min(...apart) : (from + to) / 2;
    });
    if (gapless && !piped) {
      out.push(lines[i]);
      continue;
    }
    const columns: Word[][][] = cells.map(() => []);
    // (a cell's page, where the table ran on over a page break)
    const pageOfCell = new Map<Word[], number>();
    // (where the first part's column starts: its header's left edge, or its first row's, if further left)
    const firstColumn = Math.min(
      ...cells[0].map((w) => w.box.x),
      ...below.flatMap((l) =>
        l.words.filter((w) => w.box.x >= Math.min(...cells[0].map((c) => c.box.x)) - 40).map((w) => w.box.x),
      ),
    );
    // where each column's text starts, from the first row beneath (cells set close: a row's cell runs
    // up to the next, which still starts at its column's edge)
    const edges: number[] = [];
    let prose = false;
    let j = i + level + 1;
    if (piped)
      // (an ASCII table runs on over a page break, its rows still between pipes)
      for (; j < lines.length && j <= i + 30 && lines[j].page <= line.page + 1; j++) {
        const row = lines[j];
        if (BORDER.test(row.text)) continue;
        const rc = pipeCells(row)?.slice(rowNames ? 1 : 0);
        if (!rc || !/^\s*\|/.test(row.text)) break;
        // (the next table's header row ends this one)
        if (
          headerLabels(
            rc.filter((c) => c.length),
            tree,
            context,
            questionOf,
          )
        )
          break;
        rc.slice(0, cells.length).forEach((c, k) => {
          if (!c.length) return;
          columns[k].push(c);
          pageOfCell.set(c, row.page);
        });
      }
    else
      for (const row of below) {
        const rc: Word[][] = cells.map(() => []);
        // (a first column naming the rows, "Working", "Answer", left of the first part's: no part's)
        const named = ROW_NAME.test(textOf(row.words.filter((w) => w.box.x + w.box.w < firstColumn - 2)));
        for (const w of row.words) {
          if (named && w.box.x + w.box.w < firstColumn - 2) continue;
          const k = starts.reduce((best, s, n) => (w.box.x >= s ? n : best), 0);
          rc[k].push(w);
        }
        // (the table ends at prose running across the columns: a word over a column's start, and the
        // cells after it not at their columns' edges, as the first rows set them)
        const over = row.words.some((w) => starts.slice(1).some((x) => w.box.x < x && w.box.x + w.box.w > x));
        const atEdges = rc.every(
          (c, k) =>
            k === 0 ||
            !c.length ||
            (edges[k] !== undefined && Math.abs(Math.min(...c.map((w) => w.box.x)) - edges[k]) <= 3),
        );
        const across = over && !atEdges;
        if (across) {
          prose = true;
          break;
        }
        rc.forEach((c, k) => {
          if (c.length && edges[k] === undefined) edges[k] = Math.min(...c.map((w) => w.box.x));
        });
        rc.forEach((c, k) => {
          if (c.length) columns[k].push(c);
        });
        j++;
      }
    // nothing beneath: a row of labels that heads nothing (left as it is; its parts a person's to place,
    // as their answers may stand side by side beyond it)
    if (!columns.some((c) => c.length)) {
      if (labelsSideBySide(line.words, tree, context)) SIDE_BY_SIDE.add(line);
      out.push(line);
      continue;
    }
    // (each column's label opens its part at the table's left edge, as a label written first on its line)
    const left = Math.min(...cells[0].map((w) => w.box.x));
    cells.forEach((label, k) => {
      // (the label's line holds only the cells on its own page)
      const [first, ...rest] = columns[k];
      const together = first && (pageOfCell.get(first) ?? line.page) === line.page;
      const opening = lineOf(line.page, [label, together ? first : []], line.conf);
      out.push(k === 0 ? opening : { ...opening, box: { ...opening.box, x: Math.min(left, opening.box.x) } });
      for (const c of together ? rest : columns[k])
        out.push(lineOf(pageOfCell.get(c) ?? line.page, [c], line.conf));
    });
    // prose running across the table's columns below it, its parts all of one question ("Working:
    // [h_{t-1}, x_t] has 3 + 2 = 5 entries … b_f is 3 × 1 …"): the question's working, each part's
    // (read as the question met again after its answers, "[3] …")
    const q = questionOf(ids[0]);
    if (prose && q !== undefined && j < lines.length) {
      const below = lines[j];
      const mark = { text: `[${q}]`, box: { ...below.box, w: 1 }, conf: below.conf };
      const working = { ...below, text: `[${q}] ${below.text}`, words: [mark, ...below.words] };
      QUESTION_WORKING.set(working, q);
      out.push(working);
      j++;
    }
    context = findLabel(textOf(cells[0]), tree, context, { bare: true })?.path.slice(0, 1) ?? context;
    i = j - 1;
  }
  return out;
}
