// A rubric or parameter edit regrades only what it can change. A part's grade depends on its own
// rubric section, the script, the keys and parameters its section refers to, where answers were
// placed (from every part's value names and the long numbers of its labels) and, through error
// carried forward, the values read in the parts its items build on. So a part whose section and
// referred values are unchanged, and whose upstream parts are all unchanged, grades exactly as
// before: its earlier grade and reading are taken as they are (tests compare with a full regrade
// over the corpus).
import type { GradingContext } from './context.ts';
import { type Keys, lookupPath } from './keys.ts';
import { prepareRubric } from './load.ts';
import type { Part, Rubric } from './schema.ts';

/** The parts each part's error carried forward reads (`3c` reads `3a`, `3b`). */
function upstreamOf(part: Part): string[] {
  const out: string[] = [];
  for (const item of part.items)
    if (item.type === 'value' && item.ecf)
      for (const arg of Object.values(item.ecf.args)) if ('answer' in arg) out.push(arg.answer.split('#')[0]);
  return out;
}

/** What placing answers by content reads of a rubric (placement.ts): part order, value and mapping
 *  names, the numbers of three digits or more in item labels. */
function placementKey(rubric: Rubric): string {
  return JSON.stringify(
    rubric.parts.map((p) => [
      p.id,
      p.items.map((i) => [i.type, 'names' in i ? i.names : null, i.label.match(/\d{3,}/g) ?? []]),
    ]),
  );
}

/** A part's section (prepared: its templates filled) with every key and parameter it refers to. */
function signature(part: Part, ctx: GradingContext): string {
  const refs: unknown[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) {
      for (const x of o) walk(x);
      return;
    }
    if (o === null || typeof o !== 'object') return;
    const r = o as Record<string, unknown>;
    if (typeof r.engine === 'string') refs.push(lookupPath(ctx.keys, r.engine) ?? null);
    if (typeof r.key === 'string') refs.push(lookupPath(ctx.keys, r.key) ?? null);
    if (typeof r.param === 'string') refs.push(lookupPath(ctx.params as Keys, r.param) ?? null);
    for (const x of Object.values(r)) walk(x);
  };
  walk(part);
  return JSON.stringify([part, refs]);
}

/**
 * The parts of `after` (graded with `ctxAfter`) that grade exactly as under `before` (graded with
 * `ctxBefore`): unchanged sections (templates filled for their values) and referred values, with no
 * changed part upstream. Empty when the placement of answers may differ, the review threshold
 * moved, or the rubric is another exam's.
 */
export function unchangedParts(
  loadedBefore: Rubric,
  ctxBefore: GradingContext,
  loadedAfter: Rubric,
  ctxAfter: GradingContext,
): Set<string> {
  const before = prepareRubric(loadedBefore, ctxBefore);
  const after = prepareRubric(loadedAfter, ctxAfter);
  if (
    before.exam !== after.exam ||
    ctxBefore.reviewThreshold !== ctxAfter.reviewThreshold ||
    placementKey(before) !== placementKey(after)
  )
    return new Set();
  const old = new Map(before.parts.map((p) => [p.id, signature(p, ctxBefore)]));
  const changed = new Set(
    after.parts.filter((p) => old.get(p.id) !== signature(p, ctxAfter)).map((p) => p.id),
  );
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
