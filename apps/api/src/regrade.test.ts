// Rubric edits as worker jobs (real PostgreSQL, Redis and worker; fake OCR/grading core): the API
// answers 202 and the exam stays on its version until the job is done; a second edit meanwhile is
// 409; the stored grades are the core's grades of the stored extractions; a lost job is queued again
// by the reconciler; the API's event loop stays free (health answers) during a regrade.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { examFromRow, withAnswerValues } from '@grader/grading';
import { fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import type { ExtractedScript } from '@grader/model';
import { jobIds } from '@grader/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from './testing/client.ts';
import { createFakeExam, type Harness, startHarness } from './testing/harness.ts';
import { regradeSettled } from './testing/regrade.ts';

let h: Harness;
let admin: TestClient;
let examId = '';
const V2 = 'parts:\n  "1a": { max: 3, key: "42" }\n  "2a": { max: 2, key: "6" }\n';
const V3 = 'parts:\n  "1a": { max: 4, key: "42" }\n  "2a": { max: 2, key: "6" }\n';

beforeAll(async () => {
  h = await startHarness();
  admin = await h.as('admin.a@t.test');
  examId = await createFakeExam(admin, h.courseA.id);
  const files = [
    { name: 'a.pdf', bytes: fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '42', '2a': '6' }) },
    { name: 'b.pdf', bytes: fakePdf({ roll: '20CS10002', name: 'Student Two', '1a': '41', '2a': '7' }) },
    { name: 'c.pdf', bytes: fakePdf({ roll: 'ZZ', '1a': '42', '2a': '7' }) },
  ];
  const up = await admin.req('POST', `/api/exams/${examId}/submissions`, form(files));
  expect(up.status).toBe(201);
  await waitFor(async () => {
    const n = await h.db.submission.count({ where: { examId, status: { in: ['graded', 'needs_review'] } } });
    return n === 3 || null;
  });
});
afterAll(async () => {
  await h?.stop();
});

const currentVersion = async () =>
  (await h.db.exam.findUniqueOrThrow({ where: { id: examId }, include: { currentRubric: true } }))
    .currentRubric?.version;

