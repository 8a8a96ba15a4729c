// A regrade's scripts graded on two cores: a helper thread takes scripts from the same queue as the
// calling thread, so a 1,000-script regrade takes about half the time. The thread is started on first
// use and kept (unreferenced while idle) for the next batch; while it starts, the caller grades alone.
// If it fails, the caller grades what it held: a batch never loses a script to the thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Exam } from '@grader/exam';
import type { ExtractedScript } from '@grader/model';
import type { GradedScript } from '@grader/rubric';
import type { StoredGrading } from './batch-grader.ts';
import type { PreviousRubric } from './core.ts';

/** What the caller sends the thread. */
export type GradeThreadRequest =
  | {
      type: 'batch';
      batch: number;
      exam: Exam;
      parameters: Record<string, unknown>;
      yaml: string;
      previous: PreviousRubric | null;
    }
  | {
      type: 'grade';
      batch: number;
      index: number;
      extraction: ExtractedScript;
      fileName: string;
      stored: StoredGrading | null;
    };
/** What the thread answers: `ready` once its modules are loaded, then one reply per script. */
export type GradeThreadReply =
  | { type: 'ready' }
  | { type: 'graded'; batch: number; index: number; graded: GradedScript }
  | { type: 'failed'; batch: number; index: number; error: string };

// From the sources (tsx, vitest) a plain-JS shim registers tsx first; compiled, the entry itself.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./grade-worker.mjs', import.meta.url)
  : new URL('./grade-thread-main.js', import.meta.url);

/** Helper threads for batch grading: one fewer than the cores (the caller grades too), at most 3. */
export function gradeThreadCount(): number {
  const env = process.env.GRADING_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), 8);
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

type Listener = (msg: GradeThreadReply) => void;

/** One helper thread, shared by the batches of this process. */
export interface GradeThread {
  ready: boolean;
  post(msg: GradeThreadRequest): void;
  listen(fn: Listener): () => void;
  /** called when the thread dies: its work in hand is the caller's again */
  onGone(fn: () => void): () => void;
  ref(): void;
  unref(): void;
}

const threads: (GradeThread | null)[] = [];

function start(slot: number): GradeThread {
  const w = new Worker(ENTRY);
  w.unref();
  const listeners = new Set<Listener>();
  const goneListeners = new Set<() => void>();
  const t: GradeThread = {
    ready: false,
    post: (msg) => w.postMessage(msg),
    listen(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onGone(fn) {
      goneListeners.add(fn);
      return () => goneListeners.delete(fn);
    },
    ref: () => w.ref(),
    unref: () => w.unref(),
  };
  w.on('message', (msg: GradeThreadReply) => {
    if (msg.type === 'ready') t.ready = true;
    for (const fn of listeners) fn(msg);
  });
  const gone = () => {
    if (threads[slot] !== t) return;
    threads[slot] = null;
    for (const fn of goneListeners) fn();
  };
  w.on('error', gone);
  w.on('exit', gone);
  return t;
}

/** The helper threads (started now if not yet running); none when this machine has one core. */
export function gradeThreads(): GradeThread[] {
  const n = gradeThreadCount();
  for (let i = 0; i < n; i++) threads[i] ??= start(i);
  return threads.slice(0, n).filter((t): t is GradeThread => t !== null);
}
