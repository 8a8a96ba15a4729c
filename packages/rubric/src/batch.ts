import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { applyFlags } from './flags.ts';
import { type GradingContext, gradeScript } from './grade.ts';
import type { Rubric } from './schema.ts';

/** Grade a batch of extracted scripts and compute the script-level flags across it. */
export function gradeBatch(
  rubric: Rubric,
  ctx: GradingContext,
  scripts: Array<{ file: string; script: ExtractedScript }>,
): ScriptGrade[] {
  const graded = scripts.map((s) => gradeScript(rubric, ctx, s.script, s.file));
  return applyFlags(
    graded,
    scripts.map((s) => s.script),
    rubric,
  );
}
