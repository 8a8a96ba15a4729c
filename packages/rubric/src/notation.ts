// A script's own notation: the names a student gives the loss's derivatives, the gates, tanh and the
// gate's stacked input (`δ_t := ∂L/∂c_t`, `a_t := f_t`, `th := tanh`, `z_t := [h_{t−1}, x_t]`), written
// out in the model's symbols so an answer reads in the rubric's terms.
import { escapeRegExp, normalizeMath } from '@grader/parse';

/** What a definition names: a derivative of the loss, a gate or the candidate, tanh, the stacked input. */
type Kind = 'loss' | 'gate' | 'tanh' | 'input';

// the model's own symbols: a student's shorthand is never one of these
export const MODEL_SYMBOLS = new Set(['c', 'h', 'f', 'i', 'o', 's', 'x', 'y', 'W', 'b', 'L', 'C', 'V', 'e']);

/** The model's symbols a gate's own name may not be: the gates, the states, the input. */
const GATE_SYMBOLS = new Set(['c', 'h', 'f', 'i', 'o', 'x', 'C', 'L']);

/** A time step as an index: `t`, `t+1`, `T-1`, `2` (not an attention score's `kj`). */
const STEP = '\\s*[A-Za-z0-9]\\s*(?:[+-]\\s*\\d\\s*)?';

/**
 * A shorthand the student defines for a derivative of the loss (`δ_t := ∂L/∂c_t`, `g_t = dL/dc_t`)
 * written out wherever it is used after the definition, at any index (`δ_{t+1}` is `dL/dc_{t+1}`),
 * so their expression reads in the rubric's terms; so is a name of its own for a gate, the candidate,
 * tanh or the stacked input (`a_t := f_t`, `γ_t := C̃_t`, `th := tanh`, `z_t := [h_{t−1}, x_t]`), each
 * at a time step only. Definitions in the script's notation before its answers
 * (`preamble`) hold everywhere. Lines without a definition in force are kept as written.
 */
