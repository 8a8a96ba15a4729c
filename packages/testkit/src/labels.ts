import type { PartId } from './key.ts';

interface PartPath {
  q: string;
  sub: string | null;
  roman: string | null;
}

export function partPath(part: PartId): PartPath {
  const m = /^(\d)([a-z])?(?:\.([ivx]+))?$/.exec(part);
  if (!m) throw new Error(`bad part id ${part}`);
  return { q: m[1], sub: m[2] ?? null, roman: m[3] ?? null };
}

/** How a student labels answers. `prev` is the part written just before (null at the start). */
export interface LabelStyle {
  id: string;
  label(part: PartId, prev: PartId | null): string;
}

const simple = (id: string, f: (p: PartPath) => string): LabelStyle => ({
  id,
  label: (part) => f(partPath(part)),
});

export const LABEL_STYLES: LabelStyle[] = [
  simple('Q1 b) ii)', ({ q, sub, roman }) => `Q${q}${sub ? ` ${sub})` : ''}${roman ? ` ${roman})` : ''}`),
  simple('1(b)(ii)', ({ q, sub, roman }) => (sub ? `${q}(${sub})${roman ? `(${roman})` : ''}` : `${q}.`)),
  simple('1.b.ii', ({ q, sub, roman }) => [q, sub, roman].filter(Boolean).join('.') + (sub ? '' : '.')),
  simple('Ans 1.b.ii', ({ q, sub, roman }) => `Ans ${[q, sub, roman].filter(Boolean).join('.')}`),
  simple(
    'Question 1 part (b)(ii)',
    ({ q, sub, roman }) => `Question ${q}${sub ? ` part (${sub})` : ''}${roman ? `(${roman})` : ''}`,
  ),
  simple('1b(ii)', ({ q, sub, roman }) => (sub ? `${q}${sub}${roman ? `(${roman})` : ''}` : `${q})`)),
  simple('Q.1(b)(ii)', ({ q, sub, roman }) => `Q.${q}${sub ? `(${sub})` : ''}${roman ? `(${roman})` : ''}`),
  simple('(1)(b)(ii)', ({ q, sub, roman }) => `(${q})${sub ? `(${sub})` : ''}${roman ? `(${roman})` : ''}`),
  {
    // "1. a)" then "b) i)" then a bare "ii)", as on paper: only what changed is written
    id: 'nested',
    label(part, prev) {
      const p = partPath(part);
      const before = prev ? partPath(prev) : null;
      const sameQ = before?.q === p.q && prev !== null && order(prev) < order(part);
      const sameSub = sameQ && before?.sub === p.sub;
      if (!p.sub) return `${p.q}.`;
      if (sameSub && p.roman) return `${p.roman})`;
      const subPart = `${p.sub})${p.roman ? ` ${p.roman})` : ''}`;
      return sameQ ? subPart : `${p.q}. ${subPart}`;
    },
  },
];

const ORDER: PartId[] = ['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5'];
const order = (p: PartId) => ORDER.indexOf(p);

export function capsStyle(s: LabelStyle): LabelStyle {
  return { id: `${s.id} (caps)`, label: (part, prev) => s.label(part, prev).toUpperCase() };
}
