/**
 * Exam parameters as the API takes them: a flat record `name -> number | text | number[]`
 * (names may contain dots, e.g. "5.filter", so they are never split). Pure, for the tests.
 */
export type ParamValue = number | string | number[];

/** The text an input shows for a value. */
export function paramToText(v: unknown): string {
  if (Array.isArray(v) || (v && typeof v === 'object')) return JSON.stringify(v);
  return v === undefined || v === null ? '' : String(v);
}

/**
 * Read an input back into the type the parameter had (or, for a new one, the most specific type
 * the text is): `[1, 0.5]` -> number[], `4` -> 4, `200x200x3` -> text. Null with a reason if invalid.
 */
export function textToParam(text: string, like?: unknown): { value: ParamValue } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'enter a value' };
  if (Array.isArray(like) || t.startsWith('[')) {
    try {
      const v = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)))
        return { value: v };
    } catch {
      // falls through to the message
    }
    return { error: 'a list of numbers, like [1, 0.5, 0]' };
  }
  if (typeof like === 'number' || (like === undefined && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t))) {
    const n = Number(t);
    return Number.isFinite(n) ? { value: n } : { error: 'a number' };
  }
  return { value: t };
}
