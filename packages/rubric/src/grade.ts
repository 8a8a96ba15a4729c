// Grading: (rubric, keys, extracted script) -> grade with reasons, evidence and review decisions.
// Pure functions: no I/O, so a regrade after a rubric change needs only the stored extraction.
import type { ExtractedScript, ItemGrade, PartAnswer, PartGrade, Region, ScriptGrade } from '@grader/model';
import {
  additiveTerms,
  closeTo,
  type Equation,
  type Expr,
  equivalent,
  findDimensions,
  findEnumeratedAnswers,
  findEquations,
  findMappings,
  findNumbers,
  findNumberWords,
  findVectors,
  normalizeMath,
  normalizeProse,
  parseExpr,
  sameShape,
  substitute,
  tokenize,
  tryParseExpr,
} from '@grader/parse';
import { computeEcfDetail } from './ecf.ts';
import {
  analyse,
  canonicalSymbol,
  compiled,
  type Evidence,
  lineOfMatch,
  matchesAny,
  statesSizeOf,
  writesProductOf,
} from './evidence.ts';
import { asNumbers, type Keys, lookupPath, resolveKey } from './keys.ts';
import { placeByContent } from './placement.ts';
import type {
  ConceptItem,
  ExpressionItem,
  Item,
  MappingItem,
  Part,
  Rubric,
  TermItem,
  ValueItem,
  Work,
  WorkKind,
} from './schema.ts';
import { meaningfulUnlabelled, referenceOutside } from './unlabelled.ts';

export interface GradingContext {
  /** computeKeys(exam) output */
  keys: Keys;
  /** the exam's parameters (for error-carried-forward arguments such as `q1b.o`) */
  params: Record<string, unknown>;
  reviewThreshold: number;
}

/** What the grader read for each item, kept for script-level checks (similarity) and debugging. */
export interface PartReading {
  /** the student's value per item id, when one was read */
  values: Record<string, unknown>;
  /** fingerprints of wrong values (same wrong value in two scripts is a similarity signal) */
  wrong: string[];
}

interface ItemResult extends ItemGrade {
  /** matching confidence for this item, [0, 1] */
  conf: number;
  value?: unknown;
  wrong?: string;
  /** a term item's match, for sum items */
  termFound?: boolean;
  /** whether the credit given needed work that was present */
  note?: string;
  /** a right value given 0 because no working was shown for it */
  bare?: boolean;
  /** what kind of working earned the credit, when some did */
  shownBy?: WorkKind;
}

