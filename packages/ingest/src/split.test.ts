// Splitting a stack (a sheet feeder's one PDF of a class's pile) into scripts, and reading one
// script of it as if it were its own file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { ingestPdf } from './ingest.ts';
import { createOcrPool, type OcrPool } from './ocr.ts';
import { buildStack, SAMPLES_DIR } from './samples.ts';
import { findScriptStarts, rangesFromStarts, splitStack, startsFromSignals } from './split.ts';

const exam = loadExam('cs60010-ct3');
const none = { course: false, roll: false, name: false };

describe('starts from header signals', () => {
  it('page 1 always starts; a roll number, a name label or a course line starts another', () => {
    expect(startsFromSignals([none, none])).toEqual([1]);
    expect(
      startsFromSignals([
        none,
        none,
        { ...none, roll: true },
        none,
        { ...none, name: true },
        { ...none, course: true },
      ]),
    ).toEqual([1, 3, 5, 6]);
  });
  it('a course line on every page is a running header, not a start', () => {
    const running = { ...none, course: true };
    expect(startsFromSignals([running, running, { ...running, roll: true }, running])).toEqual([1, 3]);
  });
  it('ranges run to the page before the next start', () => {
    expect(rangesFromStarts([1, 3, 6], 7)).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 5 },
      { from: 6, to: 7 },
    ]);
    expect(rangesFromStarts([1], 1)).toEqual([{ from: 1, to: 1 }]);
  });
});

const files = ['p01.pdf', 'p05.pdf', 'p08.pdf']; // typed, LaTeX, office: two pages each
const stackPath = join(mkdtempSync(join(tmpdir(), 'stack-')), 'stack.pdf');
const haveStack = buildStack(
  files.map((f) => join(SAMPLES_DIR, f)),
  stackPath,
);

describe.skipIf(!haveStack)('a stack of samples (built with pdfunite or mutool)', () => {
  const stack = () => new Uint8Array(readFileSync(stackPath));

  it('finds each script at its header page', async () => {
    expect(await findScriptStarts(stack(), { exam })).toEqual([1, 3, 5]);
    expect(await splitStack(stack(), { exam })).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
      { from: 5, to: 6 },
    ]);
  });

  it('a page range reads as the script alone: same header, pages and parts, numbered from 1', async () => {
    const alone = await ingestPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, 'p05.pdf'))), {
      exam,
      fileName: 'x.pdf',
    });
    const part = await ingestPdf(stack(), { exam, fileName: 'x.pdf', pages: { from: 3, to: 4 } });
    expect(part.sourcePages).toEqual({ from: 3, to: 4 });
    const { sourcePages: _, ...rest } = part;
    // to 1e-6 pt: the tool that built the stack may rewrite the pages' coordinates with other rounding
    const round = (v: unknown): unknown =>
      typeof v === 'number'
        ? Math.round(v * 1e6) / 1e6
        : Array.isArray(v)
          ? v.map(round)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]))
            : v;
    expect(round(rest)).toEqual(round(alone));
  });

  it('a range outside the PDF is refused', async () => {
    const err = await ingestPdf(stack(), { exam, pages: { from: 5, to: 9 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/pages 5-9 are not pages of the PDF \(it has 6\)/);
  });
});

// Five scripts through one sheet feeder: typed, LaTeX, office and a scan (its header read by OCR).
// Slow-ish (the scan's three pages are OCR'd), so it uses the fast tesseract pool.
const five = ['p01.pdf', 'p05.pdf', 'p08.pdf', 'p02.pdf', 'p11.pdf'];
const fivePath = join(mkdtempSync(join(tmpdir(), 'stack5-')), 'stack5.pdf');
const haveFive = buildStack(
  five.map((f) => join(SAMPLES_DIR, f)),
  fivePath,
);

describe.skipIf(!haveFive)('a stack of five scripts: typed, LaTeX, office and scanned pages', () => {
  let pool: OcrPool;
  beforeAll(async () => {
    pool = await createOcrPool({ engine: 'tesseract' });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('finds the five scripts at their header pages, the scan too', async () => {
    const ranges = await splitStack(new Uint8Array(readFileSync(fivePath)), { exam, ocr: pool });
    // p01 2 pages, p05 2, p08 2, p02 3 (scanned), p11 2
    expect(ranges).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
      { from: 5, to: 6 },
      { from: 7, to: 9 },
      { from: 10, to: 11 },
    ]);
    // the scanned script, read from the stack, is the scan uploaded alone: same header, same pages
    const alone = await ingestPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, 'p02.pdf'))), {
      exam,
      fileName: 'p02.pdf',
      ocr: pool,
    });
    const part = await ingestPdf(new Uint8Array(readFileSync(fivePath)), {
      exam,
      fileName: 'p02.pdf',
      ocr: pool,
      pages: { from: 7, to: 9 },
    });
    expect(part.pages.map((p) => p.source)).toEqual(alone.pages.map((p) => p.source));
    expect(part.header.roll).toBe(alone.header.roll);
    expect(Object.keys(part.parts).sort()).toEqual(Object.keys(alone.parts).sort());
  }, 240_000);
});
