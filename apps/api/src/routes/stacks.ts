// Stacks: one PDF of a class's pile from a sheet feeder. The worker proposes where each script
// starts (@grader/ingest's splitStack); the TA checks the split points on page thumbnails, moves,
// adds or removes some, and confirms; then each script is a submission reading its pages of the
// stack's stored file (no PDF is rewritten).
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StackConfirmBody as ConfirmBody } from '@grader/contract';
import { Prisma, sha256 } from '@grader/db';
import { Router } from 'express';
import multer from 'multer';
import { currentUser, examFor, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, parse } from '../errors.ts';
import { checkIdParams, isId } from '../ids.ts';
import { tooLargeReason } from '../services/limits.ts';
import { cleanName, looksLikePdf } from '../services/upload.ts';
import { isTooLarge, sizeLimitedDiskStorage } from '../services/upload-storage.ts';

/** A stack holds a class's scripts: it may be larger than one script's upload limit. */
const STACK_FACTOR = 20;

type StackRow = Prisma.StackGetPayload<{ include: { submissions: { select: { id: true } } } }>;

function stackView(s: StackRow) {
  const pages = s.pageCount ?? 0;
  return {
    id: s.id,
    examId: s.examId,
    fileName: s.fileName,
    status: s.status,
    statusReason: s.statusReason,
    pageCount: s.pageCount,
    starts: s.starts,
    pages: Array.from({ length: pages }, (_, i) => ({
      page: i + 1,
      thumbUrl: `/api/stacks/${s.id}/pages/${i + 1}.png`,
    })),
    submissions: s.submissions.map((x) => x.id),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

/** Starts a TA may confirm: page 1 first, increasing, each a page of the stack. */
export function checkStarts(starts: number[], pageCount: number): string | null {
  if (starts[0] !== 1) return 'the first script starts on page 1';
  for (let i = 1; i < starts.length; i++)
    if (starts[i] <= starts[i - 1]) return 'split points must increase, one per script';
  if (starts[starts.length - 1] > pageCount) return `the stack has ${pageCount} pages`;
  return null;
}

export function stackRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam', stackId: 'stack' });
  const uploadDir = join(tmpdir(), 'grader-uploads');
  mkdirSync(uploadDir, { recursive: true });
  const maxBytes = ctx.config.MAX_UPLOAD_BYTES * STACK_FACTOR;
  const upload = multer({
    storage: sizeLimitedDiskStorage(uploadDir, maxBytes),
    limits: { files: 1, fields: 5, parts: 6 },
  });

  async function stackFor(req: Parameters<typeof examFor>[1], id: string) {
    const stack = isId(id)
      ? await ctx.db.stack.findUnique({ where: { id }, include: { submissions: { select: { id: true } } } })
      : null;
    if (!stack) throw notFound('stack not found');
    const { exam } = await examFor(ctx, req, stack.examId, STAFF);
    return { stack, exam };
  }

  r.post('/exams/:examId/stacks', async (req, res, next) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    upload.single('file')(req, res, async (err?: unknown) => {
      const f = req.file;
      try {
        if (err) throw err;
        if (!f) throw new HttpError('invalid', 'no file: send the stack PDF as file', { file: 'required' });
        const name = cleanName(f.originalname);
        if (isTooLarge(f)) throw new HttpError('too_large', `${name}: ${tooLargeReason(maxBytes)}`);
        const bytes = await readFile(f.path);
        if (!looksLikePdf(bytes))
          throw new HttpError('invalid', `${name} is not a PDF (no %PDF- header)`, { file: 'not a PDF' });
        const put = await ctx.store.put(bytes);
        const include = { submissions: { select: { id: true } } } as const;
        const existing = await ctx.db.stack.findUnique({
          where: { examId_fileHash: { examId: exam.id, fileHash: put.hash } },
          include,
        });
        if (existing) {
          res.status(200).json({ ...stackView(existing), duplicate: true });
          return;
        }
        const stack = await ctx.db.stack.create({
          data: {
            examId: exam.id,
            fileName: name,
            fileHash: put.hash,
            storageKey: put.key,
            byteSize: put.size,
            uploadedById: currentUser(req).id,
          },
          include,
        });
        await ctx.queues.addSplit({ stackId: stack.id });
        res.status(201).json(stackView(stack));
      } catch (e) {
        next(e);
      } finally {
        if (f?.path) await rm(f.path, { force: true });
      }
    });
  });

  r.get('/exams/:examId/stacks', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const rows = await ctx.db.stack.findMany({
      where: { examId: exam.id },
      include: { submissions: { select: { id: true } } },
      orderBy: { createdAt: 'desc' },
    });
    res.json(rows.map(stackView));
  });

  r.get('/stacks/:stackId', async (req, res) => {
    const { stack } = await stackFor(req, req.params.stackId);
    res.json(stackView(stack));
  });

  // GET /stacks/:stackId/pages/:n.png (thumbnails the worker stored): services/page-images.ts

  // The TA's split points -> one submission per script, queued like any upload; audited with the
  // proposal and what the TA changed.
  r.post('/stacks/:stackId/confirm', async (req, res) => {
    const { stack } = await stackFor(req, req.params.stackId);
    const { starts } = parse(ConfirmBody, req.body, 'split');
    if (stack.status !== 'proposed')
      throw new HttpError(
        'conflict',
        stack.status === 'confirmed'
          ? 'this stack was already split into submissions'
          : `the split points are not ready (the stack is ${stack.status})`,
      );
    const pageCount = stack.pageCount ?? 0;
    const bad = checkStarts(starts, pageCount);
    if (bad) throw new HttpError('invalid', bad, { starts: bad });
    const ranges = starts.map((from, i) => ({ from, to: (starts[i + 1] ?? pageCount + 1) - 1 }));
    const base = stack.fileName;
    const actorId = currentUser(req).id;
    const created = await ctx.db
      .$transaction(async (tx) => {
        const claimed = await tx.stack.updateMany({
          where: { id: stack.id, status: 'proposed' },
          data: { status: 'confirmed', confirmedAt: new Date(), starts },
        });
        if (claimed.count !== 1)
          throw new HttpError('conflict', 'this stack was already split into submissions');
        const subs = [];
        for (const r of ranges) {
          const range = `pages=${r.from}-${r.to}`;
          subs.push(
            await tx.submission.create({
              data: {
                examId: stack.examId,
                fileName: `${base}#${range}`,
                // one script of these bytes: the same stack split the same way is the same script
                fileHash: sha256(Buffer.from(`${stack.fileHash}#${range}`)),
                storageKey: stack.storageKey,
                byteSize: stack.byteSize,
                status: 'uploaded',
                uploadedById: actorId,
                stackId: stack.id,
                pageFrom: r.from,
                pageTo: r.to,
              },
              select: { id: true, fileName: true, status: true },
            }),
          );
        }
        await tx.auditLog.create({
          data: {
            actorId,
            action: 'stack_split',
            examId: stack.examId,
            before: { stackId: stack.id, fileName: stack.fileName, proposed: stack.starts },
            after: { starts, submissions: subs.map((s) => s.id) },
          },
        });
        return subs;
      })
      .catch((e: unknown) => {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
          throw new HttpError('conflict', 'a script with these pages of this stack was already uploaded');
        throw e;
      });
    for (const s of created) {
      try {
        await ctx.queues.addIngest({ submissionId: s.id });
        await ctx.db.submission.updateMany({
          where: { id: s.id, status: 'uploaded' },
          data: { status: 'queued' },
        });
        s.status = 'queued';
      } catch (err) {
        // Redis down: the reconciler enqueues rows left `uploaded`
        ctx.log(`enqueue failed for ${s.id}: ${(err as Error).message}`);
      }
    }
    res.status(201).json({ stackId: stack.id, created });
  });
  return r;
}
