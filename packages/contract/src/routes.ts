// Every route of the API: method, path, who may call it, what it does, and the schemas of its query,
// body and success answer. The OpenAPI document (./openapi.ts) and docs/api.md (./api-docs.ts) are
// generated from this list, and a test in apps/api holds it equal to the routes Express registers.
// The JSON routes (ROUTES) are also what the web UI's contract mock and the browser e2e check
// answers against.
import type { z } from 'zod';
import * as G from './regrade.ts';
import * as Q from './requests.ts';
import * as R from './responses.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Who may call a route; roles are per course (the course of the exam, submission or stack). */
export type Who = 'anyone' | 'signed-in' | 'enrolled' | 'owner' | 'student' | 'ta' | 'admin';
export type MediaType =
  | 'application/json'
  | 'text/csv'
  | 'image/png'
  | 'application/pdf'
  | 'text/event-stream';

export interface RouteContract {
  method: Method;
  /** `/api/exams/:examId/review`; a `:name.png` segment matches `<value>.png` */
  path: string;
  /** one line: what the route does */
  summary: string;
  roles: readonly Who[];
  /** what the success answer is (JSON unless said) */
  produces: MediaType;
  /** success statuses (200 unless said) */
  statuses: readonly number[];
  /** the JSON success answer; of `text/event-stream`, each event's `data:` */
  response?: z.ZodType;
  /** the JSON body the route parses (absent: none, multipart, or checked elsewhere) */
  body?: z.ZodType;
  /** the query string the route parses */
  query?: z.ZodType;
  /** a multipart upload: its file field and what it holds */
  upload?: { field: string; holds: string };
  /** what the schemas leave open: limits, conflicts, audit entries */
  notes?: string;
}

/** A route that answers JSON, with the schema of that answer. */
export type JsonRoute = RouteContract & { produces: 'application/json'; response: z.ZodType };

type Spec = Omit<RouteContract, 'method' | 'path' | 'produces' | 'statuses'> &
  Partial<Pick<RouteContract, 'produces' | 'statuses'>>;

const route = (spec: `${Method} /api/${string}`, s: Spec): RouteContract => {
  const [method, path] = spec.split(' ') as [Method, string];
  return { method, path, produces: 'application/json', statuses: [200], ...s };
};

const STAFF: Who[] = ['ta', 'admin'];
const ADMIN: Who[] = ['admin'];
const READERS: Who[] = ['owner', 'ta', 'admin'];

