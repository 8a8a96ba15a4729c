// A stack (a sheet feeder's one PDF of a class's pile) -> where each script starts.
//
// A script starts at a page whose top holds a header: the course line, a roll number or a "Name"
// label, read the way ingestPdf reads a script's header (the same page reading, text layer or OCR,
// and the same header reader). Page 1 always starts a script. There is no PDF writer in the project:
// each script is then read from the stack itself with ingestPdf's `pages: {from, to}`.
import type { Exam } from '@grader/exam';
import type { Line } from '@grader/model';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readHeader } from './header.ts';
import { type PageResult, readPage } from './ingest.ts';
import { findLabel, PartTree } from './labels.ts';
import { readingFrame } from './layout.ts';
import { lazyOcrPool, type OcrPool, type RecognizeOptions } from './ocr.ts';
import { checkBytes, closePdf, openPdf, withTimeout } from './pdf.ts';
import { isVersionLine } from './version-code.ts';

/** A stack is many scripts: larger than one upload may be. */
export const STACK_LIMITS = { maxBytes: 500 * 1024 * 1024, maxPages: 2000 };

/** Time per page of a stack (rendering, OCR, queueing for a shared pool). */
const PAGE_BUDGET_MS = 30_000;

export type SplitOptions = {
  exam: Pick<Exam, 'parts' | 'course'>;
  ocr?: OcrPool;
  limits?: { maxBytes?: number; maxPages?: number };
};

/** One script of a stack: its first and last page, as pages of the stack (1-based, inclusive). */
export type PageRange = { from: number; to: number };

/** What the top of a page says: the course line, a roll number, a name by its label. */
export type HeaderSignals = { course: boolean; roll: boolean; name: boolean };

/** The header fields found in the top 30 % of a read page (the region ingestPdf reads page 1's header from). */
export function headerSignals(page: PageResult, courseCode: string): HeaderSignals {
  const top = page.lines.filter((l: Line) => {
    const f = readingFrame(l, page.info);
    return f.box.y < f.height * 0.3 && !isVersionLine(l.text);
  });
  // no preamble: an unlabelled line of capitalised words (a title, a question) is not taken as a name
  const h = readHeader(top, { courseCode, preamble: [] });
  return { course: h.course !== null, roll: h.roll !== null, name: h.name !== null };
}

/**
 * The pages that start a script, from the signals of every page. A course line printed on every page
 * (a running header) does not mark a start; a roll number or a name label does.
 */
export function startsFromSignals(signals: HeaderSignals[]): number[] {
  const running = signals.length > 1 && signals.every((s) => s.course);
  const starts = [1];
  signals.forEach((s, i) => {
    if (i > 0 && (s.roll || s.name || (s.course && !running))) starts.push(i + 1);
  });
  return starts;
}

/** The page ranges of the scripts that start at `starts` in a stack of `numPages` pages. */
export function rangesFromStarts(starts: number[], numPages: number): PageRange[] {
  return starts.map((from, i) => ({ from, to: (starts[i + 1] ?? numPages + 1) - 1 }));
}

/** The first page of each script in a stack, in order (1-based; always starting with 1). */
export async function findScriptStarts(bytes: Uint8Array, opts: SplitOptions): Promise<number[]> {
  return (await splitStack(bytes, opts)).map((r) => r.from);
}

/** The scripts of a stack as page ranges, in order: each from one start to the page before the next. */
export async function splitStack(bytes: Uint8Array, opts: SplitOptions): Promise<PageRange[]> {
  const limits = { ...STACK_LIMITS, ...opts.limits };
  checkBytes(bytes, limits.maxBytes);
  let doc: PDFDocumentProxy | null = null;
  const ocr = lazyOcrPool(opts.ocr);
  const pool = ocr.get;
  const tree = new PartTree(opts.exam.parts);
  const hint: RecognizeOptions = { isLabel: (t) => findLabel(t, tree, [], { ocr: true }) !== null };
  let cancelled = false;
  try {
    doc = await openPdf(bytes, limits.maxPages);
    const d = doc;
    const signals: HeaderSignals[] = new Array(d.numPages);
    let next = 1;
    const lane = async () => {
      while (next <= d.numPages && !cancelled) {
        const n = next++;
        signals[n - 1] = headerSignals(await readPage(d, n, pool, hint), opts.exam.course.code);
      }
    };
    const lanes = Math.min(d.numPages, (opts.ocr?.size ?? 2) + 1);
    await withTimeout(
      Promise.all(Array.from({ length: lanes }, lane)),
      PAGE_BUDGET_MS * d.numPages,
      'finding the scripts of the stack',
      () => {
        cancelled = true;
      },
    );
    return rangesFromStarts(startsFromSignals(signals), d.numPages);
  } finally {
    await closePdf(doc);
    await ocr.closeOwn();
  }
}
