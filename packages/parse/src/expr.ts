// Expressions: parse the ASCII-math form into a small tree, print it back canonically, evaluate it
// at numbers (arithmetic in answers) or at random values of its symbols (equivalence of formulas).
import { type Token, tokenize } from './tokens.ts';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'sym'; name: string }
  | { k: 'neg'; a: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Expr; b: Expr }
  | { k: 'call'; fn: string; prime: boolean; pow: number; arg: Expr }
  | { k: 'vec'; items: Expr[] }
  | { k: 'dot'; a: Expr; b: Expr };

export class ExprError extends Error {}

class Parser {
  i = 0;
  constructor(readonly toks: Token[]) {}
  peek(): Token | undefined {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  eat(v: string): void {
    if (!this.isOp(v)) throw new ExprError(`expected ${v}`);
    this.i++;
  }
  parseAll(): Expr {
    const e = this.sum();
    if (this.i < this.toks.length) throw new ExprError(`unexpected ${this.peek()?.raw}`);
    return e;
  }
  sum(): Expr {
    let a = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.i++] as { v: '+' | '-' }).v;
      a = { k: 'bin', op, a, b: this.product() };
    }
    return a;
  }
  startsPrimary(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'num' || t.t === 'sym' || t.t === 'func') return true;
    return t.t === 'op' && (t.v === '(' || t.v === '{' || t.v === '[' || t.v === '<');
  }
  product(): Expr {
    let a = this.unary();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = (this.toks[this.i++] as { v: '*' | '/' }).v;
        a = { k: 'bin', op, a, b: this.unary() };
      } else if (this.startsPrimary()) {
        a = { k: 'bin', op: '*', a, b: this.unary() };
      } else return a;
    }
  }
  unary(): Expr {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', a: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    return this.power();
  }
  power(): Expr {
    const base = this.postfix();
    if (this.isOp('^')) {
      this.i++;
      if (this.isOp('{')) {
        this.i++;
        const e = this.sum();
        this.eat('}');
        return { k: 'bin', op: '^', a: base, b: e };
      }
      return { k: 'bin', op: '^', a: base, b: this.unary() };
    }
    return base;
  }
  postfix(): Expr {
    let e = this.primary();
    while (this.isOp('T')) this.i++; // transpose: the same numbers for a scalar check
    while (this.isOp("'")) {
      this.i++;
      e = { k: 'call', fn: 'deriv', prime: false, pow: 1, arg: e };
    }
    return e;
  }
  primary(): Expr {
    const t = this.peek();
    if (!t) throw new ExprError('unexpected end');
    this.i++;
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'sym') return { k: 'sym', name: t.v };
    if (t.t === 'func') {
      // skip subscripts/limits of prod and sum: prod_{t=2}^T
      if (t.v === 'prod' || t.v === 'sum') this.skipLimits();
      let pow = t.pow;
      let prime = t.prime;
      if (this.isOp('^')) {
        this.i++;
        const p = this.peek();
        if (p?.t === 'num') {
          pow = p.v;
          this.i++;
        } else throw new ExprError('bad function power');
      }
      if (this.isOp("'")) {
        prime = true;
        this.i++;
      }
      if (t.v === 'dot' && this.isOp('(')) {
        this.i++;
        const a = this.sum();
        this.eat(',');
        const b = this.sum();
        this.eat(')');
        return { k: 'dot', a, b };
      }
      const arg = this.isOp('(') ? this.paren() : this.power();
      return { k: 'call', fn: t.v, prime, pow, arg };
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        this.i--;
        return this.paren();
      }
      if (t.v === '{' || t.v === '[') {
        const close = t.v === '{' ? '}' : ']';
        const items = [this.sum()];
        while (this.isOp(',') || this.isOp(';')) {
          this.i++;
          items.push(this.sum());
        }
        // space-separated numbers: [0.7 0.2 0.05] parse as one implicit product; keep brackets honest
        this.eat(close);
        return items.length === 1 ? items[0] : { k: 'vec', items };
      }
      if (t.v === '<') {
        const a = this.sum();
        this.eat(',');
        const b = this.sum();
        this.eat('>');
        return { k: 'dot', a, b };
      }
    }
    throw new ExprError(`unexpected ${t.raw}`);
  }
  paren(): Expr {
    this.eat('(');
    const first = this.sum();
    if (this.isOp(',')) {
      const items = [first];
      while (this.isOp(',')) {
        this.i++;
        items.push(this.sum());
      }
      this.eat(')');
      return { k: 'vec', items };
    }
    this.eat(')');
    return first;
  }
  skipLimits(): void {
    for (;;) {
      const t = this.peek();
      if (t?.t === 'sym' && /^_/.test(t.raw)) this.i++;
      else if (this.isOp('^') && this.toks[this.i + 1]) this.i += 2;
      else return;
    }
  }
}

