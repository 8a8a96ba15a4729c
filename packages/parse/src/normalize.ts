// One ASCII-math spelling for the many ways answer text writes the same thing (Unicode math, LaTeX
// glyphs as extracted from PDFs, ASCII, OCR). Everything downstream parses this form only.

import { EQUATION_TAG } from './equation-tags.ts';
import { courseNotations } from './notations.ts';
import { withSubjectSpellings } from './spellings.ts';

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁺': '+',
  '⁻': '-',
  // ℝ³ˣ⁵: a superscript x between superscript digits is a times sign
  ˣ: '*',
};

const SUBSCRIPT_CHARS: Record<string, string> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '₊': '+',
  '₋': '-',
  ₜ: 't',
  ⱼ: 'j',
  ₖ: 'k',
  ₙ: 'n',
  ᵢ: 'i',
  ₐ: 'a',
  ₑ: 'e',
  ₒ: 'o',
  ₓ: 'x',
  ₕ: 'h',
  ₘ: 'm',
  ₛ: 's',
  // a word processor's bracketed subscript (c₍ₜ₊₁₎): the brackets go, the run is the subscript
  '₍': '(',
  '₎': ')',
};

/** Single characters with one ASCII meaning. Products all become `*`: for grading, ⊙ · × and `*` are one operator. */
const CHAR_MAP: Record<string, string> = {
  '⊙': '*',
  '∘': '*',
  // pdfTeX's text layer gives \circ as a white bullet
  '◦': '*',
  // pdfTeX's \sim (a student's ≈) comes out as a small tilde
  '˜': '~',
  '·': '*',
  '⋅': '*',
  // an equation editor's bullet operator (𝒔_𝑘 ∙ 𝒉_𝑗)
  '∙': '*',
  '∗': '*',
  '×': '*',
  '✕': '*',
  '⊗': '*',
  '•': '*',
  // the fraction slash and division slash of an equation editor's linear form (∂𝐿⁄∂𝑐ₜ)
  '⁄': '/',
  '∕': '/',
  '−': '-',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '∂': 'd',
  '𝜕': 'd',
  '→': '->',
  '⟶': '->',
  '↦': '->',
  '⇒': '=>',
  '≈': '=',
  '≃': '=',
  '≅': '=',
  '∴': ' therefore ',
  '∵': ' because ',
  '∈': ' in ',
  σ: 'sigma',
  𝜎: 'sigma',
  '∏': 'prod',
  Π: 'prod',
  '∑': 'sum',
  Σ: 'sum',
  '⊤': '^T',
  ᵀ: '^T',
  '′': "'",
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  // floor and ceiling brackets: the value inside is an integer in these answers
  '⌊': '(',
  '⌋': ')',
  '⌈': '(',
  '⌉': ')',
  '⟨': '<',
  '〈': '<',
  '⟩': '>',
  '〉': '>',
  '√': 'sqrt',
  ℝ: 'R',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2003': ' ',
  '\u2002': ' ',
  '\u200b': '',
  '\ufeff': '',
  // Word's invisible "function application" between a function and its argument (tanh⁡(0.7))
  '\u2061': '',
};

/**
 * pdfTeX sets a product sign with limits taller than the line: its glyph (∏, or `Q` from the cmex
 * font without a Unicode map) and the upper limit end up on a line of their own above the formula.
 * Put it back as `prod` before the first indexed factor (`ft`, `f_t`) of the next line.
 */
function bigOperatorLines(s: string): string {
  // pdfTeX's ∏ glyph (a Q in the text layer) glued to what follows it: "QTt=2 ft", "Q∂c1"
  s = s.replace(/(^|[\s(=])Q(?=T[a-z]=|∂)/g, '$1prod ');
  // a sum sign alone above `e_kj = m s_{k-1,m} h_{j,m}`: its lower limit is the lone index after `=`
  s = s.replace(/(^|\n)[ \t]*[∑Σ][ \t]*\n([^\n]*?=\s*)([a-z])(?=\s)/g, '$1$2sum_$3');
  return s.replace(
    /(^|\n)[ \t]*(?:∏|Q|Π)[ \t]*[A-Za-z]?[ \t]*\n([^\n]*)/g,
    (m, start: string, next: string) => {
      const f = /(?<![A-Za-z/∂])[a-z]_?\{?[tijk]\}?(?![\w/=]|\s*=)/.exec(next);
      if (!f) return m;
      return `${start}${next.slice(0, f.index)}prod ${next.slice(f.index)}`;
    },
  );
}

/** Lines of an answer with a lone big-operator line (∏, `Q`, ∑) folded into the line it belongs to. */
export function foldOperatorLines<T extends { text: string }>(lines: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < lines.length; i++) {
    // a subscript's index broken at its minus, the rest alone on the next line ("e_kj = h_j^T s_k-" /
    // "1", a word processor's wrap): one line
    if (
      i + 1 < lines.length &&
      /[A-Za-z]_?\{?[a-z]-\s*$/.test(lines[i].text) &&
      /^\s*\d\}?\s*$/.test(lines[i + 1].text)
    ) {
      out.push({ ...lines[i], text: `${lines[i].text.trimEnd()}${lines[i + 1].text.trim()}` });
      i++;
      continue;
    }
    if (i + 1 < lines.length && /^\s*(?:∏|Q|Π|∑|Σ)\s*[A-Za-z]?\s*$/.test(lines[i].text)) {
      const merged = bigOperatorLines(`${lines[i].text}\n${lines[i + 1].text}`);
      if (!merged.includes('\n')) {
        out.push({ ...lines[i + 1], text: merged });
        i++;
        continue;
      }
    }
    out.push(lines[i]);
  }
  return out;
}

const SPACED_SUBSCRIPT = new RegExp(
  `(?<=[A-Za-z~])[ \\t]+(?=[${Object.keys(SUBSCRIPT_CHARS).join('')}])`,
  'g',
);

/**
 * Normalise answer text to the project's ASCII-math form:
 * - ⊙ ∘ · × ∗ `*` -> `*`; Unicode minus and dashes -> `-`; ∂ -> `d`; → -> `->`; ≈ -> `=`;
 * - superscripts: `²` -> `^2`, `ᵀ`/`⊤` -> `^T`; subscript characters -> `_x`;
 * - `C̃` (combining tilde) -> `C~`; σ -> `sigma`; ∏ -> `prod`;
 * - LaTeX commands that survive in text (`\odot`, `\partial`, `\tilde{C}`) -> the same forms.
 * Letters keep their case and spacing is kept (spaces matter for `c_t + 1` versus `c_t+1`).
 */
/** What a number written with a scale word stands for: "3.03 million", "3.1 M", "19 lakh" */
const SCALE: Record<string, number> = {
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  thousand: 1e3,
  k: 1e3,
  billion: 1e9,
};

/**
 * An exact value followed by its rounding ("= 3,027,102 multiplications ~ 3.03 million", "1,862,832
 * (approx 1.86 x 10^6)", "0.60437 ≈ 0.6", "31,20,000 (= 3.12 × 10^6)"): the rounding restates the value and is dropped, so the
 * value stays the last side of its equation. A rounding of nothing before it stays.
 */
