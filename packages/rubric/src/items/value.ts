// `value` items: a number, vector or shape compared with its key, with the rules for work shown,
// alternatives, a transposed shape, error carried forward, components and arithmetic slips.
import type { Region } from '@grader/model';
import {
  closeTo,
  equivalent,
  escapeRegExp,
  findDimensions,
  findNumbers,
  findNumberWords,
  findVectors,
  normalizeMath,
  normalizeProse,
  parseExpr,
  sameShape,
  symbolsOf,
  tryParseExpr,
} from '@grader/parse';
import type { GradingContext } from '../context.ts';
import { computeEcfDetail } from '../ecf.ts';
import { canonicalSymbol, type Evidence, matchesAny, tryEvaluate } from '../evidence.ts';
import { fmt, fmtDims, quote } from '../format.ts';
import { asNumbers, type Keys, lookupPath, resolveKey } from '../keys.ts';
import type { Part, ValueItem } from '../schema.ts';
import { targetsOf, valueMatches } from '../values.ts';
import { aboutPart, computationFor, findWork, type WorkFound } from '../working.ts';
import type { ItemHandler, ItemResult, PartDoubt } from './types.ts';
import { CORRECTION, readValue } from './value-read.ts';

/** The letters the exam's own quantities are written with (gates, states, weights, the loss). */
const MODEL_BASES = new Set([
  'f',
  'i',
  'o',
  'c',
  'h',
  'x',
  'w',
  'b',
  's',
  'e',
  'y',
  'v',
  'l',
  'tanh',
  'sigma',
]);

/**
 * Whether the item's formula is stated (true), only other formulas of the model's symbols are (false),
 * or neither (null); `retracted` when the last formula stated for the name is another one ("C_t = f*C(t-1)
 * + i*C~ ?? or the other way", then "C_t = i_t * C_(t-1) + f_t * C~_t" worked out).
 */
