// Cutting a line at a character offset: what a label leaves of its line, and a line split at an
// inline label.
import type { Line } from '@grader/model';
import { readingFrame, setReadingFrame, unionBox } from './layout.ts';

/** The part of a line after its label: words whose left edge is past the label's end. */
export function contentOf(line: Line, labelEnd: number): Line | null {
  const rest = line.text.slice(labelEnd).trim();
  if (!rest) return null;
  // Keep the words that make up the rest (by matching the tail of the word list).
  const words = [...line.words];
  let len = 0;
  const kept: typeof words = [];
  for (let i = words.length - 1; i >= 0 && len < rest.length; i--) {
    kept.unshift(words[i]);
    len += words[i].text.length + (i > 0 ? 1 : 0);
  }
  const box = kept.length ? unionBox(kept.map((w) => w.box)) : line.box;
  const conf = kept.length ? kept.reduce((s, w) => s + w.conf, 0) / kept.length : line.conf;
  const out = { page: line.page, text: rest, box, conf, words: kept };
  const frame = readingFrame(line, { width: 0, height: 0 });
  if (frame.width) setReadingFrame(out, frame);
  return out;
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
