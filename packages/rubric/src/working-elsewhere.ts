// Doubts about working kept away from its answer: pointed to elsewhere, set out in appendices, once for a
// whole question under a guessed heading, or above the answer's own label (a lab report's result last).
// Each sends a part that lost marks for working not found to a person, who reads it there.
import type { PartAnswer } from '@grader/model';
import { APPENDIX_HEADING, closeTo, escapeRegExp, findNumbers } from '@grader/parse';
import { analyse, canonicalSymbol } from './evidence.ts';
import { continuedElsewhere } from './flags.ts';
import { quote } from './format.ts';
import { derivedSymbol, type PartDoubt } from './items/index.ts';
import { asNumbers } from './keys.ts';
import { questionNumber } from './part-id.ts';
import { definedSymbol, PLACED_CONF } from './placement.ts';
import { derivationShown } from './working.ts';

/** Two numbers the same as read (a stated value and what its working computes). */
const near = (a: number, b: number) => closeTo(a, b, { rel: 1e-3, abs: 5e-4 });

/** A computation that comes to a number of its own: one that only repeats an operand, "1x1x3 = 3", computes nothing. */
const computes = (c: { value: unknown; text: string }) =>
  typeof c.value === 'number' &&
  !(c.text.split('=')[0].match(/\d+(?:\.\d+)?/g) ?? []).some((n) => near(Number(n), c.value as number));

/** An answer that sends the reader elsewhere for its last word ("see the note at the end of the script"). */
export const pointsElsewhere: PartDoubt = ({ part, answer, score }) => {
  const line =
    score < part.points ? answer?.lines.find((l) => continuedElsewhere(l.text, l.page))?.text : undefined;
  return line
    ? { conf: 0.5, reason: `the answer points elsewhere ("${quote(line)}"): a person reads the rest` }
    : null;
};

/** An answer pointing to its working kept apart: "[working in App. A.2]", "see Annexure IV", "(working at the end, W1)". */
const WORK_APART =
  /\b(?:see|in|from)\s+(?:appendix|annex(?:ure)?|app\.)\s*~?\s*(?:[A-H]|[IVX]{1,4}|\d{1,2})\b|(?<!rough\s)\b(?:working|work|calculations?|derivation|steps)\s+(?:is\s+|are\s+)?(?:at the end|overleaf|in (?:the )?(?:appendix|annex\w*))/i;
/** An answer pointing to rough work: "(rough work 1)", "(see rough work at the end)" (for its own part only). */
const ROUGH_POINTER = /\((?:see\s+)?rough\s+work\b[^()]{0,20}\)/i;

/**
 * Marks withheld for missing working in a script that keeps its working apart (appendices at the
 * end, or answers pointing there: "C_t = (0.7, 0.2, 0.05)  [working in App. A.2]"), or on an answer
 * that points to rough work of its own: the working may be there, where a person reads it.
 */
export const workInAppendix: PartDoubt = ({ part, answer, script, results, score }) => {
  if (score >= part.points || !results.some((r) => r.bare)) return null;
  // (its own pointer, or another answer's: "(working at the end, W1)" under 1(b)(i), "(W1)" under 1(b)(ii))
  const said =
    answer.lines.find((l) => WORK_APART.test(l.text) || ROUGH_POINTER.test(l.text)) ??
    Object.values(script.parts)
      .flatMap((p) => p.lines)
      .find((l) => WORK_APART.test(l.text)) ??
    // (ingest keeps a script's appendices out of its answers)
    script.unlabelled.find((l) => APPENDIX_HEADING.test(l.text));
  return said
    ? { conf: 0.5, reason: `its working is kept elsewhere ("${quote(said.text)}"): a person reads it there` }
    : null;
};

/**
 * Marks withheld for missing working from an answer whose label stands after its working ("Aim /
 * Procedure / … / Result: Ans 5 multiplications = …", a lab report's results last), where that working
 * was read as the answer before its question or as text before the first label: a computation there
 * comes to a number this answer states (the 199 of "199 × 199 × 3"), or an equation there ends in the
 * vector it states ("C_t = [0.7, 0.2, 0.05]" under "CALCULATION:"), and a person reads it as this
 * answer's working.
 */
