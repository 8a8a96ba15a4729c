// The student's expressions for a named quantity, read from the equations of an answer.
import { type Equation, type Expr, findEquations } from '@grader/parse';
import type { Evidence } from './evidence.ts';

/** The right-hand sides of every equation whose left-hand side is one of `names`. */
export function equationsFor(ev: Evidence, names: string[], continued = false): Expr[] {
  const out: Expr[] = [];
  const take = (eqs: Equation[]) => {
    for (const eq of eqs) {
      const lhs = eq.sides[0].tokens;
      if (lhs.length === 1 && lhs[0].t === 'sym' && names.includes(lhs[0].v)) {
        for (const s of eq.sides.slice(1)) if (s.expr) out.push(s.expr);
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
