// The OpenAPI description served at /api/docs/openapi.json (docs/api.md is the overview).
type Op = [method: string, path: string, who: string, summary: string, body?: Record<string, unknown>];

const obj = (props: Record<string, unknown>, required: string[] = Object.keys(props)) => ({
  type: 'object',
  properties: props,
  required,
});
const str = { type: 'string' };
const num = { type: 'number' };

const OPS: Op[] = [
  [
    'post',
    '/auth/login',
    'anyone (rate-limited)',
    'Sign in; sets the sid cookie; returns {user, roles, csrfToken}',
    obj({ email: str, password: str }),
  ],
  ['post', '/auth/logout', 'signed in', 'End the session'],
  ['get', '/auth/me', 'signed in', 'The signed-in user, roles and CSRF token'],
  [
    'post',
    '/auth/password',
    'signed in',
    "Change one's password (current checked, new at least 8 characters); other sessions end (audited)",
    obj({ currentPassword: str, newPassword: str }, ['currentPassword', 'newPassword']),
  ],
  ['get', '/courses', 'signed in', 'Courses the user is enrolled in, with their role'],
  ['get', '/courses/{courseId}/exams', 'enrolled', 'Exams of the course'],
  [
    'post',
    '/courses/{courseId}/exams',
    'admin',
    'Create an exam from multipart `definition` files (exam.yaml + rubric.yaml, or a zip)',
  ],
  ['get', '/courses/{courseId}/members', 'TA, admin', 'Members of the course'],
  [
    'patch',
    '/courses/{courseId}/members/{userId}',
    'admin',
    "Edit a member's name and roll (roll null clears it); audited with before and after",
    obj({ name: str, roll: str }, []),
  ],
  [
    'post',
    '/courses/{courseId}/members',
    'admin',
    'Add or change a member',
    obj({ email: str, name: str, role: { enum: ['admin', 'ta', 'student'] }, roll: str }, [
      'email',
      'name',
      'role',
    ]),
  ],
  [
    'post',
    '/courses/{courseId}/roster',
    'TA, admin',
    'Import the class list (CSV roll,name[,email]); all lines or none, errors per line',
    obj({ csv: str }, ['csv']),
  ],
  ['get', '/exams/{examId}', 'enrolled', 'Exam with parameters, parts and current rubric version'],
  ['get', '/exams/{examId}/keys', 'TA, admin', 'Engine-computed keys for the current parameters'],
  [
    'get',
    '/exams/{examId}/submissions',
    'TA, admin',
    'Submissions with status, student, total, needsReview, flags. Query: sort (uploaded|roll|name|score|status), order, status (or withdrawn), flag (any|name), review=1; with pageSize (and page) the answer is {items, total, page, pageSize, withdrawn}',
  ],
  [
    'post',
    '/exams/{examId}/submissions',
    'TA, admin',
    'Upload PDFs or zips as multipart files[]; returns {created, duplicates, rejected}',
  ],
  [
    'get',
    '/exams/{examId}/events',
    'TA, admin',
    'Server-sent events {submissionId, status, progress, total?}',
  ],
  ['post', '/exams/{examId}/release', 'TA, admin', 'Release grades to students'],
  [
    'get',
    '/exams/{examId}/release',
    'TA, admin',
    'What a release would do: released count and what is pending',
  ],
  ['delete', '/exams/{examId}/release', 'TA, admin', 'Un-release: students stop seeing grades (audited)'],
  [
    'get',
    '/exams/{examId}/export.csv',
    'TA, admin',
    'CSV roll,name,total,status,<parts>: one row per roster student by roll, unconfirmed scripts last (?unconfirmed=omit leaves them out)',
  ],
  ['get', '/exams/{examId}/stats', 'TA, admin', 'Per-part histograms, mean/median, totals, auto vs reviewed'],
  [
    'get',
    '/exams/{examId}/review',
    'TA, admin',
    'Parts under review grouped by the values the grader read (else the answer text)',
  ],
  [
    'post',
    '/exams/{examId}/review/grade',
    'TA, admin',
    'Grade a group at once',
    obj({ partId: str, submissionIds: { type: 'array', items: str }, score: num, comment: str }, [
      'partId',
      'submissionIds',
      'score',
    ]),
  ],
  [
    'get',
    '/exams/{examId}/regrade-requests',
    'TA, admin',
    "Open regrade requests (?all=1 for all), each with the part's current score and max and the answer's crop",
  ],
  [
    'post',
    '/regrade-requests/{id}/answer',
    'TA, admin',
    'Answer a regrade request, optionally with a new score',
    obj({ answer: str, score: num }, ['answer']),
  ],
  [
    'get',
    '/exams/{examId}/rubric',
    'TA, admin',
    'Current rubric version (YAML and parsed), keys, version list',
  ],
  [
    'put',
    '/exams/{examId}/rubric',
    'admin',
    'New rubric version; regrades every submission; {version, summary}',
    obj({ yaml: str }),
  ],
  [
    'post',
    '/exams/{examId}/rubric/preview',
    'admin',
    'Regrade summary of a rubric, nothing saved',
    obj({ yaml: str }),
  ],
  [
    'put',
    '/exams/{examId}/parameters',
    'admin',
    'New parameters -> new keys and version; regrade; {oldKeys, newKeys, summary}',
    obj({ parameters: { type: 'object' } }),
  ],
  ['get', '/submissions/mine', 'student', 'Own submissions; totals only once released'],
  [
    'get',
    '/submissions/{id}',
    'owner student, TA, admin',
    'Submission, pages, answers, current grade, overrides, regrade requests',
  ],
  ['get', '/submissions/{id}/pages/{n}.png', 'owner student, TA, admin', 'Page image (PNG)'],
  [
    'post',
    '/submissions/{id}/student',
    'TA, admin',
    'Match the script to a student of the course by hand (null unassigns)',
    obj({ studentId: { type: ['string', 'null'] } }),
  ],
  ['post', '/submissions/{id}/retry', 'TA, admin', 'Re-enqueue a failed submission'],
  [
    'post',
    '/submissions/{id}/withdraw',
    'TA, admin',
    'Withdraw: out of grade lists, CSV, release, review and the student view; kept and restorable (audited)',
    obj({ reason: str }),
  ],
  [
    'post',
    '/submissions/{id}/restore',
    'TA, admin',
    'Restore a withdrawn submission (audited)',
    obj({ reason: str }, []),
  ],
  [
    'delete',
    '/submissions/{id}',
    'TA, admin',
    'Delete with its stored file; `confirm` must be the file name; 409 while its student sees a released grade (audited)',
    obj({ confirm: str, reason: str }),
  ],
  [
    'get',
    '/submissions/{id}/similar/{otherId}',
    'TA, admin',
    'Two scripts of an exam side by side with the similarity evidence (shared unusual values, shared sentences)',
  ],
  ['get', '/exams/{examId}/stacks', 'TA, admin', 'Stacks (one PDF of many scripts) uploaded to the exam'],
  [
    'post',
    '/exams/{examId}/stacks',
    'TA, admin',
    'Upload a stack as multipart `file`; the worker proposes where each script starts',
  ],
  ['get', '/stacks/{stackId}', 'TA, admin', 'A stack: status, pages with thumbnails, proposed starts'],
  ['get', '/stacks/{stackId}/pages/{n}.png', 'TA, admin', 'Page thumbnail (PNG)'],
  [
    'post',
    '/stacks/{stackId}/confirm',
    'TA, admin',
    'Split at these first pages (1 first, increasing): one submission per script (audited)',
    obj({ starts: { type: 'array', items: num } }),
  ],
  [
    'post',
    '/submissions/{id}/parts/{partId}/override',
    'TA, admin',
    'Override a part; audited; survives regrades',
    obj({ score: num, comment: str }),
  ],
  [
    'post',
    '/submissions/{id}/parts/{partId}/regrade-requests',
    'owner student',
    'Ask for a regrade of a part',
    obj({ message: str }),
  ],
  ['get', '/health', 'anyone', '{db, redis}'],
];

const ErrorBody = obj({
  error: obj({ code: str, message: str, fields: { type: 'object', additionalProperties: str } }, [
    'code',
    'message',
  ]),
});

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, who, summary, body] of OPS) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: str,
    }));
    const needsCsrf = method !== 'get' && path !== '/auth/login';
    paths[path] ??= {};
    paths[path][method] = {
      summary,
      description: `Who: ${who}.${needsCsrf ? ' Send the x-csrf-token header.' : ''}`,
      parameters: [
        ...params,
        ...(needsCsrf ? [{ name: 'x-csrf-token', in: 'header', required: true, schema: str }] : []),
      ],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses: {
        200: { description: 'OK' },
        400: { description: 'invalid (with fields)', content: { 'application/json': { schema: ErrorBody } } },
        401: { description: 'not signed in' },
        403: { description: 'role may not act' },
        404: { description: 'not found or not visible to the caller' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'grader API',
      version: '0.1.0',
      description: 'See docs/api.md. Auth: sid cookie + x-csrf-token.',
    },
    servers: [{ url: '/api' }],
    paths,
  };
}
