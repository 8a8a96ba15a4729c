// What a script says of the order it answers in, before its answers: "Order of answers: Q1, Q3,
// Q2, Q5, Q4", "I am doing 3 and 5 first". A bare question number out of exam order is taken as a
// heading where it agrees.
import type { Line } from '@grader/model';

/** The question numbers a line's match lists, in its order. */
function numbersOf(listed: string): string[] {
  return [...listed.matchAll(/\d{1,2}/g)].map((d) => String(Number(d[0])));
}

/** The first line of `body` that `re` matches: its first group's question numbers. */
function firstListed(body: Line[], re: RegExp): string[] {
  for (const l of body) {
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
  );
}

/** The questions a script says it answers first ("I am doing 3 and 5 first"). */
export function firstsSaid(body: Line[]): string[] {
  return firstListed(
    body,
    /\b(?:doing|do|answering|attempting|start(?:ing)? with)\s+(?:q(?:uestion)?s?\.?\s*)?(\d{1,2}(?:\s*(?:,|and|&)\s*(?:q\.?\s*)?\d{1,2})+)\s+first\b/i,
  );
}
