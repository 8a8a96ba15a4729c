// What a script says of the order it answers in, before its answers ("Order of answers: Q1, Q3,
// Q2, Q5, Q4", "I am doing 3 and 5 first") or on a label's line ("5 - (doing 5 before 4)"). A bare
// question number out of exam order is taken as a heading where it agrees.
import type { Line } from '@grader/model';
import { romanValue } from './roman.ts';

/** The question numbers a line's match lists, in its order (digits or capital roman numerals). */
function numbersOf(listed: string): string[] {
  return [...listed.matchAll(/\d{1,2}|\b[IVX]{1,4}\b/g)].map((d) =>
    String(/\d/.test(d[0]) ? Number(d[0]) : romanValue(d[0])),
  );
}

/** The first line of `body` that one of `res` matches: its first group's question numbers. */
function firstListed(body: Line[], ...res: RegExp[]): string[] {
  for (const l of body)
    for (const re of res) {
      const m = re.exec(l.text);
      if (m) return numbersOf(m[1]);
    }
  return [];
}

/** The order of questions a script announces before its answers ("Order of answers: Q1, Q3, Q2, Q5, Q4"). */
export function orderAnnounced(body: Line[]): string[] {
  return firstListed(
    body,
    /\border\b[^:\n]{0,30}:\s*((?:q\.?\s*\d{1,2}\s*(?:,|→|->|then)\s*){2,}q\.?\s*\d{1,2})/i,
    // (bare numbers, where the line says they are the answers' or questions' order: "answers are in
    // the order I attempted them - 5, 3, 1, 2, 4"; not "the sigmoids in order: 3, 5, 9")
    /\b(?:answers?|questions?|attempt(?:ed)?)\b[^:\n]{0,40}\border\b[^:\n\d]{0,30}[:\-–—]\s*(\d{1,2}(?:\s*(?:,|→|->|then)\s*\d{1,2}){2,})/i,
    // ("Order of answers: 5, 3, 1, 2, 4")
    /\border\s+of\s+(?:answers?|questions?|attempts?|answering)\b[^:\n\d]{0,30}[:\-–—]\s*(\d{1,2}(?:\s*(?:,|→|->|then)\s*\d{1,2}){2,})/i,
    // ("plan: 1 -> 3 -> 5 -> 2 -> 4", a time plan's order of the questions)
    /\bplan\b[^:\n]{0,30}:\s*((?:q\.?\s*)?\d{1,2}(?:\s*(?:,|→|->|then)\s*(?:q\.?\s*)?\d{1,2}){2,})/i,
    // ("I am answering Q3 first, then 1, 5, 4 and 2 at the end")
    /\b(?:answering|doing|attempting|solving)\s+((?:q(?:uestion)?\.?\s*)?\d{1,2}\s+first\s*,?\s*then\s+(?:q\.?\s*)?\d{1,2}(?:\s*(?:,|and|&|then)\s*(?:q\.?\s*)?\d{1,2}){1,})/i,
  );
}

/** The questions a script says it answers first ("I am doing 3 and 5 first", "answering III and V first"). */
export function firstsSaid(body: Line[]): string[] {
  return firstListed(
    body,
    /\b(?:doing|do|answering|attempting|start(?:ing)? with)\s+(?:q(?:uestion)?s?\.?\s*)?(\d{1,2}(?:\s*(?:,|and|&)\s*(?:q\.?\s*)?\d{1,2})+)\s+first\b/i,
    // (roman numerals in capitals only, so this one is case-sensitive: "I" is also the word)
    /\b(?:[Dd]oing|[Aa]nswering|[Aa]ttempting|[Ss]tart(?:ing)? with)\s+([IVX]{1,4}(?:\s*(?:,|and|&)\s*[IVX]{1,4})+)\s+first\b/,
  );
}

/**
 * The questions a script says it answered before another ("I have answered Q5 before Q4", "did 3 before
 * 2"): each with the question it took the place of.
 */
export function beforeSaid(body: Line[]): Map<string, string> {
  const out = new Map<string, string>();
  const re =
    /\b(?:answered|answering|did|done|doing|attempted|written|wrote)\s+(?:q(?:uestion)?\.?\s*)?(\d{1,2})\s+(?:before|ahead of)\s+(?:q(?:uestion)?\.?\s*)?(\d{1,2})\b/gi;
  for (const l of body)
    for (const m of l.text.matchAll(re)) out.set(String(Number(m[1])), String(Number(m[2])));
  return out;
}

/**
 * Whether the rest of question `n`'s label line says it comes first or early ("5 - (doing 5 before 4,
 * 4 is long)", "5 (answering this one first)", "(answered before Q4)"): a bare number out of exam order
 * taken as its heading.
 */
export function saidOnItsLine(rest: string, n: string): boolean {
  return new RegExp(
    `^[\\s\\-–—:.(]*(?:(?:doing|answering|attempting|solving)\\s+(?:q(?:uestion)?\\.?\\s*|no\\.?\\s*)?(?:${n}|this(?: one)?)\\b[^.]{0,20}\\b(?:before|first|ahead)\\b|(?:answered\\s+)?(?:before|ahead of)\\s+(?:q(?:uestion)?\\.?\\s*)?\\d{1,2}\\b)`,
    'i',
  ).test(rest);
}
