// Request bodies and queries the API parses at its boundary (apps/api/src/routes/*): the routes, the
// web UI's contract mock (apps/web/e2e) and the OpenAPI document take them from here.
import { z } from 'zod';

/** Every id the database makes is a cuid (lower-case letters and digits); anything else names no row. */
export const ID_PATTERN = /^[a-z][a-z0-9]{19,31}$/;
export const Id = z.string().regex(ID_PATTERN, 'not an id');

export const Role = z.enum(['admin', 'ta', 'student']);
export type Role = z.infer<typeof Role>;

/** The pipeline's statuses of a submission (prisma's SubmissionStatus; a test in apps/api checks they agree). */
export const SubmissionStatus = z.enum([
  'uploaded',
  'queued',
  'extracting',
  'grading',
  'needs_review',
  'graded',
  'failed',
]);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const MIN_PASSWORD = 8;

// ---- auth ----
export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});
export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD, `at least ${MIN_PASSWORD} characters`).max(200),
});

// ---- courses, members, class list ----
export const NewMemberBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(200),
  role: Role,
  roll: z.string().trim().min(1).max(40).optional(),
});
export const MemberEditBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    /** null or '' clears the roll */
    roll: z.string().trim().max(40).nullable().optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.roll !== undefined, 'give a name or a roll');
export const RosterBody = z.object({
  csv: z.string().max(512 * 1024),
  /** the exam a `version` column assigns versions of */
  examId: Id.optional(),
});

// ---- submissions ----
export const SORTS = ['uploaded', 'roll', 'name', 'score', 'status'] as const;
export const ListQuery = z.object({
  sort: z.enum(SORTS).default('uploaded'),
  order: z.enum(['asc', 'desc']).optional(),
  /** a pipeline status, or `withdrawn` (the only way withdrawn scripts are listed) */
  status: z.enum(['withdrawn', ...SubmissionStatus.options]).optional(),
  /** `any` (some flag) or one flag's name */
  flag: z
    .string()
    .regex(/^[a-z_]{1,32}$/, 'a flag name or "any"')
    .optional(),
  /** `1`: only scripts with parts waiting for a person */
  review: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** absent: every match as a plain array (older clients); present: one page in an envelope */
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ExportQuery = z.object({ unconfirmed: z.enum(['rows', 'omit']).default('rows') });
export const OverrideBody = z.object({
  score: z.number().min(0).max(1000),
  comment: z.string().trim().min(1).max(2000),
});
export const RegradeRequestBody = z.object({ message: z.string().trim().min(1).max(4000) });
export const AssignStudentBody = z.object({ studentId: Id.nullable() });
export const WithdrawBody = z.object({ reason: z.string().trim().min(1, 'say why').max(2000) });
export const RestoreBody = z.object({ reason: z.string().trim().max(2000).default('') });
export const DeleteBody = z.object({
  /** the submission's file name, typed by the person deleting it */
  confirm: z.string().max(400),
  reason: z.string().trim().min(1, 'say why').max(2000),
});

// ---- review and regrade requests ----
export const GroupGradeBody = z.object({
  partId: z.string().min(1).max(40),
  submissionIds: z.array(z.string().min(1).max(64)).min(1).max(1000),
  score: z.number().min(0).max(1000),
  comment: z.string().trim().max(2000).optional(),
});
/** GET /exams/:id/regrade-requests: `all=1` lists answered requests too (the route reads `all === '1'`) */
export const RegradeListQuery = z.object({ all: z.enum(['0', '1']).optional() });
export const RegradeAnswerBody = z.object({
  answer: z.string().trim().min(1).max(4000),
  score: z.number().min(0).max(1000).optional(),
});

// ---- rubric, parameters, versions ----
export const RubricBody = z.object({ yaml: z.string().min(1).max(500_000) });
export const ParamValue = z.union([z.string().max(200), z.number(), z.array(z.number()).max(1000)]);
export const ParametersBody = z.object({ parameters: z.record(z.string(), ParamValue) });
/** A version's name, what a student copies onto a script: letters, digits, - and _ (as versions files). */
export const VersionName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, 'letters, digits, - or _ (at most 16), e.g. A or v2');
export const VersionParameters = z.record(z.string().max(100), ParamValue);
export const MAX_VERSIONS = 26;
/** POST /exams/:id/versions with a name (the draw form's ranges are checked by the API with @grader/exam) */
export const NamedVersionBody = z
  .object({ name: VersionName, parameters: VersionParameters.default({}) })
  .strict();
export const VersionUpdateBody = z.object({ parameters: VersionParameters }).strict();

// ---- stacks ----
export const StackConfirmBody = z.object({
  /** the first page of each script, as the TA settled them (1-based, increasing, starting at 1) */
  starts: z.array(z.number().int().min(1).max(100_000)).min(1).max(2000),
});
