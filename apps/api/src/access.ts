// Server-side role checks, per course. A resource the caller may not see is 404 (nothing about it
// leaks, not even that it exists); a caller who may see it but whose role may not act is 403.
import type { Role } from '@grader/db';
import type { Request } from 'express';
import type { AppContext } from './context.ts';
import { forbidden, HttpError, notFound } from './errors.ts';
import { isId } from './ids.ts';
import { ownedBy } from './services/identity.ts';

export const STAFF: Role[] = ['ta', 'admin'];
export const ADMIN: Role[] = ['admin'];
export const ANYONE: Role[] = ['admin', 'ta', 'student'];

export function currentUser(req: Request) {
  if (!req.user) throw new HttpError('unauthorized', 'sign in first');
  return req.user;
}

export function roleIn(req: Request, courseId: string): Role | null {
  return currentUser(req).roles.find((r) => r.courseId === courseId)?.role ?? null;
}

function check(role: Role | null, allowed: Role[], what: string): Role {
  if (!role) throw notFound(`${what} not found`);
  if (!allowed.includes(role)) throw forbidden();
  return role;
}

export function courseFor(req: Request, courseId: string, allowed: Role[]): Role {
  return check(roleIn(req, courseId), allowed, 'course');
}

export async function examFor(ctx: AppContext, req: Request, examId: string, allowed: Role[]) {
  const exam = isId(examId) ? await ctx.db.exam.findUnique({ where: { id: examId } }) : null;
  const role = exam ? roleIn(req, exam.courseId) : null;
  return { exam: exam!, role: check(role, allowed, 'exam') };
}

/**
 * A submission as the caller may see it: staff of its course see all of it; a student only their
 * own, i.e. one whose identity is confirmed as theirs (anyone else's, and any script not yet
 * confirmed as anyone's, is 404). `allowed` then says which roles may perform the action.
 */
export async function submissionFor(ctx: AppContext, req: Request, id: string, allowed: Role[]) {
  const sub = isId(id)
    ? await ctx.db.submission.findUnique({ where: { id }, include: { exam: true } })
    : null;
  let role = sub ? roleIn(req, sub.exam.courseId) : null;
  // a withdrawn script is nobody's to see but the staff's (until restored)
  if (role === 'student' && (!ownedBy(sub!, currentUser(req).id) || sub!.withdrawnAt)) role = null;
  return { sub: sub!, role: check(role, allowed, 'submission') };
}
