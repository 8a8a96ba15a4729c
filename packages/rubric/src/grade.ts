// Grading: (rubric, keys, extracted script) -> grade with reasons, evidence and review decisions.
// Pure functions: no I/O, so a regrade after a rubric change needs only the stored extraction.
// The generic flow lives here (a part's answer, its items graded by their type's handler in
// items/, caps, the part-level doubts that send a part to a person); the item types live in items/.
import type { ExtractedScript, PartAnswer, PartGrade, ScriptGrade } from '@grader/model';
import { closeTo, findDimensions, findNumbers, normalizeMath, normalizeProse } from '@grader/parse';
import { confirmedConfidence } from './confirmation.ts';
import { printedByConsole } from './console-output.ts';
import type { GradingContext } from './context.ts';
import { analyse, canonicalSymbol, readByOcr } from './evidence.ts';
import { quote } from './format.ts';
import { loneSizeSymbols, scriptGlossary } from './glossary.ts';
import {
  brokenBracket,
  garbledMapping,
  gradeItem,
  type ItemResult,
  itemContext,
  ownNameReading,
  type PartDoubt,
  type PartOutcome,
  termForLastStep,
  unknownTerms,
  unreadableExpression,
  unreadFractions,
  unrecognisedExplanation,
  workForOneNotAnother,
} from './items/index.ts';
import { asNumbers, resolveKey } from './keys.ts';
import { notAttempted } from './not-attempted.ts';
import { misreadOfKey, uncleanReading } from './ocr-clean.ts';
import { partLabel, questionNumber } from './part-id.ts';
import { definedSymbol, hiddenHolders, PLACED_CONF, placeByContent, possiblyHidden } from './placement.ts';
import type { Item, Part, Rubric } from './schema.ts';
import { meaningfulUnlabelled, namesPart, referenceOutside } from './unlabelled.ts';
import { valueMatches } from './values.ts';
import { findWork } from './working.ts';
import {
  pointsElsewhere,
  workAboveItsLabel,
  workInAnotherAnswer,
  workInAppendix,
  workInQuestionBlock,
} from './working-elsewhere.ts';

export type { GradingContext } from './context.ts';
export { valueMatches } from './values.ts';

/** What the grader read for each item, kept for script-level checks (similarity) and debugging. */
export interface PartReading {
  /** the student's value per item id, when one was read */
  values: Record<string, unknown>;
  /** fingerprints of wrong values (same wrong value in two scripts is a similarity signal) */
  wrong: string[];
  /** a value item found text but read no value from it (what builds on it goes to a person) */
  unread?: true;
}

/**
 * A script's grading under an earlier rubric or parameters: the parts the edit cannot have changed
 * (`unchangedParts`) are taken from it as they are.
 */
export interface PreviousGrading {
  unchanged: ReadonlySet<string>;
  parts: Record<string, PartGrade>;
  readings: Record<string, PartReading>;
}

// ---------------------------------------------------------------------------------------------
// parts with no answer

/** Whether another question's answer holds this part's question heading ("Q4.", "Question 4"). */
function questionHeadingInside(partId: string, script: ExtractedScript): boolean {
  const q = questionNumber(partId);
  if (!q) return false;
  const heading = new RegExp(`(?<![\\w.])(?:q|qn|ques|question)\\.?\\s*${q}(?![\\d.]\\d|\\w)`, 'i');
  // (or its number in capital roman opening a line, set off by a dash or a stop: "IV —", "III.")
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][Number(q) - 1];
  const romanHeading = roman ? new RegExp(`^\\s*${roman}\\s*(?:[—–-]|\\.(?=\\s|$))`, 'm') : null;
  return Object.values(script.parts).some(
    (a) => questionNumber(a.partId) !== q && (heading.test(a.text) || (romanHeading?.test(a.text) ?? false)),
  );
}

/**
 * A line in another part's answer that may be the label of `partId`, missed by segmentation: the
 * question's number alone ("5", "Q.5", "Question 5") or, inside the same question, the sub-part's
 * letter or numeral at the start of a line ("(b)", "ii.").
 */
function labelInsideAnother(partId: string, script: ExtractedScript): boolean {
  return labelHolder(partId, script) !== null;
}

/**
 * The answer holding a line that looks like this part's label ("5 -" read inside 3(c)'s answer), if
 * any, and that line's place in it.
 */
