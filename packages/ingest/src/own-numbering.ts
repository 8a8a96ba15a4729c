// A script's own numbering, which names no part of the exam: steps numbered through the whole
// script ("S1." … "S34."), small questions a student poses inside each part ("Q1. Shape of W_f?",
// "Q2. Why?", again from Q1 in the next part), an online quiz's own question numbers ("Question 8
// Answer saved  Marked out of 3.00"), and the "(A)" that answers a "(Q)". Read as labels, "S5." would
// start question 5 and "Q2." question 2 in the middle of 3(a)'s answer.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { blankedAt } from './layout.ts';

/** A numbered token at a line's start: its prefix ("S", "Q", "Self-Q", "Step"), its number. */
const NUMBERED = /^(\s*)((s|st|step|q|qn|ques|self-?q|sub-?q|mini-?q|)\.?\s*(\d{1,2})\s*[.:)])(?=\s|$)/i;
/** The exam's question mark on the line: a mini-question asks something. */
const ASKS = /\?\s*[—–-]?\s*$|\?\s*[—–-]\s|\?\s+\S/;
/** "(Q)", "Q:", "Q." or "Q -" alone at a line's start: a question the student puts to itself. */
const ASKED = /^\s*(?:\(\s*q\s*\)|q\s*[:.–-])(?=\s)/i;
/**
 * "(A)", "A:", "A." at a line's start, in capitals, after such a question: the answer's mark, not part
 * (a) ("(a) Q: positions …" is part (a), asking itself).
 */
const ANSWERED = /^(\s*)(\(\s*A\s*\)|A\s*[:.])(?=\s)/;

/**
 * A line ending in a word or an operator its sentence cannot stop at ("… at", "… is", "… ="; not an
 * arrow's end, "Ans ==> 9 <==").
 */
export const RUNS_ON =
  /(?:\b(?:of|the|an|from|by|to|in|on|at|with|into|than|per|via|is|are|equals)|(?<![<=>-])[=+×*·−])$/i;

/** A number alone on its line after a line its sentence runs on from ("… tanh itself C̃t at" / "5."). */
export const wrappedNumber = (text: string, before: string | undefined) =>
  /^\s*\d{1,2}\s*[.)]?\s*$/.test(text) && before !== undefined && RUNS_ON.test(before.trim());

type Token = { line: number; prefix: string; n: number; length: number; lead: number };

/**
 * An online quiz's own question header ("Question 8    Answer saved    Marked out of 3.00    Flag
 * question"): the platform numbers its questions in a run of its own, one per box.
 */
const FORM_QUESTION =
  /^(\s*)(question\s+(\d{1,2}))(?=\s+(?:not\s+(?:yet\s+)?answered|answer\s+saved|complete|incomplete|marked\s+out\s+of|flag\s+question|not\s+complete|points?\b))/i;

/** The box a quiz's answer is typed into: "Answer:", "Your answer:". */
const FORM_ANSWER = /^\s*(?:your\s+)?answer\s*:/i;

function tokens(lines: Line[]): Token[] {
  const out: Token[] = [];
  lines.forEach((l, line) => {
    const form = FORM_QUESTION.exec(l.text);
    if (form) {
      // (the whole header goes: its "Marked out of 1.00" is no value of the answer below it)
      out.push({
        line,
        prefix: 'form',
        n: Number(form[3]),
        length: l.text.length - form[1].length,
        lead: form[1].length,
      });
      return;
    }
    const m = NUMBERED.exec(l.text);
    if (m && !wrappedNumber(l.text, lines[line - 1]?.text))
      out.push({
        line,
        prefix: m[3].toLowerCase().replace(/[-.]/g, ''),
        n: Number(m[4]),
        length: m[2].length,
        lead: m[1].length,
      });
  });
  return out;
}

/**
 * The prefixes a script numbers its own steps or questions with: a run that goes past the exam's
 * questions ("S1" … "S12" where the exam has five), or one that starts again from 1 twice or more
 * (a small "Q1", "Q2" in every part; the exam's "Q1" … "Q5" are written once each), or a run from 1
 * whose every line asks something, set inside a question headed another way ("Question 5", then
 * "Q1. Size after depthwise?", "Q2. Size after pointwise?"); a quiz's headers numbered past the last.
 */
function ownPrefixes(toks: Token[], lines: Line[], tree: PartTree): Set<string> {
  const questions = [...tree.childrenOf([])].length;
  const own = new Set<string>();
  const byPrefix = new Map<string, Token[]>();
  for (const t of toks) byPrefix.set(t.prefix, [...(byPrefix.get(t.prefix) ?? []), t]);
  for (const [prefix, ts] of byPrefix) {
    if (!prefix) continue;
    const ns = ts.map((t) => t.n);
    let run = 0;
    for (const n of ns) if (n === run + 1) run++;
    // (a "Q1." before its sub-part, "Q1. (b)(i)", is the exam's question, however often it is written)
    const bare = ts.filter((t) => !SUB_PART.test(lines[t.line].text.slice(t.lead + t.length)));
    const again = bare.filter((t) => t.n === 1).length >= 3;
    // (a quiz's headers: one numbered past the exam's last question says they are the quiz's own)
    const quiz = prefix === 'form' && ns.some((n) => n > questions);
    if ((run > questions && run >= 4) || quiz || again || (/q/.test(prefix) && asksInside(ts, lines, tree)))
      own.add(prefix);
  }
  return own;
}

