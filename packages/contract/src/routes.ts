// Every JSON route of the API with the schema of its success response (and of its body, where it
// takes one): what the web UI's contract mock is checked against, in a unit test and in the
// browser e2e (which checks the real API's answers the same way).
import type { z } from 'zod';
import * as Q from './requests.ts';
import * as R from './responses.ts';

export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/api/exams/:examId/review`; a `:name.png` segment matches `<value>.png` */
  path: string;
  response: z.ZodType;
  /** the JSON body the route parses (absent: none, multipart, or checked elsewhere) */
  body?: z.ZodType;
}

const route = (
  spec: `${RouteContract['method']} /api/${string}`,
  response: z.ZodType,
  body?: z.ZodType,
): RouteContract => {
  const [method, path] = spec.split(' ') as [RouteContract['method'], string];
  return { method, path, response, body };
};

export const ROUTES: RouteContract[] = [
  route('GET /api/health', R.Health),
  route('POST /api/auth/login', R.Me, Q.LoginBody),
  route('POST /api/auth/logout', R.Ok),
  route('POST /api/auth/password', R.PasswordChanged, Q.PasswordChangeBody),
  route('GET /api/auth/me', R.Me),
  route('GET /api/courses', R.Course.array()),
  route('GET /api/courses/:courseId/exams', R.Exam.array()),
  route('POST /api/courses/:courseId/exams', R.Exam),
  route('GET /api/courses/:courseId/members', R.Member.array()),
  route('POST /api/courses/:courseId/members', R.MemberCreated, Q.NewMemberBody),
  route('PATCH /api/courses/:courseId/members/:userId', R.Member, Q.MemberEditBody),
  route('POST /api/courses/:courseId/roster', R.RosterImported, Q.RosterBody),
  route('GET /api/exams/:examId', R.Exam),
  route('GET /api/exams/:examId/keys', R.Keys),
  route('GET /api/exams/:examId/submissions', R.SubmissionList),
  route('POST /api/exams/:examId/submissions', R.UploadResult),
  route('GET /api/exams/:examId/release', R.ReleasePreview),
  route('POST /api/exams/:examId/release', R.Released),
  route('DELETE /api/exams/:examId/release', R.Unreleased),
  route('GET /api/exams/:examId/stats', R.Stats),
  route('GET /api/exams/:examId/rubric', R.Rubric),
  route('POST /api/exams/:examId/rubric/preview', R.RubricPreview, Q.RubricBody),
  route('PUT /api/exams/:examId/rubric', R.RubricSaved, Q.RubricBody),
  route('PUT /api/exams/:examId/parameters', R.ParametersSaved, Q.ParametersBody),
  route('GET /api/exams/:examId/versions', R.Versions),
  route('POST /api/exams/:examId/versions', R.VersionsCreated),
  route('PUT /api/exams/:examId/versions/:name', R.VersionsChanged, Q.VersionUpdateBody),
  route('DELETE /api/exams/:examId/versions/:name', R.VersionsChanged),
  route('GET /api/exams/:examId/roster', R.ExamRoster),
  route('GET /api/exams/:examId/review', R.ReviewQueue),
  route('POST /api/exams/:examId/review/grade', R.GroupGraded, Q.GroupGradeBody),
  route('GET /api/exams/:examId/regrade-requests', R.RegradeCard.array()),
  route('POST /api/regrade-requests/:id/answer', R.RegradeRequestView, Q.RegradeAnswerBody),
  route('POST /api/exams/:examId/stacks', R.Stack),
  route('GET /api/exams/:examId/stacks', R.Stack.array()),
  route('GET /api/stacks/:stackId', R.Stack),
  route('POST /api/stacks/:stackId/confirm', R.StackConfirmed, Q.StackConfirmBody),
  route('GET /api/submissions/mine', R.MySubmission.array()),
  route('GET /api/submissions/:id', R.SubmissionDetail),
  route('DELETE /api/submissions/:id', R.DeleteResult, Q.DeleteBody),
  route('POST /api/submissions/:id/withdraw', R.WithdrawResult, Q.WithdrawBody),
  route('POST /api/submissions/:id/restore', R.WithdrawResult, Q.RestoreBody),
  route('GET /api/submissions/:id/similar/:otherId', R.Similar),
  route('POST /api/submissions/:id/retry', R.RetryResult),
  route('POST /api/submissions/:id/student', R.StudentAssigned, Q.AssignStudentBody),
  route('POST /api/submissions/:id/parts/:partId/override', R.OverrideResult, Q.OverrideBody),
  route(
    'POST /api/submissions/:id/parts/:partId/regrade-requests',
    R.RegradeRequestView,
    Q.RegradeRequestBody,
  ),
];

/** The route a request goes to, with its parameters; null for a path the contract does not name. */
export function findRoute(
  method: string,
  pathname: string,
): { route: RouteContract; params: Record<string, string> } | null {
  const parts = pathname.split('/');
  // literal segments win over parameters (`/submissions/mine` before `/submissions/:id`)
  let best: { route: RouteContract; params: Record<string, string>; literal: number } | null = null;
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const ps = r.path.split('/');
    if (ps.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literal = 0;
    let ok = true;
    for (let i = 0; i < ps.length && ok; i++) {
      if (ps[i].startsWith(':')) {
        const [name, suffix] = ps[i].slice(1).split('.');
        if (suffix && !parts[i].endsWith(`.${suffix}`)) ok = false;
        else params[name] = safeDecode(suffix ? parts[i].slice(0, -suffix.length - 1) : parts[i]);
      } else if (ps[i] === parts[i]) literal++;
      else ok = false;
    }
    if (ok && (!best || literal > best.literal)) best = { route: r, params, literal };
  }
  return best && { route: best.route, params: best.params };
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export interface ContractProblem {
  route: string;
  status: number;
  /** `path.to.field: message` for each issue */
  issues: string[];
}

/** `path: message` per issue; of a union, the branch that got furthest (its issues' deepest path). */
function issuesOf(error: { issues: readonly z.core.$ZodIssue[] }, prefix: PropertyKey[] = []): string[] {
  const out: string[] = [];
  for (const i of error.issues.slice(0, 8)) {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length) {
      const depth = (b: readonly z.core.$ZodIssue[]) => Math.max(0, ...b.map((x) => x.path.length));
      const best = [...i.errors].sort((a, b) => depth(b) - depth(a))[0];
      out.push(...issuesOf({ issues: best }, path));
    } else out.push(`${path.map(String).join('.') || '(root)'}: ${i.message}`);
  }
  return out;
}

/**
 * Check one JSON response against the contract: a 2xx against its route's schema, anything else
 * against the error envelope. null when it fits (or the route answers no JSON the contract names).
 */
export function checkResponse(
  method: string,
  pathname: string,
  status: number,
  body: unknown,
): ContractProblem | null {
  const found = findRoute(method, pathname);
  const name = found ? `${found.route.method} ${found.route.path}` : `${method} ${pathname}`;
  const schema = status >= 200 && status < 300 ? found?.route.response : R.ErrorBody;
  if (!schema) return null;
  const r = schema.safeParse(body);
  return r.success ? null : { route: name, status, issues: issuesOf(r.error) };
}

/** Check a request body against the route's schema: the parsed body, or the per-field problems. */
export function parseBody(
  method: string,
  pathname: string,
  body: unknown,
): { ok: true; data: unknown } | { ok: false; fields: Record<string, string> } {
  const schema = findRoute(method, pathname)?.route.body;
  if (!schema) return { ok: true, data: body };
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, data: r.data };
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join('.') || '(root)'] ??= i.message;
  return { ok: false, fields };
}
