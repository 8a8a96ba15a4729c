/**
 * Where the grader's similarity evidence sits in an answer's text, for marking it: the shared
 * unusual values (numbers) and shared sentences (4-word sequences as the grader compares them:
 * lower case, words of 3+ letters, so shorter words in between are skipped). Nothing is judged here.
 */
export interface Evidence {
  values: { partId: string; value: string; scripts: number }[];
  sentences: string[];
}

export type Span = { text: string; mark: null | 'value' | 'sentence' };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The numbers of the values shared in this part ("[0.7, 0.2, 0.5]" -> 0.7, 0.2, 0.5). */
export function sharedNumbers(ev: Evidence, partId: string): string[] {
  const nums = ev.values
    .filter((v) => v.partId === partId)
    .flatMap((v) => v.value.match(/-?\d+(?:\.\d+)?/g) ?? []);
  return [...new Set(nums)];
}

export function markSpans(text: string, numbers: string[], sentences: string[]): Span[] {
  const marks: { start: number; end: number; mark: 'value' | 'sentence' }[] = [];
  for (const sen of sentences) {
    const words = sen.split(' ').filter(Boolean);
    if (!words.length) continue;
    // between two compared words: anything but letters, and any words of one or two letters
    const gap = '[^A-Za-z]+(?:[A-Za-z]{1,2}[^A-Za-z]+)*';
    const re = new RegExp(`(?<![A-Za-z])${words.map(esc).join(gap)}(?![A-Za-z])`, 'gi');
    for (const m of text.matchAll(re))
      marks.push({ start: m.index, end: m.index + m[0].length, mark: 'sentence' });
  }
  for (const n of numbers) {
    const re = new RegExp(`(?<![\\d.])${esc(n)}(?![\\d]|\\.\\d)`, 'g');
    for (const m of text.matchAll(re))
      marks.push({ start: m.index, end: m.index + m[0].length, mark: 'value' });
  }
  // overlapping sentences (the grader's 4-word sequences overlap) join into one mark; a value
  // inside a marked sentence stays part of it
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof marks = [];
  for (const m of marks) {
    const last = merged.at(-1);
    if (last && m.start < last.end) {
      if (m.mark === 'sentence' && last.mark === 'sentence') last.end = Math.max(last.end, m.end);
      continue;
    }
    merged.push({ ...m });
  }
  const out: Span[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null });
    out.push({ text: text.slice(m.start, m.end), mark: m.mark });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: null });
  return out;
}