const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map((x) => fmt(x)).join(', ')}]`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(+v.toFixed(4));
  return String(v);
};
const fmtDims = (v: number[]) => v.join(' × ');

// ---------------------------------------------------------------------------------------------
// work shown

function hasDerivation(ev: Evidence, of?: string): boolean {
  if (/chain[- ]rule|differentiat|two paths|both paths|by the product rule|partial derivative/.test(ev.prose))
    return true;
  for (const eq of ev.equations) {
    const lhs = eq.sides[0]?.tokens;
    // an intermediate derivative (dh_t/dc_t = ..., dc_{t+1}/dc_t = ...)
    if (
      lhs?.length === 1 &&
      lhs[0].t === 'sym' &&
      lhs[0].v.startsWith('d(') &&
      lhs[0].v !== of &&
      !/^d\(l\)/.test(lhs[0].v)
    )
      return true;
    // a chain-rule product of derivatives: dL/dh_t * dh_t/dc_t
    for (const s of eq.sides) {
      const derivs = s.tokens.filter((t) => t.t === 'sym' && t.v.startsWith('d(') && !t.v.startsWith('d(l)'));
      if (derivs.length >= 1 && s.tokens.some((t) => t.t === 'sym' && t.v.startsWith('d(l)'))) return true;
    }
  }
  // the dependencies the derivative goes through, written out: the forward relations that use the
  // variable (`h_t = o_t * tanh(c_t)`, `c_{t+1} = f_{t+1} * c_t + …`) or the paths from the loss to it
  // (`L -> h_t -> c_t`); two of them are the skeleton of a chain-rule derivation
  const wrt = of ? /^d\(l\)\/d\((.+)\)$/.exec(of)?.[1] : undefined;
  if (wrt) {
    let relations = 0;
    for (const eq of ev.equations) {
      const syms = eq.sides.map((side) => side.tokens.filter((t) => t.t === 'sym').map((t) => t.v));
      const lhs = syms[0];
      const isPath =
        eq.text.includes('->') && syms.some((x) => x.includes('l')) && syms.some((x) => x.includes(wrt));
      const isRelation =
        lhs?.length === 1 &&
        !lhs[0].startsWith('d(') &&
        lhs[0] !== wrt &&
        syms.slice(1).some((x) => x.includes(wrt));
      if (isPath || isRelation) relations++;
    }
    if (relations >= 2) return true;
    // the same skeleton said in words: "c_t goes to h_t and to c_{t+1}, so …"
    for (const line of ev.lines) {
      if (line.includes('=') || !DEPENDS.test(normalizeProse(line))) continue;
      const syms = new Set(
        tokenize(normalizeMath(line))
          .filter((t) => t.t === 'sym' && !t.v.startsWith('d('))
          .map((t) => t.v),
      );
      if (syms.has(wrt) && syms.size >= 3) return true;
    }
  }
  return false;
}

/** Words that say one quantity depends on or feeds others ("c_t goes to h_t and c_{t+1}"). */
const DEPENDS =
  /\b(?:goes|go|feeds?|affects?|influences?|through|via|paths?|depends?|contributes?|enters?|flows?|reaches|both|two|children|uses?|used)\b/;

const CONNECTIVE =
  /\b(?:because|since|as|so|therefore|hence|thus|which|only|just|no|not|none|nothing|without|same|since|due|given|while|whereas|instead)\b|[:;—]|\s-\s/;

/** A sentence that explains: six or more words, with a connective ("because", "so", "no", ":", ...). */
function isExplanation(text: string): boolean {
  const words = normalizeProse(text).match(/[a-z]{2,}/g) ?? [];
  return words.length >= 6 && CONNECTIVE.test(normalizeProse(text));
}

function targetsOf(values: unknown[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = asNumbers(v);
    if (n) out.push(...n);
  }
  return out;
}

/** Arithmetic on the page that evaluates to one of `targets` (the answer, its elements, its components). */
function computationFor(ev: Evidence, targets: number[], tol = { abs: 0.005, rel: 1e-6 }): number | null {
  for (const c of ev.computations) {
    const vals = typeof c.value === 'number' ? [c.value] : c.value;
    if (vals.some((v) => targets.some((t) => closeTo(v, t, tol) && !(t === 0 && v === 0)))) return c.line;
  }
  return null;
}

interface WorkFound {
  ok: boolean;
  line: number | null;
  kind?: WorkKind;
}

function findWork(
  work: Work,
  ev: Evidence,
  targets: number[],
  formulaOk: boolean,
  of?: string,
  /** the answer's size, for `sizeOf` reasons */
  size?: number,
): WorkFound {
  for (const kind of work.counts) {
    if (kind === 'computation') {
      const line = computationFor(ev, targets);
      if (line !== null) return { ok: true, line, kind };
    } else if (kind === 'reason') {
      const m = matchesAny(work.reasons, ev.prose);
      if (m) return { ok: true, line: lineOfMatch(ev, m[0]), kind };
      const sized = (prose: string) =>
        work.sizeOf.length > 0 && size !== undefined && statesSizeOf(prose, work.sizeOf, size);
      if (sized(ev.prose)) return { ok: true, line: null, kind };
      if (work.anyExplanation) {
        const line = ev.lines.findIndex((l) => isExplanation(l));
        if (line >= 0 || isExplanation(ev.lines.join(' ')))
          return { ok: true, line: Math.max(0, line), kind };
      }
    } else if (kind === 'derivation') {
      if (hasDerivation(ev, of)) return { ok: true, line: null, kind };
    } else if (kind === 'formula' && formulaOk) return { ok: true, line: null, kind };
  }
  return { ok: false, line: null };
}

// ---------------------------------------------------------------------------------------------
// items

function gradeMapping(
  item: MappingItem,
  ev: Evidence,
  keys: Keys,
  maps: ReturnType<typeof findMappings>,
): ItemResult {
  const key = resolveKey(item.key, keys);
  const names = item.names.map(canonicalSymbol);
  let found = maps.filter((m) => names.includes(m.name));
  if (!found.length && item.position) {
    found = findEnumeratedAnswers(ev.lines)
      .filter((e) => e.index === item.position! - 1)
      .map((e) => ({ name: names[0], value: e.value, line: e.line }));
  }
  const base = { id: item.id, label: item.label, max: item.points };
  if (!found.length)
    return { ...base, awarded: 0, reason: `no position given for ${item.names[0]}`, evidence: [], conf: 0.9 };
  const distinct = [...new Set(found.map((m) => m.value))];
  const m = found[found.length - 1];
  const evidence = ev.region(m.line);
  if (distinct.length > 1) {
    return {
      ...base,
      awarded: 0,
      reason: `${item.names[0]} is given two different positions (${distinct.join(', ')})`,
      evidence,
      conf: 0.4,
      value: m.value,
    };
  }
  if (m.value === key)
    return {
      ...base,
      awarded: item.points,
      reason: `${item.names[0]} → ${m.value} is right`,
      evidence,
      conf: 1,
      value: m.value,
    };
  return {
    ...base,
    awarded: 0,
    reason: `${item.names[0]} → ${m.value} is not the right position`,
    evidence,
    conf: 1,
    value: m.value,
    wrong: `${item.names[0]}->${m.value}`,
  };
}

/** A value item's rule: the same shape (dimensions), or numbers within the item's tolerance. */
export function valueMatches(item: ValueItem, got: unknown, want: unknown): boolean {
  const w = asNumbers(want);
  const g = asNumbers(got);
  if (!w || !g) return false;
  if (item.shape === 'dimension') return sameShape(g, w);
  if (g.length !== w.length) return false;
  const tol = { abs: item.tolerance.abs ?? 0, rel: item.tolerance.rel ?? (item.tolerance.abs ? 0 : 1e-9) };
  if (item.tolerance.perElement) return g.every((x, i) => closeTo(x, w[i], tol));
  const worst = Math.max(...g.map((x, i) => Math.abs(x - w[i])));
  return worst <= (tol.abs || 0) + 1e-12;
}

/** Where in the part's text each dimension item's cues are, to give each its own shape. */
/**
 * Whether position `at` of `text` lies inside a bracketed aside in words ("3 × 5 (a 3×2 block for
 * x_t beside a 3×3 block for h)"): what an aside computes explains the answer; it is not the answer.
 */
function inProseAside(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if ((before.match(/\(/g)?.length ?? 0) <= (before.match(/\)/g)?.length ?? 0)) return false;
  const open = before.lastIndexOf('(');
  const close = text.indexOf(')', at);
  const inside = text.slice(open, close < 0 ? undefined : close);
  return (inside.match(/\b[a-z]{3,}\b/gi)?.length ?? 0) >= 2;
}

function cuePositions(prose: string, cues: string[]): number[] {
  const out: number[] = [];
  for (const c of cues) for (const m of prose.matchAll(compiled(c, 'gi'))) out.push(m.index ?? 0);
  return out;
}

interface Read {
  value: unknown;
  line: number;
  conf: number;
  note?: string;
}

function lineOfIndex(text: string, idx: number): number {
  return text.slice(0, idx).split('\n').length - 1;
}

/** Read the student's value for a value item out of the part's text. */
function readValue(item: ValueItem, part: Part, ev: Evidence, keys: Keys): Read | null {
  // "= 3,088,878 ≈ 3.09 million": the rounded restatement after the exact value is not the answer
  const text = normalizeMath(
    ev.lines
      .join('\n')
      .replace(
        /(?<=\d\s*)(?:≈|~|approx\.?)\s*[\d.,]+\s*(?:million|mn|lakh|crore|thousand|[mk]\b|[×x*]\s*10\s*\^?\s*\{?\s*\d+\s*\}?)?/gi,
        ' ',
      ),
  );
  if (item.shape === 'vector') {
    const vs = findVectors(text);
    const want = asNumbers(resolveKey(item.key, keys));
    const n = want?.length ?? 0;
    const sized = vs.filter((v) => !n || v.values.length === n);
    // a vector on a line that assigns another quantity (`h_t = … = (0.6044, 0.1974, 0.05)` written
    // under C_t) is not this item's answer, when one that is not is there
    const names = item.names.map(canonicalSymbol);
    const assigns = new Map<number, string>();
    for (const eq of ev.equations) {
      const lhs = eq.sides[0]?.tokens;
      if (!lhs?.length || eq.sides.length < 2) continue;
      // (a left side with no symbol, `2 = …` from "Step1 + Step2 = …", names nothing)
      if (!lhs.some((t) => t.t === 'sym' || t.t === 'func')) continue;
      // `tanh(C_t) = (0.604, 0.197, 0.05)` and `f_t ⊙ C_{t-1} = …` are steps, not C_t itself; an
      // equation broken after its `=` assigns on the lines it runs to
      const name = lhs.length === 1 && lhs[0].t === 'sym' ? lhs[0].v : eq.sides[0].text;
      for (let i = eq.line; i <= eq.lastLine; i++) if (!assigns.has(i) || i > eq.line) assigns.set(i, name);
    }
    const own = sized.filter((v) => {
      const a = assigns.get(lineOfIndex(text, v.start));
      return a === undefined || names.includes(a);
    });
    const literal = own.length && names.length ? own : sized;
    // vectors of arithmetic (`{1 × 0.2 + 1 × 0.5, ...}`) when no literal result is written
    if (literal.length) {
      const v = literal[literal.length - 1];
      const distinct = new Set(literal.slice(-2).map((x) => x.values.join(',')));
      return {
        value: v.values,
        line: lineOfIndex(text, v.start),
        conf: distinct.size > 1 && literal.length > 1 ? 0.9 : 0.95,
      };
    }
    const evals = ev.computations.filter(
      (c) => Array.isArray(c.value) && (!n || (c.value as number[]).length === n),
    );
    if (evals.length)
      return { value: evals[evals.length - 1].value, line: evals[evals.length - 1].line, conf: 0.85 };
    // a vector answered with one number (`C_t = 0.4 + 0.55 = 0.95`: a dot product for ⊙)
    for (const eq of [...ev.equations].reverse()) {
      const lhs = eq.sides[0].tokens;
      const last = eq.sides[eq.sides.length - 1].tokens;
      if (
        lhs.length === 1 &&
        lhs[0].t === 'sym' &&
        names.includes(lhs[0].v) &&
        last.length === 1 &&
        last[0].t === 'num'
      )
        return { value: [last[0].v], line: eq.line, conf: 0.9 };
    }
    return null;
  }
  if (item.shape === 'dimension') {
    const dims = findDimensions(text).filter((d) => !d.inArithmetic && !/^\s*=/.test(text.slice(d.end)));
    const siblings = part.items.filter((x): x is ValueItem => x.type === 'value' && x.shape === 'dimension');
    let cands = dims;
    if (siblings.length > 1) {
      const want = asNumbers(resolveKey(item.key, keys));
      const lenOk = dims.filter((d) => !want || d.dims.length === want.length);
      // every value item's cues claim the text after them (a "multiplications" line is not a shape)
      const cued = part.items.filter((x): x is ValueItem => x.type === 'value' && x.cues.length > 0);
      const cueAt = new Map(cued.map((s) => [s.id, cuePositions(text.toLowerCase(), s.cues)]));
      const owner = (d: { start: number; end: number }) => {
        // a cue right after the shape names it: "199 × 199 × 3 (depthwise)"
        const tail = /^ ?\( ?(?=[^()\n]{1,24}\))/.exec(text.slice(d.end))?.[0].length ?? 0;
        if (tail) for (const [id, ps] of cueAt) if (ps.includes(d.end + tail)) return id;
        let best: string | null = null;
        let bestAt = -1;
        for (const [id, ps] of cueAt)
          for (const p of ps) if (p <= d.start && p > bestAt) [best, bestAt] = [id, p];
        return best;
      };
      const mine = lenOk.filter((d) => owner(d) === item.id);
      if (mine.length) cands = mine;
      else {
        // no cues: the n-th shape of the right length belongs to the n-th dimension item
        const idx = siblings.findIndex((s) => s.id === item.id);
        const unowned = lenOk.filter((d) => owner(d) === null);
        cands = unowned[idx] ? [unowned[idx]] : [];
      }
    }
    // a shape inside a bracketed aside ("3 × 5 (it is a 3×2 block for x_t and a 3×3 block for
    // h_{t-1} side by side)") explains the answer; it is not the answer
    // a shape written right after another quantity's name ("W_f : 3 × 5, b_f : 3 × 1", "U_f is
    // 3 × 3") is that quantity's, not this item's answer
    const own = item.names.map(canonicalSymbol);
    const notOthers = cands.filter((d) => {
      // (the name may end the line before: "so b_f is" / "5 × 1")
      const before = text
        .slice(Math.max(0, d.start - 32), d.start)
        .split('\n')
        .slice(-2)
        .join(' ');
      const syms = tokenize(before).filter((t) => t.t === 'sym');
      const last = syms[syms.length - 1];
      return last === undefined || own.includes(last.v as string) || /\d\s*[*x×]?\s*$/.test(before.trim());
    });
    if (own.length && notOthers.length) cands = notOthers;
    const plain = cands.filter((d) => !inProseAside(text, d.start));
    if (plain.length) cands = plain;
    if (cands.length) {
      const d = cands[cands.length - 1];
      return { value: d.dims, line: lineOfIndex(text, d.start), conf: 0.95 };
    }
    // a shape given as one number (`b_f is 3`)
    const nums = findNumbers(text).filter((x) => Number.isInteger(x.value) && x.value > 0);
    if (nums.length === 1 || (nums.length && siblings.length === 1)) {
      const x = nums[nums.length - 1];
      // one number where a shape was written with `×` is a shape we failed to read, not an answer
      const garbled = /\d\s*\*/.test(text);
      return {
        value: [x.value],
        line: lineOfIndex(text, x.start),
        conf: garbled ? 0.6 : nums.length === 1 ? 0.9 : 0.75,
      };
    }
    return null;
  }
  // number; a rounded restatement in brackets ("(≈ 3.06 million)", "(approx. 3.1M)") is not the answer
  const stated = text.replace(/\(\s*(?:[=~]|approx\w*\.?|about|roughly|around|i\.?e\.?)[^()\n]*\)/gi, (m) =>
    ' '.repeat(m.length),
  );
  const dimsSpans = findDimensions(stated).map((d) => [d.start, d.end] as const);
  let nums = findNumbers(stated).filter((x) => !dimsSpans.some(([a, b]) => x.start >= a && x.end <= b));
  // "(The biases add another 4 × 3 = 12, but those are not weights.)": not the answer
  const plainNums = nums.filter((x) => !inProseAside(stated, x.start));
  if (plainNums.length) nums = plainNums;
  if (item.cues.length) {
    const pos = cuePositions(text.toLowerCase(), item.cues);
    const after = nums.filter((x) => pos.some((p) => p <= x.start));
    if (after.length) nums = after;
  }
  if (item.numberWords) {
    // a count given as a formula in the model's sizes ("2n extra parameters", "parameters = d^2",
    // "n × m extra parameters"): a nonzero count, whatever n is
    const symbolic =
      /(?:^|[\s=(])((?:\d+\s*\*?\s*)?[a-z](?:\s*[*^]\s*\{?[a-z0-9]+\}?)*(?:\s*[+]\s*[a-z0-9]+)*)\s+(?:\w+\s+)?(?:parameters?|params?|weights?)\b|(?:parameters?|params?)\s*=\s*((?:\d+\s*\*?\s*)?[a-z](?:\s*[*^+]\s*\{?[a-z0-9]+\}?)*)(?![\w(])/i.exec(
        text,
      );
    const sym = symbolic?.[1] ?? symbolic?.[2];
    if (sym && /[a-z]/i.test(sym) && !/^(?:no|any|the|a|an|of|extra|new|more|additional)$/i.test(sym.trim()))
      return { value: sym.trim(), line: lineOfIndex(text, symbolic!.index), conf: 0.9 };
    // a count said next to "parameters" wins over other numbers in the explanation
    const near = /(-?\d[\d,.]*)\s*(?:\w+\s+){0,2}(?:parameters?|params?|weights?)\b/i.exec(text);
    if (near) {
      const v = findNumbers(near[1]);
      if (v.length) return { value: v[0].value, line: lineOfIndex(text, near.index), conf: 0.95 };
    }
    // otherwise the count said first ("Zero: ...", "Answer: 0. ...", "None, because ...")
    const words = findNumberWords(text);
    const digits = findNumbers(normalizeProse(text)).filter(
      (x) => !/[a-z]-$/.test(normalizeProse(text).slice(0, x.start)),
    );
    const first = [
      ...words.map((w) => ({ value: w.value, at: w.index })),
      ...digits.map((d) => ({ value: d.value, at: d.start })),
    ].sort((a, b) => a.at - b.at)[0];
    if (first) return { value: first.value, line: 0, conf: 0.9 };
  }
  if (!nums.length) return null;
  // the key stated as the result of a computation is the answer, even when other numbers (its parts,
  // a check) follow it; alternatives are not preferred this way (60 and 18 are steps towards 72)
  const wanted = [resolveKey(item.key, keys)]
    .map((v) => asNumbers(v))
    .filter((v): v is number[] => v?.length === 1)
    .map((v) => v[0]);
  for (const eq of ev.equations) {
    const last = eq.sides[eq.sides.length - 1];
    if (last.tokens.length !== 1 || last.tokens[0].t !== 'num') continue;
    const v = last.tokens[0].v;
    if (
      eq.sides.slice(0, -1).some((s) => s.tokens.some((t) => t.t === 'num')) &&
      wanted.some((w) => closeTo(v, w, { rel: 1e-9 }))
    ) {
      return { value: v, line: eq.line, conf: 0.95 };
    }
  }
  // the last number written: trusted when it is the part's only number or ends an equation
  // (`= 72`); otherwise it may be an operand of working we could not follow
  const x = nums[nums.length - 1];
  const resultLike = nums.length === 1 || /=\s*$/.test(text.slice(0, x.start).split('\n').pop() ?? '');
  return { value: x.value, line: lineOfIndex(text, x.start), conf: resultLike ? 0.95 : 0.6 };
}

function formulaStated(item: ValueItem, ev: Evidence): boolean | null {
  if (!item.formula) return null;
  const key = parseExpr(item.formula);
  const names = item.names.map(canonicalSymbol);
  let sawEquation = false;
  for (const eq of ev.equations) {
    const lhs = eq.sides[0].tokens;
    if (!(lhs.length === 1 && lhs[0].t === 'sym' && names.includes(lhs[0].v))) continue;
    for (const s of eq.sides.slice(1)) {
      // only symbolic sides state the formula (`o_t * tanh(C_t)`); `1 * tanh(0.7)` is its evaluation
      // (a constant among the symbols is still a formula: `f_t * C_{t-1} + (1 - f_t) * C~_t`)
      const syms = s.tokens.filter((t) => t.t === 'sym').length;
      if (!s.expr || syms === 0 || s.tokens.filter((t) => t.t === 'num').length >= syms) continue;
      sawEquation = true;
      if (equivalent(s.expr, key)) return true;
      // a spaced letter x between two symbols is a product sign (`f_t x C_{t-1}`), not a variable
      const crossed = / x (?=[A-Za-z(])/.test(s.text)
        ? tryParseExpr(normalizeMath(s.text.replace(/ x (?=[A-Za-z(])/g, ' * ')))
        : null;
      if (crossed && equivalent(crossed, key)) return true;
    }
  }
  return sawEquation ? false : null;
}

function resolveArgs(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(item.ecf!.args)) {
    if ('literal' in arg) out[name] = arg.literal;
    else if ('key' in arg) out[name] = lookupPath(ctx.keys, arg.key);
    else if ('param' in arg) out[name] = lookupPath(ctx.params as Keys, arg.param);
    // a blank earlier answer carries nothing wrong forward: use the key in its place
    else out[name] = answers.get(arg.answer) ?? answers.get(`key:${arg.answer}`);
    if (out[name] === undefined) return null;
  }
  return out;
}

/**
 * The values the key's own computation passes through (tanh(C_t) on the way to h_t), less any that
 * are its inputs or its answer: finding one written is a sign the computation was done.
 */
function keySteps(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  known: number[],
): number[] {
  if (!item.ecf) return [];
  const keysOnly = new Map([...answers].filter(([k]) => k.startsWith('key:')));
  const args = resolveArgs(item, ctx, keysOnly);
  if (!args) return [];
  try {
    const inputs = Object.values(args).flatMap((a) => asNumbers(a) ?? []);
    return computeEcfDetail(item.ecf.compute, args).parts.filter(
      (v) => v !== 0 && ![...inputs, ...known].some((k) => closeTo(v, k, { abs: 0.0005, rel: 0 })),
    );
  } catch {
    return [];
  }
}

/** Every number of every value item's key in the part (answers and their elements are not working). */
function partKeyNumbers(part: Part, keys: Keys): number[] {
  const out: number[] = [];
  for (const it of part.items) {
    if (it.type !== 'value') continue;
    try {
      out.push(...(asNumbers(resolveKey(it.key, keys)) ?? []));
    } catch {
      // an unknown key is reported where the item is graded
    }
  }
  return out;
}

/**
 * What in a part the grader did not account for, in words with a quote, or null: maths it could
 * not read, two or more numbers that are neither answers nor their elements, or (where a reason
 * counts as work) a sentence of explanation.
 */
function unaccounted(ev: Evidence, known: number[], reasonCounts: boolean): string | null {
  if (ev.unread.length) return `maths that could not be read ("${quote(ev.lines[ev.unread[0]])}")`;
  const text = ev.lines.join('\n');
  const extra = findNumbers(text).filter(
    (n) => !known.some((k) => closeTo(n.value, k, { abs: 1e-9, rel: 1e-9 })),
  );
  if (extra.length >= 2)
    return `other numbers (${extra
      .slice(0, 4)
      .map((n) => n.raw)
      .join(', ')})`;
  if (reasonCounts) {
    const sentence = ev.lines.find((l) => (normalizeProse(l).match(/[a-z]{2,}/g) ?? []).length >= 6);
    if (sentence) return `an explanation ("${quote(sentence)}")`;
  }
  return null;
}

const quote = (s: string) => (s.trim().length > 60 ? `${s.trim().slice(0, 57)}…` : s.trim());

function gradeValue(
  item: ValueItem,
  part: Part,
  ev: Evidence,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  /** the other answers to the same question (a table for 1(b) i and ii sits under one of them) */
  siblings: () => Array<{ id: string; ev: Evidence }> = () => [],
): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const key = resolveKey(item.key, ctx.keys);
  const work = item.work ?? part.work;
  const read = readValue(item, part, ev, ctx.keys);
  const fOk = formulaStated(item, ev);
  if (!read) {
    return {
      ...base,
      awarded: 0,
      reason: `no ${item.shape === 'dimension' ? 'shape' : 'value'} found for ${item.label.split(' ')[0]}`,
      evidence: [],
      conf: 0.6,
    };
  }
  const got = read.value;
  const evidence: Region[] = ev.region(read.line);
  const keyNums = asNumbers(key) ?? [];
  const compKeys = item.components ? item.components.keys.map((k) => resolveKey(k, ctx.keys)) : [];
  const targets = targetsOf([got, key, ...compKeys]);
  // a count said in words ("No additional parameters.") is the answer, not its reason
  const said = item.numberWords ? findNumberWords(ev.lines.join('\n')).map((x) => x.phrase) : [];
  const strip = (t: string) => said.reduce((acc, ph) => acc.split(ph).join(' '), t);
  const reasonEv = said.length
    ? { ...ev, prose: strip(ev.prose), lines: ev.lines.map((l) => strip(normalizeProse(l))) }
    : ev;
  const w = findWork(work, reasonEv, targets, fOk === true, undefined, keyNums[0]);
  const workEv = w.line !== null ? ev.region(w.line) : [];
  const missing = `no working shown (${work.describe}); a bare answer earns no marks (instruction 3)`;
  const shownValue = item.shape === 'dimension' ? fmtDims(asNumbers(got) ?? []) : fmt(got);
  const result = (awarded: number, reason: string, conf = read.conf, wrong?: string): ItemResult => ({
    ...base,
    awarded,
    reason,
    evidence: [...evidence, ...workEv],
    conf,
    value: got,
    wrong,
  });
  // A right value whose working was not recognised: truly bare, it earns 0 (instruction 3); but
  // when the part holds material we could not account for (numbers that are not answers, maths we
  // could not read, an explanation), that material may be the working: a person decides.
  const withheldForWork = (said: string): ItemResult => {
    const other = unaccounted(
      ev,
      [...targets, ...partKeyNumbers(part, ctx.keys)],
      work.counts.includes('reason'),
    );
    if (!other) {
      // working for this value computed under a sibling's label (one table for both sub-parts)
      // (arithmetic only: a reason is read under the part's own label, as the course's graders do)
      const steps = work.counts.includes('computation') ? keySteps(item, ctx, answers, targets) : [];
      const near = work.counts.includes('computation')
        ? siblings().find(
            (s) =>
              computationFor(
                s.ev,
                targets.filter((t) => t !== 0),
              ) !== null ||
              findNumbers(s.ev.lines.join('\n')).some((n) =>
                steps.some((v) => closeTo(n.value, v, { abs: 0.0005, rel: 0 })),
              ),
          )
        : undefined;
      if (!near) return { ...result(0, `${said} but ${missing}`), bare: true };
      return result(
        0,
        `${said}; no working under its own label, but the answer to ${near.id} computes it: a person checks whether that is this part's working`,
        Math.min(read.conf, 0.5),
      );
    }
    return result(
      0,
      `${said}; working was not recognised, but the part holds ${other}: a person checks whether it is the working`,
      Math.min(read.conf, 0.5),
    );
  };

  if (valueMatches(item, got, key)) {
    if (fOk === false && item.formula) {
      // A right value under a formula we read as wrong is unusual: either the student fudged it
      // or we misread their notation. Suggest 0 but let a person decide when working is shown.
      return result(
        0,
        `${shownValue} matches the answer, but the formula used is not the right one`,
        Math.min(read.conf, 0.5),
        `${item.id}:formula`,
      );
    }
    if (!work.required || w.ok)
      return {
        ...result(item.points, `${shownValue} is right${w.ok ? ', with the working shown' : ''}`),
        shownBy: w.kind,
      };
    return withheldForWork(`${shownValue} is right`);
  }
  for (const alt of item.alternatives) {
    // an alternative is a key reference (`{engine: "3c.weights_only"}`, `{engine: "1b.ii", round: 1}`)
    // or a literal; its own tolerance, if it has one, replaces the item's
    const altItem = alt.tolerance ? { ...item, tolerance: alt.tolerance } : item;
    if (valueMatches(altItem, got, resolveKey(alt.value, ctx.keys))) {
      const needs = alt.needsWork ?? work.required;
      if (!needs || w.ok) return result(alt.credit, alt.reason);
      return withheldForWork(alt.reason);
    }
  }
  if (item.transposed && item.shape === 'dimension') {
    const g = asNumbers(got) ?? [];
    if (g.length === keyNums.length && sameShape([...g].reverse(), keyNums)) {
      const conv = matchesAny(item.transposed.when, ev.prose);
      if (conv && (!work.required || w.ok))
        return result(item.transposed.credit, `${shownValue} with the transposed convention stated`);
      if (conv) return result(0, `${shownValue} (transposed convention) but ${missing}`);
      return result(
        0,
        `${shownValue} is the wrong way round for W_f [h_{t-1}, x_t] (no transposed convention stated)`,
        read.conf,
        `${item.id}=${fmt(got)}`,
      );
    }
  }
  const wrongTag = `${item.id}=${fmt(got)}`;
  if (item.ecf) {
    const args = resolveArgs(item, ctx, answers);
    let expected: unknown = null;
    let parts: number[] = [];
    try {
      if (args) ({ value: expected, parts } = computeEcfDetail(item.ecf.compute, args));
    } catch {
      expected = null;
    }
    const wantsDiffer = expected !== null && !valueMatches(item, expected, key);
    if (wantsDiffer && valueMatches(item, got, expected)) {
      // working toward the carried-forward value counts: its own intermediate values computed
      const ecfWork = w.ok || (parts.length > 0 && computationFor(ev, parts, { abs: 0, rel: 1e-9 }) !== null);
      if (!work.required || ecfWork) return result(item.ecf.credit, item.ecf.reason, read.conf, wrongTag);
      return withheldForWork(item.ecf.reason);
    }
  }
  if (item.components && w.ok) {
    // a count is right when the student's own result is: `199² × 16 × 3 = 39 401 × 48 = 1 891 248`
    // evaluates to the key on its left but states a slip
    const comps = targetsOf(compKeys);
    const line =
      ev.computations.find(
        (c) =>
          typeof c.value === 'number' &&
          comps.some((k) => closeTo(c.value as number, k, { abs: 0, rel: 1e-9 })) &&
          c.stated.every(
            (s) => typeof s === 'number' && closeTo(s, c.value as number, { abs: 0, rel: 1e-9 }),
          ),
      )?.line ?? null;
    if (line !== null) {
      return {
        ...result(item.components.credit, item.components.reason, read.conf, wrongTag),
        evidence: [...evidence, ...ev.region(line)],
      };
    }
  }
  if (item.slip) {
    // the right formula stated, or arithmetic that reaches the key's numbers, but a different final value
    const keyLine = computationFor(
      ev,
      keyNums.filter((x) => x !== 0),
    );
    const statedWrong = ev.computations.some((c) =>
      c.stated.some((s) => {
        const a = typeof c.value === 'number' ? [c.value] : c.value;
        const b = typeof s === 'number' ? [s] : s;
        return a.length === b.length && a.some((x, i) => !closeTo(x, b[i], { abs: 0.005 }));
      }),
    );
    // a scalar for a vector (`C_t = 0.4 + 0.55 = 0.95`: dot products for ⊙) is not a slip in an
    // element-wise computation: the formula was not applied element-wise
    const gotNums = asNumbers(got) ?? [];
    const sameShape = item.shape !== 'vector' || gotNums.length === keyNums.length;
    if (fOk === true || (keyLine !== null && fOk !== false) || (statedWrong && fOk !== false)) {
      if (sameShape) return result(item.slip.credit, item.slip.reason, read.conf, wrongTag);
      return result(
        0,
        `${shownValue} is one number where a vector of ${keyNums.length} was asked: not an element-wise slip; a person checks what was carried through`,
        Math.min(read.conf, 0.5),
        wrongTag,
      );
    }
  }
  const expect = item.shape === 'dimension' ? fmtDims(keyNums) : fmt(key);
  const why = fOk === false ? ' (the formula used is not the right one)' : '';
  return result(0, `${shownValue} is not right; the answer is ${expect}${why}`, read.conf, wrongTag);
}

