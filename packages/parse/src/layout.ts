// Two-dimensional math as PDF text extraction gives it: a typeset fraction ∂L/∂c_t comes out as a
// line of numerators, a line with the operators, and a line of denominators. Rebuild one linear line
// from the words' positions so the expression can be parsed.

export interface LayoutWord {
  text: string;
  box: { x: number; y: number; w: number; h: number };
}
export interface LayoutLine {
  text: string;
  words: LayoutWord[];
}

interface Cluster {
  x0: number;
  x1: number;
  y: number;
  text: string;
  words: LayoutWord[];
  /** the superscript the cluster ends in: where its `^` stands in `text`, its height, what it holds */
  sup?: { at: number; y: number; content: string };
}

/** Glue words that touch (a subscript `t` after `∂c`, `+1` after it) into one cluster. */
function clusters(words: LayoutWord[]): Cluster[] {
  const ws = [...words].sort((a, b) => a.box.x - b.box.x);
  const out: Cluster[] = [];
  for (const w of ws) {
    const prev = out[out.length - 1];
    const gap = prev ? w.box.x - prev.x1 : Number.POSITIVE_INFINITY;
    const shifted = prev ? Math.abs(w.box.y - prev.y) > 1.5 : false;
    if (prev && (gap < 1.2 || (shifted && gap < 3))) {
      // a raised digit is a superscript (tanh² read as `tanh` + raised `2`); what follows it at its
      // height is the same superscript (`R^{3×5}`, its `×` and `5` their own words)
      const raised = w.box.y < prev.y - 1.5 && /^\d$/.test(w.text);
      const within =
        prev.sup !== undefined && Math.abs(w.box.y - prev.sup.y) <= 1 && /^(?:\d+|[×x*·+\-−])$/.test(w.text);
      if (within && prev.sup) {
        prev.sup.content += w.text;
        prev.text = `${prev.text.slice(0, prev.sup.at)}^{${prev.sup.content}}`;
      } else if (raised) {
        prev.sup = { at: prev.text.length, y: w.box.y, content: w.text };
        prev.text += `^${w.text}`;
      } else {
        prev.sup = undefined;
        prev.text += w.text;
      }
      prev.x1 = Math.max(prev.x1, w.box.x + w.box.w);
      prev.words.push(w);
    } else out.push({ x0: w.box.x, x1: w.box.x + w.box.w, y: w.box.y, text: w.text, words: [w] });
  }
  return out;
}

const DERIV = /^[∂d𝜕][A-Za-zΑ-ω]/u;

/**
 * A lone accent (the tilde of C̃) or a lone digit (the superscript of tanh²) from the line in between
 * is often grouped with a fraction's numerator or denominator row: not part of the fraction.
 */