function labelHolder(partId: string, script: ExtractedScript): { partId: string; line: number } | null {
  const label = partLabel(partId);
  if (!label) return null;
  const { q, sub, roman } = label;
  const own = roman ?? sub;
  // ("3 -" too: a dash closing a label alone on its line)
  const bareQuestion = new RegExp(`^\\s*(?:q(?:uestion)?\\.?\\s*)?${q}\\s*[.):\\-–—]?\\s*$`, 'i');
  const subLabel = own ? new RegExp(`^\\s*\\(?${own}[.)](?:\\s|$)`, 'i') : null;
  // a row of sub-labels alone, heading a table's columns ("(b) (c)", "(b) i (b) ii"), naming this one
  const headings = (l: string) => {
    const toks = l.trim().split(/\s+/);
    if (!toks.length || !toks.every((t) => /^\(?(?:[a-h]|[ivx]{1,4})[.)]?$/i.test(t))) return false;
    const bare = toks.map((t) => t.replace(/[().]/g, '').toLowerCase());
    return roman ? bare.some((t, i) => t === roman && bare[i - 1] === sub) : bare.includes(own ?? '');
  };
  // the question's number and the sub-part in brackets near a line's start, whatever stands
  // between them ("Q2 ▸ (b)", "Ques 2 :: (b)")
  // (its letter as a hand's conversion misreads it: "Q2 (6)" for (b), "Q1 (@)" for (a))
  const misread: Record<string, string> = { a: 'a|@|9', b: 'b|6', c: 'c|©|e' };
  const letter = own && !roman && misread[own.toLowerCase()] ? `(?:${misread[own.toLowerCase()]})` : own;
  const written = own ? new RegExp(`^.{0,12}?(?<![\\d.])${q}(?![\\d.]).{0,6}?\\(${letter}\\)`, 'i') : null;
  // or the whole label anywhere on a line ("… output [4a]": a label a two-column page put beside
  // another answer's line)
  const anywhere = sub
    ? new RegExp(
        `(?<![\\w.])${q}\\W{0,3}${sub}\\W{0,3}${roman ? `${roman}(?![a-z])` : '(?![a-z])'}[)\\]]`,
        'i',
      )
    : null;
  // or the whole label run together after a letter of the script's own, closed by a full stop, anywhere
  // on a line ("… C̃t: 6.* P4a. Unrolling …": a two-column page read across)
  const runTogether = sub
    ? new RegExp(`(?<![\\w.])(?:[PQ]|A(?:ns)?)?${q}${sub}${roman ?? ''}\\.(?=\\s|$)`, 'i')
    : null;
  // or the whole label with slashes near a line's start ("2/a e_kj = …", "1/b/ii", "next up, 2/a —")
  const slashed = sub
    ? new RegExp(
        `^.{0,24}?(?<![\\w./])${q}\\/${sub}${roman ? `\\/${roman}` : ''}(?=[PQXYRZ]?(?:\\s|$|[:.,)\\-–—]))`,
        'i',
      )
    : null;
  // or named in words anywhere on a line ("Long-term dependency (Question 4, part (b))": a heading
  // that was not read as one)
  const named = sub
    ? new RegExp(
        `(?<![\\w])q(?:uestion|ues|n)?\\.?\\s*${q}(?![\\d.])\\W{0,3}(?:(?:sub-?)?part\\s*)?\\(?${sub}\\)?${roman ? `\\W{0,3}\\(?${roman}\\)?` : ''}(?![a-z])`,
        'i',
      )
    : null;
  // or after another sub-label on one line, each with its answer ("3x2 b) 3x1 c) 36": a question's
  // parts answered in a row inside another question's answer)
  // (an earlier letter before it: "a) … a) …" is two questions' (a)s read across a row)
  const earlier = sub ? 'abcdefgh'.slice(0, Math.max(0, 'abcdefgh'.indexOf(sub.toLowerCase()))) : '';
  const inRow =
    earlier && !roman
      ? new RegExp(`(?:^|\\s)\\(?[${earlier}]\\)\\s*\\S.*\\s\\(?${sub}\\)\\s*\\S`, 'i')
      : null;
  // (a sub-part's question heading alone in another question's answer: "3 -" above a table of rows
  // a, b, c, or "3." above "a) 3 x 2" — not a step "2." of working)
  const headsSubParts = (l: string, next: string | undefined) =>
    /[-–—]\s*$/.test(l) || /^\s*\(?[a-h][.)]/i.test(next ?? '');
  // (the sub-part's letter alone on a line in any answer, "(b)": on a two-column page read across, a
  // label can land in another question's answer)
  const alone = own ? new RegExp(`^\\s*\\(?${own}[.)]?\\s*$`, 'i') : null;
  // (or its marker inside a sentence of its own question's answer, "… — that's (a) — and the bias, which
  // is part (b), is 3 x 1": a paragraph answering the question's parts together)
  const inSentence = own
    ? new RegExp(
        `\\S.*?(?:\\bpart\\s*\\(?${sub}\\)?${roman ? `\\W{0,3}\\(?${roman}\\)?` : ''}(?![a-z])|\\(${own}\\))`,
        'i',
      )
    : null;
  let at = -1;
  const holder = Object.values(script.parts).find((a) => {
    if (a.partId === partId) return false;
    const sameQuestion = /^\d+/.exec(a.partId)?.[0] === q;
    const lines = a.text.split('\n');
    at = lines.findIndex(
      (l, i) =>
        (bareQuestion.test(l) && (!own || (!sameQuestion && headsSubParts(l, lines[i + 1])))) ||
        (sameQuestion && (!!subLabel?.test(l) || (!!own && headings(l)) || !!inSentence?.test(l))) ||
        !!alone?.test(l) ||
        !!written?.test(l) ||
        !!anywhere?.test(l) ||
        !!runTogether?.test(l) ||
        !!named?.test(l) ||
        (!sameQuestion && !!inRow?.test(l)) ||
        !!slashed?.test(l),
    );
    return at >= 0;
  });
  return holder ? { partId: holder.partId, line: at } : null;
}

/**
 * Whether another answer holds a value distinctive of this part's key (72 of 3(c) inside 3(b)'s
 * block, or inside 4(b)'s when a heading "In [3]:" was not read as one): this part's label may have
 * been missed there.
 */
function keyInAnotherAnswer(part: Part, script: ExtractedScript, answers: Map<string, unknown>): boolean {
  // (the keys gradeScript resolved for every value item)
  const distinctive = part.items
    .flatMap((i) => asNumbers(answers.get(`key:${part.id}#${i.id}`)) ?? [])
    .filter((n) => Math.abs(n) >= 10 || !Number.isInteger(n));
  if (!distinctive.length) return false;
  return Object.values(script.parts).some(
    (a) =>
      a.partId !== part.id &&
      findNumbers(normalizeProse(a.text)).some((x) =>
        distinctive.some((n) => closeTo(x.value, n, { rel: 1e-9 })),
      ),
  );
}

/**
 * Whether another answer to the same question states one of this part's ideas in the rubric's own
 * words (4(b)'s "f_t multiplied many times" under a "1." its list numbering made 4(a)): an answer the
 * segmenter placed under a sibling's label may be this part's.
 */
