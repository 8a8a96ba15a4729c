// A rubric edit regrades only what it can change. A part's grade depends on its own rubric section,
// the script, the keys, where answers were placed (from every part's value names and labels) and,
// through error carried forward, the values read in the parts its items build on. So when the keys
// are the same, a part whose section is unchanged and whose upstream parts are all unchanged grades
// exactly as before: its earlier grade and reading are taken as they are (tests compare with a full
// regrade over the corpus).
import type { Part, Rubric } from './schema.ts';

/** The parts each part's error carried forward reads (`3c` reads `3a`, `3b`). */
function upstreamOf(part: Part): string[] {
  const out: string[] = [];
  for (const item of part.items)
    if (item.type === 'value' && item.ecf)
      for (const arg of Object.values(item.ecf.args)) if ('answer' in arg) out.push(arg.answer.split('#')[0]);
  return out;
}

/** What placing answers by content reads of a rubric (placement.ts): part order, value names, labels. */
function placementKey(rubric: Rubric): string {
  return JSON.stringify(
    rubric.parts.map((p) => [p.id, p.items.map((i) => [i.type, 'names' in i ? i.names : null, i.label])]),
  );
}

/**
 * The parts of `after` that grade exactly as under `before` (both prepared for the same keys and
 * parameters): unchanged sections with no changed part upstream. Empty when the placement of
 * answers may differ, or the rubric is another exam's.
 */
export function unchangedParts(before: Rubric, after: Rubric): Set<string> {
  if (before.exam !== after.exam || placementKey(before) !== placementKey(after)) return new Set();
  const old = new Map(before.parts.map((p) => [p.id, JSON.stringify(p)]));
  const changed = new Set(after.parts.filter((p) => old.get(p.id) !== JSON.stringify(p)).map((p) => p.id));
  // downstream of a changed part: its carried-forward value may differ (transitively)
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of after.parts)
      if (!changed.has(p.id) && upstreamOf(p).some((u) => changed.has(u))) {
        changed.add(p.id);
        grew = true;
      }
  }
  return new Set(after.parts.map((p) => p.id).filter((id) => !changed.has(id)));
}