const STRAY = /^(?:[˜ˆ¨˙¯´`^~]|\d|[⊤ᵀ])$/;
/** A stray that belongs to the middle row, where it goes back: a raised digit, a transpose. */
const RAISED = /\d|[⊤ᵀ]/;

/**
 * A tall delimiter set beside a displayed fraction (`\left( 1 - \tanh^2 c_t \right)`): pdfTeX puts its
 * glyph on the numerators' row, as cmex's character codes (0 and 1 are ( and ), 2 and 3 are [ and ],
 * 16–19 and 32–35 bigger parens) or as pieces (⎛ ⎞, Adobe's private-use pieces); the middle row has
 * no bracket at all. Which bracket each is.
 */
function tallDelimiter(text: string): string | null {
  if (text.length !== 1) return null;
  // (ingestion stores a control code as U+F000 + code: jsonb holds no U+0000)
  const raw = text.codePointAt(0)!;
  const c = raw >= 0xf000 && raw < 0xf020 ? raw - 0xf000 : raw;
  const cmex: Record<number, string> = {
    0: '(',
    1: ')',
    2: '[',
    3: ']',
    16: '(',
    17: ')',
    18: '(',
    19: ')',
    32: '(',
    33: ')',
    34: '[',
    35: ']',
  };
  if (cmex[c]) return cmex[c];
  if ('⎛⎜⎝'.includes(text) || (c >= 0xf8eb && c <= 0xf8ed)) return '(';
  if ('⎞⎟⎠'.includes(text) || (c >= 0xf8f6 && c <= 0xf8f8)) return ')';
  if ('⎡⎢⎣'.includes(text) || (c >= 0xf8ee && c <= 0xf8f0)) return '[';
  if ('⎤⎥⎦'.includes(text) || (c >= 0xf8f9 && c <= 0xf8fb)) return ']';
  return null;
}

function fractionClusters(l: LayoutLine): { fracs: Cluster[]; stray: Cluster[]; delims: Cluster[] } {
  // (a glyph with no text is no numerator; a tall bracket's glyph and a transpose raised from the
  // middle row, `(∂h_t/∂c_t)^⊤`, may touch a numerator: each stands apart)
  const transposes = l.words.filter((w) => /^[⊤ᵀ]$/.test(w.text));
  const brackets = l.words.filter((w) => tallDelimiter(w.text) !== null);
  const cs = clusters(
    l.words.filter((w) => w.text.trim() !== '' && !transposes.includes(w) && !brackets.includes(w)),
  );
  const delims = brackets.map((w) => clusters([w])[0]);
  const rest = cs;
  return {
    fracs: rest.filter((c) => !STRAY.test(c.text)),
    stray: [...rest.filter((c) => STRAY.test(c.text)), ...clusters(transposes)],
    delims,
  };
}

function isFractionRow(l: LayoutLine | undefined): l is LayoutLine {
  if (!l?.words.length) return false;
  const { fracs } = fractionClusters(l);
  // (a derivative already written with its slash, "∂L/∂h_t):", is a line of its own, no numerator)
  return fracs.length > 0 && fracs.every((c) => DERIV.test(c.text) && !c.text.includes('/'));
}

/** A displayed fraction's middle row: its bars stand level with maths (=, an operator), or with nothing. */
const FRACTION_MIDDLE = /^\s*$|[=+\-−⊙∘·×*<>≈]/;

/** Whether `mid` can hold the bars of `num`'s fractions: maths, or a gap in its words under each
 *  (an inline ∂L/∂h_t set in a sentence, "… already inside ∂L/∂h_t . Therefore"). */
function fractionMiddle(num: LayoutLine, mid: LayoutLine): boolean {
  if (FRACTION_MIDDLE.test(mid.text)) return true;
  return fractionClusters(num).fracs.every((c) => {
    const x = (c.x0 + c.x1) / 2;
    return !mid.words.some((w) => w.box.x <= x && x <= w.box.x + w.box.w);
  });
}

function rowY(l: LayoutLine): number {
  return l.words.reduce((s, w) => s + w.box.y, 0) / l.words.length;
}

function merge(num: LayoutLine, den: LayoutLine, mid: LayoutLine | null): string {
  const n0 = fractionClusters(num);
  const d0 = fractionClusters(den);
  const ns = n0.fracs;
  const ds = d0.fracs;
  // stray digits go back to the line they were raised from (accents are dropped)
  const strayDigits = [...n0.stray, ...d0.stray].filter((c) => RAISED.test(c.text)).flatMap((c) => c.words);
  const used = new Set<number>();
  const items: Array<{ x: number; text: string }> = [];
  // (a fraction bar typed as a run of dashes, "-----" between "∂L" and "∂c_t", is the bar: dropped)
  const bars = (w: LayoutWord) => /^[-_–—─]{3,}$/.test(w.text);
  // (where the bar is, the fraction is: a denominator wider than its bar, "dc_(t+1)" under "--------",
  // must not start before the operator left of the bar)
  const barUnder = (x0: number, x1: number) =>
    mid?.words.find((w) => bars(w) && w.box.x < x1 && x0 < right(w));
  for (const n of ns) {
    const nc = (n.x0 + n.x1) / 2;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    ds.forEach((d, k) => {
      if (used.has(k)) return;
      const dist = Math.abs((d.x0 + d.x1) / 2 - nc);
      if (dist < bestD) [best, bestD] = [k, dist];
    });
    const width = best >= 0 ? Math.max(n.x1 - n.x0, ds[best].x1 - ds[best].x0) : 0;
    if (best >= 0 && bestD <= width) {
      used.add(best);
      const d = ds[best];
      const bar = barUnder(Math.min(n.x0, d.x0), Math.max(n.x1, d.x1));
      items.push({ x: bar ? bar.box.x : Math.min(n.x0, ds[best].x0), text: `${n.text}/${ds[best].text}` });
    } else items.push({ x: n.x0, text: n.text });
  }
  ds.forEach((d, k) => {
    if (!used.has(k)) items.push({ x: d.x0, text: d.text });
  });
  // (a typed exponent a little left of the function it belongs to, "2" over "(1 - tanh c_t)" short of
  // "tanh": the square of that function; it is set right after it)
  const fns = mid?.words.filter((w) => /^\(?(?:tanh|sech|sigma|σ)$/.test(w.text)) ?? [];
  const placed = strayDigits.map((w) => {
    const fn = fns.find((f) => f.box.x >= w.box.x && f.box.x - right(w) < 12);
    return fn ? { ...w, box: { ...w.box, x: right(fn) + 0.1 } } : w;
  });
  if (mid)
    for (const c of clusters([...mid.words.filter((w) => !bars(w)), ...placed]))
      items.push({ x: c.x0, text: c.text });
  else for (const w of placed) items.push({ x: w.box.x, text: w.text });
  // the tall brackets back in the line (from one row: the top piece and the bottom one are one bracket)
  for (const c of n0.delims.length ? n0.delims : d0.delims)
    items.push({ x: c.x0, text: tallDelimiter(c.text)! });
  return items
    .sort((a, b) => a.x - b.x)
    .map((i) => i.text)
    .join(' ');
}

const right = (w: LayoutWord) => w.box.x + w.box.w;

/** A character the text layer gives for a glyph with no Unicode (a control code, private use) or a bracket piece. */
const isGlyph = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0xe000 && c <= 0xf8ff) || '⎛⎜⎝⎞⎟⎠⎡⎢⎣⎤⎥⎦'.includes(ch);
};

/**
 * A tall bracket is drawn from the top of the rows it spans, so the text layer may put it on the row
 * above its own (a fraction's denominators), lower than that row's words: it goes back to the line
 * below, whose text is then rebuilt with the bracket in its place.
 */
function delimitersToTheirLine(lines: LayoutLine[]): LayoutLine[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  const moved = new Set<number>();
  for (let i = 0; i + 1 < out.length; i++) {
    const others = out[i].words.filter((w) => tallDelimiter(w.text) === null && w.text.trim());
    if (!out[i + 1].words.length) continue;
    // (a line of nothing but brackets is theirs too)
    const y = others.length
      ? others.reduce((s, w) => s + w.box.y, 0) / others.length
      : Number.NEGATIVE_INFINITY;
    const raised = bracketsWithExponent(out[i], out[i + 1]);
    if (raised) {
      out[i].words = [];
      out[i + 1].words.push(...raised);
      moved.add(i);
      moved.add(i + 1);
      continue;
    }
    const low = out[i].words.filter((w) => tallDelimiter(w.text) !== null && w.box.y - y > 3);
    if (!low.length) continue;
    out[i].words = out[i].words.filter((w) => !low.includes(w));
    out[i + 1].words.push(...low);
    moved.add(i);
    moved.add(i + 1);
  }
  for (const i of moved)
    out[i].text = clusters(out[i].words)
      // (a bracket alone, or a glyph inside a cluster: the `#` of `#mult` is no cmex bracket 35)
      .map((c) =>
        [...c.text]
          .map((ch) =>
            (c.text.length === 1 || isGlyph(ch)) && tallDelimiter(ch) ? ` ${tallDelimiter(ch)} ` : ch,
          )
          .join(''),
      )
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  return out;
}

/**
 * `\Bigl( \tfrac{200+2·1−4}{1} + 1 \Bigr)^2`: the big brackets and the exponent after them make a
 * line of their own above the line they belong to (the glyphs are drawn from above it), which then
 * reads `(200+2·1−4)/(1) + 1 · 3 · 10` with no bracket and no square. A line of nothing but tall
 * brackets and short raised words touching a closing one, over a line of words between the
 * brackets, is that line's: the words to move there, the brackets at the line's height (so the
 * exponent stands raised after its bracket), null otherwise.
 */
function bracketsWithExponent(line: LayoutLine, below: LayoutLine): LayoutWord[] | null {
  const brackets = line.words.filter((w) => tallDelimiter(w.text) !== null);
  const rest = line.words.filter((w) => !brackets.includes(w) && w.text.trim());
  if (brackets.length < 2 || !rest.length) return null;
  const closes = brackets.filter((w) => /[)\]]/.test(tallDelimiter(w.text)!));
  const exponent = (w: LayoutWord) =>
    /^(?:\d{1,2}|[⊤ᵀT])$/.test(w.text) && closes.some((c) => Math.abs(right(c) - w.box.x) < 1.5);
  if (!rest.every(exponent)) return null;
  const y = rowY(below);
  const h = Math.max(...line.words.map((w) => w.box.h));
  // (the line below: within a line's height, with words inside the brackets' span)
  const x0 = Math.min(...brackets.map((w) => w.box.x));
  const x1 = Math.max(...brackets.map(right));
  if (y - rowY(line) > 2 * h || y <= rowY(line)) return null;
  if (!below.words.some((w) => w.box.x > x0 && right(w) < x1)) return null;
  return [...brackets.map((w) => ({ ...w, box: { ...w.box, y } })), ...rest];
}

