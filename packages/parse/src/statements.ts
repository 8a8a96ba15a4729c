// The structure inside an answer's text: math runs, equations (chains of `=`), mappings (`f_t → 3`),
// numbers said in words. Works line by line so callers can point back at the line an item came from.
import { type Expr, tryParseExpr } from './expr.ts';
import { normalizeMath, normalizeProse } from './normalize.ts';
import { type Token, tokenize } from './tokens.ts';

/** A maximal run of math tokens on one (logical) line. */
export interface MathRun {
  tokens: Token[];
  /** index of the first line of `lines` the run came from */
  line: number;
  /** last line (a run continues on the next line when that line starts with `=` or an operator) */
  lastLine: number;
  text: string;
  /** the run broke off at words in the middle of an expression ("dL/dh_t * (something with o_t) + …") */
  cut?: true;
}

export interface EquationSide {
  text: string;
  expr: Expr | null;
  tokens: Token[];
}

/** `a = b = c` chains (also `a -> b`): sides in order. */
export interface Equation {
  sides: EquationSide[];
  line: number;
  lastLine: number;
  text: string;
  /** its run broke off at words in the middle of an expression: the rest of the line is unread maths */
  cut?: true;
}

/** Logical lines: continuation lines (starting with `=`, an operator, or after a trailing operator) are joined. */
export function logicalLines(lines: string[]): Array<{ text: string; line: number; lastLine: number }> {
  const out: Array<{ text: string; line: number; lastLine: number }> = [];
  // (a TeX command a line's wrap cut after its backslash, raw LaTeX pasted into a word processor,
  // "… \tanh^2(c_t)\" over "right) + …": one line, read whole)
  const cut = (i: number) => i > 0 && /(?<!\\)\\\s*$/.test(lines[i - 1]) && /^\s*[A-Za-z]{2,}/.test(lines[i]);
  lines.forEach((raw, i) => {
    if (cut(i + 1)) return;
    const whole = cut(i) ? `${lines[i - 1].replace(/\s+$/, '')}${raw.trimStart()}` : raw;
    const text = normalizeMath(whole);
    // (a line opening with "=" goes on from the statement above it across blank lines, as a typeset
    // column vector's rows leave them: "C_t = f_t ⊙ C_{t-1} + …" / "" / "= (1 · 0.2, …) + (…)")
    let prev = out[out.length - 1];
    if (/^\s*=/.test(text) && prev && !prev.text.trim()) {
      const k = out.findLastIndex((o) => o.text.trim() !== '');
      if (k >= 0 && i - out[k].lastLine <= 4 && out[k].text.includes('=')) prev = out[k];
    }
    // (a trailing comma continues a list inside an open bracket, "[0.7,⏎0.2, 0.05]"; outside one it
    // ends a clause, "e_kj = s_{k-1}^T h_j," over the next line's own formula)
    const open = (prev?.text.match(/[([{]/g)?.length ?? 0) > (prev?.text.match(/[)\]}]/g)?.length ?? 0);
    // (a rule drawn under a heading, "--" or "====", is no operator the next line goes on from)
    if (
      prev &&
      text.trim() &&
      !/^\s*[-=_*~–—]{2,}\s*$/.test(prev.text) &&
      (/^\s*[=+*]/.test(text) || /[=+*(-]\s*$/.test(prev.text) || (open && /,\s*$/.test(prev.text)))
    ) {
      prev.text += ` ${text.trim()}`;
      prev.lastLine = i;
    } else out.push({ text, line: cut(i) ? i - 1 : i, lastLine: i });
  });
  return out;
}

const BREAK_OPS = new Set([':', ';', '|', '!']);

/** Cut logical lines into runs of math (prose words and `:`/`;` break a run). */
/** Short capitalised words that open sentences, never a count's name before its equals sign. */
const COMMON_WORDS = new Set([
  'ans',
  'the',
  'so',
  'then',
  'here',
  'thus',
  'now',
  'and',
  'but',
  'for',
  'with',
  'also',
  'each',
  'one',
  'two',
  'this',
  'that',
  'it',
  'is',
  'we',
  'as',
  'if',
  'its',
  'note',
  'hence',
  'why',
  'what',
  'how',
  'when',
  'step',
  'part',
  'q',
  'ques',
  'soln',
  'sol',
  'eq',
  'eqn',
]);

export function mathRuns(lines: string[]): MathRun[] {
  const out: MathRun[] = [];
  for (const ll of logicalLines(lines)) {
    const toks = tokenize(ll.text, true);
    let cur: Token[] = [];
    const push = (run: Token[], cut = false) => {
      const t = trimRun(withoutEnumerator(run));
      if (t.length)
        out.push({
          tokens: t,
          line: ll.line,
          lastLine: ll.lastLine,
          text: runText(ll.text, t),
          ...(cut ? { cut: true as const } : {}),
        });
    };
    const flush = (word?: number) => {
      // (an equation whose side ends in a product or sum that words go on with, and more of the sum after
      // them, "= dL/dh_t * (something with o_t) + dL/dc_{t+1} * f": the maths goes on in words, and
      // what follows them is read by no equation; not an open sum, "+ …", nor words in an aside,
      // "(softmax + cross entropy)")
      const [a, b] = cur.slice(-2).reverse();
      const end = a?.t === 'op' && ['(', '['].includes(a.v) ? b : a;
      // (words, two of them: a flattened symbol, "hT", "Cprev", is no prose)
      const goesOn = (k: number) =>
        /^[a-z]{3,}$/.test(toks[k].raw) &&
        toks[k + 1]?.t === 'word' &&
        /^[a-z]{2,}$/.test(toks[k + 1].raw) &&
        toks
          .slice(k)
          .some((x, j, after) => x.t === 'op' && ['+', '*'].includes(x.v) && after[j + 1]?.t === 'sym');
      const cut =
        word !== undefined &&
        goesOn(word) &&
        end?.t === 'op' &&
        ['*', '+', '/', '^'].includes(end.v) &&
        cur.some((x) => x.t === 'op' && x.v === '=');
      push(cur, cut);
      // a bracket left open before prose holds an equation of its own ("via c_{t+1} (c_{t+1} =
      // f_{t+1} * c_t + …)"): trimming cuts the run at the bracket, so it is a run too
      const open = unmatchedOpener(cur);
      if (open >= 0 && cur.slice(open + 1).some((x) => x.t === 'op' && x.v === '='))
        push(cur.slice(open + 1));
      cur = [];
    };
    // (a ";" inside brackets parts a vector's entries, "{1·0.604; 0; 0}": it breaks no run)
    let depth = 0;
    for (const [k, tok] of toks.entries()) {
      if (tok.t === 'op' && '([{'.includes(tok.v)) depth++;
      if (tok.t === 'op' && ')]}'.includes(tok.v)) depth = Math.max(0, depth - 1);
      // (a Greek index glued into a symbol, pdfTeX's flattened `s^μ_k h_{jμ}` as "sμk hjμ", breaks
      // no run: the chain goes on to its other sides, "= ⟨s_k, h_j⟩")
      const prev = cur[cur.length - 1];
      if (tok.t === 'word' && /^[α-ω]$/.test(tok.v) && tok.sp === false && prev?.t === 'sym') {
        cur.push({ ...tok, t: 'sym' });
        continue;
      }
      // (a count's short name opening its equation, "Npw = 199^2 · 3 · 10", "Ndw = …": its left side)
      const next = toks[k + 1];
      if (
        tok.t === 'word' &&
        /^[A-Z][a-z]{1,3}$/.test(tok.raw) &&
        !COMMON_WORDS.has(tok.raw.toLowerCase()) &&
        next?.t === 'op' &&
        next.v === '=' &&
        (prev === undefined || prev.t === 'op')
      ) {
        flush();
        cur.push({ ...tok, t: 'sym' });
        continue;
      }
      // (a dash set between spaces after a word is a label's, "Final – e_kj = …", not a minus sign)
      const before = toks[k - 1];
      if (tok.t === 'op' && tok.v === '-' && before?.t === 'word' && tok.sp && next?.sp && !cur.length)
        continue;
      if (tok.t === 'word') {
        flush(k);
        depth = 0;
      } else if (tok.t === 'op' && BREAK_OPS.has(tok.v) && !(tok.v === ';' && depth > 0)) flush();
      else cur.push(tok);
    }
    flush();
  }
  return out;
}

/**
 * A list's enumerator before an equation ("(i) h_t = o_t ⊙ tanh(c_t) and (ii) c_{t+1} = …", "(2) x = …")
 * numbers the statement: it is no factor of the left side.
 */
function withoutEnumerator(run: Token[]): Token[] {
  const [open, mark, close, next] = run;
  const enumerates =
    open?.t === 'op' &&
    open.v === '(' &&
    close?.t === 'op' &&
    close.v === ')' &&
    ((mark?.t === 'sym' && /^(?:[ivx]{1,4}|[ivx]_\{?[ivx]{1,3}\}?|[a-h])$/.test(mark.v)) ||
      (mark?.t === 'num' && Number.isInteger(mark.v) && mark.v < 10)) &&
    next?.t === 'sym' &&
    next.sp !== false &&
    run.some((x) => x.t === 'op' && x.v === '=');
  return enumerates ? run.slice(3) : run;
}

function runText(src: string, toks: Token[]): string {
  const a = toks[0].at;
  const last = toks[toks.length - 1];
  return src.slice(a, last.at + last.raw.length);
}

/** Drop dangling operators and unbalanced brackets at the ends of a run (`Ct = ... (` before prose). */
function trimRun(toks: Token[]): Token[] {
  let t = [...toks];
  const dangling = (x: Token | undefined) =>
    x?.t === 'op' && ['+', '*', '/', '=', ',', '(', '[', '{', '<', '->', '^', '-'].includes(x.v);
  const closing = (x: Token | undefined) =>
    x?.t === 'op' && [')', ']', '}', ',', '=', '->', '*', '/', '+', '>'].includes(x.v);
  for (let guard = 0; guard < 20; guard++) {
    const before = t.length;
    while (dangling(t[t.length - 1])) t.pop();
    while (closing(t[0])) t.shift();
    t = balance(t);
    if (t.length === before) break;
  }
  return t;
}

/** The first round bracket opened and never closed in a run, or -1. */
function unmatchedOpener(t: Token[]): number {
  const open: number[] = [];
  t.forEach((x, i) => {
    if (x.t !== 'op') return;
    if (x.v === '(') open.push(i);
    else if (x.v === ')') open.pop();
  });
  return open.length ? open[0] : -1;
}

/** Remove unmatched closing brackets at the start / unmatched openers at the end. */
function balance(t: Token[]): Token[] {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: number[] = [];
  const bad = new Set<number>();
  t.forEach((x, i) => {
    if (x.t !== 'op') return;
    if (x.v === '(' || x.v === '[' || x.v === '{') stack.push(i);
    else if (pairs[x.v]) {
      const j = stack.length ? stack[stack.length - 1] : -1;
      if (j >= 0 && (t[j] as { v: string }).v === pairs[x.v]) stack.pop();
      else bad.add(i);
    }
  });
  for (const i of stack) bad.add(i);
  if (!bad.size) return t;
  // an unmatched opener cuts the run there (what follows was prose in brackets)
  const firstOpen = Math.min(...[...bad].filter((i) => /[([{]/.test((t[i] as { v: string }).v)), t.length);
  return t.slice(0, firstOpen).filter((_, i) => !bad.has(i));
}

function splitTop(toks: Token[], seps: string[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const x of toks) {
    if (x.t === 'op' && '([{'.includes(x.v)) depth++;
    if (x.t === 'op' && ')]}'.includes(x.v)) depth--;
    if (depth === 0 && x.t === 'op' && seps.includes(x.v)) parts.push([]);
    else parts[parts.length - 1].push(x);
  }
  return parts;
}

/** The contents of each round bracket holding an equation of its own at its top level. */
function bracketedEquations(toks: Token[]): Token[][] {
  const out: Token[][] = [];
  const open: number[] = [];
  const take = (from: number, to: number) => {
    const inner = toks.slice(from + 1, to);
    if (inner.some((x) => x.t === 'sym' || x.t === 'func') && splitTop(inner, ['=']).length === 2)
      out.push(inner);
  };
  toks.forEach((x, i) => {
    if (x.t !== 'op') return;
    if (x.v === '(') open.push(i);
    else if (x.v === ')' && open.length) take(open.pop()!, i);
  });
  return out;
}

/** A word in brackets after a side ("s_k · h_j (dot)", "(dot product)") says what it is; it is not a factor. */
function dropAside(t: Token[]): Token[] {
  const last = t[t.length - 1];
  if (last?.t !== 'op' || last.v !== ')') return t;
  // (the bracket the last one closes: "(tanh(0.7) = 0.60437)" holds brackets of its own)
  let open = t.length - 1;
  for (let depth = 0; open >= 0; open--) {
    if (t[open].t === 'op' && t[open].v === ')') depth++;
    else if (t[open].t === 'op' && t[open].v === '(' && --depth === 0) break;
  }
  const inner = t.slice(open + 1, -1);
  return open > 0 &&
    inner.length &&
    (inner.every((x) => x.t === 'word' || x.t === 'func') ||
      (inner.some((x) => x.t === 'sym' || x.t === 'func') && splitTop(inner, ['=']).length === 2))
    ? t.slice(0, open)
    : t;
}

/**
 * The last side of an equation, or its first clause when only that reads: what follows a comma
 * that holds no number of its own ("s_{k-1}^T h_j, P", "…, (2)", "…, the dot product") is another
 * clause, not part of the side (a list of numbers "0.7, 0.2, 0.05" is never cut).
 */
function firstClause(toks: Token[], src: string): EquationSide {
  const whole = sideOf(toks, src);
  if (whole.expr) return whole;
  const [first, ...rest] = splitTop(toks, [',']);
  const bareNumber = (p: Token[]) => {
    let depth = 0;
    for (const x of p) {
      if (x.t === 'op' && '([{'.includes(x.v)) depth++;
      else if (x.t === 'op' && ')]}'.includes(x.v)) depth--;
      else if (x.t === 'num' && depth === 0) return true;
    }
    return false;
  };
  // (what follows is short, a tag or words: "P", "(2)", "the dot product of …"; anything longer
  // holding maths stays unread as a whole)
  const wordsOrTag = (p: Token[]) =>
    p.length <= 3 || p.every((x) => x.t === 'word' || x.t === 'func' || (x.t === 'op' && x.v === '.'));
  if (!rest.length || rest.some(bareNumber) || !rest.every(wordsOrTag) || !first.length) return whole;
  const cut = sideOf(trimRun(first), src);
  return cut.expr ? cut : whole;
}

function sideOf(toks: Token[], src: string): EquationSide {
  const text = toks.length
    ? src.slice(toks[0].at, toks[toks.length - 1].at + toks[toks.length - 1].raw.length)
    : '';
  return { text, tokens: toks, expr: toks.length ? tryParseExpr(toks) : null };
}

/**
 * Equations in the answer, one per `=`-chain. `a = b, c = d` gives two equations; a list without
 * `=` (`199 × 199 × 3, 3088878`) is skipped here (see mathRuns).
 */
export function findEquations(lines: string[]): Equation[] {
  const out: Equation[] = [];
  const logical = logicalLines(lines);
  for (const run of mathRuns(lines)) {
    const src = logical.find((l) => l.line === run.line)?.text ?? run.text;
    // an implication ends one statement and starts the next (`… = 199 ⇒ 199 × 199 × 3`); commas
    // between equations separate them; commas inside a side (vectors) are bracketed
    const pieces = splitTop(run.tokens, ['=>']).flatMap((clause, k) =>
      splitTop(clause, [',']).map((p, j) => ({ p, starts: j === 0 && k > 0 })),
    );
    const groups: Token[][] = [];
    for (const { p, starts } of pieces) {
      const hasEq = p.some((x) => x.t === 'op' && (x.v === '=' || x.v === '->'));
      if (hasEq || starts || !groups.length) groups.push(p);
      else
        groups[groups.length - 1] = [
          ...groups[groups.length - 1],
          { t: 'op', v: ',', raw: ',', at: p[0]?.at ?? 0, sp: false },
          ...p,
        ];
    }
    // an equation set in brackets inside words ("via h_t (h_t = o_t * tanh c_t) and via …"): its own
    // (also after an equation's side, "h_t = [0.6044, 0, 0] (tanh(0.7) = 0.60437)": its own, and no
    // factor of that side)
    for (const g of [...groups]) groups.push(...bracketedEquations(g));
    for (const g of groups) {
      if (!g.some((x) => x.t === 'op' && (x.v === '=' || x.v === '->'))) continue;
      const sides = splitTop(g, ['=', '->'])
        .map((s) => dropAside(trimRun(s)))
        .filter((s) => s.length);
      if (sides.length < 2) continue;
      out.push({
        sides: sides.map((s, i) => (i === sides.length - 1 ? firstClause(s, src) : sideOf(s, src))),
        line: run.line,
        lastLine: run.lastLine,
        ...(run.cut ? { cut: true as const } : {}),
        text: runText(
          src,
          g.filter((x) => x.raw),
        ),
      });
    }
  }
  return out;
}

export interface Mapping {
  name: string;
  value: number;
  line: number;
}

/**
 * `name → value` pairs: `f_t → 3`, `ft - 3`, `f_t: 3`, `f_t = 3`, `f_t is 3`, `f_t at position 3`,
 * a table row `ft   3`, and the reverse `3 → f_t` / `3: f_t`.
 */
// in a list of positions the word `it` is i_t ("the input gate it is at 4", "ii. it: 4", "it -> 4"),
// but not in a sentence ("C_t leaves it at 12")
const itAsSymbol = (toks: Token[]): Token[] =>
  toks.map((t, k) => {
    if (t.t !== 'word' || t.v !== 'it') return t;
    const before = toks[k - 1];
    const after = toks[k + 1];
    const listed =
      before === undefined ||
      before.t !== 'word' ||
      /^(?:gate|[ivx]{1,4}|[.)])$/.test(before.v as string) ||
      (after?.t === 'op' && ['->', ':', '=', '-', '=>', '|'].includes(after.v as string));
    return listed ? ({ ...t, t: 'sym', v: 'i_t' } as Token) : t;
  });

export function findMappings(lines: string[]): Mapping[] {
  const out: Mapping[] = [];
  lines.forEach((own, line) => {
    // (a pair wrapped after its sign, "Ct-1 =" ending a line and "1, C̃t = 6" the next: the
    // position is the next line's first number)
    const wrapped = /(?:=|->|→|:)\s*$/.test(own)
      ? /^\s*(\d{1,2})(?![\d.])/.exec(lines[line + 1] ?? '')
      : null;
    const raw = wrapped ? `${own} ${wrapped[1]}` : own;
    // (`f_t @3`: "at", though normalizeMath reads `@` as numpy's product)
    // (a dictionary's quoted keys, `{"f_t": 3, 'i_t': 4}`: the names without their quotes)
    // (a long arrow or a dash set between spaces, "f_t ⟹ 3", "ft — 3": the arrow of a mapping)
    const unquoted = raw
      .replace(/(["'])([A-Za-z][^"'\n]{0,11})\1(?=\s*:)/g, ' $2 ')
      .replace(/(?<=\S)\s+[—⟹⟾⇨➔➜➡⇾]\s+(?=\d)/g, ' -> ')
      // (a position named as the student numbered the diagram, "f_t -> p5", "i_t = #7", "o_t: pos 9")
      .replace(/(->|→|=|:)(\s*)(?:p|pos\.?|#)\s?(\d{1,2})\b/gi, '$1$2$3')
      // (three dots led to the position, "f_t ... 3", as a ledger's leaders do)
      .replace(/(?<=\S)\s+(?:\.{3}|…)\s+(?=\d{1,2}\b)/g, ' -> ')
      // (a subscript the text layer set apart, "f t = 3", "C t-1 = 1", "C tilde t = 6": the gate's or
      // state's name)
      .replace(
        /(^|[\s,;(|])([fioC])(\s+tilde)?\s+(t(?:\s*[-−]\s*1)?)(?=\s*(?:=|->|→|:)\s*\d)/g,
        (_m, a: string, b: string, tilde: string | undefined, t: string) =>
          `${a}${b}${tilde ? '~' : ''}_{${t.replace(/\s+/g, '').replace('−', '-')}}`,
      );
    const toks = itAsSymbol(tokenize(unquoted.replace(/(?<=\S)\s+@\s?(?=\d)/g, ' at ')));
    // a note in brackets after a position ("4 (second sigmoid, meets C~_t at 5)") maps nothing
    const depth: number[] = [];
    let d = 0;
    for (const t of toks) {
      if (t.t === 'op' && t.v === ')') d = Math.max(0, d - 1);
      depth.push(d);
      if (t.t === 'op' && t.v === '(') d++;
    }
    for (let i = 0; i < toks.length; i++) {
      const a = toks[i];
      if (a.t !== 'sym' || depth[i] > 0) continue;
      // a name glued to its position by a hyphen, "ft-2 it-4 ot-9" (f_t → 2): no step t − 2 is asked
      // about, so the "index" t−2 is a position (t−1 stays C_{t-1}, a quantity of the question)
      const glued = /^([A-Za-z]~?)_?t-(\d{1,2})$/.exec(a.raw);
      if (glued && Number(glued[2]) >= 2 && toks[i + 1]?.t !== 'num') {
        out.push({ name: a.v.replace(/_\{t-\d+\}$/, '_t'), value: Number(glued[2]), line });
        continue;
      }
      let j = i + 1;
      // separators between a name and its number
      while (
        j < toks.length &&
        ((toks[j].t === 'op' && ['->', '-', ':', '=', '|', '=>'].includes(toks[j].v as string)) ||
          (toks[j].t === 'word' &&
            /^(at|is|position|pos|slot|place|spot|goes|maps|to|no|number|=|in|box|label|labelled|labeled)$/.test(
              toks[j].v as string,
            )))
      )
        j++;
      const b = toks[j];
      if (b?.t === 'num' && Number.isInteger(b.v) && (j === i + 1 ? b.sp : true)) {
        out.push({ name: a.v, value: b.v, line });
        i = j;
      }
    }
    // one name and the position at the end of its line, with a note between:
    // `iii. o_t (the last sigmoid, multiplies tanh(C_t)) 9`
    // (not when the question's numeral stands before that position, "C~_t feed the + together   iii. 8":
    // a table's answer column beside its working, the numeral says whose position it is)
    if (!out.some((m) => m.line === line) && !/\s\(?(?:i{1,3}|iv|vi?)[.)]\s*\d{1,2}\s*$/i.test(raw)) {
      const body = itAsSymbol(tokenize(raw.replace(/^\s*\(?(?:[ivx]{1,4}|[a-f]|\d{1,2})[.)]\s+/i, '')));
      const last = body[body.length - 1];
      if (body[0]?.t === 'sym' && last?.t === 'num' && Number.isInteger(last.v))
        out.push({ name: body[0].v as string, value: last.v as number, line });
    }
    // reverse: `3 → f_t`, `3: f_t`
    for (let i = 0; i + 2 < toks.length; i++) {
      const a = toks[i];
      const s = toks[i + 1];
      const b = toks[i + 2];
      if (a.t === 'num' && s.t === 'op' && (s.v === '->' || s.v === ':') && b.t === 'sym') {
        if (!out.some((m) => m.line === line && m.name === b.v)) out.push({ name: b.v, value: a.v, line });
      }
    }
  });
  // a table set across: a row of names and, under it, a row of as many positions
  //   Variable  f_t  i_t  o_t  C_t  C_{t-1}  C~_t
  //   Position  3    4    8    10   1        6
  // (an ASCII table's border between the rows, "+-----+-----+", is no row, nor a blanked rule)
  const border = (l: string) => /^\s*[+|]?[-=+|\s]{4,}$/.test(l) && /-{3,}|={3,}/.test(l);
  const between = (l: string | undefined) =>
    l !== undefined && (border(l) || (l.trim() === '' && l.length > 0));
  lines.forEach((raw, line) => {
    const at = between(lines[line + 1]) ? line + 2 : line + 1;
    const next = lines[at];
    if (next === undefined || border(raw)) return;
    // (each name may carry the question's enumerator: "i. ft  ii. it  iii. ot …")
    const unnumbered = raw.replace(/(^|\s)\(?(?:[ivx]{1,4}|[a-f])[.)](?=\s)/gi, '$1');
    const names = itAsSymbol(tokenize(unnumbered)).filter((t) => t.t === 'sym');
    const nums = tokenize(next).filter((t) => t.t === 'num' && Number.isInteger(t.v));
    if (names.length < 3 || names.length !== nums.length) return;
    names.forEach((n, k) => {
      if (!out.some((m) => m.name === n.v))
        out.push({ name: n.v as string, value: nums[k].v as number, line: at });
    });
  });
  // a line that enumerates by the question's numerals, "i->3, ii->5, iii->9", maps no names: its
  // i and v are the numerals (findEnumeratedAnswers reads it), nor does the row under it, not i_t or a variable v
  const romanLines = new Set(
    lines.flatMap((raw, line) =>
      (raw.match(/(?:^|[\s(,;])\(?(?:ii|iii|iv|vi)\s*[.):]?\s*(?:->|→|=>|:|-)\s*\d/gi)?.length ?? 0) >= 2
        ? [line]
        : [],
    ),
  );
  for (let k = out.length - 1; k >= 0; k--)
    if (
      (romanLines.has(out[k].line) || romanLines.has(out[k].line - 1)) &&
      /^(?:i|v|i_i|i_\{ii\}|i_v|v_i)$/.test(out[k].name)
    )
      out.splice(k, 1);
  return out;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/**
 * Answers given by the question's own enumeration: `(i) 3  (ii) 4 ...` or `i. 3`, `a) 3`, numbered
 * 1-based. Returns the enumerator's index (0 for i/a) and the number written after it.
 */
export function findEnumeratedAnswers(
  lines: string[],
): Array<{ index: number; value: number; line: number }> {
  const out: Array<{ index: number; value: number; line: number }> = [];
  // `i. 3`, `(ii) 4`, or an arrow or colon straight after the numeral: `i -> 3`, `iii: 9`
  const re =
    /(?:^|[\s(,;])\(?((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii))\s*(?:[.)]\s*(?:[:=\->→–]+\s*)?|[:=\->→–]+\s*)(\d+)\b(?!\s*[.,]\d)/gi;
  lines.forEach((raw, line) => {
    for (const m of raw.matchAll(re)) {
      const index = ROMAN.indexOf(m[1].toLowerCase());
      if (index >= 0) out.push({ index, value: Number(m[2]), line });
    }
  });
  // a line that is nothing but the positions, in the question's order: "2, 3, 6, 10, 1, 4"
  if (!out.length)
    lines.forEach((raw, line) => {
      if (!/^\s*\d{1,2}(?:\s*,\s*\d{1,2}){3,}\s*\.?\s*$/.test(raw)) return;
      for (const [index, v] of (raw.match(/\d{1,2}/g) ?? []).entries())
        out.push({ index, value: Number(v), line });
    });
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  nil: 0,
  none: 0,
  nothing: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/**
 * Counts stated in words: "zero", "none", "no additional parameters", "no extra/new/more
 * parameters/weights", "does not need any", "0 additional". Returns the numbers said, in order.
 */
export function findNumberWords(text: string): Array<{ value: number; phrase: string; index: number }> {
  const s = normalizeProse(text);
  const out: Array<{ value: number; phrase: string; index: number }> = [];
  const zeroPhrases = [
    /\bno (?:additional|extra|new|more|further|other|added|learnable|trainable)? ?(?:parameters?|params?|weights?|learnable|trainable)\b/,
    /\b(?:doesn'?t|does not|do not|don'?t|won'?t|will not|not) (?:need|require|add|introduce|use|have)\w* (?:any|additional|extra|new|more)\b/,
    /\bparameter[- ]free\b/,
    // a handwritten 0 OCR'd as the letter: "O additional parameters" (not the end of a word with
    // an accented letter, written "a~" by normalisation: Portuguese "então extra parameters")
    /(?<![\p{L}\p{M}~])o (?:additional|extra|new|more|added) (?:parameters?|params?|weights?)\b/u,
    /\bwithout (?:any )?(?:additional|extra|new) (?:parameters?|weights?)\b/,
  ];
  for (const re of zeroPhrases) {
    const m = re.exec(s);
    if (m) out.push({ value: 0, phrase: m[0], index: m.index });
  }
  // ("one" as a pronoun counts nothing: "this one", "the other one", "no one")
  for (const m of s.matchAll(
    /\b(zero|nil|none|nothing|(?<!\b(?:this|that|the|which|each|every|any|no|other|another|last|first|next|right|wrong|same|a)\s+)one|two|three|four|five|six|seven|eight|nine|ten)\b/g,
  )) {
    out.push({ value: NUMBER_WORDS[m[1]], phrase: m[0], index: m.index ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}
