-- Reads served by single statements (packages/db/src/reads.ts).

-- The submissions list sorts rolls and names in the database as the browser's
-- `localeCompare(a, b, 'en', {numeric: true, sensitivity: 'base'})` does: numbers by value, case
-- and accents ignored (ties then go by upload time).
CREATE COLLATION IF NOT EXISTS "grader_natural" (provider = icu, locale = 'en-u-kn-ks-level1', deterministic = false);

-- A student's grade history starts at the exam's first release: found by index, not by reading
-- every regrade entry of the exam.
CREATE INDEX "audit_log_examId_action_createdAt_idx" ON "audit_log"("examId", "action", "createdAt");