/**
 * Inline (text-style) fractions: pdfTeX stacks the numerator and denominator of ∂L/∂c_t inside the
 * line (`∂c∂L`), and the denominator's subscripts fall onto a line of their own below (`t t t+1`).
 * Returns the line rebuilt with `∂L/∂c_t`, and whether the line below was used; null when the line
 * has no stacked derivative.
 */
function inlineFractions(
  line: LayoutLine,
  below: LayoutLine | undefined,
): { text: string; usedBelow: boolean } | null {
  const used = new Set<LayoutWord>();
  const pairs: Array<{ n: LayoutWord; d: LayoutWord; nsub: string; sub: string; end: number }> = [];
  for (const n of line.words)
    for (const d of line.words) {
      if (n === d || used.has(n) || used.has(d) || !DERIV.test(n.text) || !DERIV.test(d.text)) continue;
      const dy = d.box.y - n.box.y;
      const overlap = Math.min(right(n), right(d)) - Math.max(n.box.x, d.box.x);
      if (dy > 3 && dy < 14 && overlap > 0.25 * Math.min(n.box.w, d.box.w)) {
        pairs.push({ n, d, nsub: '', sub: '', end: right(d) });
        used.add(n);
        used.add(d);
      }
    }
  if (!pairs.length) return null;
  // subscripts kept in the line: just right of the numerator (between the two rows) or the denominator
  for (const p of pairs) {
    let nEnd = right(p.n);
    for (const w of [...line.words].sort((a, b) => a.box.x - b.box.x)) {
      if (used.has(w) || w.box.h >= p.n.box.h) continue;
      if (Math.abs(w.box.x - nEnd) < 1.5 && w.box.y > p.n.box.y && w.box.y < p.d.box.y) {
        p.nsub += w.text;
        nEnd = right(w);
        used.add(w);
      } else if (Math.abs(w.box.x - p.end) < 1.5 && w.box.y >= p.d.box.y) {
        p.sub += w.text;
        p.end = right(w);
        used.add(w);
      }
    }
  }
  // the line below holds only the denominators' subscripts, each just right of its denominator
  let usedBelow = false;
  const low = below ? [...below.words].sort((a, b) => a.box.x - b.box.x) : [];
  if (low.length && low.length <= 3 * pairs.length && low.every((w) => w.box.y > line.words[0].box.y)) {
    const trial = pairs.map((p) => ({ ...p }));
    const ok = low.every((w) => {
      const p = trial.find((q) => w.box.x >= q.d.box.x && w.box.x <= q.end + 2);
      if (!p) return false;
      p.sub += w.text;
      p.end = right(w);
      return true;
    });
    if (ok) {
      pairs.splice(0, pairs.length, ...trial);
      usedBelow = true;
    }
  }
  const rest = line.words.filter((w) => !used.has(w));
  const base = rest[0]?.box.y ?? pairs[0].n.box.y;
  const fracs: LayoutWord[] = pairs.map((p) => {
    const x = Math.min(p.n.box.x, p.d.box.x);
    return {
      text: `${p.n.text}${p.nsub}/${p.d.text}${p.sub}`,
      box: { x, y: base, w: Math.max(right(p.n), p.end) - x, h: p.n.box.h },
    };
  });
  return {
    text: clusters([...rest, ...fracs])
      .map((c) => c.text)
      .join(' '),
    usedBelow,
  };
}

