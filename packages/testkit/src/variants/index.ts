import type { PartId } from '../key.ts';
import { q1a, q1bi, q1bii } from './q1.ts';
import { q2a, q2b } from './q2.ts';
import { q3a, q3b, q3c } from './q3.ts';
import { q4a, q4b } from './q4.ts';
import { q5 } from './q5.ts';
import { type Answer, type Ctx, para, type Variant } from './types.ts';

export type { Answer, Ctx, StudentValues, Variant } from './types.ts';

/** every part's variants, in exam order (later parts may carry forward earlier answers) */
export const LIBRARY: Record<PartId, Variant[]> = {
  '1a': q1a,
  '1b.i': q1bi,
  '1b.ii': q1bii,
  '2a': q2a,
  '2b': q2b,
  '3a': q3a,
  '3b': q3b,
  '3c': q3c,
  '4a': q4a,
  '4b': q4b,
  '5': q5,
};

/** A variant's answer for this student, with its wording groups resolved (see `para`). */
export function answerOf(v: Variant, ctx: Ctx): Answer | null {
  const a = v.make(ctx);
  return a && { ...a, lines: a.lines.map((l) => para(ctx.rng, l)) };
}
