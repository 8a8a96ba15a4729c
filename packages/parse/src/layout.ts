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
      // a raised digit is a superscript (tanh² read as `tanh` + raised `2`)
      const raised = w.box.y < prev.y - 1.5 && /^\d$/.test(w.text);
      prev.text += raised ? `^${w.text}` : w.text;
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
const STRAY = /^(?:[˜ˆ¨˙¯´`^~]|\d)$/;

function fractionClusters(l: LayoutLine): { fracs: Cluster[]; stray: Cluster[] } {
  const cs = clusters(l.words);
  return { fracs: cs.filter((c) => !STRAY.test(c.text)), stray: cs.filter((c) => STRAY.test(c.text)) };
}

function isFractionRow(l: LayoutLine | undefined): l is LayoutLine {
  if (!l?.words.length) return false;
  const { fracs } = fractionClusters(l);
  return fracs.length > 0 && fracs.every((c) => DERIV.test(c.text));
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
  const strayDigits = [...n0.stray, ...d0.stray].filter((c) => /\d/.test(c.text)).flatMap((c) => c.words);
  const used = new Set<number>();
  const items: Array<{ x: number; text: string }> = [];
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
      items.push({ x: Math.min(n.x0, ds[best].x0), text: `${n.text}/${ds[best].text}` });
    } else items.push({ x: n.x0, text: n.text });
  }
  ds.forEach((d, k) => {
    if (!used.has(k)) items.push({ x: d.x0, text: d.text });
  });
  if (mid) for (const c of clusters([...mid.words, ...strayDigits])) items.push({ x: c.x0, text: c.text });
  else for (const w of strayDigits) items.push({ x: w.box.x, text: w.text });
  return items
    .sort((a, b) => a.x - b.x)
    .map((i) => i.text)
    .join(' ');
}

const right = (w: LayoutWord) => w.box.x + w.box.w;

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

/**
 * Lines with typeset fractions of derivatives folded into one line each; other lines unchanged.
 * Returns each output line with the index of the first input line it came from.
 */
export function linearizeFractions(lines: LayoutLine[]): Array<{ text: string; from: number }> {
  const out: Array<{ text: string; from: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const three = [lines[i], lines[i + 1], lines[i + 2]];
    if (three.every((l) => l?.words.length)) {
      // text extraction may order the three rows differently from top to bottom (an accent raises one)
      const [a, b, c] = [...three].sort((p, q) => rowY(p) - rowY(q));
      const [ya, yb, yc] = [rowY(a), rowY(b), rowY(c)];
      if (isFractionRow(a) && isFractionRow(c) && ya < yb && yb < yc && yc - ya < 40) {
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
    out.push({ text: a.text, from: i });
  }
  return out;
}