export const workAboveItsLabel: PartDoubt = ({ part, answer, script, results, score, ctx }) => {
  if (score >= part.points || !results.some((r) => r.bare)) return null;
  const values = results.filter((r) => r.bare).map((r) => asNumbers(r.value) ?? []);
  const stated = values.flat().filter((n) => n !== 0 && n !== 1);
  const derives = part.caps.some((c) => c.without === 'derivation') && ctx.derivation() === null;
  if (!stated.length && !derives) return null;
  // (the answer before this question's first, or the text before any label: never a sibling's own
  // answer, whose reason the course does not carry over, 3(a)'s to a bare 3(b))
  let from = script.order.indexOf(answer.partId);
  while (from > 0 && questionNumber(script.order[from - 1]) === questionNumber(part.id)) from--;
  const lines = from === 0 ? script.unlabelled : (script.parts[script.order[from - 1]]?.lines.slice(1) ?? []);
  // text read as no answer's, standing between the answer before and this one, a few lines above it (a
  // question's sheet of sizes under its heading, "dim [h_t-1, x_t] | =C2+C3 | 5", then "(a) W_f | … |
  // 3 x 5"): a person reads whether it is this answer's working
  // (right below the answer before it: 3(a)'s block is no text above 3(b))
  const first = answer.lines[0];
  const at = script.order.indexOf(answer.partId);
  const last = at > 0 ? script.parts[script.order[at - 1]]?.lines.at(-1) : undefined;
  const above = (a: { page: number; box: { y: number } }, b: { page: number; box: { y: number } }) =>
    a.page < b.page || (a.page === b.page && a.box.y < b.box.y);
  const between =
    at > 0 && first
      ? script.unlabelled.filter(
          (l) =>
            l.page === first.page &&
            above(l, first) &&
            first.box.y - l.box.y < 10 * first.box.h &&
            (!last || above(last, l)) &&
            /\d/.test(l.text) &&
            /\p{L}{2}/u.test(l.text),
        )
      : [];
  if (between.length)
    return {
      conf: 0.5,
      reason: `text above this answer's label was read as no answer's ("${quote(between[0].text)}"): a person checks whether it is the working`,
    };
  // (a sibling's answer is none of this one's working, but a line in it that names this part's own
  // quantity and works out a number this answer states is: the question's parts set out together,
  // "3/a, 3/b, 3/c" over "E13 = E10 × 1 = 3 × 1 (shape of bf)", then each answer under its label)
  const names = part.items.flatMap((i) => ('names' in i ? (i.names ?? []) : [])).map(statedOf);
  const ownLine = script.order
    .slice(from, at)
    .flatMap((id) => script.parts[id]?.lines ?? [])
    .find(
      (l) =>
        /=/.test(l.text) &&
        names.some((re) => re.test(l.text)) &&
        findNumbers(l.text.slice(l.text.indexOf('=') + 1)).some((x) => stated.some((n) => near(n, x.value))),
    );
  if (ownLine)
    return {
      conf: 0.5,
      reason: `a line in another answer works out this part's own quantity ("${quote(ownLine.text)}"): a person checks whether it is the working`,
    };
  if (!lines.length) return null;
  // (lines read as an answer of their own, this part's)
  const read = (ls: PartAnswer['lines']) =>
    analyse({ ...answer, text: ls.map((l) => l.text).join('\n'), lines: ls });
  const ev = read(lines);
  // (a derivation set out above the result: "dh_t/dc_t = o_t (.) (1 - tanh^2(c_t))", "dc_t+1/dc_t = f_t+1")
  if (derives) {
    if (derivationShown(read([...lines, ...answer.lines]), derivedSymbol(part)) !== null)
      return {
        conf: 0.5,
        reason: `the derivation for this answer may stand above its label ("${quote(lines[0].text)}"): a person checks`,
      };
    if (!stated.length) return null;
  }
  const found =
    ev.computations.find((c) => computes(c) && stated.some((n) => near(n, c.value as number)))?.text ??
    values
      .filter((v) => v.length >= 2)
      .flatMap((v) =>
        lines.filter((l) => {
          const ns = findNumbers(l.text.slice(l.text.lastIndexOf('=') + 1)).map((n) => n.value);
          return l.text.includes('=') && ns.length === v.length && v.every((x, i) => near(x, ns[i]));
        }),
      )[0]?.text;
  return found
    ? {
        conf: 0.5,
        reason: `working for this answer may stand above its label ("${quote(found)}"): a person checks`,
      }
    : null;
};

/**
 * A line's statement about a symbol, as a text layer may write it (`b_f` as b_f, b_{f}, bf, not inside
 * a word): the symbol as its subject, "b_f : …", "bf is …", "b_f ∈ …", or named as what is sized,
 * "(shape of bf)" — not a symbol inside another quantity's formula, "σ(W_f z + b_f)".
 */
function statedOf(name: string): RegExp {
  const [base, sub] = name.split('_');
  // (a subscript's braces, `C_{t-1}`, dropped from its letters: the pattern allows one before and after it)
  const esc = (t: string) => escapeRegExp(t).replace(/\\\{|\\\}/g, '');
  const sym = sub
    ? `(?<![\\p{L}])${esc(base)}[_{\\s]{0,2}${esc(sub)}\\}?(?![\\p{L}])`
    : `(?<![\\p{L}])${esc(base)}(?![\\p{L}])`;
  return new RegExp(`(?:shape|size|dim\\w*)\\s+(?:of\\s+)?${sym}|${sym}\\s*(?:[:=∈]|is\\b)`, 'iu');
}

/** Words that state a quantity without a reason for it ("b_f has shape 3 × 1", "its dimension is 3"). */
const PLAIN_WORDS =
  /^(?:has|have|the|its|and|also|shape|size|dimensions?|dim|vector|column|row|matrix|bias(?:es)?|dimensional|thus|hence|then|therefore|answer|final|result|will|would|should|must|will|real|with|entries|elements)$/i;

