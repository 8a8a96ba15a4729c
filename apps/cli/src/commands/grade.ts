// `grader grade --exam ID [--roster ROSTER.csv] [--json] [--split] [--set NAME=VALUE ... | --versions V.yaml] FILE.pdf ...`
// The contract is in DESIGN.md ("The grader grade contract"): with --json, stdout holds only a JSON
// array, one object per file in the order given; everything else goes to stderr. With --split each
// file is a stack of scripts: one object per script found, in order, its file "stack.pdf#pages=3-5".
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { loadConfig } from '@grader/config';
import {
  applySets,
  ExamParameterError,
  type ExamVersion,
  findVersion,
  loadExam,
  loadVersions,
  UnknownExamError,
  VersionsError,
} from '@grader/exam';
import { createCoreExtractor, type Extractor, gradeExtractedBatch } from '@grader/grading';
import { parseRoster, STACK_LIMITS } from '@grader/ingest';
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { type GradingContext, loadRubric, prepareRubric, RubricError } from '@grader/rubric';
import { CliError } from '../cli-error.ts';

export interface GradeArgs {
  exam: string;
  roster: string | null;
  json: boolean;
  /** `NAME=VALUE` question parameters, as `grader key --set` takes them (checked by applySets) */
  sets: string[];
  /** a versions file (`versions: {A: {}, B: {"3.hidden": 4}}`): each script graded on its own version */
  versions: string | null;
  /** each file is a stack of scripts (a sheet feeder's one PDF): one result per script found */
  split: boolean;
  files: string[];
}

const USAGE =
  'usage: grader grade --exam ID [--roster ROSTER.csv] [--json] [--split] [--set NAME=VALUE ... | --versions VERSIONS.yaml] FILE.pdf ...' +
  ' (--split: each FILE is a stack of scripts, split where a page starts with a header; one result per script, file "stack.pdf#pages=3-5")';

