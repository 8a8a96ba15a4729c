// The student's expressions for a named quantity, read from the equations of an answer.
import { type Equation, type Expr, findEquations, type Token, tryParseExpr } from '@grader/parse';
import type { Evidence } from './evidence.ts';

/** The right-hand sides of every equation whose left-hand side is one of `names`. */
export function equationsFor(
  ev: Evidence,
  names: string[],
  continued = false,
  /** also read a side without a bracketed aside after it, and the aside alone */
  asides = false,
): Expr[] {
  const out: Expr[] = [];
  const take = (eqs: Equation[]) => {
    for (const eq of eqs) {
      // (a word or two naming the line before the symbol, a table's row label: "Sum ∂L/∂c_t = …")
      const lhs = eq.sides[0].tokens.filter(
        (t, k, all) =>
          !((t.t === 'word' || (t.t === 'func' && t.v === 'sum')) && k < all.length - 1 && k < 2),
      );
      if (lhs.length === 1 && lhs[0].t === 'sym' && names.includes(lhs[0].v)) {
        for (const s of eq.sides.slice(1)) {
          if (s.expr) out.push(s.expr);
          if (asides) out.push(...asideReadings(s.tokens));
        }
      }
    }
  };
  take(ev.equations);
  if (continued) {
    // an expression broken across lines in the middle of a product (`... + diag(f_{t+1})` / `dL/dc_{t+1}`):
    // also read each equation line joined with the next one; the best-matching reading is used
    ev.equations.forEach((eq) => {
      const next = ev.lines[eq.lastLine + 1];
      if (next?.trim())
        take(findEquations([`${ev.lines.slice(eq.line, eq.lastLine + 1).join(' ')} ${next}`]));
    });
  }
  return out;
}

/**
 * A formula with a bracketed aside after a space ("s_k^T h_j (dot prod sim)", "s_k . h_j (s_k^T h_j)",
 * shapes "s_{k-1}^T h_j  (1 × d)(d × 1)"): read as a product, the aside changes it; the formula before
 * it and a restatement inside it (the first of several brackets) are each a reading of their own.
 */
function asideReadings(t: Token[]): Expr[] {
  // the run of brackets ending the side, one against the next: where it opens, and its first bracket
  let open = -1;
  let firstClose = -1;
  let end = t.length - 1;
  while (t[end]?.t === 'op' && t[end].v === ')') {
    let depth = 0;
    let at = -1;
    for (let i = end; i >= 0; i--) {
      const x = t[i];
      if (x.t !== 'op') continue;
      if (x.v === ')') depth++;
      else if (x.v === '(' && --depth === 0) {
        at = i;
        break;
      }
    }
    if (at < 0) break;
    open = at;
    firstClose = end;
    if (t[at].sp) break;
    end = at - 1;
  }
  // (a function's argument set off by a space, `softmax ( s_k^T h_j )` from typeset big brackets, is no aside)
  if (open <= 0 || !t[open].sp || t[open - 1].t === 'func') return [];
  return [tryParseExpr(t.slice(0, open)), tryParseExpr(t.slice(open + 1, firstClose))].filter(
    (e): e is Expr => e !== null,
  );
}
