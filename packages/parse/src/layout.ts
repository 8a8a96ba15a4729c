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
    } else out.push({ x0: w.box.x, x1: w.box.x + w.box.w, y: w.box.y, text: w.text });
  }
  return out;
}

const DERIV = /^[∂d𝜕][A-Za-zΑ-ω]/u;

function isFractionRow(l: LayoutLine | undefined): l is LayoutLine {
  if (!l?.words.length) return false;
  const cs = clusters(l.words);
  return cs.length > 0 && cs.every((c) => DERIV.test(c.text));
}

function rowY(l: LayoutLine): number {
  return l.words.reduce((s, w) => s + w.box.y, 0) / l.words.length;
}

function merge(num: LayoutLine, den: LayoutLine, mid: LayoutLine | null): string {
  const ns = clusters(num.words);
  const ds = clusters(den.words);
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
  if (mid) for (const c of clusters(mid.words)) items.push({ x: c.x0, text: c.text });
  return items
    .sort((a, b) => a.x - b.x)
    .map((i) => i.text)
    .join(' ');
}

/**
 * Lines with typeset fractions of derivatives folded into one line each; other lines unchanged.
 * Returns each output line with the index of the first input line it came from.
 */
export function linearizeFractions(lines: LayoutLine[]): Array<{ text: string; from: number }> {
  const out: Array<{ text: string; from: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const [a, b, c] = [lines[i], lines[i + 1], lines[i + 2]];
    if (isFractionRow(a) && b?.words.length && isFractionRow(c)) {
      const [ya, yb, yc] = [rowY(a), rowY(b), rowY(c)];
      if (ya < yb && yb < yc && yc - ya < 40) {
        out.push({ text: merge(a, c, b), from: i });
        i += 2;
        continue;
      }
    }
    if (isFractionRow(a) && isFractionRow(b) && rowY(b) > rowY(a) && rowY(b) - rowY(a) < 25) {
      out.push({ text: merge(a, b, null), from: i });
      i += 1;
      continue;
    }
    out.push({ text: a.text, from: i });
  }
  return out;
}
