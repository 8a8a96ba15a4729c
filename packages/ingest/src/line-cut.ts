// Cutting a line at a character offset: what a label leaves of its line, and a line split at an
// inline label.
import type { Line } from '@grader/model';
import { readingFrame, setReadingFrame, unionBox } from './layout.ts';

/** The part of a line after its label: words whose left edge is past the label's end. */
export function contentOf(line: Line, labelEnd: number): Line | null {
  const rest = line.text.slice(labelEnd).trim();
  if (!rest) return null;
  const kept = tailWords(line.words, rest) ?? tailByLength(line.words, rest);
  const box = kept.length ? unionBox(kept.map((w) => w.box)) : line.box;
  const conf = kept.length ? kept.reduce((s, w) => s + w.conf, 0) / kept.length : line.conf;
  const out = { page: line.page, text: rest, box, conf, words: kept };
  const frame = readingFrame(line, { width: 0, height: 0 });
  if (frame.width) setReadingFrame(out, frame);
  return out;
}

/**
 * The words that spell `rest`, matched from the end of the line: a subscript is its own word set
 * without a space ("e" "kj"), so counting characters and spaces would keep too few. Null where the
 * text no longer spells its words (a repaired reading).
 */
function tailWords(words: Line['words'], rest: string): Line['words'] | null {
  let j = rest.length;
  const kept: Line['words'] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    while (j > 0 && /\s/.test(rest[j - 1])) j--;
    if (j === 0) break;
    const t = words[i].text;
    const head = rest.slice(0, j);
    if (head.endsWith(t)) j -= t.length;
    // (a raised word the line spells as a superscript: "tanh" "2" read as "tanh^{2}")
    else if (head.endsWith(`^{${t}}`)) j -= t.length + 3;
    // (the label ends inside this word: "Q2a)e_kj" keeps the word that holds e_kj)
    else if (t.endsWith(head)) j = 0;
    else return null;
    kept.unshift(words[i]);
  }
  return j === 0 ? kept : null;
}

/** The words that make up the rest by their length, with a space between each two. */
function tailByLength(words: Line['words'], rest: string): Line['words'] {
  let len = 0;
  const kept: Line['words'] = [];
  for (let i = words.length - 1; i >= 0 && len < rest.length; i--) {
    kept.unshift(words[i]);
    len += words[i].text.length + (i > 0 ? 1 : 0);
  }
  return kept;
}

/** `line` cut at character `at`: what comes before (null when nothing) and the rest, read next. */
export function cutAt(line: Line, at: number): { kept: Line | null; rest: Line } | null {
  const rest = contentOf(line, at);
  if (!rest) return null;
  const text = line.text.slice(0, at).trim();
  const kept = text
    ? { ...line, text, words: line.words.slice(0, line.words.length - rest.words.length) }
    : null;
  return { kept, rest };
}
