// Prisma client, migration runner, database admin helpers and the queries the apps share.

export { databaseName, dropDatabase, ensureDatabase, terminateConnections, withDatabase } from './admin.ts';
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
  gradeRowData,
  type OverrideLike,
  type StoredGrades,
  type StoreGradesArgs,
  storeGrades,
} from './grades.ts';
export { type MigrateResult, migrate, migrationsDir } from './migrate.ts';
export {
  LIST_SORTS,
  type SessionRow,
  STATUS_ORDER,
  type SubmissionListArgs,
  type SubmissionListRow,
  type SubmissionReadArgs,
  type SubmissionReadRow,
  sessionWithUser,
  submissionForRead,
  submissionListPage,
} from './reads.ts';
export { createTestDatabase, type TestDatabase } from './testing.ts';

/** Statuses after which no worker will touch a submission again on its own. */
export const FINAL_STATUSES = ['graded', 'needs_review', 'failed'] as const;
export { type BlobStore, LocalBlobStore, sha256 } from './storage.ts';
