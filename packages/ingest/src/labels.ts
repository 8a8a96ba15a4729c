// Recognising part labels ("Q1 b) i)", "1(b)(i)", "Ans 3.c", "Question 4 part (a)", "(5)", ...) at the
// start of a line, against the exam's own part tree: nothing here knows any particular exam.

import { plainSchoolLabels } from './indic.ts';
import {
  autocorrectedLabels,
  cjkLabelWords,
  digitSubParts,
  numberWordsAsDigits,
  partWords,
} from './label-digits.ts';
import { TRAILING_MARKS, wordedMarksAfter } from './marks.ts';
import { nextPart } from './next-part.ts';
import { romanValue } from './roman.ts';
import { BOXED, statusAfter, withoutTaskMarks } from './task-marks.ts';

export type PartPath = string[];

/** The exam's part tree: which labels exist at each level under a given prefix. */
export class PartTree {
  private readonly children = new Map<string, Set<string>>();
  private readonly leaves = new Map<string, string>();

  constructor(parts: Array<{ id: string; path: string[] }>) {
    for (const p of parts) {
      const path = p.path.map((s) => s.toLowerCase());
      this.leaves.set(path.join('/'), p.id);
      for (let i = 0; i < path.length; i++) {
        const key = path.slice(0, i).join('/');
        const set = this.children.get(key) ?? new Set<string>();
        set.add(path[i]);
        this.children.set(key, set);
      }
    }
  }

  /** The paths of the parts under `prefix`, in the exam's order. */
  leavesUnder(prefix: PartPath): PartPath[] {
    if (this.partId(prefix) !== null) return [prefix];
    return [...this.childrenOf(prefix)].flatMap((c) => this.leavesUnder([...prefix, c]));
  }

  childrenOf(prefix: PartPath): Set<string> {
    return this.children.get(prefix.join('/')) ?? new Set();
  }

  /** The part id whose path is exactly `path`, or null for an inner node or unknown path. */
  partId(path: PartPath): string | null {
    return this.leaves.get(path.join('/')) ?? null;
  }

  isNode(path: PartPath): boolean {
    return this.partId(path) !== null || this.children.has(path.join('/'));
  }
}

export type Label = {
  /** the resolved path, e.g. ["1","b","ii"]; a leaf (a part) or an inner node (context only) */
  path: PartPath;
  /** the part id when the path is a part, else null */
  partId: string | null;
  /** index in the line text where the answer content starts (after the label) */
  end: number;
  /** how cleanly the label was read, [0, 1] */
  conf: number;
  /** weak labels ("5.", "b)") need to be at the left margin to count */
  weak: boolean;
  /** a bare question number with the answer on its line ("3 W_f is 3 × 5"): only where expected */
  bare?: boolean;
  /** a note naming the part it belongs to ("Notes (4 a): …"): more of that answer, not a second place */
  note?: boolean;
};

type Comp = { raw: string; start: number; end: number; paren: boolean; sep: 'strong' | 'weak' | 'none' };

/** Words that lead a correction's label, in English and the languages exchange students write in ("Korrektur zu 1(b)(ii)", "Corrección a 3c", "Correção da 2b"). */
const CORRECTION = '(?:correction|corrected|revised|korrektur|berichtigung|correcci[oó]n|corre[cç][aã]o)';
/** What joins a correction's word to its label ("to", "zu", "a", "de", "da", …). */
const CORRECTION_TO = '(?:to|for|of|zur?|a|à|au|del?|da|do)';

const PREFIX = new RegExp(
  String.raw`^\s*(?:(?:(?:p\.\s*(?:p\.\s*)?s\.\s*\(?\s*(?=corr|revis|addend))?(?:${CORRECTION}|corr\.|addendum|addition|continued|contd\.?|(?:back\s+to|returning\s+to|resuming)(?=\s+(?:question|ques|qn|q|part|ans(?:wer)?)\b|\s+\d{1,2}\s*[(.]?\s*[a-h]\b))\s*(?:${CORRECTION_TO}\b|[:\-–])?\s*(?:(?:question|qn|q|ans(?:wer)?)\b\.?\s*|q\.?\s*(?=\d))?|(?:answer|ans\.?|solution|soln\.?)\s+(?:to|for|of)\s+(?:question|ques|qn|q)\.?\s*(?:no\.?\s*)?[.:#-]?\s*(?=[0-9IVX])|(?:(?:answer|ans|solution)\s+(?:to|for|of)\s+(?:(?:question|q)\b\.?)?|question|ques|qn|q|a?ns(?:wer)?|sol(?:ution)?|soln|problem|prob|exercise|ex)\b\.?\s*(?:no\.?\s*)?[.:#-]?\s*|q(?=[\s.]*[0-9])))`,
  'i',
);
/** A code in capitals before the label, as a spec numbers its items: "REQ-1.b.i", "TASK-3.c" (case kept:
 *  "ft-2" is a position; three letters at least: "CT-3" is the class test). */
const CODE_PREFIX = /^\s*[A-Z]{3,5}-(?=\d{1,2}(?:[.\-\s]|$))/;
/** Q misread by OCR as 0, O, G, @, ©: only before a digit, as in "03 C)". */
// (and a Q whose number OCR read as a letter, "QI", "Ql": on a text layer "Qt" is pdfTeX's ∏ and its t)
const OCR_Q = /^\s*(?:[0OG][\s.]*(?=[0-9][\s(.)])|[@©][\s.]*(?=[0-9IlL|][\s(.)A-Za-z])|q(?=[\s.]*[IlLt|S]))/i;
/** Pointers a script sets between a label's components ("1 ▸ b ▸ ii", "1▷b▷i", "Q1 ➤ (a)"). */
const POINTERS = '▸►▶▷▹➤➜➔⊳';
/** After "Q3": an arrow or pointer to the sub-part ("Q3 → (a)", "Q1 ▸ b"). */
const PREFIXED_ARROW = new RegExp(
  // (pdfTeX's \longrightarrow is a minus joined to an arrow: "−→")
  String.raw`^\s*(?:[−-]?→|-+>|[—–]>|=+>|⇒|⟶|↦|⟼|[${POINTERS}›»]|::|\||(?<=\s)>(?=\s))\s*(?=\(|[a-z]{1,4}\b)`,
);
/** After a bare number: a pointer to a letter or roman numeral ("1 ▸ b ▸ ii"). */
const POINTER_TO_SUB = new RegExp(String.raw`^\s*[${POINTERS}›»]\s*(?=\(?(?:[a-h]|[ivx]{1,4})\b)`);
/** A number's arrows to its sub-part and on ("1→b→ii", "correction to 1→b→i", "1▷b▷i", "3->a,b"). */
const ARROWED_LABEL = new RegExp(
  String.raw`^(\s*(?:${CORRECTION}\s*(?:${CORRECTION_TO}\b)?\s*)?\d{1,2}\s*)(→|->|[${POINTERS}])(\s*[a-h]\s*)(?:(→|->|[${POINTERS}])(\s*[ivx]{1,4}\b))?(?=[\s(:.)]|,\s*[a-h]\s*$|$)`,
  'i',
);
// ("Qn. 3 / c": a slash set between spaced components)
// ("Q-1 >> (a)": an arrow of chevrons between them too)
// ("Q-3/(b)", "Q-1/(b)/(i)": a slash before a bracketed sub-label)
// ("Q.no 1 / part-b": a slash, then the word part; "Problem 1, subproblem (a)", "Q2 subtask b")
const FILLER =
  /^[\s.,:\-–—]*(?:(?:\/(?=\s|\((?:[a-h]|[ivx]{1,4})\))|>>|»)[\s.,:\-–—]*)?(?:(?:sub[- ]?)?parts?\b|sub[- ]?(?:problem|task|question)\b|sub\b\.?|pt\b\.?|item\b(?=\s*\(?[a-h]\b))?[\s.,:\-–—]*/i;

/** A heading between rules: its rule characters, the heading, and the rule again (or an aside in brackets). */
const RULE = '=*~_#═─━▬■';
// (a rule of dashes needs three: "-------- correction to Qn 1 b (i) --------")
// (an answer template's box drawn in ASCII has corners: "+--- Q1(b)(ii) [1 mark] ------+")
const RULED = new RegExp(
  `^(\\s*(?:[${RULE}]{2,}|\\+?-{3,}|#)\\s*)(\\S(?:.{0,32}?[^\\s${RULE}-])?)\\s*(?:(?:[${RULE}]*|-{3,}\\+?)\\s*$|[${RULE}]{2,}\\s*\\([^()]*\\)\\s*$)`,
);

/** Splits "1b" into "1","b" and "b2" into "b","2": labels mix digits and letters without separators. */
function splitRuns(raw: string, start: number): Array<{ raw: string; start: number }> {
  const out: Array<{ raw: string; start: number }> = [];
  // digits with an O among them ("1O") are one number misread, not a number and a letter
  const re = /[0-9][0-9Oo]*|[A-Za-z|!¢©]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) out.push({ raw: m[0], start: start + m.index });
  return out;
}

/** Reads label-like components from the start of `text` (after an optional prefix). */
export function lexLabel(text: string, ocr = false): { comps: Comp[]; prefixed: boolean } {
  let pos = 0;
  let prefixed = false;
  // "0.2" on a typed page is a number; only OCR turns a Q into a 0
  const pm = PREFIX.exec(text) ?? CODE_PREFIX.exec(text) ?? (ocr ? OCR_Q.exec(text) : null);
  if (pm) {
    prefixed = true;
    pos = pm[0].length;
  } else {
    // "Part (a)" under "Answer 4" is relative to the question, like a bare "(a)"; "Part 5" names
    // a question as plainly as "Question 5"
    // ("item (a)" under "Problem 3" too: an item is a sub-part by its letter; "Part-A:" hyphened;
    // "Part B(i)." its item in brackets; "sub (b) (i)" under "Qno. 1")
    const part =
      /^\s*(?:(?:sub-?)?part|item(?=\s*\(?[a-h](?:[).:\s]|$))|sub(?=\s*\([a-h]\)))\b\.?\s*(?:[-–]\s*)?(?=\(?([A-Za-z0-9]{1,4})(?:[).:\s]|-(?=[A-Za-z(])|(?<=\d)\(|(?<=[A-Za-z])\((?=[ivx]{1,4}\))|$))/i.exec(
        text,
      );
    pos = part?.[0].length ?? 0;
    if (part && /^\d+$/.test(part[1])) prefixed = true;
  }
  const comps: Comp[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const rest = text.slice(pos);
    // after "Q3", an arrow may lead to the sub-part ("Q3 → (a)"); never in a bare label, where an
    // arrow is the answer's ("ii → 4")
    // (a bare number's arrow leads to a sub-label in brackets, "1 → (b) → (i)", or a pointer to a
    // letter, "1 ▸ b ▸ ii", "1 ▷ b ▷ ii": an answer's arrow leads to its value)
    const arrow =
      prefixed && comps.length > 0
        ? PREFIXED_ARROW.exec(rest)
        : comps.length > 0
          ? (/^\s*(?:→|-+>|[—–]>|=+>|⇒|⟶)\s*(?=\((?:[a-h]|[ivx]{1,4})\))/.exec(rest) ??
            POINTER_TO_SUB.exec(rest))
          : null;
    // ("Ques. 1 → part a": the word part after the arrow)
    const filler = arrow
      ? arrow[0].length + (FILLER.exec(rest.slice(arrow[0].length))?.[0].length ?? 0)
      : comps.length > 0 || prefixed
        ? (FILLER.exec(rest)?.[0].length ?? 0)
        : (/^\s*/.exec(rest)?.[0].length ?? 0);
    const at = pos + filler;
    const r = text.slice(at);
    // ("(i+ii)": the first of two sub-parts in one bracket; the segmenter reads "+ii)" as the second)
    const paren = /^\(\s*([A-Za-z0-9|!¢©]{1,4}|[αβγ])\s*(?:\)|(?=[+&]\s*[A-Za-z0-9]{1,4}\s*\)))/.exec(r);
    if (paren) {
      // (a question's number in brackets with its Q, "(Q1)(a)", "(Q3)", and its letter, "(Q3c)")
      const q = comps.length === 0 ? /^[Qq](\d{1,2})([a-h])?$/.exec(paren[1]) : null;
      if (q) prefixed = true;
      const raw = q ? q[1] : paren[1];
      comps.push({ raw, start: at, end: at + paren[0].length, paren: true, sep: 'strong' });
      if (q?.[2]) comps.push({ raw: q[2], start: at, end: at + paren[0].length, paren: true, sep: 'strong' });
      pos = at + paren[0].length;
      continue;
    }
    // a sub-part in square brackets after its question's number ("Q1. [a] f_t = 4", "Q1. [b.i]")
    const square = comps.length > 0 ? /^\[\s*([a-h])\s*(?:[.\s]\s*([ivx]{1,4})\s*)?\]/i.exec(r) : null;
    if (square) {
      const letterEnd = at + square[0].indexOf(square[1]) + 1;
      comps.push({
        raw: square[1],
        start: at + 1,
        end: square[2] ? letterEnd : at + square[0].length,
        paren: true,
        sep: square[2] ? 'none' : 'strong',
      });
      if (square[2])
        comps.push({
          raw: square[2],
          start: at + square[0].lastIndexOf(square[2]),
          end: at + square[0].length,
          paren: true,
          sep: 'strong',
        });
      pos = at + square[0].length;
      break;
    }
    // "1-a", "1-b-ii": a hyphen between a number and a letter separates label components; one
    // after a label, before a space or the line's end, closes it ("Q1a-", "Q3c- W_f is …")
    // ("b.1", "b.2": sub-items numbered after a letter's dot; a dot between digits is a decimal)
    // ("3a/", "5/", "1b/i": a slash closing a label or before its roman numeral; "5/2" is a fraction;
    // "Problem 1/a", "1/a i. f_t = 5": a slash between the number and its letter)
    // ("3a∴", "1a>": a therefore sign or a chevron glued to a label closes it, as a colon does)
    // ("1·b·ii", "2 · a": a middle dot between components, before a letter or roman numeral only:
    // "5·3" is a product)
    // ("5.)", "4.b.)": a full stop and a bracket close a label together)
    // ("part a, b": a comma before the one other sub-part that ends the line ends the first, left
    // for the segmenter to read the pair; a longer list, "3 – a, b, c", is a table cell's, whose
    // sub-labels follow; its question's number repeated, "3/a, 3/b, 3/c", heads them answered together)
    const plain =
      /^([A-Za-z0-9|!¢©]{1,4})(\.\)|\)|\.(?![0-9])|(?<=[A-Za-z])[.\-–](?=[1-4](?![\d.,]))|\/(?=[ivx]{1,4}(?:\s|$)|\s|$|(?<=^\s*\d{1,2}\/)[a-h](?:\s|$|[:.)]|,(?=\s*\d{1,2}\s*\/\s*[a-h])))|:|[∴>](?=\s|$)|[-–](?=[A-Za-z(])|[-–](?=\s|$)|,(?=\s*(?:(?:[Ss]ub[- ]?)?[Pp]art|[Ss]ub-?(?:[Pp]roblem|[Tt]ask|[Qq]uestion)|[Pp]t|[Ii]tem)\b)|(?=,\s*\(?[a-h]\)?\s*$)|(?<=^[a-h])(?=,\s*\d{1,2}\s*\/\s*[a-h]\s*(?:[,:]|$))|\s?[·∙]\s?(?=(?:[a-h]|[ivx]{1,4})(?:\s?[·∙]|\s|$))|(?=\/\s*(?:\d{1,2}\s*)?\(?[a-z]{1,4}\)?\s*[:.)])|(?=\()|(?=\s|$))/.exec(
        r,
      );
    if (!plain) break;
    // (the pair's first letter only after its question: "b, c" alone is a wrapped cell's text)
    if (comps.length === 0 && !prefixed && plain[2] === '' && /^\s*,/.test(r.slice(plain[1].length))) break;
    const sep = plain[2] ? 'strong' : /^\(/.test(r.slice(plain[1].length)) ? 'strong' : 'weak';
    // OCR reads a question number 1 as l or I: "Ans la" is "Ans 1a"
    const oneAndLetter =
      comps.length === 0 &&
      (prefixed && ocr ? /^[lILt|](?:[a-z]{1,3}|[A-Z])$/ : /^[lIL|][a-z]{1,3}$/).test(plain[1]);
    const runs = oneAndLetter
      ? [
          { raw: plain[1][0], start: at },
          { raw: plain[1].slice(1), start: at + 1 },
        ]
      : splitRuns(plain[1], at);
    if (runs.length === 0) break;
    // A run of letters after digits ("1b", "3c") is a separate component.
    for (let i = 0; i < runs.length; i++) {
      const last = i === runs.length - 1;
      comps.push({
        raw: runs[i].raw,
        start: runs[i].start,
        end: last ? at + plain[0].length : runs[i + 1].start,
        paren: false,
        sep: last ? sep : 'none',
      });
    }
    pos = at + plain[0].length;
    // a word-like token ends the label ("1 apple"): multi-letter runs other than roman numerals
    if (
      !oneAndLetter &&
      /[A-Za-z]{2,}/.test(plain[1]) &&
      !/^[ivxIVXl|]+$/.test(plain[1].replace(/^[0-9]+/, ''))
    )
      break;
  }
  return { comps, prefixed };
}

