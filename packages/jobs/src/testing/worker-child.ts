// A worker process with the fake core, for the reliability tests (killed with SIGKILL mid-batch).
import { loadConfig } from '@grader/config';
import { fakeExtractor, fakeGrading } from '@grader/grading/testing';
import { createWorker } from '../worker.ts';

const worker = await createWorker({
  config: loadConfig(),
  extractor: fakeExtractor({ delayMs: Number(process.env.FAKE_DELAY_MS ?? 100) }),
  grading: fakeGrading,
  log: () => {},
});
process.send?.('ready');
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
