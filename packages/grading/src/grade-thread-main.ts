// Runs inside a thread started by grade-thread.ts: grades the scripts it is sent with the batch's
// rubric and keys (parsed once per batch), exactly as the calling thread would (batch-grader.ts).
import { parentPort } from 'node:worker_threads';
import { batchSetup, gradeWithValues } from './batch-grader.ts';
import type { GradeThreadReply, GradeThreadRequest } from './grade-thread.ts';

const port = parentPort;
if (!port) throw new Error('grade-thread-main.ts must run in a worker thread');

const batches = new Map<number, ReturnType<typeof batchSetup>>();
port.on('message', (msg: GradeThreadRequest) => {
  if (msg.type === 'batch') {
    batches.clear(); // one batch at a time per process is what a worker runs
    batches.set(msg.batch, batchSetup(msg.exam, msg.parameters, msg.yaml, msg.previous));
    return;
  }
  let reply: GradeThreadReply;
  try {
    const setup = batches.get(msg.batch);
    if (!setup) throw new Error(`grade thread: unknown batch ${msg.batch}`);
    const graded = gradeWithValues(setup, msg.extraction, msg.fileName, msg.stored);
    reply = { type: 'graded', batch: msg.batch, index: msg.index, graded };
  } catch (e) {
    reply = { type: 'failed', batch: msg.batch, index: msg.index, error: (e as Error)?.message ?? String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies GradeThreadReply);
