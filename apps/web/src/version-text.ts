/**
 * Exam versions as an admin types them: parameters one per line (`3.hidden=4`, as `grader key --set`
 * takes them) and ranges to draw within (`3.hidden: 2..8`, `1b.C_prev: -1..1 step 0.1`,
 * `5.image: 32x32x1..128x128x3`, `5.padding: 0|1|2`).
 */
export type ParameterRange =
  | { values: (string | number)[] }
  | { min: number; max: number; step?: number }
  | { min: string; max: string };

const num = (s: string): number | null => {
  const t = s.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
};

/** `NAME=VALUE` lines -> { NAME: VALUE } (numbers as numbers); blank lines skipped. */
export function parseParameterLines(
  text: string,
): { value: Record<string, string | number> } | { error: string } {
  const out: Record<string, string | number> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (!name || !value) return { error: `line ${i + 1}: expected NAME=VALUE, e.g. 3.hidden=4` };
    out[name] = num(value) ?? value;
  }
  return { value: out };
}

/** The parameters back as lines, for editing. */
export function parameterLines(p: Record<string, unknown>): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('\n');
}

/** `NAME: LOW..HIGH [step S]` or `NAME: a|b|c` lines -> ranges; blank lines skipped. */
export function parseRangeLines(text: string): { value: Record<string, ParameterRange> } | { error: string } {
  const out: Record<string, ParameterRange> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const bad = { error: `line ${i + 1}: expected NAME: LOW..HIGH (step S) or NAME: a|b|c` };
    const colon = line.indexOf(':');
    if (colon <= 0) return bad;
    const name = line.slice(0, colon).trim();
    const spec = line.slice(colon + 1).trim();
    if (spec.includes('|')) {
      out[name] = { values: spec.split('|').map((v) => num(v) ?? v.trim()) };
      continue;
    }
    const m = /^(\S+?)\s*\.\.\s*(\S+?)(?:\s+step\s+(\S+))?$/.exec(spec);
    if (!m) return bad;
    const [lo, hi, step] = [num(m[1]), num(m[2]), m[3] === undefined ? undefined : num(m[3])];
    if (lo !== null && hi !== null) {
      if (step === null) return { error: `line ${i + 1}: step must be a number` };
      out[name] = step === undefined ? { min: lo, max: hi } : { min: lo, max: hi, step };
    } else if (/^\d+x\d+x\d+$/i.test(m[1]) && /^\d+x\d+x\d+$/i.test(m[2]))
      out[name] = { min: m[1], max: m[2] };
    else return bad;
  }
  return { value: out };
}
