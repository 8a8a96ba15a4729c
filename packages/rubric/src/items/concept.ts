// `concept` items: an idea stated in words, as facets (patterns, written products) that must all be there.
import { compiled, matchesAny, writesProductOf } from '../evidence.ts';
import { quote } from '../format.ts';
import type { ConceptItem } from '../schema.ts';
import type { ItemContext, ItemHandler, ItemResult, PartDoubt } from './types.ts';

function gradeConcept(item: ConceptItem, { ev, siblings }: ItemContext): ItemResult {
  const base = { id: item.id, label: item.label, max: item.points };
  const evidence = ev.answer.regions.slice(0, 1);
  const states = item.facets.map((f) => {
    const neg = matchesAny(f.negated, ev.prose);
    const written = f.products.some((sym) => writesProductOf(ev.prose, sym, ev.lines));
    const said = !written && matchesAny(f.any, ev.prose);
    // "the product is 1" beside a product the student wrote of other factors (i_2 ⊙ i_3 ⋯ i_T,
    // (1 + i_2)(1 + i_3)⋯): which product the words mean is a person's call
    // (so does a product over a sum with it, ∏(f_t + i_t): not the product of the f's alone)
    // (and a product said in words naming none of its factors, "a product of the gates", where the
    // answer's own recursion, here or in a sibling part, multiplies by another gate: `∂L/∂c_{t+1} ⊙ i_{t+1}`)
    const other =
      f.products.length > 0 &&
      ((said && writesOtherProduct(ev.prose, f.products)) ||
        productOfSum(ev.prose, f.products) ||
        bigProductOfOther(ev.prose, f.products) ||
        (said &&
          !namesFactor(f.any, ev.prose, f.products) &&
          [ev, ...siblings().map((x) => x.ev)].some((e) => recursesByOther(e.prose, f.products))));
    const contested = !neg && matchesAny(f.contested, ev.prose);
    return {
      id: f.id,
      state: neg ? 'negated' : contested ? 'contested' : other ? 'other' : written || said ? 'yes' : 'no',
      contested,
    };
  });
  const split = states.find((s) => s.contested)?.contested;
  if (split)
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: the answer says "${split[0].trim()}", which readers of the rubric take differently; a person reads it`,
      evidence,
      conf: 0.5,
    };
  if (states.some((s) => s.state === 'other'))
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: the product written is of other factors; a person checks which product the answer means`,
      evidence,
      conf: 0.5,
    };
  if (states.every((s) => s.state === 'yes')) {
    // said of nothing the idea is about ("f_t = 1: the cell state is copied as it is", no gradient
    // anywhere in the answer): whether it is the idea is a person's reading
    if (item.about.length && !matchesAny(item.about, ev.prose))
      return {
        ...base,
        awarded: item.points,
        reason: `${item.label}: said, but the answer never names what it is said of; a person checks`,
        evidence,
        conf: 0.5,
      };
    return { ...base, awarded: item.points, reason: `${item.label}: stated`, evidence, conf: 0.9 };
  }
  if (states.some((s) => s.state === 'negated')) {
    // the idea stated and its opposite too ("f_t = 1 forgets the old memory … so the gradient
    // does not vanish"): which one the answer means is a person's reading
    const both = item.facets.every((f, k) => states[k].state === 'yes' || matchesAny(f.any, ev.prose));
    if (both)
      return {
        ...base,
        awarded: 0,
        reason: `${item.label}: said, and its opposite too; a person checks which the answer means`,
        evidence,
        conf: 0.5,
      };
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: the answer says the opposite`,
      evidence,
      conf: 0.75,
      wrong: `${item.id}:negated`,
    };
  }
  // another thing written where the idea belongs (f_2 + f_3 + … + f_T for the product): surely absent
  const instead = states.some((s) => s.state === 'no') && matchesAny(item.instead, ev.prose);
  if (instead)
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: not stated; the answer writes "${instead[0].trim()}" instead`,
      evidence,
      conf: 0.9,
      absent: true,
    };
  // a facet not read whose subject is named ("vanishing gradient problem varaadhu": Tamil's "will
  // not come"): what the answer says of it is a person's reading, not an absence
  const named = item.facets
    .filter((_, k) => states[k].state === 'no')
    .map((f) => matchesAny(f.topic, ev.prose))
    .find(Boolean);
  if (named && states.some((s) => s.state === 'yes'))
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: spoken of ("${named[0]}") in words the grader did not read; a person reads them`,
      evidence,
      conf: 0.5,
    };
  // a product asked for, none read, and a big operator's limits alone on a line ("t=2" under where
  // pdfTeX's ∏ stood: its glyph is missing from the text layer): the product may be there
  const limits = ev.lines.find((l) => /^\s*[a-z]\s*=\s*\d\s*$/i.test(l));
  if (limits && item.facets.some((f, k) => f.products.length && states[k].state === 'no'))
    return {
      ...base,
      awarded: 0,
      reason: `${item.label}: a big operator's limits stand alone ("${limits.trim()}"): its ∏ or ∑ may be missing from the text, a person checks`,
      evidence,
      conf: 0.5,
    };
  const strong = states.filter((s) => s.state === 'yes' && !item.weak.includes(s.id));
  if (strong.length) {
    // half of the concept: a person decides
    return { ...base, awarded: 0, reason: `${item.label}: only partly stated`, evidence, conf: 0.5 };
  }
  return { ...base, awarded: 0, reason: `${item.label}: not stated`, evidence, conf: 0.9 };
}

