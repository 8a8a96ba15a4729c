// The text layer of a PDF as lines per page, read the way ingestion reads typed pages (pdfjs-dist,
// no OCR): for checking what a generated PDF (a question paper, a test script) says.
import type { Line } from '@grader/model';
import { buildPageLines } from './columns.ts';
import { checkBytes, closePdf, DEFAULT_LIMITS, openPdf, pageSize, textLayerWords } from './pdf.ts';

/** Every page's text-layer lines, in reading order (a page without a text layer gives none). */
export async function readTextLayer(bytes: Uint8Array): Promise<Line[][]> {
  checkBytes(bytes, DEFAULT_LIMITS.maxBytes);
  const doc = await openPdf(bytes, DEFAULT_LIMITS.maxPages);
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = pageSize(page);
      pages.push(buildPageLines(n, await textLayerWords(page), width, height));
    }
    return pages;
  } finally {
    await closePdf(doc);
  }
}
