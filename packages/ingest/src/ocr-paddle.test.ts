// The PaddleOCR path on one small scan built in the test (offline: models ship in npm packages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPdf } from './ingest.ts';
import { createOcrPool, type OcrPool, ocrEngineFrom } from './ocr.ts';
import { DETECT_MAX_SIDE, detectMaxSide } from './ocr-paddle.ts';
import { imagePdf, scanImage } from './testing-pdf.ts';

const exam = {
  course: { code: 'CS60010', line: 'CS60010 CT 3, 15/3/21' },
  parts: [
    { id: '1a', path: ['1', 'a'] },
    { id: '2', path: ['2'] },
  ],
};
const page = ['Q1 a) the forget gate value is 0.604', '', 'Q2 zero additional parameters'];

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ size: 1, engine: 'paddle' });
});
afterAll(async () => {
  await pool?.close();
});

describe('PaddleOCR engine', () => {
  it('reads a scanned page into labelled parts with boxes in points', { timeout: 60_000 }, async () => {
    const pdf = await imagePdf([scanImage(page, { dpi: 150 })]);
    const s = await ingestPdf(pdf, { exam, ocr: pool });
    expect(pool.engine).toBe('paddle');
    expect(s.pages[0].source).toBe('ocr');
    expect(s.order).toEqual(['1a', '2']);
    expect(s.parts['1a'].text).toMatch(/forget\s*gate/i);
    expect(s.parts['1a'].text).toMatch(/0\.604/);
    expect(s.parts['2'].text).toMatch(/additional/i);
    // drawn from 1 in (72 pt) with its baseline 1 in from the top; the answer follows "Q1 a) "
    const ws = s.parts['1a'].lines[0].words;
    expect(ws[0].box.x).toBeGreaterThan(72);
    expect(ws[0].box.x).toBeLessThan(160);
    expect(ws[0].box.y).toBeGreaterThan(45);
    expect(ws[0].box.y + ws[0].box.h).toBeLessThan(90);
    for (let i = 1; i < ws.length; i++) expect(ws[i].box.x).toBeGreaterThan(ws[i - 1].box.x);
    for (const word of s.parts['1a'].lines.flatMap((l) => l.words)) {
      expect(word.conf).toBeGreaterThanOrEqual(0.5); // Paddle drops lines it scores under 0.5
      expect(word.conf).toBeLessThanOrEqual(1);
    }
  });

  it('leaves the main event loop free while Paddle reads a page', { timeout: 60_000 }, async () => {
    // the pool is warm (previous test): this call is the models running, not their loading
    const image = scanImage(page, { dpi: 150 });
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const start = performance.now();
    const res = await pool.recognize(image);
    const end = performance.now();
    clearInterval(timer);
    expect(res.words.map((w) => w.text).join(' ')).toMatch(/additional/);
    // On the main thread onnxruntime held the loop for ~90 % of such a call in one stretch (the
    // detector); in the worker thread the timer keeps firing throughout. Relative, not a speed.
    const stamps = [start, ...ticks, end];
    const longestStall = Math.max(...stamps.slice(1).map((t, i) => t - stamps[i]));
    expect(ticks.length).toBeGreaterThan(10);
    expect(longestStall).toBeLessThan((end - start) / 2);
  });

  it('pools Paddle with tesseract.js on the same page (engine "both")', { timeout: 90_000 }, async () => {
    const both = await createOcrPool({ size: 1, engine: 'both' });
    try {
      const pdf = await imagePdf([scanImage(page, { dpi: 150 })]);
      const s = await ingestPdf(pdf, { exam, ocr: both });
      expect(s.order).toEqual(['1a', '2']);
      expect(s.parts['1a'].text).toMatch(/0\.604/);
      expect(s.parts['2'].text).toMatch(/additional/i);
    } finally {
      await both.close();
    }
  });

  it('finds lines on a scaled-down 300 DPI page and reads them from the full page, boxes in place', {
    timeout: 60_000,
  }, async () => {
    // 2481 x 3507 px: the detector sees it at DETECT_MAX_SIDE, recognition reads full-size crops
    const image = scanImage(page, { dpi: 300 });
    expect(DETECT_MAX_SIDE).toBeLessThan(3507);
    const res = await pool.recognize(image);
    const text = res.words.map((w) => w.text).join(' ');
    expect(text).toMatch(/0\.604/);
    expect(text).toMatch(/additional/);
    // the first line's baseline is drawn 1 in (300 px) from the top and 1 in from the left
    const first = res.words.find((w) => /forget/i.test(w.text));
    expect(first).toBeDefined();
    expect(first!.y0).toBeGreaterThan(220);
    expect(first!.y1).toBeLessThan(340);
    const q1 = res.words.find((w) => /^Q1/.test(w.text));
    expect(q1!.x0).toBeGreaterThan(270);
    expect(q1!.x0).toBeLessThan(330);
  });

  it('takes the detector size from PADDLE_DETECT_MAX_SIDE and refuses nonsense', () => {
    expect(detectMaxSide(undefined)).toBe(1600);
    expect(detectMaxSide('')).toBe(1600);
    expect(detectMaxSide('0')).toBe(0);
    expect(detectMaxSide('1200')).toBe(1200);
    expect(() => detectMaxSide('100')).toThrow(/PADDLE_DETECT_MAX_SIDE/);
    expect(() => detectMaxSide('big')).toThrow(/PADDLE_DETECT_MAX_SIDE/);
  });

  it('reads the engine from OCR_ENGINE values and refuses others', () => {
    expect(ocrEngineFrom('paddle')).toBe('paddle');
    expect(ocrEngineFrom('tesseract')).toBe('tesseract');
    expect(ocrEngineFrom('both')).toBe('both');
    expect(() => ocrEngineFrom('easyocr')).toThrow(/OCR_ENGINE/);
  });
});
