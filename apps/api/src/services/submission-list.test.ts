// The submissions list is filtered, sorted and paged in the database. On a seeded exam with the
// awkward cases (ties in upload time, rolls that sort by number, case and accents, header-only and
// empty headers, scripts without a grade or graded only at an older rubric version, overrides on
// top of review parts, withdrawn scripts, stack page ranges), every sort, order, filter and page
// answers exactly what the in-memory reference (the list as it was computed before) answers.
import { createTestDatabase, type TestDatabase } from '@grader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { examSubmissions, summary } from './grades.ts';
import { filterSubmissions, ListQuery, listSubmissions, SORTS, sortSubmissions } from './submission-list.ts';

let t: TestDatabase;
let ctx: AppContext;
let exam: { id: string; currentRubricId: string | null };

/** deterministic pseudo-random numbers */
function rng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db } as AppContext;
  const db = t.db;
  const course = await db.course.create({ data: { code: 'L1', title: 'List' } });
  const e = await db.exam.create({
    data: {
      courseId: course.id,
      slug: 'list',
      title: 'List',
      definition: {},
      parameters: {},
      reviewThreshold: 0.5,
    },
  });
  const old = await db.rubricVersion.create({ data: { examId: e.id, version: 1, yaml: '', parameters: {} } });
  const cur = await db.rubricVersion.create({ data: { examId: e.id, version: 2, yaml: '', parameters: {} } });
  exam = await db.exam.update({ where: { id: e.id }, data: { currentRubricId: cur.id } });
  const actor = await db.user.create({ data: { email: 'ta@l.test', name: 'TA', passwordHash: 'x' } });
  const rolls = ['20CS10', '20cs2', '20CS2', '20CS100', 'Ä1', 'a1', null, '9', '10', ''];
  const names = ['zed', 'Zed', 'Ann', 'ann', 'Émile', 'emile', 'Bo 2', 'Bo 10', 'x', ''];
  const students = [];
  for (let i = 0; i < rolls.length; i++)
    students.push(
      await db.user.create({
        data: { email: `s${i}@l.test`, name: names[i], roll: rolls[i], passwordHash: 'x' },
      }),
    );
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const statuses = [
    'uploaded',
    'queued',
    'extracting',
    'grading',
    'graded',
    'needs_review',
    'failed',
  ] as const;
  const flagSets = [[], [], ['header'], ['similarity'], ['header', 'similarity'], ['organisation']];
  const scores = [0, 0.1, 0.2, 1 / 3, 0.5, 1, 1.25, 2, 2.7];
  const t0 = Date.UTC(2026, 10, 30, 9, 0, 0);
  for (let i = 0; i < 70; i++) {
    const who = r();
    const sub = await db.submission.create({
      data: {
        examId: e.id,
        fileName: `f${String(i).padStart(2, '0')}.pdf`,
        fileHash: `h${i}`,
        storageKey: `k${i}`,
        byteSize: 1,
        status: pick(statuses),
        statusReason: r() < 0.2 ? 'why' : null,
        progress: r(),
        // ties in upload time (a batch inserted at once), broken by id
        createdAt: new Date(t0 + Math.floor(i / 4) * 1000),
        studentId: who < 0.5 ? pick(students).id : null,
        headerName: who >= 0.5 && who < 0.8 ? pick([...names, null]) : null,
        headerRoll: who >= 0.6 && who < 0.9 ? pick([...rolls, null]) : null,
        withdrawnAt: r() < 0.15 ? new Date(t0 + 99_000) : null,
        withdrawnReason: r() < 0.5 ? 'duplicate' : null,
        pageFrom: r() < 0.2 ? 3 : null,
        pageTo: r() < 0.2 ? 5 : null,
      },
    });
    const g = r();
    if (g < 0.1) continue; // no grade
    const parts: Record<string, { score: number; max: number; review: boolean; reasons: string[] }> = {};
    for (const id of ['1a', '1b', '2', '10'])
      parts[id] = { score: pick(scores), max: 3, review: r() < 0.25, reasons: ['because'] };
    const sum = Object.values(parts).reduce((s, p) => s + p.score, 0);
    await db.grade.create({
      data: {
        submissionId: sub.id,
        // some graded only at the old version: no grade at the current one
        rubricVersionId: g < 0.2 ? old.id : cur.id,
        // the rubric's total is rounded; the fast fake core's is not
        total: r() < 0.5 ? Math.round(sum * 1000) / 1000 : sum,
        parts,
        flags: pick(flagSets),
        flagReasons: {},
        needsReview: Object.values(parts).filter((p) => p.review).length,
      },
    });
    if (r() < 0.35) {
      // overrides, some parts twice (the newest wins), review parts among them
      for (let k = 0; k < 3; k++)
        await db.override.create({
          data: {
            submissionId: sub.id,
            partId: pick(['1a', '1b', '2', '10', 'gone']),
            score: pick(scores),
            comment: 'c',
            byId: actor.id,
            createdAt: new Date(t0 + k * 1000 + Math.floor(r() * 3) * 1000),
          },
        });
    }
  }
}, 60_000);
afterAll(async () => {
  await t?.drop();
});

/** the list as it was computed before: every row loaded, filtered, sorted and paged in memory */
async function reference(q: ListQuery) {
  const subs = await examSubmissions(ctx, exam, { withdrawn: q.status === 'withdrawn' ? 'only' : 'exclude' });
  const rows = sortSubmissions(filterSubmissions(subs, q), q);
  if (q.pageSize === undefined) return rows.map(summary);
  const start = (q.page - 1) * q.pageSize;
  return {
    items: rows.slice(start, start + q.pageSize).map(summary),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    withdrawn: await ctx.db.submission.count({ where: { examId: exam.id, withdrawnAt: { not: null } } }),
  };
}

describe('submissions list in the database', () => {
  it('answers every sort, order, filter and page as the in-memory list did', async () => {
    let compared = 0;
    for (const sort of SORTS)
      for (const order of [undefined, 'asc', 'desc'] as const)
        for (const status of [undefined, 'graded', 'needs_review', 'withdrawn'])
          for (const flag of [undefined, 'any', 'header'])
            for (const review of [undefined, '1'] as const)
              for (const paging of [{}, { pageSize: '7', page: '2' }, { pageSize: '500', page: '9' }]) {
                const q = ListQuery.parse({ sort, order, status, flag, review, ...paging });
                const got = await listSubmissions(ctx, exam, q);
                expect(got, JSON.stringify(q)).toEqual(await reference(q));
                compared++;
              }
    expect(compared).toBe(5 * 3 * 4 * 3 * 2 * 3);
  }, 300_000);

  it('pages cover the whole list once, in order', async () => {
    const q = ListQuery.parse({ sort: 'roll' });
    const all = (await listSubmissions(ctx, exam, q)) as { id: string }[];
    const paged = [];
    for (let page = 1; page <= Math.ceil(all.length / 9); page++) {
      const p = (await listSubmissions(ctx, exam, { ...q, page, pageSize: 9 })) as {
        items: { id: string }[];
        total: number;
      };
      expect(p.total).toBe(all.length);
      paged.push(...p.items);
    }
    expect(paged.map((s) => s.id)).toEqual(all.map((s) => s.id));
    expect(all.length).toBeGreaterThan(40);
  });
});