const ARITH_ROW = /^[\d\s.,+\-−–·×*()]+$/;

/** A row of arithmetic only (a fraction's numerator `200 + 2 · 1 − 4` or denominator `1`). */
function arithRow(l: LayoutLine): { x0: number; x1: number; text: string } | null {
  const t = l.words.map((w) => w.text).join(' ');
  if (!ARITH_ROW.test(t) || !/\d/.test(t)) return null;
  const ws = [...l.words].sort((a, b) => a.box.x - b.box.x);
  // one contiguous group: a numerator, not numbers scattered over the page
  for (let k = 1; k < ws.length; k++) if (ws[k].box.x - (ws[k - 1].box.x + ws[k - 1].box.w) > 12) return null;
  return {
    x0: ws[0].box.x,
    x1: right(ws[ws.length - 1]),
    text: clusters(ws)
      .map((c) => c.text)
      .join(' '),
  };
}

/** A row's words in groups set apart by a gap wider than a space between terms (12 pt). */
function gapGroups(l: LayoutLine): Array<{ x0: number; x1: number; text: string }> {
  const ws = [...l.words].filter((w) => w.text.trim()).sort((a, b) => a.box.x - b.box.x);
  const groups: LayoutWord[][] = [];
  for (const w of ws) {
    const last = groups[groups.length - 1];
    if (last && w.box.x - right(last[last.length - 1]) <= 12) last.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => ({
    x0: g[0].box.x,
    x1: Math.max(...g.map(right)),
    text: clusters(g)
      .map((c) => c.text)
      .join(' '),
  }));
}