function eqsFor(ev: Evidence, names: string[], continued = false): Expr[] {
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

function gradeExpression(item: ExpressionItem, ev: Evidence): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const names = item.of.map(canonicalSymbol);
  const cands = eqsFor(ev, names);
  const key = parseExpr(item.expr);
  const accept = item.accept.map((a) => parseExpr(a));
  const evidence = ev.answer.regions.slice(0, 1);
  for (const c of cands.reverse()) {
    if (equivalent(c, key) || accept.some((a) => equivalent(c, a))) {
      return {
        ...base,
        awarded: item.points,
        reason: 'the expression is the dot product: right',
        evidence,
        conf: 1,
      };
    }
    for (const r of item.reject) {
      if (equivalent(c, parseExpr(r.expr)))
        return { ...base, awarded: 0, reason: r.reason, evidence, conf: 1, wrong: `${item.id}:reject` };
    }
  }
  if (cands.length) {
    return {
      ...base,
      awarded: 0,
      reason: 'the expression is not the dot product of the decoder state and the encoder state',
      evidence,
      conf: 0.9,
      wrong: `${item.id}:other`,
    };
  }
  // said in words: "the dot product of s_{k-1} and h_j"
  if (
    /dot[- ]?product|inner product/.test(ev.prose) &&
    /\bs_?\{?k/.test(ev.prose) &&
    /\bh_?\{?j/.test(ev.prose)
  ) {
    return {
      ...base,
      awarded: item.points,
      reason: 'the dot product of the decoder and encoder states, stated in words',
      evidence,
      // an expression written beside the words that we could not read may say otherwise
      conf: /=/.test(ev.prose) ? 0.6 : 0.75,
    };
  }
  const blank = ev.prose.replace(/[^a-z0-9]/g, '').length === 0;
  return {
    ...base,
    awarded: 0,
    reason: blank ? 'no expression written' : 'no expression for e_kj could be read',
    evidence,
    conf: blank ? 0.95 : 0.5,
  };
}

interface TermMatch {
  credit: number;
  reason: string;
  /** a partial-credit form: a wrong answer worth noticing when two scripts share it */
  wrong?: string;
}

/**
 * The key's terms found in the student's expression for the asked quantity (the reading that earns
 * most), and the student's terms that match no key term nor known alternative (`unknown`).
 */
function gradeTerms(part: Part, ev: Evidence): { found: Map<string, TermMatch>; unknown: number } {
  const terms = part.items.filter((i): i is TermItem => i.type === 'term');
  const out = new Map<string, TermMatch>();
  if (!terms.length) return { found: out, unknown: 0 };
  const of = canonicalSymbol(terms[0].of);
  // intermediate definitions (dh_t/dc_t = ..., dc_{t+1}/dc_t = ...) are substituted into the result
  const defs = new Map<string, Expr>();
  for (const eq of ev.equations) {
    const lhs = eq.sides[0].tokens;
    if (lhs.length === 1 && lhs[0].t === 'sym' && lhs[0].v.startsWith('d(') && lhs[0].v !== of) {
      const last = [...eq.sides.slice(1)].reverse().find((s) => s.expr);
      if (last?.expr) defs.set(lhs[0].v, last.expr);
    }
  }
  let best: { score: number; found: Map<string, TermMatch>; unknown: number } | null = null;
  const known = terms.flatMap((t) => [parseExpr(t.expr), ...t.alternatives.map((a) => parseExpr(a.expr))]);
  for (const rhs of eqsFor(ev, [of], true)) {
    const full = substitute(rhs, defs);
    const studentTerms = additiveTerms(full);
    const unknown = studentTerms.filter((st) => !known.some((k) => equivalent(st, k))).length;
    const found = new Map<string, TermMatch>();
    for (const t of terms) {
      const key = parseExpr(t.expr);
      if (studentTerms.some((s) => equivalent(s, key))) {
        found.set(t.id, { credit: t.points, reason: `${t.label}: right` });
        continue;
      }
      for (const alt of t.alternatives) {
        if (studentTerms.some((s) => equivalent(s, parseExpr(alt.expr)))) {
          found.set(t.id, { credit: alt.credit, reason: alt.reason, wrong: `${t.id}~${alt.expr}` });
          break;
        }
      }
    }
    const score = [...found.values()].reduce((s, x) => s + x.credit, 0);
    // how many paths were added (the sum item needs two, even if one of them is wrong)
    if (studentTerms.length >= 2 && found.size)
      found.set('__paths', { credit: 0, reason: 'two paths added' });
    if (!best || score > best.score || (score === best.score && unknown <= best.unknown))
      best = { score, found, unknown };
  }
  return best ? { found: best.found, unknown: best.unknown } : { found: out, unknown: 0 };
}

function gradeConcept(item: ConceptItem, ev: Evidence): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const evidence = ev.answer.regions.slice(0, 1);
  const states = item.facets.map((f) => {
    const neg = matchesAny(f.negated, ev.prose);
    const pos = matchesAny(f.any, ev.prose) || f.products.some((sym) => writesProductOf(ev.prose, sym));
    return { id: f.id, state: neg ? 'negated' : pos ? 'yes' : 'no' };
  });
  if (states.every((s) => s.state === 'yes'))
    return { ...base, awarded: item.points, reason: `${item.label}: stated`, evidence, conf: 0.9 };
  if (states.some((s) => s.state === 'negated')) {
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: the answer says the opposite`,
      evidence,
      conf: 0.75,
      wrong: `${item.id}:negated`,
    };
  }
  const strong = states.filter((s) => s.state === 'yes' && !item.weak.includes(s.id));
  if (strong.length) {
    // half of the concept: a person decides
    return { ...base, awarded: 0, reason: `${item.label}: only partly stated`, evidence, conf: 0.5 };
  }
  return { ...base, awarded: 0, reason: `${item.label}: not stated`, evidence, conf: 0.9 };
}

/** Words from which an explanation is more than a bare claim (tuned on the tune half only). */
const EXPLANATION_WORDS = 15;

// ---------------------------------------------------------------------------------------------
// parts and scripts

/**
 * A line in another part's answer that may be the label of `partId`, missed by segmentation: the
 * question's number alone ("5", "Q.5", "Question 5") or, inside the same question, the sub-part's
 * letter or numeral at the start of a line ("(b)", "ii.").
 */
function labelInsideAnother(partId: string, script: ExtractedScript): boolean {
  const m = /^(\d+)([a-z])?(?:\.([ivx]+))?$/i.exec(partId);
  if (!m) return false;
  const [, q, sub, roman] = m;
  const own = roman ?? sub;
  const bareQuestion = new RegExp(`^\\s*(?:q(?:uestion)?\\.?\\s*)?${q}\\s*[.):]?\\s*$`, 'i');
  const subLabel = own ? new RegExp(`^\\s*\\(?${own}[.)]\\s`, 'i') : null;
  return Object.values(script.parts).some((a) => {
    if (a.partId === partId) return false;
    const sameQuestion = /^\d+/.exec(a.partId)?.[0] === q;
    return a.text
      .split('\n')
      .some((l) => (!own && bareQuestion.test(l)) || (sameQuestion && !!subLabel?.test(l)));
  });
}

function noAnswer(part: Part, script: ExtractedScript): { grade: PartGrade; reading: PartReading } {
  // review only when text may have been missed: unlabelled text, or a page read poorly by OCR
  const suspicious =
    meaningfulUnlabelled(script).length > 0 ||
    // a part label on a page read by OCR is easily missed
    script.pages.some((p) => p.source !== 'text') ||
    // a line inside another answer that looks like this part's label ("5." after 4(b)'s text)
    labelInsideAnother(part.id, script) ||
    // a sibling whose sub-label was guessed ("1(b)" with no "(i)"): its block may hold this answer
    Object.values(script.parts).some(
      (a) =>
        a.partId !== part.id &&
        /^\d+/.exec(a.partId)?.[0] === /^\d+/.exec(part.id)?.[0] &&
        a.labelConf <= 0.5 &&
        a.text.trim() !== '',
    );
  return {
    grade: {
      score: 0,
      max: part.points,
      review: suspicious,
      reasons: ['no answer found for this part'],
      items: part.items.map((i) => ({
        id: i.id,
        label: i.label,
        max: i.points,
        awarded: 0,
        reason: 'no answer found',
        evidence: [],
      })),
      confidence: suspicious ? 0.5 : 1,
      evidence: [],
    },
    reading: { values: {}, wrong: [] },
  };
}

// "skipped", "—", "not attempted", "?": a label with nothing under it
// ("Not attempted.", "not attempted (ran out of time)": a short note after it changes nothing)
const NOT_ATTEMPTED =
  /^(?:(?:skipped?|not attempted|unattempted|not done|n\/?a|blank|no answer|left blank|don'?t know|do not know|idk|pass)\s*[.!]?\s*(?:\([^()]{0,40}\))?|[-—–_.?\s]*)$/i;
function notAttempted(text: string): boolean {
  return NOT_ATTEMPTED.test(
    normalizeProse(text)
      .replace(/[()[\]]/g, '')
      .trim(),
  );
}

function skipped(part: Part, answer: PartAnswer): { grade: PartGrade; reading: PartReading } {
  return {
    grade: {
      score: 0,
      max: part.points,
      review: answer.conf < 0.5,
      reasons: ['not attempted'],
      items: part.items.map((i) => ({
        id: i.id,
        label: i.label,
        max: i.points,
        awarded: 0,
        reason: 'not attempted',
        evidence: [],
      })),
      confidence: answer.conf,
      evidence: answer.regions,
    },
    reading: { values: {}, wrong: [] },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function gradePart(
  part: Part,
  answer: PartAnswer | undefined,
  script: ExtractedScript,
  ctx: GradingContext,
  answers: Map<string, unknown>,
): { grade: PartGrade; reading: PartReading } {
  if (!answer?.text.trim()) return noAnswer(part, script);
  if (notAttempted(answer.text)) return skipped(part, answer);
  // each part is graded on its own answer: the course's graders do not carry a reason written in
  // 3(a) over to a bare 3(b)
  const ev = analyse(answer);
  let near: Array<{ id: string; ev: Evidence }> | null = null;
  const siblings = () => {
    const q = part.id.match(/^\d+/)?.[0];
    near ??= Object.values(script.parts)
      .filter((p) => p.partId !== part.id && p.partId.match(/^\d+/)?.[0] === q && p.text.trim())
      .map((p) => ({ id: p.partId, ev: analyse(p) }));
    return near;
  };
  const results: ItemResult[] = [];
  const maps = part.items.some((i) => i.type === 'mapping') ? findMappings(ev.lines) : [];
  const { found: termFound, unknown: unknownTerms } = gradeTerms(part, ev);
  const derivation = hasDerivation(
    ev,
    part.items.find((i): i is TermItem => i.type === 'term')?.of &&
      canonicalSymbol(part.items.find((i): i is TermItem => i.type === 'term')!.of),
  );
  for (const item of part.items) {
    const base = {
      id: item.id,
      label: item.label,
      max: item.points,
      evidence: ev.answer.regions.slice(0, 1),
    };
    let r: ItemResult;
    switch (item.type) {
      case 'mapping':
        r = gradeMapping(item, ev, ctx.keys, maps);
        break;
      case 'value':
        r = gradeValue(item, part, ev, ctx, answers, siblings);
        if (r.value !== undefined) answers.set(`${part.id}#${item.id}`, r.value);
        if (r.value !== undefined && !answers.has(part.id)) answers.set(part.id, r.value);
        break;
      case 'expression':
        r = gradeExpression(item, ev);
        break;
      case 'term': {
        const m = termFound.get(item.id);
        r = m
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
        break;
      }
      case 'sum': {
        const all = termFound.has('__paths') || item.of.every((id) => termFound.has(id));
        const ok = all && (!item.needsDerivation || derivation);
        r = {
          ...base,
          awarded: ok ? item.points : 0,
          reason: ok
            ? 'both paths added, derived by the chain rule'
            : all
              ? 'both paths are added, but the sum is not derived (no chain-rule step)'
              : 'the two paths are not both present and added',
          conf: 0.95,
        };
        break;
      }
      case 'concept':
        r = gradeConcept(item, ev);
        break;
    }
    results.push(r);
  }
  let score = results.reduce((s, r) => s + r.awarded, 0);
  const reasons = results.map((r) => `${r.awarded}/${r.max}: ${r.reason}`);
  for (const cap of part.caps) {
    const present =
      cap.without === 'derivation'
        ? derivation
        : findWork({ ...part.work, counts: [cap.without] }, ev, [], false).ok;
    if (!present && score > cap.max) {
      score = cap.max;
      reasons.push(`capped at ${cap.max}: ${cap.reason}`);
    }
  }
  // term parts with nothing readable: the answer exists but no expression for the left-hand side
  const termItems = part.items.filter((i) => i.type === 'term');
  let matchConf = results.length ? Math.min(...results.map((r) => r.conf)) : 1;
  if (termItems.length && !eqsFor(ev, [canonicalSymbol((termItems[0] as TermItem).of)]).length) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(`no expression for ${(termItems[0] as TermItem).of} could be read`);
  }
  // a mapping part with positions that were not read is garbled; one that simply stops early is not
  const mapItems = part.items.filter((i) => i.type === 'mapping');
  if (mapItems.length) {
    const read = results.filter((r) => r.value !== undefined).length;
    // numbers written as positions (a subscript, as in `C_{t-1}`, is part of a name, not a number)
    const written = ev.lines
      .flatMap((l) => tokenize(normalizeMath(l)))
      .filter((t) => t.t === 'num' && Number.isInteger(t.v)).length;
    if (read < mapItems.length && written > read) {
      matchConf = Math.min(matchConf, read >= mapItems.length - 1 ? 0.65 : 0.4);
    }
  }
  // OCR'd text loses working and symbols: marks withheld on an answer read by OCR go to a person
  const ocrPages = new Set(script.pages.filter((p) => p.source !== 'text').map((p) => p.page));
  const fromOcr = answer.lines.length ? answer.lines.some((l) => ocrPages.has(l.page)) : answer.conf < 0.95;
  if (fromOcr && score < part.points) matchConf = Math.min(matchConf, 0.65);
  // an explanation of some length in which no idea of the rubric was recognised may state them in
  // words we do not know: a person reads it (a bare claim stays a confident 0)
  const concepts = results.filter((_, k) => part.items[k].type === 'concept');
  const words = ev.prose.match(/[a-z]{2,}/g)?.length ?? 0;
  if (concepts.length && concepts.every((r) => r.awarded === 0 && !r.wrong) && words >= EXPLANATION_WORDS) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(`no idea of the rubric recognised in the explanation ("${quote(ev.lines.join(' '))}")`);
  } else if (
    concepts.some((r) => r.awarded > 0) &&
    concepts.some((r) => r.awarded === 0 && !r.wrong) &&
    words >= 2 * EXPLANATION_WORDS
  ) {
    // one idea recognised and another not, in a long explanation: the other may be there in words
    // we do not know
    matchConf = Math.min(matchConf, 0.5);
    const missing = concepts.filter((r) => r.awarded === 0).map((r) => r.label);
    reasons.push(`not recognised in the explanation: ${missing.join('; ')}`);
  }
  // one value withheld as bare while another, which builds on it, is credited for a phrase ("10
  // filters" for 199 × 199 × 10 after a bare 199 × 199 × 3): which working supports which is a
  // person's call
  if (results.some((r) => r.bare) && results.some((r) => r.awarded > 0 && r.shownBy === 'reason')) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push('working shown for one value but not for another it builds on');
  }
  // text outside the answers that names this part may correct it ("In 1(b)(i) above I made a mistake")
  const outside = score < part.points ? referenceOutside(part.id, script) : null;
  if (outside) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(`text outside the answers refers to this part ("${quote(outside)}")`);
  }
  // a derived expression with terms that are neither the key's nor a known slip: a person reads it
  if (score < part.points && unknownTerms > 0) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(
      `the expression has ${unknownTerms} term${unknownTerms > 1 ? 's' : ''} the rubric does not describe`,
    );
  }
  // marks withheld from a part holding maths the grader could not read: a person decides (a
  // mapping part's lines are read by the mapping reader, whose own doubts count there)
  const mappingOnly = part.items.every((i) => i.type === 'mapping');
  if (score < part.points && ev.unread.length && !mappingOnly) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(`holds maths that could not be read ("${quote(ev.lines[ev.unread[0]])}")`);
  }
  const confidence = Math.max(0, Math.min(1, Math.min(answer.conf, matchConf)));
  const review = confidence < ctx.reviewThreshold;
  if (review) reasons.push('sent to a person: the reading or the match is uncertain');
  const evidence = answer.regions;
  return {
    grade: {
      score: round(Math.min(part.points, score)),
      max: part.points,
      review,
      reasons,
      items: results.map(({ id, label, max, awarded, reason, evidence }) => ({
        id,
        label,
        max,
        awarded,
        reason,
        evidence,
      })),
      confidence: round(confidence),
      evidence,
    },
    reading: {
      values: Object.fromEntries(results.filter((r) => r.value !== undefined).map((r) => [r.id, r.value])),
      wrong: results.filter((r) => r.wrong).map((r) => `${part.id}:${r.wrong}`),
    },
  };
}

