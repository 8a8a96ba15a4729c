import { randomBytes } from 'node:crypto';
import { loadConfig } from '@grader/config';
import { afterAll, describe, expect, it } from 'vitest';
import { createQueues, deleteQueueKeys, GradeJob, IngestJob, jobIds } from './index.ts';

const prefix = `gtest_${randomBytes(4).toString('hex')}`;
const queues = createQueues({ redisUrl: loadConfig().REDIS_URL, prefix, attempts: 2 });

afterAll(async () => {
  await queues.close();
  await deleteQueueKeys(loadConfig().REDIS_URL, prefix);
});

describe('queue payloads', () => {
  it('accept ids only and reject anything else', () => {
    expect(IngestJob.safeParse({ submissionId: 'abc' }).success).toBe(true);
    expect(IngestJob.safeParse({ submissionId: '' }).success).toBe(false);
    expect(GradeJob.safeParse({ submissionId: 'a' }).success).toBe(false);
  });

  it('gives the same work the same job id, so a double enqueue adds one job (real Redis)', async () => {
    await queues.addIngest({ submissionId: 's1' });
    await queues.addIngest({ submissionId: 's1' });
    await queues.addIngest({ submissionId: 's2' });
    expect(await queues.ingest.getWaitingCount()).toBe(2);
    const job = await queues.ingest.getJob(jobIds.ingest({ submissionId: 's1' }));
    expect(job?.data).toEqual({ submissionId: 's1' });
    expect(job?.opts.attempts).toBe(2);
  });
});
