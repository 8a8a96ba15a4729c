// How values and quoted text are written in the reasons given to students.

export const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map((x) => fmt(x)).join(', ')}]`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(+v.toFixed(4));
  return String(v);
};
export const fmtDims = (v: number[]) => v.join(' × ');

export const quote = (s: string) => (s.trim().length > 60 ? `${s.trim().slice(0, 57)}…` : s.trim());

/** A number as a reason quotes it, digits grouped: 3,088,878. */
export const fmtNum = (v: number) => v.toLocaleString('en-US');
