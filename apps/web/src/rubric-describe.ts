/**
 * Words for the rubric's parts in the "at a glance" view: a key, a tolerance, alternatives and the
 * work rule said the way a person reads them, with engine keys shown at their computed value.
 * The rubric format belongs to packages/rubric; anything not recognised is shown as compact JSON.
 */
import { comparePartIds } from './format.ts';

export function describeValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (Array.isArray(v)) return `[${v.map(describeValue).join(', ')}]`;
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${describeValue(x)}`)
      .join('; ');
  }
  return String(v);
}

/** `{literal: 3}` -> "3"; `{engine: "1b.i"}` with keys -> "[0.7, 0.2, 0.05] (engine 1b.i)". */
export function describeKey(key: unknown, keys: Record<string, unknown> = {}): string {
  if (key === undefined || key === null) return '–';
  if (typeof key !== 'object' || Array.isArray(key)) return describeValue(key);
  const k = key as Record<string, unknown>;
  if ('literal' in k) return describeValue(k.literal);
  if (typeof k.engine === 'string') {
    // an engine key names a part's key ("1b.i") or one field of it ("5.depthwise_output")
    const dot = k.engine.lastIndexOf('.');
    const parent =
      dot > 0 ? (keys[k.engine.slice(0, dot)] as Record<string, unknown> | undefined) : undefined;
    const value =
      keys[k.engine] ?? (parent && typeof parent === 'object' ? parent[k.engine.slice(dot + 1)] : undefined);
    return value === undefined
      ? `computed (engine ${k.engine})`
      : `${describeValue(value)} (engine ${k.engine})`;
  }
  if ('expr' in k) return String(k.expr);
  return describeValue(k);
}

/** `{abs: 0.005, perElement: true}` -> "±0.005 per element"; `{rel: 0.01}` -> "±1%". */
export function describeTolerance(t: unknown): string {
  if (t === undefined || t === null) return '–';
  if (typeof t === 'number') return `±${t}`;
  if (typeof t !== 'object') return String(t);
  const o = t as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof o.abs === 'number') parts.push(`±${o.abs}`);
  if (typeof o.rel === 'number') parts.push(`±${Math.round(o.rel * 10000) / 100}%`);
  if (o.perElement) parts.push('per element');
  return parts.length ? parts.join(' ') : describeValue(o);
}

/** Accepted alternatives with their credit: "[0.6, 0, 0] → 1". */
export function describeAlternatives(a: unknown): string {
  if (!Array.isArray(a) || a.length === 0) return '–';
  return a
    .map((x) => {
      if (!x || typeof x !== 'object') return describeValue(x);
      const o = x as Record<string, unknown>;
      const what = o.value ?? o.expr ?? o.answer ?? o.match;
      const credit = typeof o.credit === 'number' ? ` → ${o.credit}` : '';
      return `${describeValue(what)}${credit}`;
    })
    .join('; ');
}

/** The work rule: "work must be shown (the element-wise computation)" or "no work needed". */
export function describeWork(w: unknown): string | null {
  if (!w || typeof w !== 'object') return null;
  const o = w as Record<string, unknown>;
  if (o.required === false) return 'no work needed';
  if (o.required === true)
    return `work must be shown${typeof o.describe === 'string' ? `: ${o.describe}` : ''}`;
  return null;
}

/** A number the way a key is read: integers whole, others to at most 4 decimals. */
export function describeNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

/**
 * Keys as rows for a table: a part's key, or one row per field when the key has several
 * (`5 → {depthwise_output, ...}` becomes `5 depthwise output`, ...), values in words.
 */
export function keyRows(keys: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const value = (v: unknown): string =>
    typeof v === 'number'
      ? describeNumber(v)
      : Array.isArray(v)
        ? `[${v.map(value).join(', ')}]`
        : v && typeof v === 'object'
          ? describeValue(v)
          : describeValue(v);
  // in exam order: an object puts integer-like ids ("5") first
  for (const [id, v] of Object.entries(keys).sort(([a], [b]) => comparePartIds(a, b))) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [field, x] of Object.entries(v as Record<string, unknown>))
        out.push([`${id} ${field.replace(/_/g, ' ')}`, value(x)]);
    } else out.push([id, value(v)]);
  }
  return out;
}