const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
/** Questions numbered in capital roman numerals, in order ("II(a)", "V (answering this first)"). */
export const ROMAN_QUESTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** How `raw` fits one of `children`, with the OCR confusions we tolerate and what they cost. */
function fitChild(
  raw: string,
  children: Set<string>,
  ocr = true,
  romanParts = false,
): { value: string; conf: number } | null {
  const low = raw.toLowerCase();
  if (children.has(low)) return { value: low, conf: raw === low || raw.length === 1 ? 1 : 0.95 };
  // sub-items numbered where the exam has roman numerals ("1 b.2" is 1(b)(ii))
  const nth = ['i', 'ii', 'iii', 'iv'][Number(raw) - 1];
  if (/^[1-4]$/.test(raw) && nth && children.has(nth) && !children.has(raw)) return { value: nth, conf: 0.9 };
  // roman numerals: l, I, 1, | and ! are all read for i
  const roman = raw.replace(/[Il1|!]/g, 'i').toLowerCase();
  if (ROMAN.test(roman) && children.has(roman)) return { value: roman, conf: 0.85 };
  // the parts numbered in order in another alphabet, where the exam letters them or numbers them in
  // roman: "(α)"/"(β)" for (i)/(ii); in a script that numbers every question's parts in roman (see
  // `romanForLetters`), "(i) [part a]", "(ii) [part b]" under "Question the first"
  const kids = [...children];
  const ordinal =
    romanParts && /^[ivx]{1,4}$/.test(raw) && ROMAN.test(raw) ? romanValue(raw) : 'αβγ'.indexOf(raw) + 1;
  const inOrder = ordinal > 0 && kids.every((k) => /^[a-h]$/.test(k) || ROMAN.test(k));
  if (inOrder && !children.has(low) && kids[ordinal - 1] && (raw.length > 1 || !/^[a-h]$/.test(raw)))
    return { value: kids[ordinal - 1], conf: 0.8 };
  // a few digit/letter confusions of handwriting OCR: (b) read as (6) or (8) (or (3) when the
  // capital B's stem is lost), (a) as (9), (c) as (e)
  const letter: Record<string, string> = {
    '6': 'b',
    '8': 'b',
    '3': 'b',
    h: 'b',
    '9': 'a',
    '@': 'a',
    e: 'c',
    '¢': 'c',
    '©': 'c',
  };
  // (never on a text layer: a typed "6 is the tanh layer" is a number)
  if (ocr && low.length === 1 && letter[low] && children.has(letter[low]))
    return { value: letter[low], conf: 0.75 };
  // questions numbered in capital roman numerals ("II(a)", "IV(b)")
  const romanQ = ROMAN_QUESTIONS.indexOf(raw) + 1;
  if (romanQ > 1 && children.has(String(romanQ))) return { value: String(romanQ), conf: 0.9 };
  // question numbers: O for 0, l/I/L/t/| for 1, S for 5, Z for 2
  // (on a text layer only the roman I: a typed "S:" is a dialogue's speaker, not question 5)
  const num = ocr
    ? raw
        .replace(/[IlLt|!]/g, '1')
        .replace(/[Oo]/g, '0')
        .replace(/[Ss]/g, '5')
        .replace(/[Zz]/g, '2')
    : raw.replace(/I/g, '1');
  if (/^[0-9]+$/.test(num) && children.has(num)) return { value: num, conf: num === raw ? 1 : 0.8 };
  return null;
}

/**
 * Finds a part label at the start of a line. `context` is the path of the label before it, so that
 * a bare "ii)" after "1 b) i)" means 1b.ii and "b)" after "3 a)" means 3b. Returns null when the line
 * does not start with a label of this exam.
 */
/**
 * Enclosed numbers and letters a phone keyboard offers for labels ("Q①(a)", "❸-c", "⑴⒝(ii)"), as the
 * plain character each encloses: one character for one, so positions in the line hold (⑩ and up,
 * two digits, are left as they are).
 */
export function plainEnclosed(line: string): string {
  return line.replace(/[\u2460-\u24e9\u2776-\u2793]/g, (ch) => {
    const c = ch.codePointAt(0) ?? 0;
    const digit = (from: number) => (c - from < 9 ? String(c - from + 1) : ch);
    if (c <= 0x2473) return digit(0x2460); // ①
    if (c <= 0x2487) return digit(0x2474); // ⑴
    if (c <= 0x249b) return digit(0x2488); // ⒈
    if (c <= 0x24b5) return String.fromCharCode(97 + c - 0x249c); // ⒜
    if (c <= 0x24cf) return String.fromCharCode(65 + c - 0x24b6); // Ⓐ
    if (c <= 0x24e9) return String.fromCharCode(97 + c - 0x24d0); // ⓐ
    if (c <= 0x277f) return digit(0x2776); // ❶
    if (c <= 0x2789) return digit(0x2780); // ➀
    return digit(0x278a); // ➊
  });
}

