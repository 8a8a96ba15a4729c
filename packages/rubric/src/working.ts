// Work shown: derivations, explanations and arithmetic on the page, as a part's or item's `work` counts them.
import { closeTo, normalizeMath, normalizeProse, tokenize } from '@grader/parse';
import { type Evidence, lineOfMatch, matchesAny, statesSizeOf } from './evidence.ts';
import type { Work, WorkKind } from './schema.ts';

/**
 * How a derivation shows on the page: `written` when the student wrote its steps (an intermediate
 * derivative `dh_t/dc_t = …`, a product of derivatives `dL/dh_t · dh_t/dc_t`, or the relations or
 * paths it goes through, `h_t = o_t ⊙ tanh(c_t)`, `c_t -> h_t -> L`); `words` when the steps are
 * only named ("by the chain rule", "c_t goes to h_t and to c_{t+1}"), which markers read either way
 * (a person's call); null when there is none.
 */
export function derivationShown(ev: Evidence, of?: string): 'written' | 'words' | null {
  for (const eq of ev.equations) {
    for (const side of eq.sides) {
      // an intermediate derivative (dh_t/dc_t = ..., dc_{t+1}/dc_t = ...), also after a path
      // written before it on its line (`c_t → h_t   ∂h_t/∂c_t = o_t ⊙ …`)
      const last = side.tokens[side.tokens.length - 1];
      if (
        side !== eq.sides[eq.sides.length - 1] &&
        last?.t === 'sym' &&
        last.v.startsWith('d(') &&
        last.v !== of &&
        !/^d\(l\)/.test(last.v)
      )
        return 'written';
      // a chain-rule product of derivatives: dL/dh_t * dh_t/dc_t
      const derivs = side.tokens.filter(
        (t) => t.t === 'sym' && t.v.startsWith('d(') && !t.v.startsWith('d(l)'),
      );
      if (derivs.length >= 1 && side.tokens.some((t) => t.t === 'sym' && t.v.startsWith('d(l)')))
        return 'written';
    }
  }
  // the chain rule in differential form, a perturbation argument's first-order step: "δL = ∂L/∂h_t δh_t
  // + ∂L/∂c_{t+1} δc_{t+1}", "dL = (∂L/∂h_t) dh_t + …"
  if (
    ev.lines.some(
      (l) => /^\s*(?:δ|d)\s*L\s*(?:=|≈)/u.test(l) && (l.match(/[∂𝜕d]\s*L\s*\/\s*[∂𝜕d]/gu) ?? []).length >= 2,
    )
  )
    return 'written';
  // a table of local derivatives, each row the derivative and, in the next cell, what it is
  // ("| dh_t/dc_t | o_t ⊙ (1 − tanh²(c_t)) |"): the steps written, with no equals sign between them
  for (const line of ev.lines) {
    const toks = tokenize(normalizeMath(line)).filter((t) => !(t.t === 'op' && t.v === '|'));
    const [head, next] = toks;
    if (
      head?.t === 'sym' &&
      head.v.startsWith('d(') &&
      !/^d\(l\)/.test(head.v) &&
      head.v !== of &&
      next !== undefined &&
      next.t !== 'word' &&
      !(next.t === 'op' && next.v !== '(') &&
      !toks.some((t) => t.t === 'op' && t.v === '=')
    )
      return 'written';
  }
  // the dependencies the derivative goes through, written out: the forward relations that use the
  // variable (`h_t = o_t * tanh(c_t)`, `c_{t+1} = f_{t+1} * c_t + …`, also two on one line) or the
  // paths from the loss to it (`L -> h_t -> c_t`); two of them are the skeleton of a chain-rule
  // derivation
  const wrt = of ? /^d\(l\)\/d\((.+)\)$/.exec(of)?.[1] : undefined;
  if (wrt) {
    let relations = 0;
    let paths = 0;
    for (const eq of ev.equations) {
      const syms = eq.sides.map((side) => side.tokens.filter((t) => t.t === 'sym').map((t) => t.v));
      // (a chain broken by "…" is read in pieces, "L -> h_T -> c_T", "c_{t+1} -> c_t": a piece that
      // reaches the variable is a path too)
      const arrows = eq.text.includes('->') && !eq.text.includes('=');
      const isPath =
        eq.text.includes('->') &&
        (syms.some((x) => x.includes('l')) || arrows) &&
        syms.some((x) => x.includes(wrt));
      const defines = (k: number) =>
        syms[k]?.length === 1 &&
        !syms[k][0].startsWith('d(') &&
        syms[k][0] !== wrt &&
        syms.slice(k + 1).some((x) => x.includes(wrt));
      // (also after a path leading to it, "c_t -> h_t = o_t ⊙ tanh(c_t)", which reads as three sides)
      const isRelation =
        defines(0) ||
        (eq.text.includes('->') && eq.text.includes('=') && syms.length >= 3 && defines(syms.length - 2));
      // (a chain of arrows with no equals sign, "L -> h_t -> c_t", is a path, not a relation)
      const arrowsOnly = arrows;
      if (isRelation && !arrowsOnly) relations++;
      else if (isPath) paths++;
      // `h_t = o_t ⊙ tanh(c_t), c_{t+1} = f_{t+1} ⊙ c_t + …`: a second relation inside the chain
      if (isRelation && !arrowsOnly)
        for (let k = 1; k < eq.sides.length - 1; k++) {
          const toks = eq.sides[k].tokens;
          const tail = toks[toks.length - 1];
          if (tail?.t === 'sym' && !tail.v.startsWith('d(') && syms.slice(k + 1).some((x) => x.includes(wrt)))
            if (eq.sides[k].text.includes(',')) relations++;
        }
    }
    // (the paths with a relation are the derivation's skeleton)
    // (a relation with its local derivative said in words, "c_{t+1} = f_{t+1} ⊙ c_t + …, whose
    // derivative w.r.t. c_t is f_{t+1}", is a step written out too)
    const localInWords = LOCAL_DERIVATIVE.test(ev.prose);
    if (relations >= 2 || (relations >= 1 && (paths >= 1 || localInWords))) return 'written';
    // (one relation with the other path said in words, "through h_t = o_t ⊙ tanh(c_t) and through
    // the next cell state", is half a skeleton: markers read it either way; a relation alone is not)
    // (paths alone restate the question's hint: markers read them either way, a derivation or the
    // final expression alone, capped — wn-02's and xf-09's labellers against ti-04's)
    if (paths >= 1 || (relations >= 1 && DEPENDS.test(ev.prose))) return 'words';
  }
  if (
    /chain[- ]rule|differentiat|(?:two|both)(?: the)? paths|by the product rule|partial derivative/.test(
      ev.prose,
    )
  )
    return 'words';
  // the same skeleton said in words: "c_t goes to h_t and to c_{t+1}, so …"
  if (wrt)
    for (const line of ev.lines) {
      if (line.includes('=') || !DEPENDS.test(normalizeProse(line))) continue;
      const syms = new Set(
        tokenize(normalizeMath(line))
          .filter((t) => t.t === 'sym' && !t.v.startsWith('d('))
          .map((t) => t.v),
      );
      if (syms.has(wrt) && syms.size >= 3) return 'words';
    }
  return null;
}

