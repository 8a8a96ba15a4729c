// Notations other courses, tools and editors teach, read as the exam's own symbols: time as a
// function's argument (c(t-1)), the Coursera course's Γ_f and c<t>, AsciiMath's odot, an entry's
// index glued on after a comma, and pdfTeX's big operator left at a formula line's end.

/** `s` with those notations rewritten in the exam's symbols (a step of normalizeMath). */
export function courseNotations(s: string): string {
  // time (or a weight's gate) as a function's argument, typed without subscripts: c(t-1), h(t),
  // f(t+1), s(k-1), h(j), W(f), b(f), dL/dc(t); only these arguments, so f(x) stays a function
  s = s.replace(
    /(?<![A-Za-ce-z\\])([A-Za-z])(~?)\(\s*(t|T|k|j|t\s*[+\-−]\s*1|k\s*[-−]\s*1|kj|f|c|C~?)\s*\)/g,
    (_m, b: string, tl: string, a: string) => {
      const idx = a.replace(/\s+/g, '').replace('−', '-');
      return `${b}${tl}_${idx.length > 1 ? `{${idx}}` : idx}`;
    },
  );
  // pdfTeX's ∑ or ∏ of a display below, left as a capital at the end of a formula's line
  // ("ekj = sTk−1hj P"): no factor of it
  s = s.replace(/^([^\n=]*=[^\n]*[A-Za-z}])\s+[PXQY]\s*$/gm, '$1');
  // AsciiMath, as assistive tools type it: odot, xx, frac(a)(b) (its del is read below)
  s = s
    .replace(/(?<=[\w)}\]]\s*)\b(?:odot|xx|otimes|circ)\b(?=\s*[\w([{])/g, '*')
    .replace(/\bfrac\s*\(([^()]*)\)\s*\(([^()]*)\)/g, '($1)/($2)');
  // an entry's index glued on after a comma, as a plain editor or a converter leaves it
  // (`sk,d hj,d`: s_{k,d} h_{j,d}); a list's comma has a space after it, or a longer name
  s = s.replace(/(?<![A-Za-z_\\])([A-Za-z])([a-z]|\d),([a-z]|\d)(?![\w(])/g, '$1_{$2,$3}');
  // an LSTM vector's entry k written with its time index (`c_{t,k}`, `ct+1,k`, `h_t[k]`, `f_{t+1}[i]`):
  // an identity for every entry is the element-wise one, read as the vectors (a numbered entry,
  // `C_t(2) = 0.2`, is a value and stays)
  // (with the Kronecker delta of two entries, `∂c_{t+1,i}/∂c_{t,j} = δ_ij f_{t+1,i}`, which is 1 on them)
  s = s
    .replace(/δ_?\{?(?:ij|ji)\}?\s*(?=[A-Za-z(])/g, '')
    .replace(
      /(?<![A-Za-ce-z_\\])([cChfio]~?)_?(?:\{\s*(t\s*[+\-−]\s*1|t|T)\s*,\s*[kijmn]\s*\}|(t[+\-−]1|t|T),[kijmn])(?![\w(])/g,
      (_m, b: string, braced?: string, bare?: string) =>
        `${b}_{${(braced ?? bare ?? '').replace(/\s+/g, '')}}`,
    )
    .replace(/(?<![A-Za-ce-z_\\])([cChfio]~?_(?:\{[^{}\n]+\}|[tT]))\s*\[\s*[kijmn]\s*\]/g, '$1');
  // the Coursera course's notation: gates Γ_f, Γ_u (update: the input gate), Γ_o (typed "Gamma_f"), and time as an
  // angle-bracket superscript, c^{<t>}, c<t-1>, a<t> (its a is the hidden state h)
  const ANGLE_T = String.raw`\s*\^?\s*\{?\s*[<⟨〈]\s*t\s*(?:([+\-−])\s*1)?\s*[>⟩〉](?:\s*\})?`;
  const GATE: Record<string, string> = { f: 'f', u: 'i', o: 'o' };
  s = s
    .replace(
      new RegExp(String.raw`(?:[Γγ]|\bGamma)\s*_?\s*\{?\s*([fuo])(?:\s*\})?(?!${ANGLE_T})`, 'g'),
      (_m, g: string) => `${GATE[g]}_t`,
    )
    .replace(/(?:[Γγ]|\bGamma)\s*_?\s*\{?\s*([fuo])(?:\s*\})?/g, (_m, g: string) => GATE[g])
    .replace(
      // (after a derivative's d: dL/dc^{<t>})
      new RegExp(`(?<![A-Za-ce-z])([A-Za-z])(~?)${ANGLE_T}`, 'g'),
      (_m, b: string, tl: string, sign?: string) =>
        `${b === 'a' ? 'h' : b}${tl}_${sign ? `{t${sign === '+' ? '+' : '-'}1}` : 't'}`,
    );
  return s;
}