export function withDefinitions(lines: string[], preamble: string[] = []): string[] {
  const defs: { at: number; end: number; base: string; target: string; kind: Kind }[] = [];
  const find = (raw: string, at: number) => {
    // (a Greek or capital letter's subscript may have lost its underscore in the text layer: "εt :=
    // ∂L/∂ht", "Gt := ∂L/∂ct"; a typeset fraction comes bracketed, "∆t := (∂L)/(∂ct)")
    // (or a difference sign before the quantity's own letter: "Δc_t = ∂L/∂c_t", "δh_t = ∂L/∂h_t")
    const re =
      /(?:^|[\s,;:(])([∆Δδ∇][a-z]|[A-Za-zΑ-Ωα-ωϑϕϖϵϱ∆])(?:_|(?<=[Α-Ωα-ωϑϕϖϵϱ∆A-Z]))\{?([a-z])\}?\s*=\s*\(?dL\)?\/\(?d([A-Za-z])_?\{?([a-z])\}?\)?(?=$|[\s,;.)])/g;
    // (said in words: "Write D(t) for ∂L/∂c_t", "δ_t stands for ∂L/∂c_t")
    const line = normalizeMath(raw).replace(
      /(?<=^|[\s,;:(])([∆Δδ∇][a-z]|[A-Za-zΑ-Ωα-ωϑϕϖϵϱ∆])_\{?t\}?\s+(?:for|denotes?|to denote|stands? for)\s+(?=\(?dL\)?\/)/g,
      '$1_t = ',
    );
    // (`e`, an attention score elsewhere, is a shorthand where the student says it is one: `e_t := …`)
    const explicit = /:=|≔|≜/.test(raw);
    for (let m = re.exec(line); m; m = re.exec(line))
      if (
        m[2] === m[4] &&
        (m[1].length === 1 || m[1][1] === m[3]) &&
        (!MODEL_SYMBOLS.has(m[1]) || (explicit && m[1] === 'e'))
      )
        defs.push({ at, end: m.index + m[0].length, base: m[1], target: m[3], kind: 'loss' });
    if (!explicit) return;
    // a gate's, the candidate's or tanh's own name, only as a definition says it: `a_t := f_t`, `γ_t := C̃_t`, `τ := tanh`
    const gate = /(?:^|[\s,;:(])([A-Za-zΑ-Ωα-ωϑϕϖϵϱ])_?\{?t\}?\s*=\s*([fio]|C~)_?\{?t\}?(?=$|[\s,;.)])/g;
    for (let m = gate.exec(line); m; m = gate.exec(line))
      // (`b_t := i_t` too: a bias is never indexed by a time step, and only time steps are rewritten)
      if (!GATE_SYMBOLS.has(m[1]) && m[1] !== m[2])
        defs.push({ at, end: m.index + m[0].length, base: m[1], target: m[2], kind: 'gate' });
    const tanh = /(?:^|[\s,;:(])([A-Za-zΑ-Ωα-ωϑϕϖϵϱ]{1,2})\s*=\s*tanh\b(?!\s*\()/g;
    for (let m = tanh.exec(line); m; m = tanh.exec(line))
      if (!MODEL_SYMBOLS.has(m[1]))
        defs.push({ at, end: m.index + m[0].length, base: m[1], target: 'tanh', kind: 'tanh' });
    // the gate's stacked input under a name of its own: `z_t := [h_{t−1}, x_t]`
    const concat =
      /(?:^|[\s,;:(])([A-Za-z])_?\{?t\}?\s*=\s*(\[\s*h_?\{?t\s*-\s*1\}?\s*[,;]\s*x_?\{?t\}?\s*\])/g;
    for (let m = concat.exec(line); m; m = concat.exec(line))
      if (!GATE_SYMBOLS.has(m[1]) && m[1] !== 'W')
        defs.push({ at, end: m.index + m[0].length, base: m[1], target: m[2], kind: 'input' });
  };
  for (const raw of preamble) find(raw, -1);
  for (const [at, raw] of lines.entries()) find(raw, at);
  if (!defs.length) return lines;
  return lines.map((raw, i) => {
    const mine = defs.filter((d) => i >= d.at);
    if (!mine.length) return raw;
    let line = normalizeMath(raw);
    for (const d of mine) {
      const esc = escapeRegExp(d.base);
      const write = (t: string) => {
        // (at its own step only: `z_t`, `zt` as a text layer has it)
        if (d.kind === 'input')
          return t.replace(new RegExp(`(?<![A-Za-z/\\\\])${esc}_?\\{?t\\}?(?![A-Za-z0-9])`, 'g'), d.target);
        if (d.kind === 'tanh')
          return t.replace(
            new RegExp(
              `(?<![A-Za-z\\\\])${esc}(?=\\s*(?:\\^?\\{?\\d\\}?)?\\s*['′]?\\s*\\(|\\s*['′^]|\\s+[a-z]_)`,
              'g',
            ),
            'tanh',
          );
        // (at any index, braced, bracketed or bare: `δ_{t+1}`, `δ_(t+1)`, `δ_t`)
        const use = new RegExp(
          `(?<![A-Za-z/])${esc}_${/[Α-Ωα-ωϑϕϖϵϱ∆A-Z]/.test(d.base) ? '?' : ''}(\\{${STEP}\\}|\\(${STEP}\\)|${d.kind === 'gate' ? '[tTkjlmnsJKLMNS0-9]' : '[A-Za-z0-9]'}(?:[+-]1)?)(?![A-Za-z0-9])`,
          'g',
        );
        const idx = (x: string) => x.replace(/^\((.*)\)$/, '{$1}');
        return t.replace(use, (_m, x: string) =>
          d.kind === 'gate' ? `${d.target}_${idx(x)}` : `dL/d${d.target}_${idx(x)}`,
        );
      };
      // the definition itself stays as the student wrote it
      line = i === d.at ? line.slice(0, d.end) + write(line.slice(d.end)) : write(line);
    }
    return line;
  });
}
