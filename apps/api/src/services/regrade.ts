import { effectiveGrade, storeGrades } from '@grader/db';
import { examFromRow, rosterVersions, type StoredVersion, withAnswerValues } from '@grader/grading';
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import type { AppContext } from '../context.ts';
import { examSubmissions } from './grades.ts';

export interface RegradeSummary {
  scripts: number;
  changed: number;
  meanDelta: number;
  maxDelta: number;
  /** per changed script: before/after effective totals */
  changes: { submissionId: string; fileName: string; before: number | null; after: number }[];
}

type ExamRow = { id: string; slug: string; definition: unknown; currentRubricId: string | null };

/**
 * Grade every extracted submission of the exam under a rubric (YAML + parameters) from the stored
 * extraction: no OCR again. With `save`, the grades are stored under `rubricVersionId` (which must
 * be the exam's current version by then) and statuses follow; without it nothing is written.
 * Overrides apply on top of both the old and the new grade, so they survive and count the same.
 */
export async function regradeExam(
  ctx: AppContext,
  exam: ExamRow,
  rubric: { yaml: string; parameters: Record<string, unknown>; versions?: StoredVersion[] },
  save?: { rubricVersionId: string; actorId: string; reason?: string },
): Promise<RegradeSummary> {
  const gradeOne = ctx.grading.prepare(examFromRow(exam), rubric.parameters, rubric.yaml, rubric.versions);
  // an exam with versions: each student's version from the class list
  const roster = rubric.versions?.length ? await rosterVersions(ctx.db, exam.id) : new Map<string, string>();
  // withdrawn scripts too: one restored later must carry the current version's grade
  const subs = await examSubmissions(ctx, exam, { withdrawn: 'include' });
  const extracted = subs.filter((s) => ['graded', 'needs_review'].includes(s.status));
  const summary: RegradeSummary = { scripts: 0, changed: 0, meanDelta: 0, maxDelta: 0, changes: [] };
  let sumDelta = 0;
  const CHUNK = 200;
  for (let i = 0; i < extracted.length; i += CHUNK) {
    const chunk = extracted.slice(i, i + CHUNK);
    const extractions = await ctx.db.extraction.findMany({
      where: { submissionId: { in: chunk.map((s) => s.id) } },
    });
    const byId = new Map(extractions.map((e) => [e.submissionId, e.data as ExtractedScript]));
    const rows: {
      sub: (typeof chunk)[number];
      grade: ScriptGrade;
      after: ReturnType<typeof effectiveGrade>;
    }[] = [];
    for (const sub of chunk) {
      const ex = byId.get(sub.id);
      if (!ex) continue;
      const rosterVersion = sub.studentId ? (roster.get(sub.studentId) ?? null) : null;
      const grade = withAnswerValues(gradeOne(ex, sub.fileName, rosterVersion), ex);
      const after = effectiveGrade(grade.parts, sub.overrides);
      rows.push({ sub, grade, after });
      const before = sub.grade?.effective.total ?? null;
      const delta = after.total - (before ?? 0);
      summary.scripts++;
      if (before === null || Math.abs(delta) > 1e-9) {
        summary.changed++;
        sumDelta += delta;
        if (Math.abs(delta) > Math.abs(summary.maxDelta)) summary.maxDelta = delta;
        summary.changes.push({ submissionId: sub.id, fileName: sub.fileName, before, after: after.total });
      }
    }
    if (!save || rows.length === 0) continue;
    // stored by the one function that stores automatic grades (the grade jobs use it too)
    await storeGrades(ctx.db, {
      rubricVersionId: save.rubricVersionId,
      isCurrent: true,
      grades: rows.map(({ sub, grade }) => ({
        submissionId: sub.id,
        grade,
        before: { rubricVersionId: exam.currentRubricId, total: sub.grade?.effective.total ?? null },
      })),
      audit: {
        action: 'regrade',
        actorId: save.actorId,
        examId: exam.id,
        reason: save.reason ?? 'rubric or parameters changed',
      },
    });
  }
  summary.meanDelta = summary.scripts ? Math.round((sumDelta / summary.scripts) * 1000) / 1000 : 0;
  summary.changes.sort((a, b) => Math.abs(b.after - (b.before ?? 0)) - Math.abs(a.after - (a.before ?? 0)));
  summary.changes = summary.changes.slice(0, 100);
  return summary;
}
