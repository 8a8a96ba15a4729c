// `sum` items: the term items all present and added, derived (chain rule) when the item asks for it.
import type { SumItem } from '../schema.ts';
import type { ItemHandler } from './types.ts';

export const sum: ItemHandler<SumItem> = {
  type: 'sum',
  grade(item, ctx) {
    const termFound = ctx.terms().found;
    const all = termFound.has('__paths') || item.of.every((id) => termFound.has(id));
    const shown = item.needsDerivation ? ctx.derivation() : 'written';
    const ok = all && shown !== null;
    // a path written only as the derivative it comes from ("… + dL/dh_t", no factor of its own): the
    // chain rule reached one path, and markers split on whether the sum is derived (a person's call)
    const bare = item.of.some((id) => termFound.get(id)?.lone === true);
    return {
      id: item.id,
      label: item.label,
      max: item.points,
      evidence: ctx.ev.answer.regions.slice(0, 1),
      awarded: ok ? item.points : 0,
      reason: !ok
        ? all
          ? item.notDerived
          : item.missing
        : shown === 'words'
          ? `${item.right}? the chain rule is only named, its steps are not written`
          : bare
            ? `${item.right}? one path is only the derivative it comes from, not derived`
            : item.right,
      // a derivation only named in words is read either way by markers: a person decides
      conf: ok && (shown === 'words' || bare) ? 0.5 : 0.95,
      // (the paths all there, the sum withheld for want of its derivation)
      ...(all && !ok ? { bare: true } : {}),
    };
  },
};
