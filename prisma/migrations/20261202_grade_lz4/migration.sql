-- The grade's JSON and its read projections (~30 KB a row) compressed with lz4 instead of pglz:
-- a regrade writes a thousand rows in one transaction, and pglz spent most of that time compressing.
-- New rows only; rows already stored keep their compression until rewritten.
ALTER TABLE "grades" ALTER COLUMN "parts" SET COMPRESSION lz4;
ALTER TABLE "grades" ALTER COLUMN "viewParts" SET COMPRESSION lz4;
ALTER TABLE "grades" ALTER COLUMN "viewStudentParts" SET COMPRESSION lz4;
ALTER TABLE "grades" ALTER COLUMN "flagReasons" SET COMPRESSION lz4;
