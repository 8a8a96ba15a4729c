// What the API answers (apps/api/src/routes/*), one schema per response. Objects are checked for
// the fields they name (extra fields pass: a client reads what it knows); a missing or mistyped
// field fails. The web UI takes its types from here (z.infer) and its contract mock is checked
// against them, so the three cannot drift apart unnoticed.
import { ItemGrade, Region } from '@grader/model';
import { z } from 'zod';
import { Role, SubmissionStatus } from './requests.ts';

const iso = z.string().min(1);
const nullableNumber = z.number().nullable();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    /** the class list import: every bad line */
    lines: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

// ---- auth ----
export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roll: z.string().nullable(),
});
export type User = z.infer<typeof User>;
export const Me = z.object({
  user: User,
  roles: z.array(z.object({ courseId: z.string(), role: Role })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;
export const PasswordChanged = z.object({ ok: z.literal(true), sessionsRevoked: z.number().int() });
export const Health = z.object({ db: z.string(), redis: z.string() });

// ---- courses, exams, members ----
export const Course = z.object({ id: z.string(), code: z.string(), title: z.string(), role: Role });
export type Course = z.infer<typeof Course>;
/** a part of the exam's definition (exam.yaml): its id and label nesting, e.g. ["1", "b", "ii"] */
export const ExamPart = z.looseObject({ id: z.string(), path: z.array(z.string()) });
export type ExamPart = z.infer<typeof ExamPart>;
export const Exam = z.object({
  id: z.string(),
  courseId: z.string(),
  slug: z.string(),
  title: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  parts: z.array(ExamPart),
  reviewThreshold: z.number(),
  releasedAt: iso.nullable(),
  rubricVersion: z.object({ id: z.string(), version: z.number().int() }).nullable(),
});
export type Exam = z.infer<typeof Exam>;
export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  roll: z.string().nullable(),
  role: Role,
});
export type Member = z.infer<typeof Member>;
/** a new account's first password is shown once */
export const MemberCreated = Member.extend({ initialPassword: z.string().optional() });
export const RosterImported = z.object({
  students: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  enrolled: z.number().int(),
  unchanged: z.number().int(),
  versions: z
    .object({
      examId: z.string(),
      assigned: z.number().int(),
      changed: z.number().int(),
      regrade: z
        .object({ rubricVersion: z.number().int(), scripts: z.number().int(), changed: z.number().int() })
        .nullable()
        .optional(),
    })
    .optional(),
});
export type RosterImported = z.infer<typeof RosterImported>;

// ---- submissions ----
export const StudentRef = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  roll: z.string().nullable(),
});
export type StudentRef = z.infer<typeof StudentRef>;
export const Withdrawn = z.object({ at: iso, reason: z.string() });
export const SubmissionSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  status: SubmissionStatus,
  statusReason: z.string().nullable(),
  progress: z.number().min(0).max(1),
  student: StudentRef.nullable(),
  total: nullableNumber,
  needsReview: z.number().int(),
  /** script-level flags (staff only): header, organisation, similarity, version */
  flags: z.array(z.string()),
  /** withdrawn by staff: kept, out of the grades until restored */
  withdrawn: Withdrawn.nullable(),
  /** a script cut from a stack: its pages of the stack */
  pages: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  createdAt: iso,
  updatedAt: iso,
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;
export const SubmissionPage = z.object({
  items: z.array(SubmissionSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  withdrawn: z.number().int(),
});
export type SubmissionPage = z.infer<typeof SubmissionPage>;
/** without `pageSize` every match as a plain array, with it one page in an envelope */
export const SubmissionList = z.union([z.array(SubmissionSummary), SubmissionPage]);
export const SubmissionBrief = z.object({ id: z.string(), fileName: z.string(), status: SubmissionStatus });
export const UploadResult = z.object({
  created: z.array(SubmissionBrief),
  duplicates: z.array(SubmissionBrief),
  rejected: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export type UploadResult = z.infer<typeof UploadResult>;
/** one `data:` line of GET /exams/:id/events */
export const ProgressEvent = z.object({
  submissionId: z.string(),
  status: SubmissionStatus,
  statusReason: z.string().nullable(),
  progress: z.number().min(0).max(1),
  total: z.number().nullable().optional(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;
export const MySubmission = z.object({
  id: z.string(),
  examId: z.string(),
  examTitle: z.string(),
  fileName: z.string(),
  status: SubmissionStatus,
  released: z.boolean(),
  total: nullableNumber,
  createdAt: iso,
});
export type MySubmission = z.infer<typeof MySubmission>;

/** A part's grade as the API shows it: the effective grade (overrides applied) to staff; to a
 *  student `score` is null while a person reviews it, and a part a TA set has no automatic items. */
export const PartGradeView = z.object({
  score: nullableNumber,
  max: z.number(),
  review: z.boolean(),
  reasons: z.array(z.string()),
  items: z.array(ItemGrade),
  evidence: z.array(Region),
  confidence: z.number().optional(),
  values: z.array(z.number()).optional(),
  /** the automatic score (staff) */
  autoScore: z.number().optional(),
  /** the TA's override in effect, if any */
  override: z
    .object({ score: z.number(), comment: z.string(), at: iso.optional(), byId: z.string().optional() })
    .nullable()
    .optional(),
});
export type PartGradeView = z.infer<typeof PartGradeView>;
export const GradeView = z.object({
  rubricVersion: z.number().int(),
  /** null for a student while a part is still with a person */
  total: nullableNumber,
  needsReview: z.number().int(),
  parts: z.record(z.string(), PartGradeView),
  flags: z.array(z.string()),
  flagReasons: z.record(z.string(), z.string()),
  gradedAt: iso,
  /** staff: the scripts a flag names (similarity: the other script) */
  flagLinks: z.record(z.string(), z.array(z.object({ id: z.string(), fileName: z.string() }))).optional(),
});
export type GradeView = z.infer<typeof GradeView>;
export const GradeChange = z.object({
  kind: z.enum(['override', 'regrade']),
  /** the part a person changed; null for a regrade of the whole script */
  partId: z.string().nullable(),
  before: nullableNumber,
  after: z.number(),
  totalBefore: nullableNumber,
  totalAfter: nullableNumber,
  reason: z.string(),
  at: iso,
});
export type GradeChange = z.infer<typeof GradeChange>;
export const OverrideView = z.object({
  partId: z.string(),
  score: z.number(),
  comment: z.string(),
  by: z.string(),
  at: iso,
});
export type OverrideView = z.infer<typeof OverrideView>;
export const RegradeRequestView = z.object({
  id: z.string(),
  submissionId: z.string(),
  partId: z.string(),
  message: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredAt: iso.nullable(),
  createdAt: iso,
  student: z.object({ name: z.string(), roll: z.string().nullable() }).optional(),
  fileName: z.string().optional(),
});
export type RegradeRequestView = z.infer<typeof RegradeRequestView>;
export const PageRef = z.object({
  page: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  imageUrl: z.string(),
});
export type PageRef = z.infer<typeof PageRef>;
/** the staff's list of requests: with the part's score now, its maximum and the answer's crop */
export const RegradeCard = RegradeRequestView.extend({
  current: z
    .object({ score: z.number(), max: z.number(), review: z.boolean(), overridden: z.boolean() })
    .nullable(),
  answerText: z.string().nullable(),
  crop: Region.nullable(),
  page: PageRef.nullable(),
});
export type RegradeCard = z.infer<typeof RegradeCard>;
export const AnswerView = z.object({
  partId: z.string(),
  text: z.string(),
  regions: z.array(Region),
  confidence: z.number(),
});
export type AnswerView = z.infer<typeof AnswerView>;
export const HeaderView = z.object({
  name: z.string().nullable(),
  roll: z.string().nullable(),
  region: Region.nullable(),
  issues: z.array(z.string()),
});
export const SubmissionDetail = z.object({
  submission: z.object({
    id: z.string(),
    examId: z.string(),
    fileName: z.string(),
    status: SubmissionStatus,
    statusReason: z.string().nullable(),
    progress: z.number().min(0).max(1),
    student: StudentRef.nullable(),
    createdAt: iso,
    released: z.boolean(),
    withdrawn: Withdrawn.nullable(),
    /** an exam with versions: the script's version and its question paper */
    version: z.object({ name: z.string(), paperUrl: z.string() }).nullable(),
  }),
  pages: z.array(PageRef.extend({ source: z.string() })),
  /** staff: the header as read, with where */
  header: HeaderView.nullable(),
  warnings: z.array(z.string()),
  answers: z.array(AnswerView),
  grade: GradeView.nullable(),
  /** student: how the released grade changed since (overrides and regrades), oldest first */
  history: z.array(GradeChange),
  overrides: z.array(OverrideView),
  regradeRequests: z.array(RegradeRequestView),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;
export const WithdrawResult = z.object({ id: z.string(), withdrawn: Withdrawn.nullable() });
export const DeleteResult = z.object({ id: z.string(), deleted: z.boolean(), fileRemoved: z.boolean() });
export const RetryResult = z.object({ id: z.string(), status: z.literal('queued') });
export const StudentAssigned = z.object({
  id: z.string(),
  student: z.object({ id: z.string(), name: z.string(), roll: z.string().nullable() }).nullable(),
});
export const OverrideResult = z.object({
  partId: z.string(),
  score: z.number(),
  comment: z.string(),
  total: z.number(),
});
export const SimilarSide = z.object({
  id: z.string(),
  fileName: z.string(),
  student: StudentRef.nullable(),
  similarity: z.string().nullable(),
  pages: z.array(PageRef),
  answers: z.record(z.string(), z.object({ text: z.string(), regions: z.array(Region) })),
});
export const Similar = z.object({
  partIds: z.array(z.string()),
  a: SimilarSide,
  b: SimilarSide,
  evidence: z.object({
    values: z.array(z.object({ partId: z.string(), value: z.string(), scripts: z.number().int() })),
    sentences: z.array(z.string()),
  }),
});
export type Similar = z.infer<typeof Similar>;

// ---- release, statistics, export ----
export const ReleasePreview = z.object({
  releasedAt: iso.nullable(),
  released: z.number().int(),
  pending: z.object({
    partsInReview: z.number().int(),
    scriptsInReview: z.number().int(),
    identityUnconfirmed: z.number().int(),
    notGraded: z.number().int(),
  }),
});
export type ReleasePreview = z.infer<typeof ReleasePreview>;
export const Released = z.object({
  releasedAt: iso,
  released: z.number().int(),
  withheld: z.object({ identityUnconfirmed: z.number().int() }),
});
export const Unreleased = z.object({ releasedAt: z.null() });
export const HistogramRow = z.object({ score: z.number(), count: z.number().int() });
export const StatsBlock = z.object({
  mean: nullableNumber,
  median: nullableNumber,
  histogram: z.array(HistogramRow),
});
export const PartStats = StatsBlock.extend({
  partId: z.string(),
  max: z.number(),
  auto: z.number().int(),
  reviewed: z.number().int(),
  pending: z.number().int(),
});
export const Stats = z.object({
  submissions: z.number().int(),
  graded: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  total: StatsBlock,
  parts: z.array(PartStats),
  versions: z.array(
    z.object({
      version: z.string(),
      graded: z.number().int(),
      flagged: z.number().int(),
      total: z.object({ mean: nullableNumber, median: nullableNumber }),
      parts: z.array(z.object({ partId: z.string(), mean: nullableNumber })),
    }),
  ),
});
export type Stats = z.infer<typeof Stats>;

// ---- review queue ----
export const ReviewItem = z.object({
  submissionId: z.string(),
  fileName: z.string(),
  /** this script's answer as read (spellings differ within a group of one value) */
  text: z.string(),
  suggestedScore: z.number(),
  max: z.number(),
  reasons: z.array(z.string()),
  crop: Region.nullable(),
});
export const ReviewGroup = z.object({
  partId: z.string(),
  answerKey: z.string(),
  text: z.string(),
  /** the value(s) the grader read: the group's key when present */
  values: z.array(z.number()).nullable(),
  count: z.number().int(),
  items: z.array(ReviewItem),
});
export type ReviewGroup = z.infer<typeof ReviewGroup>;
export const ReviewQueue = z.array(ReviewGroup);
export const GroupGraded = z.object({
  graded: z.array(z.object({ submissionId: z.string(), total: z.number() })),
});

// ---- rubric, parameters, versions ----
export const RegradeSummary = z.object({
  scripts: z.number().int(),
  changed: z.number().int(),
  meanDelta: z.number(),
  maxDelta: z.number(),
  changes: z.array(
    z.object({ submissionId: z.string(), fileName: z.string(), before: nullableNumber, after: z.number() }),
  ),
});
export type RegradeSummary = z.infer<typeof RegradeSummary>;
export const Rubric = z.object({
  id: z.string(),
  version: z.number().int(),
  yaml: z.string(),
  parsed: z.unknown(),
  parameters: z.unknown(),
  keys: z.unknown(),
  versions: z.array(
    z.object({ id: z.string(), version: z.number().int(), note: z.string().nullable(), createdAt: iso }),
  ),
});
export type Rubric = z.infer<typeof Rubric>;
export const RubricPreview = z.object({ summary: RegradeSummary });
export const RubricSaved = z.object({
  version: z.number().int(),
  rubricVersionId: z.string(),
  summary: RegradeSummary,
});
export const Keys = z.object({
  /** the admin's overrides */
  parameters: z.record(z.string(), z.unknown()),
  /** every parameter's effective value, as text */
  values: z.record(z.string(), z.string()),
  /** the exam definition's parameters */
  definitions: z.unknown(),
  keys: z.record(z.string(), z.unknown()),
});
export type Keys = z.infer<typeof Keys>;
export const ParametersSaved = RubricSaved.extend({ oldKeys: z.unknown(), newKeys: z.unknown() });
export type ParametersSaved = z.infer<typeof ParametersSaved>;
export const StoredVersion = z.object({ name: z.string(), parameters: z.record(z.string(), z.unknown()) });
export const Versions = z.object({
  versions: z.array(
    StoredVersion.extend({
      values: z.record(z.string(), z.string()),
      keys: z.record(z.string(), z.unknown()),
      students: z.number().int(),
      paperUrl: z.string(),
    }),
  ),
});
export type Versions = z.infer<typeof Versions>;
export const VersionsChanged = z.object({
  versions: z.array(StoredVersion),
  rubricVersion: z.number().int(),
  summary: RegradeSummary.nullable(),
});
export const VersionsCreated = VersionsChanged.extend({
  created: z.array(z.string()),
  seed: z.number().optional(),
});
export const ExamRoster = z.object({
  versions: z.array(z.string()),
  students: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      roll: z.string().nullable(),
      email: z.string(),
      version: z.string().nullable(),
    }),
  ),
});
export type ExamRoster = z.infer<typeof ExamRoster>;

// ---- stacks ----
export const Stack = z.object({
  id: z.string(),
  examId: z.string(),
  fileName: z.string(),
  status: z.enum(['splitting', 'proposed', 'confirmed', 'failed']),
  statusReason: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  starts: z.array(z.number().int()),
  pages: z.array(z.object({ page: z.number().int(), thumbUrl: z.string() })),
  submissions: z.array(z.string()),
  confirmedAt: iso.nullable(),
  createdAt: iso,
  duplicate: z.boolean().optional(),
});
export type Stack = z.infer<typeof Stack>;
export const StackConfirmed = z.object({ stackId: z.string(), created: z.array(SubmissionBrief) });

// ---- the API's own description ----
/** GET /api/docs: the OpenAPI 3.1 document generated from this contract (./openapi.ts) */
export const OpenApiDoc = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
