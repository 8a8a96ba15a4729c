// The hand-written prose of docs/api.md: conventions before the generated route list, the
// implementation details after it. docs/api.md itself is generated (./api-docs.ts, `npm run docs:api`).

export const API_DOCS_HEADER = `# HTTP API (apps/api) — the contract between the server and the web UI

JSON over HTTP under \`/api\`, served by \`apps/api\` on \`PORT\` (default 3000), which also serves the
built web UI at \`/\`. The machine-readable form is the OpenAPI file served at \`/api/docs\`
(\`/api/docs/openapi.json\`); this page is the overview both sides build against. Both are generated
from the contract (\`packages/contract\`: each route's method, path, roles and zod schemas) by \`npm run
docs:api\`; edit the contract, or this text in \`packages/contract/src/api-docs-text.ts\`, never this
file (a test fails when it differs from what the generator prints).

## Conventions
- Auth: \`POST /api/auth/login\` sets an HTTP-only \`sid\` cookie (SameSite=Lax). Every state-changing
  request (POST/PUT/PATCH/DELETE) except login must send the header \`x-csrf-token\` with the token
  returned by login and by \`GET /api/auth/me\`.
- Errors: \`{ "error": { "code": "not_found" | "forbidden" | "unauthorized" | "invalid" | "conflict" |
  "too_large" | "rate_limited", "message": "...", "fields"?: { "path.to.field": "message" } } }\`.
  A resource the caller may not see is \`404\` (nothing leaked); a role that may not act is \`403\`.
- Ids are strings (cuid: lower-case letters and digits). An id in a path that is not one (NUL
  bytes, junk) is answered like an unknown id, \`404\`, before any query; broken %-encoding is \`400\`.
  A JSON body with a NUL character in any string is \`400\` (\`fields\` names where).
- Part ids (\`:partId\`, \`partId\` in bodies) must be parts of the exam: anything else (\`__proto__\`,
  \`constructor\`, a part of another exam) is \`400\` with \`fields.partId\`.
- Every response carries \`Content-Security-Policy\` (\`'self'\` only, \`img-src\` also \`data:\`,
  \`frame-ancestors 'none'\`), \`X-Frame-Options: DENY\`, \`X-Content-Type-Options: nosniff\`,
  \`Referrer-Policy: no-referrer\` and same-origin \`Cross-Origin-Opener-Policy\`/\`-Resource-Policy\`.
- Times are ISO-8601 strings.
- Roles are per course: \`admin\`, \`ta\`, \`student\`.
`;

