// A script stored as the worker stores one (storeGrades, the write path), without PDF or grading:
// for tests of what the API reads back.
import { randomBytes } from 'node:crypto';
import { type Db, storeGrades } from '@grader/db';
import type { ScriptGrade } from '@grader/model';

/** A part's grade with one reason. */
export const gradedPart = (score: number, max: number, review = false) => ({
  score,
  max,
  review,
  reasons: ['because'],
  items: [],
  confidence: 1,
  evidence: [],
});

/** A script of `studentId` graded with `parts` at the exam's current rubric version; its id. */
export async function gradedScript(
  db: Db,
  examId: string,
  studentId: string | null,
  parts: ScriptGrade['parts'],
  at: number,
): Promise<string> {
  const exam = await db.exam.findUniqueOrThrow({ where: { id: examId } });
  const sub = await db.submission.create({
    data: {
      examId,
      fileName: `${randomBytes(4).toString('hex')}.pdf`,
      fileHash: randomBytes(32).toString('hex'),
      storageKey: randomBytes(32).toString('hex'),
      byteSize: 1,
      status: 'grading',
      studentId,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, at)),
    },
  });
  const total = Object.values(parts).reduce((s, p) => s + p.score, 0);
  await storeGrades(db, {
    rubricVersionId: exam.currentRubricId!,
    isCurrent: true,
    audit: { action: 'auto_grade' },
    grades: [
      {
        submissionId: sub.id,
        grade: { file: sub.fileName, student: null, parts, total, flags: [], flagReasons: {} },
      },
    ],
  });
  return sub.id;
}
