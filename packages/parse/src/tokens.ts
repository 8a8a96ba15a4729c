// Tokenizer for the ASCII-math form (see normalize.ts). It turns the letter soup of PDF text
// (`ct+1`, `sk-1T hj`, `dL/dct`, `tanh2(ct)`) into canonical symbols, and marks prose words so that
// callers can cut a line into its math runs.
import { normalizeMath } from './normalize.ts';
import { LAKH_SPACED, ocrDigitsInText } from './numbers.ts';

/** A number at a token's start: digit groups (spaced groups not raised to a power after them), decimals, E notation. */
const SPACED_END = String.raw`(?![\d.,]\d| \d|\s*(?:\^|[²³]|\*\*))`;
const NUMBER_TOKEN = new RegExp(
  String.raw`^(?:\d{1,3}(?: \d{3})+${SPACED_END}|${LAKH_SPACED}${SPACED_END}|\d{1,2}(?:,\d{2})+,\d{3}(?!\d|[.,]\d)|\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d*\.\d+|\d+)(?:[eE][-+]?\d+(?![A-Za-z]))?`,
);

export type Token =
  | { t: 'num'; v: number; raw: string; at: number; sp: boolean }
  | { t: 'sym'; v: string; raw: string; at: number; sp: boolean }
  | { t: 'func'; v: string; pow: number; prime: boolean; raw: string; at: number; sp: boolean }
  | { t: 'op'; v: string; raw: string; at: number; sp: boolean }
  | { t: 'word'; v: string; raw: string; at: number; sp: boolean };

export const FUNCTIONS = new Set([
  'tanh',
  'sech',
  'sigma',
  'sigmoid',
  'exp',
  'log',
  'ln',
  'sqrt',
  'softmax',
  'relu',
  'prod',
  'sum',
  'dot',
  'cosh',
  'diag',
  'sinh',
]);

// Two- and three-letter English words that the run-together subscript rule (`ct` = c_t) must not eat.
const ENGLISH = new Set(
  (
    'is so of to at as by in on or an be we if do no up us me my he go am ok ie eg vs ' +
    'the and for are has not one two all its per can use get out see now way how any but was our set ' +
    'new sum dot due let say too via yes off own end few non ans key sol' +
    ' its'
  ).split(' '),
);
// `it` (i_t) and `a` are both math and prose; decided by their neighbours (see mathRuns).
export const AMBIGUOUS = new Set(['it', 'a', 'I', 'A', 'at']);
const INDEX_CHARS = /^[ijkntTm0-9]+$/;

export interface CanonicalSymbol {
  base: string;
  tilde: boolean;
  sub: string;
}

export function symbolName(base: string, tilde: boolean, sub: string): string {
  const b = base.toLowerCase() + (tilde ? '~' : '');
  const s = sub.replace(/\s+/g, '');
  if (!s) return b;
  return s.length === 1 ? `${b}_${s}` : `${b}_{${s}}`;
}

interface IdentRead {
  name: string;
  end: number;
  transpose: boolean;
}

/** Read one identifier at `i` (a letter): explicit (`c_{t+1}`, `c_t+1`, `C~_t`) or run-together (`ct+1`, `C~t`, `ekj`). */
function readIdent(s: string, i: number): IdentRead | null {
  if (!/[A-Za-z]/.test(s[i] ?? '')) return null;
  let j = i + 1;
  let tilde = false;
  if (s[j] === '~') {
    tilde = true;
    j++;
  }
  // explicit subscript
  if (s[j] === '_') {
    let sub = '';
    let k = j + 1;
    if (s[k] === '{') {
      const close = s.indexOf('}', k);
      if (close < 0) return null;
      sub = s.slice(k + 1, close);
      k = close + 1;
    } else {
      const m = /^[A-Za-z0-9]+/.exec(s.slice(k));
      if (!m) return null;
      sub = m[0];
      k += m[0].length;
      // c_t+1 (subscript written without braces, no spaces) means c_{t+1}
      // (a full stop after it ends the sentence: `c_t+1.`; a decimal does not: `c_t+1.5`)
      const ext = /^[+-]\d(?!\d|\.\d|\w)/.exec(s.slice(k));
      if (ext && /[A-Za-z]$/.test(sub)) {
        sub += ext[0];
        k += ext[0].length;
      }
    }
    // a tilde written after the subscript (C_t~) is the same symbol
    if (s[k] === '~') {
      tilde = true;
      k++;
    }
    return { name: symbolName(s[i], tilde, sub), end: k, transpose: false };
  }
  // run-together: letters/digits glued to the base
  const m = /^[A-Za-z0-9]*/.exec(s.slice(j));
  const rest = m ? m[0] : '';
  const whole = s[i] + rest;
  if (!rest) return { name: symbolName(s[i], tilde, ''), end: j, transpose: false };
  if (FUNCTIONS.has(whole.toLowerCase()) || ENGLISH.has(whole.toLowerCase())) return null;
  const okSub =
    (rest.length === 1 && /[A-Za-z0-9]/.test(rest)) ||
    (rest.length === 2 && INDEX_CHARS.test(rest)) ||
    (rest.length === 2 && /^[A-Za-z]T$/.test(rest)) ||
    (rest.length === 3 && /^[ijkntT]{2}T$/.test(rest));
  if (!okSub) return null;
  // all capitals (handwriting OCR: `OT`, `CT`) carry a lower-case subscript
  let sub = /^[A-Z]+$/.test(whole) && whole.length <= 3 ? rest.toLowerCase() : rest;
  let k = j + rest.length;
  let transpose = false;
  // `sk-1T`/`skT`: a glued capital T after an index subscript is a transpose
  if (sub.length >= 2 && sub.endsWith('T') && /[a-z]/.test(sub[sub.length - 2])) {
    sub = sub.slice(0, -1);
    transpose = true;
  }
  if (!transpose) {
    const ext = /^[+-]\d(?!\d|\.\d)/.exec(s.slice(k));
    if (ext && /[A-Za-z]$/.test(sub)) {
      sub += ext[0];
      k += ext[0].length;
      if (s[k] === 'T' && !/[A-Za-z0-9]/.test(s[k + 1] ?? '')) {
        transpose = true;
        k++;
      }
    }
  }
  return { name: symbolName(s[i], tilde, sub), end: k, transpose };
}

