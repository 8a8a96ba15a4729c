// Column vectors drawn in plain text, one entry per line, each vector's entries between its own
// bars or brackets, the equation's name and operators on one of the rows:
//
//         | 1 |   | 0.2 |   | 0.7 |
//   C_t = | 0 | ∘ | 0.4 | = | 0   |
//         | 0 |   | 0.8 |   | 0   |
//
// read as one line, each column a vector: `C_t = [1, 0, 0] ⊙ [0.2, 0.4, 0.8] = [0.7, 0, 0]`.

interface Row {
  /** text before the first cell ("C_t =", "=", or nothing) */
  prefix: string;
  cells: string[];
  /** text between cell k and cell k + 1 (operators on the row that carries them) */
  gaps: string[];
  /** text after the last cell ("^T", "ᵀ") */
  tail: string;
  /** its cells are in round brackets, "( 1 x 0.2 )": a vector only on a row with a name or operator */
  round?: boolean;
}

// (and Unicode's bracket pieces, a column's top, middle and bottom rows: ⎡ ⎤, ⎢ ⎥, ⎣ ⎦; ⎛ ⎞, ⎜ ⎟, ⎝ ⎠)
const CLOSE: Record<string, string> = {
  '|': '|',
  '[': ']',
  '│': '│',
  '⎡': '⎤',
  '⎢': '⎥',
  '⎣': '⎦',
  '⎛': '⎞',
  '⎜': '⎟',
  '⎝': '⎠',
  '(': ')',
};
// (not the "(.)" some type for ⊙ between two vectors, nor a function's bracket, "tanh(C_t)")
const OPEN = /[|[│⎡⎢⎣⎛⎜⎝]|(?<![\w)])\((?!\.\))/;
// (what stands between two vectors: an element-wise product written any way, a sum, an equals)
const GAP = /^\s*(?:[-+=*×x·.∘⊙o−]|\\odot|\\circ|\(\.\))?\s*$/;
const TAIL = /^\s*(?:\^T|ᵀ|\^\{?T\}?)?\s*[.,]?\s*$/;

/** The row's cells when the line, after any prefix, is nothing but delimited single entries. */
function cellsOf(text: string): Row | null {
  const first = text.search(OPEN);
  if (first < 0) return null;
  // (a subscript the name's row dropped onto the row below, "t-1 ⎣ 0 ⎦ …" under "C = ⎢ 0.5 ⎥": no name)
  const dropped = /^\s*(?=[\w+\-−{}]*[A-Za-z])[\w+\-−{}]{1,4}\s+$/.test(text.slice(0, first));
  const prefix = dropped ? '' : text.slice(0, first);
  // a prefix is an equation's left side ending in its equals sign, or nothing: not prose
  if (prefix.length > 40 || (prefix.trim() !== '' && !/=\s*$/.test(prefix))) return null;
  const cells: string[] = [];
  const gaps: string[] = [];
  let at = first;
  for (;;) {
    const open = text[at];
    const close = text.indexOf(CLOSE[open], at + 1);
    if (close < 0) return null;
    const cell = text.slice(at + 1, close).trim();
    // one entry per cell: a number or a short term, no list inside
    if (!cell || cell.length > 20 || /[,;|[\]]/.test(cell) || !/[\d]/.test(cell)) return null;
    cells.push(cell);
    const next = text.slice(close + 1).search(OPEN);
    if (next < 0) {
      const tail = text.slice(close + 1);
      if (!TAIL.test(tail)) return null;
      return { prefix, cells, gaps, tail, round: text[first] === '(' };
    }
    const gap = text.slice(close + 1, close + 1 + next);
    if (!GAP.test(gap)) return null;
    gaps.push(gap);
    at = close + 1 + next;
  }
}

const carries = (r: Row) => r.prefix.trim() !== '' || r.gaps.some((g) => g.trim() !== '');

/** Rows of one drawn equation joined into a line: each column a vector, the carrying row's operators between. */
function joined(rows: Row[]): string {
  const carrier = rows.find(carries) ?? rows[Math.floor(rows.length / 2)];
  const op = (g: string) => {
    const t = g.trim();
    if (!t) return ' ';
    return /^(?:[*×x·.∘⊙o]|\\odot|\\circ|\(\.\))$/.test(t) ? ' ⊙ ' : ` ${t} `;
  };
  let s = carrier.prefix.trim();
  if (s) s += ' ';
  carrier.cells.forEach((_, k) => {
    s += `[${rows.map((r) => r.cells[k]).join(', ')}]`;
    if (k < carrier.gaps.length) s += op(carrier.gaps[k]);
  });
  return s + carrier.tail.trim();
}

/**
 * Lines with plain-text column vectors joined: a run of two to six consecutive lines of delimited
 * single entries, the same number on each, one row (at most) carrying the name and the operators.
 * The joined line takes the carrying row's place; other lines are kept as they are.
 */
export function joinAsciiColumns<T extends { text: string }>(lines: T[]): T[] {
  const rows = lines.map((l) => cellsOf(l.text));
  const out: T[] = [];
  // (a line of bracket corners drawn above or below the vectors, "+-  -+   +-  -+", is part of them)
  const corners = (k: number) => k >= 0 && k < lines.length && /^\s*(?:\+-+\s*-*\+\s*)+$/.test(lines[k].text);
  for (let i = 0; i < lines.length; ) {
    const r = rows[i];
    if (!r) {
      out.push(lines[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && rows[j]?.cells.length === r.cells.length) j++;
    const run = rows.slice(i, j) as Row[];
    // each carrying row heads a vector equation of the run's rows shared equally (two equations
    // of the same width drawn one under the other)
    const carriers = run.filter(carries).length;
    const size = carriers > 1 ? run.length / carriers : run.length;
    if (!Number.isInteger(size) || size < 2 || size > 6) {
      out.push(...lines.slice(i, j));
      i = j;
      continue;
    }
    if (corners(i - 1) && out.at(-1) === lines[i - 1]) out.pop();
    for (let k = i; k < j; k += size) {
      const group = rows.slice(k, k + size) as Row[];
      const at = k + Math.max(0, group.findIndex(carries));
      // a run of bare cells with no name or operator anywhere is a table, not an equation
      // (so is a column of bracketed numbers with none: "(1)" / "(2)" numbering lines)
      if (group.filter(carries).length !== 1 && (group[0].cells.length > 1 || group.some((g) => g.round))) {
        out.push(...lines.slice(k, k + size));
        continue;
      }
      // (a column of bracket pieces opening on a middle or bottom piece has lost its top rows to
      // another cell or page: joined, its rest would read as a shorter vector)
      const head = lines[k].text;
      if ('⎢⎣⎜⎝'.includes(head[head.search(OPEN)])) {
        out.push(...lines.slice(k, k + size));
        continue;
      }
      out.push({ ...lines[at], text: joined(group) });
    }
    i = corners(j) ? j + 1 : j;
  }
  return out;
}
