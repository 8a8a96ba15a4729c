import type { Rng } from '../rng.ts';
import type { Script } from '../script.ts';
import type { Item } from './layout.ts';

export interface ItemStyle {
  /** label and first answer line on one line, or the label on its own line */
  labelInline: boolean;
  centerHeader: boolean;
  /** blank lines between answers */
  gap: number;
  /** force a page break inside one long answer */
  breakInside: boolean;
}

export function randomItemStyle(rng: Rng): ItemStyle {
  return {
    labelInline: rng.chance(0.5),
    centerHeader: rng.chance(0.5),
    gap: rng.pick([1, 1, 2]),
    breakInside: rng.chance(0.3),
  };
}

/** The script as a flat list of layout items (header, then each answer block). */
export function scriptItems(
  s: Script,
  st: ItemStyle,
  rng: Rng,
  range: { from: number; to: number; header: boolean } = { from: 0, to: s.blocks.length, header: true },
): Item[] {
  const items: Item[] = [];
  if (range.header) {
    for (const h of s.headerLines) items.push({ kind: 'text', text: h, center: st.centerHeader });
    items.push({ kind: 'gap', lines: st.gap });
  }
  const blocks = s.blocks.slice(range.from, range.to);
  const long = blocks.map((b, k) => (b.lines.length >= 4 ? k : -1)).filter((k) => k >= 0);
  const breakAt = st.breakInside && long.length ? rng.pick(long) : -1;
  blocks.forEach((b, k) => {
    const table = b.lines.some((l) => l.startsWith('\t'));
    const inline = st.labelInline && !table;
    const ind = inline ? 14 : 18;
    if (inline) {
      items.push({ kind: 'text', text: `${b.label} ${b.lines[0] ?? ''}` });
    } else {
      items.push({ kind: 'text', text: b.label, bold: true });
    }
    b.lines.slice(inline ? 1 : 0).forEach((line, li) => {
      if (k === breakAt && li === 2) items.push({ kind: 'pagebreak' });
      if (line.startsWith('\t')) items.push({ kind: 'table', cells: line.split('\t').slice(1), indent: ind });
      else items.push({ kind: 'text', text: line, indent: ind });
    });
    items.push({ kind: 'gap', lines: st.gap });
  });
  return items;
}
