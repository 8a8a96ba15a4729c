// Prisma client, migration runner, database admin helpers and the queries the apps share.

// the student's view of a part lives with the grade model (the web mock shares it)
export { studentPartView } from '@grader/model';
export { databaseName, dropDatabase, ensureDatabase, terminateConnections, withDatabase } from './admin.ts';
export {
  CHANGES_CHANNEL,
  type Change,
  type ChangeFeed,
  type ChangeFeedHandlers,
  listenForChanges,
  parseChange,
} from './changes.ts';
export { createDb, type Db } from './client.ts';
export type {
  AuditLog,
  Course,
  Enrolment,
  Exam,
  Grade,
  Override,
  RegradeRequest,
  RubricVersion,
  Submission,
  User,
} from './generated/prisma/client.ts';
export { Prisma, RegradeStatus, Role, SubmissionStatus } from './generated/prisma/client.ts';
export {
  type EffectiveGrade,
  type EffectivePart,
  effectiveGrade,
  type GradeAudit,
  type GradeToStore,
  type GradeViews,
  gradeRowData,
  gradeViews,
  type OverrideLike,
  type StoredGradeFields,
  type StoredGrades,
  type StoreGradesArgs,
  storedGradeEquals,
  storeGrades,
} from './grades.ts';
export { type MigrateResult, migrate, migrationsDir } from './migrate.ts';
export {
  LIST_SORTS,
  type SessionRow,
  STATUS_ORDER,
  type StudentSubmissionRow,
  type SubmissionListArgs,
  type SubmissionListRow,
  type SubmissionReadArgs,
  type SubmissionReadRow,
  sessionWithUser,
  studentSubmissions,
  submissionForRead,
  submissionListPage,
} from './reads.ts';
export { createTestDatabase, type TestDatabase } from './testing.ts';

/** Statuses after which no worker will touch a submission again on its own. */
export const FINAL_STATUSES = ['graded', 'needs_review', 'failed'] as const;
export {
  type BlobStore,
  LocalBlobStore,
  PAGE_IMAGE_DPI,
  type PageImageSize,
  pageImageName,
  pageImagesOf,
  sha256,
} from './storage.ts';
