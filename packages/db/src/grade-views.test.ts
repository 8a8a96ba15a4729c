// The read projections storeGrades writes with each grade (viewParts, viewStudentParts, viewTotal):
// byte for byte what the read path computes from the stored parts JSON (after PostgreSQL's jsonb
// round trip reorders its keys), so a grade read can send them as stored.
import type { ScriptGrade } from '@grader/model';
import { studentPartView } from '@grader/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveGrade, storeGrades } from './grades.ts';
import { createTestDatabase, seedExam, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('grade read projections', () => {
  it('equal the views computed on read from the stored parts', async () => {
    const { exam, v1 } = await seedExam(t.db);
    const sub = await t.db.submission.create({
      data: {
        examId: exam.id,
        fileName: 'a.pdf',
        fileHash: 'h',
        storageKey: 'k',
        byteSize: 1,
        status: 'grading',
      },
    });
    // part ids in neither jsonb's nor JS's order, keys out of the schema's order, defaults left out, an unknown key, a long part id, fractions
    const simple = { score: 1, max: 1, review: false, reasons: [] };
    const parts = {
      é: simple,
      '10': simple,
      zz: simple,
      '2': simple,
      'long-part-id': {
        reasons: ['ünïcode "quoted" \\ reason'],
        review: false,
        max: 2,
        score: 0.1 + 0.2,
        values: [1e-7, 3],
        extra: 'dropped by the schema',
      },
      '1b': {
        evidence: [{ box: { h: 0.4, w: 0.3, y: 0.2, x: 0.1 }, page: 1 }],
        score: 1,
        max: 3,
        review: true,
        reasons: [],
        items: [{ id: 'i1', label: 'L', max: 1, awarded: 1, reason: 'ok' }],
        confidence: 0.5,
      },
    } as unknown as ScriptGrade['parts'];
    await storeGrades(t.db, {
      rubricVersionId: v1.id,
      isCurrent: true,
      audit: { action: 'auto_grade' },
      grades: [
        {
          submissionId: sub.id,
          grade: { file: 'a.pdf', student: null, parts, total: 1.3, flags: [], flagReasons: {} },
        },
      ],
    });
    const row = await t.db.grade.findFirstOrThrow({ where: { submissionId: sub.id } });
    // what a read computes from the stored JSON (jsonb orders keys its own way)
    expect(Object.keys(row.parts as object)).not.toEqual(Object.keys(parts));
    const eff = effectiveGrade(row.parts, []);
    expect(row.viewParts).toBe(JSON.stringify(eff.parts));
    expect(row.viewStudentParts).toBe(
      JSON.stringify(
        Object.fromEntries(Object.entries(eff.parts).map(([id, p]) => [id, studentPartView(p)])),
      ),
    );
    expect(row.viewTotal).toBe(eff.total);
    expect(JSON.parse(row.viewStudentParts!)['1b']).toMatchObject({
      score: null,
      reasons: ['being reviewed'],
    });
  });
});