/** A line's words apart from its symbols and function names ("b_f", "R^{3}", "tanh"). */
const stripSymbols = (text: string) =>
  text.replace(/\b(?:[A-Za-z](?:_\{?[A-Za-z0-9~+-]{1,4}\}?)?|tanh|sigma|sigmoid|diag|softmax)\b/g, ' ');

/**
 * Marks withheld for missing working from a part whose question sets its working out once, ahead of
 * the parts' results, under a heading read as its first part ("Problem 3" / Given / Method / Check,
 * then "Result: (a) 3 × 5  (b) 3 × 1"), with a step in words on this part's own quantity ("b_f has one
 * entry per cell unit"): the reason may be that step, where a person reads it.
 */
export const workInQuestionBlock: PartDoubt = ({ part, answer, script, results, score }) => {
  if (score >= part.points || !results.some((r) => r.bare)) return null;
  const at = script.order.indexOf(answer.partId);
  const names = new Set(part.items.flatMap((i) => (i.type === 'value' ? i.names.map(canonicalSymbol) : [])));
  for (const a of Object.values(script.parts)) {
    if (
      a.partId === part.id ||
      questionNumber(a.partId) !== questionNumber(part.id) ||
      a.labelConf > PLACED_CONF ||
      script.order.indexOf(a.partId) > at
    )
      continue;
    // (a step of it about this part's own quantity, in words: "b_f has one entry per cell unit")
    const step = a.lines.find((l) => {
      // (set in a space as well as equal to a value: "b_f ∈ R^3 to match …")
      const sym = definedSymbol(l.text.replace(/∈/g, '='));
      const words = stripSymbols(l.text).match(/\p{L}{3,}/gu) ?? [];
      return sym !== null && names.has(canonicalSymbol(sym)) && words.some((w) => !PLAIN_WORDS.test(w));
    });
    if (step)
      return {
        conf: 0.5,
        reason: `its question's working is set out once, under a heading read as ${a.partId} (a guessed label), with a step on this part ("${quote(step.text)}"): a person checks whether it gives the reason`,
      };
  }
  return null;
};

/**
 * Marks withheld for missing working from an answer whose value another question's answer works out
 * (a table of answers, then a "Working" section read into another answer: "3 × 1" under 3(b), "so
 * W_f is 3 × 2 and b_f is 3 × 1" read as 1(b)(ii)'s; "36" under 3(c), "4 × 9 = 36" there): a
 * computation there that comes to a number this answer states, or a line naming this part's
 * quantity with every number it states, and a person reads whether it is this answer's working.
 */
export const workInAnotherAnswer: PartDoubt = ({ part, script, results, score, ctx }) => {
  // (a bare answer's value, or a wrong one's written with no working at all, which its working
  // elsewhere may carry forward; a count's or a shape's, not a diagram's position)
  const values = new Set(part.items.filter((i) => i.type === 'value').map((i) => i.id));
  const unworked = ctx.ev.computations.length === 0;
  const lost = results.filter(
    (r) => values.has(r.id) && (r.bare || (unworked && r.awarded < r.max && r.value !== undefined)),
  );
  if (score >= part.points || !lost.length) return null;
  // (a number of two digits at least: a 3 or a 9 another answer computes is as likely chance)
  const stated = lost.flatMap((r) => asNumbers(r.value) ?? []).filter((n) => Math.abs(n) >= 10);
  if (!stated.length) return null;
  // (not a line of final answers listed together, "final: C_t (0.7, …), 9 extra params, 54 params")
  // (a digit group's comma, "3,027,102", separates nothing)
  const listed = (text: string) =>
    (text
      .replace(/\([^()]*\)|\[[^\]]*\]|\{[^}]*\}/g, '')
      .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
      .match(/[,;]/g)?.length ?? 0) >= 2;
  const names = part.items
    .flatMap((i) => ('names' in i ? (i.names ?? []) : []))
    .map((n) => canonicalSymbol(n).replace(/[_{}]/g, '').toLowerCase())
    .filter((n) => n.length >= 2);
  for (const other of Object.values(script.parts)) {
    if (questionNumber(other.partId) === questionNumber(part.id) || !other.lines.length) continue;
    const ev = analyse(other);
    const computed = ev.computations.find(
      (c) =>
        computes(c) && !listed(ev.lines[c.line] ?? c.text) && stated.some((n) => near(n, c.value as number)),
    );
    const named = other.lines.find((l) => {
      if (listed(l.text)) return false;
      const flat = l.text.replace(/[_{}]/g, '').toLowerCase();
      const ns = findNumbers(l.text).map((n) => n.value);
      return (
        names.some((n) => new RegExp(`(?<![a-z])${escapeRegExp(n)}(?![a-z])`).test(flat)) &&
        stated.every((x) => ns.some((y) => near(x, y)))
      );
    });
    const found = computed?.text ?? named?.text;
    if (found)
      return {
        conf: 0.5,
        reason: `another answer (${other.partId}) works this answer out ("${quote(found)}"): a person checks whether it is this answer's working`,
      };
  }
  return null;
};
