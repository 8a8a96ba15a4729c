// Every odd or broken PDF (pdf.js's own test corpus, in packages/ingest/fixtures/odd-pdfs) is either read (maybe
// with nothing found) or refused with an IngestError: never another exception, never a hang.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractedScript } from '@grader/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { ingestPdf } from './ingest.ts';
import { createOcrPool, type OcrPool } from './ocr.ts';
import { ODD_DIR } from './samples.ts';

const exam = {
  course: { code: 'CS60010', line: '' },
  parts: [
    { id: '1a', path: ['1', 'a'] },
    { id: '5', path: ['5'] },
  ],
};

const files = readdirSync(ODD_DIR).filter((f) => f.toLowerCase().endsWith('.pdf'));
let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ engine: 'tesseract' }); // the Paddle path: ocr-paddle.test.ts
});
afterAll(async () => {
  await pool?.close();
});

describe('odd PDFs', () => {
  it('there are some', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });
  it.each(files)(
    '%s',
    async (file) => {
      const bytes = new Uint8Array(readFileSync(join(ODD_DIR, file)));
      try {
        const s = await ingestPdf(bytes, { exam, ocr: pool, limits: { timeoutMs: 45_000 } });
        // a readable result is a valid, JSON-safe extracted script
        expect(ExtractedScript.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
        expect(s.pages).toHaveLength(s.pageCount);
      } catch (e) {
        expect(e).toBeInstanceOf(IngestError);
        expect((e as IngestError).message).not.toMatch(/\n/);
      }
    },
    60_000,
  );
});
