// Page images for people. The worker renders each once (ingest: every script page; a stack's split:
// every page's thumbnail) and stores it in the blob store (`pageImageName`); the API only reads
// them and loads no PDF renderer. One query answers both who may see the page and where it is
// stored. A page the worker has not stored yet (a script ingested before it stored them, or whose
// rendering failed) is a 409 with Retry-After: the worker's reconciler renders missing pages on
// its next passes, and the client asks again.
import { createHash } from 'node:crypto';
import { type BlobStore, type PageImageSize, Prisma, pageImageName, pageImagesOf } from '@grader/db';
import { type Request, type Response, Router } from 'express';
import { currentUser, roleIn, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { isId } from '../ids.ts';
import { ownedBy } from './identity.ts';

/** seconds a client waits before asking again for a page not rendered yet (a reconciler pass) */
const RETRY_AFTER_S = 30;

/** Every page image of a stored file (the file itself was deleted). */
export async function removePageImages(store: BlobStore, storageKey: string): Promise<void> {
  await store.removeDerived(pageImagesOf(storageKey));
}

/** `3.png` -> 3; anything else (or a page out of range) -> null */
function pageNumber(file: string, digits: number): number | null {
  const m = new RegExp(`^(\\d{1,${digits}})\\.png$`).exec(file);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : null;
}

/**
 * The stored image, with caching headers. Its name is fixed by the stored file's bytes, its page
 * and its size, so its bytes never change: the ETag comes from the name, and a revalidation (304)
 * reads no bytes at all.
 */
async function sendPageImage(ctx: AppContext, req: Request, res: Response, name: string) {
  const etag = `"${createHash('sha256').update(name).digest('base64url').slice(0, 27)}"`;
  res.setHeader('Cache-Control', 'private, max-age=3600');
  res.setHeader('ETag', etag);
  const sent = String(req.headers['if-none-match'] ?? '').split(',');
  if (sent.some((t) => t.trim().replace(/^W\//, '') === etag)) {
    res.status(304).end();
    return;
  }
  const png = await ctx.store.getDerived(name);
  if (!png) {
    res.removeHeader('Cache-Control');
    res.removeHeader('ETag');
    res.setHeader('Retry-After', String(RETRY_AFTER_S));
    throw new HttpError('conflict', 'this page image is not rendered yet; the worker renders it shortly', {
      page: 'not_rendered',
    });
  }
  res.setHeader('Content-Type', 'image/png');
  res.send(png);
}

interface SubmissionPageRow {
  storageKey: string;
  pageFrom: number | null;
  studentId: string | null;
  withdrawn: boolean;
  courseId: string;
  hasPage: boolean;
}

interface StackPageRow {
  storageKey: string;
  pageCount: number | null;
  courseId: string;
}

/**
 * GET /api/submissions/:id/pages/:n.png and GET /api/stacks/:stackId/pages/:n.png. Mounted before
 * the submission and stack routers. Who sees what is access.ts's rule (submissionFor, examFor),
 * decided here from one row: staff of the course see every script; a student only their own
 * confirmed, non-withdrawn one (anyone else: 404); stack thumbnails are for staff.
 */
export function pageImageRoutes(ctx: AppContext) {
  const r = Router();

  r.get('/submissions/:id/pages/:file', async (req, res) => {
    const { id, file } = req.params;
    if (!isId(id)) throw notFound('submission not found');
    const n = pageNumber(file, 4);
    const rows = await ctx.db.$queryRaw<SubmissionPageRow[]>(Prisma.sql`
      SELECT s."storageKey", s."pageFrom", s."studentId", s."withdrawnAt" IS NOT NULL AS withdrawn,
        e."courseId",
        EXISTS (SELECT 1 FROM pages p WHERE p."submissionId" = s.id AND p.page = ${n ?? 0}) AS "hasPage"
      FROM submissions s JOIN exams e ON e.id = s."examId"
      WHERE s.id = ${id}`);
    const sub = rows[0];
    const role = sub ? roleIn(req, sub.courseId) : null;
    const hidden = role === 'student' && (!ownedBy(sub!, currentUser(req).id) || sub!.withdrawn);
    if (!role || hidden) throw notFound('submission not found');
    if (!n || !sub.hasPage) throw notFound('page not found');
    // a script cut from a stack: its page n is page pageFrom + n - 1 of the stored file
    const filePage = (sub.pageFrom ?? 1) + n - 1;
    await sendPageImage(ctx, req, res, pageImageName(sub.storageKey, filePage, 'page'));
  });

  r.get('/stacks/:stackId/pages/:file', async (req, res) => {
    const { stackId, file } = req.params;
    if (!isId(stackId)) throw notFound('stack not found');
    const rows = await ctx.db.$queryRaw<StackPageRow[]>(Prisma.sql`
      SELECT st."storageKey", st."pageCount", e."courseId"
      FROM stacks st JOIN exams e ON e.id = st."examId"
      WHERE st.id = ${stackId}`);
    const stack = rows[0];
    if (!stack) throw notFound('stack not found');
    const role = roleIn(req, stack.courseId);
    if (!role) throw notFound('exam not found');
    if (!STAFF.includes(role)) throw forbidden();
    const n = pageNumber(file, 5);
    if (!n || n > (stack.pageCount ?? 0)) throw notFound('page not found');
    const size: PageImageSize = 'thumb';
    await sendPageImage(ctx, req, res, pageImageName(stack.storageKey, n, size));
  });

  return r;
}
