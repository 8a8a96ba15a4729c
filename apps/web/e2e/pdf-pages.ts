/** Page images and text lines of a PDF for the contract mock (pdfjs-dist, no network, no eval). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const dir = (p: string) => `${join(PDFJS_DIR, p)}/`;

export interface RenderedPage {
  page: number;
  width: number;
  height: number;
  png: Buffer;
  lines: { text: string; box: { x: number; y: number; w: number; h: number } }[];
}

export async function renderPdf(bytes: Uint8Array, scale = 1.5): Promise<RenderedPage[]> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: dir('standard_fonts'),
    cMapUrl: dir('cmaps'),
    cMapPacked: true,
    wasmUrl: dir('wasm'),
    verbosity: 0,
  } as Parameters<typeof getDocument>[0]);
  const doc = await task.promise;
  const out: RenderedPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp1 = page.getViewport({ scale: 1 });
      const vp = page.getViewport({ scale });
      const cc = (doc as any).canvasFactory.create(Math.ceil(vp.width), Math.ceil(vp.height));
      await page.render({ canvasContext: cc.context, canvas: cc.canvas, viewport: vp } as any).promise;
      const png: Buffer = await cc.canvas.encode('png');
      // text items -> lines (items sharing a baseline), boxes in points, origin top-left
      const tc = await page.getTextContent();
      const rows = new Map<number, { text: string; x1: number; x2: number; y: number; h: number }>();
      for (const it of tc.items as any[]) {
        if (!it.str?.trim()) continue;
        const [, , , d, e, f] = it.transform as number[];
        const h = Math.abs(d) || it.height || 10;
        const y = vp1.height - f - h;
        const key = Math.round(y / 4);
        const r = rows.get(key);
        if (r) {
          r.text += ` ${it.str}`;
          r.x1 = Math.min(r.x1, e);
          r.x2 = Math.max(r.x2, e + it.width);
        } else rows.set(key, { text: it.str, x1: e, x2: e + it.width, y, h });
      }
      const lines = [...rows.values()]
        .sort((a, b) => a.y - b.y)
        .map((r) => ({
          text: r.text.trim(),
          box: { x: r.x1 - 2, y: r.y - 2, w: r.x2 - r.x1 + 4, h: r.h + 4 },
        }));
      out.push({ page: n, width: vp1.width, height: vp1.height, png, lines });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return out;
}
