// The API's view functions answer in the shapes of the shared contract (@grader/contract), checked
// by the type checker (`npm run typecheck`): a field renamed, dropped or retyped on either side
// fails to compile. (Every JSON answer of the real API is also checked at run time against the same
// schemas by the browser e2e, apps/web/e2e/harness.ts.)
import type * as C from '@grader/contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { examView } from './routes/courses.ts';
import { regradeView } from './routes/review.ts';
import type { summary } from './services/grades.ts';
import type { examStats } from './services/stats.ts';
import type { acceptUploads } from './services/upload.ts';
import type { deleteSubmission, restoreSubmission, withdrawSubmission } from './services/withdraw.ts';

type Wire<S extends z.ZodType> = z.input<S>;
type Out<F extends (...a: any[]) => unknown> = Awaited<ReturnType<F>>;

describe('the API answers in the contract', () => {
  it('view functions fit the response schemas (compile time)', () => {
    expectTypeOf<Omit<Out<typeof examView>, 'parts' | 'parameters'>>().toExtend<
      Omit<Wire<typeof C.Exam>, 'parts' | 'parameters'>
    >();
    expectTypeOf<Out<typeof summary>>().toExtend<Wire<typeof C.SubmissionSummary>>();
    expectTypeOf<Out<typeof regradeView>>().toExtend<Omit<Wire<typeof C.RegradeRequestView>, 'status'>>();
    expectTypeOf<Out<typeof examStats>>().toExtend<Wire<typeof C.Stats>>();
    expectTypeOf<Out<typeof acceptUploads>>().toExtend<
      Omit<Wire<typeof C.UploadResult>, 'created' | 'duplicates'>
    >();
    expectTypeOf<Out<typeof withdrawSubmission>>().toExtend<Wire<typeof C.WithdrawResult>>();
    expectTypeOf<Out<typeof restoreSubmission>>().toExtend<Wire<typeof C.WithdrawResult>>();
    expectTypeOf<Out<typeof deleteSubmission>>().toExtend<Wire<typeof C.DeleteResult>>();
  });
  it('a regrade request as the API shows it parses with the schema', async () => {
    const { RegradeRequestView } = await import('@grader/contract');
    const at = new Date('2026-01-01T00:00:00Z');
    const view = regradeView({
      id: 'r1',
      submissionId: 's1',
      partId: '1a',
      message: 'look again',
      status: 'open',
      answer: null,
      answeredAt: null,
      createdAt: at,
      student: { name: 'A', roll: null },
      submission: { fileName: 'p01.pdf' },
    });
    expect(RegradeRequestView.safeParse(view).success).toBe(true);
    const exam = examView({
      id: 'e1',
      courseId: 'c1',
      slug: 'x',
      title: 'X',
      definition: { parts: [{ id: '1a', path: ['1', 'a'] }] },
      parameters: {},
      reviewThreshold: 0.7,
      releasedAt: null,
      currentRubric: { id: 'r1', version: 1 },
    });
    const { Exam } = await import('@grader/contract');
    expect(Exam.safeParse(exam).success).toBe(true);
  });
});