function formulaStated(item: ValueItem, ev: Evidence): { ok: boolean | null; retracted: boolean } {
  if (!item.formula) return { ok: null, retracted: false };
  const key = parseExpr(item.formula);
  // the gates written without their time index (f ⊙ C_{t-1} + i ⊙ C̃) are the formula's f_t, i_t, C̃_t
  const aliases = Object.fromEntries(
    [...symbolsOf(key)].filter((n) => /_t$/.test(n)).map((n) => [n.replace(/_t$/, ''), n]),
  );
  const names = item.names.map(canonicalSymbol);
  let sawEquation = false;
  let ok = false;
  let last: boolean | null = null;
  for (const eq of ev.equations) {
    const lhs = eq.sides[0].tokens;
    if (!(lhs.length === 1 && lhs[0].t === 'sym' && names.includes(lhs[0].v))) continue;
    for (const s of eq.sides.slice(1)) {
      // only symbolic sides state the formula (`o_t * tanh(C_t)`); `1 * tanh(0.7)` is its evaluation
      // (a constant among the symbols is still a formula: `f_t * C_{t-1} + (1 - f_t) * C~_t`)
      const syms = s.tokens.filter((t) => t.t === 'sym').length;
      if (!s.expr || syms === 0 || s.tokens.filter((t) => t.t === 'num').length >= syms) continue;
      if (equivalent(s.expr, key, { aliases })) {
        ok = true;
        last = true;
        continue;
      }
      // a symbol the formula does not have (the student's own g_t for C~_t): this side cannot say
      // whether the formula is wrong
      // (a symbol of the model itself — o_t where f_t belongs — is a wrong formula, not an unknown one)
      const own = [...symbolsOf(s.expr)].filter(
        (n) => !MODEL_BASES.has(n.replace(/[_~^{].*$/, '').toLowerCase()),
      );
      if (own.length) continue;
      sawEquation = true;
      last = false;
      // a spaced letter x between two symbols is a product sign (`f_t x C_{t-1}`), not a variable
      const crossed = / x (?=[A-Za-z(])/.test(s.text)
        ? tryParseExpr(normalizeMath(s.text.replace(/ x (?=[A-Za-z(])/g, ' * ')))
        : null;
      if (crossed && equivalent(crossed, key, { aliases })) last = ok = true;
    }
  }
  return { ok: ok ? true : sawEquation ? false : null, retracted: ok && last === false };
}

function resolveArgs(
  how: { args: NonNullable<ValueItem['ecf']>['args'] },
  ctx: GradingContext,
  answers: Map<string, unknown>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(how.args)) {
    if ('literal' in arg) out[name] = arg.literal;
    else if ('key' in arg) out[name] = lookupPath(ctx.keys, arg.key);
    else if ('param' in arg) out[name] = lookupPath(ctx.params as Keys, arg.param);
    // a blank earlier answer carries nothing wrong forward: use the key in its place
    else out[name] = answers.get(arg.answer) ?? answers.get(`key:${arg.answer}`);
    if (out[name] === undefined) return null;
  }
  return out;
}

/** The earlier answer the item carries forward (its `ecf`) where the student's own differs from its key. */
function carriedWrong(item: ValueItem, answers: Map<string, unknown>): string | null {
  for (const arg of Object.values(item.ecf?.args ?? {})) {
    if (!('answer' in arg)) continue;
    const own = asNumbers(answers.get(arg.answer));
    const key = asNumbers(answers.get(`key:${arg.answer}`));
    if (own && key && !sameVector(own, key)) return arg.answer;
  }
  return null;
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
  const detail = keyDetail(item, ctx, answers);
  if (!detail) return [];
  const inputs = detail.inputs.flatMap((a) => asNumbers(a) ?? []);
  return detail.carried.parts.filter(
    (v) => v !== 0 && ![...inputs, ...known].some((k) => closeTo(v, k, { abs: 0.0005, rel: 0 })),
  );
}

/** The key's own computation (the item's `ecf`, else its `steps`) on the key's inputs, and those inputs. */
function keyDetail(item: ValueItem, ctx: GradingContext, answers: Map<string, unknown>, own = false) {
  const how = item.ecf ?? item.steps;
  if (!how) return null;
  const keysOnly = new Map([...answers].filter(([k]) => k.startsWith('key:')));
  const args = resolveArgs(how, ctx, own ? answers : keysOnly);
  if (!args) return null;
  try {
    return { carried: computeEcfDetail(how.compute, args), inputs: Object.values(args) };
  } catch {
    return null;
  }
}

/**
 * Where a part writes one of the vectors the key's computation passes through (f_t ⊙ C_{t-1} =
 * (0.2, 0.2, 0)), none of them an input or the key itself: the computation done element-wise.
 */
/** Two vectors of the same length, element by element within the course's ±0.005. */
/** Whether the part's arithmetic evaluates to `v`: one computation's vector, or two computed vectors' sum. */
function arrivesAt(ev: Evidence, v: number[]): boolean {
  const vectors = ev.computations
    .map((c) => c.value)
    .filter((x): x is number[] => Array.isArray(x) && x.length === v.length);
  return vectors.some(
    (a, i) =>
      sameVector(a, v) ||
      vectors.slice(i + 1).some((b) =>
        sameVector(
          a.map((x, k) => x + b[k]),
          v,
        ),
      ),
  );
}

const sameVector = (a: number[], b: number[]) =>
  a.length === b.length && a.every((x, k) => closeTo(x, b[k], { abs: 0.005, rel: 0 }));

/**
 * The vectors the key's computation passes through, none an input or the key itself; with `own`, also
 * those from the student's own earlier answers where those differ (a wrong C_t whose wrong entries o_t
 * zeroes, "tanh(C_t) = (0.6044, 0, 0.3799) ⇒ h_t = (0.6044, 0, 0)").
 */
function stepVectors(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  key: unknown,
  own: boolean,
): number[][] {
  const details = [keyDetail(item, ctx, answers), own ? keyDetail(item, ctx, answers, true) : null].filter(
    (d): d is NonNullable<typeof d> => d !== null,
  );
  const others = [...details.flatMap((d) => d.inputs.map((a) => asNumbers(a) ?? [])), asNumbers(key) ?? []];
  // (a vector answer's element-wise step, tanh(C_t) on the way to h_t, is one vector too: written
  // rounded, "tanh(C_t) = [0.60, 0.20, 0.05]", it is still that step)
  const n = (asNumbers(key) ?? []).length;
  return details
    .flatMap((d) => [
      ...(d.carried.vectors ?? []),
      ...(item.shape === 'vector' && n > 1 && d.carried.parts?.length === n ? [d.carried.parts] : []),
    ])
    .filter((v) => !others.some((o) => sameVector(o, v)));
}

/** Where the part writes vector `s`: in brackets or as a run of numbers on a line, else as a table's column. */
function vectorWritten(ev: Evidence, nums: number[][], s: number[]): { line: number; table: boolean } | null {
  for (const [i, line] of ev.lines.entries()) {
    if (findVectors(normalizeMath(line)).some((v) => sameVector(v.values, s)))
      return { line: i, table: false };
    // (without brackets, "f_t*C_t-1 = 0.2, 0.2, 0": its numbers in a row)
    const row = nums[i];
    for (let k = 0; k + s.length <= row.length; k++)
      if (sameVector(row.slice(k, k + s.length), s)) return { line: i, table: false };
  }
  // (a table with a row per element, "2  0.5  0.4  0.2  0  0  0  0.2": a column that is the step)
  for (let i = 0; i + s.length <= nums.length; i++) {
    const rows = nums.slice(i, i + s.length);
    const width = rows[0].length;
    if (width < 2 || rows.some((r) => r.length !== width)) continue;
    for (let c = 0; c < width; c++)
      if (
        sameVector(
          rows.map((r) => r[c]),
          s,
        )
      )
        return { line: i, table: true };
  }
  return null;
}

/** The key's step vectors (with `own`, the student's own too) and where the part writes each it writes. */
function stepsFound(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  ev: Evidence,
  key: unknown,
  own: boolean,
) {
  const steps = stepVectors(item, ctx, answers, key, own);
  const nums = ev.lines.map((line) => findNumbers(normalizeMath(line)).map((x) => x.value));
  const found = steps.map((s) => vectorWritten(ev, nums, s)).filter((f) => f !== null);
  return { steps, found };
}

function stepVectorsWritten(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  ev: Evidence,
  key: unknown,
): WorkFound {
  const { found } = stepsFound(item, ctx, answers, ev, key, true);
  const best =
    found.filter((f) => !f.table).sort((a, b) => a.line - b.line)[0] ??
    found.sort((a, b) => a.line - b.line)[0];
  return best ? { ok: true, line: best.line, kind: 'computation' } : { ok: false, line: null };
}

/**
 * Whether every vector the key's own computation passes through is written ("f ⊙ C_{t-1} = (0.2, 0.2,
 * 0)" and "i ⊙ C~ = (0.5, 0, 0.05)"): the right formula's numbers, whatever symbols name it.
 */
function everyStepWritten(
  item: ValueItem,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  ev: Evidence,
  key: unknown,
): boolean {
  const { steps, found } = stepsFound(item, ctx, answers, ev, key, false);
  return steps.length > 0 && found.length === steps.length;
}

/** Whether the key itself (a nonzero count, a shape, a vector) is written somewhere in the part. */
function keyWritten(item: ValueItem, ev: Evidence, key: unknown): boolean {
  const keyNums = asNumbers(key) ?? [];
  if (!keyNums.length || keyNums.every((x) => x === 0)) return false;
  const text = normalizeMath(ev.lines.join('\n'));
  const same = (xs: number[]) =>
    xs.length === keyNums.length && xs.every((x, k) => closeTo(x, keyNums[k], { abs: 0.0005, rel: 1e-9 }));
  if (item.shape === 'number') return findNumbers(text).some((n) => same([n.value]));
  if (item.shape === 'dimension') return findDimensions(text).some((d) => same(d.dims));
  return findVectors(text).some((v) => same(v.values));
}

/**
 * The name of the question's given parameter a shape read as the answer equals ("5.image" for 200 ×
 * 200 × 3), where the part writes another shape of as many sides and channels, of an output's size
 * below the given's ("197 × 197 × 3"); else null.
 */
function givenRead(
  item: ValueItem,
  got: unknown,
  partId: string,
  ctx: GradingContext,
  ev: Evidence,
): string | null {
  if (item.shape !== 'dimension') return null;
  const dims = asNumbers(got);
  if (!dims?.length) return null;
  const q = /^\d+/.exec(partId)?.[0];
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, k) => x === b[k]);
  const givens = Object.entries(ctx.params ?? {})
    .filter(([name]) => name.split('.')[0] === q)
    .map(([name, v]) => ({
      name,
      nums: asNumbers(v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : v),
    }))
    .filter((g): g is { name: string; nums: number[] } => !!g.nums && same(g.nums, dims));
  if (!givens.length) return null;
  const others = findDimensions(normalizeMath(ev.lines.join('\n'))).filter(
    (d) =>
      d.dims.length === dims.length &&
      d.dims.at(-1) === dims.at(-1) &&
      !same(d.dims, dims) &&
      // (an output's size, near the input's and below it: not a filter, "1 × 1 × 3" or "4 × 4 × 3",
      // nor the padded input, "202 × 202 × 3")
      d.dims.slice(0, -1).every((x, k) => x * 2 >= dims[k] && x < dims[k]),
  );
  return others.length ? givens[0].name : null;
}