function withoutRoundedRestatements(text: string): string {
  const re =
    /(\d[\d,]*(?:\.\d+)?)((?:\s+[A-Za-z]{2,}){0,2}\s*)(\(?\s*(≈|~|∼|approx\.?|approximately|about|roughly|nearly|(?<=\(\s*)=|=(?=\s*\d+(?:\.\d+)?\s*(?:(?:million|mn|M|lakhs?|crore|thousand|k|K|billion)\b|[x×*·]\s*10\s*\^)))\s*(\d+(?:\.\d+)?)\s*(?:(million|mn|M|lakhs?|crore|thousand|k|K|billion)\b|[x×*·]\s*10\s*\^\s*\{?\s*(\d{1,2})\s*\}?|[eE]\+?0?(\d{1,2}))?(?:[ \t]*\)|[ \t]+(?=\S))?)/g;
  const parse = (n: string) => Number(n.replace(/,(?=\d{2,3}\b)/g, ''));
  return (
    text
      .replace(
        re,
        (
          all,
          exact: string,
          words: string,
          _aside,
          sign: string,
          approx: string,
          scale?: string,
          pow?: string,
          e?: string,
        ) => {
          // ("(= 3.12 × 10^6)", "= 3.09 million": an equals sign restates the value only in another scale)
          if (sign === '=' && !scale && !pow && !e) return all;
          const value = parse(exact);
          const factor = scale
            ? SCALE[scale.toLowerCase()]
            : pow
              ? 10 ** Number(pow)
              : e
                ? 10 ** Number(e)
                : 1;
          const rounded = Number(approx) * factor;
          const places = approx.split('.')[1]?.length ?? 0;
          // (a rounding to the places written: half a unit of the last place written, scaled)
          const within = 0.5 * 10 ** -places * factor * (1 + 1e-9);
          if (value > 0 && Math.abs(value - rounded) <= within) return `${exact}${words}`;
          // (a scale word that misses by powers of ten, "3088878 = 3.09 lakh": the count is the one worked
          // out, its restatement a slip of the word)
          const tens = Math.round(Math.log10(value / rounded));
          return scale &&
            value > 0 &&
            tens !== 0 &&
            Math.abs(value - rounded * 10 ** tens) <= within * 10 ** tens
            ? `${exact}${words}`
            : all;
        },
      )
      // (and the same number again in brackets, in other digit groups: "30,88,878 (3,088,878 ≈
      // 3.09e+06)" — the rounding gone above — is the number once)
      .replace(
        /(\d[\d,]*(?:\.\d+)?)\s*\(\s*(\d[\d,]*(?:\.\d+)?)\s*\)?(?![\d.,])/g,
        (all, a: string, b: string) => (parse(a) === parse(b) && /,/.test(a + b) ? a : all),
      )
  );
}

/** Leftward arrows, an edge's label between the arrow's dashes allowed ("<--(f_t+1)--"). */
const LEFT_ARROW = /\s*(?:⟵|←|<[-—]+(?:\([^()]{0,16}\)[-—]*)?)\s*/;

/** A line that is only a chain of nodes joined by leftward arrows, written in the forward direction. */
function forwardPath(line: string): string {
  const nodes = line.split(LEFT_ARROW).map((n) => n.trim());
  if (nodes.length < 2 || nodes.some((n) => n === '' || n.length > 24 || /[=<>]|^\d[\d.]*$/.test(n)))
    return line;
  return nodes.reverse().join(' -> ');
}

export function normalizeMath(raw: string): string {
  return memo(mathCache, raw, normalizeMathUncached);
}

function normalizeMathUncached(raw: string): string {
  // pdfTeX's \mapsto comes out of the text layer as "7→" (the bar is the cmsy glyph in slot 7),
  // \longmapsto as "7−→"
  // (markdown bold around an answer, "3 x 5   **3 x 5**", "- **(a)** W_f : **3 × 5**", is emphasis,
  // not Python's power)
  // (a row of carets under an answer is its underline, no power: "W_f : 3 x 5⏎^^^^^^")
  // (an ASCII box's side edges around a boxed line, "# Answer: dL/dc_t = … #", are no part of it)
  const unbold = withoutRoundedRestatements(linearMatrices(raw.normalize('NFC')))
    // a digit inside a word of an Indian script ("অতি4তিক্ত"): a text layer's reading of a conjunct
    // its font maps to a digit's code, no number
    .replace(/(?<=[\u0900-\u0DFF])\d+(?=[\u0900-\u0DFF])/g, (d) => ' '.repeat(d.length))
    // a hand's "tanh" its conversion to text read as "tank", before its argument or its power
    // ("(1 − tank²(ct))", "tank(0.7)", "tank^2 c_t"): no tank in maths
    .replace(/\btank(?=\s*[(²^'′]|\s+[cC]_?(?:\{?t[^\s]*)?(?![A-Za-z])|\s*-?\d)/g, 'tanh')
    // France's and Russia's "th" for tanh, before its argument or its power ("th(Ct)", "th 0,7",
    // "1 − th²c_t"; not "4th", "the")
    .replace(/(?<![A-Za-z0-9_])th(?=\s*[(²^]|\s+-?\d|\s+[cC]_?\{?t\b)/g, 'tanh')
    // Word's linear format groups with white lenticular brackets: around a function's name they only
    // carry its power (`〖tanh〗^2 (𝒄ₜ)` is tanh²(c_t)), elsewhere they are brackets
    .replace(/〖\s*([A-Za-z]+)\s*〗/g, '$1')
    .replace(/〖/g, '(')
    .replace(/〗/g, ')')
    .replace(/^[ \t]*\^{3,}[ \t]*$/gm, '')
    // a negative power of ten whose superscript a text layer set on the line, "6.04 × 10−1": the
    // minus glued to the ten after a decimal mantissa is the exponent's sign, not a subtraction
    .replace(/(\d\.\d+)(\s*[×x·*]\s*)10[−-](\d{1,2})(?![\d.,]?\d)/g, '$1$210^-$3')
    // a ledger's dot leaders between an item and its figure ("Depthwise 198 x 198 x 48 ........ 18,81,792",
    // "Total ........ 72") say what it comes to, as "=" does; a figure written cheque-style, "72/-", is 72
    .replace(/(\S)[ \t]*(?:\.[ \t]?){4,}[ \t]*(?=[-−]?\d)/g, '$1 = ')
    .replace(/(\d)\/-(?=\s|$|[.,;:)])/g, '$1')
    .replace(/^[ \t]*#[ \t]+(.*\S)[ \t]+#[ \t]*$/gm, '$1')
    .replace(/(^|\s)\*\*(?=\S)([^*\n]{0,80}?\S)\*\*(?=\s|$|[.,;:])/g, '$1$2')
    // TeX's inline math left raw in typed text (`$f_t$ -> 3`, `$$h_t = …$$`) is the math inside,
    // also where it runs over lines (a `$\frac{…}` opening one line, `… f_{t+1}$` closing another)
    .replace(/\$\$?([^$\n]+?)\$\$?/g, '$1')
    .replace(/\$(?!\d)/g, '')
    // a bracket a superscript ends on, read out of it by the text layer (`R^{3×}(3+2)` for
    // R^{3×(3+2)}): it belongs inside
    .replace(/\^\{([^{}\n]*[×x*·])\}\(([^()\n]{1,20})\)/g, '^{$1($2)}')
    // a vector's transpose typed as a plain T after its bracket, "(0.6044, 0, 0)T": ^T
    .replace(
      /(\([^()\n]*[,;][^()\n]*\)|\[[^[\]\n]*[,;][^[\]\n]*\]|\{[^{}\n]*[,;][^{}\n]*\})T(?![A-Za-z0-9_])/g,
      '$1^T',
    )
    // a shape's second side in brackets, "3 (× 1)": the shape 3 × 1
    .replace(/(\d)\s*\(\s*([×x*])\s*(\d{1,3})\s*\)/g, '$1 $2 $3')
    // a table's empty cell drawn as a dash between a word and a number ("depthwise output  -  198 x
    // 198 x 3"): no number is taken from a word
    .replace(
      /(\b(?!(?:tanh|sech|cosh|sinh|exp|log|ln|sigma|sigmoid|softmax|relu|max|min)\b)[A-Za-z]{3,})[ \t]+-[ \t]+(?=\d)/g,
      '$1 : ',
    );
  let s = bigOperatorLines(
    unwrapMacros(mathAlphanumerics(unbold).replace(/(?<=[\w}]\s)7[−-]?→/g, '→')),
  ).replace(/\^\s*(?:\{\s*[⊤ᵀ]\s*\}|[⊤ᵀ])/g, '^T');
  s = s
    .replace(/\\(?:odot|circ|cdot|times|ast)\b/g, '*')
    .replace(/\\partial\s*/g, 'd')
    .replace(/\\sigma\b/g, 'sigma')
    .replace(/\\tanh\b/g, 'tanh')
    .replace(/\\prod\b/g, 'prod')
    .replace(/\\sum\b/g, 'sum')
    .replace(/\\(?:tilde|widetilde)\s*\{\s*([A-Za-z])\s*\}/g, '$1~')
    .replace(/\\(?:top|intercal)\b/g, 'T')
    // (a side may hold a subscript's braces: `\frac{\partial L}{\partial c_{t+1}}`)
    .replace(/\\[dt]?frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '($1)/($2)')
    .replace(/\\(?:mapsto|to|rightarrow|longrightarrow)\b/g, '->')
    .replace(/\\(?:approx|simeq)\b/g, '=')
    .replace(/\\delta\b\s*/g, 'δ')
    .replace(/\\(?:cdots|ldots|dots)\b/g, '...')
    .replace(/\\(?:left|right)\b/g, '')
    .replace(/\\[,;! ]/g, ' ')
    // (a digit group's comma braced so TeX sets no space after it: `1{,}900{,}848`)
    .replace(/(?<=\d)\{,\}(?=\d{3})/g, ',');
  // Python's floor division between operands ("(200 + 2*1 - 4)//1 + 1") divides: the formulas it
  // appears in divide whole numbers exactly ("// elementwise", a comment, is left alone); its whole
  // part taken by a function ("int((200 - 4)/1) + 1", "math.floor(…)") is the bracket it takes
  s = s
    .replace(/(?<=[\w)\]]\s*)\/\/(?=\s*(?:\d|\(|[A-Za-z](?![A-Za-z])))/g, '/')
    .replace(/\b(?:math\.|np\.)?(?:int|floor)\s*(?=\()/g, '');
  // a count with its unit's prefix, "1.92M + 1.2M = 3.12M", "≈ 3.09 MMAC", "0.07K": the number it
  // stands for (a capital M or K glued to a number or one space after it, no letter after it but a
  // unit's own capitals; on the same line: "… × 10" over "M = M_dw + M_pw" is no ten million)
  s = s.replace(
    /(?<![\w.{_^])(\d+(?:\.\d+)?)[ \t]?([MK])(?=MACs?\b|FLOPs?\b|(?![A-Za-z]))/g,
    (_m, n: string, p: string, at: number, all: string) => {
      const v = String(Math.round(Number(n) * (p === 'M' ? 1e6 : 1e3) * 1e6) / 1e6);
      return /[A-Za-z]/.test(all[at + _m.length] ?? '') ? `${v} ` : v;
    },
  );
  // Python's sum or product over a range ("prod(f[k] for k in range(2, T+1))", "np.prod(...)") is the
  // big operator with its limits, the range's end excluded: prod_{k=2}^{T} f_k
  s = s.replace(
    /\b(?:np\.|math\.)?(sum|prod)\(\s*([^()]+?)\s+for\s+([A-Za-z])\s+in\s+range\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)\s*\)/g,
    (_m, op: string, term: string, k: string, from: string, to: string) => {
      const end = /\+\s*1$/.test(to) ? to.replace(/\s*\+\s*1$/, '') : `${to}-1`;
      return `${op}_{${k}=${from}}^{${end}} ${term}`;
    },
  );
  // Combining tilde (U+0303) and the precomposed tilde letters follow their base letter: C̃ -> C~.
  // (inside a word it is a language's letter, "dimensão", "ação": no symbol's tilde)
  s = s.replace(/(?<=\p{L})([a-z])\u0303/gu, '$1').replace(/(?<=\p{L})[ãõ]/gu, (c) => c.normalize('NFD')[0]);
  s = s.replace(/([A-Za-z])\u0303/g, '$1~').replace(/\u0303/g, '~');
  s = s.replace(/[Ãã]/g, (c) => (c === 'Ã' ? 'A~' : 'a~'));
  // a hat on a computed quantity ("Ĉ_t", "ĥ_t", "\hat{C}_t", an estimate's mark) is the quantity
  // itself; not on y, where ŷ (the prediction) and y (the target) are two things
  s = s
    .replace(/([A-XZa-xz])\u0302/g, '$1')
    .replace(/[ÂâĈĉÊêĜĝĤĥÎîĴĵÔôŜŝÛûŴŵ]/g, (c) => c.normalize('NFD')[0])
    .replace(/\\(?:hat|widehat)\s*\{\s*([A-XZa-xz])\s*\}/g, '$1');
  // a word processor's space between a letter and its subscript characters ("c ₜ", "h ₜ₋₁")
  s = s.replace(SPACED_SUBSCRIPT, '');
  // the cell's quantities typeset side by side with their subscripts flattened, "ftct" for f_t c_t
  // (a product a text layer ran together): one quantity each
  // (a tilde on the candidate's letter too, "itC~t")
  s = s.replace(/(?<![A-Za-z_])((?:[fiohcC]~?t){2,3})(?![A-Za-z])/g, (m: string) =>
    m.replace(/(?<=t)(?=[fiohcC])/g, ' '),
  );
  // the raised decimal point of British print ("tanh 0·7 = 0·6044"): a zero times a whole number is
  // nobody's product, so after a lone 0 the dot is a decimal point ("0·0.8" and "199·199" stay products)
  s = s.replace(/(?<![\d.,·])0[·∙](\d+)(?![\d.]|[·∙]\d)/g, '0.$1');
  // C̃ spelt out: Ctilde_t, C-tilde_t, tilde(C)_t, \tilde C
  s = s.replace(/\b([A-Za-z])[-_ ]?tilde/g, '$1~').replace(/\btilde\s*\(?\s*([A-Za-z])\s*\)?/g, '$1~');
  s = courseNotations(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const sup = SUPERSCRIPT_DIGITS[c];
    if (sup !== undefined) {
      // a run of superscripts is one exponent: x²³ -> x^23
      let run = sup;
      while (i + 1 < s.length && SUPERSCRIPT_DIGITS[s[i + 1]] !== undefined)
        run += SUPERSCRIPT_DIGITS[s[++i]];
      const exp = `^${run.length > 1 ? `{${run}}` : run}`;
      // scripts stacked on one letter (a word processor's C²ₜ, or C² ₜ): the subscript first, C_t^2
      const j = s[i + 1] === ' ' ? i + 2 : i + 1;
      if (SUBSCRIPT_CHARS[s[j]] !== undefined) {
        let subRun = SUBSCRIPT_CHARS[s[j]];
        i = j;
        while (i + 1 < s.length && SUBSCRIPT_CHARS[s[i + 1]] !== undefined) subRun += SUBSCRIPT_CHARS[s[++i]];
        out += `_${subRun.length > 1 ? `{${subRun}}` : subRun}${exp}`;
        continue;
      }
      out += exp;
      continue;
    }
    const sub = SUBSCRIPT_CHARS[c];
    if (sub !== undefined) {
      let run = sub;
      while (i + 1 < s.length && SUBSCRIPT_CHARS[s[i + 1]] !== undefined) run += SUBSCRIPT_CHARS[s[++i]];
      if (/^\(.+\)$/.test(run)) run = run.slice(1, -1);
      out += `_${run.length > 1 ? `{${run}}` : run}`;
      continue;
    }
    const m = CHAR_MAP[c];
    out += m !== undefined ? m : c;
  }
  // a product said to be element-wise between its operands: "o_t (elementwise x) tanh(C_t)",
  // "f_t elementwise × C_{t-1}"
  out = out
    .replace(/\(\s*element[- ]?wise\s*(?:x|×|\*|product|multiplication|mult\.?)\s*\)/gi, ' * ')
    .replace(/(?<=[\w)}]\s*)\belement[- ]?wise\s*(?:x|×|\*)(?![\w_])(?=\s*[A-Za-z0-9(])/gi, ' * ');
  // element-wise product spelt `.*` (MATLAB) or as a spaced letter `o` between operands
  // (pdfTeX extracts a `.*` typed in math mode as `. ∗`)
  // (and MATLAB's element-wise power `.^`: tanh(c_t).^2)
  out = out
    .replace(/(?<=[\w)\]}] ?)\. ?\*(?= )/g, ' * ')
    // (not an ellipsis's last dot before a product: "1*1*...*1")
    .replace(/(?<!\.\.)\.\*/g, '*')
    .replace(/(?<=[\w)\]}])\.\^/g, '^')
    // (MATLAB's and Julia's other dotted operators, `.+`, `.−`, `./`, and a broadcast call `tanh.(c)`)
    .replace(/(?<=[\w)\]}\d]\s?|\s)\.([+\-−/])(?=\s?[\w(∂])/g, '$1')
    .replace(/\b(tanh|sigmoid|σ|exp|log|sqrt|softmax)\.\(/g, '$1(')
    .replace(/([\w)\]}])\s+o\s+(?=[A-Za-z(\d∂])/g, '$1 * ')
    // (or "(x)", a circled times typed in brackets, spaced between operands: "o_t (x) tanh(C_t)"; not
    // "f(x)", a function's argument)
    .replace(/(?<=[\w)\]}]\s+)\(x\)(?=\s+[\w([{])/g, ' * ')
    // ("o." for the ring after a subscripted factor: "dL/dh_t o. o_t o. (1 - tanh^2(c_t))")
    .replace(/(?<=_(?:\{[\w+-]{1,5}\}|\([\w+-]{1,5}\)|\w{1,3})\)?)\s+o\.\s+(?=[A-Za-z(∂])/g, ' * ')
    // or as a full stop between a gate's letter and a state or function, in a formula ("C_t =
    // f.C_{t-1} + i.C~_t (. = elementwise)", "h_t = o.tanh(C_t)"; "i.e." has no capital after it)
    .replace(/(?<=[=+]\s*)([a-z](?:_\{?[\w+-]{1,4}\}?)?)\.(?=[A-Z](?![a-z])|tanh\b|sigma\b)/g, '$1 * ');
  // a product wrapped after its sign ("199×199×" / "10 …"): the factor joins its line (the line
  // break moves after it, so the lines keep their count)
  // (a letter x for the sign too, after a number: "the output is 199 x 199 x" / "10.")
  out = out.replace(/([×*]|(?<=\d ?)x)[ \t]*\n[ \t]*(\d+(?:\.\d+)?)(?![\d,]|\.\d)/g, '$1 $2\n');
  // a decimal split by a space inside a function's bracket ("tanh(0. 7)": one argument, not a list)
  out = out.replace(/\b(tanh|sigma|exp|sech)\(\s*(-?\d*)\.\s+(\d+)\s*\)/g, '$1($2.$3)');
  // a comma written or OCR'd as a full stop between a vector's elements: [1 × tanh(.7), 0 × tanh(.2). 0]
  out = out.replace(/[[{][^[\]{}\n]*[\]}]/g, (v) => v.replace(/(?<=[\d)])\.\s+(?=[-\d.]|[a-z])/g, ', '));
  // a multiplication x glued to its number before a function (math mode drops the space): 1x tanh(0.7),
  // also before a bare argument ("0x tanh 0.05", a space OCR lost)
  out = out.replace(/(\d)x\s+(?=(?:tanh|sigma|sech|exp)\s*(?:\(|-?\d*\.?\d))/g, '$1 * ');
  // `≈` written as a spaced tilde: tanh(0.7) ~ 0.6
  out = out.replace(/\s~\s*(?=[-\d.[({])/g, ' = ');
  // or in words after a function of a number: "tanh(0.7) is about 0.60", "tanh(.2) is roughly .2"
  out = out.replace(
    /(\b(?:tanh|sigma|sech|exp)\s*\(\s*-?\d*\.?\d+\s*\))\s+(?:is|comes to|equals)\s+(?:about|approx\.?|approximately|roughly|nearly|around)\s+(?=-?\d*\.?\d)/g,
    '$1 = ',
  );
  // a superscript 2 lost after a bracket of tanh/sech/sigma: (tanh(c_t))2 is (tanh(c_t))^2
  out = out.replace(/(\((?:tanh|sech|sigma)\s*(?:\([^()]*\)|[^()\s]+)\s*\))2(?![\d.])/g, '$1^2');
  // tanh typed with two letters swapped, straight before its bracket (a phone's autocorrect: "than(C_t)",
  // "tahn(0.7)"; "more than (x)" has a space)
  out = out.replace(/\b(?:than|tahn|tnah)\((?=\s*[\w.])/g, 'tanh(');
  // "tan h(0.7)": tanh with a space typed in it (tan times h is never written before a bracket so);
  // "tank(C_t)", a typo no formula has
  out = out.replace(/\btan\s+h\s*\((?=\s*[\w.])/g, 'tanh(').replace(/\btank(?=\s*\()/g, 'tanh');
  // a bulleted statement, "* h_t = o_t * tanh(C_t)": the bullet is no product (a product's sign opening
  // a line continues the line before, and states nothing)
  out = out.replace(/^([ \t]*)\*([ \t]+)(?=[A-Za-z][^=\n]*=)/gm, '$1 $2');
  // OCR reads the superscript of tanh² as a quote or star: tanh"2(c), tanh*2(c)
  out = out.replace(/\b(tanh|sech)\s*["*]\s*2(?=\s*\()/g, '$1^2');
  // a C-style comment after a statement ("b_f is 3 x 1 // one bias per unit", "int out = … ; // 199"):
  // the statement ends there (a `//` is no division anyone writes)
  out = out.replace(/(\S)\s+\/\/\s+/g, '$1; ');
  out = notationForms(out);
  // a times sign typed as x between subscripted symbols or an ellipsis ("dL/dc_T x f_2 x f_3 x ... x f_T"),
  // or before a bracket or a function ("o_t x (1 - tanh^2(c_t))", "o_t x tanh(c_t)")
  out = out.replace(
    /(?<=_\{?[\w+-]{1,5}\}?\)?|\.\.\.|…) x (?=[A-Za-z]_|\.\.\.|…|\d|\(|(?:tanh|sech|sigma|σ|exp)\b)/g,
    ' * ',
  );
  // (or before a gate's bare letter repeated, "dL/dc_T x f x f x f ...": the product of the gates)
  out = out.replace(/(?:[ \t]+x[ \t]+([fio])\b(?![_'(]))(?:[ \t]+x[ \t]+\1\b(?![_'(]))+/g, (m) =>
    m.replace(/[ \t]+x[ \t]+/g, ' * '),
  );
  // a path drawn from the loss back to the variable ("L ⟵ h_T ⟵ c_T", "L <-- h_t <--(o_t)-- c_t"):
  // the same path read forward
  out = out.replace(/^.*(?:⟵|←|<-|<—).*$/gm, forwardPath);
  // ASCII arrows and "->" spelt with spaces.
  out = out.replace(/-\s*>/g, '->').replace(/=\s*>/g, '=>');
  // `^T` and `^{T}` and `^⊤` are all transposes.
  out = out.replace(/\^\{\s*T\s*\}/g, '^T');
  // pdfTeX's ∑ glyph (a P in the text layer) of the line below, set before the transposed symbol
  // ("e_kj =Ps⊤k−1hj"): not a factor
  out = out.replace(/(^|[=\s(])P(?=[a-z]\^T)/g, '$1 ');
  // pdfTeX sets `s_{k-1}^\top` with the superscript first in the text layer: `s⊤k−1hj`, `h⊤j sk−1`.
  // A transpose glued to an index (k-1, j, t+1, ...) is the transpose of the subscripted symbol.
  out = out.replace(
    /(?<![A-Za-z])([A-Za-z])\^T([ijkmnt](?:[-+]1)?)(?![a-z]{2,}\()(?=[A-Za-z\s),.;]|$)/g,
    (_m, base: string, idx: string) => `${base}_${idx.length > 1 ? `{${idx}}` : idx}^T `,
  );
  // a transpose typed between two indexed symbols with nothing between ("e_kj = skThj"): s_k^T h_j
  out = out.replace(
    /(=\s*)([a-z])([ijkmnt](?:-1)?)T([a-z])([ijkmnt])\b/g,
    (_m, eq: string, a: string, i: string, b: string, j: string) =>
      `${eq}${a}_${i.length > 1 ? `{${i}}` : i}^T ${b}_${j}`,
  );
  // the same with an ASCII T (pdfTeX, OT1 fonts): `sTk-1hj`, `hTj sk-1` after an equals sign
  out = out.replace(
    /(=\s*)([a-z])T([ijk](?:-1)?)(?=[a-z]{0,2}\b)/g,
    (_m, eq: string, base: string, idx: string) => `${eq}${base}_${idx.length > 1 ? `{${idx}}` : idx}^T `,
  );
  // (or on the second factor, `sk hTj`: s_k h_j^T)
  out = out.replace(
    /(=\s*[a-z](?:[ijk]|_\{?[ijk](?:-1)?\}?)(?:-1)?\s+)([a-z])T([ijk](?:-1)?)\b/g,
    (_m, before: string, base: string, idx: string) =>
      `${before}${base}_${idx.length > 1 ? `{${idx}}` : idx}^T `,
  );
  // (and its index split around the T, `skT−1 hj`, or around the ⊤ a superscript sets over it,
  // `sk⊤−1hj`: s_{k-1}^T h_j)
  out = out.replace(/(=\s*)([a-z])([ijk])(?:\^T|T)-1(?=\s|[a-z]_?[ijk]\b)/g, '$1$2_{$3-1}^T ');
  // a MATLAB row of three or more numbers (`[1 0 0]' .* [tanh 0.7 tanh 0 tanh 0.4]'`; two, `[3 5]`,
  // may be a size): entries apart by spaces are a vector's, and its transpose changes no value
  out = out.replace(
    /\[\s*((?:tanh\s*)?-?(?:\d+\.?\d*|\.\d+)(?:\s+(?:tanh\s*)?-?(?:\d+\.?\d*|\.\d+)){2,})\s*\]'?/g,
    (_m, items: string) => `[${items.match(/(?:tanh\s*)?-?(?:\d+\.?\d*|\.\d+)/g)!.join(', ')}]`,
  );
  // MATLAB's transpose, a prime on an indexed vector before another (`s_(k-1)' h_j`, `s_k' * h_j`);
  // a derivative's prime (`tanh'(c_t)`, `f'(x)`) is on a function, before its bracket
  out = out.replace(/([A-Za-z]_(?:\{[^{}]{1,6}\}|[A-Za-z0-9]{1,3}))'(?=\s*\*?\s*[A-Za-z]_)/g, '$1^T ');
  // (its index glued on, as a converter or a plain editor leaves it: `sk' * hj`, `sk-1' hj`)
  out = out.replace(
    /(?<![A-Za-z])([a-z])([ijkt](?:-1)?)'(?=\s*\*\s*[a-z]_?[ijkt]?(?:-1)?\b|\s+[a-z]_?[ijkt](?:-1)?\b)/g,
    (_m, base: string, idx: string) => `${base}_${idx.length > 1 ? `{${idx}}` : idx}^T `,
  );
  // (typeset, TeX's prime stands before the index it follows in the source: `s_k' h_j` reads "s′khj")
  out = out.replace(
    /(?<![A-Za-z])([a-z])'([ijkt](?:-1)?)(?=[a-z][ijkt]\b|\s+[a-z]_?[ijkt](?:-1)?\b)/g,
    (_m, base: string, idx: string) => `${base}_${idx.length > 1 ? `{${idx}}` : idx}^T `,
  );
  // a transpose runs into the next symbol (a word processor's `𝑠𝑘−1⊤ℎ𝑗`): the superscript ends there
  out = out.replace(
    /\^T(?=[A-Za-z])(?!(?:tanh|sigma|sigmoid|exp|softmax|sech|log)\b|(?:tanh|exp|log)\()/g,
    '^T ',
  );
  // pdfTeX's ∑ glyph (a P in the text layer) from the line below, glued after a transpose to the
  // indexed symbol it stands before ("s⊤k−1Phj"): not a factor
  out = out.replace(/\^T P(?=[a-z]_?\{?[a-z0-9]\}?\b)/g, '^T ');
  // inline fractions set side by side lose the space between them: dL/dhtdht/dct
  out = out.replace(/(\/d[A-Za-z][\w+-]*?)(d[A-Za-z][\w+-]*\/d)/g, '$1 $2');
  return semicolonVectors(decimalCommas(out));
}

/**
 * A vector in round brackets with semicolons between its entries, as a decimal comma's reader writes
 * it ("(tanh 0,7; 0; 0)", its decimal commas already points): its entries separated as commas
 * separate them, "(tanh 0.7, 0, 0)".
 */
function semicolonVectors(s: string): string {
  return s.replace(/\(([^()\n,;]+(?:;[^()\n,;]+)+)\)/g, (v, inner: string) =>
    inner.split(';').every((c) => /^\s*(?:(?:tanh|sigma|σ|exp)\s*)?-?\d*\.?\d+\s*$/.test(c))
      ? `(${inner.replace(/;/g, ',')})`
      : v,
  );
}

/**
 * Decimal commas ("(0,604; 0; 0)"): on a line whose lists are separated by semicolons and which
 * writes a number as 0,d…, a comma between digits is a decimal point ("3,088,878" stays a grouping).
 */
function decimalCommas(s: string): string {
  return s
    .split('\n')
    .map((line) =>
      /;/.test(line) && /(?<![\d.,])0,\d/.test(line)
        ? line.replace(/(?<![\d.,])(\d+),(\d+)(?![\d.,]*\d)/g, '$1.$2')
        : line,
    )
    .join('\n');
}

/** LaTeX wrappers that only change how their argument looks: `\boxed{e_{kj} = …}` -> `e_{kj} = …`. */
function unwrapMacros(s: string): string {
  const re = /\\(?:boxed|mathbf|bm|boldsymbol|mathrm|mathit|text|textbf|textit|operatorname)\s*\{/g;
  let out = s;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    let depth = 1;
    let k = m.index + m[0].length;
    for (; k < out.length && depth > 0; k++) {
      if (out[k] === '{') depth++;
      else if (out[k] === '}') depth--;
    }
    if (depth !== 0) break;
    out = `${out.slice(0, m.index)}${out.slice(m.index + m[0].length, k - 1)}${out.slice(k)}`;
    re.lastIndex = m.index;
  }
  return out;
}

/**
 * Word's linear format writes a column as `■(0.7@0.2@0.05)` (rows split by `@`, `&` between a
 * row's entries): a vector `[0.7, 0.2, 0.05]`, its entries as written (`■(1×0.2@0.5×0.4@0×0.8)`).
 * A matrix with columns, or one left unclosed, keeps only its brackets.
 */
function linearMatrices(s: string): string {
  for (let at = s.indexOf('■('); at >= 0; at = s.indexOf('■(', at)) {
    let depth = 1;
    let k = at + 2;
    const cut = [k];
    for (; k < s.length && depth > 0; k++) {
      if (s[k] === '(') depth++;
      else if (s[k] === ')') depth--;
      else if (s[k] === '@' && depth === 1) cut.push(k + 1);
    }
    const rows = cut.map((c, i) => s.slice(c, (cut[i + 1] ?? k) - 1).trim());
    const vector = depth === 0 && rows.length > 1 && !rows.some((r) => r.includes('&'));
    s = vector ? `${s.slice(0, at)}[${rows.join(', ')}]${s.slice(k)}` : `${s.slice(0, at)}${s.slice(at + 1)}`;
  }
  return s;
}

/** Bold and italic math letters (𝐡, 𝒄, 𝑓) are the plain letters for grading. */
function mathAlphanumerics(s: string): string {
  // and the private-use glyphs of pdfTeX's tall brackets (pieces of a matrix's delimiters) are space
  return (
    s
      // (with the holes of that block, letters kept in Letterlike Symbols: italic h is ℎ, script e is ℯ)
      .replace(/[\u{1D400}-\u{1D7FF}ℎℊℯℴℬℰℱℋℐℒℳℛℭℌℑℜℨ]/gu, (c) => c.normalize('NFKC'))
      .replace(/[\u{E000}-\u{F8FF}]/gu, ' ')
  );
}

/** A letter with its subscript, as typed: `c_t`, `c_{t+1}`, `c_(t+1)`, or glued on, `ht`, `ct+1` before the
 *  fraction's bar or bracket (a derivative's numerator or denominator). */
const SUBSCRIPTED = String.raw`[A-Za-z](?:_\{[\w+-]{1,5}\}|_\([\w+-]{1,5}\)|_\w{1,3}|[tTkjn](?:[+-]1)?(?=\s*[/)]))?`;
/** `(del L)/(del c_t)`, `(∂L)/(∂c_(t+1))`: a fraction typed with each side bracketed. */
const BRACKETED_FRACTION = new RegExp(
  String.raw`\(\s*(?:del|partial|d|∂)\s*(${SUBSCRIPTED})\s*\)\s*\/\s*\(\s*(?:del|partial|d|∂)\s*(${SUBSCRIPTED})\s*\)`,
  'g',
);
/** `del L by del ct`, `partial h_t over partial c_t`: the fraction said in words, as it is read aloud. */
const SPOKEN_FRACTION =
  /\b(?:del|partial)\s*([A-Za-z](?:_\{[\w+-]{1,5}\}|_\([\w+-]{1,5}\)|_\w{1,3}|[tTkjn](?:[+-]1)?)?)\s+(?:by|over)\s+(?:del|partial)\s*(?=[A-Za-z])/g;
/** `del h_t / del c_t`, `d c_(t+1)/d c_t`: the numerator with its subscript, the d spelled out or spaced. */
const SPELLED_FRACTION = new RegExp(
  String.raw`\b(?:del|partial|d(?=\s))\s*(${SUBSCRIPTED})\s*\/\s*(?:del|partial|d(?=\s))\s*(?=[A-Za-z])`,
  'g',
);

/**
 * Notations students use for the same symbols:
 * - bracketed subscripts `s_(k-1)`, `c_(t+1)` -> `s_{k-1}`, `c_{t+1}`;
 * - a definition sign `:=` (or `≔`, `≜`) -> `=`; `⋯`/`…` -> `...`;
 * - `del L/del c_t`, `partial L / partial c_t`, `del L by del c_t` -> `dL/dc_t`;
 * - `δc_t` / `delta c_t` (the loss gradient at c_t, as back-propagation notes write it) -> `dL/dc_t`;
 * - `∇_{c_t} L` -> `dL/dc_{t}`.
 */
function notationForms(s: string): string {
  return (
    s
      // "i.e." and "e.g." end a formula ("e_kj = s_k^T h_j i.e. the dot product")
      .replace(/\b(?:i\.\s?e|e\.\s?g)\.(?=\s|,|$)/gi, ';')
      // a statement's own number in a proof-style write-up ("Def. 1. Additional parameters = …",
      // "Claim 2:") numbers the statement: it is no value
      .replace(
        /\b(Def(?:inition)?|Claim|Lemma|Remark|Theorem|Prop(?:osition)?|Fact|Observation)\.?\s+\d{1,2}(?:\.(?!\d)|:|\))/g,
        '$1;',
      )
      // a spaced full stop between two symbols is a dot product: `s_{k-1} . h_j`
      // (on one line, after a symbol: "… × 3 ." ending a sentence before the next line is a full stop)
      // (and between two vectors written out: "{1, 0, 0} . {tanh 0.7, …}", or two bracketed
      // factors: "[dL/dh_t . o_t (1 - tanh^2 c_t)] . [dL/dc_(t+1) . f_(t+1)]"; or after a subscript
      // glued on with its step: "del L/del ct+1 . ft+1")
      .replace(
        /(?<=(?:[A-Za-z}\])]|_[A-Za-z0-9+\-{}]*[0-9]|\b[A-Za-z]~?[tTkjn][+-]1)[ \t])\.(?=[ \t]+[A-Za-z(]|[ \t]+[{[](?=[^{}[\]]*,)|[ \t]+\[(?=[^[\]\n]*[A-Za-z][^[\]\n]*\]))/g,
        '*',
      )
      // and so is an unspaced one between two time-indexed symbols: `f_t.C_{t-1}`, `ft.Ct-1`
      .replace(
        /(?<=\b[A-Za-z]~?_?\{?[tTkjn](?:[-+]1)?\}?)\.(?=[A-Za-z]~?_?\{?[tTkjn](?:[-+]1)?\}?(?![A-Za-z]))/g,
        '*',
      )
      .replace(
        /([A-Za-z~])_\(([\w+\-\s]{1,7})\)/g,
        (_m, b: string, i: string) => `${b}_{${i.replace(/\s+/g, '')}}`,
      )
      // the hyperbolic tangent as continental Europe writes it: tgh
      .replace(/\btgh\b/g, 'tanh')
      // a programmer's name for the previous step's state: C_prev, h_{prev}, c_old are C_{t-1}, h_{t-1}
      .replace(/\b([A-Za-z])_\{?(?:prev(?:ious)?|old)\}?(?![A-Za-z])/g, '$1_{t-1}')
      // ⊙ typed as "(.)" or "(*)"; a subscript typed without braces before its offset: C_t-1, c_t+1
      .replace(/\(\s*[.*]\s*\)/g, '*')
      .replace(/(?<=(?:^|[^A-Za-z])d?[A-Za-z]~?)_([tTkj])([+-]1)(?!\w|\.\d)/g, '_{$1$2}')
      // code: `np.tanh`, `x**2`, a gradient named `dL_dc[t]` (or `dL_dc`) for dL/dc_t
      .replace(/\b(?:np|numpy|math|torch)\.(tanh|exp|sum|log|sqrt|prod)\b/g, '$1')
      .replace(/(?<=[\w)\]])\s*\*\*\s*(?=[\d(])/g, '^')
      .replace(
        /\bd([A-Za-z])_d([A-Za-z])(?:\[\s*([ijklmntT](?:\s*[+-]\s*1)?)\s*\])?(?![\w[])/g,
        (_m, n: string, v: string, i?: string) => `d${n}/d${v}${i ? `_{${i.replace(/\s+/g, '')}}` : ''}`,
      )
      // an equation's tag at the end of its line ("… = f_{t+1} …(11)", "= 72   (5)", "(E1)", "(Eq. 2)",
      // numbered by section, "(IV.3)", "(2.4)",
      // an aside after it: "(E1)   (* = elementwise product)") is no factor; so on a line that goes on
      // with an equation's next term ("+ ∂L/∂c_{t+1} ⊙ f_{t+1}   (11)"); not after a plus, a minus or an
      // arrow, where a bracket is an operand or what the arrow points to ("= 5 − (3)", "<- (i)"; a
      // product's dot may be a sentence's full stop read as one, ". (15)")
      .replace(
        new RegExp(
          String.raw`(?<=(?:[=]|^[ \t]*[+\-−])[^\n]*?[^\s(,+\-−<>=])(?:[ \t]+(?:…|\.{3})?|…|\.{3})[ \t]*${EQUATION_TAG}(?:[ \t]+\([^()\n]*\))?[ \t]*$`,
          'gim',
        ),
        '',
      )
      // a shape tagged on after an equation's last bracket ("… ⊙ (1 − tanh²(c_t)) (3 × 1).", "… tanh(C_t)
      // [3 x 1]"): an aside, no factor (after a number it multiplies, "= 4 (3 × 5)"; after a word it is
      // the answer, "⇒ W_f is [3×5]")
      // (not after a matrix written out in symbols, "W_f = (w11 w12 w13) (5 × 3)": its size is the answer)
      .replace(
        /(?<=(?<![<>=!])=(?![>=])[^\n]*?[)}\]])[ \t]+(?:\(\s*(?:\d{1,4}|[a-z])\s*[×xX*]\s*(?:\d{1,4}|[a-z])\s*\)|\[\s*(?:\d{1,4}|[a-z])\s*[×xX*]\s*(?:\d{1,4}|[a-z])\s*\])(?=[ \t]*[.,;]?[ \t]*$)/gim,
        (m, at: number, all: string) => {
          const rhs = all.slice(all.lastIndexOf('=', at) + 1, at);
          const inner = rhs.replace(/[()[\]{}]/g, ' ');
          return /[([{]/.test(rhs) && /^\s*[A-Za-z]\w*(?:\s+[A-Za-z]\w*)*\s*$/.test(inner) ? m : '';
        },
      )
      // (or at its start, as some set it: "(13) ∂L/∂c_t = ∂L/∂c_{t+1} ∘ f_{t+1} + …", "(Eq. 2) h_t = …")
      .replace(new RegExp(String.raw`^([ \t]*)${EQUATION_TAG}[ \t]+(?=[A-Za-z∂δ∇\\(][^\n]*=)`, 'gim'), '$1')
      // a bullet before a statement ("- dL/dc_t = …", "• h_t = …", "– 4 × 15 = 60") is no minus sign
      // (a hyphen before a number only where the line states an equation: "- 4 x 15 = 60.")
      .replace(/^(\s*)(?:[-•▪◦–—]\s+(?=[A-Za-z(])|[–—•▪◦]\s+(?=\d)|-\s+(?=\d[^\n=]*=))/gm, '$1')
      // a condition in brackets after a statement ("… + dL/dc_{t+1} * f_{t+1} (t < T)") is not a factor
      .replace(/\s*\((?:for\s+|if\s+|when\s+)?[^()]*?\b[A-Za-z]\w*\s*(?:<=?|>=?|≤|≥)\s*\w[^()]*\)\s*$/gm, '')
      // ⟨0.7, 0.2, 0.05⟩ and <0.7, 0.2, 0.05>, brackets hugging a list of numbers (and their
      // arithmetic), are a vector, not a dot product nor a comparison
      .replace(/<(?=[-\d.(]|tanh|sigma|exp)([^<>=\n]*?,[^<>=\n]*?)(?<=[\d)])>/g, (m, c: string) =>
        /[A-Za-z]/.test(c.replace(/\b(?:tanh|sigma|exp)\b/g, '')) ? m : `[${c}]`,
      )
      // ⟨a, b⟩ is the dot product of a and b; `@` is a matrix product; `s[k-1]`, `e[k, j]` index
      .replace(/[⟨<]\s*([^⟨⟩<>,=]+?)\s*,\s*([^⟨⟩<>,=]+?)\s*[⟩>]/g, '($1 * $2)')
      .replace(/(?<=[\w\])}])\s*@\s*(?=[\w([])/g, ' * ')
      .replace(/\b([A-Za-z])\[\s*([ijklmntT])\s*,\s*([ijklmntT])\s*\]/g, '$1_{$2$3}')
      // (indices as a function's arguments: "e(k, j) = s(k − 1)T h(j)")
      .replace(/(?<![\w.])([eα])\(\s*([jklmn])\s*,\s*([jklmn])\s*\)/g, '$1_{$2$3}')
      .replace(
        /\b([A-Za-z])\[\s*([ijklmntT](?:\s*[+-]\s*1)?)\s*\]/g,
        (_m, b: string, i: string) => `${b}_{${i.replace(/\s+/g, '')}}`,
      )
      // "(= s_{k-1} · h_j)": another side of the same equation, set in brackets
      // (not a rounded number: "(≈ 3.06 million)" stays an aside)
      .replace(/\(\s*=\s*([A-Za-z][^()]*)\)/g, '= $1')
      .replace(/:=|≔|≜|≡/g, '=')
      .replace(/[⋯…]/g, '...')
      // (each side bracketed, as typed for a fraction: `(del L)/(del c_t)`, `(∂L)/(∂c_(t+1))`)
      .replace(BRACKETED_FRACTION, 'd$1/d$2')
      .replace(SPOKEN_FRACTION, 'd$1/d')
      // (the numerator may carry its subscript: `del h_t / del c_t`, `del c_{t+1}/del c_t`)
      .replace(
        // (or a spaced d: `d c_(t+1)/d c_t`)
        SPELLED_FRACTION,
        'd$1/d',
      )
      // (the quantity as δ's subscript and the time in brackets, `δ_c(t)`, `δ_h(t+1)`, or as its
      // superscript, `δ^c_t`, which a text layer gives as `δtc`, `δtc+1`)
      .replace(
        /(?:δ|\bdelta)_\{?([chCH])\}?\s*\(\s*([tT](?:\s*[+-]\s*1)?)\s*\)/g,
        (_m, q: string, t: string) => `dL/d${q}_{${t.replace(/\s+/g, '')}}`,
      )
      .replace(/(?:δ|\bdelta)\^\{?([chCH])\}?_\{?([tT](?:[+-]1)?)\}?/g, 'dL/d$1_{$2}')
      .replace(/(?:δ|\bdelta)_([chCH])_(\{[tT][+-]1\}|[tT]\b)/g, 'dL/d$1_$2')
      .replace(
        /δ([tT])([ch])(?:([+-]1)\b)?(?![\w{(])/g,
        (_m, t: string, q: string, d = '') => `dL/d${q}_{${t}${d}}`,
      )
      .replace(/(?:δ|\bdelta\s*)(?=[chCH](?:_|\b|[{(]|[tT](?:[+-]1)?\b))/g, 'dL/d')
      // the gradient written with nabla, its variable as the subscript: `∇_{c_t} L`, `∇ctL` (pdfTeX's
      // flattened subscript), `∇ct+1L` -> `dL/dc_{t+1}`
      .replace(
        /(?:∇|\bnabla)\s*_?\{?\s*([chCH])\s*_?\{?\s*([tT](?:\s*[+-]\s*1)?|\d)\s*\}?\s*\}?\s*L(?![A-Za-z])/g,
        (_m, q: string, t: string) => `dL/d${q}_{${t.replace(/\s+/g, '')}}`,
      )
      // (a transpose's T straight after a bracketed subscript: "s(k − 1)T h(j)" read as s_{k-1}T)
      .replace(/(_\{[^{}\s]+\})T(?=\s)/g, '$1^T')
  );
}

/** Lower-case, ASCII-math, single-spaced text for word and phrase matching. */
export function normalizeProse(raw: string): string {
  return memo(proseCache, raw, normalizeProseUncached);
}

function normalizeProseUncached(raw: string): string {
  return (
    // (a working line's number, "L9 Zero.", "from L13 + L14", is a name: lower-cased, OCR's
    // look-alike fix would read "l9" as 19)
    withSubjectSpellings(
      normalizeMath(raw)
        .replace(/(?<![\w∂/])L(\d{1,3})\b(?![.,]\d)/g, 'line$1')
        .toLowerCase(),
    )
      .replace(/[‘’`´]/g, "'")
      // contractions typed without their apostrophe, and shorthand: "doesnt", "wont", "w/o"
      .replace(/\b(does|do|did|is|are|was|were|can|could|would|should|has|have|had|wo)nt\b/g, "$1n't")
      .replace(/\bw\/o\b/g, 'without')
      // a word hyphenated at the end of a justified line: "undimin-\nished", "shrink- ing"
      .replace(/([a-z]{2})-\s*\n\s*([a-z]{2})/g, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * OCR reads digits as look-alike letters in handwriting: `O.7`, `l99`, `2O0`. Inside a token that is
 * mostly digits (at least one real digit, only look-alikes otherwise), map them back.
 */
export function fixOcrDigits(token: string): string {
  if (!/\d/.test(token)) return token;
  if (!/^[\dOoIlSB.,]+$/.test(token)) return token;
  return token.replace(/[Oo]/g, '0').replace(/[Il]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
}

// Grading normalises the same lines many times over (every item of every part reads them): both
// normalisations are pure, so each string is normalised once per process (bounded caches).
const mathCache = new Map<string, string>();
const proseCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

function memo(cache: Map<string, string>, raw: string, f: (s: string) => string): string {
  let out = cache.get(raw);
  if (out === undefined) {
    out = f(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, out);
  }
  return out;
}
