-- Withdrawn submissions (kept, restorable) and stacks (one PDF of many scripts, split by a TA).

-- CreateEnum
CREATE TYPE "StackStatus" AS ENUM ('splitting', 'proposed', 'confirmed', 'failed');

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "pageFrom" INTEGER,
ADD COLUMN     "pageTo" INTEGER,
ADD COLUMN     "stackId" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT,
ADD COLUMN     "withdrawnReason" TEXT;

-- CreateTable
CREATE TABLE "stacks" (
    "id" TEXT NOT NULL,
    "examId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "pageCount" INTEGER,
    "status" "StackStatus" NOT NULL DEFAULT 'splitting',
    "statusReason" TEXT,
    "starts" INTEGER[],
    "uploadedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stacks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "stacks_examId_fileHash_key" ON "stacks"("examId", "fileHash");

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_stackId_fkey" FOREIGN KEY ("stackId") REFERENCES "stacks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stacks" ADD CONSTRAINT "stacks_examId_fkey" FOREIGN KEY ("examId") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
