// `mapping` items: a variable matched to its position in the question's diagram (`f_t → 3`).
import { findEnumeratedAnswers, type findMappings, normalizeMath, tokenize } from '@grader/parse';
import { canonicalSymbol, type Evidence } from '../evidence.ts';
import { type Keys, resolveKey } from '../keys.ts';
import type { MappingItem } from '../schema.ts';
import type { ItemHandler, ItemResult, PartDoubt } from './types.ts';

function gradeMapping(
  item: MappingItem,
  ev: Evidence,
  keys: Keys,
  maps: ReturnType<typeof findMappings>,
): ItemResult {
  const key = resolveKey(item.key, keys);
  const names = item.names.map(canonicalSymbol);
  let found = maps.filter((m) => names.includes(m.name));
  if (!found.length && item.position) {
    found = findEnumeratedAnswers(ev.lines)
      .filter((e) => e.index === item.position! - 1)
      .map((e) => ({ name: names[0], value: e.value, line: e.line }));
  }
  const base = { id: item.id, label: item.label, max: item.points };
  if (!found.length)
    return { ...base, awarded: 0, reason: `no position given for ${item.names[0]}`, evidence: [], conf: 0.9 };
  const distinct = [...new Set(found.map((m) => m.value))];
  const m = found[found.length - 1];
  const evidence = ev.region(m.line);
  if (distinct.length > 1) {
    return {
      ...base,
      awarded: 0,
      reason: `${item.names[0]} is given two different positions (${distinct.join(', ')})`,
      evidence,
      conf: 0.4,
      value: m.value,
    };
  }
  if (m.value === key)
    return {
      ...base,
      awarded: item.points,
      reason: `${item.names[0]} → ${m.value} is right`,
      evidence,
      conf: 1,
      value: m.value,
    };
  return {
    ...base,
    awarded: 0,
    reason: `${item.names[0]} → ${m.value} is not the right position`,
    evidence,
    conf: 1,
    value: m.value,
    wrong: `${item.names[0]}->${m.value}`,
  };
}

export const mapping: ItemHandler<MappingItem> = {
  type: 'mapping',
  grade: (item, ctx) => gradeMapping(item, ctx.ev, ctx.grading.keys, ctx.mappings()),
};

/** A mapping part with positions that were not read is garbled; one that simply stops early is not. */
export const garbledMapping: PartDoubt = ({ part, ctx: { ev }, results }) => {
  const mapItems = part.items.filter((i) => i.type === 'mapping');
  if (!mapItems.length) return null;
  const read = results.filter((r) => r.value !== undefined).length;
  // numbers written as positions (a subscript, as in `C_{t-1}`, is part of a name, not a number)
  const written = ev.lines
    .flatMap((l) => tokenize(normalizeMath(l)))
    .filter((t) => t.t === 'num' && Number.isInteger(t.v)).length;
  if (read < mapItems.length && written > read) return { conf: read >= mapItems.length - 1 ? 0.65 : 0.4 };
  return null;
};