/**
 * Displayed fractions other than derivatives (`\frac{W − F + 2P}{S} + 1 = \frac{200 − 4 + 2}{1} + 1 =
 * 199`): a row of numerators above and one of denominators below a line that leaves each fraction's
 * place empty (the bar is a rule, not text). Each numerator group pairs with the denominator group
 * under it; at least one pair is arithmetic. Returns the middle line with `(numerator)/(denominator)`
 * put in each place, or null.
 */
function numericFraction(three: [LayoutLine, LayoutLine, LayoutLine]): string | null {
  const [a, b, c] = [...three].sort((p, q) => rowY(p) - rowY(q));
  if (!(rowY(a) < rowY(b) && rowY(b) < rowY(c) && rowY(c) - rowY(a) < 40)) return null;
  // (a fraction's rows sit closer than a text's lines: half a line above and below the bar)
  if (rowY(b) - rowY(a) > 11 || rowY(c) - rowY(b) > 11) return null;
  const nums = gapGroups(a);
  const dens = gapGroups(c);
  if (!nums.length || nums.length !== dens.length || arithRow(b)) return null;
  if (dens.some((d) => d.text.length > 8)) return null;
  // (derivatives are the other reading's, with their subscripts)
  if ([...nums, ...dens].some((g) => DERIV.test(g.text))) return null;
  const pairs = nums.map((n, k) => ({ n, d: dens[k] }));
  const overlaps = pairs.every(({ n, d }) => Math.min(n.x1, d.x1) - Math.max(n.x0, d.x0) > 0);
  if (
    !overlaps ||
    !pairs.some(({ n, d }) => ARITH_ROW.test(n.text) && ARITH_ROW.test(d.text) && /\d/.test(n.text))
  )
    return null;
  const spans = pairs.map(({ n, d }) => ({ x0: Math.min(n.x0, d.x0), x1: Math.max(n.x1, d.x1) }));
  const centre = (w: LayoutWord) => w.box.x + w.box.w / 2;
  if (b.words.some((w) => spans.some((s) => centre(w) > s.x0 && centre(w) < s.x1))) return null;
  const items = clusters(b.words).map((cl) => ({ x: cl.x0, text: cl.text }));
  pairs.forEach(({ n, d }, k) => {
    items.push({ x: spans[k].x0, text: `(${n.text})/(${d.text})` });
  });
  return items
    .sort((p, q) => p.x - q.x)
    .map((it) => it.text)
    .join(' ');
}