/** Parse an expression (no `=`). Throws ExprError when it is not one. */
export function parseExpr(text: string | Token[]): Expr {
  const toks = typeof text === 'string' ? tokenize(text) : text;
  if (!toks.length) throw new ExprError('empty');
  for (const t of toks) if (t.t === 'word') throw new ExprError(`word "${t.raw}" in expression`);
  return new Parser(toks).parseAll();
}

export function tryParseExpr(text: string | Token[]): Expr | null {
  try {
    return parseExpr(text);
  } catch {
    return null;
  }
}

/** Canonical ASCII print of an expression: `*` for every product, explicit parentheses. */
export function printExpr(e: Expr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'sym':
      return e.name;
    case 'neg':
      return `-${wrap(e.a)}`;
    case 'bin':
      return `${wrap(e.a)} ${e.op} ${wrap(e.b)}`;
    case 'call':
      return `${e.fn}${e.prime ? "'" : ''}${e.pow !== 1 ? `^${e.pow}` : ''}(${printExpr(e.arg)})`;
    case 'vec':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'dot':
      return `<${printExpr(e.a)}, ${printExpr(e.b)}>`;
  }
}
function wrap(e: Expr): string {
  return e.k === 'bin' || e.k === 'neg' ? `(${printExpr(e)})` : printExpr(e);
}

export function symbolsOf(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.k) {
    case 'sym':
      out.add(e.name);
      break;
    case 'neg':
      symbolsOf(e.a, out);
      break;
    case 'bin':
    case 'dot':
      symbolsOf(e.a, out);
      symbolsOf(e.b, out);
      break;
    case 'call':
      symbolsOf(e.arg, out);
      break;
    case 'vec':
      for (const x of e.items) symbolsOf(x, out);
      break;
  }
  return out;
}

export type Value = number | number[];

const FN: Record<string, (x: number) => number> = {
  tanh: Math.tanh,
  sech: (x) => 1 / Math.cosh(x),
  sigma: (x) => 1 / (1 + Math.exp(-x)),
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  relu: (x) => Math.max(0, x),
  cosh: Math.cosh,
  // diag(v) M applied to a vector is v ⊙ M: the same numbers element by element
  diag: (x) => x,
  sinh: Math.sinh,
  // softmax/prod/sum of a scalar stand-in: any fixed non-linear map keeps equivalence honest
  softmax: (x) => Math.exp(x) / (1 + Math.exp(x)),
  prod: (x) => x * 1.37 + 0.11,
  sum: (x) => x * 2.03 - 0.07,
};
const DERIV: Record<string, (x: number) => number> = {
  tanh: (x) => 1 - Math.tanh(x) ** 2,
  sigma: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  },
  exp: Math.exp,
  log: (x) => 1 / x,
  sech: (x) => -Math.tanh(x) / Math.cosh(x),
};

function lift(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  const n = typeof a === 'number' ? (b as number[]).length : a.length;
  if (typeof b !== 'number' && typeof a !== 'number' && a.length !== b.length)
    throw new ExprError('length mismatch');
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f(typeof a === 'number' ? a : a[i], typeof b === 'number' ? b : b[i]));
  return out;
}
function map1(a: Value, f: (x: number) => number): Value {
  return typeof a === 'number' ? f(a) : a.map(f);
}

/** Evaluate with symbol values from `env` (a function so callers can draw random values lazily). */
export function evaluate(e: Expr, env: (name: string) => number = noSymbols): Value {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'sym':
      return env(e.name);
    case 'neg':
      return map1(evaluate(e.a, env), (x) => -x);
    case 'bin': {
      const a = evaluate(e.a, env);
      const b = evaluate(e.b, env);
      switch (e.op) {
        case '+':
          return lift(a, b, (x, y) => x + y);
        case '-':
          return lift(a, b, (x, y) => x - y);
        case '*':
          return lift(a, b, (x, y) => x * y);
        case '/':
          return lift(a, b, (x, y) => x / y);
        case '^':
          return lift(a, b, (x, y) => x ** y);
      }
      break;
    }
    case 'dot': {
      const a = evaluate(e.a, env);
      const b = evaluate(e.b, env);
      const p = lift(a, b, (x, y) => x * y);
      return typeof p === 'number' ? p : p.reduce((s, x) => s + x, 0);
    }
    case 'call': {
      if (e.fn === 'deriv') {
        // f'(x): only for a function call inside (tanh'(c) parsed as deriv(tanh(c)))
        if (e.arg.k === 'call' && DERIV[e.arg.fn]) {
          const inner = e.arg;
          return map1(evaluate(inner.arg, env), (x) => DERIV[inner.fn](x) ** inner.pow);
        }
        throw new ExprError('derivative of a non-function');
      }
      const x = evaluate(e.arg, env);
      const f = e.prime ? DERIV[e.fn] : FN[e.fn];
      if (!f) throw new ExprError(`unknown function ${e.fn}`);
      return map1(x, (v) => f(v) ** e.pow);
    }
    case 'vec':
      return e.items.map((it) => {
        const v = evaluate(it, env);
        if (typeof v !== 'number') throw new ExprError('nested vector');
        return v;
      });
  }
  throw new ExprError('bad expression');
}

