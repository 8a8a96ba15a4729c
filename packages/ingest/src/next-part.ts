// A part named by its place after the one before ("next part", "Next:", "continuing", "(second
// part)"): the sibling after the part being read, at the level it was labelled.
import type { Label, PartPath, PartTree } from './labels.ts';

const NEXT =
  /^\s*\(?\s*(?:(?:the\s+)?next\s+(?:sub-?)?part|next|continuing|continued\s+with\s+the\s+next\s+part)\s*\)?\s*[:.\-–—]?\s*/i;

/**
 * "next part" alone on its line, or before the answer after a colon, read under `context`: the
 * next part of the question at the deepest level that has one ("next part" after 2(a) is 2(b); after
 * 1(b)(i), 1(b)(ii)). Null where nothing follows in the question, or the words run on as a sentence.
 */
export function nextPart(line: string, tree: PartTree, context: PartPath): Label | null {
  const m = NEXT.exec(line);
  if (!m || context.length < 2) return null;
  const rest = line.slice(m[0].length);
  // ("next part" alone, or "Next: …" with a colon or dash: "next we compute …" is a sentence)
  // ("Next: C_t = …" may be working's next step: a bare "next" heads a part only alone on its line)
  if (rest.trim() && (!/[:\-–—]\s*$/.test(m[0]) || /^\s*\(?\s*next\s*\)?\s*[:.\-–—]?\s*$/i.test(m[0])))
    return null;
  for (let depth = context.length - 1; depth >= 1; depth--) {
    const kids = [...tree.childrenOf(context.slice(0, depth))];
    const at = kids.indexOf(context[depth]);
    if (at < 0 || at + 1 >= kids.length) continue;
    let path = [...context.slice(0, depth), kids[at + 1]];
    // (into a part with sub-parts, its first: "next part" after 1(a) opens 1(b)(i))
    while (tree.partId(path) === null && tree.childrenOf(path).size)
      path = [...path, [...tree.childrenOf(path)][0]];
    return { path, partId: tree.partId(path), end: m[0].length, conf: 0.85, weak: false };
  }
  return null;
}
