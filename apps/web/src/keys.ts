/**
 * Keyboard shortcuts of the review queue, as a pure function from a key press to an action, so the
 * logic is tested without a browser. 1–9 pick a rubric item (or score button), n/p move.
 */
export type ReviewAction =
  | { type: 'item'; index: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'submit' }
  | null;

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** tag name of the focused element: typing in a text box must not trigger shortcuts */
  targetTag?: string;
}

export function reviewKeyAction(e: KeyLike, itemCount: number): ReviewAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = (e.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  if (/^[1-9]$/.test(e.key)) {
    const index = Number(e.key) - 1;
    return index < itemCount ? { type: 'item', index } : null;
  }
  if (e.key === 'n' || e.key === 'N') return { type: 'next' };
  if (e.key === 'p' || e.key === 'P') return { type: 'prev' };
  if (e.key === 'Enter' && tag !== 'BUTTON' && tag !== 'A') return { type: 'submit' };
  return null;
}

/** Move within [0, count) without wrapping: the ends stay put. */
export function step(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(count - 1, index + delta));
}

/** Score buttons when the rubric items are unknown: 0 up to the max in even steps, at most 9. */
export function quickScores(max: number): number[] {
  if (!(max > 0)) return [0];
  const stepSize = max * 2 + 1 <= 9 ? 0.5 : max + 1 <= 9 ? 1 : max / 8;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9 && out.length < 9; v += stepSize) out.push(Math.round(v * 100) / 100);
  return out;
}

/**
 * The grader writes one reason per rubric item as "awarded/max: why" (e.g. "0.5/1: right formula,
 * slip"). Read them back so the review queue can pre-select the items the system gave full credit.
 */
export function itemCreditsFromReasons(reasons: string[]): { awarded: number; max: number; text: string }[] {
  const out: { awarded: number; max: number; text: string }[] = [];
  for (const r of reasons) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*:\s*(.*)$/s.exec(r);
    if (m) out.push({ awarded: Number(m[1]), max: Number(m[2]), text: m[3] });
  }
  return out;
}