export function hasDerivation(ev: Evidence, of?: string): boolean {
  return derivationShown(ev, of) !== null;
}

/** A local derivative said in words: "whose derivative w.r.t. c_t is f_{t+1}", "the derivative of tanh is …". */
const LOCAL_DERIVATIVE =
  /\bderivative (?:of\b|w\.? ?r\.? ?t\b\.?|with respect to\b)[^.;]{0,40}?\b(?:is|are|=|gives)\b|\b(?:whose|its) (?:local )?derivative (?:\w+ ){0,3}?(?:is|=|gives)\b/;

/** Words that say one quantity depends on or feeds others ("c_t goes to h_t and c_{t+1}"). */
// (or says where each term comes from: "first term is from c_{t+1} = f c_t + …, second term from h_t")
const DEPENDS =
  /\b(?:goes|go|feeds?|affects?|influences?|through|via|paths?|depends?|contributes?|enters?|flows?|reaches|both|two|children|uses?|used|terms?\s+(?:is\s+|comes\s+|arises\s+)?from)\b/;

const CONNECTIVE =
  /\b(?:because|since|as|so|therefore|hence|thus|which|only|just|no|not|none|nothing|without|same|since|due|given|while|whereas|instead)\b|[:;—]|\s-\s/;

/** A sentence that explains: six or more words, with a connective ("because", "so", "no", ":", ...). */
export function isExplanation(text: string): boolean {
  const words = normalizeProse(text).match(/[a-z]{2,}/g) ?? [];
  return words.length >= 6 && CONNECTIVE.test(normalizeProse(text));
}

const TOPIC_STOP = new Set(['reason', 'supporting', 'working', 'which', 'with', 'their', 'that', 'this']);

/**
 * Whether `text` is about a part: it names one of the part's quantities (`b_f`), a number of its
 * answer, or a word of the rubric's own title or description of it ("bias", "dimension",
 * "parameters", "learnable"), compared on the first five letters (weights/weight) or a shortening. `wordsOnly`: by
 * the words alone (text joined from several lines, among them the answer's own).
 */
