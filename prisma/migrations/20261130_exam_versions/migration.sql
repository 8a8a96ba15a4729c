-- AlterTable
ALTER TABLE "exams" ADD COLUMN     "versions" JSONB;

-- AlterTable
ALTER TABLE "rubric_versions" ADD COLUMN     "versions" JSONB;

-- AlterTable
ALTER TABLE "grades" ADD COLUMN     "version" TEXT;

-- CreateTable
CREATE TABLE "roster_versions" (
    "examId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roster_versions_pkey" PRIMARY KEY ("examId","userId")
);

-- CreateIndex
CREATE INDEX "roster_versions_userId_idx" ON "roster_versions"("userId");

-- AddForeignKey
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_examId_fkey" FOREIGN KEY ("examId") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
