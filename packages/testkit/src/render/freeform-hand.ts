// The free-form corpus in handwriting: a plain-text script written by a writer subagent (its own
// wording, labels and layout, labelled from the rubric alone) copied out by hand in a Hershey stroke
// hand, then scanned or photographed. The true marks are the labeller's: what is on the page is the
// student's text, only in ink. Tune and held-out halves use different hands.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FreeformLabel, freeformLabels, freeformSources } from '../freeform.ts';
import { Rng } from '../rng.ts';
import type { Hand } from './hand.ts';
import { captureOf, HANDS, pageStyleOf, renderHandwritingPdf, type Split } from './handwriting.ts';
import { requireHershey } from './hershey.ts';
import type { Item } from './layout.ts';

/** Hands the committed handwriting set never uses: the held-out half of the free-form hand corpus. */
export const NEW_HANDS: Record<string, Hand> = {
  'script-complex': {
    id: 'script-complex',
    font: 'scriptc',
    slant: 0.18,
    size: 0.5,
    jitter: 0.5,
    wobble: 3.5,
    scaleVar: 0.07,
    baselineVar: 1,
    elastic: 2.2,
    pen: 1.2,
    penVar: 0.2,
    spacing: 0.9,
    ink: [20, 35, 120],
  },
  'italic-quick': {
    id: 'italic-quick',
    font: 'timesi',
    slant: 0.12,
    size: 0.48,
    jitter: 0.55,
    wobble: 4,
    scaleVar: 0.08,
    baselineVar: 1.1,
    elastic: 2.4,
    pen: 1.6,
    penVar: 0.25,
    spacing: 0.92,
    ink: [30, 30, 40],
  },
  'print-bold': {
    id: 'print-bold',
    font: 'futuram',
    slant: -0.03,
    size: 0.47,
    jitter: 0.5,
    wobble: 3.5,
    scaleVar: 0.07,
    baselineVar: 1,
    elastic: 2,
    pen: 1.4,
    penVar: 0.2,
    spacing: 0.94,
    ink: [35, 45, 95],
  },
};

// biome-ignore format: a table
const SUB: Record<string, string> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  '₊': '+', '₋': '-', '₌': '=', '₍': '(', '₎': ')', 'ₐ': 'a', 'ₑ': 'e', 'ₒ': 'o', 'ₓ': 'x', 'ₕ': 'h',
  'ₖ': 'k', 'ₗ': 'l', 'ₘ': 'm', 'ₙ': 'n', 'ₚ': 'p', 'ₛ': 's', 'ₜ': 't', 'ᵢ': 'i', 'ⱼ': 'j', 'ᵣ': 'r',
  'ᵤ': 'u', 'ᵥ': 'v',
};
// biome-ignore format: a table
const SUP: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '⁼': '=', '⁽': '(', '⁾': ')', 'ᵀ': 'T', 'ⁿ': 'n', 'ⁱ': 'i', 'ᵗ': 't', 'ᵏ': 'k',
};
/** What a pen writes for a typed character the stroke faces lack. */
// biome-ignore format: a table
const BY_HAND: Record<string, string> = {
  '≤': '<=', '≥': '>=', '≠': '=/=', '…': '...', '–': '-', '‘': "'", '’': "'", '“': '"', '”': '"',
  '∑': 'Σ', '√': 'sqrt', '∞': 'inf', '⋅': '·', '∗': '*', '⊗': '(x)', '⊕': '(+)', '≡': '=', '∼': '~',
  '≃': '≈', '∀': 'for all', '∇': 'grad', 'β': 'beta', 'γ': 'gamma', 'δ': 'delta', 'η': 'eta', 'θ': 'theta',
  'λ': 'lambda', 'μ': 'mu', 'τ': 'tau', 'φ': 'phi', 'ε': 'eps', 'Δ': 'delta', '│': '|', '─': '-',
  '┌': '+', '┐': '+', '└': '+', '┘': '+', '├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+', '═': '=',
  '║': '|', '✓': 'ok', '✗': 'x', '•': '-', '▸': '>', '→': '→', '⟹': '⇒', '⇒': '⇒', '\u00a0': ' ',
};

/**
 * One typed line as a hand writes it: Unicode and typed sub/superscripts (`C_(t-1)`, `cₜ`, `x^(2)`)
 * as real ones (`_{}`/`^{}` markup), symbols the stroke faces lack as a pen would write them, rules of
 * `=====` shortened to a stroke's length.
 */