/** Gate and state letters whose product a student may write instead of the one asked for. */
const OTHER_FACTORS = ['i', 'o', 'g', 'h', 'c', 's', 'z'];
const otherFactors = (products: string[]) => OTHER_FACTORS.filter((s) => !products.includes(s));

/** Whether the prose writes a product of another gate or state than `products`: indexed factors
 *  with an operator between them (`i_2 * i_3 * ... * i_T`), or bracketed ones (`(1 + i_2)(1 + i_3)`).
 *  (Operators are required: "it is" is not i_t · i_s.) */
function writesOtherProduct(prose: string, products: string[]): boolean {
  const idx = String.raw`_?(?:\{[^{}]{1,8}\}|\d{1,2}|[tTkK](?:[-+]\d)?)(?![a-z])`;
  return otherFactors(products).some((s) => {
    const factor = String.raw`(?<![a-z\\])${s}${idx}`;
    const op = String.raw`\s*\*\s*(?:\.{2,}\s*\*?\s*)?`;
    const bracket = String.raw`\(\s*1\s*[+-]\s*${s}${idx}\s*\)`;
    return new RegExp(`${factor}${op}${factor}|${bracket}\\s*\\*?\\s*${bracket}`).test(prose);
  });
}

/** Whether the prose writes a big product of another gate or state (`∏_{t=2}^{T} i_t`, pdfTeX's
 *  `∏Tt=2 it`, `prod_(t=2)^T o_t`): its limits, then the factor (not the word "product"). */
function bigProductOfOther(prose: string, products: string[]): boolean {
  // (limits are bracketed or set as `_t`, `^T`, `t=2`: not a factor, "∏ f_t i_t" is the f's times the i's)
  const limits = String.raw`(?:(?:[_^]\s*(?:\{[^{}\n]{1,8}\}|\([^()\n]{1,8}\)|\w{1,3})|\w{0,2}=\w{1,3})\s*){0,2}`;
  return otherFactors(products).some((s) =>
    new RegExp(String.raw`(?:∏|\bprod(?=[_^{(\s]|[a-z]{1,2}=))${limits}\s*${s}_?\{?[tTkj]\}?(?![a-z])`).test(
      prose,
    ),
  );
}

/** Whether the prose writes a recursion whose next step's derivative is multiplied by another gate than
 *  `products` (`dl/dc_{t+1} * i_{t+1}`, `i_{t+1} * dl/dc_{t+1}`): the student's own factor. */
function recursesByOther(prose: string, products: string[]): boolean {
  const next = String.raw`_?\{?t ?\+ ?1\}?`;
  const deriv = String.raw`d\w{0,3}/d\w{1,3}${next}\)?`;
  // (or by a bracketed sum holding another gate, `dl/dc_{t+1} * (f_{t+1} + i_{t+1})`: a gate term
  // that is not the product's alone)
  const any = String.raw`(?<![a-z])[a-z]${next}(?![a-z\d])`;
  return otherFactors(products).some((s) => {
    const gate = String.raw`(?<![a-z])${s}${next}(?![a-z\d])`;
    const sum = String.raw`\(\s*(?:${gate}\s*\+\s*${any}|${any}\s*\+\s*${gate})\s*\)`;
    return new RegExp(
      String.raw`${deriv}\s*\*\s*\(?${gate}|${gate}\)?\s*\*\s*${deriv}|${deriv}\s*\*\s*${sum}|${sum}\s*\*\s*${deriv}`,
    ).test(prose);
  });
}

/** Whether some match of the facet's patterns names one of its factors (`f_t`, "forget gates", "the
 *  f's"), not only "a product of the gates". */
