// A pool of tesseract.js workers. Language data comes from the installed @tesseract.js-data/eng
// package (never a CDN: without langPath tesseract.js fetches, and offline that crash is uncatchable).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);
export const LANG_PATH = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

/** One OCR'd word, in the pixel coordinates of the image given. */
export type OcrWord = {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  conf: number;
  line: number;
};
export type OcrResult = { words: OcrWord[]; conf: number };

export interface OcrPool {
  readonly size: number;
  /** OCR of one image (PNG, JPEG or PGM bytes); queued until a worker is free. */
  recognize(image: Buffer): Promise<OcrResult>;
  close(): Promise<void>;
}

type Page = Awaited<ReturnType<Worker['recognize']>>['data'];

/** Flattens tesseract's block/paragraph/line tree into words tagged with a line number. */
export function wordsOf(page: Page): OcrWord[] {
  const out: OcrWord[] = [];
  let line = 0;
  for (const b of page.blocks ?? []) {
    for (const p of b.paragraphs) {
      for (const l of p.lines) {
        for (const w of l.words) {
          const text = w.text.trim();
          if (!text) continue;
          const { x0, y0, x1, y1 } = w.bbox;
          out.push({ text, x0, y0, x1, y1, conf: Math.max(0, Math.min(1, w.confidence / 100)), line });
        }
        line++;
      }
    }
  }
  return out;
}

export async function createOcrPool(opts: { size?: number } = {}): Promise<OcrPool> {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const workers: Worker[] = await Promise.all(
    Array.from({ length: size }, () =>
      createWorker('eng', OEM.LSTM_ONLY, { langPath: LANG_PATH, cacheMethod: 'none', gzip: true }),
    ),
  );
  // psm 3 (automatic page segmentation) read these pages better than psm 6 in the notes' measurements.
  await Promise.all(workers.map((w) => w.setParameters({ tessedit_pageseg_mode: '3' as never })));
  const idle = [...workers];
  const waiting: Array<(w: Worker) => void> = [];
  let closed = false;

  const acquire = () =>
    new Promise<Worker>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };

  return {
    size,
    async recognize(image: Buffer): Promise<OcrResult> {
      if (closed) throw new Error('OCR pool is closed');
      const w = await acquire();
      try {
        const res = await w.recognize(image, {}, { blocks: true, text: false });
        return { words: wordsOf(res.data), conf: Math.max(0, Math.min(1, res.data.confidence / 100)) };
      } finally {
        release(w);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
