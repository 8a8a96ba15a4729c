-- Change notices for the API's read cache (packages/db/src/changes.ts): every write to a row that a
-- submission's read or its exam's list shows sends `grader_reads` a notice at commit naming what
-- changed: 's:<submission id>:<exam id>' (one script, in that exam's lists), 'e:<exam id>' (every
-- script of the exam) or '*' (everything). Identical notices of one transaction are sent once.
-- The triggers run once per statement: a statement that touched many scripts (a regrade stores a
-- thousand grades at once) sends one notice per exam, not one per row.

-- The notices for the scripts a statement touched: one each, or, past 20, one per exam. (A script
-- already deleted sends none: its own delete said so.)
CREATE FUNCTION grader_notify_submissions(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) > 20 THEN
    PERFORM pg_notify('grader_reads', 'e:' || x."examId")
      FROM (SELECT DISTINCT s."examId" FROM submissions s WHERE s.id = ANY(ids)) x;
  ELSE
    PERFORM pg_notify('grader_reads', 's:' || s.id || ':' || s."examId")
      FROM submissions s WHERE s.id = ANY(ids);
  END IF;
END $$;

-- Rows that belong to one submission (pages, extractions, answers, grades, overrides, requests).
CREATE FUNCTION grader_notice_submission_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM grader_notify_submissions(ARRAY(SELECT DISTINCT "submissionId" FROM old_rows));
  ELSE
    PERFORM grader_notify_submissions(ARRAY(SELECT DISTINCT "submissionId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- Submissions: added or removed, their exams' lists; renamed or moved, both exams' (the similarity
-- links name other scripts by file name); changed otherwise, the scripts themselves.
CREATE FUNCTION grader_notice_submissions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('grader_reads', 'e:' || x.e) FROM (SELECT DISTINCT "examId" AS e FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('grader_reads', 'e:' || x.e) FROM (SELECT DISTINCT "examId" AS e FROM old_rows) x;
  ELSE
    PERFORM pg_notify('grader_reads', 'e:' || x.e) FROM (
      SELECT o."examId" AS e FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n."fileName" <> o."fileName" OR n."examId" <> o."examId"
      UNION
      SELECT n."examId" FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n."fileName" <> o."fileName" OR n."examId" <> o."examId") x;
    PERFORM grader_notify_submissions(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- The audit log: a script's history, or an exam's release (a student's history starts there).
CREATE FUNCTION grader_notice_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM grader_notify_submissions(ARRAY(SELECT DISTINCT "submissionId" FROM old_rows
      WHERE "submissionId" IS NOT NULL));
    PERFORM pg_notify('grader_reads', 'e:' || x.e) FROM (SELECT DISTINCT "examId" AS e FROM old_rows
      WHERE "submissionId" IS NULL AND "examId" IS NOT NULL) x;
  ELSE
    PERFORM grader_notify_submissions(ARRAY(SELECT DISTINCT "submissionId" FROM new_rows
      WHERE "submissionId" IS NOT NULL));
    PERFORM pg_notify('grader_reads', 'e:' || x.e) FROM (SELECT DISTINCT "examId" AS e FROM new_rows
      WHERE "submissionId" IS NULL AND "examId" IS NOT NULL) x;
  END IF;
  RETURN NULL;
END $$;

-- Rows that belong to one exam (or the exam itself: `id`); few, so row by row.
CREATE FUNCTION grader_notice_exam_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'exams' THEN PERFORM pg_notify('grader_reads', 'e:' || r.id);
  ELSE PERFORM pg_notify('grader_reads', 'e:' || r."examId"); END IF;
  RETURN NULL;
END $$;

-- A user's name or roll shows on every script they wrote or overrode.
CREATE FUNCTION grader_notice_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('grader_reads', '*');
  RETURN NULL;
END $$;

-- Every table whose rows a read shows, with the notices its statements send. (A trigger with
-- transition tables fires on one event, so each table has three.)
DO $$
DECLARE t text;
DECLARE f text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pages', 'extractions', 'extracted_answers', 'grades', 'overrides',
                           'regrade_requests', 'submissions', 'audit_log'] LOOP
    f := CASE t WHEN 'submissions' THEN 'grader_notice_submissions'
                WHEN 'audit_log' THEN 'grader_notice_audit'
                ELSE 'grader_notice_submission_rows' END;
    EXECUTE format('CREATE TRIGGER grader_reads_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
    EXECUTE format('CREATE TRIGGER grader_reads_update AFTER UPDATE ON %I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
    EXECUTE format('CREATE TRIGGER grader_reads_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['exams', 'rubric_versions', 'roster_versions'] LOOP
    EXECUTE format('CREATE TRIGGER grader_reads AFTER INSERT OR UPDATE OR DELETE ON %I
      FOR EACH ROW EXECUTE FUNCTION grader_notice_exam_row()', t);
  END LOOP;
END $$;
CREATE TRIGGER grader_reads AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION grader_notice_all();