function namesFactor(patterns: string[], prose: string, products: string[]): boolean {
  return patterns.some((p) => {
    const m = compiled(p, 'i').exec(prose);
    return (
      m !== null &&
      products.some((s) => new RegExp(String.raw`forget|(?<![a-z])${s}(?![a-z]{2})`, 'i').test(m[0]))
    );
  });
}

/** Whether the prose writes a big product over a bracketed sum of one of `products` and another
 *  term (`∏(f_t + i_t)`, `prod (f_k + i_k)`). */
function productOfSum(prose: string, products: string[]): boolean {
  return products.some((s) =>
    new RegExp(
      String.raw`(?:∏|\bprod(?![a-z])|\bpi(?![a-z]))\s*(?:[_^]\s*(?:\{[^{}\n]*\}|\([^()\n]*\)|\w{1,4})\s*){0,2}\(\s*${s}_?\{?[tTkj](?:[-+]\d)?\}?\s*[+\-−]\s*[a-z]`,
    ).test(prose),
  );
}

/** A concept given nothing, neither said wrongly nor surely absent: it may stand in words not read. */
const unread = (r: ItemResult) => r.awarded === 0 && !r.wrong && !r.absent;

/** Words from which an explanation is more than a bare claim (tuned on the tune half only). */
const EXPLANATION_WORDS = 15;

export const concept: ItemHandler<ConceptItem> = { type: 'concept', grade: gradeConcept };

/**
 * An explanation of some length in which no idea of the rubric was recognised may state them in
 * words we do not know: a person reads it (a bare claim stays a confident 0). One idea recognised
 * and another not, in a long explanation: the other may be there in words we do not know.
 */
export const unrecognisedExplanation: PartDoubt = ({ part, ctx: { ev }, results }) => {
  const concepts = results.filter((_, k) => part.items[k].type === 'concept');
  const words = ev.prose.match(/[a-z]{2,}/g)?.length ?? 0;
  if (
    concepts.length &&
    concepts.every((r) => r.awarded === 0 && !r.wrong) &&
    concepts.some((r) => !r.absent) &&
    words >= EXPLANATION_WORDS
  )
    return {
      conf: 0.5,
      reason: `no idea of the rubric recognised in the explanation ("${quote(ev.lines.join(' '))}")`,
    };
  // (words in a script the grader does not read, "gradient vanish नहीं होता": the idea missed
  // may be in them, its negation too)
  const foreign =
    ev.lines
      .join(' ')
      .match(/[^\p{Script=Latin}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}\s]{2,}/gu)?.length ?? 0;
  if (concepts.length && concepts.some((r) => unread(r)) && foreign >= 2)
    return {
      conf: 0.5,
      reason: 'part of the explanation is written in a script the grader does not read: a person reads it',
    };
  if (concepts.some((r) => r.awarded > 0) && concepts.some((r) => unread(r))) {
    // (an idea that leaves marks, none of which stands, is absent in any words — when each idea
    // recognised was read within one sentence, not pieced together across the explanation)
    const items = part.items.flatMap((it, k) => (it.type === 'concept' ? [{ it, r: results[k] }] : []));
    const absent = items
      .filter(({ r }) => r.awarded === 0)
      .every(({ it }) => it.traces.length > 0 && !matchesAny(it.traces, ev.prose));
    // (a short explanation is read whole: an idea missed there is absent, unless its marks stand
    // in a form not recognised, "∏_{k=2}^T f_k" read as "prodk=2t fk")
    if (words < 2 * EXPLANATION_WORDS) {
      const traced = items
        .filter(({ r }) => unread(r))
        .some(({ it }) => it.traces.length > 0 && matchesAny(it.traces, ev.prose));
      if (!traced) return null;
    } else {
      const whole = items.filter(({ r }) => r.awarded > 0).every(({ it }) => inOneSentence(it, ev.prose));
      if (absent && whole) return null;
    }
    const missing = concepts.filter((r) => r.awarded === 0).map((r) => r.label);
    return { conf: 0.5, reason: `not recognised in the explanation: ${missing.join('; ')}` };
  }
  return null;
};

/** Whether one sentence of the prose states every facet of the idea, about what the idea is about. */
function inOneSentence(item: ConceptItem, prose: string): boolean {
  // (a spaced ellipsis, "∂L/∂cT + . . .", ends no sentence)
  return prose
    .replace(/\.(?:\s*\.){2,}/g, '…')
    .split(/(?<=[.!?;])\s+/)
    .some(
      (sentence) =>
        item.facets.every((f) => matchesAny(f.any, sentence) && !matchesAny(f.negated, sentence)) &&
        (!item.about.length || matchesAny(item.about, sentence)),
    );
}