function noSymbols(name: string): number {
  throw new ExprError(`symbol ${name} has no value`);
}

/** Numeric value of an expression with no symbols, or null (`(200 + 2 - 4)/1 + 1` -> 199). */
export function evaluateNumeric(e: Expr): Value | null {
  try {
    const v = evaluate(e);
    const ok = typeof v === 'number' ? Number.isFinite(v) : v.every(Number.isFinite);
    return ok ? v : null;
  } catch {
    return null;
  }
}

// Deterministic pseudo-random values per (symbol, trial): equivalence checks must not be flaky.
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
export function randomEnv(trial: number, aliases: Record<string, string> = {}): (name: string) => number {
  return (name) => {
    const n = aliases[name] ?? name;
    const h = hash(`${n}#${trial}`);
    return 0.15 + ((h % 100000) / 100000) * 1.7; // (0.15, 1.85): away from 0 and tanh's flat tails
  };
}

export interface EquivalenceOptions {
  trials?: number;
  /** symbol renamings applied to both sides (e.g. `c~_t` -> `c_t~`) */
  aliases?: Record<string, string>;
}

/**
 * Two expressions agree at random values of their symbols (scalars stand in for vectors: every
 * product in these answers is element-wise or a dot product, which agree on scalars).
 */
export function equivalent(a: Expr, b: Expr, opts: EquivalenceOptions = {}): boolean {
  const trials = opts.trials ?? 6;
  let ok = 0;
  for (let t = 0; t < trials; t++) {
    const env = randomEnv(t, opts.aliases);
    let x: Value;
    let y: Value;
    try {
      x = evaluate(a, env);
      y = evaluate(b, env);
    } catch {
      return false;
    }
    if (typeof x !== 'number' || typeof y !== 'number') {
      const xs = typeof x === 'number' ? [x] : x;
      const ys = typeof y === 'number' ? [y] : y;
      if (xs.length !== ys.length) return false;
      for (let i = 0; i < xs.length; i++) if (!near(xs[i], ys[i])) return false;
      ok++;
      continue;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (!near(x, y)) return false;
    ok++;
  }
  return ok >= Math.min(3, trials);
}
function near(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-7 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Top-level additive terms of an expression, each with its sign folded in. */
export function additiveTerms(e: Expr): Expr[] {
  if (e.k === 'bin' && e.op === '+') return [...additiveTerms(e.a), ...additiveTerms(e.b)];
  if (e.k === 'bin' && e.op === '-')
    return [...additiveTerms(e.a), ...additiveTerms(e.b).map((t) => ({ k: 'neg', a: t }) as Expr)];
  return [e];
}

/** Replace symbols by expressions (e.g. a stated `dh_t/dc_t = o_t * tanh'(c_t)` into a chain-rule line). */
export function substitute(e: Expr, defs: Map<string, Expr>, depth = 0): Expr {
  if (depth > 4) return e;
  switch (e.k) {
    case 'sym': {
      const d = defs.get(e.name);
      return d ? substitute(d, defs, depth + 1) : e;
    }
    case 'neg':
      return { k: 'neg', a: substitute(e.a, defs, depth) };
    case 'bin':
      return { ...e, a: substitute(e.a, defs, depth), b: substitute(e.b, defs, depth) };
    case 'dot':
      return { ...e, a: substitute(e.a, defs, depth), b: substitute(e.b, defs, depth) };
    case 'call':
      return { ...e, arg: substitute(e.arg, defs, depth) };
    case 'vec':
      return { k: 'vec', items: e.items.map((x) => substitute(x, defs, depth)) };
    default:
      return e;
  }
}
