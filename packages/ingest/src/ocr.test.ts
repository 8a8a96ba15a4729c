// The OCR path on scans built in the test (text drawn to pixels, embedded as images).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPdf } from './ingest.ts';
import { createOcrPool, type OcrPool } from './ocr.ts';
import { parseRoster } from './roster.ts';
import { imagePdf, scanImage } from './testing-pdf.ts';

const exam = {
  course: { code: 'CS60010', line: 'CS60010 CT 3, 15/3/21' },
  parts: [
    { id: '1a', path: ['1', 'a'] },
    { id: '1b', path: ['1', 'b'] },
    { id: '2', path: ['2'] },
  ],
};
const roster = parseRoster('roll,name\n20CS10042,Asha Verma\n19EE10103,Lavanya Bhat\n');
const page = [
  'CS60010 CT 3, 15/3/21',
  'Name - Asha Verma      Roll - 20CS10042',
  '',
  'Q1 a) the forget gate is 3',
  'Q1 b) 199 x 199 x 3',
  'Q2 zero additional parameters',
];

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ size: 2, engine: 'tesseract' }); // the Paddle path: ocr-paddle.test.ts
});
afterAll(async () => {
  await pool?.close();
});

describe('ingestPdf on image-only PDFs (OCR)', () => {
  it('reads a scanned page: header, labels, answers, boxes in points, confidences', async () => {
    const pdf = await imagePdf([scanImage(page, { dpi: 200 })]);
    const s = await ingestPdf(pdf, { exam, roster, ocr: pool });
    expect(s.pages[0].source).toBe('ocr');
    expect(s.pages[0].conf).toBeGreaterThan(0.6);
    expect(s.header.roll).toBe('20CS10042');
    expect(s.header.match?.name).toBe('Asha Verma');
    expect(s.order).toEqual(['1a', '1b', '2']);
    expect(s.parts['1a'].text).toMatch(/forget gate is 3/);
    expect(s.parts['1b'].text).toMatch(/199\s*x\s*199\s*x\s*3/);
    expect(s.parts['2'].text).toMatch(/zero additional/);
    // drawn at 1 in + 3 line pitches (2 × 14 pt) from the top: y ≈ 72 + 3 * 28 - 14 points
    const y = s.parts['1a'].lines[0].box.y;
    expect(y).toBeGreaterThan(125);
    expect(y).toBeLessThan(160);
    const c = s.parts['1a'].conf;
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThanOrEqual(1);
  });

  it('turns an upside-down page the right way up', async () => {
    const pdf = await imagePdf([scanImage(page, { dpi: 150, quarter: 2 })]);
    const s = await ingestPdf(pdf, { exam, roster, ocr: pool });
    expect(s.pages[0].rotation).toBe(180);
    expect(s.header.match?.roll).toBe('20CS10042');
    expect(s.order).toContain('1b');
    // boxes are on the original (upside-down) page: the header is now near the bottom
    expect(s.header.region?.box.y ?? 0).toBeGreaterThan(421);
  });
});
