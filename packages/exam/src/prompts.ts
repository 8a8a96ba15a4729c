// What the paper asks in each part, as text: the question paper (paper.md) filled with the exam's
// default parameters and cut at its own labels ("**3.**", "(a)", "i."). A student who copies the
// question above an answer, with no label of their own, says by it which part follows.
import type { Exam } from './load.ts';
import { fillPaper, paperTemplate } from './paper-text.ts';
import { resolveParameters } from './parameters.ts';

/** A part's or a question's own words on the paper (a question's stem before its first part). */
export interface PartPrompt {
  path: string[];
  text: string;
}

/** The paper's labels inside a question: a letter in brackets, a small roman numeral and a dot. */
const LETTER = /\(([a-h])\)/g;
const ROMAN = /(?:^|\s)(i{1,3}|iv)\.\s/g;

/** Splits `text` at the matches of `re` whose label is one of `labels`: the text before, then each piece. */
function cut(text: string, re: RegExp, labels: Set<string>): { stem: string; pieces: Map<string, string> } {
  const at = [...text.matchAll(re)].filter((m) => labels.has(m[1]));
  const pieces = new Map<string, string>();
  at.forEach((m, k) => {
    const end = k + 1 < at.length ? at[k + 1].index : text.length;
    pieces.set(m[1], text.slice(m.index + m[0].length, end));
  });
  return { stem: at.length ? text.slice(0, at[0].index) : text, pieces };
}

/**
 * Each part's words and each question's stem, from the paper filled with the default parameters (a
 * version's other numbers change no words); none when the exam has no paper template.
 */
export function partPrompts(exam: Pick<Exam, 'id' | 'dir' | 'paper' | 'parameters' | 'parts'>): PartPrompt[] {
  let text: string;
  try {
    text = fillPaper(paperTemplate(exam).text, resolveParameters(exam.parameters ?? {}));
  } catch {
    return [];
  }
  const body = text.split(/^##\s+Questions\s*$/m)[1] ?? '';
  const questions = [...body.matchAll(/\*\*(\d{1,2})\.\*\*/g)];
  const out: PartPrompt[] = [];
  const clean = (s: string) =>
    s
      .replace(/\(\d+ points?\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  questions.forEach((q, k) => {
    const end = k + 1 < questions.length ? questions[k + 1].index : body.length;
    // (a displayed formula, indented, is every part's: the words around it say which part is asked)
    const block = body
      .slice(q.index + q[0].length, end)
      .split(/^Total:/m)[0]
      .replace(/^ {4}.*$/gm, '');
    const id = q[1];
    const under = (path: string[]) =>
      new Set(
        exam.parts.filter((p) => path.every((c, i) => p.path[i] === c)).map((p) => p.path[path.length]),
      );
    const letters = cut(block, LETTER, under([id]));
    out.push({ path: [id], text: clean(letters.stem) });
    for (const [letter, piece] of letters.pieces) {
      const romans = cut(piece, ROMAN, under([id, letter]));
      out.push({ path: [id, letter], text: clean(romans.stem) });
      for (const [roman, sub] of romans.pieces) out.push({ path: [id, letter, roman], text: clean(sub) });
    }
  });
  return out.filter((p) => p.text);
}
