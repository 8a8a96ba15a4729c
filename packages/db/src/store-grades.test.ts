// storeGrades, the one place automatic grades are stored (grade jobs and rubric regrades): once per
// submission and rubric version, one audit entry of one shape, statuses following the effective
// grade (overrides applied), and a submission being re-read left alone.
import type { ScriptGrade } from '@grader/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedGradeEquals, storeGrades } from './grades.ts';
import { createTestDatabase, seedExam, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

function grade(a: number, review = false): ScriptGrade {
  const part = (score: number, max: number, r: boolean) => ({
    score,
    max,
    review: r,
    reasons: [],
    items: [],
    confidence: 1,
    evidence: [],
  });
  return {
    file: 'x.pdf',
    student: null,
    parts: { a: part(a, 3, review), b: part(2, 2, false) },
    total: a + 2,
    flags: [],
    flagReasons: {},
  };
}

async function seed() {
  const { exam, v1 } = await seedExam(t.db);
  const v2 = await t.db.rubricVersion.create({
    data: { examId: exam.id, version: 2, yaml: 'y', parameters: {} },
  });
  const sub = (fileName: string, status: 'grading' | 'extracting') =>
    t.db.submission.create({
      data: { examId: exam.id, fileName, fileHash: fileName, storageKey: fileName, byteSize: 1, status },
    });
  const user = await t.db.user.create({
    data: { email: `${Math.random()}@t`, name: 'TA', passwordHash: 'x' },
  });
  return { exam, v1, v2, s1: await sub('s1.pdf', 'grading'), s2: await sub('s2.pdf', 'grading'), user, sub };
}

describe('storeGrades', () => {
  it('stores a grade once per version, with one audit entry; the status follows', async () => {
    const { exam, v1, s1 } = await seed();
    const args = {
      rubricVersionId: v1.id,
      isCurrent: true,
      grades: [{ submissionId: s1.id, grade: grade(3) }],
      audit: { action: 'auto_grade' as const, examId: exam.id },
    };
    const first = await storeGrades(t.db, args);
    expect([...first.created]).toEqual([s1.id]);
    expect(first.statuses.get(s1.id)).toBe('graded');
    const again = await storeGrades(t.db, args); // a retried job
    expect(again.created.size).toBe(0);
    expect(await t.db.grade.count({ where: { submissionId: s1.id } })).toBe(1);
    const audits = await t.db.auditLog.findMany({ where: { submissionId: s1.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'auto_grade',
      actorId: null,
      examId: exam.id,
      before: null,
      after: { rubricVersionId: v1.id, total: 5, autoTotal: 5, needsReview: 0 },
    });
    const s = await t.db.submission.findUniqueOrThrow({ where: { id: s1.id } });
    expect(s).toMatchObject({ status: 'graded', progress: 1, statusReason: null });
    expect(s.gradedAt).toBeInstanceOf(Date);
  });

  it('a regrade is audited in the same shape, with overrides applied and what counted before', async () => {
    const { exam, v1, v2, s1, s2, user } = await seed();
    await storeGrades(t.db, {
      rubricVersionId: v1.id,
      isCurrent: true,
      grades: [
        { submissionId: s1.id, grade: grade(1, true) },
        { submissionId: s2.id, grade: grade(1, true) },
      ],
      audit: { action: 'auto_grade', examId: exam.id },
    });
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: s1.id } })).status).toBe('needs_review');
    // a person settles s1's part a; the new version still sends part a to review
    await t.db.override.create({
      data: { submissionId: s1.id, partId: 'a', score: 2.5, comment: 'ok', byId: user.id },
    });
    const r = await storeGrades(t.db, {
      rubricVersionId: v2.id,
      isCurrent: true,
      grades: [
        { submissionId: s1.id, grade: grade(0, true), before: { rubricVersionId: v1.id, total: 4.5 } },
        { submissionId: s2.id, grade: grade(0, true), before: { rubricVersionId: v1.id, total: 3 } },
      ],
      audit: { action: 'regrade', actorId: user.id, examId: exam.id, reason: 'rubric or parameters changed' },
    });
    expect(r.statuses.get(s1.id)).toBe('graded');
    expect(r.statuses.get(s2.id)).toBe('needs_review');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { submissionId: s1.id, action: 'regrade' } });
    expect(audit).toMatchObject({
      actorId: user.id,
      examId: exam.id,
      reason: 'rubric or parameters changed',
      before: { rubricVersionId: v1.id, total: 4.5 },
      after: { rubricVersionId: v2.id, total: 4.5, autoTotal: 2, needsReview: 0 },
    });
    const auto = await t.db.auditLog.findFirstOrThrow({
      where: { submissionId: s1.id, action: 'auto_grade' },
    });
    expect(Object.keys(auto.after as object).sort()).toEqual(Object.keys(audit.after as object).sort());
  });

  it('a version that is not current leaves statuses alone; a submission being re-read is not moved', async () => {
    const { exam, v1, v2, sub } = await seed();
    const reading = await sub('r.pdf', 'extracting');
    const stale = await storeGrades(t.db, {
      rubricVersionId: v1.id,
      isCurrent: false,
      grades: [{ submissionId: reading.id, grade: grade(3) }],
      audit: { action: 'auto_grade', examId: exam.id },
    });
    expect(stale.statuses.size).toBe(0);
    await storeGrades(t.db, {
      rubricVersionId: v2.id,
      isCurrent: true,
      grades: [{ submissionId: reading.id, grade: grade(3) }],
      audit: { action: 'regrade', examId: exam.id },
    });
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: reading.id } })).status).toBe(
      'extracting',
    );
    expect(await t.db.grade.count({ where: { submissionId: reading.id } })).toBe(2);
  });
  it('an unchanged grade (sameAs) is copied in the database: the same row under the new version', async () => {
    const { exam, v1, v2, s1, s2 } = await seed();
    await storeGrades(t.db, {
      rubricVersionId: v1.id,
      isCurrent: true,
      grades: [
        { submissionId: s1.id, grade: grade(3) },
        { submissionId: s2.id, grade: grade(1, true) },
      ],
      audit: { action: 'auto_grade', examId: exam.id },
    });
    const [old1] = await t.db.grade.findMany({ where: { submissionId: s1.id, rubricVersionId: v1.id } });
    expect(storedGradeEquals(old1, grade(3))).toBe(true);
    expect(storedGradeEquals(old1, grade(2))).toBe(false);
    // s2's source row is gone by the time the copy runs: it is stored from the grade in hand
    await t.db.grade.deleteMany({ where: { submissionId: s2.id, rubricVersionId: v1.id } });
    const r = await storeGrades(t.db, {
      rubricVersionId: v2.id,
      isCurrent: true,
      grades: [
        { submissionId: s1.id, grade: grade(3), sameAs: v1.id },
        { submissionId: s2.id, grade: grade(1, true), sameAs: v1.id },
      ],
      audit: { action: 'regrade', examId: exam.id },
    });
    expect([...r.created].sort()).toEqual([s1.id, s2.id].sort());
    const [copy] = await t.db.grade.findMany({ where: { submissionId: s1.id, rubricVersionId: v2.id } });
    const { id: _a, rubricVersionId: _b, createdAt: _c, ...copied } = copy;
    const { id: _d, rubricVersionId: _e, createdAt: _f, ...source } = old1;
    expect(copied).toEqual(source);
    expect(copy.viewParts).not.toBeNull();
    const fresh = await t.db.grade.findFirstOrThrow({
      where: { submissionId: s2.id, rubricVersionId: v2.id },
    });
    expect(fresh.total).toBe(3);
    expect(r.statuses.get(s2.id)).toBe('needs_review');
    expect(await t.db.auditLog.count({ where: { action: 'regrade', examId: exam.id } })).toBe(2);
    // a retried copy stores nothing again
    const again = await storeGrades(t.db, {
      rubricVersionId: v2.id,
      isCurrent: true,
      grades: [{ submissionId: s1.id, grade: grade(3), sameAs: v1.id }],
      audit: { action: 'regrade', examId: exam.id },
    });
    expect(again.created.size).toBe(0);
  });
});