/**
 * Whether a total carried forward adds counts written bare ("1862832 + 1164270 = 3027102"): the
 * parts are its summands, no arithmetic reaches either (not in a chain, "197*197*48 + …" computes its
 * count), and no product of its own reaches the total ("197 × 197 × (16 × 3 + 3 × 10) = 38809 × 78").
 * The total is worked, its counts not: whether that carries the error forward is a person's reading.
 */
function countsBare(ev: Evidence, parts: number[], expected: unknown): boolean {
  const total = typeof expected === 'number' ? expected : Number.NaN;
  const same = (a: number, b: number) => closeTo(a, b, { abs: 0, rel: 1e-9 });
  if (
    parts.length < 2 ||
    !same(
      parts.reduce((a, b) => a + b, 0),
      total,
    )
  )
    return false;
  if (
    ev.computations.some((c) => typeof c.value === 'number' && same(c.value, total) && /[*×·]/.test(c.text))
  )
    return false;
  if (computationFor(ev, parts, { abs: 0, rel: 1e-9 }) !== null) return false;
  const products = normalizeMath(ev.lines.join('\n')).matchAll(/\d[\d,]*(?:\s*[*×x·]\s*\d[\d,]*)+/g);
  return ![...products].some((m) =>
    parts.some((x) => tryEvaluate(m[0].replace(/,/g, '').replace(/[x×·]/g, '*')) === x),
  );
}

/** Where a part writes one of the key's intermediate values (not an input, not the answer). */
function stepsWritten(ev: Evidence, steps: number[]): WorkFound {
  if (!steps.length) return { ok: false, line: null };
  for (const [i, line] of ev.lines.entries()) {
    const text = normalizeMath(line);
    if (
      findNumbers(text).some(
        (n) =>
          steps.some((v) => closeTo(n.value, v, { abs: 0.0005, rel: 0 })) && !rejected(text, n.start, n.end),
      )
    )
      return { ok: true, line: i, kind: 'computation' };
  }
  return { ok: false, line: null };
}

/**
 * Whether the number at `start`..`end` of `text` is set aside in its own clause ("60 would be the
 * weights only", "not 18 — that is one gate"): a value the student rejects is no step they took.
 */
