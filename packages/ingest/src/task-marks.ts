// A checklist's marks before a part's label: a task list's box ("- [x]", "[ ]", "[~]", "⊠", "☐"),
// a status in brackets ("[DONE]", "[CHECKED]", "[TODO]"), and the dots a tracker sets between a
// label's components ("Task 1 · (b) · ii"). Blanked, the same length, so the label after them reads.

const BOX = String.raw`(?:[-*+]\s+)?\[\s*[xX✓✔~\-/ ]?\s*\]|[☐☑☒⊠⊡□■✓✔✗✘]`;
const STATUS = String.raw`\[\s*(?:done|checked|todo|to\s?do|wip|skipped|revisit|blocked|partial|fix|open|doing|ok|review)\s*\]`;
/** A checklist's box, or a status in brackets, opening a line. */
export const BOXED = new RegExp(String.raw`^\s*(?:${BOX}|${STATUS})`, 'i');

/** A status in brackets after a label ("1.a  [DONE]", "4(a) [WIP]"): its length, 0 when none. */
export const statusAfter = (rest: string) =>
  new RegExp(String.raw`^\s*${STATUS}`, 'i').exec(rest)?.[0].length ?? 0;

const MARKS = new RegExp(String.raw`^(\s*)((?:(?:${BOX}|${STATUS})\s*)+)(?=\S)`, 'i');

/** The line with a checklist's box and status before its label blanked (the line itself when none). */
export function withoutTaskMarks(line: string): string {
  const m = MARKS.exec(line);
  let out = m ? m[1] + ' '.repeat(m[2].length) + line.slice(m[0].length) : line;
  // "Task 1 · (b) · ii", "Q3 · c": the dots between a label's components, spaces
  const dotted =
    /^(\s*(?:task|q|question|item)?\.?\s*\d{1,2})((?:\s*·\s*\(?(?:[a-h]|[ivx]{1,4})\)?)+)(?=\s|$|[:\-–—])/i.exec(
      out,
    );
  if (dotted) out = dotted[1] + dotted[2].replace(/·/g, ' ') + out.slice(dotted[0].length);
  return out;
}