export function parseArgs(argv: string[]): GradeArgs {
  const out: GradeArgs = {
    exam: '',
    roster: null,
    json: false,
    sets: [],
    versions: null,
    split: false,
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--split') out.split = true;
    else if (a === '--exam' || a === '--roster' || a === '--set' || a === '--versions') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new CliError(`${a} needs a value`);
      if (a === '--exam') out.exam = v;
      else if (a === '--roster') out.roster = v;
      else if (a === '--versions') out.versions = v;
      else out.sets.push(v);
    } else if (a.startsWith('--exam=')) out.exam = a.slice(7);
    else if (a.startsWith('--roster=')) out.roster = a.slice(9);
    else if (a.startsWith('--versions=')) out.versions = a.slice(11);
    else if (a.startsWith('--set=')) out.sets.push(a.slice(6));
    else if (a === '--') continue;
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a} (${USAGE})`);
    else out.files.push(a);
  }
  if (!out.exam) throw new CliError(`--exam is required (${USAGE})`);
  if (!out.files.length) throw new CliError('no PDF files given');
  if (out.versions && out.sets.length)
    throw new CliError(
      '--set and --versions do not go together: give each version its parameters in the versions file',
    );
  return out;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${what} ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
}

/** Keep stdout for the JSON: anything a library logs goes to stderr. */
function guardStdout(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn };
  const toErr = (...a: unknown[]) => console.error(...a);
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
  console.warn = toErr;
  return () => Object.assign(console, saved);
}

function progress(done: number, total: number, enabled: boolean): void {
  if (!enabled) return;
  const width = 30;
  const n = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

function table(grades: ScriptGrade[], partIds: string[], versions: boolean): string {
  const head = ['file', 'roll', ...(versions ? ['version'] : []), ...partIds, 'total', 'flags'];
  const rows = grades.map((g) =>
    g.error
      ? [g.file, '', ...(versions ? [''] : []), ...partIds.map(() => ''), '', `error: ${g.error}`]
      : [
          g.file,
          g.student?.roll ?? '-',
          ...(versions ? [g.version ?? '-'] : []),
          ...partIds.map((id) => {
            const p = g.parts[id];
            return p ? `${p.score}${p.review ? '?' : ''}` : '';
          }),
          String(g.total),
          g.flags.join(','),
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line), '', '? = sent to a person for review'].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  let ocrEngine: ReturnType<typeof loadConfig>['OCR_ENGINE'];
  try {
    ocrEngine = loadConfig().OCR_ENGINE; // validated with the rest of the environment
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  let exam: ReturnType<typeof loadExam>;
  let chosen: ReturnType<typeof applySets>;
  let versions: ExamVersion[] | null = null;
  try {
    exam = loadExam(args.exam);
    // the same names and checks as `grader key --set`; keys and rubric follow the parameters
    chosen = applySets(exam, args.sets);
    if (args.versions)
      versions = loadVersions(readText(args.versions, 'versions file'), exam, basename(args.versions));
  } catch (e) {
    if (e instanceof UnknownExamError || e instanceof ExamParameterError || e instanceof VersionsError)
      throw new CliError(e.message);
    throw e;
  }
  let rubric: ReturnType<typeof loadRubric>;
  const ctx: GradingContext = {
    keys: chosen.keys,
    params: chosen.params,
    reviewThreshold: exam.reviewThreshold,
  };
  const loaded = (() => {
    try {
      return loadRubric(exam);
    } catch (e) {
      if (e instanceof RubricError) throw new CliError(e.message);
      throw e;
    }
  })();
  try {
    // checked against the exam's defaults, then filled in for the chosen parameters (before any OCR)
    rubric = prepareRubric(loaded, ctx);
  } catch (e) {
    if (e instanceof RubricError) throw new CliError(e.message);
    throw e;
  }
  // with versions: the rubric filled in for every version, before any file is read
  for (const v of versions ?? []) {
    try {
      prepareRubric(loaded, { keys: v.keys, params: v.params });
    } catch (e) {
      if (e instanceof RubricError) throw new CliError(`version ${v.name}: ${e.message}`);
      throw e;
    }
  }
  let roster: ReturnType<typeof parseRoster> | undefined;
  if (args.roster) {
    try {
      roster = parseRoster(readFileSync(args.roster, 'utf8'));
    } catch (e) {
      throw new CliError(`cannot read roster ${args.roster}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // a roster version the versions file does not have: stop before any grading
  if (versions && roster) {
    const names = versions.map((v) => v.name).join(', ');
    for (const s of roster)
      if (s.version && !findVersion(versions, s.version))
        throw new CliError(
          `roster ${basename(args.roster ?? '')}: ${s.roll} (${s.name}) has version "${s.version}", which ${basename(args.versions ?? '')} does not define (${names})`,
        );
  }
  const rosterVersion = new Map((roster ?? []).map((s) => [s.roll, s.version ?? null]));
  const restore = guardStdout();
  let extractor: Extractor | null = null;
  // one unit per file; with --split, one per script of each stack (found before any is read)
  type Unit = { path: string; file: string; pages?: { from: number; to: number }; error?: string };
  let results: Array<{ file: string; script: ExtractedScript | null; error?: string }> = [];
  let done = 0;
  const showProgress = !args.json || process.stderr.isTTY === true;
  try {
    // the extractor the worker uses; a batch shares the cores, so each file gets more time than a
    // lone upload gets on the server
    const ex = await createCoreExtractor({
      ocrWorkers: Math.max(1, Math.min(availableParallelism(), 2)),
      ocrEngine,
      timeoutMs: 180_000,
      ...(args.split ? { maxBytes: STACK_LIMITS.maxBytes } : {}),
    });
    extractor = ex;
    const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));
    const units: Unit[] = [];
    for (const path of args.files) {
      const file = basename(path);
      if (!args.split) {
        units.push({ path, file });
        continue;
      }
      try {
        if (!ex.split) throw new Error('this extractor cannot split stacks');
        const ranges = await ex.split(new Uint8Array(readFileSync(path)), { exam });
        for (const pages of ranges)
          units.push({ path, file: `${file}#pages=${pages.from}-${pages.to}`, pages });
      } catch (e) {
        // an unreadable stack is one result with its error, as an unreadable file is
        units.push({ path, file, error: message(e) });
      }
    }
    results = new Array(units.length);
    const lanes = Math.max(1, Math.min(availableParallelism(), units.length));
    let next = 0;
    const lane = async () => {
      while (next < units.length) {
        const i = next++;
        const { path, file, pages, error } = units[i];
        if (error) results[i] = { file, script: null, error };
        else
          try {
            const bytes = new Uint8Array(readFileSync(path));
            const script = await ex.extract(bytes, { exam, fileName: file, roster: roster ?? [], pages });
            results[i] = { file, script };
          } catch (e) {
            results[i] = { file, script: null, error: message(e) };
          }
        progress(++done, units.length, showProgress && units.length > 1);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await (extractor as Extractor | null)?.close().catch(() => {});
    restore();
  }
  // grade the readable scripts together (similarity is across the batch), keep errors in place
  const ok = results.map((r, i) => ({ r, i })).filter((x) => x.r.script);
  // the same batch grading as the server's (@grader/grading): with versions, each script on its own
  // version (roster, else the code on the script); similarity over the whole batch
  const flagged = gradeExtractedBatch(
    loaded,
    versions ? { versions, reviewThreshold: exam.reviewThreshold } : { ctx },
    ok.map(({ r }) => ({
      file: r.file,
      script: r.script!,
      rosterVersion: r.script!.header.match ? rosterVersion.get(r.script!.header.match.roll) : null,
    })),
  );
  const out: Array<ScriptGrade | { file: string; error: string }> = results.map((r) => ({
    file: r.file,
    error: r.error ?? 'not processed',
  }));
  ok.forEach(({ i }, k) => {
    out[i] = flagged[k];
  });
  if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else
    process.stdout.write(
      `${table(
        out.map((o) =>
          'parts' in o
            ? o
            : ({
                file: o.file,
                student: null,
                parts: {},
                total: 0,
                flags: [],
                flagReasons: {},
                error: o.error,
              } as ScriptGrade),
        ),
        rubric.parts.map((p) => p.id),
        versions !== null,
      )}\n`,
    );
  return 0;
}
