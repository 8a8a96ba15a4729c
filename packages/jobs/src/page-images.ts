// Page images for people, rendered once here (the worker) and stored beside the PDF in the blob
// store; the API only reads them and never loads a PDF renderer. Ingest stores each script page
// (`page` size), a stack split each page's thumbnail (`thumb`); the reconciler backfills files
// stored before this existed, or whose rendering failed.
import { type BlobStore, type Db, PAGE_IMAGE_DPI, type PageImageSize, pageImageName } from '@grader/db';
import { renderInThread } from './render-thread.ts';

/** PNG of one page (1-based) of a PDF at a DPI. */
export type PageRenderer = (bytes: Uint8Array, page: number, dpi: number) => Promise<Buffer>;

/**
 * @grader/ingest's renderer (pdfjs + canvas, 2,400 px cap on the longest side), in a thread of its
 * own (render-thread.ts) so drawing a page never blocks the worker's jobs.
 */
export const ingestRenderer: PageRenderer = renderInThread;

export interface PageImageContext {
  db: Db;
  store: BlobStore;
  /** absent: ingestRenderer */
  renderPage?: PageRenderer;
  log: (msg: string) => void;
}

/**
 * Renders and stores the given pages of a stored file that are not stored yet (a rerun renders
 * nothing twice); the file's bytes are read only if a page is missing. Returns how many it stored.
 */
export async function storePageImages(
  ctx: Pick<PageImageContext, 'store' | 'renderPage'>,
  file: { storageKey: string; bytes?: Uint8Array },
  filePages: number[],
  size: PageImageSize,
  maxRenders = Number.POSITIVE_INFINITY,
): Promise<number> {
  const render = ctx.renderPage ?? ingestRenderer;
  let bytes = file.bytes;
  let stored = 0;
  for (const p of filePages) {
    if (stored >= maxRenders) break;
    const name = pageImageName(file.storageKey, p, size);
    if (await ctx.store.hasDerived(name)) continue;
    bytes ??= await ctx.store.get(file.storageKey);
    await ctx.store.putDerived(name, await render(bytes, p, PAGE_IMAGE_DPI[size]));
    stored++;
  }
  return stored;
}

/** The stored file's pages of a script: a script cut from a stack starts at its `pageFrom`. */
export const filePagesOf = (pageFrom: number | null, scriptPages: number[]) =>
  scriptPages.map((n) => (pageFrom ?? 1) + n - 1);

/** Where the backfill got to, per store: it walks every row in id order, a batch per pass. */
const cursors = new WeakMap<BlobStore, { submission: string; stack: string }>();

/**
 * One backfill pass (the reconciler runs it): the next `batch` extracted submissions and stacks
 * with a proposal, in id order, each given the page images it lacks; at most `maxRenders` pages
 * rendered per pass so the pass stays short. At the end of the rows it starts again from the first
 * (a stat per page: cheap), so an image lost or never made is made within one round.
 */
export async function backfillPageImages(
  ctx: PageImageContext,
  opts: { batch?: number; maxRenders?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? 200;
  let budget = opts.maxRenders ?? 40;
  const at = cursors.get(ctx.store) ?? { submission: '', stack: '' };
  cursors.set(ctx.store, at);
  let rendered = 0;
  const subs = await ctx.db.submission.findMany({
    where: { id: { gt: at.submission }, status: { in: ['grading', 'graded', 'needs_review'] } },
    select: { id: true, storageKey: true, pageFrom: true, pages: { select: { page: true } } },
    orderBy: { id: 'asc' },
    take: batch,
  });
  for (const s of subs) {
    if (budget <= 0) break;
    const pages = filePagesOf(
      s.pageFrom,
      s.pages.map((p) => p.page),
    );
    const n = await storePageImages(ctx, s, pages, 'page', budget).catch((err: Error) => {
      ctx.log(`page images of submission ${s.id}: ${err.message}`);
      return 0;
    });
    budget -= n;
    rendered += n;
    // a submission left half done (budget spent) is taken up again next pass
    if (budget > 0) at.submission = s.id;
  }
  if (subs.length < batch && budget > 0) at.submission = '';
  const stacks = await ctx.db.stack.findMany({
    where: { id: { gt: at.stack }, status: { in: ['proposed', 'confirmed'] }, pageCount: { gt: 0 } },
    select: { id: true, storageKey: true, pageCount: true },
    orderBy: { id: 'asc' },
    take: batch,
  });
  for (const st of stacks) {
    if (budget <= 0) break;
    const pages = Array.from({ length: st.pageCount ?? 0 }, (_, i) => i + 1);
    const n = await storePageImages(ctx, st, pages, 'thumb', budget).catch((err: Error) => {
      ctx.log(`thumbnails of stack ${st.id}: ${err.message}`);
      return 0;
    });
    budget -= n;
    rendered += n;
    if (budget > 0) at.stack = st.id;
  }
  if (stacks.length < batch && budget > 0) at.stack = '';
  return rendered;
}
