// `term` items: one additive term of a derived expression (a path of dL/dc_t), found in the student's
// expression for the asked quantity after substituting their intermediate definitions.
import {
  additiveTerms,
  type Expr,
  equivalent,
  parseExpr,
  printExpr,
  substitute,
  symbolsOf,
} from '@grader/parse';
import { equationsFor } from '../equations.ts';
import { bracketDepth, canonicalSymbol, type Evidence } from '../evidence.ts';
import type { Part, TermItem } from '../schema.ts';
import type { ItemHandler, PartDoubt, PartOutcome } from './types.ts';

export interface TermMatch {
  credit: number;
  reason: string;
  /** a partial-credit form: a wrong answer worth noticing when two scripts share it */
  wrong?: string;
  /** the form read is a lone derivative, no factor of its own (`dL/dh_t` for a path): the chain rule never reached it */
  lone?: boolean;
}

/**
 * The key's terms found in the student's expression for the asked quantity (the reading that earns
 * most), and the student's terms that match no key term nor known alternative (`unknown`).
 */
export function gradeTerms(part: Part, ev: Evidence): TermsFound {
  const terms = part.items.filter((i): i is TermItem => i.type === 'term');
  const out = new Map<string, TermMatch>();
  if (!terms.length) return { found: out, unknown: 0 };
  const of = canonicalSymbol(terms[0].of);
  // intermediate definitions (dh_t/dc_t = ..., dc_{t+1}/dc_t = ...) are substituted into the result
  // (not a perturbation's first-order change, "δh_t = o_t ⊙ … ⊙ ε", which the δ notation reads as dL/dh_t;
  // nor one said of the last step only, "dL/dh_t = W_V^T(ŷ_T − y_T) at t = T" — one written dL/dh_T is
  // another symbol already —; "dL/dh_t = 0 for t < T" is a claim about the general step, read in)
  const defs = new Map<string, Expr>();
  for (const eq of ev.equations) {
    const lhs = eq.sides[0].tokens;
    const text = ev.lines.slice(eq.line, eq.lastLine + 1).join(' ');
    if (
      lhs.length === 1 &&
      lhs[0].t === 'sym' &&
      lhs[0].v.startsWith('d(') &&
      lhs[0].v !== of &&
      !/ε|\beps(?:ilon)?\b/i.test(text) &&
      // (nor one left open, "dL/dh_t = W_f(:,1:3)'*df + W_i(:,1:3)'*di + ...": no whole definition)
      !/(?:\.{3}|…|⋯)\s*$/.test(text.replace(/[%#].*$/, '').trim() || text) &&
      !/\b(?:at|for|when|if)\s+t\s*=\s*T\b|\bat the last step\b|^\s*(?:t\s*=\s*T\b|base\b)/.test(text)
    ) {
      const last = [...eq.sides.slice(1)].reverse().find((s) => s.expr);
      if (last?.expr) defs.set(lhs[0].v, last.expr);
    }
  }
  let best: { score: number; found: Map<string, TermMatch>; unknown: number; ownName?: string } | null = null;
  const known = terms.flatMap((t) => [parseExpr(t.expr), ...t.alternatives.map((a) => parseExpr(a.expr))]);
  for (const { rhs, rename, ownName } of termEquations(ev, of)) {
    const full = rename(substitute(rhs, defs));
    const studentTerms = additiveTerms(full);
    let unknown = studentTerms.filter((st) => !known.some((k) => equivalent(st, k))).length;
    const found = new Map<string, TermMatch>();
    for (const t of terms) {
      const key = parseExpr(t.expr);
      if (studentTerms.some((s) => equivalent(s, key))) {
        found.set(t.id, { credit: t.points, reason: `${t.label}: right` });
        continue;
      }
      for (const alt of t.alternatives) {
        const form = parseExpr(alt.expr);
        if (studentTerms.some((s) => equivalent(s, form))) {
          found.set(t.id, {
            credit: alt.credit,
            reason: alt.reason,
            wrong: `${t.id}~${alt.expr}`,
            lone: form.k === 'sym',
          });
          break;
        }
      }
    }
    // a path the key describes, written with other factors (`dL/dc_{t+1} ⊙ (f_{t+1} + i_{t+1})`,
    // `dL/dc_{t+1} ⊙ i_{t+1}`): that path, wrong, not a term of unknown meaning
    let recognised = 0;
    for (const t of terms) {
      if (found.has(t.id)) continue;
      const wrong = studentTerms.find(
        (st) => !known.some((k) => equivalent(st, k)) && isPathWithOtherFactors(st, t, terms),
      );
      if (!wrong) continue;
      recognised++;
      found.set(t.id, {
        credit: 0,
        reason: `${t.label}: written with other factors, ${printExpr(wrong)}`,
        wrong: `${t.id}~${printExpr(wrong)}`,
      });
    }
    unknown -= recognised;
    const score = [...found.values()].reduce((s, x) => s + x.credit, 0);
    // how many paths were added (the sum item needs two, even if one of them is wrong)
    if (studentTerms.length >= 2 && found.size)
      found.set('__paths', { credit: 0, reason: 'two paths added' });
    // (of readings that earn the same, the one with fewer terms unaccounted for, then the one that
    // reads more of the key's terms, a wrong form among them: "dL/dc_t = dL/dc_{t+1} ⊙ f_{t+1}" over
    // "+ dL/dh_t ⊙ o_t" is one expression, its second line not a separate claim)
    if (
      !best ||
      score > best.score ||
      (score === best.score &&
        (unknown < best.unknown || (unknown === best.unknown && found.size >= best.found.size)))
    )
      best = { score, found, unknown, ownName };
  }
  return best
    ? { found: best.found, unknown: best.unknown, ownName: best.ownName }
    : { found: out, unknown: 0 };
}

/**
 * A student's term that is the item's path with factors of its own: a product holding the path's
 * derivative (`dL/dc_{t+1}`) and no other derivative, nor a symbol of another path's key (`o_t`,
 * `c_t` beside `dL/dc_{t+1}` may be two paths run together by the reading, a person's call).
 */
function isPathWithOtherFactors(st: Expr, item: TermItem, terms: TermItem[]): boolean {
  const body = st.k === 'neg' ? st.a : st;
  if (!(body.k === 'bin' && (body.op === '*' || body.op === '/'))) return false;
  const path = [...symbolsOf(parseExpr(item.expr))].find((x) => x.startsWith('d('));
  const syms = symbolsOf(body);
  if (!path || !syms.has(path) || [...syms].some((x) => x.startsWith('d(') && x !== path)) return false;
  const others = terms
    .filter((t) => t !== item)
    .flatMap((t) => [...symbolsOf(parseExpr(t.expr))].filter((x) => !x.startsWith('d(')));
  if (others.some((x) => syms.has(x))) return false;
  // its own factors all quantities at a step (`i_{t+1}`), none the key's factor under another index
  // or none (`f`, `f_t6` as a reading leaves it: markers give an unindexed f part of the mark), and
  // no number but a derivative's 1 or 2 (`* 3`, `* 0` are an equation's tag or a misread)
  const own = [...symbolsOf(parseExpr(item.expr))].filter((x) => !x.startsWith('d('));
  const base = (x: string) => x.split('_')[0];
  return (
    [...syms].every(
      (x) =>
        x === path ||
        (/^[a-z]+_(?:t|\{t[+-]1\})$/.test(x) && !own.some((k) => k !== x && base(k) === base(x))),
    ) && numbersIn(body).every((v) => v === 1 || v === 2)
  );
}

function numbersIn(e: Expr): number[] {
  switch (e.k) {
    case 'num':
      return [e.v];
    case 'sym':
      return [];
    case 'neg':
      return numbersIn(e.a);
    case 'call':
      return numbersIn(e.arg);
    case 'vec':
      return e.items.flatMap(numbersIn);
    default:
      return [...numbersIn(e.a), ...numbersIn(e.b)];
  }
}

/**
 * Letters a student may name the asked quantity's variable by instead of the paper's (another
 * textbook's s_t or m_t for the cell state c_t): not the loss, an input or output, a gate, a weight,
 * or an index.
 */
const OWN_NAME = /^d\(l\)\/d\(([a-z])_t\)$/;
const NOT_AN_ALIAS = new Set('chlxywvofibetkjna');

/** An expression for the asked quantity, how its symbols are read, and the name read as the paper's. */
type TermReading = { rhs: Expr; rename: (e: Expr) => Expr; ownName?: string };

/**
 * The student's expressions for the asked quantity (`d(l)/d(c_t)`), each with how its symbols are
 * read: as written, or, where the derivative is taken with respect to the student's own name for
 * the variable (`dL/dm_t = dL/dh_t ∘ o_t ∘ (1 − tanh²(m_t)) + dL/dm_{t+1} ∘ f_{t+1}`), with that name
 * read as the paper's everywhere in it (`m_t`, `m_{t+1}`, `dL/dm_{t+1}`); the key's terms must then
 * match as they stand, so a renamed expression earns only what a paper-notation one would.
 */
function termEquations(ev: Evidence, of: string): TermReading[] {
  const same = (e: Expr) => e;
  const out: TermReading[] = equationsFor(ev, [of], true).map((rhs) => ({ rhs, rename: same }));
  const paper = OWN_NAME.exec(of)?.[1];
  if (out.length || !paper) return out;
  const own = new Set(
    ev.equations
      .map((eq) => eq.sides[0].tokens)
      .filter((lhs) => lhs.length === 1 && lhs[0].t === 'sym')
      .map((lhs) => OWN_NAME.exec(String(lhs[0].v))?.[1])
      .filter((x): x is string => x !== undefined && !NOT_AN_ALIAS.has(x)),
  );
  for (const x of own) {
    const at = new RegExp(`(^|\\()${x}_`);
    const all = new RegExp(at.source, 'g');
    const rename = (e: Expr): Expr =>
      substitute(
        e,
        new Map(
          [...symbolsOf(e)]
            .filter((n) => at.test(n))
            .map((n) => [n, { k: 'sym', name: n.replace(all, `$1${paper}_`) } as Expr]),
        ),
      );
    for (const rhs of equationsFor(ev, [`d(l)/d(${x}_t)`], true))
      out.push({ rhs, rename, ownName: `${x}_t` });
  }
  return out;
}

/** The terms found, by term item id (`__paths` when two or more terms are added), and the unknown terms. */
export interface TermsFound {
  found: Map<string, TermMatch>;
  unknown: number;
  /** the student's own name for the variable, where the best reading was read through it */
  ownName?: string;
}

/** The quantity a part with term items derives (`d(l)/d(c_t)`), for recognising its derivation. */
export function derivedSymbol(part: Part): string | undefined {
  return (
    part.items.find((i): i is TermItem => i.type === 'term')?.of &&
    canonicalSymbol(part.items.find((i): i is TermItem => i.type === 'term')!.of)
  );
}

export const term: ItemHandler<TermItem> = {
  type: 'term',
  grade(item, ctx) {
    const base = {
      id: item.id,
      label: item.label,
      max: item.points,
      evidence: ctx.ev.answer.regions.slice(0, 1),
    };
    const m = ctx.terms().found.get(item.id);
    return m
      ? {
          ...base,
          awarded: m.credit,
          reason: m.reason,
          conf: 0.95,
          termFound: m.credit === item.points,
          wrong: m.wrong,
        }
      : {
          ...base,
          awarded: 0,
          reason: `${item.label}: not found in the expression for ${item.of}`,
          conf: 0.9,
        };
  },
};

/** Term parts with nothing readable: the answer exists but no expression for the left-hand side. */
export const unreadableExpression: PartDoubt = ({ part, ctx: { ev } }) => {
  const termItems = part.items.filter((i) => i.type === 'term');
  if (termItems.length && !termEquations(ev, canonicalSymbol((termItems[0] as TermItem).of)).length)
    return { conf: 0.5, reason: `no expression for ${(termItems[0] as TermItem).of} could be read` };
  return null;
};

/**
 * Marks lost on an expression read through the student's own name for the variable: the renaming is
 * the grader's reading of their notation, and a line the reading broke would lose marks with it.
 */
export const ownNameReading: PartDoubt = ({ part, ctx, score }) => {
  const { ownName } = ctx.terms();
  if (ownName && score < part.points)
    return {
      conf: 0.5,
      reason: `the expression was read with ${ownName} as the paper's variable: a person checks the reading`,
    };
  return null;
};

/** A derived expression with terms that are neither the key's nor a known slip: a person reads it. */
export const unknownTerms: PartDoubt = ({ part, ctx, score }) => {
  const { unknown } = ctx.terms();
  if (score < part.points && unknown > 0)
    return {
      conf: 0.5,
      reason: `the expression has ${unknown} term${unknown > 1 ? 's' : ''} the rubric does not describe`,
    };
  return null;
};

/** Whether the part lost marks with one of its term items not found at all in the expression. */
function termNotFound({ part, ctx, score }: PartOutcome): boolean {
  const terms = part.items.filter((i) => i.type === 'term');
  return score < part.points && terms.length > 0 && !terms.every((t) => ctx.terms().found.has(t.id));
}

/**
 * A derivation whose display fractions were not all read: a numerator or a denominator alone on
 * its line ("∂L", "∂c(t + 1)" under a "+ ∗ f(t + 1)"). A term not found may be in them.
 */
export const unreadFractions: PartDoubt = (o) => {
  const { ev } = o.ctx;
  // (only where a term was not read at all: one read in a wrong form was read)
  if (!termNotFound(o)) return null;
  const alone = ev.lines.find((l) => /^\s*(?:[∂𝜕]\s*[A-Za-z][^\s=+*∗·]*(?:\s*\([^()]*\))?\s*)+$/u.test(l));
  return alone
    ? {
        conf: 0.5,
        reason: `a fraction's part stands alone on a line ("${alone.trim()}"): the derivation may hold a term that was not read`,
      }
    : null;
};

/**
 * A derivation split into cases, the last step apart ("at the last step ∂L/∂c_T = ∂L/∂h_T ⊙ o_T ⊙ …",
 * "for t < T the only path is …"): a term not found in the general expression may be written for the
 * last step, which markers read as the answer's own (a person's call).
 */
export const termForLastStep: PartDoubt = (o) => {
  if (!termNotFound(o)) return null;
  // (the derivative at the sequence's last step, T as its own index: "∂L/∂cT", "dL/dc_T", "dL/dc_{T}")
  // (read in plain letters: Word's equation editor writes "∂𝐿/∂𝑐𝑇 =" in mathematical italics)
  const last = o.ctx.ev.lines.find((l) =>
    /[∂𝜕d]\s*L\s*\/\s*[∂𝜕d]\s*[cC]_?\{?T\}?(?![\w{+\-−])\s*=/u.test(l.normalize('NFKC')),
  );
  return last
    ? {
        conf: 0.5,
        reason: `the derivation treats the last step apart ("${last.trim().slice(0, 60)}"): a term not found may be written there`,
      }
    : null;
};

/**
 * A derivation that lost marks where a line breaks off inside a bracket after an operator
 * ("+ ∂L/∂h_t ⊙ o_t ⊙ (1 −", a table cell wrapped): the rest of that factor is elsewhere on the
 * page, and the term read without it is not the student's. So too a term whose factors break off
 * at a product ("∂L/∂c_{t+1} ∘" then "f_{t+1}" on the next line, "dL/dh_t * ...", left unfinished)
 * or a fraction broken at its bar ("dL/" then "dc_{t+1}"): the factor read as missing may be there.
 */
export const brokenBracket: PartDoubt = ({ part, ctx, score, results }) => {
  if (score >= part.points || !part.items.some((i) => i.type === 'term')) return null;
  const { lines } = ctx.ev;
  // (one the next line closes goes on there, and was read so)
  const cut = lines.find(
    (l, i) =>
      bracketDepth(l) > 0 && /\(\s*[^()]*[−\-+⊙∘*·×]\s*$/.test(l) && bracketDepth(lines[i + 1] ?? '') >= 0,
  );
  if (cut)
    return { conf: 0.5, reason: `"${cut.trim()}" breaks off inside a bracket: the term may go on elsewhere` };
  // (a product broken after a derivative, where its factor would follow, or a derivative's bar at
  // the line's end; a sentence's "… ⊙" before its next line is prose, read as such)
  // (only where a term lost marks as a break would make it: a factor missing, or the term not found)
  const lostFactor = part.items.some(
    (item, k) =>
      item.type === 'term' &&
      results[k].awarded < results[k].max &&
      /misses|not found/.test(results[k].reason),
  );
  if (!lostFactor) return null;
  const derivative = String.raw`(?:∂|\bd)\s*[A-Za-z][\w{}()+\-−]*\s*\/\s*(?:∂|d)\s*[A-Za-z][\w{}()+\-−]*\s*`;
  const endsInProduct = new RegExp(`${derivative}[⊙∘*·×]\\s*$`);
  const endsInDerivative = new RegExp(`${derivative}$`);
  const broken = lines.find(
    (l, i) =>
      /[⊙∘*·×]\s*(?:\.{2,}|…)/.test(l) ||
      endsInProduct.test(l) ||
      /(?:∂|\bd)\s*L\s*\/\s*$/.test(l) ||
      // (or a bracket opened at the line's end, "… ∘ o_t ∘ (1", its term cut off: a table cell's wrap)
      (bracketDepth(l) > 0 && /\([^()]{0,8}$/.test(l)) ||
      // (or the product's sign opens the next line: "… + ∂L/∂c_{t+1}" then "⊙ f_{t+1}")
      (i > 0 && /^\s*[⊙∘*·×]/.test(l) && endsInDerivative.test(lines[i - 1])),
  );
  if (broken)
    return {
      conf: 0.5,
      reason: `"${broken.trim()}" breaks off at a product, a fraction's bar or an open bracket: a factor may be elsewhere`,
    };
  // (or an equation whose brackets do not balance, and no line next to it balances them: where the
  // missing ")" belongs decides which factor a term holds, "(1 − tanh²(c_t) + ∂L/∂c_{t+1} ⊙ f_{t+1}")
  const unbalanced = lines.find(
    (l, i) =>
      l.includes('=') &&
      bracketDepth(l) !== 0 &&
      bracketDepth(l) + bracketDepth(lines[i + 1] ?? '') !== 0 &&
      bracketDepth(l) + bracketDepth(lines[i - 1] ?? '') !== 0,
  );
  return unbalanced
    ? {
        conf: 0.5,
        reason: `the brackets of "${unbalanced.trim()}" do not balance: a person reads which term is which`,
      }
    : null;
};
