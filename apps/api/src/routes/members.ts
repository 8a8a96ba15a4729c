import { MemberEditBody as MemberEdit } from '@grader/contract';
import { Router } from 'express';
import { ADMIN, courseFor, currentUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';

/** An admin of a course edits a member's name and roll (audited, before and after). */
export function memberRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { courseId: 'course', userId: 'member' });

  r.patch('/:courseId/members/:userId', async (req, res) => {
    courseFor(req, req.params.courseId, ADMIN);
    const body = parse(MemberEdit, req.body, 'member');
    const enrolment = await ctx.db.enrolment.findUnique({
      where: { userId_courseId: { userId: req.params.userId, courseId: req.params.courseId } },
      include: { user: true },
    });
    if (!enrolment) throw notFound('member not found');
    const before = { name: enrolment.user.name, roll: enrolment.user.roll };
    const after = {
      name: body.name ?? before.name,
      roll: body.roll === undefined ? before.roll : body.roll || null,
    };
    const user = await ctx.db.$transaction(async (tx) => {
      const u = await tx.user.update({ where: { id: enrolment.userId }, data: after });
      await tx.auditLog.create({
        data: {
          actorId: currentUser(req).id,
          action: 'member_edit',
          before: { userId: u.id, courseId: enrolment.courseId, ...before },
          after: { userId: u.id, courseId: enrolment.courseId, ...after },
        },
      });
      return u;
    });
    res.json({ userId: user.id, email: user.email, name: user.name, roll: user.roll, role: enrolment.role });
  });
  return r;
}