export const API_ROUTES: RouteContract[] = [
  route('GET /api/health', {
    roles: ['anyone'],
    summary: 'Whether the database and Redis are up',
    response: R.Health,
    notes: '`503` when either is down.',
  }),
  route('GET /api/docs', {
    roles: ['anyone'],
    summary: 'This API as an OpenAPI 3.1 document',
    response: R.OpenApiDoc,
  }),
  route('GET /api/docs/openapi.json', {
    roles: ['anyone'],
    summary: 'This API as an OpenAPI 3.1 document',
    response: R.OpenApiDoc,
  }),

  // ---- auth ----
  route('POST /api/auth/login', {
    roles: ['anyone'],
    summary: 'Sign in: sets the sid cookie; answers the user, roles and CSRF token',
    body: Q.LoginBody,
    response: R.Me,
    notes: 'Throttled (see Details: login throttling); over a limit `429` with `Retry-After`.',
  }),
  route('POST /api/auth/logout', { roles: ['signed-in'], summary: 'End the session', response: R.Ok }),
  route('POST /api/auth/password', {
    roles: ['signed-in'],
    summary: "Change one's password; every other session of the account ends",
    body: Q.PasswordChangeBody,
    response: R.PasswordChanged,
    notes:
      'Throttled like login. A wrong current password is 400 with `fields.currentPassword`. Audited `password_change`.',
  }),
  route('GET /api/auth/me', {
    roles: ['signed-in'],
    summary: 'The signed-in user, roles and CSRF token',
    response: R.Me,
  }),

  // ---- courses, members, class list ----
  route('GET /api/courses', {
    roles: ['signed-in'],
    summary: 'Courses the user is enrolled in, with their role',
    response: R.Course.array(),
  }),
  route('GET /api/courses/:courseId/exams', {
    roles: ['enrolled'],
    summary: 'Exams of the course',
    response: R.Exam.array(),
  }),
  route('POST /api/courses/:courseId/exams', {
    roles: ADMIN,
    summary: 'Create an exam from its definition',
    upload: { field: 'definition', holds: 'exam.yaml + rubric.yaml, or a zip of them' },
    statuses: [201],
    response: R.Exam,
    notes: 'Field errors are keyed by file and path (`"rubric.yaml: parts[0].items[1].points"`).',
  }),
  route('GET /api/courses/:courseId/members', {
    roles: STAFF,
    summary: 'Members of the course (TAs need them to match scripts by hand)',
    response: R.Member.array(),
  }),
  route('POST /api/courses/:courseId/members', {
    roles: ADMIN,
    summary: 'Add or change a member',
    body: Q.NewMemberBody,
    statuses: [201],
    response: R.MemberCreated,
    notes: 'A new user gets `initialPassword` once, in this answer.',
  }),
  route('PATCH /api/courses/:courseId/members/:userId', {
    roles: ADMIN,
    summary: "Edit a member's name and roll",
    body: Q.MemberEditBody,
    response: R.Member,
    notes: '`roll: null` or `""` clears the roll. Audited `member_edit` with before and after.',
  }),
  route('POST /api/courses/:courseId/roster', {
    roles: STAFF,
    summary: 'Import the class list (CSV `roll,name[,email]`): all lines or none',
    body: Q.RosterBody,
    response: R.RosterImported,
    notes:
      'A header line, columns in any order. A bad line is 400 with `fields` `{"line N: field": message}` and `lines: [{line, field, message}]`. Students are created or updated and enrolled; audited `roster_import`. With `examId`, an optional `version` column assigns each student a version of that exam (an empty cell removes it); a change regrades the exam.',
  }),

  // ---- exams ----
  route('GET /api/exams/:examId', {
    roles: ['enrolled'],
    summary: 'The exam with parameters, parts and current rubric version',
    response: R.Exam,
  }),
  route('GET /api/exams/:examId/keys', {
    roles: STAFF,
    summary: 'The engine-computed keys for the current parameters',
    response: R.Keys,
  }),
  route('GET /api/exams/:examId/submissions', {
    roles: STAFF,
    summary: 'Submissions with status, student, total, needsReview and flags',
    query: Q.ListQuery,
    response: R.SubmissionList,
    notes:
      'A bad query is 400 naming the field. `sort=uploaded` is newest first, `score` highest first. Withdrawn scripts are listed only with `status=withdrawn`. With `pageSize` the answer is one page `{items, total, page, pageSize, withdrawn}` (`total`: what the filter matched), without it a plain array of every match.',
  }),
  route('POST /api/exams/:examId/submissions', {
    roles: STAFF,
    summary: 'Upload answer scripts',
    upload: { field: 'files[]', holds: 'PDFs or zips of PDFs' },
    statuses: [201, 200],
    response: R.UploadResult,
    notes:
      '`201` when at least one submission was created, else `200`. `duplicates` names the submission that already has those bytes. A file over `MAX_UPLOAD_BYTES` is rejected alone, by name; a zip with more than `MAX_UPLOAD_FILES` files is refused whole.',
  }),
  route('GET /api/exams/:examId/events', {
    roles: STAFF,
    summary: 'Live progress of the exam’s submissions (server-sent events)',
    produces: 'text/event-stream',
    response: R.ProgressEvent,
    notes:
      'One `data:` line per changed submission; the first batch covers every submission of the exam, then only changes (`: keep-alive` comments in between). A regrade of the exam (rubric, parameter or version change, preview) sends `event: regrade` with its RegradeRun (done/total; `summary` null: GET it when done).',
  }),
  route('GET /api/exams/:examId/release', {
    roles: STAFF,
    summary: 'What a release would do now: released count and what is pending',
    response: R.ReleasePreview,
  }),
  route('POST /api/exams/:examId/release', {
    roles: STAFF,
    summary: 'Release grades to students',
    response: R.Released,
    notes: 'Scripts whose identity is unconfirmed are withheld (`withheld.identityUnconfirmed`).',
  }),
  route('DELETE /api/exams/:examId/release', {
    roles: STAFF,
    summary: 'Un-release: students stop seeing grades',
    response: R.Unreleased,
    notes: '`409` if not released. Audited `unrelease`.',
  }),
  route('GET /api/exams/:examId/export.csv', {
    roles: STAFF,
    summary: 'Grades as CSV `roll,name,total,status,<part ids>`, one row per roster student',
    produces: 'text/csv',
    query: Q.ExportQuery,
    notes:
      'Scripts whose identity is unconfirmed come last as rows of their own (`unconfirmed=omit` leaves them out); `X-Unconfirmed-Scripts` gives their count. See Details: CSV.',
  }),
  route('GET /api/exams/:examId/stats', {
    roles: STAFF,
    summary: 'Per-part histograms, mean and median, totals, auto vs reviewed',
    response: R.Stats,
  }),

  // ---- rubric, parameters, versions ----
  route('GET /api/exams/:examId/rubric', {
    roles: STAFF,
    summary: 'The current rubric version (YAML and parsed), keys and the version list',
    response: R.Rubric,
  }),
  route('POST /api/exams/:examId/rubric/preview', {
    roles: ADMIN,
    summary: 'What saving this rubric would change, nothing saved: a preview regrade on the worker',
    body: Q.RubricBody,
    statuses: [202],
    response: G.PreviewQueued,
    notes: 'The summary comes with the regrade once `done` (GET .../regrades/:regradeId).',
  }),
  route('PUT /api/exams/:examId/rubric', {
    roles: ADMIN,
    summary: 'Save a new rubric version (pending) and queue the regrade of every submission',
    body: Q.RubricBody,
    statuses: [202],
    response: G.RubricQueued,
    notes:
      'An invalid rubric is 400 with `fields`. The exam stays on its current version until the regrade is done, then switches with every grade at once; progress: `event: regrade` on the exam’s events, or GET .../regrades/:regradeId (`summary.changes`: at most 100, largest first). `409` while another change of the exam still regrades.',
  }),
  route('PUT /api/exams/:examId/parameters', {
    roles: ADMIN,
    summary: 'New parameters: new keys and a pending rubric version, the regrade queued',
    body: Q.ParametersBody,
    statuses: [202],
    response: G.ParametersQueued,
    notes:
      'A bad value is 400 with `fields.parameters`. `409` while another change of the exam still regrades.',
  }),
  route('GET /api/exams/:examId/regrades/latest', {
    roles: STAFF,
    summary: 'The newest saved change’s regrade (null: none yet)',
    response: G.LatestRegrade,
  }),
  route('GET /api/exams/:examId/regrades/:regradeId', {
    roles: STAFF,
    summary: 'One regrade: status, done/total, and the before/after summary once done',
    response: G.RegradeRun,
  }),
  route('GET /api/exams/:examId/versions', {
    roles: STAFF,
    summary: 'The exam’s versions: parameters, values, keys, students, paper',
    response: R.Versions,
  }),
  route('POST /api/exams/:examId/versions', {
    roles: ADMIN,
    summary: 'Add a version by name and parameters, or draw `count` versions within ranges',
    statuses: [202, 201],
    response: G.VersionsCreatedQueued,
    notes:
      'Body `{name, parameters}` or `{draw: {count, seed?, ranges, keepDefault?}}` (ranges: `{"3.hidden": {min, max, step?}}`, `{min: "32x32x1", max: "128x128x3"}`, `{values: [...]}`; the draw form is checked by the API). Checked like a versions file: 400 with `fields` `parameters.NAME` or `name`; a taken name is `409`. A new pending rubric version and its regrade (`202`; `201` when the exam has no rubric to regrade); the list changes when the regrade is done; `409` while another change still regrades. Audited `version_create`.',
  }),
  route('PUT /api/exams/:examId/versions/:name', {
    roles: ADMIN,
    summary: 'Change a version’s parameters and regrade',
    body: Q.VersionUpdateBody,
    statuses: [202, 200],
    response: G.VersionsQueued,
    notes: 'Audited `version_update`.',
  }),
  route('DELETE /api/exams/:examId/versions/:name', {
    roles: ADMIN,
    summary: 'Delete a version and regrade',
    statuses: [202, 200],
    response: G.VersionsQueued,
    notes: '`409` while students have it on the class list. Audited `version_delete`.',
  }),
  route('GET /api/exams/:examId/versions/:name/paper.pdf', {
    roles: STAFF,
    summary: 'The version’s question paper (its numbers, "Version X" on every page)',
    produces: 'application/pdf',
  }),
  route('GET /api/exams/:examId/roster', {
    roles: STAFF,
    summary: 'The class list with each student’s version',
    response: R.ExamRoster,
  }),

  // ---- review and regrade requests ----
  route('GET /api/exams/:examId/review', {
    roles: STAFF,
    summary: 'Parts under review, grouped by the values the grader read (else the answer text)',
    response: R.ReviewQueue,
    notes: '`{0.7,0.2,0.05}` and `[0.70, 0.20, 0.050]` are one group.',
  }),
  route('POST /api/exams/:examId/review/grade', {
    roles: STAFF,
    summary: 'Grade a group at once',
    body: Q.GroupGradeBody,
    response: R.GroupGraded,
    notes: 'An id of another exam is `404` and changes nothing.',
  }),
  route('GET /api/exams/:examId/regrade-requests', {
    roles: STAFF,
    summary: "Open regrade requests, each with the part's current score and the answer's crop",
    query: Q.RegradeListQuery,
    response: R.RegradeCard.array(),
  }),
  route('POST /api/regrade-requests/:id/answer', {
    roles: STAFF,
    summary: 'Answer a regrade request, optionally with a new score',
    body: Q.RegradeAnswerBody,
    response: R.RegradeRequestView,
  }),

  // ---- stacks ----
  route('POST /api/exams/:examId/stacks', {
    roles: STAFF,
    summary: 'Upload a stack (one PDF of many scripts); the worker proposes where each script starts',
    upload: { field: 'file', holds: 'one PDF, up to 20 × `MAX_UPLOAD_BYTES`' },
    statuses: [201, 200],
    response: R.Stack,
    notes: '`201` with `status: "splitting"`; the same bytes again `200` with `duplicate: true`.',
  }),
  route('GET /api/exams/:examId/stacks', {
    roles: STAFF,
    summary: 'Stacks uploaded to the exam',
    response: R.Stack.array(),
  }),
  route('GET /api/stacks/:stackId', {
    roles: STAFF,
    summary: 'A stack: status, pages with thumbnails, proposed starts',
    response: R.Stack,
  }),
  route('GET /api/stacks/:stackId/pages/:n.png', {
    roles: STAFF,
    summary: 'A page thumbnail of the stack',
    produces: 'image/png',
  }),
  route('POST /api/stacks/:stackId/confirm', {
    roles: STAFF,
    summary: 'Split at these first pages: one submission per script, queued like uploads',
    body: Q.StackConfirmBody,
    statuses: [201],
    response: R.StackConfirmed,
    notes:
      'Starts: page 1 first, increasing, within the stack (else 400 `fields.starts`). Each script’s `fileName` is `stack.pdf#pages=a-b`. `409` once confirmed. Audited `stack_split`.',
  }),

  // ---- submissions ----
  route('GET /api/submissions/mine', {
    roles: ['student'],
    summary: 'Own submissions (identity confirmed as theirs); totals only once released',
    response: R.MySubmission.array(),
  }),
  route('GET /api/submissions/:id', {
    roles: READERS,
    summary: 'A submission: pages, answers, latest grade, overrides, regrade requests',
    response: R.SubmissionDetail,
    notes: 'A student sees grades only once released. See Details: submission detail.',
  }),
  route('GET /api/submissions/:id/pages/:n.png', {
    roles: READERS,
    summary: 'A page image of the submission',
    produces: 'image/png',
  }),
  route('GET /api/submissions/:id/paper.pdf', {
    roles: READERS,
    summary: 'The question paper of the script’s version',
    produces: 'application/pdf',
    notes: '`404` for an exam without versions.',
  }),
  route('DELETE /api/submissions/:id', {
    roles: STAFF,
    summary: 'Delete the submission and its stored file (unless another submission or stack reads it)',
    body: Q.DeleteBody,
    response: R.DeleteResult,
    notes:
      '`confirm` must equal the file name (400 otherwise). `409` while the exam is released and the script is its student’s (un-release or withdraw first). Audited `delete_submission`.',
  }),
  route('POST /api/submissions/:id/withdraw', {
    roles: STAFF,
    summary: 'Withdraw: out of grade lists, CSV, release, statistics, review and every student view; kept',
    body: Q.WithdrawBody,
    response: R.WithdrawResult,
    notes: '`409` if already withdrawn. Audited `withdraw`.',
  }),
  route('POST /api/submissions/:id/restore', {
    roles: STAFF,
    summary: 'Undo a withdrawal',
    body: Q.RestoreBody,
    response: R.WithdrawResult,
    notes: 'Audited `restore`.',
  }),
  route('GET /api/submissions/:id/similar/:otherId', {
    roles: STAFF,
    summary: 'Two scripts of an exam side by side with the similarity evidence',
    response: R.Similar,
    notes:
      'Evidence (shared unusual values, shared 4-word sequences) is computed by the grading core over the exam’s graded batch.',
  }),
  route('POST /api/submissions/:id/retry', {
    roles: STAFF,
    summary: 'Re-enqueue a failed submission',
    response: R.RetryResult,
  }),
  route('POST /api/submissions/:id/student', {
    roles: STAFF,
    summary: 'Match the script to a student of the course by hand (null unassigns)',
    body: Q.AssignStudentBody,
    response: R.StudentAssigned,
    notes: 'Audited.',
  }),
  route('POST /api/submissions/:id/parts/:partId/override', {
    roles: STAFF,
    summary: 'Override a part’s score; survives regrades',
    body: Q.OverrideBody,
    statuses: [201],
    response: R.OverrideResult,
    notes: 'Audited.',
  }),
  route('POST /api/submissions/:id/parts/:partId/regrade-requests', {
    roles: ['owner'],
    summary: 'Ask for a regrade of a part',
    body: Q.RegradeRequestBody,
    statuses: [201],
    response: R.RegradeRequestView,
    notes: 'Only once grades are released (else `409`); one open request per part.',
  }),
];

/** The routes that answer JSON: what the web UI's mock and the e2e check answers against (the
 *  API's own description, /api/docs, is no part of the UI's contract and the mock does not serve it). */
export const ROUTES: JsonRoute[] = API_ROUTES.filter(
  (r): r is JsonRoute =>
    r.produces === 'application/json' && r.response !== undefined && !r.path.startsWith('/api/docs'),
);

/** The route a request goes to, with its parameters; null for a path the contract does not name. */
export function findRoute(
  method: string,
  pathname: string,
): { route: JsonRoute; params: Record<string, string> } | null {
  const parts = pathname.split('/');
  // literal segments win over parameters (`/submissions/mine` before `/submissions/:id`)
  let best: { route: JsonRoute; params: Record<string, string>; literal: number } | null = null;
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