function rejected(text: string, start: number, end: number): boolean {
  const from = Math.max(...[';', '.', '(', ')', '—', '\n'].map((c) => text.lastIndexOf(c, start - 1))) + 1;
  const stops = [';', '(', ')', '—', '\n'].map((c) => text.indexOf(c, end)).filter((k) => k >= 0);
  const clause = text.slice(from, stops.length ? Math.min(...stops) : text.length);
  return /\b(?:would|not|isn'?t|wrong|instead|rather than)\b/i.test(clause);
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
  // (a reason citing a vector, "h_t = [0.604, 0, 0] since o_t = [1, 0, 0]": how far it supports the
  // answer is a person's call)
  // (or a template's slot for it, "Justification: o_t = {1, 0, 0}")
  const cited = ev.lines.find((l) =>
    /\b(?:since|because|as|justification\s*:|reason(?:ing)?\s*:|evidence\s*:)\s*[^.\n]{0,24}=\s*[[({]\s*-?\d/i.test(
      l,
    ),
  );
  if (cited) return `a reason ("${quote(cited)}")`;
  return null;
}

/**
 * Whether a line's text before a phrase ends in a formula: a symbol's definition (`c_k = sum α_kj
 * h_j`, `α = softmax(e)`) and what follows it, not "parameters =" or "answer =".
 */
function afterFormula(before: string): boolean {
  const eq = before.lastIndexOf('=');
  if (eq < 0) return false;
  const lhs =
    before
      .slice(0, eq)
      .split(/[,;:]|\s{2,}/)
      .pop()
      ?.trim() ?? '';
  return (
    /^[\p{L}][\p{L}\d_{}^()]{0,7}$/u.test(lhs) &&
    !/param|weight|answer|total|count|extra/.test(lhs) &&
    /\S/.test(before.slice(eq + 1))
  );
}

function gradeValue(
  item: ValueItem,
  part: Part,
  ev: Evidence,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  /** the other answers to the same question (a table for 1(b) i and ii sits under one of them) */
  siblings: () => Array<{ id: string; ev: Evidence }> = () => [],
  ocr = false,
  /** the lines set just above the answer's first line, whatever answer they were read under */
  above: () => string = () => '',
): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const key = resolveKey(item.key, ctx.keys);
  const work = item.work ?? part.work;
  const read = readValue(item, part, ev, ctx.keys, ocr);
  const { ok: fOk, retracted } = formulaStated(item, ev);
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
  // (but one after a formula on its line says what that formula lacks — "C_k = Σ_j α_kj h_j,
  // nothing to learn", "α = softmax(e) → no weights": a reason)
  const said = item.numberWords ? findNumberWords(ev.lines.join('\n')).map((x) => x.phrase) : [];
  const strip = (t: string) =>
    said.reduce((acc, ph) => {
      let out = '';
      let from = 0;
      for (let i = acc.indexOf(ph); i >= 0; i = acc.indexOf(ph, i + ph.length)) {
        out += acc.slice(from, i) + (afterFormula(acc.slice(acc.lastIndexOf('\n', i) + 1, i)) ? ph : ' ');
        from = i + ph.length;
      }
      return out + acc.slice(from);
    }, t);
  const reasonEv = said.length
    ? { ...ev, prose: strip(ev.prose), lines: ev.lines.map((l) => strip(normalizeProse(l))) }
    : ev;
  // (judged on the words as written: "no weights" is a number-word phrase, stripped above)
  const topical = aboutPart(part.title, work.describe, item.names, targets);
  const about = (text: string, wordsOnly?: boolean) => {
    const i = reasonEv.lines.indexOf(text);
    return topical(i >= 0 ? ev.lines[i] : ev.lines.join(' '), wordsOnly);
  };
  // (a sentence that computes another number — "4 x (15 + 3) would be 72, but … not the biases"
  // under 3(b) — is the working of another answer, never this one's reason in words)
  // (arithmetic on a line, "4 x (15 + 3)", with a number that is none of this answer's)
  const foreign = new Set(
    ev.lines.flatMap((l, i) => {
      const math = normalizeMath(l);
      return /\d\s*[*+×·x]\s*\(?\s*\d/.test(math) &&
        findNumbers(math).some((n) => n.value > 1 && !targets.some((t) => closeTo(n.value, t)))
        ? [i]
        : [];
    }),
  );
  const inForeignSentence = (i: number) => {
    for (let j = i; j >= 0; j--) {
      if (j < i && /[.!?]\s*$/.test(ev.lines[j])) return false;
      if (foreign.has(j)) return true;
    }
    return false;
  };
  const explained = foreign.size
    ? { ...reasonEv, lines: reasonEv.lines.map((l, i) => (inForeignSentence(i) ? '' : l)) }
    : reasonEv;
  const found = findWork(work, explained, targets, fOk === true, undefined, keyNums[0], about);
  // the engine's own intermediate values of the key, written on the way to a right answer ("each
  // = 3x5 + 3 = 18 … total = 72", "tanh(C_t) = {0.6044, 0.1974, 0.05}"), are its working
  // (so are the vectors it passes through: "f ⊙ C_{t-1} = (0.2, 0.2, 0)", "i ⊙ C~ = (0.5, 0, 0.05)")
  // (and every count a total adds up, each written in the part — "Depthwise … = 1,900,848",
  // "Pointwise … = 1,188,030", "Total 3,088,878": their sum is its working)
  const stepped = () => {
    const n = stepsWritten(ev, keySteps(item, ctx, answers, targets));
    if (n.ok) return n;
    const counts = compKeys.map((k) => stepsWritten(ev, asNumbers(k) ?? []));
    if (counts.length >= 2 && counts.every((c) => c.ok)) return counts[counts.length - 1];
    return stepVectorsWritten(item, ctx, answers, ev, key);
  };
  const w =
    found.ok || !work.counts.includes('computation') || !valueMatches(item, got, key) ? found : stepped();
  const workEv = w.line !== null ? ev.region(w.line) : [];
  const missing = `no working shown (${work.describe}); a bare answer earns no marks (instruction 3)`;
  const shownValue = item.shape === 'dimension' ? fmtDims(asNumbers(got) ?? []) : fmt(got);
  const result = (awarded: number, reason: string, conf = read.conf, wrong?: string): ItemResult => {
    // a wrong value that is not the one written as the item's own quantity: a person reads which is
    const unnamed = wrong !== undefined && read.unnamed === true;
    const note = unnamed
      ? (read.note ??
        `what is written as ${item.names[0] ?? 'the answer'} could not be read: a person checks`)
      : read.note;
    if (unnamed) conf = Math.min(conf, 0.5);
    return {
      ...base,
      awarded,
      // what made the reading itself uncertain, said where a person reads why the part came to them
      reason: note && conf < 0.8 ? `${reason}; ${note}` : reason,
      evidence: [...evidence, ...workEv],
      conf,
      value: got,
      wrong,
    };
  };
  // A right value whose working was not recognised: truly bare, it earns 0 (instruction 3); but
  // when the part holds material we could not account for (numbers that are not answers, maths we
  // could not read, an explanation), that material may be the working: a person decides.
  // (`own`: the values the student's own earlier answers pass through on the way to a value carried
  // forward — "(3x2 + 3) = 9, four gates -> 36" under 3(a) is 3(c)'s working from its own W_f;
  // `credit`: what the value earns with its working: the item's points, or a carried-forward share)
  const withheldForWork = (said: string, own: number[] = [], credit = item.points): ItemResult => {
    // (a sentence beside the right formula may be the working in words: "since o_t = {1, 0, 0}
    // the last two become zero")
    // the vectors its element-wise computation passes through, with the result, written under a
    // sibling: a question's shared "Calculation" before its parts' results ("f_t ∘ C_{t−1} =
    // {0.2, 0.2, 0}", "i_t ∘ C̃_t = {0.5, 0, 0.05}", "C_t = {0.7, 0.2, 0.05}")
    const stepped =
      work.counts.includes('computation') && item.shape === 'vector'
        ? siblings().find(
            (s) =>
              stepVectorsWritten(item, ctx, answers, s.ev, key).ok &&
              findVectors(s.ev.lines.join('\n')).some((v) => sameVector(v.values, asNumbers(key) ?? [])),
          )
        : undefined;
    if (stepped)
      return result(credit, `${said}, with the working shown under ${stepped.id}`, Math.min(read.conf, 0.9));
    const other = unaccounted(
      ev,
      [...targets, ...partKeyNumbers(part, ctx.keys)],
      work.counts.includes('reason') || fOk === true,
    );
    if (!other) {
      // working for this value computed under a sibling's label (one table for both sub-parts)
      // (arithmetic only: a reason is read under the part's own label, as the course's graders do)
      const steps = work.counts.includes('computation')
        ? [...keySteps(item, ctx, answers, targets), ...own.filter((v) => v !== 0 && !targets.includes(v))]
        : [];
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
      // answered on one line with its siblings ("Answer. (a) W_f …; (b) b_f …; (c) 72. Because. …"):
      // the explanation the line's block gives after them, under a later part, may be this part's
      // reason too (an earlier part's own reason stays its own)
      const together = work.counts.includes('reason')
        ? siblings().find(
            (s) => s.id > part.id && onOneLine(s.ev, ev) && matchesAny(work.reasons, s.ev.prose),
          )
        : undefined;
      // (or set just above its label, read as the answer before: a question's introduction,
      // "Ingredients: dim x_t = 2, dim h_t = 3, input to gate … of size 5", over "III (a) W_f: 3 × 5")
      const overhead =
        work.counts.includes('reason') && !together
          ? matchesAny(work.reasons, normalizeProse(above()))
          : null;
      if (overhead)
        return result(
          0,
          `${said} but ${missing}; the lines just above its label give a reason ("${quote(overhead[0])}"): a person reads whether it is this part's`,
          Math.min(read.conf, 0.5),
        );
      if (together)
        return result(
          0,
          `${said} but ${missing}; it is answered on one line with ${together.id}, whose explanation may be its reason: a person reads it`,
          Math.min(read.conf, 0.5),
        );
      if (!near) return { ...result(0, `${said} but ${missing}`), bare: true };
      // the sibling's answer computes this very value (one computation for both sub-parts, its
      // result restated here): that is this part's working, as markers read it
      // (a value whose work may be a reason — 3a's 3 + 2 = 5 — keeps to its own label, as the
      // course's graders do)
      // (so does a table there holding every step of it: tanh of each element of C_t for h_t)
      const nearNumbers = findNumbers(near.ev.lines.join('\n'));
      const written = (v: number) => nearNumbers.some((n) => closeTo(n.value, v, { abs: 0.0005, rel: 0 }));
      const everyStep =
        steps.length >= 1 && steps.every(written) && targets.filter((t) => t !== 0).every(written);
      // (every step of it there, written out, is its working whatever else may count as working:
      // a question's shared "Calculation" before its parts' results)
      if (
        everyStep ||
        (!work.counts.includes('reason') &&
          computationFor(
            near.ev,
            targets.filter((t) => t !== 0),
          ) !== null)
      )
        return result(credit, `${said}, with the working shown under ${near.id}`, Math.min(read.conf, 0.9));
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
    // (a formula read as wrong whose numbers are the right one's, every step of the key written: the
    // notation was misread — "FG * old mem = [1*0.2, 0.5*0.4, 0*0.8] = [0.2, 0.2, 0]", "Ĉ_t")
    if (fOk === false && item.formula && everyStepWritten(item, ctx, answers, ev, key))
      return {
        ...result(item.points, `${shownValue} is right, with the working shown (every step of it written)`),
        shownBy: 'computation',
      };
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
      return withheldForWork(alt.reason, [], alt.credit);
    }
  }
  if (item.transposed && item.shape === 'dimension') {
    const g = asNumbers(got) ?? [];
    if (g.length === keyNums.length && sameShape([...g].reverse(), keyNums)) {
      const conv = matchesAny(item.transposed.when, ev.prose);
      if (conv && (!work.required || w.ok))
        return result(item.transposed.credit, `${shownValue} with the transposed convention stated`);
      if (conv) return result(0, `${shownValue} (transposed convention) but ${missing}`);
      // words about the matrix's rows or columns beside it may state the convention in the student's
      // own terms ("5 rows for the concatenated input"), or its sizes named in that order ("5 × 3 (5
      // inputs, 3 outputs)", "connects 5 inputs to 3 outputs → 5 × 3": labellers split 3 to 1): a person reads them
      // (or the input's and output's sizes said after it: "5 x 3 (input [h_t-1, x_t] = 5, output 3)")
      const layout =
        /\b(?:rows?|columns?|cols?)\b|\b\d+ inputs?(?:\W{1,4}|\s+(?:to|into|onto|and)\s+)\d+ outputs?\b|\binputs?\b[^\n;]{0,30}\d[^\n;]{0,6}\boutputs?\b[^\n;]{0,6}\d/i.test(
          ev.prose,
        );
      return result(
        0,
        `${shownValue} ${item.transposed.unstated}${layout ? '; what is said of its rows and columns may state it' : ''}`,
        layout ? Math.min(read.conf, 0.5) : read.conf,
        `${item.id}=${fmt(got)}`,
      );
    }
  }
  // a vector's shape written as a row, "b_f is 1 × 3" where the answer is 3 (× 1), with its reason:
  // the same size laid out another way, which markers read by the student's own convention: a
  // person checks (bare, it would earn nothing either way)
  if (!item.transposed && item.shape === 'dimension' && (w.ok || !work.required)) {
    const g = asNumbers(got) ?? [];
    if (g.length >= 2 && sameShape([...g].reverse(), keyNums) && !sameShape(g, keyNums))
      return result(
        0,
        `${shownValue} is the answer's size laid out as a row: a person checks the student's convention`,
        Math.min(read.conf, 0.5),
      );
  }
  const wrongTag = `${item.id}=${fmt(got)}`;
  if (item.ecf) {
    const args = resolveArgs(item.ecf!, ctx, answers);
    let expected: unknown = null;
    let parts: number[] = [];
    let also: { value: number; what: string; doubt?: string }[] = [];
    let doubt: string | undefined;
    try {
      if (args) ({ value: expected, parts, also = [], doubt } = computeEcfDetail(item.ecf.compute, args));
    } catch {
      expected = null;
    }
    const wantsDiffer = expected !== null && !valueMatches(item, expected, key);
    if (wantsDiffer && valueMatches(item, got, expected)) {
      // working toward the carried-forward value counts: its own intermediate values computed, or the
      // rubric's formula stated and instantiated with the student's own earlier value (tanh(0.95))
      const carried = Object.entries(item.ecf.args)
        .filter(([, a]) => 'answer' in a)
        .flatMap(([name]) => asNumbers(args?.[name]) ?? [])
        .filter((x) => x !== 0);
      const instantiated =
        fOk === true &&
        carried.length > 0 &&
        findNumbers(normalizeMath(ev.lines.join('\n'))).some((n) =>
          carried.some((x) => closeTo(n.value, x, { abs: 0, rel: 1e-9 })),
        );
      const ecfWork =
        w.ok ||
        instantiated ||
        (parts.length > 0 && computationFor(ev, parts, { abs: 0, rel: 1e-9 }) !== null);
      const bareParts = item.shape === 'number' && countsBare(ev, parts, expected);
      if (bareParts && work.required && ecfWork)
        doubt ??= 'the counts it adds are written without their own arithmetic: a person checks the working';
      if (doubt && (!work.required || ecfWork))
        return result(item.ecf.credit, `${item.ecf.reason}; ${doubt}`, Math.min(read.conf, 0.5), wrongTag);
      if (!work.required || ecfWork) return result(item.ecf.credit, item.ecf.reason, read.conf, wrongTag);
      return withheldForWork(item.ecf.reason, parts, item.ecf.credit);
    }
    // one number where the carried-forward vector has one nonzero entry, that entry ("h(t) = 1 *
    // tanh(0.95) = 0.74" from a scalar C_t): the student's own value carried through as a scalar,
    // or not; a person decides
    const gotNums = asNumbers(got) ?? [];
    const expNums = wantsDiffer ? (asNumbers(expected) ?? []) : [];
    const nonzero = expNums.filter((x) => Math.abs(x) > 1e-9);
    if (
      item.shape === 'vector' &&
      gotNums.length === 1 &&
      expNums.length > 1 &&
      nonzero.length === 1 &&
      valueMatches(item, [gotNums[0]], [nonzero[0]])
    )
      return result(
        item.ecf.credit,
        `${item.ecf.reason}, given as one number where a vector was asked: a person checks`,
        Math.min(read.conf, 0.5),
        wrongTag,
      );
    // the same from the student's own answers, in a way the rubric gives part credit for (4 × 6 = 24
    // weights from their own 3 × 2 W_f, the biases left out): that credit, once
    const other = also.find((a) => !valueMatches(item, a.value, key) && valueMatches(item, got, a.value));
    if (wantsDiffer && other) {
      const why = `${item.ecf.reason}, counting ${other.what}`;
      if (other.doubt && (w.ok || !work.required))
        return result(item.ecf.credit, `${why}; ${other.doubt}`, Math.min(read.conf, 0.5), wrongTag);
      if (w.ok) return result(item.ecf.credit, why, read.conf, wrongTag);
      // (its working not recognised, "| W_f | 6 |" four times over "| total | 24 |": never a
      // confident 0 for a value the student's own answers give; still a wrong value two scripts
      // may share)
      return { ...withheldForWork(why, parts, item.ecf.credit), wrong: wrongTag };
    }
  }
  // the key rounded to the figures written ("≈ 3.09 × 10^6", "~3.09M" for 3,088,878): whether a
  // rounded count is accepted is a person's call, never a confident 0
  const figures = keyNums.length === 1 && typeof got === 'number' ? roundedFigures(got, keyNums[0]) : null;
  if (figures)
    return result(
      0,
      `${shownValue} is ${fmt(key)} rounded to ${figures} significant figures: a person decides whether the rounding is accepted`,
      Math.min(read.conf, 0.5),
      wrongTag,
    );
  if (item.components && w.ok) {
    // a count is right when the student's own result is: `199² × 16 × 3 = 39 401 × 48 = 1 891 248`
    // evaluates to the key on its left but states a slip
    const comps = targetsOf(compKeys);
    // (or both counts worked out together as a list, a console's `{199^2*16, 199^2*3*10}` printing
    // `{633616, 1188030}`: the entry that is a count)
    const same = (a: unknown, b: unknown) => JSON.stringify(asNumbers(a)) === JSON.stringify(asNumbers(b));
    const counted = (c: { value: unknown; stated: unknown[] }) =>
      (asNumbers(c.value) ?? []).find((v) => comps.some((k) => closeTo(v, k, { abs: 0, rel: 1e-9 }))) !==
        undefined && c.stated.every((s) => same(s, c.value));
    const hit = ev.computations.find(
      (c) =>
        (typeof c.value === 'number' &&
          comps.some((k) => closeTo(c.value as number, k, { abs: 0, rel: 1e-9 })) &&
          c.stated.every(
            (s) => typeof s === 'number' && closeTo(s, c.value as number, { abs: 0, rel: 1e-9 }),
          )) ||
        (typeof c.value !== 'number' && c.stated.length > 0 && counted(c)),
    );
    if (hit) {
      // (the count only as a product left standing, "= 48 · 199²", its figure never written, where
      // the student's own arithmetic slips elsewhere, "199² = 39801": the figure the student would
      // give it may be another, "48 × 39801 = 1,910,448" — a person's reading)
      const value =
        typeof hit.value === 'number'
          ? hit.value
          : ((asNumbers(hit.value) ?? []).find((v) =>
              comps.some((k) => closeTo(v, k, { abs: 0, rel: 1e-9 })),
            ) ?? 0);
      const written = findNumbers(ev.lines.join('\n')).some((n) =>
        closeTo(n.value, value, { abs: 0, rel: 1e-9 }),
      );
      const slipped = ev.computations.some((c) =>
        c.stated.some(
          (s) => typeof s === 'number' && typeof c.value === 'number' && !closeTo(s, c.value, { abs: 0.5 }),
        ),
      );
      const doubt = !written && slipped;
      return {
        ...result(
          item.components.credit,
          doubt
            ? `${item.components.reason}; but the count is right only as a product left unevaluated (${fmt(value)} is never written), and the working slips elsewhere: a person checks`
            : item.components.reason,
          doubt ? Math.min(read.conf, 0.5) : read.conf,
          wrongTag,
        ),
        evidence: [...evidence, ...ev.region(hit.line)],
      };
    }
  }
  if (item.components) {
    const comps = targetsOf(compKeys);
    // a count as a term of the student's own sum (`199²·3·16·3 + 199²·3·10 = 6,890,574`): shown,
    // where the sum comes to what the student states; with a slip in the sum, a person's reading
    const term = ev.computations.find((c) =>
      c.terms?.some((t) => comps.some((k) => closeTo(t, k, { abs: 0, rel: 1e-9 }))),
    );
    if (term) {
      const sure =
        term.stated.length > 0 &&
        term.stated.every((s) => typeof s === 'number' && closeTo(s, term.value as number, { abs: 0.5 }));
      return {
        ...result(
          item.components.credit,
          sure
            ? `${item.components.reason} (a term of the sum)`
            : `${item.components.reason} (a term of the sum); but the sum is not what it is stated to come to: a person checks`,
          sure ? read.conf : Math.min(read.conf, 0.5),
          wrongTag,
        ),
        evidence: [...evidence, ...ev.region(term.line)],
      };
    }
    // a right count written where no arithmetic reaching it was read ("each of the 396010 outputs
    // needs 3 multiplications = 1188030"): whether it is shown is a person's reading, not a 0
    // (not the answer itself: a bare count given as the total, "multiplications = 1900848", is bare)
    const count = findNumbers(ev.lines.join('\n')).find(
      (n) =>
        comps.some((k) => closeTo(n.value, k, { abs: 0, rel: 1e-9 })) &&
        !(typeof got === 'number' && closeTo(n.value, got, { abs: 0, rel: 1e-9 })),
    );
    if (count)
      return result(
        0,
        `${shownValue} is not right; one of its two counts (${fmt(count.value)}) is written, but no arithmetic reaching it was recognised: a person checks whether it is shown`,
        Math.min(read.conf, 0.5),
        wrongTag,
      );
  }
  // arithmetic written that comes to the key itself, the student stating another value for it
  // (`199² · 78 = 39401 · 78 = 3,073,278`: 199² slipped): the rubric names no credit for a slip
  // here, so whether the count is shown is a person's reading, never a confident 0
  if (!item.slip && typeof got === 'number' && keyNums.length === 1) {
    const slip = ev.computations.find(
      (c) =>
        typeof c.value === 'number' &&
        closeTo(c.value, keyNums[0], { abs: 0, rel: 1e-9 }) &&
        c.stated.some((s) => typeof s === 'number' && closeTo(s, got, { abs: 0, rel: 1e-9 })),
    );
    if (slip)
      return {
        ...result(
          0,
          `${shownValue} is not right; the answer is ${fmt(key)}: the arithmetic written comes to ${fmt(key)} and a slip gives ${shownValue}; whether it earns anything is a person's call`,
          Math.min(read.conf, 0.5),
          wrongTag,
        ),
        evidence: [...evidence, ...ev.region(slip.line)],
      };
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
    // a value that stops at a step of the key's own computation (tanh(C_t) given as h_t: o_t left
    // out) is the formula applied in part, not a slip in evaluating it
    const steps = sameShape ? keySteps(item, ctx, answers, keyNums) : [];
    // (element by element where the steps are a vector of the key's length: tanh(C_t)'s second
    // entry put first, `h_t = (1 × 0.197, 0, 0)`, is a slip in applying the formula, not a stop)
    const stepAt = keyDetail(item, ctx, answers)?.carried.parts;
    const atStep = (x: number, i: number) =>
      steps.some((v) => closeTo(x, v, { abs: 0.0005, rel: 0 })) &&
      (stepAt?.length !== keyNums.length || closeTo(x, stepAt[i], { abs: 0.0005, rel: 0 }));
    // (the key written too — "h_t = (0.604, 0, 0) … tanh(C_t) = (0.604, 0.197, 0.05)" — is not that)
    const stopsAtStep =
      !statedWrong &&
      !keyWritten(item, ev, key) &&
      gotNums.some((x, i) => !closeTo(x, keyNums[i], { abs: 0.0005, rel: 0 }) && atStep(x, i));
    // (the right formula stated, and the step never named as the answer — "h_t = o_t * tanh(C_t)",
    // tanh's values, "so h_t = [0.6044, 0.1974, 0.05]": o_t left out in evaluating it — is a slip
    // or a stop, a person's reading; "h_t = tanh(C_t) = …" names the step the answer)
    if (stopsAtStep && fOk === true && !stepNamedAnswer(item, ev.lines))
      return result(
        item.slip.credit,
        `${shownValue} is not right; the answer is ${fmt(key)}: it is a step on the way of the formula it states; a slip in evaluating it or a stop there, a person decides`,
        Math.min(read.conf, 0.5),
        wrongTag,
      );
    if (stopsAtStep)
      return result(
        0,
        `${shownValue} is not right; the answer is ${fmt(key)}: it stops at a step on the way (the formula is not applied in full)`,
        read.conf,
        wrongTag,
      );
    // arithmetic that evaluates as written, through none of the key's own steps, to another vector
    // ("{1x0.5, 0.5x0, 0x0.1} + {1x0.2, 0x0.4, 0.5x0.8}": the gates swapped) is another formula
    // carried out correctly, not a slip in this one
    const otherFormula =
      item.shape === 'vector' &&
      fOk !== true &&
      !statedWrong &&
      sameShape &&
      keyNums.length > 1 &&
      read.unnamed !== true &&
      !keyWritten(item, ev, key) &&
      // (the value read is where that arithmetic arrives: in one computation, or as the sum of two
      // computed on lines of their own, "i_t⊙C_{t-1} = (…) = (0.2, 0, 0.4)", "f_t⊙C~_t = … = (0.5, 0, 0)")
      arrivesAt(ev, gotNums) &&
      !stepVectorsWritten(item, ctx, answers, ev, key).ok;
    if (otherFormula)
      return result(
        0,
        `${shownValue} is not right; the answer is ${fmt(key)}: the arithmetic written reaches it through none of the steps of ${item.formula ?? 'the formula'} (another formula, not a slip)`,
        read.conf,
        wrongTag,
      );
    if (fOk === true || (keyLine !== null && fOk !== false) || (statedWrong && fOk !== false)) {
      // a slip the student's own arithmetic does not show, where the key's value is written too
      // ("… = (0.7, 0.2, 0.05)" above a value read from elsewhere): which is the answer is a
      // person's call, not a slip
      const isKey = (v: { values: number[] }) =>
        v.values.length === keyNums.length &&
        v.values.every((x, i) => closeTo(x, keyNums[i], { abs: 0.005 }));
      const keyWritten = keyNums.length > 1 && findVectors(ev.lines.join('\n')).some(isKey);
      // (a slip the arithmetic shows, then the right value after it: "0.5×0.4 = 0.2, not 0.02. So
      // C_t = … = (0.7, 0.2, 0.05)": a correction; where the student says so between them and never
      // goes back to the slip, the corrected value is the answer, the exam's rule for a part answered
      // twice; otherwise a person confirms it)
      const keyAt = ev.lines.findIndex((l, i) => i > read.line && findVectors(l).some(isKey));
      const keyAfter = keyNums.length > 1 && keyAt > read.line;
      const isGot = (v: { values: number[] }) =>
        v.values.length === gotNums.length &&
        v.values.every((x, i) => closeTo(x, gotNums[i], { abs: 0.005 }));
      if (
        sameShape &&
        keyAfter &&
        ev.lines.slice(read.line, keyAt + 1).some((l) => CORRECTION.test(l)) &&
        !ev.lines.slice(keyAt + 1).some((l) => findVectors(l).some(isGot))
      )
        return result(
          item.points,
          `${fmt(key)} is right, corrected from ${shownValue} with the working shown`,
          read.conf,
        );
      if (sameShape && keyWritten && (!statedWrong || keyAfter))
        return result(
          item.slip.credit,
          `${item.slip.reason}; the right value ${fmt(key)} is written too: a person checks which is the answer`,
          Math.min(read.conf, 0.5),
          wrongTag,
        );
      // the sum of the key's elements: dot products taken for ⊙ (0.4 + 0.55 = 0.95), a wrong formula,
      // also when that one number is then copied into every element ({0.95, 0.95, 0.95})
      const dotted =
        gotNums.length > 0 &&
        // (with one nonzero element the sum is that element: no telling them apart)
        keyNums.filter((x) => x !== 0).length >= 2 &&
        gotNums.every((x) =>
          closeTo(
            x,
            keyNums.reduce((a, b) => a + b, 0),
            { abs: 0.005, rel: 0 },
          ),
        );
      // (the formula and a wrong result with no arithmetic between: a slip, or a given misread and
      // nothing shown — a bare answer; a person tells them apart)
      if (sameShape && !dotted && !statedWrong && keyLine === null && ev.computations.length === 0)
        return result(
          item.slip.credit,
          `${item.slip.reason}; no arithmetic is shown: a person checks whether it is a slip or a bare answer`,
          Math.min(read.conf, 0.5),
          wrongTag,
        );
      // (a slip on top of the student's own wrong earlier value, h_t from a wrong C_t evaluated wrongly:
      // neither the slip's credit nor the carried error's alone; a person weighs the two)
      const ownWrong = carriedWrong(item, answers);
      if (sameShape && !dotted && ownWrong)
        return result(
          item.slip.credit,
          `${item.slip.reason}; your own ${ownWrong} is not right either (a slip on a carried error): a person decides`,
          Math.min(read.conf, 0.5),
          wrongTag,
        );
      // (the right formula written, then another one worked out: which was meant is a person's call)
      if (sameShape && !dotted && retracted)
        return result(
          item.slip.credit,
          `${item.slip.reason}? ${item.formula} is written, but another formula for ${item.names[0]} after it: a person checks which was used`,
          Math.min(read.conf, 0.5),
          wrongTag,
        );
      if (sameShape && !dotted) return result(item.slip.credit, item.slip.reason, read.conf, wrongTag);
      if (dotted)
        return result(
          0,
          `${shownValue} is the sum of the element-wise products (dot products taken for ⊙); the answer is the vector ${fmt(key)}`,
          read.conf,
          wrongTag,
        );
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
  // the right answer written elsewhere in the part ("72 … 4 × 15 = 60 weights; + 4 × 3 = 12 biases",
  // both shapes of Q5 with one read for the other): which is the answer is a person's reading, never
  // a confident 0
  if (keyWritten(item, ev, key))
    return result(
      0,
      `${shownValue} read as the answer, but ${expect} is written too: a person checks which is the answer`,
      Math.min(read.conf, 0.5),
      wrongTag,
    );
  // the question's own given read as the answer ("200 × 200 × 3", the input, from a table's Input
  // column beside the Output's "197 × 197 × 3"), another shape written too: which is the answer is a
  // person's reading
  const given = givenRead(item, got, part.id, ctx, ev);
  if (given)
    return result(
      0,
      `${shownValue} read as the answer is the question's given ${given}, and the part writes another: a person checks which is the answer`,
      Math.min(read.conf, 0.5),
      wrongTag,
    );
  // wrong, but it may follow from an earlier answer the grader could not read: a person checks
  const unreadFrom = Object.values(item.ecf?.args ?? {})
    .map((a) => ('answer' in a ? a.answer : null))
    .find((id) => id !== null && answers.has(`unread:${id}`));
  // (a formula read as wrong earns nothing carried forward, whatever the earlier value was)
  if (unreadFrom && fOk !== false)
    return result(
      0,
      `${shownValue} is not right; the answer is ${expect}${why}; it may follow from your own ${unreadFrom}, which could not be read with certainty`,
      Math.min(read.conf, 0.5),
      wrongTag,
    );
  // the value read is another question's own key ("1,900,848" under 3(c), question 5's depthwise
  // count): the text may hold that question's answer, its rows misplaced — a person reads which part
  // it answers
  const other = typeof got === 'number' ? keyOfAnotherQuestion(got, part.id, ctx.keys) : null;
  if (other)
    return result(
      0,
      `${shownValue} is not right; the answer is ${expect}; ${shownValue} is question ${other}'s own key: a person checks which part this text answers`,
      Math.min(read.conf, 0.5),
      wrongTag,
    );
  return result(0, `${shownValue} is not right; the answer is ${expect}${why}`, read.conf, wrongTag);
}

/** The question whose key (or a step of it) is `v`, a number of 50 or more, other than part `id`'s own question; null when none. */
function keyOfAnotherQuestion(v: number, id: string, keys: Keys): string | null {
  if (Math.abs(v) < 50) return null;
  const question = (k: string) => /^\d+/.exec(k)?.[0] ?? k;
  // (a question's key may be a record of its steps: question 5's counts are fields of its key)
  const holds = (value: unknown): boolean =>
    typeof value === 'number'
      ? closeTo(value, v, { abs: 0, rel: 1e-9 })
      : value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).some(holds);
  for (const [k, value] of Object.entries(keys))
    if (question(k) !== question(id) && holds(value)) return question(k);
  return null;
}

/** The significant figures (2 or more, fewer than the key has) to which `got` is `key` rounded; null when it is not. */
function roundedFigures(got: number, key: number): number | null {
  if (got === key || !Number.isInteger(key) || Math.abs(key) < 100) return null;
  const digits = String(Math.abs(key)).replace(/0+$/, '').length;
  for (let sf = 2; sf < digits; sf++) {
    const r = Number(key.toPrecision(sf));
    if (closeTo(got, r, { rel: 1e-9 })) return sf;
  }
  return null;
}

export const value: ItemHandler<ValueItem> = {
  type: 'value',
  grade(item, ctx) {
    const { part, answers } = ctx;
    const r = gradeValue(item, part, ctx.ev, ctx.grading, answers, ctx.siblings, ctx.ocr, ctx.above);
    // what later parts carry forward: the item's value, and the part's first value
    if (r.value !== undefined) answers.set(`${part.id}#${item.id}`, r.value);
    if (r.value !== undefined && !answers.has(part.id)) answers.set(part.id, r.value);
    // written but not read: what builds on it cannot be checked against it (a value read with
    // doubt is marked so in grade.ts, where the answer's placement is known too)
    if (r.value === undefined && ctx.ev.lines.some((l) => l.trim())) answers.set(`unread:${part.id}`, true);
    return r;
  },
};

/**
 * One value withheld as bare while another, which builds on it, is credited for a phrase ("10
 * filters" for 199 × 199 × 10 after a bare 199 × 199 × 3): which working supports which is a
 * person's call.
 */
export const workForOneNotAnother: PartDoubt = ({ results }) =>
  results.some((r) => r.bare) && results.some((r) => r.awarded > 0 && r.shownBy === 'reason')
    ? { conf: 0.5, reason: 'working shown for one value but not for another it builds on' }
    : null;

/** Function names in a formula, not its quantities. */
const FORMULA_FUNCTIONS = /^(?:tanh|sigma|sigmoid|exp|log|sqrt|softmax|relu|max|min|sum)$/i;

/**
 * Whether a line names the answer by an expression that leaves out one of the formula's quantities
 * ("h_t = tanh(C_t) = …" for o_t * tanh(C_t)): the step given as the answer, not a slip.
 */
function stepNamedAnswer(item: ValueItem, lines: string[]): boolean {
  if (!item.formula) return false;
  // a quantity as written, its subscript perhaps run into it ("o_t", "o_{t}", "ot", "h(t)")
  const written = (q: string) => {
    const [base, sub] = q.split('_');
    const s = sub?.replace(/[{}]/g, '');
    return `(?<![A-Za-z])${escapeRegExp(base)}${s ? `\\s*(?:_?\\s*[({]?\\s*${escapeRegExp(s)}\\s*[)}]?)?` : ''}(?![A-Za-z])`;
  };
  const quantities = (item.formula.match(/[A-Za-z]+(?:_[A-Za-z0-9{}-]+)?/g) ?? []).filter(
    (q) => !FORMULA_FUNCTIONS.test(q),
  );
  return item.names.some((name) => {
    const named = new RegExp(`${written(name)}\\s*:?=\\s*([^=\\n]+)`);
    return lines.some((l) => {
      const m = named.exec(l);
      if (!m || !/[A-Za-z]{2,}\s*\(|[A-Za-z]_/.test(m[1])) return false;
      return quantities.some((q) => !new RegExp(written(q)).test(m[1]));
    });
  });
}

/** Whether two answers start on one line of the page: a line holding both parts, cut at the label between. */
function onOneLine(a: Evidence, b: Evidence): boolean {
  const [x, y] = [a.answer.lines[0], b.answer.lines[0]];
  return x !== undefined && y !== undefined && x.page === y.page && Math.abs(x.box.y - y.box.y) < x.box.h / 2;
}