/** "Correction to ", "correction for ": what leads a correction's label. */
export const CORRECTION_LEAD = new RegExp(String.raw`^\s*${CORRECTION}\s+${CORRECTION_TO}\s+`, 'i');
/** A continuation note in brackets at a line's start: "(Q-4 b contd.)", "(contd. 4b)", "[3(c) continued]". */
const BRACKETED_NOTE = /^\s*[([]([^()[\]]{0,30}(?:\([a-h]{1,3}\)|\([ivx]{1,4}\))?[^()[\]]{0,20})[)\]]/i;
const CONTINUED_WORD = /\b(?:contd|cont'?d|continued|cont)\b\.?/i;

/** The part a bracketed continuation note names, the label ending after its closing bracket. */
function bracketedContinuation(line: string, tree: PartTree, opts: LabelOptions): Label | null {
  const m = BRACKETED_NOTE.exec(line);
  if (!m || !CONTINUED_WORD.test(m[1])) return null;
  const inner = m[1].replace(CONTINUED_WORD, ' ').replace(/\s+/g, ' ').trim();
  const read = labelAtStart(inner, tree, [], opts);
  // (the note names a part and nothing else: "(Q-4 b contd.)", not "(contd. from the derivation)")
  if (!read?.partId || !/^[\s.,:;\-–]*$/.test(inner.slice(read.end))) return null;
  return { ...read, end: m[0].length + (/^\s*:?\s*/.exec(line.slice(m[0].length))?.[0].length ?? 0) };
}

export function findLabel(
  line: string,
  tree: PartTree,
  context: PartPath = [],
  opts: LabelOptions = {},
): Label | null {
  // a hand's "(b)" its conversion to text read as "(6)", between a question's number and a bracketed
  // roman numeral ("Q1 (6) (i)"): no number stands there (a mark would not have a sub-part after it);
  // read so at a lower confidence (OCR's own misreads are forgiven where OCR reads)
  const converted = opts.ocr
    ? line
    : line.replace(/^(\s*(?:q\.?\s*)?\d{1,2}\s*)\(6\)(?=\s*\((?:iii|ii|iv|i)\))/i, '$1(b)');
  const first = labelAtStart(converted, tree, context, opts) ?? bracketedContinuation(converted, tree, opts);
  // (a correction's label read as it stands alone where the lead-in cut it short: "Correction to
  // Q1 · Part B-i" names 1(b)(i), not question 1)
  const lead = first && first.partId === null ? CORRECTION_LEAD.exec(converted) : null;
  const alone = lead ? labelAtStart(converted.slice(lead[0].length), tree, context, opts) : null;
  const read =
    lead && alone?.partId && alone.path.length > first!.path.length
      ? { ...alone, end: alone.end + lead[0].length }
      : first;
  const label = read && converted !== line ? { ...read, conf: Math.min(read.conf, 0.85) } : read;
  // (a label is never followed by a semicolon: "(3);" is a sentence's reference wrapped to a line start)
  if (label && /^\s*;/.test(line.slice(label.end))) return null;
  // (nor is the test's own name, "CT3", a tree's root or a title: a class test, not question 3)
  if (label && /^\s*c\.?\s?t\.?\s*-?\s*\d{1,2}\s*$/i.test(line.slice(0, label.end))) return null;
  // (nor is a box ticked beside a label with another box after it: "[x] Q1 [x] Q2 …", a checklist's row)
  if (label && BOXED.test(line) && BOXED.test(line.slice(label.end))) return null;
  // (nor is a bare number with its unit in brackets and an operator after: "4 [gates] × 18 = 72",
  // "199 (px) × 199", a count annotated as it is multiplied)
  if (
    label &&
    /^\s*\d{1,2}\s*$/.test(line.slice(0, label.end)) &&
    /^\s*[[(][A-Za-z][\w\s.+-]{0,18}[\])]\s*[×x*·+\-−=/^]/.test(line.slice(label.end))
  )
    return null;
  // (nor is a bare letter followed by an assignment's arrow: "b ← n_h", pseudo-code's variable)
  if (
    label &&
    /^\s*[a-h]\s*$/i.test(line.slice(0, label.end)) &&
    /^\s*(?:←|:=|<-(?!-))/.test(line.slice(label.end))
  )
    return null;
  // (nor is a number in brackets followed by a comma: "(5), input gate σ (6), …", a list of a
  // sentence's references wrapped to a line start)
  if (
    label &&
    /^\s*\(\s*\d{1,2}\s*\)\s*$/.test(line.slice(0, label.end)) &&
    /^\s*,/.test(line.slice(label.end))
  )
    return null;
  // (nor is an equation's number joined to another by an operator or a word: "(2)+(3) in (1): C_t = …",
  // "(4) and (5) give", a derivation citing its own numbered equations)
  if (
    label &&
    /^\s*\(\d{1,2}\)\s*$/.test(line.slice(0, label.end)) &&
    /^\s*(?:[+\-−×*·=,&]|and|in|into|with|to|&)\s*\(\d{1,2}\)/i.test(line.slice(label.end))
  )
    return null;
  // (a bracketed "(Q2)" after a rule, "---- (Q2)", closes the answers above it, as trailing-labels.ts
  // reads: no heading)
  if (label && /^\s*[-—–=_~*#.]{2,}\s*\(\s*q\d{1,2}\s*\)\s*$/i.test(line)) return null;
  // (a label said twice is one: a table's clause column "4.1" beside the part's own "Q4 (a)"; the
  // two joined by an arrow or an equals sign, "§ 2.1 ↔ Q2(a)", "1.2.1 = Q1(b)(i)")
  const join = label?.partId
    ? (/^\s*(?:↔|⇔|<->|<=>|=|≡|~)\s*(?=\S)/.exec(line.slice(label.end))?.[0].length ?? 0)
    : 0;
  const again = label?.partId ? labelAtStart(line.slice(label.end + join), tree, [], opts) : null;
  const whole =
    label && again && !again.weak && again.partId === label.partId
      ? { ...label, end: label.end + join + again.end }
      : label;
  // (the part's marks after its label are no part of the answer: "Q2(b) [1 mark]  0 new parameters")
  // (nor is a checklist's status after it: "1.a  [DONE]")
  const marks = whole ? wordedMarksAfter(line.slice(whole.end)) || statusAfter(line.slice(whole.end)) : 0;
  return whole && marks ? { ...whole, end: whole.end + marks } : whole;
}

function labelAtStart(line: string, tree: PartTree, context: PartPath, opts: LabelOptions): Label | null {
  const original = line;
  // "next part" under 2(a): 2(b)
  const next = nextPart(line, tree, context);
  if (next) return next;
  // a checklist's box before it; a question's number in words, its parts in digits ("Q-three (c)",
  // "Q 3 / 1", "1.(2)-i"), in Chinese or Japanese ("答1(a)", "第二题"), AutoCorrect's "3©": the paper's form
  line = partWords(
    digitSubParts(numberWordsAsDigits(cjkLabelWords(autocorrectedLabels(withoutTaskMarks(line)))), tree),
    tree,
  );
  // the script's running number, by its own key ("Answer 7" for 3(b)); its own words around it
  if (opts.numbering?.size) {
    const m =
      /^\s*(?:\[\s*|#\s*|item\s+|(?:answer|ans|sol(?:ution)?|q)\.?\s*[-#]?\s*)?(\d{1,2})\s*\]?\s*[.:)\-–]?(?=\s|$)(?!\s*(?:=|→|->))/i.exec(
        line,
      );
    const mapped = m ? opts.numbering.get(String(Number(m[1]))) : undefined;
    const label = mapped ? labelAtStart(mapped, tree, [], { bare: true }) : null;
    if (m && label?.partId)
      return { ...label, end: m[0].length, weak: false, conf: Math.min(label.conf, 0.95) };
  }
  // a correction set in brackets, perhaps after a letter's "P.S." ("P.S. (correction to I.(b)(i)): …"):
  // the brackets blanked, the same length
  line = line.replace(
    /^(\s*(?:p\.\s*(?:p\.\s*)?s\.\s*)?)\((\s*(?:correction|corrected|revised|addendum)\b[^()]*(?:\([^()]*\)[^()]*)*)\)/i,
    (_m, lead: string, inner: string) => `${lead} ${inner} `,
  );
  // a section's name before the question it holds ("Section C — Question 3", "Part A (Question 1)",
  // "Unit II: Q2"): the question's label; the section's name blanked, the same length
  line = line.replace(
    /^(\s*)((?:section|part|unit|block|module|chapter)\s*[-–—]?\s*(?:[A-H]|[IVX]{1,4}|\d{1,2})\s*(?:[—–\-:.,|]\s*|\(\s*)?)(?=(?:q|qn|ques|question|problem|prob)\.?\s*[-#]?\s*(?:\d|[IVX]{1,4}\b))/i,
    (_m, sp: string, section: string) => sp + ' '.repeat(section.length),
  );
  // a running number with the exam's part after it in brackets ("[6] (3a)", "[2] (1b-i)", "Item 6 (3a)"): the
  // part; the number and the brackets blanked, the same length
  line = line.replace(
    /^(\s*)((?:\[\s*\d{1,2}\s*\]|item\s*\d{1,2})\s*\(\s*)(\d{1,2}\s*[-.]?\s*[a-h]?(?:\s*[-.]?\s*[ivx]{1,4})?)(\s*\))/i,
    (_m, sp: string, open: string, lab: string, close: string) =>
      sp + ' '.repeat(open.length) + lab + ' '.repeat(close.length),
  );
  // "A-1 (b)(i)", "A-5": an answer's number after a capital A and its dash, as "Q-1" (not where the
  // script letters its questions, "A.1", "B.2")
  if (!opts.outlineQuestions) line = line.replace(/^(\s*)A[-–](?=\d{1,2}(?:\s|\(|$))/, '$1Q ');
  // a table's serial number before the label in the next column ("1       Q1 (a)", "10   Q4 (b)", "[11] Q5"): blanked
  line = line.replace(
    /^(\s*)((?:\d{1,2}[.)]?|\[\s*\d{1,2}\s*\])\s+)(?=(?:q|ques|question|ans)\.?\s*\d)/i,
    (_m, sp: string, serial: string) => sp + ' '.repeat(serial.length),
  );
  // pdfTeX's big operator later on the line wraps to its start, glued to a slash label ("2/aP e_kj = …":
  // the P is a ∑): blanked, the same length, so positions hold
  line = line.replace(/^(\s*\d{1,2}\/[a-h](?:\/[ivx]{1,4})?)[PQXYRZ](?=\s)/, '$1 ');
  // a list's bullet that a font maps to a C1 control code (pdfTeX's itemize, U+0088): a space
  line = line.replace(/^(\s*)[\u0080-\u009f]/, '$1 ');
  // arrows from a question's number to its sub-part's letter and on ("1→b→ii", "3 → a", "correction
  // to 1→b→i", "1▷b▷i", a pair "3->a,b"): blanked, the same length ("ii → 4", an enumeration's answer, keeps its arrow)
  line = line.replace(ARROWED_LABEL, (_m, ...g) =>
    [g[0], ' '.repeat(g[1].length), g[2], g[3] ? ' '.repeat(g[3].length) : '', g[4] ?? ''].join(''),
  );
  line = plainSchoolLabels(plainEnclosed(line));
  // a sub-sub-part numbered in words after its part's letter ("Part B sub part one"): the numeral, padded
  line = line.replace(
    /^(\s*(?:part\s+[a-h]\b\s*,?\s*)(?:sub[- ]?part\s+))(one|two|three|four)\b/i,
    (_m, head: string, w: string) => head + SUB_WORDS[w.toLowerCase()].padEnd(w.length),
  );
  // a question numbered in small roman before its sub-part's letter ("iv-a", "i-b-ii"): the number
  // in digits, right-aligned in the same length ("ii → 4" and a bare "(ii)" have no letter after them)
  line = line.replace(
    ROMAN_QUESTION,
    (_m, sp: string, r: string, dash: string) => `${sp}${' '.repeat(r.length - 1)}${romanValue(r)}${dash}`,
  );
  // under a question's heading in a script that numbers the question's lettered parts afresh ("Question
  // 3" / "1. W_f …" / "2. b_f …"): the number is the part's letter, the same length
  if (opts.numberedParts && context.length) {
    const kids = [...tree.childrenOf(context.slice(0, 1))];
    const lettered = kids.length > 0 && kids.every((c) => /^[a-h]$/.test(c));
    line = line.replace(/^(\s*)([1-8])(?=[.)]\s)/, (m, sp: string, k: string) =>
      lettered && kids[Number(k) - 1] ? `${sp}${kids[Number(k) - 1]}` : m,
    );
  }
  // (or lettered, "A.2.1", or in capital roman, "III.1": the question's number, right-aligned in the same
  // length, and "C." heading question 3)
  // (a question's letter or roman numeral read so makes the outline number after it a label even alone
  // on its line, a column's "IV.1" above its answer: a value has no such numeral before it)
  let outlined = false;
  if (opts.outlineQuestions) {
    const roman = opts.outlineQuestions === 'roman';
    // (a lettered question's parts in bracketed roman, their own parts in bracketed numbers:
    // "A(ii)(1)" is 1(b)(i), right-aligned in the same length)
    // (a lettered question's parts by their letters after a dash: "B-a", "A-b-i", as "2-a", "1-b-i")
    if (!roman)
      line = line.replace(
        /^(\s*)([A-H])[-–](?=[a-h](?:[-–.:)]|\s|$))/,
        (_m, sp: string, q: string) => `${sp}${q.charCodeAt(0) - 64}-`,
      );
    if (!roman)
      line = line.replace(BRACKETED_OUTLINE, (m, sp: string, q: string, r: string, k?: string) => {
        const n = q.charCodeAt(0) - 64;
        // (a question without parts numbers its steps so: "E(ii)" is question 5 still)
        const label = tree.childrenOf([String(n)]).size
          ? `${n}(${String.fromCharCode(96 + romanValue(r))})${k ? ROMAN_NUMERALS[Number(k) - 1] : ''}`
          : String(n);
        return sp + label.padStart(m.length - sp.length);
      });
    line = line.replace(
      roman ? /^(\s*)(III|II|IV|I|V)(?=\.(?:\d|\s|$))/ : /^(\s*)([A-H])(?=\.(?:\d|\s|$))/,
      (_m, sp: string, q: string) => {
        outlined = true;
        return sp + String(roman ? romanValue(q.toLowerCase()) : q.charCodeAt(0) - 64).padStart(q.length);
      },
    );
  }
  // (in such a script, a question without sub-parts numbered alone: "v" is question 5; "ii" alone
  // may still be a sub-part's (ii))
  // (the question's marks after it, "v [3]", blanked; with them, a question's heading too, "iii [3]")
  if (opts.romanQuestions)
    line = line.replace(
      /^(\s*)(iii|ii|iv|i|v)(?=[.:)]?\s*(?:\[\s*\d{1,2}\s*\]\s*)?$)(\s*\[\s*\d{1,2}\s*\])?/,
      (m, sp: string, r: string, marks?: string) =>
        tree.partId([String(romanValue(r))]) || (marks && tree.isNode([String(romanValue(r))]))
          ? `${sp}${' '.repeat(r.length - 1)}${romanValue(r)}${' '.repeat(marks?.length ?? 0)}`
          : m,
    );
  // a commit's type before its scope, the part: "e41a0c1 feat(q1b-i): …", "2021-03-15 10:02 feat[3a]: …",
  // "fix(Q1.b.i): …" — read as "q1b-i: …", "Q3a: …", the hash, date, type and brackets blanked, the same length
  line = line.replace(
    /^(\s*(?:[0-9a-f]{7,8}\s+)?(?:\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}\s+)?(?:feat|fix|docs|refactor|chore|revert|test|perf|style|build)\s*[([]\s*)([^)\]\s]{1,16})(\s*[)\]]!?)(?=:)/i,
    // (a number alone as the scope, "feat[5]:", is the question's: "Q5:")
    (_m, head: string, scope: string, close: string) =>
      /^q/i.test(scope)
        ? ' '.repeat(head.length) + scope + ' '.repeat(close.length)
        : `${' '.repeat(head.length - 1)}Q${scope}${' '.repeat(close.length)}`,
  );
  // a sub-part in words in brackets after its question, "Problem 1 (part a)", "Q3 (part c)": read as
  // "Problem 1  part a ", the brackets spaces
  line = line.replace(
    /^(\s*(?:q|qn|ques|question|problem|prob)\.?\s*\d{1,2}\s*)\((\s*(?:sub-?)?part\s+[a-h]\s*)\)/i,
    '$1 $2 ',
  );
  // underscores between a label's components, as code names them ("q1_a", "q1_b_ii", "q5"): hyphens
  line = line.replace(
    /^(\s*q\d{1,2})_([a-h])(?:_([ivx]{1,4}))?(?=[\s:.)]|$)/i,
    (_m, q: string, a: string, r?: string) => (r === undefined ? `${q}-${a}` : `${q}-${a}-${r}`),
  );
  // a tilde or a bar between a label's components ("Q1 ~ b ~ ii", "1|b|ii"): a hyphen, the same length
  line = line.replace(
    /^(\s*(?:(?:q|qn|ques|question|ans)\.?\s*)?\d{1,2}\s*)[~|](\s*[a-h]\s*)(?:[~|](\s*[ivx]{1,4}))?(?=[\s:.)]|$)/i,
    (_m, q: string, sub: string, subsub?: string) => `${q}-${sub}${subsub === undefined ? '' : `-${subsub}`}`,
  );
  // a sub-part and its sub-sub-part in one bracket ("(b-i)", "(b–ii)"; after its question's number,
  // "1.(b.i)", "I.(b.ii)", "Q1 (b-i)"): read as "b-i)", the opening bracket a space
  line = line.replace(
    /^(\s*(?:(?:q|qn|ques|question|ans)\.?\s*)?(?:(?:\d{1,2}|[IVX]{1,4})\.?\s*)?)\((?=[a-h]\s*[-–.]\s*[ivx]{1,4}\))/i,
    '$1 ',
  );
  // a function per part in a script written as code ("def q1_b_i():", its underscores lost to
  // spaces in a typewriter font: "def q1 b i():"): "def" and the brackets blanked, the same length
  line = line.replace(
    /^(\s*)def\s+(q\d{1,2}(?:[\s_]+[a-h])?(?:[\s_]+[ivx]{1,4})?)\s*\(\s*\)\s*:?/i,
    (m, sp: string, name: string) =>
      sp +
      ' '.repeat(m.indexOf(name) - sp.length) +
      name.replace(/_/g, ' ') +
      ' '.repeat(m.length - m.indexOf(name) - name.length),
  );
  // a table row's label cell closed with no space before its bar ("| 1-b-ii| h_t = …"): the bar a
  // space, the same length (a bar after a label's last letter would read as OCR's l for i)
  line = line.replace(/^(\s*\|\s*\d[\w().-]{0,10})\|/, '$1 ');
  // a label written as code: a name with underscores ("q1_b_i:", "Q3_c =", "ans_1b_i:"), a notebook cell's
  // prompt ("In [1b_i]:", "In [4a]:") or type, a comment between rules ("# --- Q1.b.ii ---"): the
  // code's marks blanked and its underscores spaces, the same length
  line = line
    // (a raised letter of the line above that pdfTeX set against a label's word, "AnswerT number four,
    // b" under "… (ŷ^T − y^T)": a space, the same length)
    .replace(/^(\s*(?:[Aa]nswer|[Qq]uestion|[Qq]ues|[Ss]olution|[Ss]oln?|[Pp]roblem))[A-Z](?=\s)/, '$1 ')
    // (a notebook cell's type before its text, "[markdown]  Question 1 part b (i)")
    .replace(
      /^(\s*)(\[(?:markdown|md|code|text|raw)\]\s*)/i,
      (_m, sp: string, tag: string) => sp + ' '.repeat(tag.length),
    )
    .replace(
      /^(\s*)((?:q|ans_?|answer_|sol_|soln_)\d{1,2}(?:_?[a-h])?(?:_[ivx]{1,4})?)(?=\s*[:=\-–]|\s*$)/i,
      (_m, sp: string, name: string) => sp + name.replace(/_/g, ' '),
    )
    .replace(
      /^(\s*)(In\s*\[\s*)(\d{1,2}\s*[a-h]?(?:[_.\s]?[ivx]{1,4})?)(\s*\]\s*:)/,
      // (a bare number is a notebook's cell counter, "In [5]:", unless the script names its cells by part)
      (m, sp: string, open: string, name: string, close: string) =>
        /[a-h]/i.test(name) || opts.notebookParts
          ? sp + ' '.repeat(open.length) + name.replace(/_/g, ' ') + ' '.repeat(close.length)
          : m,
    )
    .replace(
      /^(\s*)(#\s*-{2,}\s*)(\S.{0,64}?)(\s*-{2,}\s*)$/,
      (_m, sp: string, open: string, name: string, close: string) =>
        sp + ' '.repeat(open.length) + name + ' '.repeat(close.length),
    );
  // a table cell's "1·b·ii" wrapped after "1·b": the next line's "·ii" is the sub-part under the
  // context; its dot blanked, the same length
  if (context.length) line = line.replace(/^(\s*)[·∙](?=\s?(?:[a-h]|[ivx]{1,4})(?:\s|$))/, '$1 ');
  // a label as a chain of brackets ("[Q1][b][i]", "[Q4][a]", "[1][b][ii]"): the question's brackets
  // blanked and its sub-parts' squared brackets round, the same length ("[3]" alone is a step's number)
  line = line.replace(
    /^(\s*)\[(\s*(?:q\s*)?\d{1,2}\s*)\]((?:\[\s*(?:[a-h]|[ivx]{1,4})\s*\]){0,2})/i,
    (m, sp: string, q: string, subs: string) =>
      /q/i.test(q) || subs ? `${sp} ${q} ${subs.replace(/\[/g, '(').replace(/\]/g, ')')}` : m,
  );
  // an answer booklet's block border with the part's label in it ("+-- Q. No.: Q.1 (b) (i) ----- Marks: [  ]
  // ---+"): the border and what follows its rule blanked, the same length, so the label stands alone
  line = line.replace(
    /^(\s*)(\+?-{2,}\s*)(\S.*?\S)(\s*-{3,}.*)$/,
    (m, sp: string, edge: string, inner: string, rest: string) =>
      /\d/.test(inner) && inner.length <= 40
        ? sp + ' '.repeat(edge.length) + inner + ' '.repeat(rest.length)
        : m,
  );
  // (a form's field name before the label, "Q. No.: Q.1 (a)", "Question No. - 3(c)", the label perhaps in
  // the field's brackets, "Q. No. [ Soln. 1(a) ]": blanked, the same length)
  line = line
    .replace(
      /^(\s*)(q(?:uestion)?\.?\s*no\.?\s*[:.\-–]?\s*\[)([^[\]]{1,24})\](?=\s|$)/i,
      (m, sp: string, field: string, inner: string) =>
        /\d/.test(inner) ? `${sp}${' '.repeat(field.length)}${inner} ` : m,
    )
    .replace(
      /^(\s*)(q(?:uestion)?\.?\s*no\.?\s*[:\-–]\s*)(?=(?:q|ques|question)?\.?\s*\d)/i,
      (_m, sp: string, field: string) => sp + ' '.repeat(field.length),
    );
  // a range of sub-parts in brackets ("[3a–c]", "[3a--c]"): the brackets blanked, the same length,
  // so it reads as "3a–c" does (the segmenter shares the answer over the range)
  line = line.replace(/^(\s*)\[(\s*\d{1,2}\s*[a-h]\s*(?:–|—|-{1,2})\s*[a-h]\s*)\]/i, '$1 $2 ');
  // (or its letters run together, "[2ab]", "[3abc]": read as the range "2a–b", "3a–c", the same length)
  line = line.replace(
    /^(\s*)\[(\s*\d{1,2})([a-h])([a-h]{1,3})(\s*)\]/i,
    (m, sp: string, q: string, a: string, rest: string, ws: string) =>
      [...rest].every((c, k) => c.charCodeAt(0) === a.charCodeAt(0) + k + 1)
        ? `${sp} ${q}${a}–${rest.slice(-1)}${' '.repeat(rest.length + ws.length - 1)}`
        : m,
  );
  // (and a part's two sub-parts after a colon in its brackets, "[1b : i+ii]": read as "1b(i+ii)", the same length)
  line = line.replace(
    /^(\s*)\[(\s*\d{1,2}\s*[a-h])(\s*[:.]\s*)([ivx]{1,4})(\s*\+\s*)([ivx]{1,4})(\s*)\]/i,
    (m, sp: string, part: string, _c: string, r1: string, _p: string, r2: string) => {
      const read = ` ${part}(${r1}+${r2})`;
      return sp + read + ' '.repeat(m.length - sp.length - read.length);
    },
  );
  // a question word in Chinese or Japanese before the number ("問 1(a)", "設問 1-b-i", "第1题(b)"):
  // blanked, the same length, and the counter word after the number too when a sub-part follows
  line = line.replace(
    /^(\s*)(\p{Script=Han}{1,3})(\s*\d{1,2}\s*)(\p{Script=Han}?)(?=\s*[-.(]?\s*[a-hA-H](?![a-z]))/u,
    (_m, sp: string, han: string, n: string, after: string) =>
      sp + ' '.repeat(han.length) + n + ' '.repeat(after.length),
  );
  // pdfTeX's \textcircled{1} in the text layer: the circle as a capital O before the digit
  // ("O1 –b–ii", "O5 Depthwise …"), read as the Q it stands for where a sub-label or a word follows
  line = line.replace(/^(\s*)O(?=[1-9]\s*[–—-]\s*\(?[a-h]\b|[1-9]\s+[A-Z][a-z])/, '$1Q');
  // a middle dot between a question and its sub-part in words ("Problem 1 · sub-part (a)"): a comma,
  // the same length
  line = line.replace(
    /^(\s*(?:problem|question|ques|q)\.?\s*\d{1,2})(\s*[·•]\s*)(?=(?:sub-?\s?)?part\b)/i,
    (_m, q: string, dot: string) => `${q},${' '.repeat(dot.length - 1)}`,
  );
  // a Markdown heading's marks before a named label ("## Q1 (a)  matching …", "# Q3  parameter
  // count"), or MATLAB's cell marks ("%% Q1 (b)(i)  -----"): blanked, so the title after it reads as it
  // does after a plain "Q3"
  line = line.replace(
    // (or a bare label naming its sub-part, or alone on the line: "## 1 b ii -", "## 5"; a code
    // comment's "# 4 gates" names none)
    /^(\s*)(#{1,6}|%%)(?=\s*(?:q|qn|ques|question|ans|answer|part|problem|prob|soln|solution)\.?\s*\d|\s+\d{1,2}\s*(?:[a-h]\b|[.(]\s*[a-h]\b|[-–—:.]?\s*$)(?!.*(?:-{3,}|[=*~_#═─━▬■]{2,})\s*$))/i,
    (_m, sp: string, marks: string) => sp + ' '.repeat(marks.length),
  );
  // (a heading that is a question's number alone, "## 5 -", "設問3", "第3题", is that question)
  const alone =
    /^\s*#{1,6}\s+(\d{1,2})\s*[-–—:.]?\s*$/.exec(original) ??
    /^\s*\p{Script=Han}{1,3}\s*(\d{1,2})\s*[题題问]?\s*[:.]?\s*$/u.exec(original);
  if (alone && tree.isNode([alone[1]]))
    return { path: [alone[1]], partId: tree.partId([alone[1]]), end: line.length, conf: 0.95, weak: false };
  // an essay's way into a part ("For part 1(b)(i), we first …", "Moving on to question three, …",
  // "As for 5, …", "Coming to Q.2 a), …", "In Q.4 a), …"): the phrase is blanked when a label and a
  // comma or colon follow it
  const into =
    /^(\s*(?:for\s+(?:the\s+)?(?:sub-?)?part|(?:for|in)(?=\s+q(?:uestion)?\.?\s*\d)|(?:as for|regarding|coming to|turning to|moving on to|now for|next,?\s+for)(?:\s+(?:the\s+)?(?:sub-?)?part)?)\s+)(?=(?:q(?:uestion)?\.?\s*)?[\w().]{1,16}(?:\s[\w().]{1,6}){0,2}(?:\s+(?:and|&)\s+\(?[a-h]\)?)?(?:\s+(?:sub-?)?part\s+[\w().]{1,8}(?:\s*\([ivx]{1,3}\))?)?\s*[,:])/i.exec(
      line,
    );
  // (a label its words already spell out, "Regarding Q1, sub-part (b), item (ii)", is read as it is)
  const spelled = into && !opts.plain ? findLabel(line, tree, context, { ...opts, plain: true }) : null;
  // (its comma goes with it: "For Q.3 c), 4 x 18 = 72")
  if (spelled)
    return { ...spelled, end: spelled.end + (/^\s*[,:]\s*/.exec(line.slice(spelled.end))?.[0].length ?? 0) };
  if (into && !opts.plain) {
    const from = into[1].length;
    const bare = /^(\d{1,2})\s*(?=[,:])/.exec(line.slice(from));
    const l =
      bare && tree.isNode([bare[1]])
        ? {
            path: [bare[1]],
            partId: tree.partId([bare[1]]),
            end: from + bare[0].length,
            conf: 0.9,
            weak: false,
          }
        : findLabel(' '.repeat(from) + line.slice(from), tree, context, opts);
    // ("Moving on to question three, part (a): …": its sub-part after the comma)
    const sub =
      l?.partId === null ? /^\s*,?\s*(?:sub-?)?part\s+(?=\(|[a-h]\b)/i.exec(line.slice(l.end)) : null;
    if (l && sub) {
      // (a bare letter, "part b,", read as "(b)": two characters more before the end)
      const rest = line.slice(l.end + sub[0].length);
      const bracketed = /^[a-h]\b/i.test(rest);
      const inner = findLabel(bracketed ? `(${rest[0]})${rest.slice(1)}` : rest, tree, l.path, opts);
      if (inner && inner.path.length > l.path.length) {
        const end = l.end + sub[0].length + inner.end - (bracketed ? 2 : 0);
        const colon = /^\s*[,:]?\s*/.exec(line.slice(end))?.[0].length ?? 0;
        return { ...inner, end: end + colon, weak: false, conf: Math.min(inner.conf, 0.9) };
      }
    }
    // (the comma after it goes with it)
    const comma = /^\s*[,:]\s*/.exec(line.slice(l?.end ?? 0))?.[0].length;
    if (l && (comma !== undefined || /[,:]\s*$/.test(line.slice(from, l.end))))
      return { ...l, end: l.end + (comma ?? 0), weak: false, conf: Math.min(l.conf, 0.9) };
    // (a pair, "For Q.3 a) and b), …": the segmenter reads the second)
    if (l?.partId && /^\s*(?:and|&)\s+\(?[a-h]\)?\s*[,:]/i.test(line.slice(l.end)))
      return { ...l, weak: false, conf: Math.min(l.conf, 0.9) };
  }
  // a heading over all of a question's parts ("Answer to Question 3, sub-parts (a), (b), (c)",
  // "Problem 3, parts (a)–(c)") heads the question: the list is blanked, and the parts' own marks
  // inside the answer place them
  line = line.replace(
    /^(\s*(?:(?:answer|ans|solution)\s+(?:to|for|of)\s+)?(?:question|q|problem)\.?\s*\d{1,2})(,?\s*(?:sub-?)?parts\s*\(?[a-h]\)?(?:(?:\s*(?:,|and|&)\s*\(?[a-h]\)?)+|\s*(?:[–—-]{1,2}|to)\s*\(?[a-h]\)?))/i,
    (_m, head: string, list: string) => head + ' '.repeat(list.length),
  );
  const label =
    invertedLabel(line, tree) ??
    writtenLabel(line, tree, context, outlined ? { ...opts, sectionAlone: true } : opts) ??
    spelledOut(line, tree, context, opts);
  // a reference wrapped onto a line of its own closes the bracket it was opened in ("… (from III (a),"
  // / "III (b)). There are four …"): a label does not
  if (label && /^\s*\)/.test(line.slice(label.end)) && !/\(\s*$/.test(line.slice(0, label.end))) return null;
  // equation numbers listed at a line start ("(5), (6), (7) only use dot products …") refer back
  // to equations: a question label is not followed by more numbers in brackets
  if (
    label &&
    /^\s*\(\d{1,2}\)\s*$/.test(line.slice(0, label.end)) &&
    /^\s*(?:,|and\b|&|or\b)\s*\(\d{1,2}\)/.test(line.slice(label.end))
  )
    return null;
  return label;
}

/**
 * "Part (ii) of 1(b)", "Part (a) of 2", "Part (i)–(vi) of 1(a)": the part named before its question
 * (a range of 1(a)'s items names 1(a) itself). Read before a written label, which would take
 * "Part (ii)" alone in the context of the label before it.
 */
function invertedLabel(line: string, tree: PartTree): Label | null {
  const inverted =
    /^\s*(?:sub-?)?part\s*\(?([a-h]|[ivx]{1,4})\)?(\s*(?:[–—-]|to)\s*\(?[ivx]{1,4}\)?)?\s+of\s+(?:q(?:uestion)?\.?\s*)?(\d{1,2})\s*(?:\(([a-h])\)|([a-h])\b)?/i.exec(
      line,
    );
  if (!inverted || !/^\s*(?:$|[:\-–—.,])/.test(line.slice(inverted[0].length))) return null;
  const [, own, range, q, inParen, inPlain] = inverted;
  const letter = (inParen ?? inPlain)?.toLowerCase();
  const mine = own.toLowerCase();
  // (a question without sub-parts: "Part (a) of 5" is question 5)
  const path =
    tree.partId([q]) !== null
      ? [q]
      : /^[a-h]$/.test(mine) && !letter && !range
        ? [q, mine]
        : /^[ivx]+$/.test(mine) && letter
          ? range
            ? [q, letter]
            : [q, letter, mine]
          : null;
  const partId = path ? tree.partId(path) : null;
  if (!path || partId === null) return null;
  const gap = /^\s*[:\-–—.]?\s*/.exec(line.slice(inverted[0].length))?.[0].length ?? 0;
  return { path, partId, end: inverted[0].length + gap, conf: 1, weak: false };
}

/**
 * A label said in words, where no written label was found ("First question, second part, (i)",
 * "PROBLEM ONE (b)(ii)", "Regarding Q1, sub-part (b), item (i)", "Sub-question 3.a", "[ Q3(c)
 * response ]", "1/b/ii :", after "Correction to" too): read as the label it spells, ending where
 * the words end.
 */
function spelledOut(line: string, tree: PartTree, context: PartPath, opts: LabelOptions): Label | null {
  const fix =
    new RegExp(String.raw`^\s*${CORRECTION}\s*(?:${CORRECTION_TO}\b)?\s*`, 'i').exec(line)?.[0].length ?? 0;
  const spelled = spelledLabel(line.slice(fix));
  if (!spelled) return null;
  const l = writtenLabel(spelled.label, tree, context, opts);
  if (!l || l.end < spelled.label.trimEnd().length) return null;
  const end = fix + spelled.end;
  const gap = /^\s*[:\-–—]?\s*/.exec(line.slice(end))?.[0].length ?? 0;
  return { ...l, end: end + gap, weak: false };
}

function writtenLabel(
  line: string,
  tree: PartTree,
  context: PartPath = [],
  opts: LabelOptions = {},
): Label | null {
  // pdfTeX's big operators wrap onto the next line's start ("PQ2 a)": the P is a ∑) and leave their
  // limits glued to a label ("Q2j b)": the j is the ∑'s): neither is part of the label
  const glyphs = /^(\s*)[PQXYRZ](?=Q\s?\d)/.exec(line);
  if (glyphs) line = glyphs[1] + line.slice(glyphs[0].length);
  // (after an answer's mark too, "Soln.P2(a)n e_kj = …": the ∑'s P before the number, its limit n
  // after the label; both blanked, the same length)
  line = line
    .replace(/^(\s*(?:soln?|sol|solution|ans|answer)\.?\s*)[PQXYRZ](?=\d{1,2}\s*\()/i, '$1 ')
    .replace(
      /^(\s*(?:soln?|sol|solution|ans|answer)\.?\s*\d{1,2}\s*\([a-h]\)(?:\s*\([ivx]{1,4}\))?)[a-z](?=\s)/i,
      '$1 ',
    );
  const limit = /^(\s*Q\s?\d{1,2})[a-z](?=\s+\(?[a-h]\)|\s+\(?[ivx]{1,3}\))/.exec(line);
  if (limit && !tree.childrenOf([limit[1].replace(/\D/g, '')]).has(line[limit[0].length - 1])) {
    const l = findLabel(limit[1] + line.slice(limit[0].length), tree, context, opts);
    return l ? { ...l, end: l.end + 1 + (glyphs ? 1 : 0) } : null;
  }
  const shift = glyphs ? 1 : 0;
  // "Q1/b/i", "correction to Q1/b/i": slashes between a prefixed label's components read as spaces
  // (the same length, so positions hold; "2a/2b" joins two labels and is left alone)
  // ("Q-1/b/i", "Q#1/b/ii", "Ans. 1/a", "Ex. 1/a", "Sol-1/b/i": a hyphen or hash after the Q, or an answer, solution or
  // exercise mark instead of it)
  line = line.replace(
    /^(\s*(?:(?:correction|corrected)\s+(?:to|of|for)\s+)?(?:q|ques\w*|question|ans\w*|sol(?:n|ution)?|ex(?:ercise)?)[.#-]?\s*\d{1,2})\/([a-h])(?:\/([ivx]{1,4}))?(?=[\s:.)-]|$)/i,
    (_m, head: string, a: string, r?: string) => `${head} ${a}${r ? ` ${r}` : ''}`,
  );
  // "Ans. to Q.3(a)", "Answer to question number 1 (a)", "Q-2 (b)": the words between a mark and
  // the question's number are blanked (same length: positions in the line hold)
  line = line
    .replace(
      /^(\s*)(ans(?:wer)?s?\.?\s*(?:to|of|for)\s+)(?=(?:q|question)\b\.?\s*(?:number|no\.?|num\.?|#)?\s*\d)/i,
      (_m, sp: string, w: string) => sp + ' '.repeat(w.length),
    )
    .replace(
      /^(\s*(?:q|question)\.?\s*)(number|no\.|num\.?|#|-)(?=\s*\d)/i,
      (_m, head: string, w: string) => head + ' '.repeat(w.length),
    );
  // a list number before a label ("2. Part (b)(i): …") numbers the list, not a question: the label
  // after it is read, in its context
  // ("2. (a)" is read as question 2's (a) here: the segmenter decides when it is a list instead)
  const item = /^(\s*\d{1,2}[.)]\s+)(?=(?:sub-?)?part\b)/i.exec(line);
  if (item) {
    const l = findLabel(line.slice(item[0].length), tree, context, opts);
    if (l) return { ...l, end: l.end + item[0].length + shift };
  }
  // outline numbering ("1.1 Matching …", "1.2.1 C_t", "3.3 Total"): the k-th sub-part of the question,
  // at a line start and followed by words, never by an operator or digits ("2.1 × 3" is a number)
  // After a label word ("Task 1.2", "Item 3.3") the number may stand alone on its line. Past the
  // question's sub-parts, "q.k" counts its parts in order ("1.3" is 1(b)(ii) of 1a, 1b.i, 1b.ii).
  // ("1.2) …", "3.1) 3 × 5": a bracket closing the number makes it a label whatever follows)
  // ("[1.2.i] C_t = …", "[3.3]": in square brackets, its sub-part's number in roman too)
  // ("1.2 1.2.1 C_t = …": a section's number with its first sub-section's on one line is the latter)
  const nested = /^\s*(\d{1,2})\.\d\s+(?=\1\.\d\.(?:\d|[ivx]{1,4})\s)/.exec(line);
  if (nested) {
    const l = findLabel(line.slice(nested[0].length), tree, context, opts);
    if (l) return { ...l, end: l.end + nested[0].length + shift };
  }
  // Inside the question it numbers, a later section's number may be followed by its answer's own
  // digits ("2.2 0. No new parameters", "3.3 4 (3 · 5 + 3) = 72" while question 2 or 3 is read)
  // ("1.2(ii) h_t = …": its sub-part's number in brackets, read as "1.2.ii)", the same length)
  line = line.replace(/^(\s*\d{1,2}\.\d)\((\d|[ivx]{1,4})\)/, (_m, n: string, k: string) => `${n}.${k})`);
  const within = /^(\s*)(\d{1,2})\.([2-9])(?:\.(\d|[ivx]{1,4}))?\.?(?=\s+[^\s+\-−×*·/=^.,)\]}])/.exec(line);
  const outline =
    // ("1.2.1: C_t = …": a colon closing it)
    /^(\s*)(\d{1,2})\.(\d)(?:\.(\d|[ivx]{1,4}))?\.?(?=\s+[^\s+\-−×*·/=^.,)\]}0-9]|:(?:\s|$))/.exec(line) ??
    (within && context[0] === within[2] ? within : null) ??
    /^(\s*)(\d{1,2})\.(\d)(?:\.(\d|[ivx]{1,4}))?\)(?=\s|$)/.exec(line) ??
    (opts.sectionAlone ? /^(\s*)(\d{1,2})\.(\d)(?:\.(\d|[ivx]{1,4}))?\.?(?=\s*$)/.exec(line) : null) ??
    /^(\s*)\[\s*(\d{1,2})\.(\d)(?:\.(\d|[ivx]{1,4}))?\s*\](?=\s|$|\s*[:\-–—]\s)/.exec(line) ??
    /^(\s*(?:(?:task|item|exercise)\s+|q\.?\s*(?=\d{1,2}\.\d)))(\d{1,2})\.(\d)(?:\.(\d|[ivx]{1,4}))?\.?(?=\s*$|\s*[:\-–—]|\s+[^\s+\-−×*·/=^.,)\]}0-9])/i.exec(
      line,
    ) ??
    // ("Q2.2 0 additional parameters": a Q before it, the answer's digits after it, inside question 2)
    ((q) => (q && context[0] === q[2] ? q : null))(
      /^(\s*q\.?\s*)(\d{1,2})\.([2-9])(?:\.(\d|[ivx]{1,4}))?\.?(?=\s+[^\s+\-−×*·/=^.,)\]}])/i.exec(line),
    );
  // (a question with no sub-parts numbered in sections, "Task 5.1 … Task 5.2 …": its one part; with
  // no word before, its first section, "5.1 output after …", or a later one inside the question)
  if (
    outline &&
    (outline[1].trim() ||
      ((outline[3] === '1' || context[0] === outline[2]) &&
        !/^\s*x\s*\d/i.test(line.slice(outline[0].length)))) &&
    tree.partId([outline[2]]) !== null &&
    !outline[4]
  ) {
    const gap = /^\s*[:\-–—]?\s*/.exec(line.slice(outline[0].length))?.[0].length ?? 0;
    const path = [outline[2]];
    return { path, partId: tree.partId(path), end: outline[0].length + gap, conf: 0.85, weak: false };
  }
  if (outline) {
    let path = [outline[2]];
    for (const k of [outline[3], outline[4]]) {
      if (k === undefined) break;
      const kids = [...tree.childrenOf(path)];
      const n = /^\d$/.test(k) ? Number(k) : ROMAN.test(k) ? romanValue(k) : 0;
      const child = kids[n - 1];
      const leaf = path.length === 1 && !outline[4] ? tree.leavesUnder(path)[n - 1] : undefined;
      if (n < 1 || (!child && !leaf)) return null;
      if (child) path.push(child);
      else path = leaf!;
    }
    if (tree.childrenOf([outline[2]]).size > 0) {
      const gap = /^\s*[:\-–—]?\s*/.exec(line.slice(outline[0].length))?.[0].length ?? 0;
      return { path, partId: tree.partId(path), end: outline[0].length + gap, conf: 0.85, weak: false };
    }
  }
  // Markdown emphasis around a label ("**2 (a)** e_kj = …", "__Q3__"): read inside, end after it
  // (a list's bullet before a bracketed or bold label, "- **(a)** W_f : …", "• (b) b_f …", is blanked)
  line = line.replace(/^(\s*)[-•–](\s+)(?=\*\*\(|\(|\[)/, (_m, a: string, b: string) => `${a} ${b}`);
  const md = /^(\s*)(\*\*|__|\*|_)(?=[\w(])/.exec(line);
  if (md) {
    const inner = findLabel(line.slice(md[0].length), tree, context, opts);
    if (inner) {
      const close = new RegExp(`^\\s*${md[2].replace(/\*/g, '\\*')}\\s*`).exec(
        line.slice(md[0].length + inner.end),
      );
      return { ...inner, end: md[0].length + inner.end + (close?.[0].length ?? 0) };
    }
  }
  // OCR puts stray marks before a line (the page's margin rule read as "|", specks as "'")
  // (and a run of asterisks set before a note, "*** correction to 1(b)(i): …")
  // (or a slide's bullets, one or two: "▪ part (b)(i):", "• • 1.b.i →", "➤ 1(b)(i)")
  // (or a rule a booklet's box title stands in: "=== Box 1(a) ====")
  // (or an outline's arrow before a bracketed or Q label: "=> [Q3]", "-> [Q3]-a :", "→ Q1(b)"; an
  // arrow before a number is a step's result, "=> 24 parameters")
  // (or a note app's callout sign or toggle: "> ⚠️ correction to 1.b.i", "💡 Q2(b)", "▾ Question 3")
  const junk =
    /^\s*(?:(?:[|'‘’`,;!_~»«•·>▪▫●○◦■□◆◇➤➢►▶▸‣⁃\u25b2-\u25c5]+|\*{1,3}|={2,}|(?:[\u2600-\u27bf\u2b00-\u2bff]|[\ud83c-\ud83e][\udc00-\udfff])\ufe0f?)(?:\s+|$))+/.exec(
      line,
    )?.[0].length ??
    /^\s*(?:-{1,2}>|={1,2}>|→|⇒|⟶|⟹)\s*(?=[[<]\s*q|q\.?\s?\d|question\b)/i.exec(line)?.[0].length ??
    0;
  // a label in square or angle brackets ("[1a]", "[Q3 c]", "[5]", "<1b-i>"): read what is inside, end after it
  // ("Correction to [1b]": a prefix before the bracket)
  const pre =
    /^\s*(?:correction|corrected|revised)\s*(?:to|for|of)?\s*(?=\[)/i.exec(line.slice(junk))?.[0].length ?? 0;
  // (and in round brackets when it holds a question and its part: "(1a)", "(Q3-b)")
  const boxed =
    /^(\s*)[[<]([^\][<>\n]{1,24})[\]>]/.exec(line.slice(junk + pre)) ??
    /^(\s*)\((\s*Q?\.?\s*\d{1,2}\s*[-.]?\s*[a-h](?:\s*[-.]?\s*[ivx]{1,4})?\s*)\)/i.exec(
      line.slice(junk + pre),
    );
  if (boxed) {
    // (slashes between its components read as spaces, the same length: "[1/b/i]", "[4/a]")
    // (an answer template names its box: "[ Answer box 1b(i) ]", blanked the same length)
    const inside = boxed[2]
      .replace(/(?<=[\dA-Za-z])\/(?=[A-Za-z])/g, ' ')
      .replace(/^\s*(?:answer\s+)?(?:box|space|area|field)\s+(?:for\s+)?(?=\S)/i, (m) =>
        ' '.repeat(m.length),
      );
    const inner = findLabelAt(`${inside} `, tree, context, opts.ocr ?? false, false, opts.romanParts);
    if (inner && inner.end >= boxed[2].trim().length) {
      const end = shift + junk + pre + boxed[0].length;
      const gap = /^\s*[:\-–—]?\s*/.exec(line.slice(end))?.[0].length ?? 0;
      const label = { ...inner, end: end + gap, weak: false, conf: Math.max(inner.conf, 0.95) };
      // "[1b] (i) …": a sub-label straight after goes with it
      // (joined by a dash too: "[Q3]-a : W_f = 3 × 5")
      const joined = /^-(?=[a-h]\b)/.test(line.slice(end)) ? 1 : 0;
      const sub =
        inner.partId === null ? findLabelAt(line.slice(end + joined), tree, inner.path, false, false) : null;
      if (sub && sub.path.length > inner.path.length && inner.path.every((c, k) => sub.path[k] === c))
        return { ...sub, end: end + joined + sub.end, weak: false };
      // "[2] i_t ⊙ C~_t = …": a question with sub-parts, in brackets with working after it, numbers
      // a line of working ([1], [2], [3] down an answer), not the question — unless the question
      // is copied out after it ("[3]    Q: x_t is 2-dim, …")
      if (
        inner.partId === null &&
        inner.path.length === 1 &&
        line.slice(end).trim() !== '' &&
        !/^\s*(?:q|ques|question)\s*:/i.test(line.slice(end))
      )
        return null;
      return label;
    }
  }
  // a heading set between rules or after markdown hashes ("=== Part 1 ===", "## Q2", "*** 3 ***"):
  // the whole line is the label
  // (or box-drawing rules: "═══ Q1 ═══", "━━ 2 ━━"; an aside in brackets may follow the rule:
  // "═══ Q3 ═══   (d_x = 2, d_h = 3)")
  const ruled = RULED.exec(line);
  if (ruled) {
    // (a correction set off so: "--- correction to Qn 1 b (i) ---")
    const heading = ruled[2]
      .replace(/^(?:correction|corrected|revised)\s*(?:to|for|of)?\s+/i, '')
      .replace(TRAILING_MARKS, '');
    const inner = findLabelAt(`${heading} `, tree, context, opts.ocr ?? false, false, opts.romanParts);
    // (a question's heading may carry its title: "=== Q1 LSTM cell ===")
    const titled =
      inner?.partId === null &&
      /^\s*q(?:uestion|n)?\.?\s*\d/i.test(heading) &&
      /^[\s\p{L}:.,&'-]{1,40}$/u.test(heading.slice(inner.end));
    if (inner && (inner.end >= heading.length || titled))
      return { ...inner, end: line.length, weak: false, conf: Math.max(inner.conf, 0.95) };
    // (a word of the script's own before a question's mark, the heading holding nothing else:
    // "=== Sheet Q3 ===", "=== Page Q5 ===")
    const named = /^(\s*\p{L}{2,12}\.?\s+)(?=q\.?\s*\d)/iu.exec(heading);
    const bare = named
      ? findLabelAt(
          `${heading.slice(named[0].length)} `,
          tree,
          context,
          opts.ocr ?? false,
          false,
          opts.romanParts,
        )
      : null;
    if (bare && named && bare.end >= heading.length - named[0].length)
      return { ...bare, end: line.length, weak: false, conf: Math.max(bare.conf, 0.9) };
  }
  // (a longer title between the rules, maths and all: "=== Q3  Parameter count (x_t ∈ R^2, …) ===")
  const titledRule =
    /^(\s*[=═━*#]{2,}\s*)(q(?:uestion|n)?\.?\s*\d{1,2})(?=[\s.:])(.{0,80}?)\s*[=═━*#]{2,}\s*$/i.exec(line);
  if (titledRule) {
    const inner = findLabelAt(`${titledRule[2]} `, tree, context, opts.ocr ?? false, false, opts.romanParts);
    if (inner && inner.path.length === 1 && inner.end >= titledRule[2].length)
      return { ...inner, end: line.length, weak: false, conf: Math.max(inner.conf, 0.95) };
  }
  // a question without sub-parts with a word of what the row holds ("5 (sizes)", "5 (mults)": a
  // table's rows for one question): the question, at the margin
  // (or in capital roman numerals, with a note: "V (answering this first)")
  const described = /^(\s*)(\d{1,2}|[IVX]{1,4})\s*\(([A-Za-z][A-Za-z .&-]{2,28})\)\s*[:.\-–—]?\s*/.exec(
    line.slice(junk),
  );
  const describedQ = described
    ? /^\d+$/.test(described[2])
      ? described[2]
      : String(ROMAN_QUESTIONS.indexOf(described[2]) + 1)
    : '0';
  if (
    described &&
    !/^[ivx]+$/i.test(described[3].trim()) &&
    tree.partId([describedQ]) !== null &&
    tree.childrenOf([describedQ]).size === 0
  )
    return {
      path: [describedQ],
      partId: tree.partId([describedQ]),
      end: junk + described[0].length,
      conf: 0.9,
      weak: true,
    };
  const label = findLabelAt(
    line.slice(junk),
    tree,
    context,
    opts.ocr ?? false,
    opts.bare ?? false,
    opts.romanParts,
  );
  // a sentence wrapped after a numeral goes on with a comma and words ("… first (III and" / "V), then
  // I, II and IV."): no label is followed by that
  if (label?.weak && /^\s*,\s*(?!and\b|or\b)\p{L}{3,}/iu.test(line.slice(junk + label.end))) return null;
  // "Ans. 5 x 3", "Answer: 5 × 1": a shape answered, not question 5 (a question's number is not
  // multiplied)
  if (label && label.path.length === 1 && /^\s*[x×*]\s*\d/.test(line.slice(junk + label.end))) return null;
  // (nor is one before a bracketed number and an operator: "4(15) + 4(3) = 72", a product)
  if (
    label &&
    label.path.length === 1 &&
    /^\d{1,2}\($/.test(line.slice(junk, junk + label.end).trim() + line.charAt(junk + label.end)) &&
    /^\(\s*\d+(?:\.\d+)?\s*\)\s*(?:[+\-−×*·/=^]|$)/.test(line.slice(junk + label.end))
  )
    return null;
  if (label) return { ...label, end: label.end + junk + shift };
  // a note naming its part ("Notes (4 a): first term = …", "Note for 3(c): …", "Remarks (Q.4-a): …"),
  // set below a grid of answers: more of that part's answer
  const noted =
    /^\s*(?:foot)?(?:notes?|remarks?|comments?)\s*(?:\(\s*([^()\n]{1,16}?)\s*\)|(?:for|on|to)\s+([^\s:]{1,16}))\s*:\s*/i.exec(
      line.slice(junk),
    );
  const named = noted ? findLabel(`${(noted[1] ?? noted[2]).replace(/^q\.?\s*/i, 'Q')} `, tree) : null;
  if (noted && named?.partId)
    return {
      ...named,
      end: shift + junk + noted[0].length,
      conf: Math.min(named.conf, 0.9),
      weak: false,
      note: true,
    };
  // (after "correction to", the student's own mark: "Correction to P1(b)-i", "… to §1(b)(i)")
  const fix =
    /^\s*(?:(?:edit|update)\s*[—–:-]+\s*)?(?:correction|corrected|revised)\s*(?:to|for|of)?\s*(?:re:\s*)?/i.exec(
      line.slice(junk),
    )?.[0].length ?? 0;
  const marked = markedLabel(line.slice(junk + fix), tree, opts, shift + junk + fix, context);
  // ("Correction to [1.2.1]:", "Correction to 1.2.1 …": the outline numbering the script uses,
  // taken only down to a sub-part)
  const outlined =
    fix && !marked?.partId && /^\[?\s*\d{1,2}\.\d\.(?:\d|[ivx]{1,4})\b/.test(line.slice(junk + fix))
      ? writtenLabel(line.slice(junk + fix), tree, context, opts)
      : null;
  if (outlined?.partId) return { ...outlined, end: outlined.end + shift + junk + fix };
  // (a label the mark reader stops short in, "Correction to Q1 · Part B-i", read as it stands alone)
  // (not an outline number, which a correction names only down to a sub-part, above)
  const plain =
    fix && !marked?.partId && !/^\[?\s*\d{1,2}\.\d/.test(line.slice(junk + fix))
      ? findLabel(line.slice(junk + fix), tree, context, opts)
      : null;
  if (plain?.partId) return { ...plain, end: plain.end + shift + junk + fix };
  if (marked || fix) return marked && marked.partId !== null ? marked : fix ? null : marked;
  // a lead-in in the student's own words or language before a mark and a whole sub-part's label
  // ("Korrektur zu Task 1 - b - ii", "Nachtrag: Ex. 3.c"): taken only when the label names a part
  // down to its sub-part (a question number after a word is too often prose)
  const lead = /^\s*(\p{Lu}\p{L}{2,13})(?:\s+\p{Ll}{1,4})?\s*:?\s+/u.exec(line.slice(junk));
  if (!lead || NOT_A_MARK.test(lead[1])) return null;
  const led = markedLabel(line.slice(junk + lead[0].length), tree, opts, shift + junk + lead[0].length);
  return led && led.partId !== null && led.path.length >= 2 ? led : null;
}

/**
 * Any other short word or mark before a whole label, as students invent them ("Task 1 a)",
 * "Exercise 2.b", "§1(b)(i)", "ad 3c)", "Nr. 1 (a)", "Answer to 1.(a)", "A1.b.i", "ans5",
 * "Problem 1, part (a)", "Q 1.2.1"): read as a prefix like "Q", and taken only when what follows
 * names a part, or a question heading alone on its line. A word that starts a sentence about a
 * part ("In 1(a) we …", "From 3a, …") is no mark.
 */
// (a compound of the script's own, "Fig-answer 1b(i)", is judged by its last word)
// (a word in small letters joined to the label by a hyphen, "item-1-a", "part-1b-i", "part-5"; one
// letter glued to a question's number and its sub-part, "s3-c", "s1-b-ii": a section's mark; before
// a number alone, "s5", only where the script marks its labels so, see `labelWords`)
/** Sub-sub-parts numbered in words: "sub part one" is (i). */
const SUB_WORDS: Record<string, string> = { one: 'i', two: 'ii', three: 'iii', four: 'iv' };

const MARK =
  /^(\s*(?:[§#№]\s*|[a-z]{2,8}-|[a-z](?=\d{1,2}(?:-[a-h](?:-[ivx]{1,4})?(?:[\s:.)]|$)|\s*$))|(?:\p{Lu}\p{L}{1,11}(?:-\p{L}{2,11})?|[a-z]{2,3}|[APSQ])\.?(?:\s+(?:to|of|for)\b)?\s?))(?=\d)/u;
/** Words that begin a sentence about a part, not a mark before its label (any case). */
const NOT_A_MARK =
  /^(?:in|from|see|by|using|as|like|with|and|so|then|than|use|via|per|at|for|to|of|on|is|are|was|the|an|if|since|because|where|when|eqn?|equation|fig|figure|step|page|line|row|col|table|total|each|all|only|not|no|note|here|this|that|it|we|let|now|also|but|or|and|still|more|same|after|before|under|over|into|onto|up|out|off|its|his|her|our|my|your|two|one|three|four|five|six|ten|consider|recall|thus|hence|therefore|similarly|unlike|through|across|both|either|every|result|repeat|proceed|compare|refer|go|back|put|plug|take|part|parts)\b|^[A-Za-z]+(?:ing|ed|ly)$/i;
export interface LabelOptions {
  /** an OCR'd line: misreads of label characters are forgiven */
  ocr?: boolean;
  /** a bare number may be a label */
  bare?: boolean;
  /** read the line as it is, without blanking an essay's way into a part ("For part …,") */
  plain?: boolean;
  /** statement words the script labels its parts with ("proposition"), from `labelWords` */
  labelWords?: ReadonlySet<string>;
  /** the script's own running numbers for the exam's parts ("Ans 7 = 3(b)"), from `numberingKey` */
  numbering?: ReadonlyMap<string, string>;
  /** the script numbers a question's lettered parts in roman, "(i)" for (a), from `romanForLetters` */
  romanParts?: boolean;
  /** the script names its notebook cells by part ("In [1b_i]:"), so "In [5]:" is question 5 */
  notebookParts?: boolean;
  /** the script numbers its questions in small roman ("ii-a", "iv-b"), so "v" alone is question 5, from `romanQuestions` */
  romanQuestions?: boolean;
  /** the script numbers its questions' lettered parts afresh under each question's heading ("Question 2" / "1. …" / "2. …"), from `numbersForLetters` */
  numberedParts?: boolean;
  /** the script letters its questions, or numbers them in capital roman, before outline numbers for their parts ("A.1", "A.2.1", "III.1"), from `outlineQuestions` */
  outlineQuestions?: 'letter' | 'roman';
  /** the line's outline number followed the question's letter or roman numeral, read so: a label alone too */
  sectionAlone?: boolean;
}

/** A question lettered, or numbered in capital roman, before an outline number: "A.1", "B.2.1", "III.1", "I.2(ii)". */
const OUTLINE_QUESTION = /^\s*([A-H]|III|II|IV|I|V)(?=\.\d(?:\.\d)?(?:[\s:.()]|$))/;
/** A lettered question, its part in bracketed roman and that part's own in a bracketed number: "A(ii)(1)", "C(iii)". */
const BRACKETED_OUTLINE = /^(\s*)([A-H])\((iii|ii|iv|i|v)\)(?:\(([1-4])\))?(?=[\s:.]|$)/;
const ROMAN_NUMERALS = ['i', 'ii', 'iii', 'iv'];

/**
 * How a script numbers its questions when it numbers their parts in outline: by letter ("A.1", "A.2.1",
 * "B.1") or in capital roman ("I.2", "III.1", "IV.1"), three such labels or more from two questions; null
 * when it does not.
 */
export function outlineQuestions(lines: string[]): 'letter' | 'roman' | null {
  const heads = lines.map((l) => OUTLINE_QUESTION.exec(l)?.[1]).filter((x) => x !== undefined);
  // (questions lettered before bracketed parts, "A(i)", "B(ii)", "D(i)": letters past a question's
  // own parts (a to c), so not parts "(A)", "(B)" under numbered questions)
  const bracketed = new Set(lines.map((l) => BRACKETED_OUTLINE.exec(l)?.[2]).filter((x) => x !== undefined));
  if (bracketed.size >= 3 && [...bracketed].some((q) => q >= 'D')) return 'letter';
  // (or a heading that gives each question's letter: "Part B (Question 2)", three or more, in step)
  const keyed = lines.filter((l) => {
    const m =
      /^\s*(?:part|section|sec\.?)\s+([A-H])\s*[(:\-–—]\s*(?:question|ques|qn|q)\.?\s*(\d{1,2})\b/i.exec(l);
    return m !== null && m[1].toUpperCase().charCodeAt(0) - 64 === Number(m[2]);
  });
  if (keyed.length >= 3) return 'letter';
  if (heads.length < 3 || new Set(heads).size < 2) return null;
  return heads.some((h) => /^(?:II|III|IV)$/.test(h)) ? 'roman' : 'letter';
}

/**
 * Whether a script numbers its questions' lettered parts afresh under each question's heading: twice or
 * more, a question's heading alone on its line ("Question 2", "Q-II") is followed by a "1." item, the
 * question having lettered parts.
 */
export function numbersForLetters(lines: string[], tree: PartTree): boolean {
  // (a heading in words, "Question 2", "Q-II": a bare "2." heads nothing here, being a part's number)
  const heading = (line: string) =>
    /[A-Za-z]/.test(line) ? letteredParts(line, findLabel(line, tree, [], {}), tree) : null;
  let headed = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const kids = heading(lines[i]);
    if (!kids?.length || !/^\s*1[.)]\s/.test(lines[i + 1])) continue;
    // (no more items than the question has parts: "1. Step 1: …" to "3. Step 3: …" under question 2 are steps)
    for (let j = i + 1; j < lines.length && !heading(lines[j]); j++)
      if (Number(/^\s*([1-9])[.)]\s/.exec(lines[j])?.[1] ?? 0) > kids.length) return false;
    headed++;
  }
  return headed >= 2;
}

/**
 * A question's label alone on its line (`label`, as `line` reads), its parts lettered: the parts'
 * letters (none for a question without parts); null for anything else.
 */
function letteredParts(line: string, label: Label | null, tree: PartTree): string[] | null {
  if (label?.path.length !== 1 || line.slice(label.end).trim() !== '') return null;
  const kids = [...tree.childrenOf(label.path)];
  return kids.every((k) => /^[a-h]$/.test(k)) ? kids : null;
}

/** A question numbered in small roman before its sub-part's letter: "iv-a", "i-b-ii" (the numeral captured). */
const ROMAN_QUESTION =
  /^(\s*)(iii|ii|iv|i|v)(\s?[-–]\s?)(?=[a-h](?:\s?[-–]\s?(?:iii|ii|iv|i))?(?:[\s:.)]|$))/;

/** Whether a script numbers its questions in small roman before the sub-part's letter: two labels or more like "ii-a", "iv-b". */
export function romanQuestions(lines: string[]): boolean {
  return lines.filter((l) => ROMAN_QUESTION.test(l)).length >= 2;
}

/** Whether a script names notebook cells by part: two prompts or more like "In [1b_i]:", "In [2a]:". */
export function notebookByPart(lines: string[]): boolean {
  return lines.filter((l) => /^\s*In\s*\[\s*\d{1,2}\s*[a-h]/i.test(l)).length >= 2;
}

/**
 * Whether a script numbers the lettered parts of its questions in roman ("Question the first", then
 * "(i) …", "(ii) …" for 1(a), 1(b)): twice or more, a question's heading alone on its line is followed
 * by an "(i)" item, and no written label names a lettered part. (In a script that letters its parts, an
 * "(i)", "(ii)" list inside 1(a) is that answer's list.)
 */
export function romanForLetters(lines: string[], tree: PartTree): boolean {
  let headed = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = findLabel(lines[i], tree, [], {});
    if (!l) continue;
    if (l.path.length > 1 && /^[a-h]$/.test(l.path[1]) && !/^\s*\(?i{1,3}\)/.test(lines[i])) return false;
    if (!letteredParts(lines[i], l, tree)) continue;
    const next = lines.slice(i + 1).find((t) => t.trim() !== '' && !/^\s*[-=_~]{3,}\s*$/.test(t));
    if (next && /^\s*\(i\)\s/.test(next)) headed++;
  }
  return headed >= 2;
}

/**
 * Questions whose lettered parts the script numbers in roman under that question alone ("Ans-3." …
 * "(i) W_f is …", "(ii) b_f …", "(iii) …" beside "(b)(i)" for question 1): a question heading, then,
 * before the next question, its parts' count of roman labels in order from "(i)" and no letter, the
 * question's parts having no sub-parts of their own.
 */
export function romanLetteredQuestions(lines: string[], tree: PartTree): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const head = findLabel(lines[i], tree, [], {});
    if (head?.path.length !== 1 || head.partId !== null) continue;
    const q = head.path[0];
    const kids = [...tree.childrenOf([q])];
    if (!kids.every((k) => tree.partId([q, k]) !== null)) continue;
    const romans: string[] = [];
    let lettered = false;
    for (const l of lines.slice(i + 1)) {
      const next = findLabel(l, tree, [], {});
      if (next && next.path[0] !== q && !(next.path.length === 1 && /^\s*\(/.test(l))) break;
      const r = /^\s*\(([ivx]{1,4})\)\s/.exec(l);
      if (r) romans.push(r[1]);
      else if (findLabel(l, tree, [q], {})?.path.length === 2) lettered = true;
    }
    const ordered = romans.every((r, k) => romanValue(r) === k + 1);
    if (!lettered && ordered && romans.length === kids.length) out.add(q);
  }
  return out;
}

/**
 * A key the script gives from its own running numbers to the exam's parts ("Ans 6 = 3(a)   Ans 7 =
 * 3(b) …", "1 → 1(a), 2 → 1(b)(i), …"): the number and the exam's label, when four or more pairs name
 * distinct parts, one at least with a sub-part (a 1(a) answer's "1 → 3" names no part).
 */
export function numberingKey(lines: string[], tree: PartTree): Map<string, string> {
  const out = new Map<string, string>();
  const pair =
    /(?:\b(?:ans(?:wer)?|sol(?:ution)?|q)\.?\s*)?(?<![\d.(])(\d{1,2})\s*(?:=|→|->|:|–)\s*(?:q\.?\s*)?(\d\s*(?:\(\s*[a-h]\s*\)|[a-h])?\s*(?:\(\s*[ivx]{1,4}\s*\)|[ivx]{1,4})?)(?![\w(])/gi;
  for (const line of lines.slice(0, 15))
    for (const m of line.matchAll(pair)) {
      const label = findLabel(m[2], tree, [], { bare: true });
      if (label?.partId) out.set(String(Number(m[1])), m[2].replace(/\s+/g, ''));
    }
  const parts = new Set([...out.values()]);
  if (out.size >= 4 && parts.size === out.size && [...parts].some((p) => /[a-h]/.test(p))) return out;
  return runningNumbers(lines, tree);
}

/** A running number at a line's start, marked so no question is meant ("#7", "Item 7", "[7]"). */
const RUNNING = /^\s*(?:#\s*|item\s+|\[\s*)(\d{1,2})\s*\]?\s*[.:)\-–]?(?=\s|$)/i;

/**
 * A script numbering its answers through the paper without a key ("#1" … "#11", "Item 7"): the k-th
 * number is the exam's k-th part, when the numbers run up in order, past the last question's number,
 * and cover all but two parts at most (a lone "#3" is a reference).
 */
function runningNumbers(lines: string[], tree: PartTree): Map<string, string> {
  const leaves = tree.leavesUnder([]);
  let named = 0;
  const seen = lines.flatMap((l) => {
    const m = RUNNING.exec(l);
    // (a number with the paper's own label after it, "#2 Ans 1 (b) (i)", is read by that label)
    if (m && findLabel(l.slice(m[0].length), tree)?.partId) named++;
    return m ? [Number(m[1])] : [];
  });
  if (named > 0) return new Map();
  const questions = tree.childrenOf([]).size;
  const rising = seen.every((n, i) => i === 0 || n > seen[i - 1]);
  if (
    !rising ||
    seen.length < leaves.length - 2 ||
    Math.max(...seen) !== leaves.length ||
    leaves.length <= questions
  )
    return new Map();
  return new Map(seen.map((n) => [String(n), labelText(leaves[n - 1])]));
}

/** A path written as the label reader takes it: "1(b)(i)", "3(a)", "5". */
export const labelText = (path: PartPath) =>
  path[0] +
  path
    .slice(1)
    .map((c) => `(${c})`)
    .join('');

/**
 * The statement words ("Proposition", "Claim") a script puts before labels with a sub-part
 * ("Proposition 1(b)(i)"): there, the same word before a bare number labels a question too.
 */
export function labelWords(lines: string[]): Set<string> {
  const out = new Set<string>();
  // (any other word heading three labels or more with a sub-part, "Expt. 1(a)", "Expt. 2(b)": the
  // script's own label word, which heads its questions too, "Expt. 3 — LSTM size")
  const heads = new Map<string, number>();
  for (const l of lines) {
    const m = /^\s*([A-Za-z]{4,12})\.?\s+\d{1,2}\s*[.(]?\s*[a-h]\b/.exec(l);
    if (m) {
      const word = m[1].toLowerCase();
      if (STATEMENT_WORD.test(word)) out.add(word);
      heads.set(word, (heads.get(word) ?? 0) + 1);
    }
    // (a capital letter glued to its labels, "A1(b)-(i)", "A2(a)": that letter marks the script's
    // question headings too, "A3 LSTM parameter count")
    // (or a small one joined by a hyphen, "s3-c", "s1-b-ii": "s5" is question 5 then)
    const letter = /^\s*([A-Z])\d{1,2}\s*\(?[a-h]\b/.exec(l) ?? /^\s*([a-z])\d{1,2}-[a-h]\b/.exec(l);
    if (letter) out.add(letter[1].toLowerCase());
  }
  for (const [w, n] of heads) if (n >= 3 && !NOT_A_MARK.test(w)) out.add(w);
  // (a word that more often starts a sentence, "Result", heads the script's labels where it stands
  // before three different whole labels or more closed by a stop or colon: "Result 1(b)(i).",
  // "Result 2(a). With …", "Result 3(c):")
  const closed = new Map<string, Set<string>>();
  for (const l of lines) {
    const m = /^\s*([A-Za-z]{4,12})\s+(\d{1,2}\s*\(?[a-h]\)?(?:\s*\(?[ivx]{1,4}\)?)?)\s*[.:](?:\s|$)/.exec(l);
    if (m && NOT_A_MARK.test(m[1]) && !/^parts?$/i.test(m[1])) {
      const w = m[1].toLowerCase();
      closed.set(w, (closed.get(w) ?? new Set()).add(m[2].replace(/[\s()]/g, '')));
    }
  }
  for (const [w, labels] of closed) if (labels.size >= 3) out.add(w);
  // (a word in capitals heading three questions or more by their numbers, each once, its title after
  // a colon or dash: "REPORT 1 : LSTM CELL", "REPORT 3 : PARAMETERS" — not steps, cases or tables)
  const titled = new Map<string, string[]>();
  for (const l of lines) {
    const m = /^\s*([A-Z]{4,12})\s+(\d{1,2})\s*[:\-–—]\s+\S/.exec(l);
    if (m && !NUMBERED_THING.test(m[1])) titled.set(m[1], [...(titled.get(m[1]) ?? []), m[2]]);
  }
  for (const [w, ns] of titled)
    if (ns.length >= 3 && new Set(ns).size === ns.length) out.add(w.toLowerCase());
  return out;
}

/** Words that number things inside answers, not questions: "STEP 1:", "CASE 2 -", "TABLE 3:". */
const NUMBERED_THING =
  /^(?:STEP|STEPS|CASE|PATH|TABLE|FIGURE|FIG|EQUATION|METHOD|NOTE|ROW|COLUMN|STAGE|PHASE|LINE|ITEM)$/;

/** Words that number a statement of a write-up (the number is the statement's, not a question's). */
const STATEMENT_WORD =
  /^(?:claim|lemma|theorem|proposition|corollary|definition|remark|observation|fact|example|case)\.?$/i;
const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  '1st': '1',
  '2nd': '2',
  '3rd': '3',
  '4th': '4',
  '5th': '5',
  '6th': '6',
};
const LETTER_WORDS: Record<string, string> = { first: 'a', second: 'b', third: 'c', fourth: 'd' };

/**
 * A label in words, as the label it spells ("Q1 (b) (i)") and where its words end in `line`; null
 * when the line does not start with one. The question is a number word or ordinal beside "question"
 * or "problem" (or a digit after them, with "Regarding" or "Sub-question"); a part an ordinal before
 * "part", or a letter after "part"/"sub-part"; a sub-part a numeral after "item" or in brackets.
 */
function spelledLabel(line: string): { label: string; end: number } | null {
  // "1/b/ii :", "3/c bf is …": slashes between a bare label's components, the answer after them
  // ("1/b(i) → C_t = …": the sub-part in brackets)
  // ("1/B/(i)", "3/A": the letter a capital, the numeral in brackets)
  const slash =
    /^\s*(\d{1,2})(?=\/(?:[a-h]|[A-H](?![a-z]))(?:\/\(?[ivx]{1,4}\)?|\([ivx]{1,4}\))?(?:\s*[:\-–—→]|\s*$|\s+\S))/.exec(
      line,
    );
  const q =
    slash ??
    // (after the words leading into it: "For the third question, part c", "Answer to question one, …",
    // "Answer number three, c"; a question's word spelt short, "Ques. 1", "Que 3", or as an item)
    /^\s*(?:(?:regarding|re:?|for|now|next|answer(?:\s+to)?|ans\.?(?:\s+to)?)\s+)?(?:the\s+)?(?:(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+(?:question|problem)|(?:question|problem)\s+the\s+(first|second|third|fourth|fifth|sixth)(?![\w])|(?:sub-?)?(?:question|problem|ques\.?|que\.?|item|number|q\.?)\s*(?:no\.?\s*|number\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?![\w]))/i.exec(
      line,
    ) ??
    // "[ Q3(c) response ]": a form's box title
    /^\s*\[\s*(?:q\.?\s*)?(\d{1,2})(?=[\s().a-h]*(?:\([ivx]{1,4}\)\s*)?(?:response|answer)\s*\])/i.exec(line);
  if (!q) return null;
  // ("Question 1 (b)" and "Problem 2" are read as they are: only what is spelled out is read here,
  // "Question no. 1, section b, 1st")
  if (
    /^\s*(?:question|problem)\s*(?:no\.?\s*)?\d/i.test(line) &&
    !/^[^:]{0,30}?\b(?:section|piece|bit|half|item|1st|2nd|first|second)\b/i.test(line.slice(q[0].length))
  )
    return null;
  const words = (q[1] ?? q[2] ?? q[3]).toLowerCase();
  const n = NUMBER_WORDS[words] ?? (/^\d+$/.test(words) ? words : null);
  if (!n) return null;
  let at = q[0].length;
  let rest = line.slice(at);
  let part = '';
  let sub = '';
  const ordinalPart = /^\s*,?\s*(first|second|third|fourth)\s+(?:sub-?)?part\b/i.exec(rest);
  // (a part named as a piece, a section or an item, after a comma, dashes or an arrow: "Ques. 1,
  // piece b", "Q no 1 --- sub part b", "Que 3 -> (c)", "Problem 1 · sub-part (a)", "Problem 1, item (a)")
  const letterPart =
    /^\s*(?:,|-{1,3}|[–—·•]|->|→)?\s*(?:(?:sub-?\s?)?part\s*|piece\s*|section\s*|item\s*|\.|\/)?\(?([a-h])\)?(?![\w])/i.exec(
      rest,
    );
  if (ordinalPart) {
    part = LETTER_WORDS[ordinalPart[1].toLowerCase()];
    at += ordinalPart[0].length;
  } else if (letterPart) {
    part = letterPart[1].toLowerCase();
    at += letterPart[0].length;
  }
  rest = line.slice(at);
  const roman = /^\s*(?:,|-{1,3}|[–—]|->|→)?\s*(?:item\s*|sub-?part\s*|\/)?\(?([ivx]{1,4})\)?(?![\w])/i.exec(
    rest,
  );
  // (or the first or second of it in words: "part b, the first bit", "piece b, first half", "section b, 1st")
  // ("sub part one", "item two")
  const nth =
    /^\s*,?\s*(?:the\s+)?(?:(first|second|1st|2nd)(?:\s+(?:bit|half|part|piece|one|sub-?part|item))?|(?:sub-?\s?part|item|bit|piece)\s+(one|two))(?![\w])/i.exec(
      rest,
    );
  if (part && roman) {
    sub = roman[1].toLowerCase();
    at += roman[0].length;
  } else if (part && nth) {
    sub = /^(?:first|1st|one)$/i.test(nth[1] ?? nth[2]) ? 'i' : 'ii';
    at += nth[0].length;
  }
  // (a form's box title ends at its bracket)
  const box = /^\s*(?:response|answer)\s*\]/i.exec(line.slice(at));
  if (box) at += box[0].length;
  // the words stand alone as a heading, or before a colon, dash, comma or bracket ("Question one is
  // hard" is a sentence)
  // (or with its sub-part in brackets, a table's cell beside it: "Q. One (a)   Looking at the diagram …")
  const bracketed = !ordinalPart && letterPart !== null && /\(/.test(letterPart[0]);
  if (!slash && !bracketed && !/^\s*(?:$|[:\-–—.,([])/.test(line.slice(at))) return null;
  const label = `Q${n}${part ? ` (${part})` : ''}${sub ? ` (${sub})` : ''} `;
  return { label, end: at };
}

function markedLabel(
  line: string,
  tree: PartTree,
  opts: LabelOptions,
  offset: number,
  context: PartPath = [],
): Label | null {
  const ocr = opts.ocr ?? false;
  const m = MARK.exec(line);
  const markWord = m?.[1].trim().split('-').pop() ?? '';
  if (!m || (NOT_A_MARK.test(markWord) && !opts.labelWords?.has(markWord.toLowerCase()))) return null;
  // ("Ans. 1.2(ii)": its sub-part's number in brackets, read as "1.2.ii ", the same length)
  const rest = line
    .slice(m[1].length)
    .replace(/^(\d{1,2}\.\d)\((\d|[ivx]{1,4})\)/, (_m, n: string, k: string) => `${n}.${k} `);
  // an outline number after the mark ("Q 1.2.1"), else the label read as after a "Q"
  // (with its answer after it too: "Sec. 3.1   W_f : 3 x 2", "Q1.1 Matching …", "Sec. 2.1 (Q2 a) e_kj =
  // …"; inside the question, digits too: "Q2.2 0 additional parameters")
  // (after a word, a section's sign or a Q, not another letter: "A.2.1" is question A's; never after
  // "Task", which is how the outline number is read here: no endless reading)
  const alone = /^\d{1,2}\.\d(?:\.(?:\d|[ivx]{1,4}))?\s*$/.test(rest.trim());
  const num = /^(\d{1,2})\.\d(?:\.(?:\d|[ivx]{1,4}))?/.exec(rest.trim());
  const outline =
    alone ||
    (num !== null &&
      !/^task$/i.test(m[1].trim()) &&
      /\p{L}{2}|[§№]|^\s*q\.?\s*$/iu.test(m[1]) &&
      (context[0] === num[1] ||
        /^\d{1,2}\.\d(?:\.(?:\d|[ivx]{1,4}))?(?=\s*$|\s*[:\-–—]|\s+[^\s+\-−×*·/=^.,)\]}0-9])/.test(
          rest.trim(),
        )))
      ? findLabel(`Task ${rest}`, tree, context)
      : null;
  const shifted = outline ? -'Task '.length : -1;
  const l = outline ?? findLabelAt(`Q${rest}`, tree, [], ocr, false);
  if (!l || l.path.length === 0) return null;
  // a question number alone after a short word is more often a symbol and its value ("ft 3",
  // "Ct 10" in a table): it needs a word of three letters, an abbreviation's dot, a sign, or no
  // space before the number ("ans5")
  const word = m[1].trim();
  // (one small letter before a question's number alone, "s5": a mark only where the script's other labels have it)
  if (/^[a-z]$/.test(word) && l.path.length === 1 && !opts.labelWords?.has(word)) return null;
  const markLike = /^[§#№]/.test(word) || /\./.test(word) || /\p{L}{3}/u.test(word) || !/\s$/.test(m[1]);
  if (l.path.length === 1 && !outline && !markLike) return null;
  if (/^[a-z]{2,3}$/.test(word) && /\s$/.test(m[1]) && l.path.length === 1) return null;
  // a statement's own number in a theorem-proof write-up ("Claim 5.", "Lemma 2") numbers the
  // statement, not the question: such a word marks a label only with its sub-part ("Proposition 1(b)(i)")
  // (unless the script labels its parts with that word: "Proposition 1(b)(i)" … "Proposition 5")
  if (
    STATEMENT_WORD.test(word) &&
    l.path.length === 1 &&
    !opts.labelWords?.has(word.replace(/\.$/, '').toLowerCase())
  )
    return null;
  // (a question heading stands alone, or with a title after the script's own mark: "A3 LSTM parameter count")
  // (a rule closing a box's title is nothing after it: "=== Box 1(b) ======")
  // (nor is the exam's own name for a section after it: "Sec. 1.2 (Q1 b)")
  const after = (outline ? `Task ${rest}` : `Q${rest}`)
    .slice(l.end)
    .replace(/^\s*[=~]{2,}\s*$/, '')
    .replace(/^\s*\(\s*q\.?\s*\d{1,2}\s*[a-h]?\s*\)\s*$/i, '');
  // (or the script's own label word, a title after it: "Expt. 3 — LSTM size")
  // (a section mark is a label's own mark too: "§3 Parameter count")
  const own = (opts.labelWords?.has(word.replace(/\.$/, '').toLowerCase()) ?? false) || /^[§№]/.test(word);
  const titled = own && /^\s*(?:[—–:-]\s*)?\p{L}[\p{L}\s-]*$/u.test(after);
  // (a capital letter the script glues to all its labels, "P1(b)(i)", "P4(a)", is its Q: the heading
  // may carry the question's introduction, "P3 z_t = [h_{t−1}, x_t] ∈ R^5", as "Q3 …" may)
  const asQ = own && /^[A-Z]$/.test(word);
  if (l.partId === null && after.trim() !== '' && !titled && !asQ) return null;
  // (a compound word before a question's number alone heads it only alone on its line: "Well-known 5 gates")
  if (word.includes('-') && l.path.length === 1 && after.trim() !== '') return null;
  // (a sentence naming a part goes on after it: "Unroll 4.(a) from t = 1 up to T:", "Using 1(b)(i) we get",
  // "Unroll 4 a down to t = 1")
  // (not after a colon closing the label: "Ans. 1.2(i): in (1) I swapped the gates")
  const closed = /:\s*$/.test((outline ? `Task ${rest}` : `Q${rest}`).slice(0, l.end));
  // (a capital letter's mark, "P2.a With decoder state …", starts no sentence: a new one after it)
  const lettered = /^[A-Z]\.?$/.test(word) && /^\s*\p{Lu}/u.test(after);
  if (
    !own &&
    !closed &&
    !lettered &&
    /^\s*(?:from|to|in|into|of|with|for|above|below|and|as|we|gives|shows|again|down|up|back|over|until|till|through|is|are|was|becomes|yields)\b/i.test(
      after,
    )
  )
    return null;
  // (a table row's heading and its numbers, "Position 5 6 9 2 1 7", is a row, not question 5)
  if (l.path.length === 1 && /^\s*(?:\d{1,3}\s+){1,}\d{1,3}\s*$/.test(after)) return null;
  return { ...l, end: l.end + shifted + m[1].length + offset, weak: false, conf: Math.min(l.conf, 0.9) };
}

/** Whether `after` a number opens with what it counts: a plural in lower case, perhaps one word before it. */
function counts(after: string): boolean {
  const words = /^\s+([a-z]{3,})(?:\s+([a-z]{3,}))?/.exec(after);
  const plural = (w: string | undefined) =>
    w !== undefined &&
    /(?:[^sui]s|ices|ies)$/.test(w) &&
    !/^(?:this|thus|plus|does|was|has|its|yes|less)$/.test(w);
  // (a determiner first starts a sentence: "5 the outputs are …")
  const determiner = /^(?:the|our|its|this|that|these|those|each|all|both)$/;
  return Boolean(words && (plural(words[1]) || (!determiner.test(words[1]) && plural(words[2]))));
}

function findLabelAt(
  text: string,
  tree: PartTree,
  context: PartPath,
  ocr: boolean,
  bare: boolean,
  romanParts = false,
): Label | null {
  const { comps, prefixed } = lexLabel(text, ocr);
  if (comps.length === 0) return null;

  const walk = (start: PartPath, from: number): { path: PartPath; used: number; conf: number } => {
    const path = [...start];
    let conf = 1;
    let used = 0;
    for (let i = from; i < comps.length; i++) {
      const raw = comps[i].raw;
      const fit = fitChild(raw, tree.childrenOf(path), ocr, romanParts);
      if (fit) {
        path.push(fit.value);
        conf = Math.min(conf, fit.conf);
        used++;
        continue;
      }
      // "bi", "bii": a letter and a roman numeral written together ("1bii")
      const head =
        raw.length >= 2 && /^[A-Za-z]/.test(raw) ? fitChild(raw[0], tree.childrenOf(path), ocr) : null;
      const tail = head ? fitChild(raw.slice(1), tree.childrenOf([...path, head.value]), ocr) : null;
      if (!head || !tail) break;
      path.push(head.value, tail.value);
      conf = Math.min(conf, head.conf, tail.conf);
      used++;
    }
    return { path, used, conf };
  };

  type Cand = { path: PartPath; used: number; conf: number; relative: boolean };
  let cands: Cand[] = [];
  const abs = walk([], 0);
  if (abs.used > 0) cands.push({ ...abs, relative: false });
  if (!prefixed) {
    // inherit from the context, deepest level first
    const top = tree.childrenOf(context).size > 0 ? context.length : context.length - 1;
    for (let level = top; level >= 1; level--) {
      const rel = walk(context.slice(0, level), 0);
      if (rel.used > 0) {
        cands.push({ ...rel, conf: rel.conf * 0.95, relative: true });
        break;
      }
    }
  }
  // A relative reading that points at the part we are already in is content ("i." inside 1b.i);
  // another reading of the same label may still hold ("II" inside 1b.ii: question II)
  const here = context.join('/');
  if (cands.length > 1) cands = cands.filter((c) => !(c.relative && c.path.join('/') === here));
  if (cands.length === 0) return null;
  // Digits start a question number; a letter or roman numeral prefers the context.
  // (a capital roman question number with its sub-part, "II(a)", reads as a question too)
  const firstIsDigit =
    /^[0-9]/.test(comps[0].raw) || (ROMAN_QUESTIONS.includes(comps[0].raw) && abs.used >= 2);
  cands.sort((a, b) => {
    if (a.relative !== b.relative) return (firstIsDigit ? a.relative : !a.relative) ? 1 : -1;
    return b.used - a.used;
  });
  const best = cands[0];
  const last = comps[best.used - 1];
  const after = text.slice(last.end);
  // The label must end at a separator: "1st", "3x5" and "5apples" are content, not labels.
  if (last.sep === 'none' && /^[A-Za-z0-9]/.test(after)) return null;
  // (a number before a bracket of arithmetic multiplies it: "4(15 + 3) = 72")
  if (best.used === 1 && /^\(\s*\d[\d.]*\s*[-+−×*·/]\s*\d[\d.\s+\-−×*·/]*\)/.test(after)) return null;
  // A single bare component with only a space after it ("3 + 2 = 5", "Ans: 5 apples") is content,
  // unless a prefix says otherwise ("Q5 199 x 199") or nothing follows ("5" alone on its line).
  const single = best.used === 1 && !comps[0].paren;
  // On an OCR line the Q of "Q5 199 x 199" is often lost: a bare leaf label with content is allowed
  // there (it stays weak: left margin only, once, after some answer text).
  const ocrLeaf = ocr && tree.partId(best.path) !== null && /^[0-9]+$/.test(comps[0].raw);
  // `bare` asks for it anyway, marked `bare`: the segmenter takes it only where exam order expects
  // that question next ("5 Side: (200 + 2 − 4)/1 + 1 = 199" after the answer to 4(b))
  const bareNumber =
    single && last.sep === 'weak' && !prefixed && after.trim() !== '' && !ocrLeaf && !best.relative;
  // (a times sign written as x is arithmetic: "4 x (15 + 3) = 72"; a number before what it counts
  // is a count, "4 matrices (W_f, …), each 3 x 5", "4 weight matrices")
  if (
    bareNumber &&
    !(
      bare &&
      !counts(after) &&
      // (a capital roman numeral with its full stop, "III. …": "I am answering …" is a word; or with
      // its question's title in brackets, "V (Depthwise separable convolution)")
      (/^[0-9]+$/.test(comps[0].raw) ||
        (ROMAN_QUESTIONS.includes(comps[0].raw) &&
          /^(?:\.|\s*\(\s*[A-Z][a-z]{2,})/.test(text.slice(comps[0].start + comps[0].raw.length))) ||
        // (or, not the word "I", before a sentence: a paragraph heading "V With padding p = 1, …"; or
        // a word and its colon or equals sign, "V Depthwise: (200 − 4 + 2)/1 + 1 = 199", "V Output = …")
        (ROMAN_QUESTIONS.includes(comps[0].raw) &&
          comps[0].raw !== 'I' &&
          /^\s+[A-Z][a-z]{2,}(?:\s+[a-z]|:|\s*=)/.test(text.slice(comps[0].start + comps[0].raw.length))) ||
        // (or before a title in capitals, "III     LSTM SIZE", "V  CONVOLUTION COUNT")
        (ROMAN_QUESTIONS.includes(comps[0].raw) &&
          comps[0].raw !== 'I' &&
          /^\s+[A-Z]{2,}(?:\s+[A-Z]{2,}){0,4}\s*$/.test(text.slice(comps[0].start + comps[0].raw.length)))) &&
      (/^\s+(?![xX]\s*[\d(])[^\s+\-−×*·/=^.,)\]}0-9]/.test(after) ||
        // (a hyphen closing it before words or nothing, "5 - output size …": no subtraction of a word)
        // (a word with its bracket after a space is prose, "5 - Depthwise (3 filters …)"; joined, a function)
        /^\s+-(?:\s*$|\s+(?!tanh|sech|sigm|exp|log|cosh|sinh|softmax)[A-Za-z]{2,}\b(?![(^_]|\s*[\^_]|\s+\(\s*[a-z]\s*\)))/.test(
          after,
        ) ||
        // (or before a remark in brackets, words in it: "5 - (doing 5 before 4, 4 is long)"; or the
        // time it was written, "5 - (10:13)", "3 - (t+12 min)")
        /^\s+-\s+\(\s*(?!tanh|sech|sigm|exp|log|cosh|sinh|softmax)[A-Za-z]{3,}\s+[A-Za-z0-9]/.test(after) ||
        /^\s+-\s+[([]\s*(?:\d{1,2}:\d{2}|t\s*\+\s*\d{1,3}\s*min|at\s+\d)[^)\]]{0,20}[)\]]\s*$/i.test(after))
    )
  )
    return null;
  if (
    single &&
    last.sep === 'weak' &&
    prefixed &&
    /:\s*$/.test(text.slice(0, comps[0].start)) &&
    after.trim() !== ''
  )
    return null;
  // On a scan, "V." starting an answer line inside 1(a)'s roman enumeration is its item v read in
  // capitals, not question V: a question numbered in capital roman numerals on an OCR line takes a
  // sub-part label after it ("IV (b)") or stands alone as a heading.
  // On a typed page the same holds when what follows is an answer, not a heading ("(IV) C_t : 2",
  // an all-caps script's 1(a) list) — a heading's title has no digit or sign in its first words.
  if (
    !prefixed &&
    best.path.length === 1 &&
    best.used === 1 &&
    /^[IVX]+$/.test(comps[0].raw) &&
    context.length > 1 &&
    after.trim() !== '' &&
    !/^\s*\(?[a-h]\)/.test(after) &&
    (ocr || /[\d=:→>]/.test(after.slice(0, 24))) &&
    // (asked for bare, a heading with its question's introduction, "III. [h_{t-1}, x_t] has 3 + 2 = 5
    // entries.", is the segmenter's to place by exam order; a 1(a) item maps a symbol to a number)
    // (a word's title is no symbol: "V Output = 200 − 4 + 1 = 197" heads question 5)
    !(bare && !ocr && !/^[\s.)]*(?![A-Z][a-z]{3,}\b)\S{1,12}\s*(?:→|->|:|=|–|-|is)\s*\d/.test(after))
  )
    return null;
  // A relative label that points at the part we are already in is content ("i." inside 1b.i).
  const partId = tree.partId(best.path);
  if (best.relative && context.join('/') === best.path.join('/')) return null;
  const end = last.end + (/^\s*[:\-–—]\s*/.exec(after)?.[0].length ?? /^\s*/.exec(after)?.[0].length ?? 0);
  const weak = !prefixed && best.used === 1 && !comps[0].paren;
  return {
    path: best.path,
    partId,
    end,
    conf: best.conf * (weak ? 0.9 : 1) * (bareNumber ? 0.9 : 1),
    weak,
    ...(bareNumber ? { bare: true } : {}),
  };
}
