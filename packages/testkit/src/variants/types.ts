import type { PartId } from '../key.ts';
import type { Notation } from '../notation.ts';
import type { Rng } from '../rng.ts';

/** What a later part may depend on from the student's own earlier answers (error carried forward). */
export interface StudentValues {
  /** the C_t vector the student arrived at in 1(b)(i); null when 1(b)(i) is blank */
  ct: number[] | null;
  /** W_f dimensions the student gave in 3(a); null when blank */
  wf: [number, number] | null;
  /** bias size the student gave in 3(b); null when blank */
  bf: number | null;
}

export interface Ctx {
  n: Notation;
  own: StudentValues;
  /** for small wording choices inside a variant (the same variant phrased a little differently) */
  rng: Rng;
}

/** One student answer to one part, with its true score under the rubric. */
export interface Answer {
  /** variant id as in expected.json, e.g. "1bi.slip3", "3c.ecf", "4a.ft" */
  id: string;
  score: number;
  /** the answer's lines (empty for a blank part); `_x`, `_{..}`, `^x` are sub/superscript markup */
  lines: string[];
  /** the answer states a wrong result: shared wrong results between scripts raise `similarity` */
  wrong: boolean;
  /** values later parts may carry forward */
  values?: Partial<StudentValues>;
}

export interface Variant {
  /** family id (the Answer id may be refined, e.g. 1bii.carry -> 1bii.ok / 1bii.ecf) */
  id: string;
  part: PartId;
  /** the rubric rule this variant exercises (README table) */
  rule: string;
  /** relative frequency in a class */
  weight: number;
  /** null when the variant does not apply to this student (e.g. 3c.ecf needs a wrong 3a/3b) */
  make(ctx: Ctx): Answer | null;
}

export const blank = (part: PartId, idPrefix: string): Variant => ({
  id: `${idPrefix}.blank`,
  part,
  rule: 'not attempted: 0',
  weight: 0.6,
  make: () => ({ id: `${idPrefix}.blank`, score: 0, lines: [], wrong: false }),
});

/**
 * Pick one wording per `{{a|b|c}}` group. Long sentences get several groups, so two students who
 * give the same answer rarely write the same sentence word for word (that is what copying looks like).
 */
export function para(rng: { pick<T>(xs: readonly T[]): T }, s: string): string {
  return s.replace(/\{\{([^{}]*)\}\}/g, (_, alts: string) => rng.pick(alts.split('|')));
}

/** A variant whose text does not depend on choices beyond the notation: fixed id, score and lines. */
export function fixedVariant(
  part: PartId,
  id: string,
  rule: string,
  weight: number,
  score: number,
  wrong: boolean,
  lines: (c: Ctx) => string[],
): Variant {
  return { id, part, rule, weight, make: (c) => ({ id, score, wrong, lines: lines(c) }) };
}