export interface GradedScript {
  grade: ScriptGrade;
  readings: Record<string, PartReading>;
  /** normalised text of each part, for similarity */
  texts: Record<string, string>;
}

/** Grade one extracted script (no batch flags: see gradeBatch). */
export function gradeScript(
  rubric: Rubric,
  ctx: GradingContext,
  script: ExtractedScript,
  file = script.file ?? '',
): GradedScript {
  // a question answered as one block: its sub-parts' answers found by what their lines define
  script = placeByContent(script, rubric);
  const parts: Record<string, PartGrade> = {};
  const readings: Record<string, PartReading> = {};
  const texts: Record<string, string> = {};
  const answers = new Map<string, unknown>();
  for (const part of rubric.parts)
    for (const item of part.items) {
      if (item.type !== 'value') continue;
      try {
        const k = resolveKey(item.key, ctx.keys);
        answers.set(`key:${part.id}#${item.id}`, k);
        if (!answers.has(`key:${part.id}`)) answers.set(`key:${part.id}`, k);
      } catch {
        // a key the engine does not compute is reported when the item is graded
      }
    }
  for (const part of rubric.parts) {
    const { grade, reading } = gradePart(part, script.parts[part.id], script, ctx, answers);
    parts[part.id] = grade;
    readings[part.id] = reading;
    texts[part.id] = normalizeProse(script.parts[part.id]?.text ?? '');
  }
  const total = round(Object.values(parts).reduce((s, p) => s + p.score, 0));
  const h = script.header;
  // with a roster, an unconfirmed identity is nobody's: the script must not reach a wrong student
  const student = h.match
    ? { name: h.match.name, roll: h.match.roll }
    : !h.rosterChecked && (h.name || h.roll)
      ? { name: h.name, roll: h.roll }
      : null;
  return { grade: { file, student, parts, total, flags: [], flagReasons: {} }, readings, texts };
}

export type { Item };
