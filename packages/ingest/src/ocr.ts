// A pool of tesseract.js workers. Language data comes from the installed @tesseract.js-data/eng
// package (never a CDN: without langPath tesseract.js fetches, and offline that crash is uncatchable).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { ocrCache } from './ocr-cache.ts';
import { fixDigits, type OcrHint, poolReadings } from './ocr-merge.ts';
import { DETECT_MAX_SIDE, type PaddleLine, paddleWords } from './ocr-paddle.ts';
import { createPaddleThread } from './paddle-thread.ts';

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
export type OcrResult = {
  words: OcrWord[];
  conf: number;
  /** when engines were pooled: tesseract's own reading, whose confidence tells a page on its side */
  fast?: { words: OcrWord[]; conf: number };
};

/** Which engine reads image pages: tesseract.js, PaddleOCR, or both pooled line by line. */
export type OcrEngine = 'tesseract' | 'paddle' | 'both';
export const OCR_ENGINES: readonly OcrEngine[] = ['tesseract', 'paddle', 'both'];
/** The default engine, measured on the scanned samples (README); apps pass config's OCR_ENGINE. */
export const DEFAULT_OCR_ENGINE: OcrEngine = 'both';

export type RecognizeOptions = OcrHint & {
  /** a quick probe (rotation detection): the fast engine alone is enough */
  quick?: boolean;
};

export interface OcrPool {
  readonly size: number;
  readonly engine?: OcrEngine;
  /** OCR of one image (PNG, JPEG or PGM bytes); queued until a worker is free. */
  recognize(image: Buffer, opts?: RecognizeOptions): Promise<OcrResult>;
  close(): Promise<void>;
}

export function ocrEngineFrom(value: string | undefined): OcrEngine {
  if (value === undefined || value === '') return DEFAULT_OCR_ENGINE;
  if ((OCR_ENGINES as readonly string[]).includes(value)) return value as OcrEngine;
  throw new Error(`OCR_ENGINE must be one of ${OCR_ENGINES.join(', ')} (got "${value}")`);
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

/** `engine`: the apps pass `@grader/config`'s OCR_ENGINE; a library user passing none gets the default. */
export async function createOcrPool(opts: { size?: number; engine?: OcrEngine } = {}): Promise<OcrPool> {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const engine = opts.engine ?? DEFAULT_OCR_ENGINE;
  const tess = engine === 'paddle' ? null : await tesseractLanes(size);
  // One Paddle instance in its own worker thread, started on the first image page (it costs
  // ~1.4 GB); onnxruntime runs it on one core while tesseract's workers use the others.
  const paddle = engine === 'tesseract' ? null : createPaddleThread();
  let closed = false;
  const cache = ocrCache();
  const readTess = async (image: Buffer): Promise<OcrResult> => {
    if (!tess) throw new Error('no tesseract in this pool');
    return cache('tesseract', image, () =>
      tess.use(async (w) => {
        const res = await w.recognize(image, {}, { blocks: true, text: false });
        return { words: wordsOf(res.data), conf: Math.max(0, Math.min(1, res.data.confidence / 100)) };
      }),
    );
  };
  const readPaddle = async (image: Buffer): Promise<PaddleLine[]> => {
    if (!paddle) throw new Error('no PaddleOCR in this pool');
    // the detector's page size changes what Paddle reads: a cached reading is kept per size
    return cache(`paddle-d${DETECT_MAX_SIDE}`, image, () => paddle.lines(image));
  };
  const confOf = (words: OcrWord[]) => {
    const n = words.reduce((s, w) => s + w.text.length, 0);
    return n ? words.reduce((s, w) => s + w.conf * w.text.length, 0) / n : 0;
  };

  return {
    size,
    engine,
    async recognize(image: Buffer, ro: RecognizeOptions = {}): Promise<OcrResult> {
      if (closed) throw new Error('OCR pool is closed');
      if (engine === 'tesseract' || (engine === 'both' && ro.quick)) return readTess(image);
      if (engine === 'paddle') {
        const words = paddleWords(await readPaddle(image)).map((w) => ({ ...w, text: fixDigits(w.text) }));
        return { words, conf: confOf(words) };
      }
      // Paddle is the second opinion: if it fails on an odd image, tesseract's reading stands
      const [t, p] = await Promise.all([readTess(image), readPaddle(image).catch(() => null)]);
      if (!p) return t;
      const words = poolReadings(t.words, p, ro);
      return { words, conf: confOf(words), fast: t };
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([tess?.close(), paddle?.close()]);
    },
  };
}

async function tesseractLanes(size: number) {
  const workers: Worker[] = await Promise.all(
    Array.from({ length: size }, () =>
      createWorker('eng', OEM.LSTM_ONLY, { langPath: LANG_PATH, cacheMethod: 'none', gzip: true }),
    ),
  );
  // psm 3 (automatic page segmentation) read these pages better than psm 6 in the notes' measurements.
  await Promise.all(workers.map((w) => w.setParameters({ tessedit_pageseg_mode: '3' as never })));
  const idle = [...workers];
  const waiting: Array<(w: Worker) => void> = [];
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
    async use<R>(f: (w: Worker) => Promise<R>): Promise<R> {
      const w = await acquire();
      try {
        return await f(w);
      } finally {
        release(w);
      }
    },
    close: () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined),
  };
}

/**
 * The OCR pool a reading uses: the caller's, or one of its own started only when a page needs OCR
 * (and closed by `closeOwn` when the reading is done; a caller's pool is left open).
 */
export function lazyOcrPool(given?: OcrPool): { get: () => Promise<OcrPool>; closeOwn: () => Promise<void> } {
  let own: Promise<OcrPool> | null = null;
  return {
    get: () => {
      if (given) return Promise.resolve(given);
      own ??= createOcrPool();
      return own;
    },
    closeOwn: async () => {
      if (own) await (await own).close();
    },
  };
}
