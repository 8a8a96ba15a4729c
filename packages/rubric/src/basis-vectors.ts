// Vectors written in a basis, as physics and linear-algebra texts write them: `0.7 e₁ + 0.2 e₂ +
// 0.05 e₃`, `0.2 î + 0.4 ĵ + 0.8 k̂`, `(1)(0.2) e_1 + (0.5)(0.4) e_2 + …`. Read as the tuple of their
// components, `(0.7, 0.2, 0.05)`, a component left out being 0 ("0.6044 î", "î + 0.5 k̂"); a basis
// vector named alone ("the ĵ component") is left as it is.

/** A basis vector and its index: e₁, e_1, e_{2}, e1 (alone, not a number's exponent "3e1"); î ĵ k̂. */
const BASIS = String.raw`(?:(?<![\w.])e(?:[₁-₉]|_?\{?[1-9]\}?)(?![\w])|[îĵ]|[ijk]\u0302|\u00ee)`;
/** A component's coefficient: a number, brackets multiplied ("(1)(0.2)"), a function of a number, products of those. */
const FACTOR = String.raw`(?:\d*\.?\d+|\([^()]*\)|[a-z]{2,5}\s*\(\s*[^()]*\))`;
const COEF = String.raw`${FACTOR}(?:\s*[·*×]?\s*${FACTOR})*`;
const TERM = String.raw`(?:${COEF}\s*[·*]?\s*)?${BASIS}`;
const SUM = new RegExp(String.raw`(?:[-−]\s*)?${TERM}(?:\s*[+−-]\s*${TERM})*`, 'gu');
const ONE = new RegExp(String.raw`^([-−])?\s*(?:(${COEF})\s*[·*]?\s*)?(${BASIS})$`, 'u');

function indexOf(basis: string): number {
  if (/^[î\u00ee]$|^i\u0302$/u.test(basis)) return 1;
  if (/^ĵ$|^j\u0302$/u.test(basis)) return 2;
  if (/^k\u0302$/u.test(basis)) return 3;
  const sub = /[₁-₉]/u.exec(basis)?.[0];
  return sub ? sub.charCodeAt(0) - 0x2080 : Number(/\d/.exec(basis)?.[0]);
}

/** The answer's lines with each sum over a basis written as its tuple of components. */
export function basisVectors(lines: string[]): string[] {
  const text = lines.join('\n');
  const uses = [...text.matchAll(new RegExp(BASIS, 'gu'))].map((m) => indexOf(m[0]));
  if (!uses.length) return lines;
  // (as many components as the part's largest index; î ĵ k̂ are three)
  const hat = /[îĵ\u00ee]|[ijk]\u0302/u.test(text);
  const n = Math.max(...uses, hat ? 3 : 0);
  if (n < 2 || n > 9) return lines;
  return lines.map((line) =>
    line.replace(SUM, (sum) => {
      const parts = sum.split(new RegExp(String.raw`\s*(?=[+−-]\s*(?:${COEF}\s*[·*]?\s*)?${BASIS})`, 'u'));
      // (a basis vector named alone, "the ĵ and k̂ components", is no vector written out)
      if (parts.length === 1 && !ONE.exec(parts[0].trim())?.[2]) return sum;
      const comps: string[] = Array(n).fill('');
      for (const raw of parts) {
        const m = ONE.exec(raw.replace(/^\+\s*/, '').trim());
        if (!m) return sum;
        const k = indexOf(m[3]) - 1;
        const coef = m[2]?.trim() || '1';
        const term = m[1] ? `-${coef}` : coef;
        comps[k] = comps[k] ? `${comps[k]} + ${term}` : term;
      }
      return `(${comps.map((c) => c || '0').join(', ')})`;
    }),
  );
}
