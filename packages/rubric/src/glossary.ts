// A script's own glossary, set out before its answers. Its sizes ("n = hidden / cell size = 3",
// "m = input size = 2", "d_h: number of hidden units") are the student's symbols for the sizes the
// exam's parameters name: an answer written in them ("W_f : n x (n + m) = 3 x 5") is read with the
// exam's symbols (n_h, n_x), which the rubric's reasons know. Its numbered assumptions ("1. W_f is
// written input-dim × output-dim") are read with an answer that cites them ("By assumption 1, …").
import type { ExtractedScript } from '@grader/model';
import { escapeRegExp, headedLists, LIST_HEADING, ordinal } from '@grader/parse';

/** The size a definition names, and the symbol the rubric reads for it. */
const SIZES: Array<{ words: RegExp; symbol: string }> = [
  {
    words:
      /^(?:the\s+)?(?:hidden|cell|hidden\s*\/\s*cell|cell\s*\/\s*hidden|state)\s+(?:size|dim(?:ension)?|units?|width)\b|^(?:the\s+)?number\s+of\s+hidden\s+units\b/i,
    symbol: 'n_h',
  },
  { words: /^(?:the\s+)?input\s+(?:size|dim(?:ension)?|width|length)\b/i, symbol: 'n_x' },
];

/** Symbols a student may not take for a size: the model's own (h, x, c, …) and the operators'. */
const RESERVED = /^(?:[hxcfiosyWbLCVeTtkj]|ht|xt|ct)$/;

/**
 * "SYMBOL (=|:|≔|-|is|denotes)? SIZE-WORDS": the definitions in the lines outside every answer,
 * as a map from the student's symbol to the rubric's.
 */
function sizeSymbols(script: ExtractedScript): Map<string, string> {
  const out = new Map<string, string>();
  const def =
    /(?:^|[\s,;(])([A-Za-z](?:_\{?[A-Za-z]{1,6}\}?)?)\s*(?:=|:=|≔|:|—|–|-|\bis\b|\bdenotes\b)?\s*(?=\S)/g;
  for (const line of script.unlabelled) {
    const text = line.text;
    for (let m = def.exec(text); m; m = def.exec(text)) {
      const sym = m[1];
      if (RESERVED.test(sym.replace(/[_{}]/g, ''))) continue;
      const rest = text.slice(m.index + m[0].length);
      const size = SIZES.find((s) => s.words.test(rest));
      if (size && !out.has(sym)) out.set(sym, size.symbol);
    }
    // its value given with the size in brackets, "k := 3 (cell size)": a letter the model also uses
    // (k, j) is the student's size here, so long as it names none of the model's vectors
    for (const m of text.matchAll(VALUED)) {
      const size = SIZES.find((s) => s.words.test(m[2].trim()));
      if (size && !OWN_VECTORS.test(m[1]) && !out.has(m[1])) out.set(m[1], size.symbol);
    }
  }
  return out;
}

/** "SYMBOL := VALUE (SIZE-WORDS)" */
const VALUED = /(?:^|[\s,;(])([A-Za-z])\s*(?::=|≔|=)\s*\d+\s*\(([^()]*)\)/g;
/** The model's vectors and matrices, which a definition never turns into a size. */
const OWN_VECTORS = /^[hxcfiosyWbLCVeTt]$/;

/**
 * Where a size symbol stands as itself: not a letter of a word, an identifier's, or a subscript; nor
 * a subscript in braces, "s_{k-1}", where a size letter is also the model's index; a flattened power
 * after ℝ, "Rk×(k+n)", is the size.
 */
const symbolAt = (sym: string) =>
  new RegExp(`(?:(?<=\\bR)|(?<![A-Za-z0-9_\\\\]))(?<!_\\{)${escapeRegExp(sym)}(?![A-Za-z0-9_])`, 'g');

/** `lines` with the script's size symbols written as the rubric's ("n x (n + m)" → "n_h x (n_h + n_x)"). */
export function withSizeSymbols(lines: string[], symbols: Map<string, string>): string[] {
  if (!symbols.size) return lines;
  return lines.map((line) => {
    let out = line;
    for (const [sym, to] of symbols) out = out.replace(symbolAt(sym), to);
    return out;
  });
}

/**
 * Whether an answer writes the script's size symbols, and only ever one to a line ("b_f : n = 3",
 * "b_f ∈ R^k"): a letter that gives the size only through a definition elsewhere, never worked with
 * ("k × (k + n)" works with them).
 */
export function loneSizeSymbols(text: string, symbols: Map<string, string>): boolean {
  const counts = text
    .split('\n')
    .map((line) => [...symbols.keys()].reduce((n, sym) => n + (line.match(symbolAt(sym))?.length ?? 0), 0));
  return counts.some((n) => n > 0) && counts.every((n) => n <= 1);
}

/** "by assumption 1", "(uses A1, A2)", "assumption (ii)" */
const CITE = /\bassumptions?\s*\(?(\d{1,2}|[ivx]{1,4})\b\)?|\bA(\d{1,2})\b/gi;

/** The items of the script's numbered list under its "Assumptions" heading, by number. */
function assumptions(script: ExtractedScript): Map<number, string> {
  const texts = script.unlabelled.map((l) => l.text);
  const items = headedLists(texts).filter((it) => {
    // (the list's own heading says which: "Notation" lists are read as sizes, above)
    let h = it.index - 1;
    while (h >= 0 && !LIST_HEADING.test(texts[h])) h--;
    return h >= 0 && /assumption/i.test(texts[h]);
  });
  return new Map(items.map((it) => [it.n, it.text]));
}

/** What the answers of one script are read with: its size symbols and its assumptions. */
export interface Glossary {
  sizes: Map<string, string>;
  assumptions: Map<number, string>;
  /** the text outside every answer when it defines symbols (`δ_t := ∂L/∂c_t`, `a_t := f_t`): a notation read everywhere */
  notation: string[];
}

export function scriptGlossary(script: ExtractedScript): Glossary {
  return {
    sizes: sizeSymbols(script),
    assumptions: assumptions(script),
    // (as one text: a definition wraps across lines, "μ_t :=" | "∂L/∂h_t")
    // (or under its own heading, "Notation (used throughout): Δc_t = ∂L/∂c_t")
    notation: [script.unlabelled.map((l) => l.text).join(' ')].filter(
      (t) => /:=|≔|≜/.test(t) || /\b(?:notation|symbols used)\b/i.test(t),
    ),
  };
}

/** The assumptions an answer cites, each once, as a line to read with it (or ''). */
export function citedAssumptions(text: string, glossary: Glossary): string {
  if (!glossary.assumptions.size) return '';
  const cited = new Set<number>();
  for (const m of text.matchAll(CITE)) cited.add(ordinal(m[1] ?? m[2]));
  return [...cited]
    .map((n) => glossary.assumptions.get(n))
    .filter(Boolean)
    .join('\n');
}