describe('rubric edits regrade on the worker', () => {
  it('202; the exam stays on its version until the job is done; a second edit meanwhile is 409', async () => {
    const queue = h.worker.ctx.queues.regrade;
    await queue.pause(); // the job waits: what the API did alone is visible
    try {
      const put = await admin.put(`/api/exams/${examId}/rubric`, { yaml: V2 });
      expect(put.status).toBe(202);
      expect(put.data).toMatchObject({ version: 2, regrade: { status: 'queued', kind: 'apply' } });
      expect(await currentVersion()).toBe(1);
      expect((await admin.get(`/api/exams/${examId}/rubric`)).data).toMatchObject({
        version: 1,
        yaml: expect.any(String),
      });
      // the pending version is not listed as one that was in force
      expect(
        (await admin.get(`/api/exams/${examId}/rubric`)).data.versions.map(
          (v: { version: number }) => v.version,
        ),
      ).toEqual([1]);
      expect(await h.db.grade.count({ where: { rubricVersionId: put.data.rubricVersionId } })).toBe(0);
      const second = await admin.put(`/api/exams/${examId}/rubric`, { yaml: V3 });
      expect(second.status).toBe(409);
      expect(second.data.error.message).toMatch(/regrade .* still running/);
      const params = await admin.put(`/api/exams/${examId}/parameters`, { parameters: { '2a': '7' } });
      expect(params.status).toBe(409);
      // a preview is not a change: it may run meanwhile
      expect((await admin.post(`/api/exams/${examId}/rubric/preview`, { yaml: V3 })).status).toBe(202);
      await queue.resume();
      const done = await regradeSettled(admin, examId, put.data.regrade.id);
      expect(done).toMatchObject({ status: 'done', done: 3, total: 3 });
      expect(await currentVersion()).toBe(2);
    } finally {
      await queue.resume();
    }
  });

  it('stores exactly the grading core’s grade of each stored extraction', async () => {
    const exam = await h.db.exam.findUniqueOrThrow({
      where: { id: examId },
      include: { currentRubric: true },
    });
    const rv = exam.currentRubric!;
    const gradeOne = h.worker.ctx.grading.prepare(
      examFromRow(exam),
      rv.parameters as Record<string, unknown>,
      rv.yaml,
    );
    const subs = await h.db.submission.findMany({
      where: { examId },
      include: { extraction: true, grades: { where: { rubricVersionId: rv.id } } },
    });
    expect(subs).toHaveLength(3);
    for (const s of subs) {
      const ex = s.extraction!.data as ExtractedScript;
      const direct = withAnswerValues(gradeOne(ex, s.fileName), ex);
      expect(s.grades).toHaveLength(1);
      expect({ file: s.fileName, total: s.grades[0].total, parts: s.grades[0].parts }).toEqual({
        file: s.fileName,
        total: direct.total,
        parts: JSON.parse(JSON.stringify(direct.parts)),
      });
    }
    // one `regrade` audit entry per script whose grade changed, as before
    expect(await h.db.auditLog.count({ where: { examId, action: 'regrade' } })).toBe(3);
    expect(await h.db.auditLog.count({ where: { examId, action: 'rubric_version' } })).toBe(1);
  });

  it('a regrade whose job was lost is queued again by the reconciler and completes', async () => {
    const queue = h.worker.ctx.queues.regrade;
    await queue.pause();
    let id = '';
    try {
      const put = await admin.put(`/api/exams/${examId}/rubric`, { yaml: V3 });
      expect(put.status).toBe(202);
      id = put.data.regrade.id;
      const jobId = jobIds.regrade({ regradeId: id });
      await (await queue.getJob(jobId))!.remove(); // Redis lost it
      expect(await queue.getJob(jobId)).toBeUndefined();
      // the worker's reconciler (every 500 ms in tests, for runs idle 300 ms) puts it back
      await waitFor(async () => (await queue.getJob(jobId)) ?? null, 10_000);
      expect(await currentVersion()).toBe(2);
    } finally {
      await queue.resume();
    }
    expect((await regradeSettled(admin, examId, id)).status).toBe('done');
    expect(await currentVersion()).toBe(3);
  });

  it('health answers while a regrade of a few hundred scripts runs', async () => {
    // 300 more scripts: copies of the stored extractions
    const sources = await h.db.extraction.findMany({ where: { submission: { examId } } });
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `c${String(i).padStart(24, '0')}`,
      data: sources[i % sources.length].data as object,
    }));
    await h.db.submission.createMany({
      data: rows.map((r) => ({
        id: r.id,
        examId,
        fileName: `${r.id}.pdf`,
        fileHash: r.id,
        storageKey: r.id,
        byteSize: 1,
        status: 'graded' as const,
      })),
    });
    await h.db.extraction.createMany({ data: rows.map((r) => ({ submissionId: r.id, data: r.data })) });
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const put = await admin.put(`/api/exams/${examId}/rubric`, { yaml: V2.replace('max: 3', 'max: 5') });
    expect(put.status).toBe(202);
    const statuses: number[] = [];
    let sawRunning = false;
    for (;;) {
      statuses.push((await h.client().get('/api/health')).status);
      const r = await admin.get(`/api/exams/${examId}/regrades/${put.data.regrade.id}`);
      if (r.data.status === 'running') sawRunning = true;
      if (r.data.status === 'done' || r.data.status === 'failed') {
        expect(r.data).toMatchObject({ status: 'done', total: 303, done: 303 });
        break;
      }
    }
    loop.disable();
    expect(statuses.every((s) => s === 200)).toBe(true);
    // a measurement, not an assertion: the API process shares this one with the in-process worker
    console.log(
      `regrade of 303 scripts: ${statuses.length} health answers (running seen: ${sawRunning}), max event-loop delay of this process ${(loop.max / 1e6).toFixed(1)} ms`,
    );
  });
});