/** Tokenize one line (or expression) of text. Positions index the normalised text. */
// Grading tokenizes the same lines many times over (each item of each part reads them): the
// tokens of a line are computed once per process (a bounded cache; callers get their own array).
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_LIMIT = 20_000;

export function tokenize(input: string, alreadyNormalised = false): Token[] {
  const key = alreadyNormalised ? `\u0001${input}` : input;
  let toks = tokenCache.get(key);
  if (!toks) {
    toks = Object.freeze(tokenizeUncached(input, alreadyNormalised).map((t) => Object.freeze(t)));
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(key, toks);
  }
  return [...toks];
}

function tokenizeUncached(input: string, alreadyNormalised: boolean): Token[] {
  // `4x18`, `3 X 5`: a letter x between numbers is a product (ASCII and OCR'd handwriting)
  const s = ocrDigitsInText(alreadyNormalised ? input : normalizeMath(input))
    .replace(/(\d)(\s*)[xX](\s*)(?=[\d(.])/g, '$1$2*$3')
    // `1 x tanh(0.7)`: a spaced x after a number is a product too (and between brackets: a vector
    // times a vector, `{1, 0, 0} x {tanh0.7, tanh0, tanh0.4}`)
    .replace(/(\d|[)\]}])(\s+)[xX](\s+)(?=[A-Za-z([{])/g, '$1$2*$3')
    // `s_k x h_j`: and between two subscripted symbols (a variable x stands alone or has its own index)
    .replace(/(_\{?[\w+-]{1,5}\}?)(\s+)[xX](\s+)(?=[A-Za-z]~?_)/g, '$1$2*$3')
    // `sk x hj`: the same with the subscripts' marks lost (a word processor's lowered k and j)
    .replace(/(\b[A-Za-z][ijkt])(\s+)x(\s+)(?=[A-Za-z][ijkt]\b)/g, '$1$2*$3');
  const out: Token[] = [];
  let i = 0;
  let sp = false;
  const push = (tok: Token) => {
    out.push(tok);
    sp = false;
  };
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      sp = true;
      i++;
      continue;
    }
    // numbers
    // (a group at a sentence's end, "= 3,088,878.", is one number: only a digit after the stop makes a decimal)
    const num = NUMBER_TOKEN.exec(s.slice(i));
    if (num && /[\d.]/.test(c)) {
      const raw = num[0];
      // digit groups: `1,900,848`, `19,00,848`, `39 401`, `19 00 848` (a space between two plain numbers is
      // never a product), `3.088.878`; not a number raised to a power after another, `199×3 199^{2}`
      const v = /[, ]/.test(raw)
        ? Number(raw.replace(/[, ]/g, ''))
        : /\..*\./.test(raw)
          ? Number(raw.replace(/\./g, ''))
          : Number(raw);
      push({ t: 'num', v, raw, at: i, sp });
      i += raw.length;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      // derivative symbol: dL/dc_t, dh_t / dc_t, DL/DCT (capitals from handwriting OCR)
      if (c === 'd' || c === 'D') {
        const num1 = readIdent(s, i + 1);
        if (num1) {
          const slash = /^\s*\/\s*[dD]/.exec(s.slice(num1.end));
          if (slash) {
            const den = readIdent(s, num1.end + slash[0].length);
            if (den) {
              const raw = s.slice(i, den.end);
              push({ t: 'sym', v: `d(${num1.name})/d(${den.name})`, raw, at: i, sp });
              i = den.end;
              continue;
            }
          }
        }
      }
      const run = /^[A-Za-z]+/.exec(s.slice(i))![0];
      const lower = run.toLowerCase();
      // function names, including a lost superscript: tanh2(x) is tanh²(x)
      const fm =
        // ("sig(c_t)": the sigmoid abbreviated, before its bracket)
        /^(tanh|sech|sigmoid|sigma|sig(?=\s*\()|exp|log|ln|sqrt|softmax|relu|prod|sum|dot|cosh|sinh|diag)(2)?(?![A-Za-z])/i.exec(
          s.slice(i),
        );
      if (fm) {
        let k = i + fm[0].length;
        let pow = fm[2] ? 2 : 1;
        let prime = false;
        const pw = /^\^\s*\{?\s*(\d)\s*\}?/.exec(s.slice(k));
        if (pw) {
          pow = Number(pw[1]);
          k += pw[0].length;
        }
        if (s[k] === "'") {
          prime = true;
          k++;
        }
        push({
          t: 'func',
          v: fm[1]
            .toLowerCase()
            .replace(/^sig(?:moid)?$/, 'sigma')
            .replace(/^ln$/, 'log'),
          pow,
          prime,
          raw: s.slice(i, k),
          at: i,
          sp,
        });
        i = k;
        continue;
      }
      if (run.length >= 2 && ENGLISH.has(lower) && !/^[_~]/.test(s[i + run.length] ?? '')) {
        push({ t: 'word', v: lower, raw: run, at: i, sp });
        i += run.length;
        continue;
      }
      const id = readIdent(s, i);
      if (
        id &&
        !(
          AMBIGUOUS.has(run) &&
          run.length > 1 &&
          s.slice(i, id.end) === run &&
          isProseNeighbour(s, i, id.end)
        )
      ) {
        push({ t: 'sym', v: id.name, raw: s.slice(i, id.end), at: i, sp });
        i = id.end;
        if (id.transpose) push({ t: 'op', v: 'T', raw: 'T', at: i, sp: false });
        continue;
      }
      push({ t: 'word', v: lower, raw: run, at: i, sp });
      i += run.length;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '->' || two === '=>' || two === '<=' || two === '>=') {
      push({ t: 'op', v: two, raw: two, at: i, sp });
      i += 2;
      continue;
    }
    if (c === '^' && /^\^\s*T(?![A-Za-z0-9])/.test(s.slice(i))) {
      const m = /^\^\s*T/.exec(s.slice(i))![0];
      push({ t: 'op', v: 'T', raw: m, at: i, sp });
      i += m.length;
      continue;
    }
    if ("+-*/^()=,{}[]<>'!;:|".includes(c)) {
      push({ t: 'op', v: c, raw: c, at: i, sp });
      i++;
      continue;
    }
    // a full stop glued between two factors is a product sign typed fast (`ot.tanh(Ct)`, `(1,0,0).(0.6,…)`):
    // after a subscripted symbol and before a letter, or between brackets; not an abbreviation's
    // (`w.r.t`, `Eq.(5)`)
    const prev = out[out.length - 1];
    if (
      c === '.' &&
      !sp &&
      ((prev?.t === 'sym' && prev.v.includes('_') && /^\.[A-Za-z]{2}/.test(s.slice(i))) ||
        (prev?.t === 'op' && prev.v === ')' && /^\.[A-Za-z(]/.test(s.slice(i))))
    ) {
      push({ t: 'op', v: '*', raw: c, at: i, sp });
      i++;
      continue;
    }
    // anything else (quotes, ?, &, stray glyphs) separates runs
    push({ t: 'word', v: c, raw: c, at: i, sp });
    i++;
  }
  return out;
}

/** `it` between prose words is the pronoun; next to an operator it is i_t. */
function isProseNeighbour(s: string, start: number, end: number): boolean {
  const before = s.slice(0, start).trimEnd();
  const after = s.slice(end).trimStart();
  const opBefore = /[=+\-*/(^,{[]$/.test(before);
  // a table row `it   8` or `it → 8` is a mapping of i_t
  const opAfter = /^(?:[=+\-*/)^,}\]]|\d+\s*$|\d+\s*[,;|])/.test(after);
  return !(opBefore || opAfter);
}
