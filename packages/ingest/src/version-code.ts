// The exam version a student wrote (or a printed answer sheet carries) in the script's header:
// "Version B", "Ver. B", "Set B", "Paper code: B", "Question paper set B", "Series B". Only the code is
// read here; which versions exist is the grader's business (a code the exam does not have is flagged there).
import type { Line, VersionCode } from '@grader/model';

// keywords that name a version anywhere in a header line (OCR slips: 0 for o, 1/l for i, 3 for e)
const STRONG = String.raw`v[e3]rs[i1l][o0]n|ver\.|paper\s*(?:code|set|version|no\.?)|question\s*paper\s*(?:code|set|version)|question\s*(?:set|code)|series`;
// "Set" is a common word: only at the start of the line or of a header field (after | , ; or a gap)
const WEAK = String.raw`set(?:\s*(?:code|no\.?|number))?`;
// the code: up to 3 capitals or digits, or one lower-case letter after a strong keyword; not a
// variable being defined ("Set x = 2", "set C_t")
const CODE = String.raw`\s*(?:code|no\.?|number|#)?\s*[:\-–—=.#]?\s*(?<code>[A-Z0-9]{1,3}|[a-z])(?![A-Za-z0-9_^(]|\s*=)`;
const PHRASE = new RegExp(
  String.raw`(?:\b(?<strong>${STRONG})|(?:^|(?<=[|,;(\[]\s*)|(?<=\s{2}))(?:${WEAK}))${CODE}`,
  'gi',
);

/** The version phrases of a text, with the code each names (upper case). */
export function versionPhrases(text: string): Array<{ code: string; index: number; length: number }> {
  const out: Array<{ code: string; index: number; length: number }> = [];
  for (const m of text.matchAll(PHRASE)) {
    const code = m.groups?.code ?? '';
    // the code is case-sensitive: "Set of answers" names no version; a single letter may be lower case
    const raw = m[0].slice(m[0].length - code.length);
    if (raw !== raw.toUpperCase() && (raw.length > 1 || !m.groups?.strong)) continue;
    out.push({ code: raw.toUpperCase(), index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

/** A line that holds a version phrase and nothing else (punctuation aside). */
export function isVersionLine(text: string): boolean {
  const found = versionPhrases(text);
  if (found.length === 0) return false;
  let rest = text;
  for (const p of [...found].reverse()) rest = rest.slice(0, p.index) + rest.slice(p.index + p.length);
  return rest.replace(/[^A-Za-z0-9]/g, '') === '';
}

/** The line's text without its version phrases (what the header reader should see), or null if nothing else is left. */
export function withoutVersion(line: Line): Line | null {
  const found = versionPhrases(line.text);
  if (found.length === 0) return line;
  if (isVersionLine(line.text)) return null;
  let text = line.text;
  for (const p of [...found].reverse()) text = `${text.slice(0, p.index)} ${text.slice(p.index + p.length)}`;
  return { ...line, text: text.replace(/\s*[|,;]\s*(?=[|,;]|$)/g, '').trim() };
}

/** The first version code in the header lines (in reading order), with the line it was read from. */
export function findVersionCode(lines: readonly Line[]): VersionCode | null {
  for (const line of lines) {
    const found = versionPhrases(line.text);
    if (found.length === 0) continue;
    return { code: found[0].code, text: line.text.trim(), region: { page: line.page, box: line.box } };
  }
  return null;
}
