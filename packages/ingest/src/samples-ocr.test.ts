// Two scanned samples through OCR (slow: kept to two files). A mixed file (typed page + scans) and
// a handwriting-style scan on ruled paper.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPdf } from './ingest.ts';
import { createOcrPool, type OcrPool } from './ocr.ts';
import { parseRoster } from './roster.ts';
import { answeredParts, expectedSamples, SAMPLES_DIR } from './samples.ts';

const exam = loadExam('cs60010-ct3');
const roster = parseRoster(readFileSync(join(SAMPLES_DIR, 'roster.csv'), 'utf8'));
const expected = new Map(expectedSamples().map((e) => [e.file, e]));
let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ engine: 'tesseract' }); // the Paddle path: ocr-paddle.test.ts
});
afterAll(async () => {
  await pool?.close();
});
const run = (file: string) =>
  ingestPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, file))), {
    exam,
    roster,
    ocr: pool,
    fileName: file,
  });

describe('scanned samples (OCR)', () => {
  it('p09 (typed page 1, scanned pages 2-4): all parts, roll matched', async () => {
    const e = expected.get('p09.pdf');
    if (!e) throw new Error('p09.pdf missing from expected.json');
    const s = await run('p09.pdf');
    expect(s.pages.map((p) => p.source)).toEqual(['text', 'ocr', 'ocr', 'ocr']);
    expect(s.header.match?.roll).toBe(e.student.roll);
    for (const id of answeredParts(e)) expect(s.parts[id], id).toBeDefined();
    // scanned parts carry OCR confidence below a clean text layer's
    expect(s.parts['5'].conf).toBeLessThan(1);
    expect(s.parts['1a'].conf).toBe(1);
    expect(s.parts['5'].text).toMatch(/3,?088,?878/);
  });

  it('p12 (scan, ruled paper): roll matched, most parts found', async () => {
    const e = expected.get('p12.pdf');
    if (!e) throw new Error('p12.pdf missing from expected.json');
    const s = await run('p12.pdf');
    expect(s.pages.every((p) => p.source === 'ocr')).toBe(true);
    expect(s.header.roll).toBe(e.student.roll);
    expect(s.header.match?.roll).toBe(e.student.roll);
    const found = answeredParts(e).filter((id) => s.parts[id]);
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(s.parts['1b.i']?.text ?? '').toMatch(/0\.7, 0\.2, 0\.05/);
  });
});