export function handLine(typed: string): string {
  let s = typed.replace(/\t/g, '    ');
  s = s.replace(/([=\-_*~.])\1{11,}/g, (m) => m[0].repeat(12));
  s = [...s].map((ch) => BY_HAND[ch] ?? ch).join('');
  s = s.replace(/[₀-ₜᵢⱼᵣᵤᵥ]+/g, (m) => `_{${[...m].map((c) => SUB[c] ?? c).join('')}}`);
  s = s.replace(/[⁰¹²³⁴-⁾ᵀⁿⁱᵗᵏ]+/g, (m) => `^{${[...m].map((c) => SUP[c] ?? c).join('')}}`);
  // typed `_(t-1)` and `^(2)` group their sub/superscript with brackets; `_{...}` is already markup
  s = s.replace(/([_^])\(([^()\s]{1,12})\)/g, '$1{$2}');
  // a lone `_` or `^` before a space or at the end is a character, not markup
  return s;
}

/** The items of a handwritten copy of a plain-text script: one per line, indents kept. */
export function handItems(text: string): Item[] {
  const items: Item[] = [];
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    if (!raw.trim()) {
      if (items.at(-1)?.kind !== 'gap') items.push({ kind: 'gap', lines: 1 });
      continue;
    }
    if (raw.includes('\f')) items.push({ kind: 'pagebreak' });
    const lead = raw.replace(/\t/g, '    ').match(/^ */)?.[0].length ?? 0;
    items.push({
      kind: 'text',
      text: handLine(raw.replace(/\f/g, '').trim()),
      indent: Math.min(lead, 10) * 9,
    });
  }
  return items;
}

export interface FreeformHandScript {
  label: FreeformLabel;
  source: string;
  hand: string;
  split: Split;
}

/** Writes `<out>/<split>/<writer>-NN.pdf` for the typed scripts of `writers`, with `labels.json`. */
export async function generateFreeformHand(
  out: string,
  writers: string[],
  split: Split,
  seed: number,
  log: (s: string) => void = () => {},
): Promise<FreeformHandScript[]> {
  if (!writers.length) throw new Error('name the writers whose scripts to copy out (--writers a,b)');
  const labels = new Map(freeformLabels().map((l) => [l.file, l]));
  const hands = split === 'tune' ? HANDS : NEW_HANDS;
  const sources = freeformSources().filter((s) => writers.includes(s.writer) && s.format === 'typed');
  const missing = writers.filter((w) => !sources.some((s) => s.writer === w));
  if (missing.length) throw new Error(`no typed scripts for writer(s) ${missing.join(', ')}`);
  requireHershey();
  const dir = join(out, split);
  mkdirSync(dir, { recursive: true });
  const done: FreeformHandScript[] = [];
  const rng = new Rng(seed);
  for (const src of sources) {
    const pdfName = src.file.replace(/\.txt$/, '.pdf');
    const label = labels.get(pdfName);
    if (!label) throw new Error(`${pdfName} has no labels`);
    const r = rng.fork(done.length + 1);
    const handId = r.pick(Object.keys(hands));
    const format = r.chance(0.5) ? 'scan' : 'phone';
    const page = { ...pageStyleOf(r), ruled: r.chance(0.5) };
    const capture = captureOf(format, r);
    const t0 = performance.now();
    const { pdf, pages } = await renderHandwritingPdf({
      items: handItems(readFileSync(src.path, 'utf8')),
      hand: hands[handId],
      page,
      capture,
      renderSeed: r.int(1, 2 ** 30),
    });
    writeFileSync(join(dir, pdfName), pdf);
    done.push({ label: { ...label, format }, source: src.file, hand: handId, split });
    log(
      `${split}/${pdfName}: ${format}, ${handId}, ${pages} pages, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  // a copied pair is only visible with both scripts in the set (the other may be LaTeX or office)
  const inSet = new Set(done.map((d) => d.label.file));
  for (const d of done)
    if (d.label.similar_to && !inSet.has(d.label.similar_to))
      d.label = { ...d.label, similar_to: null, flags: d.label.flags.filter((f) => f !== 'similarity') };
  const file = join(dir, 'labels.json');
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as FreeformLabel[]).filter(
        (l) => !done.some((d) => d.label.file === l.file),
      )
    : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...done.map((d) => d.label)], null, 1)}\n`);
  return done;
}