/**
 * Lines with typeset fractions of derivatives folded into one line each; other lines unchanged.
 * Returns each output line with the index of the first input line it came from.
 */
export function linearizeFractions(input: LayoutLine[]): Array<{ text: string; from: number }> {
  const lines = delimitersToTheirLine(input);
  const out: Array<{ text: string; from: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const three = [lines[i], lines[i + 1], lines[i + 2]];
    if (three.every((l) => l?.words.length)) {
      const numeric = numericFraction(three as [LayoutLine, LayoutLine, LayoutLine]);
      if (numeric) {
        out.push({ text: numeric, from: i });
        i += 2;
        continue;
      }
      // text extraction may order the three rows differently from top to bottom (an accent raises one)
      const [a, b, c] = [...three].sort((p, q) => rowY(p) - rowY(q));
      const [ya, yb, yc] = [rowY(a), rowY(b), rowY(c)];
      // (a line of prose between two rows of derivatives, "Therefore" under a numerator, is no
      // fraction's middle)
      if (
        isFractionRow(a) &&
        isFractionRow(c) &&
        ya < yb &&
        yb < yc &&
        yc - ya < 40 &&
        fractionMiddle(a, b)
      ) {
        out.push({ text: merge(a, c, b), from: i });
        i += 2;
        continue;
      }
    }
    const a = lines[i];
    const b = lines[i + 1];
    if (isFractionRow(a) && isFractionRow(b) && rowY(b) > rowY(a) && rowY(b) - rowY(a) < 25) {
      out.push({ text: merge(a, b, null), from: i });
      i += 1;
      continue;
    }
    const inline = a.words.length ? inlineFractions(a, lines[i + 1]) : null;
    if (inline) {
      out.push({ text: inline.text, from: i });
      if (inline.usedBelow) i += 1;
      continue;
    }
    // (a line whose brackets went to the line below is gone: the equation runs on across it)
    if (!a.words.length && input[i].words.length) continue;
    out.push({ text: a.text, from: i });
  }
  return out;
}

/** The text of a typeset column's cell: numbers, arithmetic, tanh … */
const CELL = /^(?:[\d\s.,+\-−–*·×⋅()/^²]|tanh|exp|sigma|σ|e)*$/i;

// A delimiter glyph of a typeset matrix: pdfTeX's tall brackets come out as private-use characters
// (U+F8EB–U+F8FE, Adobe's bracket pieces) or with no text at all
const DELIMITER = /^(?:[\s\u{e000}-\u{f8ff}]*|[[\]()⎡⎢⎣⎤⎥⎦⎛⎜⎝⎞⎟⎠|{}])$/u;

/**
 * Column vectors and matrices set as stacked rows (LaTeX `bmatrix`, `pmatrix`): the text layer gives
 * one line per row, with the delimiters as glyphs on the middle row. Each pair of delimiters on a
 * line encloses a column: the cells of the rows just above and below that lie between them are its
 * other entries. The column is folded into the middle row as `(top, middle, bottom)` (its words
 * replaced by one) and its cells taken out of the other rows, so `C_t = (0.7, 0.2, 0.05)` reads as
 * one line. Lines keep their positions in the array (emptied rows stay, with no words).
 */
