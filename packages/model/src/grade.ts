import { z } from 'zod';
import { Region } from './script.ts';

/** One rubric item of a part: awarded fully, partly or not, with the reason in the student's words. */
export const ItemGrade = z.object({
  id: z.string(),
  /** what the item asks for, as the rubric says it */
  label: z.string(),
  max: z.number(),
  awarded: z.number(),
  reason: z.string(),
  /** where on the page the evidence for this item was read, if anywhere */
  evidence: z.array(Region).default([]),
});
export type ItemGrade = z.infer<typeof ItemGrade>;

export const PartGrade = z.object({
  score: z.number(),
  max: z.number(),
  /** true: the system is not sure; a person decides, and `score` is only its best guess */
  review: z.boolean(),
  reasons: z.array(z.string()),
  items: z.array(ItemGrade).default([]),
  /** combined extraction and matching confidence, [0, 1] */
  confidence: z.number().min(0).max(1).default(1),
  evidence: z.array(Region).default([]),
  /** the normalised value(s) read in the answer (a vector's elements, the numbers), when any */
  values: z.array(z.number()).optional(),
});
export type PartGrade = z.infer<typeof PartGrade>;

/** `version`: an exam with versions, and the script's version unknown, disputed or contradicted by its numbers */
export const ScriptFlag = z.enum(['header', 'organisation', 'similarity', 'version']);
export type ScriptFlag = z.infer<typeof ScriptFlag>;

export const Student = z.object({ name: z.string().nullable(), roll: z.string().nullable() });

/** One object of the `grader grade --json` array (see DESIGN.md, "The grader grade contract"). */
export const ScriptGrade = z.object({
  file: z.string(),
  student: Student.nullable(),
  parts: z.record(z.string(), PartGrade),
  total: z.number(),
  flags: z.array(ScriptFlag),
  /** why each flag was raised, e.g. {"similarity": "shares 3 unusual wrong answers with p10.pdf"} */
  flagReasons: z.record(z.string(), z.string()).default({}),
  /** an exam with versions: the version whose keys and rubric graded this script */
  version: z.string().optional(),
  error: z.string().optional(),
});
export type ScriptGrade = z.infer<typeof ScriptGrade>;

/** A part as staff see it: its automatic grade with the newest override, if any, applied. */
export interface OverriddenPart extends PartGrade {
  override: { score: number; comment: string; at: string } | null;
}

/**
 * A part as its student sees it: a part still under review shows "being reviewed", not a number;
 * a part a TA set by hand no longer shows the automatic items and reasons. One rule for the API,
 * the stored read projections and the e2e mock.
 */
export function studentPartView(p: OverriddenPart) {
  return {
    score: p.review ? null : p.score,
    max: p.max,
    review: p.review,
    reasons: p.review ? ['being reviewed'] : p.override ? [] : p.reasons,
    items: p.review || p.override ? [] : p.items,
    evidence: p.evidence,
    override: p.override ? { score: p.override.score, comment: p.override.comment, at: p.override.at } : null,
  };
}