/** A sub-part's label after a question's number: "(a)", "b)", "(ii)", "a.". */
const SUB_PART = /^\s*(?:\(\s*(?:[a-h]|[ivx]{1,4})\s*\)|(?:[a-h]|[ivx]{1,4})[.)])/i;

/**
 * Questions 1, 2, 3 … in a run that each ask something, a few lines apart, inside the answer to a later
 * question headed another way ("Question 5", then "Q1. Size after depthwise?"), with no other label
 * among them.
 */
function asksInside(ts: Token[], lines: Line[], tree: PartTree): boolean {
  if (ts.length < 2 || !ts.every((t, i) => t.n === i + 1 && ASKS.test(lines[t.line].text))) return false;
  const first = ts[0].line;
  const last = ts[ts.length - 1].line;
  // (a few lines each: a question and its short answer)
  if (last - first > 4 * (ts.length - 1)) return false;
  const mine = new Set(ts.map((t) => t.line));
  for (let i = first + 1; i < last; i++) if (!mine.has(i) && findLabel(lines[i].text, tree)) return false;
  for (let i = first - 1; i >= 0; i--) {
    const label = findLabel(lines[i].text, tree);
    if (label) return Number(label.path[0]) >= 2;
  }
  return false;
}

/**
 * Plain numbers ("5.", "6)") that continue a run past the exam's questions: steps numbered on through
 * the parts of a question ("1." … "4." under 1(a), "5." … "7." under 1(b)(i)). Each run 1, 2, 3 … in
 * the order written that reaches beyond the last question, with the exam's own labels among it, is
 * steps, all of it; a run that stops at or before it may be the exam's questions.
 */
function steps(toks: Token[], lines: Line[], tree: PartTree): Token[] {
  const questions = [...tree.childrenOf([])].length;
  const plain = toks.filter((t) => t.prefix === '');
  const out: Token[] = [];
  let run: Token[] = [];
  // (the exam's labels among its numbers: "1(b)(i)" between step 4 and step 5; a run with none is
  // the script's labels, the parts numbered 1 to 11 in order)
  const labelled = (r: Token[]) => {
    const mine = new Set(r.map((t) => t.line));
    for (let i = r[0].line + 1; i < r[r.length - 1].line; i++) {
      const label = mine.has(i) ? null : findLabel(lines[i].text, tree);
      if (label && !label.weak) return true;
    }
    return false;
  };
  for (const t of [...plain, null]) {
    if (t && run.length && t.n === run[run.length - 1].n + 1) {
      run.push(t);
      continue;
    }
    if (run.length && run[0].n === 1 && run[run.length - 1].n > questions && labelled(run)) out.push(...run);
    run = t ? [t] : [];
  }
  return out;
}

/**
 * The lines with the script's own numbering blanked, the same length (so word positions hold);
 * any other script is returned as it is.
 */
export function withoutOwnNumbering(lines: Line[], tree: PartTree): Line[] {
  const toks = tokens(lines);
  const own = ownPrefixes(toks, lines, tree);
  const asked = lines.filter((l) => ASKED.test(l.text)).length >= 2;
  const stepped = steps(toks, lines, tree);
  if (!own.size && !asked && !stepped.length) return lines;
  const at = new Map([...toks.filter((t) => own.has(t.prefix)), ...stepped].map((t) => [t.line, t]));
  // (a quiz's header is followed by its question's own text, up to the box's "Answer:")
  if (own.has('form'))
    for (const t of toks.filter((x) => x.prefix === 'form')) {
      const box = lines.findIndex((l, i) => i > t.line && i <= t.line + 4 && FORM_ANSWER.test(l.text));
      for (let i = t.line + 1; i < box; i++)
        at.set(i, { line: i, prefix: 'form', n: t.n, lead: 0, length: lines[i].text.length });
    }
  return lines.map((l, i) => {
    const t = at.get(i);
    const answer =
      asked && !t && i > 0 && (ASKED.test(lines[i - 1].text) || /\?\s*$/.test(lines[i - 1].text))
        ? ANSWERED.exec(l.text)
        : null;
    const start = t ? t.lead : answer ? answer[1].length : -1;
    const length = t ? t.length : answer ? answer[2].length : 0;
    // (the words that were the number go too)
    return start < 0 ? l : blankedAt(l, start, length);
  });
}
