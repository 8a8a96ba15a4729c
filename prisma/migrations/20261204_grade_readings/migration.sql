-- What grading read in each part (values per item, wrong-value fingerprints, unread values), kept
-- with the grade: a rubric edit then regrades only the parts it can change and keeps the others
-- with their readings (packages/rubric/src/incremental.ts). Null on older rows: graded in full.
ALTER TABLE "grades" ADD COLUMN "readings" JSONB;
ALTER TABLE "grades" ALTER COLUMN "readings" SET COMPRESSION lz4;
