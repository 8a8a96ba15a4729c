-- Read projections of a grade's parts, written once with the row by storeGrades (validated there):
-- the grade read sends them as stored instead of re-parsing the parts JSON on every request. Null
-- for rows stored before this migration: those are computed on read as before.

-- AlterTable
ALTER TABLE "grades" ADD COLUMN     "viewParts" TEXT,
ADD COLUMN     "viewStudentParts" TEXT,
ADD COLUMN     "viewTotal" DOUBLE PRECISION;
