// `npm run worker`: the worker process. Signals are handled here only; the jobs, the reconciler and
// their wiring are @grader/jobs (createWorker).
import { loadConfig } from '@grader/config';
import { createWorker } from '@grader/jobs';

const config = loadConfig();
const worker = await createWorker({ config });
console.log(
  `[worker] ingest x${config.INGEST_CONCURRENCY}, grade x${config.GRADE_CONCURRENCY}, OCR threads ${config.OCR_WORKERS}, prefix "${config.QUEUE_PREFIX}"`,
);
void worker.reconcile().catch(() => {});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing running jobs`);
  const force = setTimeout(() => process.exit(1), 60_000);
  force.unref();
  await worker.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
