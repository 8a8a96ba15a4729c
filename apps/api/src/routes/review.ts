import { RegradeAnswerBody as Answer, GroupGradeBody as GroupGrade } from '@grader/contract';
import { effectiveGrade } from '@grader/db';
import { answerValues } from '@grader/grading';
import type { Region } from '@grader/model';
import { Router } from 'express';
import { currentUser, examFor, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, parse } from '../errors.ts';
import { checkIdParams, isId } from '../ids.ts';
import { examSubmissions, overridePart } from '../services/grades.ts';
import { examPartId, examPartIds } from '../services/parts.ts';

/**
 * The group of an answer: the values the grader read (stored with the part grade; read again from
 * the text for grades stored before values were), so `{0.7,0.2,0.05}` and `[0.70, 0.20, 0.050]` are
 * one group; an answer with no number falls back to its text (answerKey).
 */
export function reviewKey(values: number[] | null | undefined, text: string): string {
  return values?.length ? `=${values.join(',')}` : answerKey(text);
}

/** Answers that read the same are one group: case, spacing and punctuation spacing do not matter. */
export function answerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;:=()[\]{}×x*])\s*/g, '$1')
    .trim();
}

export function reviewRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam', id: 'regrade request' });

  r.get('/exams/:examId/review', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const subs = (await examSubmissions(ctx, exam)).filter(
      (s) => s.grade && s.grade.effective.needsReview > 0,
    );
    const answers = await ctx.db.extractedAnswer.findMany({
      where: { submissionId: { in: subs.map((s) => s.id) } },
    });
    const answerOf = new Map(answers.map((a) => [`${a.submissionId}/${a.partId}`, a]));
    const groups = new Map<
      string,
      {
        partId: string;
        answerKey: string;
        text: string;
        values: number[] | null;
        count: number;
        items: unknown[];
      }
    >();
    for (const s of subs) {
      for (const [partId, p] of Object.entries(s.grade!.effective.parts)) {
        if (!p.review) continue;
        const a = answerOf.get(`${s.id}/${partId}`);
        const text = a?.text ?? '';
        const values = p.values ?? answerValues(text);
        const key = reviewKey(values, text);
        const g = groups.get(`${partId}\u0000${key}`) ?? {
          partId,
          answerKey: key,
          text,
          values,
          count: 0,
          items: [],
        };
        g.count++;
        const regions = (a?.regions as Region[] | undefined) ?? p.evidence;
        g.items.push({
          submissionId: s.id,
          fileName: s.fileName,
          text,
          suggestedScore: p.score,
          max: p.max,
          reasons: p.reasons,
          crop: regions[0] ?? null,
        });
        groups.set(`${partId}\u0000${key}`, g);
      }
    }
    const order = new Map(examPartIds(exam).map((id, i) => [id, i]));
    res.json(
      [...groups.values()].sort(
        (a, b) => (order.get(a.partId) ?? 0) - (order.get(b.partId) ?? 0) || b.count - a.count,
      ),
    );
  });

  r.post('/exams/:examId/review/grade', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const body = parse(GroupGrade, req.body, 'group grade');
    const partId = examPartId(exam, body.partId);
    // every id must belong to this exam: ids of other exams (and strings that are no id at all)
    // are not found, not silently skipped
    if (!body.submissionIds.every(isId)) throw notFound('submission not found');
    const subs = await ctx.db.submission.findMany({
      where: { id: { in: body.submissionIds }, examId: exam.id, withdrawnAt: null },
      select: { id: true },
    });
    if (subs.length !== new Set(body.submissionIds).size) throw notFound('submission not found');
    const results = [];
    for (const s of subs) {
      const r = await overridePart(ctx, {
        submissionId: s.id,
        partId,
        score: body.score,
        comment: body.comment ?? 'graded as a group in the review queue',
        byId: currentUser(req).id,
        action: 'review_grade',
      });
      results.push({ submissionId: s.id, total: r.total });
    }
    res.json({ graded: results });
  });

  r.get('/exams/:examId/regrade-requests', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const all = req.query.all === '1';
    const rows = await ctx.db.regradeRequest.findMany({
      where: { submission: { examId: exam.id }, ...(all ? {} : { status: 'open' }) },
      include: {
        student: { select: { name: true, roll: true } },
        submission: { select: { fileName: true } },
      },
      orderBy: { createdAt: 'asc' },
    });
    // the card shows the part's score now (overrides included), its maximum and the answer's crop
    const ids = [...new Set(rows.map((x) => x.submissionId))];
    const [grades, overrides, answers, pages] = await Promise.all([
      ctx.db.grade.findMany({
        where: { submissionId: { in: ids }, rubricVersionId: exam.currentRubricId ?? '' },
        select: { submissionId: true, parts: true },
      }),
      ctx.db.override.findMany({ where: { submissionId: { in: ids } } }),
      ctx.db.extractedAnswer.findMany({
        where: { submissionId: { in: ids } },
        select: { submissionId: true, partId: true, text: true, regions: true },
      }),
      ctx.db.page.findMany({
        where: { submissionId: { in: ids } },
        select: { submissionId: true, page: true, width: true, height: true },
      }),
    ]);
    const eff = new Map(
      grades.map((g) => [
        g.submissionId,
        effectiveGrade(
          g.parts,
          overrides.filter((o) => o.submissionId === g.submissionId),
        ),
      ]),
    );
    res.json(
      rows.map((x) => {
        const part = eff.get(x.submissionId)?.parts;
        const p = part && Object.hasOwn(part, x.partId) ? part[x.partId] : undefined;
        const a = answers.find((y) => y.submissionId === x.submissionId && y.partId === x.partId);
        const crop = ((a?.regions as Region[] | undefined) ?? p?.evidence ?? [])[0] ?? null;
        const pg = crop && pages.find((y) => y.submissionId === x.submissionId && y.page === crop.page);
        return {
          ...regradeView(x),
          current: p
            ? { score: p.score, max: p.max, review: p.review, overridden: Boolean(p.override) }
            : null,
          answerText: a?.text ?? null,
          crop,
          page: pg
            ? {
                page: pg.page,
                width: pg.width,
                height: pg.height,
                imageUrl: `/api/submissions/${x.submissionId}/pages/${pg.page}.png`,
              }
            : null,
        };
      }),
    );
  });

  r.post('/regrade-requests/:id/answer', async (req, res) => {
    const body = parse(Answer, req.body, 'answer');
    const rr = await ctx.db.regradeRequest.findUnique({
      where: { id: req.params.id },
      include: { submission: true },
    });
    if (!rr) throw notFound('regrade request not found');
    await examFor(ctx, req, rr.submission.examId, STAFF);
    if (rr.status !== 'open') throw new HttpError('conflict', 'this request was already answered');
    const user = currentUser(req);
    if (body.score !== undefined) {
      await overridePart(ctx, {
        submissionId: rr.submissionId,
        partId: rr.partId,
        score: body.score,
        comment: `regrade request: ${body.answer}`,
        byId: user.id,
        action: 'regrade_answer',
      });
    }
    const updated = await ctx.db.regradeRequest.update({
      where: { id: rr.id },
      data: { status: 'answered', answer: body.answer, answeredById: user.id, answeredAt: new Date() },
      include: {
        student: { select: { name: true, roll: true } },
        submission: { select: { fileName: true } },
      },
    });
    res.json(regradeView(updated));
  });
  return r;
}

export function regradeView(r: {
  id: string;
  submissionId: string;
  partId: string;
  message: string;
  status: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  student?: { name: string; roll: string | null };
  submission?: { fileName: string };
}) {
  return {
    id: r.id,
    submissionId: r.submissionId,
    partId: r.partId,
    message: r.message,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    student: r.student,
    fileName: r.submission?.fileName,
  };
}
