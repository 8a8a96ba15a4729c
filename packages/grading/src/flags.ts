import type { Db } from '@grader/db';
import type { ExtractedScript } from '@grader/model';
import type { GradingCore } from './core.ts';
import { examFromRow } from './exam-row.ts';
import { rosterVersions } from './roster-versions.ts';
import { storedVersions } from './versions.ts';

/**
 * Recompute the script-level flags of every graded submission of an exam at its current rubric
 * version, across the whole exam at once (the `similarity` flag compares scripts with each other).
 * Scores are not touched, so this is no grade change and needs no audit entry. Safe to run twice.
 */
export async function refreshExamFlags(db: Db, grading: GradingCore, examId: string): Promise<number> {
  const exam = await db.exam.findUnique({ where: { id: examId }, include: { currentRubric: true } });
  if (!exam?.currentRubric) return 0;
  const rv = exam.currentRubric;
  const grades = await db.grade.findMany({
    where: { rubricVersionId: rv.id },
    select: {
      id: true,
      flags: true,
      flagReasons: true,
      submission: { select: { fileName: true, extraction: true, studentId: true } },
    },
  });
  const withExtraction = grades.filter((g) => g.submission.extraction);
  if (withExtraction.length === 0) return 0;
  // an exam with versions: each script on its own version, and the `version` flag with the others
  const versions = storedVersions(rv.versions);
  const roster = versions.length ? await rosterVersions(db, examId) : new Map<string, string>();
  const flags = grading.batchFlags(
    examFromRow(exam),
    (rv.parameters ?? {}) as Record<string, unknown>,
    rv.yaml,
    withExtraction.map((g) => ({
      extraction: g.submission.extraction!.data as ExtractedScript,
      fileName: g.submission.fileName,
      rosterVersion: g.submission.studentId ? (roster.get(g.submission.studentId) ?? null) : null,
    })),
    versions,
  );
  const updates = withExtraction.flatMap((g, i) => {
    const f = flags[i];
    const same =
      JSON.stringify(f.flags) === JSON.stringify(g.flags) &&
      JSON.stringify(f.flagReasons) === JSON.stringify(g.flagReasons);
    return same
      ? []
      : [db.grade.update({ where: { id: g.id }, data: { flags: f.flags, flagReasons: f.flagReasons } })];
  });
  // All at once: a reader never sees one script of a similar pair flagged and the other not.
  if (updates.length > 0) await db.$transaction(updates);
  return updates.length;
}

/** Submission statuses still in the pipeline (neither graded nor failed). */
const OPEN = ['uploaded', 'queued', 'extracting', 'grading'] as const;

/**
 * The batch-flag refresh after a grade is stored: when no submission of the exam is left in the
 * pipeline (this grade completed the batch), the flags that compare scripts with each other
 * (similarity) are recomputed for the whole exam. Returns how many grades' flags changed.
 */
export async function refreshFlagsIfBatchComplete(
  db: Db,
  grading: GradingCore,
  examId: string,
): Promise<number> {
  const open = await db.submission.count({ where: { examId, status: { in: [...OPEN] } } });
  return open === 0 ? refreshExamFlags(db, grading, examId) : 0;
}
