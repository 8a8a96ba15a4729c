// The ONE place the apps (worker, API, CLI) get the grading core packages from: ingestion
// (@grader/ingest) and grading (@grader/rubric, @grader/exam keys). Everything else depends on the
// two small interfaces below, so tests can supply a fast extractor and the wiring is one file.
import type { Exam } from '@grader/exam';
import type { OcrEngine, OcrPool } from '@grader/ingest';
import { IngestError } from '@grader/ingest/errors';
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import type { PartReading } from '@grader/rubric';
import { gradeExtractedBatch } from './batch.ts';
import { type BatchGrader, createBatchGrader } from './batch-grader.ts';
import { gradeThreads } from './grade-thread.ts';
import { withAnswerValues } from './values.ts';
import { checkExamVersions, type StoredVersion } from './versions.ts';

export interface RosterEntry {
  roll: string;
  name: string;
}

export interface Extractor {
  extract(
    bytes: Uint8Array,
    opts: {
      exam: Exam;
      fileName: string;
      roster: RosterEntry[];
      onProgress?: (p: number) => void;
      /** only these pages of the file (one script of a stack), numbered from 1 in the result */
      pages?: { from: number; to: number };
    },
  ): Promise<ExtractedScript>;
  /**
   * A stack (several scripts in one PDF) -> each script's page range, in order: a script starts at a
   * page whose top holds a header. Read with the same pages reading and OCR pool as `extract`.
   */
  split?(bytes: Uint8Array, opts: { exam: Exam }): Promise<{ from: number; to: number }[]>;
  close(): Promise<void>;
}

/**
 * Why two scripts of an exam were flagged `similarity`, as the grader judged it: the unusual wrong
 * values both wrote (with how many scripts of the exam wrote each) and the word sequences both
 * wrote in answers that lost marks that no other script has. For the side-by-side view.
 */
export interface SimilarityEvidence {
  values: { partId: string; value: string; scripts: number }[];
  sentences: string[];
}

/**
 * One problem of a rubric or exam definition: the field (`parts[0].items[1].points`; '' for the
 * whole document), its line in the YAML when known, and what is wrong. RubricError and
 * ExamDefinitionError carry these; nobody parses messages.
 */
export interface Issue {
  path: string;
  line: number | null;
  message: string;
}

/** What grading read in each part of a script, stored with its grade for the next regrade. */
export type Readings = Record<string, PartReading>;

/**
 * The rubric a script's stored grade was graded under: a regrade from it keeps the parts the edit
 * cannot change: its section, the keys and parameters it refers to and its upstream parts are the
 * same (see @grader/rubric's incremental.ts).
 */
export interface PreviousRubric {
  yaml: string;
  parameters: Record<string, unknown>;
}

export interface GradingCore {
  /** null when the rubric YAML is valid for the exam, else every problem */
  checkRubric(exam: Exam, yaml: string): Issue[] | null;
  /** engine-computed keys for the parameters (admin overrides of the exam's defaults) */
  keys(exam: Exam, parameters: Record<string, unknown>): unknown;
  /** every parameter's effective value as text (defaults with the overrides on top) */
  parameterValues(exam: Exam, parameters: Record<string, unknown>): Record<string, string>;
  /**
   * Script-level flags across a batch (similarity needs every script of the exam at once). With
   * versions, each script is graded on its own (roster, else the code on it) and the `version` flag
   * is computed as well.
   */
  batchFlags(
    exam: Exam,
    parameters: Record<string, unknown>,
    yaml: string,
    items: { extraction: ExtractedScript; fileName: string; rosterVersion?: string | null }[],
    versions?: readonly StoredVersion[],
  ): Pick<ScriptGrade, 'flags' | 'flagReasons'>[];
  /** the evidence shared by scripts `a` and `b` of `items` (indexes), measured on the whole batch */
  similarityEvidence(
    exam: Exam,
    parameters: Record<string, unknown>,
    yaml: string,
    items: { extraction: ExtractedScript; fileName: string }[],
    a: number,
    b: number,
  ): SimilarityEvidence;
  /**
   * Parse once, grade many: the returned function is pure. With versions (an exam's stored
   * versions, non-empty), each script is graded on its version's keys and rubric: the roster's
   * version for its student, else the code written on it, else the first (flagged `version`); the
   * grade says which (`version`).
   */
  prepare(
    exam: Exam,
    parameters: Record<string, unknown>,
    yaml: string,
    versions?: readonly StoredVersion[],
  ): (
    extraction: ExtractedScript,
    fileName: string,
    rosterVersion?: string | null,
    /** called with what grading read in each part, where the core keeps it (not with versions) */
    readings?: (r: Readings) => void,
  ) => ScriptGrade;
  /**
   * Optional, for a regrade of a whole exam: each script graded once and the batch flags computed
   * once at the end (see batch-grader.ts). Null when it does not apply (an exam with versions):
   * then `prepare` per script and `batchFlags` after. With `previous` (the rubric the stored grades
   * were graded under), a script added with its stored grade and readings is regraded only where
   * the edit can change it.
   */
  batchGrader?(
    exam: Exam,
    parameters: Record<string, unknown>,
    yaml: string,
    versions?: readonly StoredVersion[],
    previous?: PreviousRubric | null,
  ): BatchGrader | null;
  /** Optional: start what a batch grades on (the helper threads, their modules loaded) before the
   *  first regrade needs it, so its time is not the first regrade's */
  warmUp?(): void;
}

