// The regrade job with the REAL grading core on the CT3 exam (real PostgreSQL and Redis): what it
// stores equals grading the same extractions directly — `prepare` per script for the scores and
// `batchFlags` over the exam for the flags (what the synchronous regrade plus the exam's flag refresh
// stored) — whether the core grades the batch in one pass (`batchGrader`) or not; the exam switches
// to the pending version only with its grades.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, LocalBlobStore, type TestDatabase } from '@grader/db';
import { examsDir, loadExam } from '@grader/exam';
import { examFromRow, type GradingCore, loadGradingCore, withAnswerValues } from '@grader/grading';
import { ct3Answers } from '@grader/grading/testing';
import type { ExtractedScript } from '@grader/model';
import { createQueues, deleteQueueKeys, type Queues } from '@grader/queue';
import { scriptFromText } from '@grader/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processGrade, type WorkerContext } from './processors.ts';
import { processRegrade } from './regrade.ts';
import { testConfig } from './testing/fixtures.ts';

let t: TestDatabase;
let queues: Queues;
let core: GradingCore;
let prefix = '';
const RUBRIC = readFileSync(join(examsDir(), 'cs60010-ct3', 'rubric.yaml'), 'utf8');
// a change that moves scores: 3b worth one point more, or 1b.i without its work rule
const EDITED = RUBRIC.replace(/(id:\s*["']?1b\.i["']?[\s\S]*?required:\s*)true/, '$1false');

beforeAll(async () => {
  t = await createTestDatabase();
  const config = testConfig(t.url);
  prefix = config.QUEUE_PREFIX;
  queues = createQueues({ redisUrl: config.REDIS_URL, prefix, attempts: 1 });
  core = await loadGradingCore();
}, 60_000);
afterAll(async () => {
  await queues?.close();
  if (t) await deleteQueueKeys(testConfig(t.url).REDIS_URL, prefix);
  await t?.drop();
});

/** The CT3 exam with 12 scripts (4 answer sets, two with the same unusual wrong answers). */
async function seedExam(slug: string) {
  const { dir: _dir, ...definition } = loadExam('cs60010-ct3');
  const course = await t.db.course.create({ data: { code: slug, title: slug } });
  const exam = await t.db.exam.create({
    data: {
      courseId: course.id,
      slug: 'cs60010-ct3',
      title: slug,
      definition: definition as object,
      parameters: {},
      reviewThreshold: 0.7,
    },
  });
  const v1 = await t.db.rubricVersion.create({
    data: { examId: exam.id, version: 1, yaml: RUBRIC, parameters: {} },
  });
  await t.db.exam.update({ where: { id: exam.id }, data: { currentRubricId: v1.id } });
  // the last set: the same unusual wrong answers (copied work), written by three scripts
  const copied = ct3Answers(3, 1)
    .replace('= {0.7, 0.2, 0.05}', '= {0.93, 0.17, 0.61}')
    .replace('W_f is 3 × 5', 'W_f is 7 × 11')
    .replace('= {0.604, 0, 0}', '= {0.777, 0.31, 0.4}')
    .replace('= 72 parameters', '= 913 parameters')
    .replace(/Total = (\d+) \+ (\d+) = \d+/, 'Total = $1 + $2 = 4242');
  const right = [ct3Answers(3, 1), ct3Answers(4, 0), ct3Answers(5, 2)];
  const sets = [...right, ...right, ...right, right[0], copied, copied];
  for (let i = 0; i < 12; i++) {
    const s = await t.db.submission.create({
      data: {
        examId: exam.id,
        fileName: `s${i}.pdf`,
        fileHash: `${slug}${i}`,
        storageKey: `${slug}${i}`,
        byteSize: 1,
        status: 'graded',
      },
    });
    const ex = scriptFromText(sets[i], { file: s.fileName });
    await t.db.extraction.create({ data: { submissionId: s.id, data: ex as object } });
  }
  const v2 = await t.db.rubricVersion.create({
    data: { examId: exam.id, version: 2, yaml: EDITED, parameters: {} },
  });
  const run = await t.db.regrade.create({
    data: {
      examId: exam.id,
      kind: 'apply',
      rubricVersionId: v2.id,
      plan: {
        parameters: {},
        versions: [],
        note: 'rubric edited',
        regradeReason: 'rubric or parameters changed',
      },
    },
  });
  return { exam: await t.db.exam.findUniqueOrThrow({ where: { id: exam.id } }), v2, run };
}

const ctxWith = (grading: GradingCore): WorkerContext => ({
  db: t.db,
  store: new LocalBlobStore(join(process.cwd(), 'node_modules', '.cache', 'unused')),
  queues,
  extractor: { extract: async () => Promise.reject(new Error('no OCR in a regrade')), close: async () => {} },
  grading,
  log: () => {},
});

describe('the regrade job on the real core', () => {
  expect(EDITED).not.toBe(RUBRIC);

  // scripts graded by grade jobs first keep what they read: the regrade grades again only the parts
  // the edit can change (1b.i and 1b.ii, which carries it forward), and stores the same grades
  let kept = 0;
  const counting = (): GradingCore => ({
    ...core,
    batchGrader(exam, parameters, yaml, versions, previous) {
      const b = core.batchGrader!(exam, parameters, yaml, versions, previous);
      return (
        b && {
          add(extraction, fileName, stored) {
            if (stored) kept++;
            b.add(extraction, fileName, stored);
          },
          finish: () => b.finish(),
        }
      );
    },
  });
  for (const [name, grading, gradedFirst] of [
    ['one pass (batchGrader)', () => core, false],
    ['prepare per script, then the exam flags refreshed', () => ({ ...core, batchGrader: undefined }), false],
    ['graded by grade jobs first, then only what the edit changes', counting, true],
  ] as const) {
    it(`stores what grading the stored extractions directly gives: ${name}`, async () => {
      const { exam, v2, run } = await seedExam(name.replace(/\W/g, '').slice(0, 12));
      if (gradedFirst) {
        const subs = await t.db.submission.findMany({ where: { examId: exam.id } });
        for (const s of subs)
          await processGrade(
            ctxWith(core),
            { submissionId: s.id, rubricVersionId: exam.currentRubricId! },
            { final: true },
          );
        const stored = await t.db.grade.findMany({ where: { rubricVersionId: exam.currentRubricId! } });
        expect(stored.filter((g) => g.readings !== null)).toHaveLength(12);
      }
      const out = await processRegrade(ctxWith(grading()), { regradeId: run.id }, { final: true });
      expect(out).toMatch(/^regraded/);
      const after = await t.db.exam.findUniqueOrThrow({ where: { id: exam.id } });
      expect(after.currentRubricId).toBe(v2.id);
      const subs = await t.db.submission.findMany({
        where: { examId: exam.id },
        include: { extraction: true, grades: { where: { rubricVersionId: v2.id } } },
        orderBy: { createdAt: 'asc' },
      });
      const def = examFromRow(exam);
      const gradeOne = core.prepare(def, {}, EDITED);
      const items = subs.map((s) => ({
        extraction: s.extraction!.data as ExtractedScript,
        fileName: s.fileName,
      }));
      const flags = core.batchFlags(def, {}, EDITED, items);
      expect(flags.map((f) => f.flags.includes('similarity'))).toEqual([
        ...Array(10).fill(false),
        true,
        true,
      ]);
      subs.forEach((s, i) => {
        const direct = withAnswerValues(gradeOne(items[i].extraction, s.fileName), items[i].extraction);
        const g = s.grades[0];
        expect({
          file: s.fileName,
          total: g.total,
          parts: g.parts,
          flags: g.flags,
          reasons: g.flagReasons,
        }).toEqual({
          file: s.fileName,
          total: direct.total,
          parts: JSON.parse(JSON.stringify(direct.parts)),
          flags: flags[i].flags,
          reasons: flags[i].flagReasons,
        });
      });
      if (gradedFirst) {
        expect(kept).toBe(12);
        expect(subs[0].grades[0].readings).not.toBeNull();
      }
      const done = await t.db.regrade.findUniqueOrThrow({ where: { id: run.id } });
      expect(done).toMatchObject({ status: 'done', done: 12, total: 12 });
      // a second run of the same job (a retry, a stalled job) stores nothing more
      expect(await processRegrade(ctxWith(grading()), { regradeId: run.id }, { final: true })).toBe(
        'skipped (finished)',
      );
      expect(await t.db.grade.count({ where: { rubricVersionId: v2.id } })).toBe(12);
    }, 120_000);
  }
});