export function aboutPart(title: string, describe: string, names: string[], numbers: number[]) {
  const stems = new Set(
    (normalizeProse(`${title} ${describe}`).match(/[a-z]{4,}/g) ?? [])
      .filter((w) => !TOPIC_STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
  const symbols = names.map((n) =>
    normalizeMath(n)
      .toLowerCase()
      .replace(/[_{}\s]/g, ''),
  );
  return (text: string, wordsOnly = false): boolean => {
    const prose = normalizeProse(text);
    // (a word cut short counts: "dot prod" for "dot-product")
    const words = prose.match(/[a-z]{4,}/g) ?? [];
    if (words.some((w) => stems.has(w.slice(0, 5)) || [...stems].some((st) => st.startsWith(w)))) return true;
    if (wordsOnly) return false;
    const squashed = prose.replace(/[_{}\s]/g, '');
    if (symbols.some((s) => s.length >= 2 && squashed.includes(s))) return true;
    // (0 and 1 are too common to tie a sentence to an answer: a footnote's "1", "1 × 1")
    const own = numbers.filter((n) => Math.abs(n) > 1);
    return (prose.match(/\d+(?:\.\d+)?/g) ?? []).some((d) => own.includes(Number(d)));
  };
}

/** A line with at least three words: prose, not a bare `name : value` answer. */
/** A part's heading with its topic after a dash or colon, and no more: "Part (b) — dimension of bf". */
const TOPIC_HEADING =
  /^\s*(?:part|question|q|sub-?part)\.?\s*\(?[a-h0-9ivx]{1,4}\)?\s*[—–:-]\s*(?:\S+\s*){1,5}$/i;

function isProseLine(line: string): boolean {
  return (normalizeProse(line).match(/[a-z]{2,}/g) ?? []).length >= 3;
}

/** Arithmetic on the page that evaluates to one of `targets` (the answer, its elements, its components). */
export function computationFor(
  ev: Evidence,
  targets: number[],
  tol = { abs: 0.005, rel: 1e-6 },
): number | null {
  for (const c of ev.computations) {
    const vals = typeof c.value === 'number' ? [c.value] : c.value;
    if (vals.some((v) => targets.some((t) => closeTo(v, t, tol) && !(t === 0 && v === 0)))) return c.line;
  }
  return null;
}

export interface WorkFound {
  ok: boolean;
  line: number | null;
  kind?: WorkKind;
}

export function findWork(
  work: Work,
  ev: Evidence,
  targets: number[],
  formulaOk: boolean,
  of?: string,
  /** the answer's size, for `sizeOf` reasons */
  size?: number,
  /** whether an explanation is about the part at all (`anyExplanation` counts only such) */
  about: (text: string, wordsOnly?: boolean) => boolean = () => true,
): WorkFound {
  for (const kind of work.counts) {
    if (kind === 'computation') {
      const line = computationFor(ev, targets);
      if (line !== null) return { ok: true, line, kind };
    } else if (kind === 'reason') {
      // (or the reasoning in the student's own names for the numbers: "n + m" with n = 3, m = 2)
      const m =
        matchesAny(work.reasons, ev.prose) ??
        (ev.instantiated ? matchesAny(work.reasons, ev.instantiated) : null);
      if (m) return { ok: true, line: lineOfMatch(ev, m[0]), kind };
      const sized = (prose: string) =>
        work.sizeOf.length > 0 && size !== undefined && statesSizeOf(prose, work.sizeOf, size);
      if (sized(ev.prose)) return { ok: true, line: null, kind };
      if (work.anyExplanation) {
        // (an explanation of something else — "only W's counted", said of 3(c) — is not this
        // part's reason: the part then holds an explanation nobody matched, for a person)
        const line = ev.lines.findIndex((l) => isExplanation(l) && about(l));
        // a sentence broken over lines, joined from its prose lines only: an answer line
        // ("b_f : 3 × 1") must not lend its colon to a neighbouring statement, nor its symbols
        // (nor a heading's dash lend its connective: "Part (b) — dimension of bf" names the part's topic)
        const joined = ev.lines.filter((l) => isProseLine(l) && !TOPIC_HEADING.test(l)).join(' ');
        if (line >= 0 || (isExplanation(joined) && about(joined, true)))
          return { ok: true, line: Math.max(0, line), kind };
      }
    } else if (kind === 'derivation') {
      if (hasDerivation(ev, of)) return { ok: true, line: null, kind };
    } else if (kind === 'formula' && formulaOk) return { ok: true, line: null, kind };
  }
  return { ok: false, line: null };
}
