import { Prisma, sha256 } from '@grader/db';
import type { AppContext } from '../context.ts';
import { tooLargeReason } from './limits.ts';
import { unzipPdfs } from './zip.ts';

export interface Incoming {
  name: string;
  bytes: Uint8Array;
}

const PK = [0x50, 0x4b, 0x03, 0x04];
const isZip = (f: Incoming) => f.name.toLowerCase().endsWith('.zip') || PK.every((b, i) => f.bytes[i] === b);

/** PDFs may carry a little junk before the header; readers accept it within the first 1 KB. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** A file name fit to show and store: no folders, no control characters, bounded length. */
export function cleanName(name: string): string {
  const base = name.replaceAll('\\', '/').split('/').pop() ?? 'file';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file';
}

export type SubmissionBrief = { id: string; fileName: string; status: string; fileHash: string };

/**
 * Each PDF (directly or inside a zip) becomes one submission of the exam, stored content-addressed
 * and queued for ingestion. The same bytes again are reported as a duplicate of the first
 * submission, not graded twice. Bad files are rejected with their reason; the rest go through.
 * Everything is unpacked and checked before the first submission is made, so a zip refused whole
 * (too many entries) leaves nothing behind.
 */
export async function acceptUploads(
  ctx: AppContext,
  examId: string,
  uploaderId: string,
  incoming: Incoming[],
): Promise<{
  created: SubmissionBrief[];
  duplicates: SubmissionBrief[];
  rejected: { file: string; reason: string }[];
}> {
  const { config } = ctx;
  const created: SubmissionBrief[] = [];
  const duplicates: SubmissionBrief[] = [];
  const rejected: { file: string; reason: string }[] = [];
  const pdfs: Incoming[] = [];
  for (const f of incoming) {
    if (isZip(f)) {
      const r = unzipPdfs(f.name, f.bytes, {
        maxEntries: config.MAX_UPLOAD_FILES,
        maxEntryBytes: config.MAX_UPLOAD_BYTES,
        maxTotalBytes: config.MAX_UPLOAD_BYTES * 4,
      });
      pdfs.push(...r.files.map((x) => ({ name: cleanName(x.name), bytes: x.bytes })));
      rejected.push(...r.rejected);
    } else pdfs.push({ name: cleanName(f.name), bytes: f.bytes });
  }
  const accepted = pdfs.slice(0, config.MAX_UPLOAD_FILES);
  for (const f of pdfs.slice(config.MAX_UPLOAD_FILES)) {
    rejected.push({ file: f.name, reason: `more than ${config.MAX_UPLOAD_FILES} files in one upload` });
  }
  // The same bytes twice in one request: the first (in upload order) is the submission, the others
  // its duplicates. Distinct files go a few at a time, so storage writes and round trips overlap.
  const firstOf = new Map<string, Incoming>();
  const repeats: { f: Incoming; hash: string }[] = [];
  for (const f of accepted) {
    const hash = sha256(f.bytes);
    if (firstOf.has(hash)) repeats.push({ f, hash });
    else firstOf.set(hash, f);
  }
  const unique = [...firstOf.values()];
  const outcome = new Map<string, SubmissionBrief>();
  let next = 0;
  const lane = async () => {
    while (next < unique.length) {
      const f = unique[next++];
      const r = await acceptOne(f);
      if (r) outcome.set(sha256(f.bytes), r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, unique.length) }, lane));
  for (const { hash } of repeats) {
    const first = outcome.get(hash);
    if (first) duplicates.push(first);
  }
  // report in upload order, whatever order the lanes finished in
  const order = new Map(accepted.map((f, i) => [f.name, i]));
  const byOrder = (a: SubmissionBrief, b: SubmissionBrief) =>
    (order.get(a.fileName) ?? 0) - (order.get(b.fileName) ?? 0);
  created.sort(byOrder);
  return { created, duplicates, rejected };

  async function acceptOne(f: Incoming): Promise<SubmissionBrief | null> {
    if (f.bytes.byteLength === 0) {
      rejected.push({ file: f.name, reason: 'empty file' });
      return null;
    }
    if (f.bytes.byteLength > config.MAX_UPLOAD_BYTES) {
      rejected.push({ file: f.name, reason: tooLargeReason(config.MAX_UPLOAD_BYTES) });
      return null;
    }
    if (!looksLikePdf(f.bytes)) {
      rejected.push({ file: f.name, reason: 'not a PDF (no %PDF- header)' });
      return null;
    }
    const put = await ctx.store.put(f.bytes);
    const select = { id: true, fileName: true, status: true, fileHash: true } as const;
    const existing = await ctx.db.submission.findUnique({
      where: { examId_fileHash: { examId, fileHash: put.hash } },
      select,
    });
    if (existing) {
      // a re-upload of a file whose first upload died before it was queued (the API killed between
      // the row and the queue) queues it now instead of waiting for the reconciler
      if (existing.status === 'uploaded') {
        await ctx.queues.addIngest({ submissionId: existing.id });
        await ctx.db.submission.updateMany({
          where: { id: existing.id, status: 'uploaded' },
          data: { status: 'queued' },
        });
        existing.status = 'queued';
      }
      duplicates.push(existing);
      return existing;
    }
    let sub: SubmissionBrief;
    try {
      sub = await ctx.db.submission.create({
        data: {
          examId,
          fileName: f.name,
          fileHash: put.hash,
          storageKey: put.key,
          byteSize: put.size,
          status: 'uploaded',
          uploadedById: uploaderId,
        },
        select,
      });
    } catch (err) {
      // the same bytes uploaded concurrently by another request
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        const first = await ctx.db.submission.findUnique({
          where: { examId_fileHash: { examId, fileHash: put.hash } },
          select,
        });
        if (first) duplicates.push(first);
        return first;
      }
      throw err;
    }
    try {
      await ctx.queues.addIngest({ submissionId: sub.id });
      await ctx.db.submission.updateMany({
        where: { id: sub.id, status: 'uploaded' },
        data: { status: 'queued' },
      });
      sub.status = 'queued';
    } catch (err) {
      // Redis unavailable: the row stays `uploaded` and the worker's reconciler enqueues it later.
      ctx.log(`enqueue failed for ${sub.id}: ${(err as Error).message}`);
    }
    created.push(sub);
    return sub;
  }
}