export const API_DOCS_FOOTER = `## Exam versions
Exam versions: \`POST /api/courses/:courseId/roster\` also takes \`examId\` and an optional \`version\` column
(a version of that exam per student, checked per line; an empty cell removes it); a change regrades
the exam (result \`versions: {examId, assigned, changed, regrade}\`). Each script is graded on its
version: the class list's, else the code written on it, else the first version, with the \`version\`
flag (and its reason) when unknown, when class list and script disagree, or when its numbers fit
another version's key. Released grades change as for a rubric edit (a \`regrade\` audit entry, shown
to the student). \`GET /api/exams/:examId/stats\` adds \`versions: [{version, graded, flagged, total,
parts}]\`.

## Details of the implementation (apps/api)
What the table leaves open, as implemented; the web UI may rely on these.
- **Errors**: also \`500 {"error": {"code": "internal", ...}}\`. Upload limits on the request (number
  of files, parts) give \`413 too_large\`; a single file over \`MAX_UPLOAD_BYTES\` does not (below).
  Field errors of an exam definition are keyed by file and path: \`"exam.yaml: reviewThreshold"\`,
  \`"rubric.yaml: parts[0].items[1].points"\` (rubric messages start with \`line N:\` when known).
- **Upload** answers \`201\` when at least one submission was created, else \`200\`. Each of \`created\` and
  \`duplicates\` is \`{id, fileName, status, fileHash}\`; \`duplicates\` names the submission that already
  has those bytes. A zip's entries are reported as \`zip/entry\` in \`rejected\`. A file over
  \`MAX_UPLOAD_BYTES\` is rejected alone, by name, with the limit in the reason (\`larger than the limit
  of 50 MiB (52428800 bytes) per file\`); the other files of the batch go on. A zip with more than
  \`MAX_UPLOAD_FILES\` files is refused whole (one \`rejected\` entry naming the zip) and nothing in it
  becomes a submission.
- **Identity**: a submission belongs to a student only once its identity is confirmed: the worker's
  safe roster match or a TA's \`POST /submissions/:id/student\` (audited) sets \`student.id\`. A script
  whose identity is unconfirmed is shown to no student (list, detail, page images, regrade requests
  all answer as for someone else's script), is not reached by a release (\`withheld.
  identityUnconfirmed\` counts them) and counts in no student's CSV row.
- **Login throttling**: failed sign-ins are counted per (account, source) pair (10 per 15 minutes)
  and per source over all accounts (50 per 15 minutes), never per account alone, so guessing from
  one place cannot lock the owner out elsewhere; over a limit the answer is \`429\` with
  \`Retry-After\`. The source is the connection's address; \`X-Forwarded-For\` counts only from the
  proxies named in \`TRUST_PROXY\` (default: none). IPv6 sources count by /64.
- **Submissions list** items: \`{id, fileName, status, statusReason, progress, student: {id|null, name,
  roll} | null, total | null, needsReview, flags, createdAt, updatedAt}\`. \`student.id\` is null when the
  header was read but matched no student of the course.
- **Events** (\`text/event-stream\`): one \`data:\` line per changed submission, \`{submissionId, status,
  statusReason, progress, total?}\`; the first batch covers every submission of the exam, then only
  changes (polled from the database once a second; \`: keep-alive\` comments in between).
- **Submission detail**: \`{submission: {id, examId, fileName, status, statusReason, progress, student,
  createdAt, released}, header, warnings, pages, answers: [{partId, text, regions, confidence}], grade,
  overrides: [{partId, score, comment, by, at}], regradeRequests}\`. \`header\` (\`{name, roll, region,
  issues}\` as read) and \`warnings\` (ingestion's) are for staff; a student gets \`null\` and \`[]\`. \`grade\` is \`{rubricVersion, total, needsReview, parts,
  flags, flagReasons, flagLinks, gradedAt}\` or null (not graded yet; for a student also: not released). For staff
  each part is the model's \`PartGrade\` plus \`autoScore\` and \`override: {score, comment, byId, at} |
  null\` (the override in effect; overrides survive regrades). **For a student**, a part still under
  review shows \`score: null\`, \`reasons: ["being reviewed"]\` and no items, the \`total\` is null while any
  part is under review, and \`flags\` are not shown; a part a TA set by hand (override) has no items
  and no automatic reasons (the TA's comment says why). \`flagLinks\` (staff only) names the scripts a
  flag's reason mentions: \`{similarity: [{id, fileName}]}\`. \`history\` (student only, else \`[]\`): how
  the released grade changed since the exam's first release, oldest first, from the audit log:
  \`[{kind: 'override' | 'regrade', partId (null for a regrade), before, after, totalBefore,
  totalAfter, reason, at}]\`; entries that changed no score are left out.
- **Review queue** items also carry \`fileName\` and \`max\`; \`crop\` is \`{page, box}\` or null. Grading a
  group with an id of another exam is \`404\` and changes nothing.
- **Regrade requests**: \`GET ...?all=1\` lists answered ones too. Items: \`{id, submissionId, partId,
  message, status: open|answered, answer, answeredAt, createdAt, student: {name, roll}, fileName}\`.
  A student may ask once grades are released (else \`409\`), one open request per part.
- **Rubric**: \`GET\` answers \`{id, version, yaml, parsed, parameters, keys, versions: [{id, version,
  note, createdAt}]}\`. \`PUT\` answers \`{version, rubricVersionId, summary}\`, with \`summary\` =
  \`{scripts, changed, meanDelta, maxDelta, changes: [{submissionId, fileName, before, after}]}\`
  (totals after overrides; \`meanDelta\` over all scripts; at most 100 changes, largest first).
  \`PUT /parameters\` takes \`{parameters: {name: "text" | number | number[]}}\` (the exam's parameter
  overrides, as \`grader key --set\` takes them) and answers \`{version, rubricVersionId, oldKeys,
  newKeys, summary}\`; a bad value is \`400\` with \`fields.parameters\`.
- **Keys**: \`GET /keys\` answers \`{parameters (the overrides), values (every parameter's effective
  value as text), definitions (the exam's parameter specs: kind, default, label), keys}\`.
- **Stats**: \`{submissions, graded, byStatus, total: {mean, median, histogram: [{score, count}]},
  parts: [{partId, max, mean, median, histogram, auto, reviewed, pending}]}\`.
- **CSV**: CRLF lines; first line the plain column names \`roll,name,total,status,<part ids>\`. One row
  per student enrolled in the course, absent ones too, sorted by roll (students without a roll
  last), from their newest graded submission. \`status\` is \`final\` (every part settled: total and
  parts given), \`pending review\` (parts under review are empty and so is the total) or \`absent\`
  (no submission). Then one row per script whose identity is unconfirmed: empty roll, \`name\`
  describing the file and the header as read, empty scores, status \`identity unconfirmed\`; such a
  row makes an LMS import stop on an unknown student (Moodle) or list it as unknown (Canvas) rather
  than grade anyone. \`?unconfirmed=omit\` leaves those rows out (for importing what is settled); the
  header \`X-Unconfirmed-Scripts\` gives their count either way.
- **Sessions** last 7 days; the cookie is \`Secure\` when the request came over HTTPS.
`;