/** Stored versions that no longer check cannot grade: the grade job fails with this reason. */
export class VersionsUnusableError extends Error {
  constructor(message: string) {
    super(`the exam's versions cannot be graded with: ${message}`);
    this.name = 'VersionsUnusableError';
  }
}

/**
 * The file itself cannot be read (not a PDF, encrypted, corrupt, too many pages, ...): the one
 * error class for that is @grader/ingest's IngestError, with a code. Not retried; its message is
 * shown to the TA as the reason.
 */
export function isUnreadableFile(err: unknown): err is IngestError {
  return err instanceof IngestError;
}

/** The real extractor: pdfjs text layer + OCR in a pool of worker threads (off the job loop). */
export async function createCoreExtractor(opts: {
  ocrWorkers: number;
  /** config's OCR_ENGINE; the library's default when absent */
  ocrEngine?: OcrEngine;
  maxBytes?: number;
  maxPages?: number;
  /** time allowed for one file (ingest's own per-page budget when absent) */
  timeoutMs?: number;
}): Promise<Extractor> {
  const ingest = await import('@grader/ingest');
  // Created on first need: typed PDFs never OCR, and each OCR thread holds ~200 MB.
  let pool: ReturnType<typeof ingest.createOcrPool> | null = null;
  const lazyPool: OcrPool = {
    size: opts.ocrWorkers,
    async recognize(image, ro) {
      pool ??= ingest.createOcrPool({ size: opts.ocrWorkers, engine: opts.ocrEngine });
      return (await pool).recognize(image, ro); // ro: rotation probes and label hints
    },
    async close() {},
  };
  // only the limits given: an absent one keeps ingest's default
  const limits = Object.fromEntries(
    Object.entries({ maxBytes: opts.maxBytes, maxPages: opts.maxPages, timeoutMs: opts.timeoutMs }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return {
    async extract(bytes, { exam, fileName, roster, onProgress, pages }) {
      return ingest.ingestPdf(bytes, {
        exam,
        fileName,
        pages,
        roster: roster.length ? roster.map((r) => ({ roll: r.roll, name: r.name })) : undefined,
        ocr: lazyPool,
        limits,
        onProgress: onProgress ? (p) => onProgress(p.pages ? p.page / p.pages : 0) : undefined,
      });
    },
    async split(bytes, { exam }) {
      return ingest.splitStack(bytes, {
        exam,
        ocr: lazyPool,
        limits: { maxBytes: Math.max(opts.maxBytes ?? 0, ingest.STACK_LIMITS.maxBytes) },
      });
    },
    async close() {
      if (pool) await (await pool).close();
    },
  };
}

/** The real grading core (@grader/rubric + @grader/exam keys), loaded lazily. */
export async function loadGradingCore(): Promise<GradingCore> {
  const rubricPkg = await import('@grader/rubric');
  const examPkg = await import('@grader/exam');
  const overrides = (p: Record<string, unknown>) => p as Parameters<typeof examPkg.computeKeys>[1];
  return {
    checkRubric(exam, yaml) {
      let rubric: ReturnType<typeof rubricPkg.parseRubric>;
      try {
        rubric = rubricPkg.parseRubric(yaml);
      } catch (err) {
        if (!(err instanceof rubricPkg.RubricError)) throw err;
        return err.issues;
      }
      const known = new Set(exam.parts.map((p) => p.id));
      const issues: Issue[] = [];
      rubric.parts.forEach((p, i) => {
        if (!known.has(p.id))
          issues.push({
            path: `parts[${i}].id`,
            line: null,
            message: `"${p.id}" is not a part of exam ${exam.id}`,
          });
      });
      return issues.length ? issues : null;
    },
    keys(exam, parameters) {
      return examPkg.computeKeys(exam, overrides(parameters));
    },
    parameterValues(exam, parameters) {
      return examPkg.parameterDefaults(exam, overrides(parameters));
    },
    batchFlags(exam, parameters, yaml, items, versions) {
      const rubric = rubricPkg.parseRubric(yaml);
      if (versions?.length)
        return gradeExtractedBatch(
          rubric,
          { versions: usableVersions(exam, parameters, versions), reviewThreshold: exam.reviewThreshold },
          items.map((i) => ({ file: i.fileName, script: i.extraction, rosterVersion: i.rosterVersion })),
        ).map((g) => ({ flags: g.flags, flagReasons: g.flagReasons }));
      const ctx = {
        keys: examPkg.computeKeys(exam, overrides(parameters)),
        params: examPkg.examParameters(exam, overrides(parameters)),
        reviewThreshold: exam.reviewThreshold,
      };
      return gradeExtractedBatch(
        rubric,
        { ctx },
        items.map((i) => ({ file: i.fileName, script: i.extraction })),
      ).map((g) => ({ flags: g.flags, flagReasons: g.flagReasons }));
    },
    similarityEvidence(exam, parameters, yaml, items, a, b) {
      const rubric = rubricPkg.parseRubric(yaml);
      const ctx = {
        keys: examPkg.computeKeys(exam, overrides(parameters)),
        params: examPkg.examParameters(exam, overrides(parameters)),
        reviewThreshold: exam.reviewThreshold,
      };
      return rubricPkg.similarityEvidence(
        rubric,
        ctx,
        items.map((i) => ({ file: i.fileName, script: i.extraction })),
        a,
        b,
      );
    },
    batchGrader(exam, parameters, yaml, versions, previous) {
      return versions?.length ? null : createBatchGrader(exam, parameters, yaml, { previous });
    },
    warmUp() {
      gradeThreads();
    },
    prepare(exam, parameters, yaml, versions) {
      const rubric = rubricPkg.parseRubric(yaml);
      if (versions?.length) {
        const on = {
          versions: usableVersions(exam, parameters, versions),
          reviewThreshold: exam.reviewThreshold,
        };
        // a batch of one: its version's grade, the script-level flags and the `version` flag
        return (extraction, fileName, rosterVersion) =>
          gradeExtractedBatch(rubric, on, [{ file: fileName, script: extraction, rosterVersion }])[0];
      }
      const ctx = {
        keys: examPkg.computeKeys(exam, overrides(parameters)),
        params: examPkg.examParameters(exam, overrides(parameters)),
        reviewThreshold: exam.reviewThreshold,
      };
      // Script-level flags (header, organisation) per script; `similarity` needs the whole batch:
      // see batchFlags, run when an exam's batch is complete (flags.ts).
      return (extraction, fileName, _rosterVersion, readings) => {
        const graded = rubricPkg.gradeScript(rubric, ctx, extraction, fileName);
        readings?.(graded.readings);
        return withAnswerValues(rubricPkg.applyFlags([graded], [extraction], rubric)[0], extraction);
      };
    },
  };
}

function usableVersions(exam: Exam, parameters: Record<string, unknown>, stored: readonly StoredVersion[]) {
  const r = checkExamVersions(exam, parameters, stored);
  if (!r.ok) throw new VersionsUnusableError(r.problem.message);
  return r.versions;
}
