// The real core (pdfjs + OCR pool + rubric) behind the queue, on broken and odd PDFs from
// packages/ingest/fixtures/odd-pdfs and a non-PDF: each ends in a final state (failed ones with a
// reason), the batch never stalls, and the good scripts among them are graded as usual.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@grader/config';
import { createTestDatabase, LocalBlobStore, type TestDatabase } from '@grader/db';
import { loadExam } from '@grader/exam';
import { ODD_DIR as ODD, PDFTEX_BRACKETS } from '@grader/ingest/samples';
import { deleteQueueKeys } from '@grader/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSubmission, testConfig, waitFor } from './testing/fixtures.ts';
import { createWorker, type GraderWorker } from './worker.ts';

// a spread of kinds, bounded so the suite stays quick (all 40 are run by hand: see README)
const PICK = [
  'PDFJS-7562-reduced.pdf',
  'TrueType_without_cmap.pdf',
  'annotation-tx3.pdf',
  'bug1028735.pdf',
  'bug1252420.pdf',
  'boundingBox_invalid.pdf',
  'checkbox_no_appearance.pdf',
  'colors.pdf',
];

let t: TestDatabase;
let worker: GraderWorker;
let store: LocalBlobStore;
let config: Config;
let examId = '';

beforeAll(async () => {
  t = await createTestDatabase();
  config = testConfig(t.url, {
    INGEST_CONCURRENCY: '2',
    OCR_WORKERS: '1',
    JOB_ATTEMPTS: '2',
    JOB_LOCK_MS: '30000',
  });
  store = new LocalBlobStore(config.storageDir);
  worker = await createWorker({ config, db: t.db, store, log: () => {} });
  const exam = loadExam('cs60010-ct3');
  const { dir: _dir, ...definition } = exam;
  const course = await t.db.course.create({ data: { code: 'CS60010', title: 'Deep Learning' } });
  const row = await t.db.exam.create({
    data: {
      courseId: course.id,
      slug: exam.id,
      title: exam.title,
      definition: definition as object,
      parameters: {},
      reviewThreshold: exam.reviewThreshold,
    },
  });
  const rv = await t.db.rubricVersion.create({
    data: {
      examId: row.id,
      version: 1,
      yaml: readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8'),
      parameters: {},
    },
  });
  await t.db.exam.update({ where: { id: row.id }, data: { currentRubricId: rv.id } });
  examId = row.id;
});

afterAll(async () => {
  await worker?.close();
  if (config) await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  await t?.drop();
});

describe('odd PDFs through the real core', () => {
  it('every file ends graded or failed with a reason; none is stuck', async () => {
    expect(readdirSync(ODD).length).toBeGreaterThanOrEqual(PICK.length);
    const files = [
      ...PICK.map((f) => ({ name: f, bytes: readFileSync(join(ODD, f)) })),
      { name: 'not-a-pdf.pdf', bytes: Buffer.from('GIF89a this is not a PDF at all') },
      { name: 'truncated.pdf', bytes: readFileSync(join(ODD, PICK[1])).subarray(0, 200) },
      // its text layer holds U+0000, which PostgreSQL's jsonb refuses: it must still be stored
      { name: 'pdftex.pdf', bytes: readFileSync(PDFTEX_BRACKETS) },
    ];
    for (const f of files) {
      const s = await addSubmission(t.db, store, examId, f.name, f.bytes);
      await worker.ctx.queues.addIngest({ submissionId: s.id });
    }
    const subs = await waitFor(
      async () => {
        const all = await t.db.submission.findMany({ where: { examId }, include: { grades: true } });
        return all.every((s) => ['graded', 'needs_review', 'failed'].includes(s.status)) && all;
      },
      150_000,
      500,
    );
    for (const s of subs) {
      if (s.status === 'failed') expect(s.statusReason, s.fileName).toBeTruthy();
      else expect(s.grades, s.fileName).toHaveLength(1);
    }
    const by = Object.fromEntries(subs.map((s) => [s.fileName, s]));
    expect(by['not-a-pdf.pdf'].status).toBe('failed');
    expect(by['not-a-pdf.pdf'].statusReason).toMatch(/pdf/i);
    expect(by['truncated.pdf'].status).toBe('failed');
    expect(by['pdftex.pdf'].status, by['pdftex.pdf'].statusReason ?? '').not.toBe('failed');
  }, 180_000);
});