export function linearizeColumnVectors<L extends LayoutLine>(lines: L[]): L[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  const taken = new Set<LayoutWord>();
  for (let i = 0; i < out.length; i++) {
    const mid = out[i];
    // a bracket typed in a sentence is text size; a matrix's delimiters are glyph pieces (no text,
    // private-use characters) or taller than the text
    const hs = mid.words.map((w) => w.box.h).sort((a, b) => a - b);
    const body = hs[Math.floor(hs.length / 2)] ?? 0;
    const isDelim = (w: LayoutWord) =>
      DELIMITER.test(w.text) &&
      w.box.w < 12 &&
      (/^[\s\u{e000}-\u{f8ff}]*$/u.test(w.text) || w.box.h > body * 1.4);
    const delims = mid.words.filter(isDelim).sort((a, b) => a.box.x - b.box.x);
    if (delims.length < 2) {
      foldBareColumns(out, i, taken);
      continue;
    }
    const lineH = Math.max(...mid.words.map((w) => w.box.h), 1);
    // rows above and below within reach of this line's brackets
    const near = out
      .map((l, k) => ({ l, k }))
      .filter(({ l, k }) => k !== i && l.words.length && Math.abs(rowY(l) - rowY(mid)) < lineH * 2.6);
    for (let d = 0; d + 1 < delims.length; d++) {
      const x0 = delims[d].box.x + delims[d].box.w;
      const x1 = delims[d + 1].box.x;
      if (x1 - x0 < 3) continue;
      const inside = (w: LayoutWord) => {
        const cx = w.box.x + w.box.w / 2;
        return cx > x0 && cx < x1 && !taken.has(w) && !DELIMITER.test(w.text);
      };
      // the column's other rows: contiguous rows just above and below whose words between the
      // brackets are cells (numbers, arithmetic, tanh …), not a formula line above the vector
      const cellLike = (ws: LayoutWord[]) => {
        const t = ws.map((w) => w.text).join('');
        return /\d/.test(t) && CELL.test(t);
      };
      const rows: { y: number; words: LayoutWord[] }[] = [];
      for (const dir of [-1, 1]) {
        let edge = rowY(mid);
        const side = near
          .filter(({ l }) => (rowY(l) - rowY(mid)) * dir > 0)
          .sort((a, b) => (rowY(a.l) - rowY(b.l)) * dir);
        for (const { l } of side) {
          const ws = l.words.filter(inside);
          if (!ws.length) continue;
          if (Math.abs(rowY(l) - edge) > lineH * 1.6 || !cellLike(ws)) break;
          rows.push({ y: rowY(l), words: ws });
          edge = rowY(l);
        }
      }
      const own = mid.words.filter(inside);
      if (!rows.length || !own.length) continue;
      const cells = [...rows, { y: rowY(mid), words: own }].sort((a, b) => a.y - b.y);
      const cellText = (ws: LayoutWord[]) =>
        clusters(ws)
          .map((c) => c.text)
          .join(' ');
      const folded: LayoutWord = {
        text: `(${cells.map((c) => cellText(c.words)).join(', ')})`,
        box: { x: x0, y: own[0].box.y, w: x1 - x0, h: own[0].box.h },
      };
      for (const c of cells) for (const w of c.words) taken.add(w);
      // the brackets are now the parentheses of the folded column
      taken.add(delims[d]);
      taken.add(delims[d + 1]);
      mid.words = [...mid.words.filter((w) => !own.includes(w)), folded];
    }
  }
  for (const l of out) {
    l.words = l.words.filter((w) => !taken.has(w));
    l.words.sort((a, b) => a.box.x - b.box.x);
  }
  return out.map((l, k) =>
    l.words.length === lines[k].words.length && l.words.every((w, j) => w === lines[k].words[j])
      ? lines[k]
      : { ...l, text: joinLine(l.words) },
  );
}

/** The signs between a display's columns. */
const BETWEEN = /^(?:=|≈|[∘⊙×*·+]|o)$/;

/**
 * Column vectors set with no delimiters (pdfTeX's `matrix`, or brackets the text layer lost): a row of
 * cells just above and just below a line whose signs (`∘`, `=`) part it into columns, each sign
 * between two columns. A column whose own row and both rows around it hold cells there is folded
 * into the middle line as `(top, middle, bottom)`: "1 tanh 0.7 1 0.604" / "0 ∘ tanh 0.2 = 0 ∘ 0.197" /
 * "0 tanh 0.05 0 0.050" reads `(1, 0, 0) ∘ (tanh 0.7, tanh 0.2, tanh 0.05) = …`. Only where every
 * word of the rows around is such a cell, and lies in such a column.
 */
