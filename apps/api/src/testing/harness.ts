import { createTestDatabase, type TestDatabase } from '@grader/db';
import type { Extractor, GradingCore } from '@grader/grading';
import { fakeExtractor, fakeGrading } from '@grader/grading/testing';
import { createWorker, type GraderWorker } from '@grader/jobs';
import { testConfig } from '@grader/jobs/testing';
import { deleteQueueKeys } from '@grader/queue';
import { zipSync } from 'fflate';
import { createServer, type GraderServer } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { form, TestClient } from './client.ts';

export const PASSWORD = 'pw-for-tests';
export const FAKE_EXAM_YAML = `id: fake-exam
title: Fake exam
course: { code: "X1", line: "X1 test" }
reviewThreshold: 0.7
parts:
  - { id: "1a", path: ["1", "a"] }
  - { id: "2a", path: ["2", "a"] }
`;
export const RUBRIC_V1 = 'parts:\n  "1a": { max: 3, key: "42" }\n  "2a": { max: 2, key: "7" }\n';

/** A fake exam (FAKE_EXAM_YAML with id `slug`, RUBRIC_V1) created in course `courseId` by `admin`: its id. */
export async function createFakeExam(
  admin: TestClient,
  courseId: string,
  slug = 'fake-exam',
): Promise<string> {
  const yaml = FAKE_EXAM_YAML.replace('id: fake-exam', `id: ${slug}`);
  const zip = zipSync({ 'exam.yaml': Buffer.from(yaml), 'rubric.yaml': Buffer.from(RUBRIC_V1) });
  const ex = await admin.req(
    'POST',
    `/api/courses/${courseId}/exams`,
    form([{ name: 'def.zip', bytes: zip }], 'definition'),
  );
  if (ex.status !== 201) throw new Error(`creating exam ${slug}: ${ex.status} ${JSON.stringify(ex.data)}`);
  return ex.data.id;
}

/** A server + worker on a fresh database with two courses and their people. */
export async function startHarness(
  extraEnv: Record<string, string> = {},
  /** the real grading core (or another) for the server and the worker instead of the fast fake */
  core: { grading?: GradingCore; extractor?: Extractor } = {},
) {
  const t: TestDatabase = await createTestDatabase();
  const config = testConfig(t.url, {
    MAX_UPLOAD_BYTES: String(1 << 20),
    MAX_UPLOAD_FILES: '20',
    ...extraEnv,
  });
  const server: GraderServer = await createServer({
    config,
    db: t.db,
    grading: core.grading ?? fakeGrading,
    log: () => {},
  });
  const base = await server.listen(0, '127.0.0.1');
  const worker: GraderWorker = await createWorker({
    config,
    db: t.db,
    // the fake extractor matches headers with ingest's own roster matcher
    extractor: core.extractor ?? fakeExtractor(),
    grading: core.grading ?? fakeGrading,
    // the fake core's "PDFs" are text: the worker stores a fake image per page of the file
    renderPage: async (_b, page) => Buffer.from(`PNG page ${page}`),
    log: () => {},
  });
  const hash = await hashPassword(PASSWORD);
  const db = t.db;
  const mk = (email: string, name: string, roll?: string) =>
    db.user.create({ data: { email, name, roll, passwordHash: hash } });
  const courseA = await db.course.create({ data: { code: 'A100', title: 'Course A' } });
  const courseB = await db.course.create({ data: { code: 'B200', title: 'Course B' } });
  const people = {
    adminA: await mk('admin.a@t.test', 'Admin A'),
    taA: await mk('ta.a@t.test', 'TA A'),
    s1: await mk('s1@t.test', 'Student One', '20CS10001'),
    s2: await mk('s2@t.test', 'Student Two', '20CS10002'),
    taB: await mk('ta.b@t.test', 'TA B'),
    adminB: await mk('admin.b@t.test', 'Admin B'),
  };
  const enrol = (userId: string, courseId: string, role: 'admin' | 'ta' | 'student') =>
    db.enrolment.create({ data: { userId, courseId, role } });
  await enrol(people.adminA.id, courseA.id, 'admin');
  await enrol(people.taA.id, courseA.id, 'ta');
  await enrol(people.s1.id, courseA.id, 'student');
  await enrol(people.s2.id, courseA.id, 'student');
  await enrol(people.taB.id, courseB.id, 'ta');
  await enrol(people.adminB.id, courseB.id, 'admin');

  const client = () => new TestClient(base);
  const as = async (email: string) => {
    const c = client();
    await c.login(email, PASSWORD);
    return c;
  };
  return {
    t,
    db,
    config,
    server,
    worker,
    base,
    courseA,
    courseB,
    people,
    client,
    as,
    async stop() {
      await worker.close();
      await server.close();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
      await t.drop();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;
