// `expression` items: a formula for a named quantity, equivalent to the key or an accepted form.
import { equivalent, normalizeMath, parseExpr, tokenize } from '@grader/parse';
import { equationsFor } from '../equations.ts';
import { canonicalSymbol, compiled } from '../evidence.ts';
import type { ExpressionItem } from '../schema.ts';
import type { ItemContext, ItemHandler, ItemResult } from './types.ts';

function gradeExpression(item: ExpressionItem, { ev }: ItemContext): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const names = item.of.map(canonicalSymbol);
  const cands = equationsFor(ev, names, false, true);
  const key = parseExpr(item.expr);
  const accept = item.accept.map((a) => parseExpr(a));
  const evidence = ev.answer.regions.slice(0, 1);
  for (const c of cands.reverse()) {
    if (equivalent(c, key) || accept.some((a) => equivalent(c, a))) {
      // read alike once ⊙ and ∘ become products, but written as an element-wise product
      const hadamard = item.elementwise !== undefined && writtenElementwise(ev.answer.text, item.of);
      // two vectors with the transpose on the second, `s_k h_j^T`: with column vectors an outer
      // product, with row vectors the dot product; which the student meant is a person's call
      if (writtenOuter(ev.answer.text, item.of))
        return {
          ...base,
          awarded: 0,
          reason: `${item.label.split(' ')[0]} is written with the transpose on the second vector (a b^T: an outer product of column vectors, an inner one of row vectors): a person checks which is meant`,
          evidence,
          conf: 0.5,
          wrong: `${item.id}:outer`,
        };
      if (hadamard)
        return {
          ...base,
          awarded: 0,
          reason: item.elementwise!,
          evidence,
          conf: 0.5,
          wrong: `${item.id}:elementwise`,
        };
      return {
        ...base,
        awarded: item.points,
        reason: item.right,
        evidence,
        conf: 1,
      };
    }
    for (const r of item.reject) {
      if (equivalent(c, parseExpr(r.expr)))
        return { ...base, awarded: 0, reason: r.reason, evidence, conf: 1, wrong: `${item.id}:reject` };
    }
  }
  const saysInWords = item.inWords?.all.every((p) => compiled(p, '').test(ev.prose)) ?? false;
  if (cands.length) {
    // the formula read says otherwise than the words beside it ("h_j^T s_{k-1}P (dot product)",
    // a typeset sum glued to it): the reading may be at fault, a person checks
    if (saysInWords)
      return {
        ...base,
        awarded: 0,
        reason: `${item.wrong}, though the words beside it say it is: a person checks the formula`,
        evidence,
        conf: 0.5,
        wrong: `${item.id}:other`,
      };
    // (letters glued onto the formula that no reading takes, "s(k − 1)TPh(j)" with a typeset
    // sum's P run in: the formula read may be only part of it, a person checks)
    const glued = ev.lines.some((line) => {
      const toks = tokenize(line);
      const eq = toks.findIndex(
        (t, k) => t.t === 'op' && t.v === '=' && names.includes(toks[k - 1]?.v as string),
      );
      return (
        eq > 0 && toks.slice(eq + 1).some((t, k) => t.t === 'word' && !t.sp && toks[eq + k]?.t === 'sym')
      );
    });
    return {
      ...base,
      awarded: 0,
      reason: glued ? `${item.wrong}; letters are glued onto it: a person checks the reading` : item.wrong,
      evidence,
      conf: glued ? 0.5 : 0.9,
      wrong: `${item.id}:other`,
    };
  }
  // said in words ("the dot product of s_{k-1} and h_j"): every pattern of the rubric's `inWords`
  if (saysInWords && item.inWords) {
    return {
      ...base,
      awarded: item.points,
      reason: item.inWords.reason,
      evidence,
      // an expression written beside the words that we could not read may say otherwise
      conf: /=/.test(ev.prose) ? 0.6 : 0.75,
    };
  }
  const blank = ev.prose.replace(/[^a-z0-9]/g, '').length === 0;
  return {
    ...base,
    awarded: 0,
    reason: blank
      ? 'no expression written'
      : (item.unread ?? `no expression for ${item.of[0]} could be read`),
    evidence,
    conf: blank ? 0.95 : 0.5,
  };
}

export const expression: ItemHandler<ExpressionItem> = { type: 'expression', grade: gradeExpression };

/** The right side of `of = …` on some line is `a_i b_j^T`: two indexed vectors, the second transposed. */
function writtenOuter(text: string, of: string[]): boolean {
  const names = loosePattern(of);
  if (!names) return false;
  const lhs = new RegExp(`(?:${names})\\s*=\\s*([^=\\n]*)`, 'g');
  const outer =
    /^[A-Za-z]_?(?:\{[^{}]{1,6}\}|\w{1,3})\s*\*?\s*[A-Za-z]_(?:\{[^{}]{1,6}\}|\w{1,3})\s*\^\s*T\b/;
  return [...normalizeMath(text).matchAll(lhs)].some((m) => outer.test(m[1].trim()));
}

/** A name written loosely: `e_{kj}` as e_kj, ekj, e_{kj}, e_k,j. */
function loosePattern(of: string[]): string {
  const loose = (n: string) => {
    const [base, sub = ''] = n.replace(/[{}]/g, '').split('_');
    const letters = [...sub].filter((c) => /[a-z0-9]/i.test(c));
    return `(?<![A-Za-z])${base}\\s*_?\\s*\\{?${letters.join('\\s*,?\\s*')}\\}?`;
  };
  return of
    .filter((n) => n.includes('_'))
    .map(loose)
    .join('|');
}

/** The right side of `of = …` on some line holds ⊙, ∘, `(.)` or `.*` (an element-wise product). */
function writtenElementwise(text: string, of: string[]): boolean {
  const names = loosePattern(of);
  if (!names) return false;
  const lhs = new RegExp(`(?:${names})\\s*=([^=\\n]*)`, 'g');
  for (const m of text.matchAll(lhs)) if (/[⊙∘]|\(\.\)|\.\*/.test(m[1])) return true;
  return false;
}
