import { z } from 'zod';
import { PART_IDS, PART_MAX } from './key.ts';

const partScores = z
  .object(
    Object.fromEntries(PART_IDS.map((p) => [p, z.number().min(0).max(PART_MAX[p])])) as Record<
      (typeof PART_IDS)[number],
      z.ZodNumber
    >,
  )
  .strict();

/** One entry of expected.json, the same shape as samples/expected.json. */
export const ExpectedEntry = z
  .object({
    file: z.string().regex(/\.pdf$/),
    format: z.enum(['typed', 'scan', 'phone', 'mixed', 'latex', 'office']),
    style: z.string(),
    student: z.object({ name: z.string().nullable(), roll: z.string().nullable() }).nullable(),
    parts: partScores,
    total: z.number(),
    flags: z.array(z.enum(['header', 'organisation', 'similarity'])),
    similar_to: z.string().nullable(),
    variants: z.record(z.string(), z.string()),
  })
  .refine((e) => Math.abs(e.total - Object.values(e.parts).reduce((s, x) => s + x, 0)) < 1e-9, {
    message: 'total is not the sum of the part scores',
  })
  .refine((e) => e.flags.includes('similarity') === (e.similar_to !== null), {
    message: 'similarity flag and similar_to disagree',
  });
export type ExpectedEntry = z.infer<typeof ExpectedEntry>;

export const ExpectedFile = z.array(ExpectedEntry);

/** JSON of a per-part record in exam order (JS puts the integer-like key "5" first otherwise) */
function ordered(r: Record<string, unknown>): string {
  return `{${PART_IDS.filter((p) => p in r)
    .map((p) => `${JSON.stringify(p)}: ${JSON.stringify(r[p])}`)
    .join(', ')}}`;
}

/** expected.json text: one entry per line block, like the samples' file */
export function formatExpected(entries: ExpectedEntry[]): string {
  const one = (e: ExpectedEntry) =>
    `  {"file": ${JSON.stringify(e.file)}, "format": ${JSON.stringify(e.format)}, "style": ${JSON.stringify(e.style)}, "student": ${JSON.stringify(e.student)},\n` +
    `   "parts": ${ordered(e.parts)}, "total": ${e.total},\n` +
    `   "flags": ${JSON.stringify(e.flags)}, "similar_to": ${JSON.stringify(e.similar_to)},\n` +
    `   "variants": ${ordered(e.variants)}}`;
  return `[\n${entries.map(one).join(',\n')}\n]\n`;
}
