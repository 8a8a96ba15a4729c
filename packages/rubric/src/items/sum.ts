// `sum` items: the term items all present and added, derived (chain rule) when the item asks for it.
import type { SumItem } from '../schema.ts';
import type { ItemHandler } from './types.ts';

export const sum: ItemHandler<SumItem> = {
  type: 'sum',
  grade(item, ctx) {
    const termFound = ctx.terms().found;
    const all = termFound.has('__paths') || item.of.every((id) => termFound.has(id));
    const ok = all && (!item.needsDerivation || ctx.derivation());
    return {
      id: item.id,
      label: item.label,
      max: item.points,
      evidence: ctx.ev.answer.regions.slice(0, 1),
      awarded: ok ? item.points : 0,
      reason: ok ? item.right : all ? item.notDerived : item.missing,
      conf: 0.95,
    };
  },
};