function foldBareColumns(out: LayoutLine[], i: number, taken: Set<LayoutWord>): void {
  const mid = out[i];
  const [up, low] = [out[i - 1], out[i + 1]];
  if (!up?.words.length || !low?.words.length || !mid.words.some((w) => w.text === '=')) return;
  const lineH = Math.max(...mid.words.map((w) => w.box.h), 1);
  if (rowY(mid) - rowY(up) > lineH * 1.8 || rowY(low) - rowY(mid) > lineH * 1.8) return;
  if (
    ![up, low].every(
      (l) => l.words.length >= 2 && l.words.every((w) => w.text.trim() !== '' && CELL.test(w.text)),
    )
  )
    return;
  const signs = mid.words.filter((w) => BETWEEN.test(w.text)).sort((a, b) => a.box.x - b.box.x);
  const centre = (w: LayoutWord) => w.box.x + w.box.w / 2;
  const edges = [Number.NEGATIVE_INFINITY, ...signs.map(centre), Number.POSITIVE_INFINITY];
  const columns = edges.slice(1).map((x1, k) => {
    const inside = (w: LayoutWord) => centre(w) > edges[k] && centre(w) < x1 && !BETWEEN.test(w.text);
    return { top: up.words.filter(inside), own: mid.words.filter(inside), bottom: low.words.filter(inside) };
  });
  // (a column's cells sit over and under its own: a word far to one side is no cell of it)
  const under = (c: { own: LayoutWord[] }, w: LayoutWord) =>
    centre(w) > Math.min(...c.own.map((o) => o.box.x)) - lineH * 2 &&
    centre(w) < Math.max(...c.own.map(right)) + lineH * 2;
  const full = columns.filter(
    (c) =>
      c.top.length && c.own.length && c.bottom.length && [...c.top, ...c.bottom].every((w) => under(c, w)),
  );
  const placed = full.reduce((n, c) => n + c.top.length + c.bottom.length, 0);
  // (every cell above and below in a column of three: otherwise this is no display of columns)
  if (full.length < 2 || placed !== up.words.length + low.words.length) return;
  const text = (ws: LayoutWord[]) => joinLine([...ws].sort((a, b) => a.box.x - b.box.x));
  for (const c of full) {
    const x0 = Math.min(...[...c.top, ...c.own, ...c.bottom].map((w) => w.box.x));
    const x1 = Math.max(...[...c.top, ...c.own, ...c.bottom].map(right));
    const folded: LayoutWord = {
      text: `(${text(c.top)}, ${text(c.own)}, ${text(c.bottom)})`,
      box: { x: x0, y: c.own[0].box.y, w: x1 - x0, h: c.own[0].box.h },
    };
    for (const w of [...c.top, ...c.bottom]) taken.add(w);
    mid.words = [...mid.words.filter((w) => !c.own.includes(w)), folded];
  }
}

/** Words of a rebuilt line, spaced where there is a visible gap. */
function joinLine(words: LayoutWord[]): string {
  return clusters(words)
    .map((c) => c.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A subscript the text layer put on the line below its base: pdfTeX sets a display whose column
 * vectors open a row of their own (their brackets' pieces), and `C_{t−1}`'s `t−1` lands on that row.
 * Smaller words of the lower line, within the upper line's height and starting where one of its words
 * ends, go back beside their base; the lines keep their positions in the array.
 */
export function subscriptsToTheirBase<L extends LayoutLine>(lines: L[]): L[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  const changed = new Set<number>();
  for (let i = 0; i + 1 < out.length; i++) {
    const [up, low] = [out[i], out[i + 1]];
    if (!up.words.length || !low.words.length) continue;
    const hs = up.words.map((w) => w.box.h).sort((a, b) => a - b);
    const body = hs[Math.floor(hs.length / 2)];
    const top = Math.min(...up.words.map((w) => w.box.y));
    const bottom = Math.max(...up.words.map((w) => w.box.y + w.box.h));
    const small = low.words
      .filter(
        (w) => w.text.trim() && w.box.h < body * 0.85 && w.box.y >= top && w.box.y + w.box.h <= bottom + 1,
      )
      .sort((a, b) => a.box.x - b.box.x);
    const moved: LayoutWord[] = [];
    for (let k = 0; k < small.length; k++) {
      // a run of touching small words, the first at a word's right edge above
      const run = [small[k]];
      while (k + 1 < small.length && small[k + 1].box.x - right(small[k]) < 1.5) run.push(small[++k]);
      if (up.words.some((u) => Math.abs(run[0].box.x - right(u)) < 1.5)) moved.push(...run);
    }
    if (!moved.length) continue;
    up.words.push(...moved);
    low.words = low.words.filter((w) => !moved.includes(w));
    changed.add(i);
    changed.add(i + 1);
  }
  return out.map((l, k) => (changed.has(k) ? { ...l, text: joinLine(l.words) } : lines[k]));
}
