// Working typed at a console and pasted into an answer (R, Python, IPython, Octave/MATLAB, Julia; a
// calculator's keys and display): `> per_gate <- 3*5 + 3`, `>>> 1*0.2 + 1*0.5`, `In [7]: C = f*Cp + i*Cc`,
// then what the console printed: `[1] 72`, `0.7`, `Out[7]: array([0.7, 0.2, 0.05])`, `ans = 199`, a
// `3-element Vector{Float64}:` and its entries. Read as the equations they are: the prompt dropped, `<-`
// an assignment, a printed result the value of the command before it ("4 * per_gate = 72"), and the
// vectors a command names replaced by what the student set them to, so that `f.*Cp + i.*Cc` is the
// arithmetic it stands for. A calculator's `Ans` is its last result.

/** R's prompt before a command ("> x <- 3"), not a quotation's ("> In 1(b) you said …"). */
const R_PROMPT = /^(\s*)>\s?(?=[A-Za-z_][\w.]*\s*(?:<-|[-+*/(%]|$)|[\d(])/;
/** The other consoles' prompts: Python's `>>>`/`...`, Octave's `>>`/`octave:3>`, IPython's `In [3]:`, Mathematica's `In[3]:=`, `julia>`. */
// (not a marker set before a name and a colon, ">> FINAL: …", ">> b_f : 3 x 1")
const PROMPT = /^(\s*)(?:>>>|\.\.\.(?=\s)|>>|octave:\d+>|In\s*\[\d+\]:=?|julia>)\s?(?!\s*[\w.]+\s*:(?!=))/;
/** An assignment with R's arrow: `name <- expression`. */
const ASSIGN = /^(\s*[A-Za-z_][\w.]*)\s*<-\s*(?=\S)/;
/** R's `c(…)` of several values: the vector it builds ("c(0.5*0.4, 0, 0.05)"), not a call of c. */
const COMBINE = /(?<![\w.])c\((?=[^()]*(?:\([^()]*\)[^()]*)*,)/g;
/** What R prints for a result: its first element's index, then the values ("[1] 0.6043678 0 0"). */
const PRINTED = /^\s*\[1\]\s+(-?\d[\d.e+-]*(?:\s+-?\d[\d.e+-]*)*)\s*$/;
/** A number as a console prints it ("0.6043677771171636", "1.9e-01", "0." for a float zero). */
const NUM = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
/** A number alone on its line or in a cell (spaces around it allowed). */
const NUMBER_ALONE = new RegExp(`^\\s*${NUM}\\s*$`);
/** A result printed on a line of its own: a number, or a list of them (Python's `[0.60, 0.0, 0.0]`, numpy's `array([…])`). */
const VALUE = new RegExp(
  String.raw`^\s*(?:array\(\s*)?(\[\s*${NUM}(?:\s*,?\s+${NUM}|\s*,\s*${NUM})*\s*,?\s*\]|${NUM})\s*\)?\s*$`,
  'i',
);
/** IPython's and Octave's result lines: `Out[7]: 72`, `ans = 199` (the value may follow on lines below). */
// (and Mathematica's, `Out[3]= 1900848`, `Out[4]//N= 0.604`)
const RESULT = /^\s*(?:Out\s*\[\d+\](?:\/\/\w+)?\s*[:=]|ans\s*=)\s*(.*)$/;
/** Julia's header over a printed vector's entries: `3-element Vector{Float64}:`. */
const JULIA_VECTOR = /^\s*(\d+)-element\s+(?:Vector|Array)\{[^}]*\}(?:[^:]*):\s*$/;

/** A line of working that a printed result can be the value of: an expression or a name. */
const computes = (line: string) =>
  /[A-Za-z\d)\]]\s*;?\s*$/.test(line) && !/[=:]\s*[^=:]*$/.test(line.replace(/==/g, ''));

