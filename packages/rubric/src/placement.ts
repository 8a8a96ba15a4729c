// Answers placed by their content: a question answered as one block ("1(b)" with no "i."/"ii."),
// whose lines define the quantities of several sub-parts (C_t, then h_t), is split between them.
// Only a line that defines a sub-part's own quantity (`h_t = …`, `b_f ∈ R^3`, `b_f: 3 × 1`) moves,
// with what follows it up to the next such line; the moved part's confidence is lowered.
import type { ExtractedScript, PartAnswer } from '@grader/model';
import { normalizeMath, tokenize } from '@grader/parse';
import { canonicalSymbol } from './evidence.ts';
import type { Rubric } from './schema.ts';

/** Confidence of a part found by its content rather than its label. */
export const PLACED_CONF = 0.8;

const questionOf = (partId: string) => /^\d+/.exec(partId)?.[0] ?? partId;

/** The symbol a line defines (`h_t = …`, `b_f ∈ …`, `b_f: …`, `b_f is …`), canonical, or null. */
function definedSymbol(line: string): string | null {
  // (after a step marker: "Step 4: h_t = …", "2) h_t = …", "• h_t = …")
  const body = normalizeMath(line).replace(/^\s*(?:step\s*\d+\s*[:.)-]?|\(?\d{1,2}[.)]|[-•*>])\s*/i, '');
  const m = /^\s*(?:∴|therefore|hence|so|thus)?\s*([^=∈:]{1,24}?)\s*(?:=|∈|:|\bis\b|\bhas\b)/i.exec(body);
  if (!m) return null;
  const toks = tokenize(m[1].trim());
  return toks.length === 1 && toks[0].t === 'sym' ? toks[0].v : null;
}

function namesOf(rubric: Rubric): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const part of rubric.parts) {
    const names = new Set<string>();
    for (const item of part.items)
      if (item.type === 'value') for (const n of item.names) names.add(canonicalSymbol(n));
    out.set(part.id, names);
  }
  return out;
}

export function placeByContent(script: ExtractedScript, rubric: Rubric): ExtractedScript {
  const names = namesOf(rubric);
  const missing = rubric.parts.filter((p) => !script.parts[p.id]?.text.trim() && names.get(p.id)?.size);
  if (!missing.length) return script;
  const parts = { ...script.parts };
  for (const want of missing) {
    const q = questionOf(want.id);
    for (const sib of rubric.parts) {
      const from = parts[sib.id];
      if (sib.id === want.id || questionOf(sib.id) !== q || !from?.text.trim()) continue;
      const lines = from.lines.length ? from.lines : from.text.split('\n').map((text) => ({ text }));
      const owner = (i: number) => {
        const sym = definedSymbol(lines[i].text);
        if (!sym) return null;
        for (const [id, ns] of names) if (questionOf(id) === q && ns.has(sym)) return id;
        return null;
      };
      // the sibling's own quantity comes first; a later line defining the wanted one starts its block
      const start = lines.findIndex((_, i) => i > 0 && owner(i) === want.id);
      if (start < 0) continue;
      let end = lines.length;
      for (let i = start + 1; i < lines.length; i++) {
        const o = owner(i);
        if (o && o !== want.id) {
          end = i;
          break;
        }
      }
      const take = (a: number, b: number) => ({
        text: lines
          .slice(a, b)
          .map((l) => l.text)
          .join('\n'),
        lines: from.lines.slice(a, b),
      });
      const moved = take(start, end);
      const kept = { text: [take(0, start).text, take(end, lines.length).text].filter(Boolean).join('\n') };
      // a block that starts by defining its own part's quantity and then the wanted one's is a
      // question answered without sub-labels: the content confirms where each answer goes
      const confirmed = lines.slice(0, start).some((_, i) => owner(i) === sib.id);
      const conf = (c: number) => (confirmed ? Math.max(c, PLACED_CONF) : c);
      parts[sib.id] = {
        ...from,
        text: kept.text,
        lines: [...from.lines.slice(0, start), ...from.lines.slice(end)],
        labelConf: conf(from.labelConf),
        conf: conf(from.conf),
      };
      const placed: PartAnswer = {
        ...from,
        partId: want.id,
        text: moved.text,
        lines: moved.lines,
        regions: moved.lines.length
          ? [{ page: moved.lines[0].page, box: moved.lines[0].box }]
          : from.regions.slice(0, 1),
        labelConf: confirmed ? PLACED_CONF : Math.min(from.labelConf, PLACED_CONF),
        conf: confirmed ? PLACED_CONF : Math.min(from.conf, PLACED_CONF),
        occurrences: 1,
      };
      parts[want.id] = placed;
      break;
    }
  }
  return { ...script, parts };
}
