-- Regrades as worker jobs: a rubric/parameter/version change waits in a pending rubric version
-- until its regrade has graded every script; previews run the same way and store only a summary.

-- CreateEnum
CREATE TYPE "RegradeRunStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "regrades" (
    "id" TEXT NOT NULL,
    "examId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rubricVersionId" TEXT,
    "input" JSONB,
    "plan" JSONB,
    "status" "RegradeRunStatus" NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "actorId" TEXT,
    "timings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "regrades_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regrades_examId_updatedAt_idx" ON "regrades"("examId", "updatedAt");

-- CreateIndex
CREATE INDEX "regrades_status_updatedAt_idx" ON "regrades"("status", "updatedAt");

-- One change at a time per exam: a second edit while one is queued or running is refused (409).
CREATE UNIQUE INDEX "regrades_one_active_apply" ON "regrades"("examId") WHERE "kind" = 'apply' AND "status" IN ('queued', 'running');

-- AddForeignKey
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_examId_fkey" FOREIGN KEY ("examId") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "rubric_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
