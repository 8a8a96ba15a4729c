// A regrade's grader: every script graded once and the flags that compare scripts with each other
// (similarity) computed once over the whole batch at the end. The result equals `prepare` per script
// with `batchFlags` over the batch (what a grade job and the exam's flag refresh store), without
// grading every script a second time for the flags. A large batch is graded on the helper threads
// (grade-thread.ts) and the calling thread together, from one queue.
import { computeKeys, type Exam, examParameters } from '@grader/exam';
import type { ExtractedScript, PartGrade, ScriptGrade } from '@grader/model';
import { applyFlags, type GradedScript, gradeScript, parseRubric, unchangedParts } from '@grader/rubric';
import type { PreviousRubric, Readings } from './core.ts';
import { type GradeThread, type GradeThreadReply, gradeThreads } from './grade-thread.ts';
import { withAnswerValues } from './values.ts';

/** A script's stored grade under the previous rubric, and what that grading read. */
export interface StoredGrading {
  parts: Record<string, PartGrade>;
  readings: Readings;
}

export interface BatchGrader {
  /** queue one script (a helper thread may start on it at once); with its stored grading under
   *  the batch's previous rubric, only the parts the edit can change are graded again */
  add(extraction: ExtractedScript, fileName: string, stored?: StoredGrading | null): void;
  /** every added script's grade and readings, in order, with the flags across the batch; the
   *  calling thread grades its share in slices of SLICE_MS, yielding between them */
  finish(): Promise<{ grade: ScriptGrade; readings: Readings }[]>;
}

/** The rubric and keys a batch is graded with (here and in the helper threads). */
export function batchSetup(
  exam: Exam,
  parameters: Record<string, unknown>,
  yaml: string,
  previous?: PreviousRubric | null,
) {
  const keysFor = (p: Record<string, unknown>) => {
    const overrides = p as Parameters<typeof computeKeys>[1];
    return {
      keys: computeKeys(exam, overrides),
      params: examParameters(exam, overrides),
      reviewThreshold: exam.reviewThreshold,
    };
  };
  const rubric = parseRubric(yaml);
  const ctx = keysFor(parameters);
  // parts kept from a stored grading: those whose section and referred keys the edit left alone
  const unchanged = previous
    ? unchangedParts(parseRubric(previous.yaml), keysFor(previous.parameters), rubric, ctx)
    : new Set<string>();
  return { rubric, ctx, unchanged };
}

/** One script graded, each part with the values read in its answer (as every stored grade has). */
export function gradeWithValues(
  setup: ReturnType<typeof batchSetup>,
  extraction: ExtractedScript,
  fileName: string,
  stored?: StoredGrading | null,
): GradedScript {
  const previous = stored && setup.unchanged.size ? { unchanged: setup.unchanged, ...stored } : undefined;
  const g = gradeScript(setup.rubric, setup.ctx, extraction, fileName, previous);
  return { ...g, grade: withAnswerValues(g.grade, extraction) };
}

/** Below this many scripts the helper threads are not worth starting. */
const THREADS_FROM = 64;
/** Scripts each helper thread holds at a time (sent ahead, so it never waits for the caller). */
const IN_FLIGHT = 4;
const SLICE_MS = 20;
const yieldLoop = () => new Promise<void>((r) => setImmediate(r));
let batchIds = 0;

/** The batch grader of an exam without versions (with versions: grade with `prepare`). */
export function createBatchGrader(
  exam: Exam,
  parameters: Record<string, unknown>,
  yaml: string,
  opts: { threads?: () => GradeThread[]; previous?: PreviousRubric | null } = {},
): BatchGrader {
  const previous = opts.previous ?? null;
  const setup = batchSetup(exam, parameters, yaml, previous);
  const batch = ++batchIds;
  const scripts: { extraction: ExtractedScript; fileName: string; stored: StoredGrading | null }[] = [];
  const graded: (GradedScript | undefined)[] = [];
  let next = 0; // the first script nobody has taken
  const mine: number[] = []; // scripts a thread gave back (it failed or died): the caller grades them
  const helpers: { t: GradeThread; held: Set<number>; off: (() => void)[] }[] = [];
  let settle: (() => void) | null = null;

  const feed = (h: (typeof helpers)[number]) => {
    if (!h.t.ready) return;
    while (h.held.size < IN_FLIGHT && next < scripts.length) {
      const index = next++;
      h.held.add(index);
      const s = scripts[index];
      h.t.post({
        type: 'grade',
        batch,
        index,
        extraction: s.extraction,
        fileName: s.fileName,
        stored: setup.unchanged.size ? s.stored : null,
      });
    }
    if (h.held.size) h.t.ref();
    else h.t.unref();
  };
  const release = (h: (typeof helpers)[number]) => {
    for (const off of h.off) off();
    h.t.unref();
  };
  const startHelpers = () => {
    for (const t of (opts.threads ?? gradeThreads)()) {
      const h = { t, held: new Set<number>(), off: [] as (() => void)[] };
      t.post({ type: 'batch', batch, exam, parameters, yaml, previous });
      h.off.push(
        t.listen((msg: GradeThreadReply) => {
          if (msg.type === 'ready') return feed(h);
          if (msg.batch !== batch || !h.held.delete(msg.index)) return;
          if (msg.type === 'graded') graded[msg.index] = msg.graded;
          else mine.push(msg.index);
          feed(h);
          settle?.();
        }),
        t.onGone(() => {
          mine.push(...h.held);
          h.held.clear();
          release(h);
          helpers.splice(helpers.indexOf(h), 1);
          settle?.();
        }),
      );
      helpers.push(h);
    }
  };

  return {
    add(extraction, fileName, stored) {
      scripts.push({ extraction, fileName, stored: stored ?? null });
      if (scripts.length === THREADS_FROM && helpers.length === 0) startHelpers();
      for (const h of helpers) feed(h);
    },
    async finish() {
      let slice = performance.now();
      const gradeHere = async (index: number) => {
        if (performance.now() - slice > SLICE_MS) {
          await yieldLoop();
          slice = performance.now();
        }
        const s = scripts[index];
        graded[index] = gradeWithValues(setup, s.extraction, s.fileName, s.stored);
      };
      for (;;) {
        if (mine.length) await gradeHere(mine.pop()!);
        else if (next < scripts.length) await gradeHere(next++);
        else if (helpers.some((h) => h.held.size)) await new Promise<void>((r) => (settle = r));
        else break;
        settle = null;
      }
      for (const h of [...helpers]) release(h);
      const all = graded as GradedScript[];
      return applyFlags(
        all,
        scripts.map((s) => s.extraction),
        setup.rubric,
      ).map((grade, i) => ({ grade, readings: all[i].readings }));
    },
  };
}
