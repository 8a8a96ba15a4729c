-- Change notices for the API's read cache (packages/db/src/changes.ts): every write to a row that a
-- submission's read or its exam's list shows sends `grader_reads` a notice at commit naming what
-- changed: 's:<submission id>:<exam id>' (one script, in that exam's lists), 'e:<exam id>' (every
-- script of the exam) or '*' (everything). Identical notices of one transaction are sent once.

-- A submission's notice, with its exam ('' when the submission is gone: its own delete said so).
CREATE FUNCTION grader_submission_notice(sid text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 's:' || sid || ':' || COALESCE((SELECT "examId" FROM submissions WHERE id = sid), '')
$$;

-- Rows that belong to one submission.
CREATE FUNCTION grader_notice_submission_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('grader_reads', grader_submission_notice(OLD."submissionId")); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('grader_reads', grader_submission_notice(NEW."submissionId")); END IF;
  RETURN NULL;
END $$;

-- Rows that belong to one exam (or the exam itself: `id`).
CREATE FUNCTION grader_notice_exam_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'exams' THEN PERFORM pg_notify('grader_reads', 'e:' || r.id);
  ELSE PERFORM pg_notify('grader_reads', 'e:' || r."examId"); END IF;
  RETURN NULL;
END $$;

-- A submission: its own read, and (added, removed, renamed or moved) its exam's (the similarity
-- links name other scripts by file name).
CREATE FUNCTION grader_notice_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."fileName" = OLD."fileName" AND NEW."examId" = OLD."examId" THEN
    PERFORM pg_notify('grader_reads', 's:' || NEW.id || ':' || NEW."examId");
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('grader_reads', 'e:' || OLD."examId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('grader_reads', 'e:' || NEW."examId"); END IF;
  END IF;
  RETURN NULL;
END $$;

-- The audit log: a script's history, or an exam's release (a student's history starts there).
CREATE FUNCTION grader_notice_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF r."submissionId" IS NOT NULL THEN PERFORM pg_notify('grader_reads', grader_submission_notice(r."submissionId"));
  ELSIF r."examId" IS NOT NULL THEN PERFORM pg_notify('grader_reads', 'e:' || r."examId"); END IF;
  RETURN NULL;
END $$;

-- A user's name or roll shows on every script they wrote or overrode.
CREATE FUNCTION grader_notice_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('grader_reads', '*');
  RETURN NULL;
END $$;

-- every table whose rows a read shows, with the notice its rows send
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pages', 'extractions', 'extracted_answers', 'grades', 'overrides', 'regrade_requests'] LOOP
    EXECUTE format('CREATE TRIGGER grader_reads AFTER INSERT OR UPDATE OR DELETE ON %I
      FOR EACH ROW EXECUTE FUNCTION grader_notice_submission_row()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['exams', 'rubric_versions', 'roster_versions'] LOOP
    EXECUTE format('CREATE TRIGGER grader_reads AFTER INSERT OR UPDATE OR DELETE ON %I
      FOR EACH ROW EXECUTE FUNCTION grader_notice_exam_row()', t);
  END LOOP;
END $$;
CREATE TRIGGER grader_reads AFTER INSERT OR UPDATE OR DELETE ON "submissions"
  FOR EACH ROW EXECUTE FUNCTION grader_notice_submission();
CREATE TRIGGER grader_reads AFTER INSERT OR UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION grader_notice_audit();
CREATE TRIGGER grader_reads AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION grader_notice_all();
