// Part ids at the boundary. A part id from a request is checked against the exam's own list
// before anything is looked up with it, and stored grades are read by own property only: names
// such as `__proto__`, `constructor` or `toString` are not parts (a plain object would hand back
// Object.prototype's members for them and skip the 0..max check).
import { z } from 'zod';
import { parse } from '../errors.ts';

/** The exam's part ids in the exam's order, from its stored definition. */
export function examPartIds(exam: { definition: unknown }): string[] {
  const parts = (exam.definition as { parts?: unknown } | null)?.parts;
  if (!Array.isArray(parts)) return [];
  return parts.map((p) => (p as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
}

/** A zod schema accepting exactly the exam's part ids. */
export function PartIdOf(exam: { definition: unknown }) {
  const ids = examPartIds(exam);
  return z.string().refine((id) => ids.includes(id), {
    message: `not a part of this exam (parts: ${ids.join(', ') || 'none'})`,
  });
}

/** A part id from a request, or 400 naming the field. */
export function examPartId(exam: { definition: unknown }, value: unknown, field = 'partId'): string {
  return parse(z.object({ [field]: PartIdOf(exam) }), { [field]: value }, 'part id')[field];
}

/** One part of a stored record (a grade's `parts`), own properties only. */
export function ownPart<T>(parts: Record<string, T> | null | undefined, id: string): T | undefined {
  return parts && Object.hasOwn(parts, id) ? parts[id] : undefined;
}