/** Python's and numpy's spellings of what a formula writes: `np.array([…])`, `math.tanh`, `tanh.(`, `**`, `//`. */
const pythonic = (cmd: string) =>
  cmd
    .replace(/\b(?:np|numpy|math|torch)\.(?:array|tensor)\(\s*(\[[^\]]*\])\s*\)/g, '$1')
    .replace(/\b(?:np|numpy|math|torch)\.(?=[a-z]+\()/g, '')
    .replace(/\b([a-z]+)\.\(/g, '$1(')
    .replace(/\.([+\-/^])/g, '$1')
    .replace(/\*\*/g, '^')
    .replace(/\/\//g, '/')
    .replace(/;\s*[A-Za-z_]\w*\s*;?\s*$/, '')
    .replace(/;\s*$/, '');

/**
 * Mathematica's spellings: lists in braces (`{0.7, 0.2, 0.05}`), functions with square brackets
 * (`Tanh[c]`, `N[…]`), `.` between lists for their dot product, `%7` for the seventh result (`outs`).
 */
function mathematica(cmd: string, outs: Map<string, string>): string {
  let t = cmd.replace(/%(\d+)/g, (m, n: string) => outs.get(n) ?? m);
  // (innermost first: `Tanh[{1, 0, 0}*{0.7, 0.2, 0.05}]`)
  for (let k = 0; k < 5; k++) {
    const before = t;
    t = t
      .replace(/\{([^{}[\]]*)\}\s*\.\s*\{([^{}[\]]*)\}/g, 'dot([$1], [$2])')
      .replace(/\{([^{}[\]]*,[^{}[\]]*)\}/g, '[$1]')
      .replace(
        /\b(Tanh|Sech|Exp|Log|Sqrt)\[([^[\]]*)\]/g,
        (_m, f: string, a: string) => `${f.toLowerCase()}(${a})`,
      )
      .replace(/\bN\[([^[\]]*)\]/g, '($1)');
    if (t === before) break;
  }
  return t;
}

/** A vector as a console writes it, `[0.2 0.4 0.8]` or `[0.2, 0.4, 0.8]`: its entries. */
function vectorOf(text: string): string | null {
  const m = /^\s*\[([^\]]*)\]\s*$/.exec(text);
  if (!m) return NUMBER_ALONE.test(text) ? text.trim() : null;
  const xs = m[1].trim().split(/\s*[,;]\s*|\s+/);
  return xs.every((x) => NUMBER_ALONE.test(x)) ? `[${xs.join(', ')}]` : null;
}

/** A printed value as the text of an equation's right side: a list with commas, `0.` as 0. */
const asValue = (v: string) =>
  (vectorOf(v.replace(/^\s*array\(\s*|\s*\)\s*$/g, '')) ?? v.trim()).replace(/(\d)\.(?=[,\]\s]|$)/g, '$1');

export function consoleWorking(lines: string[]): string[] {
  const out = lines.map((l) => l.replace(R_PROMPT, '$1  ').replace(ASSIGN, '$1 = ').replace(COMBINE, ' ('));
  const isCommand = lines.map((l) => PROMPT.test(l));
  /** the vectors and numbers the student set at the console, by name */
  const set = new Map<string, string>();
  let lastResult: string | null = null;
  /** Mathematica's results by number (`%7`) */
  const outs = new Map<string, string>();
  for (let i = 0; i < out.length; i++) {
    if (isCommand[i]) {
      // (a command whose bracket wraps onto the next line, `Ctil = [0.5 0` / `0.1];`: one line)
      const open = (s: string) => (s.match(/[[(]/g)?.length ?? 0) - (s.match(/[\])]/g)?.length ?? 0);
      // (or whose expression goes on after an operator on the next line, "+ {1,0,0.5}*{0.5,0,0.1}")
      const goesOn = (k: number) =>
        (open(out[k]) > 0 && open(out[k + 1]) < 0) ||
        (/^\s*[-+*/]\s*\S/.test(out[k + 1]) && !RESULT.test(out[k + 1]) && !PRINTED.test(out[k + 1]));
      // (the command joined on its last line, so the result under it is that command's)
      while (i + 1 < out.length && !isCommand[i + 1] && goesOn(i)) {
        out[i + 1] = `${out[i].trimEnd()} ${out[i + 1].trim()}`;
        out[i] = '';
        isCommand[i + 1] = true;
        i++;
      }
      // statement by statement (`Cp = [0.2 0.4 0.8]; f = …`): the names a right side uses stand for
      // what they were set to, and a name set to a vector or number is remembered
      out[i] = pythonic(mathematica(out[i].replace(PROMPT, '$1'), outs))
        .split(/;\s*/)
        .map((st) => {
          const lhs = /^\s*[A-Za-z_]\w*\s*=(?!=)/.exec(st)?.[0] ?? '';
          const rhs = st
            .slice(lhs.length)
            .replace(/(?<![\w.])([A-Za-z_]\w*)(?![\w(])/g, (n: string) => set.get(n) ?? n);
          const v = lhs && vectorOf(rhs);
          if (v) set.set(lhs.replace(/=$/, '').trim(), v);
          return `${lhs}${rhs}`;
        })
        .join('; ');
      continue;
    }
    const prev = i > 0 ? out[i - 1].trim() : '';
    // (a command's value under its name, Octave's `C =` under `C = f.*Cp + i.*Cc`, follows an assignment)
    const header = /^\s*([A-Za-z_]\w*)\s*=\s*$/.exec(out[i]);
    const assigned = header !== null && new RegExp(`^${header[1]}\\s*=(?!=)`).test(prev);
    const afterCommand = i > 0 && isCommand[i - 1] && (computes(prev) || assigned);
    /** the command's value on this line (and the lines it takes): `= value`, and the name it set remembered */
    const printed = (value: string, taken: number) => {
      out[i] = afterCommand ? `= ${value}` : value;
      for (let k = 1; k <= taken; k++) out[i + k] = '';
      const named = afterCommand && /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(prev);
      if (named && vectorOf(value)) set.set(named[1], vectorOf(value)!);
      lastResult = value;
      i += taken;
    };
    const r = PRINTED.exec(out[i]);
    if (r) {
      const values = r[1].trim().split(/\s+/);
      const value = values.length > 1 ? `[${values.join(', ')}]` : values[0];
      // (the result of the command above it, where there is one; alone, it is still the value)
      out[i] = prev && computes(prev) && !PRINTED.test(prev) ? `= ${value}` : value;
      continue;
    }
    // (Octave prints a named result's value under its name: `C =`, then a row or a column)
    const res = RESULT.exec(out[i]) ?? (afterCommand && header ? [out[i], ''] : null);
    if (res) {
      // a printed vector may run onto the next line (`Out[8]: array([0.604, 0.197,` / `0.0499])`)
      let text = mathematica(res[1], outs);
      let taken = 0;
      while (/[[(,]\s*$/.test(text) && i + taken + 1 < out.length && !isCommand[i + taken + 1])
        text = `${text} ${out[i + ++taken].trim()}`;
      const n = /^\s*Out\s*\[(\d+)\]/.exec(out[i])?.[1];
      if (n && VALUE.test(text)) outs.set(n, asValue(text));
      if (VALUE.test(text)) printed(asValue(text), taken);
      else if (!text.trim()) {
        // the value on the lines below: one row of entries, or a column of them one to a line
        const below = out.slice(i + 1);
        const n = below.findIndex((l) => !NUMBER_ALONE.test(l));
        const column = n < 0 ? below.length : n;
        if (column > 1)
          printed(
            `[${below
              .slice(0, column)
              .map((l) => l.trim())
              .join(', ')}]`,
            column,
          );
        else if (below.length && vectorOf(`[${below[0].trim()}]`))
          printed(asValue(`[${below[0].trim()}]`), 1);
      }
      continue;
    }
    const julia = JULIA_VECTOR.exec(out[i]);
    if (julia) {
      const n = Number(julia[1]);
      const entries = out.slice(i + 1, i + 1 + n).map((l) => l.trim());
      if (entries.length === n && entries.every((e) => NUMBER_ALONE.test(e)))
        printed(`[${entries.join(', ')}]`, n);
      continue;
    }
    // Python's result, printed bare under its command
    if (afterCommand && lines[i - 1].trimStart().startsWith('>>>') && VALUE.test(out[i])) {
      printed(asValue(out[i]), 0);
      continue;
    }
    // a calculator's display after its keys (`3 x 5 = --> 15`), its `Ans` the last result
    // (`Ans x 4 = --> 60`), a line opening on an operator going on from it (`+ 679728 = --> 1867758`)
    // (keys are arithmetic, or Ans: "ft 7→ 4", TeX's ↦ in a text layer, is a position, not a display)
    const shown = /^(.*?)=?\s*(?:-->|⟶|→)\s*(-?[\d.,]+)\s*$/.exec(out[i]);
    if (
      shown &&
      (/\bAns\b/.test(shown[1]) ||
        /\d\s*(?:[-+×x*/÷^]|x\s*\^?\s*2|²)/.test(shown[1]) ||
        /^\s*[-+×x*/÷]\s*\d/.test(shown[1]))
    ) {
      // (`x²` is the calculator's square key: `199 x^2 x 16` is 199² × 16)
      let keys = shown[1]
        .replace(/=\s*$/, '')
        .replace(/(\d)\s*x\s*(?:\^\s*2|²)/g, '$1^2')
        .trim();
      if (lastResult !== null) {
        keys = keys.replace(/\bAns\b/g, lastResult);
        if (/^[-+×x*/÷]\s*\d/.test(keys)) keys = `${lastResult} ${keys}`;
      }
      out[i] = `${keys} = ${shown[2]}`;
      lastResult = shown[2].replace(/,/g, '');
      continue;
    }
    const stated = /=\s*(-?\d[\d,]*(?:\.\d+)?)\s*$/.exec(out[i]);
    if (stated) lastResult = stated[1].replace(/,/g, '');
    // (not a label's "Ans - 3(b)": a minus takes a number)
    if (lastResult !== null && /^\s*Ans\b\s*(?:[+×x*/÷^]|-\s*\d)/.test(out[i]))
      out[i] = out[i].replace(/^(\s*)Ans\b/, `$1${lastResult}`);
  }
  return out;
}

/** A result a console printed in the text: what computed it may be commands whose numbers stand elsewhere. */
export const printedByConsole = (text: string) =>
  text.split('\n').some((l) => PRINTED.test(l) || RESULT.test(l) || JULIA_VECTOR.test(l) || PROMPT.test(l));