function ideaInSibling(part: Part, script: ExtractedScript): boolean {
  // (a label of its own found empty is the student's own blank: "4 b -" left empty)
  if (script.parts[part.id]) return false;
  const q = questionNumber(part.id);
  const patterns = part.items.flatMap((i) =>
    i.type === 'concept'
      ? i.facets.filter((f) => !i.weak.includes(f.id)).flatMap((f) => f.any.map((a) => new RegExp(a, 'i')))
      : [],
  );
  if (!patterns.length) return false;
  return Object.values(script.parts).some(
    (a) =>
      a.partId !== part.id &&
      questionNumber(a.partId) === q &&
      patterns.some((re) => re.test(normalizeProse(a.text))),
  );
}

/**
 * A line anywhere in the script that says this part was left out ("(1(a) not attempted -- could not
 * read the figure)", "Q2b skipped"): the student's own word that there is no answer to find.
 */
function declaredSkipped(partId: string, script: ExtractedScript): string | null {
  const parts = partLabel(partId);
  if (!parts) return null;
  const { q, sub, roman } = parts;
  const label = `(?<![\\w.])(?:q(?:uestion)?\\.?\\s*)?${q}\\W{0,3}${sub ? `${sub}\\W{0,3}` : ''}${roman ? `${roman}\\W{0,3}` : ''}(?![a-z0-9])`;
  const said = new RegExp(
    `${label}\\s*(?:[-:–—]\\s*)?(?:is\\s+|was\\s+)?(?:not attempted|skipped|left (?:out|blank)|unattempted|(?:i\\s+)?did ?n[o']?t (?:attempt|do)|(?:i\\s+)?could ?n[o']?t (?:attempt|do|answer))\\b`,
    'i',
  );
  const lines = [
    ...Object.values(script.parts).flatMap((a) => a.text.split('\n')),
    ...script.unlabelled.map((l) => l.text),
  ];
  return lines.find((l) => said.test(normalizeProse(l))) ?? null;
}

/**
 * Whether the lines right below this part's empty label were read as another part answered again
 * ("4 b -" left empty, "Unroll 4 a down to t = 1 …" under it read as 4(a)'s second place).
 */
function linesAfterEmptyLabel(partId: string, script: ExtractedScript): boolean {
  const label = script.parts[partId]?.regions[0];
  if (!label) return false;
  const bottom = label.box.y + label.box.h;
  return Object.values(script.parts).some(
    (a) =>
      a.partId !== partId &&
      a.occurrences > 1 &&
      a.lines.some(
        (l) => l.page === label.page && l.box.y >= bottom - 1 && l.box.y - bottom < label.box.h * 2.5,
      ),
  );
}

/**
 * Whether the part's label, found with nothing under it, stands at the foot of its page or column:
 * nothing is written below it there, so its answer may go on at the next column's or page's top
 * (read after another answer).
 */
function labelAtFoot(partId: string, script: ExtractedScript): boolean {
  const label = script.parts[partId]?.regions[0];
  if (!label) return false;
  const bottom = label.box.y + label.box.h;
  const below = (l: { page: number; box: { x: number; y: number; w: number } }) =>
    l.page === label.page &&
    l.box.y >= bottom - 1 &&
    l.box.x < label.box.x + Math.max(label.box.w, 100) &&
    l.box.x + l.box.w > label.box.x;
  return ![...Object.values(script.parts).flatMap((a) => a.lines), ...script.unlabelled].some(below);
}

/** Whether most of the parts found in a script were placed by content, not by a label read. */
function guessedMostly(script: ExtractedScript): boolean {
  const found = Object.values(script.parts).filter((a) => a.text.trim() !== '');
  return found.length > 0 && found.filter((a) => a.labelConf <= PLACED_CONF).length * 2 > found.length;
}

function noAnswer(
  part: Part,
  script: ExtractedScript,
  hidden = false,
  keyElsewhere = false,
): { grade: PartGrade; reading: PartReading } {
  const declared = hidden || keyElsewhere ? null : declaredSkipped(part.id, script);
  if (declared)
    return skipped(
      part,
      { conf: 1, regions: [] },
      `not attempted (the script says so: "${quote(declared)}")`,
    );
  // review only when text may have been missed: unlabelled text, or a page read poorly by OCR
  const suspicious =
    // another answer mentions this part's own quantities, or holds most of the script
    hidden ||
    keyElsewhere ||
    meaningfulUnlabelled(script).length > 0 ||
    // (or a short line left out of every answer that names this part: "Ans 2(a) e_kj = s^T h_j")
    script.unlabelled.some((l) => namesPart(part.id, l.text)) ||
    // another answer holds its question's own heading ("Q1. LSTM cell   Q4. Gradient": two columns
    // read across)
    questionHeadingInside(part.id, script) ||
    // a part label on a page read by OCR is easily missed
    script.pages.some((p) => p.source !== 'text') ||
    // another answer to the question states this part's idea ("1. ∂L/∂c_1 has f_t multiplied many
    // times …" read as 4(a), its list's first item, where 4(a) was left out)
    ideaInSibling(part, script) ||
    // a line inside another answer that looks like this part's label ("5." after 4(b)'s text)
    labelInsideAnother(part.id, script) ||
    // its label found with nothing under it, while another part was read as answered twice: the lines
    // after the label may have gone there ("4 b -" left empty, "Unroll 4 a down to t = 1 …" read as 4(a)'s)
    linesAfterEmptyLabel(part.id, script) ||
    // (or at the foot of a page or column, its answer perhaps at the next one's top)
    labelAtFoot(part.id, script) ||
    // a sibling whose sub-label was guessed ("1(b)" with no "(i)"), or split from a question's
    // unlabelled block by what its lines define ("3." then "W_f = …", "b_f = …"): its block may
    // hold this answer
    Object.values(script.parts).some(
      (a) =>
        a.partId !== part.id &&
        questionNumber(a.partId) === questionNumber(part.id) &&
        a.labelConf <= PLACED_CONF &&
        a.text.trim() !== '',
    ) ||
    // (or a script whose parts were mostly placed by what they say, its labels in words: "For
    // question three I thought …" inside another's block)
    guessedMostly(script) ||
    // with no label of its own, a sibling answered in two places (a second "3(b)" over what answers
    // 3(c)): one may be this part's (an empty label of its own is the student's blank, as above)
    (!script.parts[part.id] &&
      Object.values(script.parts).some(
        (a) =>
          a.partId !== part.id && questionNumber(a.partId) === questionNumber(part.id) && a.occurrences > 1,
      ));
  return {
    grade: {
      score: 0,
      max: part.points,
      review: suspicious,
      reasons: [
        hidden || keyElsewhere
          ? 'no answer found under a label for this part, but another answer seems to hold it: a person checks'
          : 'no answer found for this part',
      ],
      items: part.items.map((i) => ({
        id: i.id,
        label: i.label,
        max: i.points,
        awarded: 0,
        reason: 'no answer found',
        evidence: [],
      })),
      confidence: suspicious ? 0.5 : 1,
      evidence: [],
    },
    reading: { values: {}, wrong: [] },
  };
}

