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
      const lhs = eq.sides[0].tokens;
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
 * A formula with a bracketed aside after a space ("s_k^T h_j (dot prod sim)", "s_k . h_j (s_k^T h_j)"):
 * read as a product, the aside changes it; the formula before it and a restatement inside it are
 * each a reading of their own.
 */
function asideReadings(t: Token[]): Expr[] {
  const last = t[t.length - 1];
  if (last?.t !== 'op' || last.v !== ')') return [];
  let depth = 0;
  let open = -1;
  for (let i = t.length - 1; i >= 0; i--) {
    const x = t[i];
    if (x.t !== 'op') continue;
    if (x.v === ')') depth++;
    else if (x.v === '(' && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open <= 0 || !t[open].sp) return [];
  return [tryParseExpr(t.slice(0, open)), tryParseExpr(t.slice(open + 1, -1))].filter(
    (e): e is Expr => e !== null,
  );
}
