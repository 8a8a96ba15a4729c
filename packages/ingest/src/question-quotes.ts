// The question copied above its answer ("> C_t has dimension 3, with C_{t-1} = {0.2, 0.4, 0.8} …
// i. Compute C_t.", "Q: What is the dimension of b_f?"): with no label of the script's own, the
// paper's words say which part follows. A run of such lines becomes that part's label; the quoted
// givens are no part of the answer.
import type { Line } from '@grader/model';
import { findLabel, labelText, type PartPath, type PartTree } from './labels.ts';
import { retext } from './layout.ts';

/** A part's or a question's words on the paper (@grader/exam's partPrompts). */
export interface Prompt {
  path: string[];
  text: string;
}

const STOP = new Set(
  'the and with what this that for are how does each its from into when which than other terms only both has have given is of to in by a an as on at be it per'.split(
    ' ',
  ),
);

/** A quotation's mark before a copied question: "> ", "Q:", "Question:", a quote sign. */
const QUOTE_MARK = /^\s*(?:>+|q\s*[:.-]|question\s*:|[“"'‘«])\s*/i;

/** Words (letters only, four or more), symbols ("c_{t-1}" as "ct1") and decimals of a text. */
function tokens(text: string): { words: Set<string>; all: Set<string> } {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // (∂L/∂c_t typed as dL/dc_t)
    .replace(/∂/g, 'd');
  const words = new Set<string>();
  const all = new Set<string>();
  for (const m of plain.matchAll(/\d+\.\d+|[a-z][a-z0-9_{}]*/g)) {
    const raw = m[0];
    if (/^\d/.test(raw)) {
      all.add(raw);
      continue;
    }
    const t = raw.replace(/[_{}]/g, '');
    if (STOP.has(t) || t.length < 2) continue;
    all.add(t);
    if (/^[a-z]{4,}$/.test(t)) words.add(t);
  }
  return { words, all };
}

type Scored = { path: PartPath; shared: number };

/**
 * The prompt a line quotes: most of its words, symbols and decimals are the prompt's (four or more
 * shared, two of them words, or one word and two decimals or nothing else), and no prompt off its line of descent shares
 * as many. A prompt is read with its question's stem before it, so a line holding both picks the part.
 */
function quoted(text: string, prompts: Array<{ path: PartPath; all: Set<string> }>): PartPath | null {
  const t = tokens(text);
  if (t.all.size < 4) return null;
  const scored: Scored[] = [];
  for (const p of prompts) {
    const shared = [...t.all].filter((x) => p.all.has(x));
    const words = shared.filter((x) => t.words.has(x)).length;
    const decimals = shared.filter((x) => /^\d/.test(x)).length;
    if (shared.length < 4 || shared.length < t.all.size * 0.85) continue;
    // (words, not symbols alone: "C_t = f_t ⊙ C_{t-1} + …" is working in the paper's symbols)
    if (words < 2 && !(words >= 1 && (decimals >= 2 || shared.length === t.all.size))) continue;
    scored.push({ path: p.path, shared: shared.length });
  }
  if (!scored.length) return null;
  const best = Math.max(...scored.map((s) => s.shared));
  const top = scored.filter((s) => s.shared === best).sort((a, b) => a.path.length - b.path.length);
  // (a stem and its part share the stem's words: the shallowest of one line of descent; two
  // questions' prompts alike is no reading)
  const onLine = top.every((s) => top[0].path.every((c, i) => s.path[i] === c));
  return onLine ? top[0].path : null;
}

/** Each prompt's words read with its question's stem and its part's ("3" then "(a) What is …"). */
function withStems(prompts: readonly Prompt[]): Array<{ path: PartPath; all: Set<string> }> {
  const stem = (path: PartPath) =>
    prompts
      .filter((p) => p.path.length <= path.length && p.path.every((c, i) => path[i] === c))
      .map((p) => p.text);
  return prompts.map((p) => ({ path: p.path, all: tokens(stem(p.path).join(' ')).all }));
}

/**
 * The lines with each run of a copied question made its part's label: the run's first line reads
 * as the label, the rest go. Only in a script that labels few parts itself (fewer than a third of
 * the paper's), only a quote set off by its mark (`>`, `Q:`, a quote sign) or a question mark, and
 * never a quote of the part being read or of its question: a student restating the givens inside an
 * answer labels nothing.
 */
export function withQuotedQuestions(lines: Line[], tree: PartTree, prompts: readonly Prompt[]): Line[] {
  if (!prompts.length) return lines;
  const leaves = tree.leavesUnder([]);
  // (the script's own labels read in their context: "(a)" under "Q1" labels 1(a))
  const labelled = new Set<string>();
  let at: PartPath = [];
  for (const l of lines) {
    const own = findLabel(l.text, tree, at);
    if (!own) continue;
    at = own.path;
    if (own.partId) labelled.add(own.partId);
  }
  if (labelled.size >= leaves.length / 3) return lines;
  const read = withStems(prompts);
  const out: Line[] = [];
  let context: PartPath = [];
  let run: { path: PartPath; at: number; marked: boolean } | null = null;
  for (const line of lines) {
    const own = findLabel(line.text, tree, context);
    if (own?.partId) {
      context = own.path;
      run = null;
      out.push(line);
      continue;
    }
    // (only a quote set off as one, under its mark or asking: an answer's sentence echoes the paper's
    // words too, "e_kj is computed by dot-product similarity")
    const marked = QUOTE_MARK.test(line.text) || /\?\s*$/.test(line.text);
    const body = line.text.replace(QUOTE_MARK, '');
    const path = marked ? quoted(body, read) : null;
    // (a quoted line runs on under its mark: "> position: i. f_t  ii. i_t …")
    if (!path && run?.marked && marked) continue;
    if (!path) {
      run = null;
      out.push(line);
      continue;
    }
    const within = (a: PartPath, b: PartPath) => a.every((c, i) => b[i] === c);
    // the run goes on, to the deepest part its lines name
    if (run && (within(run.path, path) || within(path, run.path))) {
      if (path.length > run.path.length) {
        run.path = path;
        out[run.at] = retext(out[run.at], labelText(path));
        context = path;
      }
      continue;
    }
    if (context.length && within(path, context)) {
      out.push(line);
      continue;
    }
    run = { path, at: out.length, marked };
    context = path;
    out.push(retext(line, labelText(path)));
  }
  return out;
}

/**
 * Whether a line is the paper's own question, copied (its words, symbols and decimals a prompt's, read
 * with its question's stem): a script typed into the question paper keeps them above its answers.
 */
export function promptLine(prompts: readonly Prompt[]): (text: string) => boolean {
  if (!prompts.length) return () => false;
  // (and each question whole, its parts' prompts with it: "… What is the dimension of W_f? (b) What is
  // the dimension of b_f?" copied on one line)
  const whole = (path: PartPath) =>
    prompts.filter((p) => path.every((c, i) => p.path[i] === c)).map((p) => p.text);
  const read = [
    ...withStems(prompts),
    ...prompts
      .filter((p) => p.path.length === 1)
      .map((p) => ({ path: p.path, all: tokens(whole(p.path).join(' ')).all })),
  ];
  return (text) => quoted(text.replace(QUOTE_MARK, ''), read) !== null;
}

/**
 * The paper's own questions copied into the script ("What is the dimension of b_f? [Ans: 3]", a
 * script typed into the question paper), blanked the same length wherever they stand on a line: the
 * question's words are no reason of the student's. A question is a sentence of a prompt ending in
 * "?", of three words or more, matched word for word (subscripts and spacing as typed).
 */
export function withoutAskedSentences(lines: Line[], prompts: readonly Prompt[]): Line[] {
  const asked = prompts.flatMap((p) =>
    p.text
      .split(/(?<=[.?])\s+/)
      .filter((q) => q.endsWith('?') && (q.match(/\p{L}+/gu) ?? []).length >= 3)
      .map((q) => {
        const chunks = q.match(/[\p{L}\p{N}]+/gu) ?? [];
        return new RegExp(
          chunks.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\W_]*') + '[\\W_]*\\?',
          'iu',
        );
      }),
  );
  if (!asked.length) return lines;
  return lines.map((l) => {
    let text = l.text;
    for (const re of asked) {
      const m = re.exec(text);
      if (m) text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
    }
    return text === l.text ? l : retext(l, text);
  });
}