function skipped(
  part: Part,
  answer: Pick<PartAnswer, 'conf' | 'regions'>,
  reason = 'not attempted',
  threshold = 0.5,
): { grade: PartGrade; reading: PartReading } {
  return {
    grade: {
      score: 0,
      max: part.points,
      review: answer.conf < threshold,
      reasons: [reason],
      items: part.items.map((i) => ({
        id: i.id,
        label: i.label,
        max: i.points,
        awarded: 0,
        reason: 'not attempted',
        evidence: [],
      })),
      confidence: answer.conf,
      evidence: answer.regions,
    },
    reading: { values: {}, wrong: [] },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------------------------
// part-level doubts

/**
 * OCR'd text loses working and symbols: marks withheld on an answer read by OCR go to a person —
 * even when what was read is a wrong value the rubric anticipates (60 for 72): OCR drops a boxed
 * final number as easily as a line ("… so 3 × 18 =" read, its 54 not), and the value before it is
 * then read as the answer (handwriting seed 11: 18 given its half mark where 54 earns nothing) —
 * unless the marks were lost on numbers (values, positions) and the answer was read cleanly
 * (`ocr-clean.ts`): every line sure, nothing garbled or broken off, no ink beside it left unread,
 * no number read that is the key with one digit a pen and OCR confuse.
 */
const lostOnOcr: PartDoubt = (outcome) => {
  const { part, answer, script, score, results } = outcome;
  if (score >= part.points || !readByOcr(answer, script)) return null;
  // (OCR reads numbers far more surely than a formula's sub- and superscripts and products, or an
  // explanation's words: marks lost on those stay a person's call — "e_kj = s_{k-1} · h_j" read as
  // "ekj = Sk-1 h.", sample p12)
  const lostOn = part.items.filter((_, k) => results[k] && results[k].awarded < results[k].max);
  // (a right value given 0 for want of working lost its marks on the working, which OCR may have
  // lost: "b_f is 3 x 1 (one bias per cell unit)" read without its bracket)
  if (lostOn.some((it) => it.type !== 'value' && it.type !== 'mapping') || results.some((r) => r?.bare))
    return {
      conf: 0.65,
      reason: 'marks lost on a formula or an explanation read by OCR: a person checks the handwriting',
    };
  const unclean = uncleanReading(answer);
  if (unclean) return { conf: 0.65, reason: `the handwriting may say more than was read: ${unclean}` };
  const misread = misreadOfKey(outcome);
  if (misread) return { conf: 0.65, reason: `the handwriting may say otherwise: ${misread}` };
  const elsewhere = anotherPartsKey(outcome);
  if (elsewhere)
    return {
      conf: 0.65,
      reason: `the answer read is ${elsewhere}'s key: a label OCR misread may have put ${elsewhere}'s answer here`,
    };
  // (credit for a slip or carried forward from the student's own earlier value rests on numbers OCR
  // read here and elsewhere: a digit misread looks like a slip, and a misread size or shape in
  // another part withholds the credit its follow-on earns — free-form handwriting, round 52's text)
  const dependent = part.items.find((it, k) => {
    const r = results[k];
    if (!r || r.awarded >= r.max || it.type !== 'value') return false;
    // (a slip judged, or nothing given where the student's own earlier value could carry credit)
    return (it.slip && r.reason === it.slip.reason) || (it.ecf && r.awarded === 0);
  });
  return dependent
    ? {
        conf: 0.65,
        reason: `the marks lost on ${dependent.id} depend on numbers OCR read (a slip, or a value carried forward): a person checks the handwriting`,
      }
    : null;
};

/**
 * The part another part's key was read for, a vector or a number past the sizes: where OCR misread
 * a label ("[1b.i]" as "[Λb.1]"), the next part's answer ("h_t = (.6044, 0, 0)") is read in its place.
 */
function anotherPartsKey({ part, answer, results, ctx }: PartOutcome): string | null {
  for (const [k, item] of part.items.entries()) {
    const read = asNumbers(results[k]?.value);
    if (item.type !== 'value' || !read || results[k].awarded >= results[k].max) continue;
    if (read.length < 2 && !(Math.abs(read[0]) >= 10)) continue;
    for (const [name, v] of ctx.answers) {
      const m = /^key:([^#]+)$/.exec(name);
      const key = asNumbers(v);
      if (!m || m[1] === part.id || !key || key.length !== read.length) continue;
      if (key.every((x, i) => closeTo(x, read[i], { abs: 0.005, rel: 0.005 }))) return m[1];
    }
  }
  // (or a first line stating another question's shape: "(b) b : 3x 1" read under 2(b), its
  // question's heading misread, and a count of 1 read from it)
  if (part.items.some((it) => it.type === 'value' && it.shape === 'dimension')) return null;
  for (const d of findDimensions(answer.lines[0]?.text ?? '')) {
    if (d.inArithmetic) continue;
    for (const [name, v] of ctx.answers) {
      const m = /^key:([^#]+)#/.exec(name);
      const key = asNumbers(v);
      // (another question's: within one, a later part builds on an earlier part's shape, "3 x 5: 4 x 15")
      if (!m || questionNumber(m[1]) === questionNumber(part.id) || !key || !Number.isInteger(key[0]))
        continue;
      const shape = key.length === 1 ? [key[0], 1] : key;
      if (shape.length === d.dims.length && shape.every((x, i) => x === d.dims[i])) return m[1];
    }
  }
  return null;
}

/**
 * An answer that chooses among options the student listed ("A) 3 x 2  B) 3 x 5  C) 5 x 3  Ans: B)",
 * "☐ 197 ☑ 198"): which option was chosen, and so which value is the answer, is a person's reading.
 */
const choseAmongOptions: PartDoubt = ({ answer }) =>
  answer.choices
    ? {
        conf: 0.5,
        reason: 'the answer chooses among options the student listed: a person checks which was chosen',
      }
    : null;

/**
 * Text outside the answers that names this part may correct it ("In 1(b)(i) above I made a mistake"),
 * as may a line of a later answer that says it corrects it.
 */
const referredToOutside: PartDoubt = ({ part, script, score }) => {
  const outside = score < part.points ? referenceOutside(part.id, script) : null;
  return outside
    ? { conf: 0.5, reason: `text outside this answer refers to this part ("${quote(outside)}")` }
    : null;
};

/**
 * Marks withheld on an answer written for several parts at once ("3a/3b: 3x5 and 3x1 since …"):
 * which value answers which part is a person's reading.
 */
const sharedAnswer: PartDoubt = ({ part, answer, score }) => {
  if (!answer.sharedWith?.length) return null;
  if (score < part.points)
    return {
      conf: 0.5,
      reason: `answered together with ${answer.sharedWith.join(', ')}: a person checks which value answers which part`,
    };
  // (full marks on a reason alone, "b_f: 3 × 1" in a block for all of Q3: whether the block's reason
  // is this part's own or another's is the course's per-part call, a person's; measured on the
  // free-form corpus, a fifth of such grades were wrong for a block of three parts; in a block of
  // two, a shape's ("ft ∈ R^3 ⇒ Wf: 3 × 5 ⇒ bf: 3 × 1") went wrong one time in seven, where a
  // count's beside an expression (2(a) and 2(b)) did not)
  const shape = part.items.some((i) => i.type === 'value' && i.shape === 'dimension');
  if (
    (answer.sharedWith.length >= 2 || shape) &&
    part.work.required &&
    part.work.counts.length === 1 &&
    part.work.counts[0] === 'reason'
  )
    return {
      conf: 0.6,
      reason: `answered together with ${answer.sharedWith.join(', ')}: a person checks that the reason given is this part's own`,
    };
  return null;
};

/**
 * Marks withheld from a part holding maths the grader could not read: a person decides (a mapping
 * part's lines are read by the mapping reader, whose own doubts count there).
 */
const unreadMaths: PartDoubt = ({ part, ctx: { ev }, score }) => {
  const mappingOnly = part.items.every((i) => i.type === 'mapping');
  if (score < part.points && ev.unread.length && !mappingOnly)
    return { conf: 0.5, reason: `holds maths that could not be read ("${quote(ev.lines[ev.unread[0]])}")` };
  return null;
};

/**
 * Marks withheld from an answer whose last line breaks off after "=" ("h_t = (1, 0, 0) ⊙ (0.6044, …) ="):
 * its result may stand past the page's edge, where a display ran over it, or on a line not read.
 */
const breaksOffAtEquals: PartDoubt = ({ part, answer, score }) => {
  const last = answer.lines
    .map((l) => l.text.trim())
    .filter(Boolean)
    .at(-1);
  if (score >= part.points || !last) return null;
  if (/=$/.test(last))
    return {
      conf: 0.5,
      reason: `the answer breaks off after "=" ("${quote(last)}"): its result may be cut off`,
    };
  // (or after a colon that introduces what follows, when nothing of it earned: "From the diagram
  // (positions along the cell state):", its list set in a box beside it that was read elsewhere)
  // (a sentence, not a template's heading left empty: "Answer:", "Working:", "next:")
  return score === 0 && /:$/.test(last) && last.split(/\s+/).length >= 4
    ? {
        conf: 0.5,
        reason: `the answer breaks off after a colon ("${quote(last)}"): what it introduces was not read with it`,
      }
    : null;
};

/** Words in an answer from which a capped part may hold its work in sentences (see gradePart). */
const CAPPED_WORDS = 8;
/** Function names, which are maths, not sentences. */
const MATH_WORDS = /^(?:tanh|sech|sigma|sigmoid|diag|softmax|exp|log|sqrt|prod|sum)$/i;

/** A line of an answer that revises it in place: "UPDATE: 4×18 is 72, not 60", "EDIT — …", "Correction: …". */
const REVISION = /^\s*(?:update|edit|correction|corrected|revised|erratum)\b\s*[:—–-]/i;

/**
 * An answer that revises itself in place and still loses marks: which of its values stands (the one
 * the revision names, or the one written last) is a person's reading.
 */
const revisedInPlace: PartDoubt = ({ part, answer, score }) => {
  const line = score < part.points ? answer.lines.find((l) => REVISION.test(l.text)) : undefined;
  return line
    ? {
        conf: 0.5,
        reason: `the answer revises itself ("${quote(line.text)}"): a person reads which value stands`,
      }
    : null;
};

/**
 * An answer given in two places (a correction later in the script) that still loses marks: which place
 * stands, the first answer's own `Answer:` or the correction, is a person's reading. (A summary row
 * restating a final answer is no second place.)
 */
const answeredTwice: PartDoubt = ({ part, answer, score }) =>
  score < part.points && answer.occurrences - (answer.summaryRows ?? 0) > 1
    ? { conf: 0.5, reason: 'the part is answered in two places: a person reads which answer stands' }
    : null;

/**
 * A right value given nothing for want of working, where a console printed it ("h_t <- o_t * tanh(C_t)",
 * "[1] 0.6043678 0 0"): the commands computed it from vectors the student set, maybe in another
 * answer — whether that is working shown is a person's reading.
 */
const printedWithoutWorking: PartDoubt = ({ answer, results }) =>
  results.some((r) => r?.bare) && printedByConsole(answer.text)
    ? {
        conf: 0.5,
        reason:
          'the value was printed by a console, from commands that may set its numbers elsewhere: a person checks the working',
      }
    : null;

/**
 * A right value given nothing for want of a reason, beside a reason of the "one … per …" kind the
 * rubric's do not name ("b_f is 3 x 1 (one bias per slot)", the student's own word for a unit):
 * whether it is the reason asked for is a person's reading.
 */
const unnamedReason: PartDoubt = ({ part, answer, results }) => {
  if (!part.work.counts.includes('reason') || !results.some((r) => r?.bare)) return null;
  const said =
    /\b(?:one|a|1|single|each)\s+(?:[a-z]+\s+){0,2}?(?:per|for\s+(?:each|every))\s+[a-z]{3,}/i.exec(
      answer.text,
    );
  return said
    ? {
        conf: 0.5,
        reason: `gives a reason the rubric's reasons do not name ("${quote(said[0])}"): a person reads it`,
      }
    : null;
};

/**
 * An expression judged wrong whose symbols lost their subscripts to spaces ("e kj = s k-1 . hj", a
 * notes app's handwriting converted to text): which letters are indices is a person's reading.
 */
const spacedSubscripts: PartDoubt = ({ part, answer, results }) => {
  const lost = part.items.some(
    (it, k) => it.type === 'expression' && results[k] && results[k].awarded < results[k].max,
  );
  const spaced = /(?<![\w.])[A-Za-z]\s(?:[tk]\s?[-+]\s?1|kj|t|k|j)(?![\w.])/.exec(answer.text);
  return lost && spaced
    ? {
        conf: 0.5,
        reason: `a symbol's index may be written after a space ("${spaced[0]}"): a person reads the expression`,
      }
    : null;
};

/**
 * Marks withheld from an answer holding words broken into pieces, line after line ("V  P" / "a  o" /
 * "ri  si": a table's column too narrow for "Variable" and "Position", as a large font sets it): what
 * the cells say is a person's reading.
 */
const shreddedWords: PartDoubt = ({ part, answer, score }) => {
  if (score >= part.points) return null;
  const pieces = answer.lines.filter((l) => /^\s*\p{L}{1,2}(?:\s+\p{L}{1,2})*\s*$/u.test(l.text));
  return pieces.length >= 3
    ? {
        conf: 0.5,
        reason: `holds words broken into pieces ("${quote(pieces.map((l) => l.text.trim()).join(' / '))}"): a person reads it`,
      }
    : null;
};

/**
 * An answer earning nothing that sets another question's quantity to numbers ("h_t = (0.6044, 0, 0)"
 * under 2(b), "b_f is 3 × 1" under 4(b)): its label may be another part's (a template numbering its
 * boxes its own way), so a person reads which part it answers. (`owner:<symbol>`, set by gradeScript.)
 */
const anotherQuestionsQuantity: PartDoubt = ({ part, ctx, score }) => {
  // (an answer earning nothing of its own: one that earns some is this part's, with a stray line)
  if (score > 0) return null;
  for (const raw of ctx.ev.lines) {
    // (after a word that heads it, "Solution: b_f is 3 × 1")
    const line = raw.replace(/^\s*\p{L}+\s*:\s*(?=\S)/u, '');
    const sym = definedSymbol(line);
    const owner = sym ? ctx.answers.get(`owner:${canonicalSymbol(sym)}`) : undefined;
    if (typeof owner !== 'string' || questionNumber(owner) === questionNumber(part.id)) continue;
    // (set to numbers alone, not to a formula: 4(a)'s "h_t = o_t ⊙ tanh(c_t) ⇒ … = 1 − tanh²(c_t)" is
    // its own working; and to a value of that quantity's kind: a vector for C_t, a shape for W_f —
    // "c_t is 3" under question 3 is a size)
    const rhs =
      normalizeMath(line)
        .split(/=|:|\bis\b/i)
        .at(-1) ?? '';
    const vector = /^\s*[[({]\s*-?[\d.]+\s*(?:[,;]\s*-?[\d.]+\s*)+[\])}]\s*[.,]?\s*$/.test(rhs);
    const shape = /^\s*\d+\s*[×x*]\s*\d+\s*[.,]?\s*$/.test(rhs);
    const kind = ctx.answers.get(`kind:${owner}`);
    if ((vector && kind === 'vector') || (shape && kind === 'dimension'))
      return {
        conf: 0.5,
        reason: `sets ${sym}, ${owner}'s quantity, to numbers ("${quote(line)}"): a person checks which part this answers`,
      };
  }
  return null;
};

/** The part-level doubts, in the order their reasons are given. */
const DOUBTS: PartDoubt[] = [
  unreadableExpression,
  garbledMapping,
  lostOnOcr,
  unrecognisedExplanation,
  workForOneNotAnother,
  referredToOutside,
  pointsElsewhere,
  workInAppendix,
  workInQuestionBlock,
  workAboveItsLabel,
  workInAnotherAnswer,
  choseAmongOptions,
  sharedAnswer,
  unknownTerms,
  ownNameReading,
  unreadFractions,
  termForLastStep,
  brokenBracket,
  unreadMaths,
  breaksOffAtEquals,
  revisedInPlace,
  answeredTwice,
  printedWithoutWorking,
  unnamedReason,
  spacedSubscripts,
  shreddedWords,
  anotherQuestionsQuantity,
];

// ---------------------------------------------------------------------------------------------
// parts and scripts

export function gradePart(
  part: Part,
  answer: PartAnswer | undefined,
  script: ExtractedScript,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  hidden = false,
  /** a part with no answer of its own whose quantities, or whose label, this answer writes (its answer may be here) */
  holds?: { part: string; by: 'quantities' | 'label' },
): { grade: PartGrade; reading: PartReading } {
  if (!answer?.text.trim()) return noAnswer(part, script, hidden, keyInAnotherAnswer(part, script, answers));
  // (under a label only guessed, "nothing here" may be the label's misreading: a person looks)
  if (notAttempted(answer.text)) return skipped(part, answer, 'not attempted', ctx.reviewThreshold);
  // each part is graded on its own answer: the course's graders do not carry a reason written in
  // 3(a) over to a bare 3(b)
  const glossary = scriptGlossary(script);
  const ev = analyse(answer, glossary);
  const ictx = itemContext(part, ev, script, ctx, answers);
  const results: ItemResult[] = part.items.map((item) => gradeItem(item, ictx));
  let score = results.reduce((s, r) => s + r.awarded, 0);
  const reasons = results.map((r) => `${r.awarded}/${r.max}: ${r.reason}`);
  // (a mark that stands only on a size letter the script defines elsewhere, alone on its line,
  // "b_f : n = 3": the course's graders split on whether that letter is a reason (ADJUDICATION.md,
  // Round 106); a person reads it)
  const scoreWithoutSizes = () => {
    const plain = itemContext(
      part,
      analyse(answer, { ...glossary, sizes: new Map() }),
      script,
      ctx,
      new Map(answers),
    );
    return part.items.reduce((s, item) => s + gradeItem(item, plain).awarded, 0);
  };
  const leansOnLetters = loneSizeSymbols(answer.text, glossary.sizes) && scoreWithoutSizes() < score;
  let capped = false;
  for (const cap of part.caps) {
    const present =
      cap.without === 'derivation'
        ? ictx.derivation() !== null
        : findWork({ ...part.work, counts: [cap.without] }, ev, [], false).ok;
    if (!present && score > cap.max) {
      score = cap.max;
      capped = true;
      reasons.push(`capped at ${cap.max}: ${cap.reason}`);
    }
  }
  let matchConf = results.length ? Math.min(...results.map((r) => r.conf)) : 1;
  // (marks withheld for work not recognised, beside sentences that may be that work: "2nd term since
  // c_(t+1) = f_(t+1) c_t + …", "∂L/∂h_t is the full derivative …"; measured on the free-form
  // corpus, a capped answer with eight words or more was wrong 4 times in 6, one with fewer 0 times in 24)
  const words = (answer.text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !MATH_WORDS.test(w)).length;
  if (capped && words >= CAPPED_WORDS) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(
      'the marks were capped for work not recognised, beside sentences that may be it: a person checks',
    );
  }
  // (marks lost on an answer that writes another part's own quantities, that part answered nowhere:
  // its label was missed, and the value read here may be that part's, "Total = 3,057,912" under 3(c))
  // (or a line that looks like its label, "5 -" inside 3(c)'s answer: "3,120,000" read there is 5's)
  if (holds && score < part.points) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(
      holds.by === 'label'
        ? `this answer holds a line like ${holds.part}'s label and ${holds.part} has no answer of its own: a person checks which lines are this part's`
        : `this answer writes ${holds.part}'s quantities and ${holds.part} has no answer of its own: a person checks which lines are this part's`,
    );
  }
  if (leansOnLetters) {
    matchConf = Math.min(matchConf, 0.5);
    reasons.push(
      "the reason is a size letter the script defines elsewhere, written alone here: whether it is a reason is a person's call",
    );
  }
  const outcome = { part, answer, script, ctx: ictx, results, score };
  for (const doubt of DOUBTS) {
    const d = doubt(outcome);
    if (!d) continue;
    matchConf = Math.min(matchConf, d.conf);
    if (d.reason) reasons.push(d.reason);
  }
  const found = confirmedConfidence(part, answer, results, score);
  const confidence = Math.max(0, Math.min(1, Math.min(found, matchConf)));
  const review = confidence < ctx.reviewThreshold;
  if (review) reasons.push(`sent to a person: ${reviewCause(found, results, ctx.reviewThreshold)}`);
  if (readInDoubt(part, results, found < ctx.reviewThreshold, ctx)) answers.set(`unread:${part.id}`, true);
  const evidence = answer.regions;
  return {
    grade: {
      score: round(Math.min(part.points, score)),
      max: part.points,
      review,
      reasons,
      items: results.map(({ id, label, max, awarded, reason, evidence }) => ({
        id,
        label,
        max,
        awarded,
        reason,
        evidence,
      })),
      confidence: round(confidence),
      evidence,
    },
    reading: {
      values: Object.fromEntries(results.filter((r) => r.value !== undefined).map((r) => [r.id, r.value])),
      wrong: results.filter((r) => r.wrong).map((r) => `${part.id}:${r.wrong}`),
    },
  };
}

/**
 * Whether what builds on this part cannot be checked against its values (items/value.ts reads
 * `unread:`): a value not credited in full in an answer whose start was only guessed, or a wrong
 * value read with doubt enough to send the part to a person (a right value whose working is in
 * doubt carries forward as it is).
 */
function readInDoubt(
  part: Part,
  results: ItemResult[],
  placedInDoubt: boolean,
  ctx: GradingContext,
): boolean {
  return results.some((r, k) => {
    const item = part.items[k];
    if (r.value === undefined || r.awarded >= r.max) return false;
    if (placedInDoubt) return true;
    return (
      item.type === 'value' &&
      r.conf < ctx.reviewThreshold &&
      !valueMatches(item, r.value, resolveKey(item.key, ctx.keys))
    );
  });
}

/** Why a part goes to a person, in the TA's terms: where it was found, or which reading was unsure. */
function reviewCause(found: number, results: ItemResult[], threshold: number): string {
  if (found < threshold)
    return 'where this answer starts was not read with certainty (its label was guessed or misread)';
  const unsure = results.filter((r) => r.conf < threshold).map((r) => `"${r.reason}"`);
  if (unsure.length) return `the grader is unsure of its own reading: ${unsure.join('; ')}`;
  return 'the reading or the match is uncertain';
}

export interface GradedScript {
  grade: ScriptGrade;
  readings: Record<string, PartReading>;
  /** normalised text of each part, for similarity */
  texts: Record<string, string>;
}

/** Grade one extracted script (no batch flags: see gradeBatch). */
export function gradeScript(
  rubric: Rubric,
  ctx: GradingContext,
  script: ExtractedScript,
  file = script.file ?? '',
  previous?: PreviousGrading,
): GradedScript {
  // a question answered as one block: its sub-parts' answers found by what their lines define
  script = placeByContent(script, rubric);
  const parts: Record<string, PartGrade> = {};
  const readings: Record<string, PartReading> = {};
  const texts: Record<string, string> = {};
  const answers = new Map<string, unknown>();
  for (const part of rubric.parts)
    for (const item of part.items) {
      if (item.type !== 'value') continue;
      // (whose quantity each symbol is: a value read off another question's, items/value.ts)
      for (const n of item.names) answers.set(`owner:${canonicalSymbol(n)}`, part.id);
      if (item.names.length) answers.set(`kind:${part.id}`, item.shape);
      try {
        const k = resolveKey(item.key, ctx.keys);
        answers.set(`key:${part.id}#${item.id}`, k);
        if (!answers.has(`key:${part.id}`)) answers.set(`key:${part.id}`, k);
      } catch {
        // a key the engine does not compute is reported when the item is graded
      }
    }
  const hidden = possiblyHidden(script, rubric);
  // (another question's, by its key's numbers: an answer to 1(b)(ii) or 4(a) writes C_t as its own working)
  const holders = new Map<string, { part: string; by: 'quantities' | 'label' }>(
    [...hiddenHolders(script, rubric, true)].flatMap(([id, held]) => {
      const other = held.find((h) => questionNumber(h) !== questionNumber(id));
      return other ? [[id, { part: other, by: 'quantities' as const }] as const] : [];
    }),
  );
  // (and the answer holding a line like the label of another question's part answered nowhere, where
  // the lines from it on change its grade: "5 -" inside 3(c), 5's "= 3120000" read as 3(c)'s count)
  // (a sub-label, "i." in 1(a)'s list, is its own question's list as often as a missed label)
  // (judged as each holder is graded, with the earlier answers its grade carries forward)
  const heldLabels = new Map<string, { part: string; line: number }>();
  for (const part of rubric.parts) {
    if (script.parts[part.id]?.text.trim()) continue;
    const held = labelHolder(part.id, script);
    if (held && questionNumber(held.partId) !== questionNumber(part.id) && !heldLabels.has(held.partId))
      heldLabels.set(held.partId, { part: part.id, line: held.line });
  }
  for (const part of rubric.parts) {
    const label = heldLabels.get(part.id);
    if (label && !holders.has(part.id) && linesAfterChangeGrade(part, script, ctx, answers, label.line))
      holders.set(part.id, { part: label.part, by: 'label' });
    const kept = previous?.unchanged.has(part.id) ? keptPart(part, previous, answers) : null;
    const { grade, reading } =
      kept ??
      gradePart(part, script.parts[part.id], script, ctx, answers, hidden.has(part.id), holders.get(part.id));
    if (!kept && answers.has(`unread:${part.id}`)) reading.unread = true;
    parts[part.id] = grade;
    readings[part.id] = reading;
    texts[part.id] = normalizeProse(script.parts[part.id]?.text ?? '');
  }
  const total = round(Object.values(parts).reduce((s, p) => s + p.score, 0));
  const h = script.header;
  // with a roster, an unconfirmed identity is nobody's: the script must not reach a wrong student
  const student = h.match
    ? { name: h.match.name, roll: h.match.roll }
    : !h.rosterChecked && (h.name || h.roll)
      ? { name: h.name, roll: h.roll }
      : null;
  return { grade: { file, student, parts, total, flags: [], flagReasons: {} }, readings, texts };
}

/**
 * Whether the answer's lines from `line` on change its grade: graded with and without them (on copies
 * of what grading records, so nothing of the trial is kept).
 */
function linesAfterChangeGrade(
  part: Part,
  script: ExtractedScript,
  ctx: GradingContext,
  answers: Map<string, unknown>,
  line: number,
): boolean {
  const answer = script.parts[part.id];
  if (!answer) return false;
  const texts = answer.text.split('\n');
  // (on its first line, the label shares the line with the answer's own start: read across a row, as
  // before; the text's lines not the answer's lines one for one, it cannot be cut: a person reads it)
  if (line <= 0) return false;
  if (texts.length !== answer.lines.length) return true;
  const cut = { ...answer, text: texts.slice(0, line).join('\n'), lines: answer.lines.slice(0, line) };
  const whole = gradePart(part, answer, script, ctx, new Map(answers)).grade.score;
  return gradePart(part, cut, script, ctx, new Map(answers)).grade.score !== whole;
}

/**
 * An unchanged part's earlier grade, with what grading it put in `answers` for the parts after it
 * (items/value.ts: each value item's value, the part's first value, `unread:` when nothing was read).
 */
function keptPart(
  part: Part,
  previous: PreviousGrading,
  answers: Map<string, unknown>,
): { grade: PartGrade; reading: PartReading } | null {
  const grade = previous.parts[part.id];
  const reading = previous.readings[part.id];
  if (!grade || !reading) return null;
  for (const item of part.items) {
    const v = item.type === 'value' ? reading.values[item.id] : undefined;
    if (v === undefined) continue;
    answers.set(`${part.id}#${item.id}`, v);
    if (!answers.has(part.id)) answers.set(part.id, v);
  }
  if (reading.unread) answers.set(`unread:${part.id}`, true);
  return { grade, reading };
}

export type { Item };
