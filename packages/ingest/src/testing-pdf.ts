// Test fixtures: PDFs built on the fly with pdfkit (text layer) and @napi-rs/canvas (scans).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadExam } from '@grader/exam';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { ingestPdf } from './ingest.ts';
import type { Roster } from './roster.ts';

const require = createRequire(import.meta.url);
/** DejaVu Sans has ⊙ × σ ∂ →, which the PDF standard fonts lack. */
export const DEJAVU = join(
  dirname(require.resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSans.ttf',
);

type Opts = PDFKit.PDFDocumentOptions;

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * A typed PDF: one array of lines per page, in DejaVu Sans 12 pt; "@foot " puts a line at the page
 * foot, and "~~…~~" in a line is drawn struck through.
 */
export function textPdf(pages: string[][], opts: Opts = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, autoFirstPage: false, ...opts });
  doc.registerFont('dejavu', DEJAVU);
  for (const lines of pages) {
    doc.addPage();
    doc.font('dejavu').fontSize(12);
    let y = 72;
    for (const l of lines) {
      if (l.startsWith('@foot ')) {
        doc.text(l.slice(6), 280, 800, { lineBreak: false });
        continue;
      }
      const indent = l.length - l.trimStart().length;
      // ("~~0.62~~": drawn struck through, as a word processor strikes it out)
      const pieces = l.trimStart().split(/~~([^~]+)~~/);
      doc.text('', 72 + indent * 6, y, { lineBreak: false, continued: true });
      pieces.forEach((text, k) => {
        if (text) doc.text(text, { lineBreak: false, strike: k % 2 === 1, continued: k < pieces.length - 1 });
      });
      y += 20;
    }
  }
  return collect(doc);
}

/**
 * A two-column typed page (as LaTeX `twocolumn` sets it): a full-width title, then the left column's
 * lines and the right column's lines side by side, word by word so that rows of both columns share
 * baselines, as a justified layout gives them.
 */
export function twoColumnPdf(
  title: string | string[],
  left: string[],
  right: string[],
  opts: {
    /** extra indent of row i (displayed maths starts its rows anywhere) */
    indent?: (i: number) => number;
    /** the first column row's y, and the step between rows */
    top?: number;
    step?: number;
  } = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, autoFirstPage: false });
  doc.registerFont('dejavu', DEJAVU);
  doc.addPage();
  doc.font('dejavu').fontSize(10);
  const titles = typeof title === 'string' ? [title] : title;
  titles.forEach((t, i) => {
    // a title of several lines is centred across both columns
    const x = titles.length > 1 ? (595 - doc.widthOfString(t)) / 2 : 50;
    doc.text(t, x, 50 + i * 14, { lineBreak: false });
  });
  const top = opts.top ?? 76 + titles.length * 14;
  const step = opts.step ?? 14;
  const put = (lines: string[], x0: number) => {
    lines.forEach((l, i) => {
      let x = x0 + (opts.indent?.(i) ?? 0);
      for (const w of l.split(' ')) {
        doc.text(w, x, top + i * step, { lineBreak: false });
        x += doc.widthOfString(w) + doc.widthOfString(' ');
      }
    });
  };
  put(left, 50);
  put(right, 310);
  return collect(doc);
}

/** A page of text drawn as pixels (dark ink on off-white), as a scanner would give it. */
export function scanImage(lines: string[], opts: { dpi?: number; quarter?: number } = {}): Buffer {
  GlobalFonts.registerFromPath(DEJAVU, 'DejaVu Test');
  const dpi = opts.dpi ?? 200;
  const w = Math.round(8.27 * dpi);
  const h = Math.round(11.69 * dpi);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f1ea';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#202020';
  const px = Math.round((14 / 72) * dpi);
  ctx.font = `${px}px "DejaVu Test"`;
  lines.forEach((l, i) => {
    ctx.fillText(l, dpi, dpi + i * px * 2);
  });
  const q = (((opts.quarter ?? 0) % 4) + 4) % 4;
  if (q === 0) return canvas.toBuffer('image/png');
  // turned by q clockwise quarters, as a page fed sideways or upside down
  const rw = q % 2 ? h : w;
  const rh = q % 2 ? w : h;
  const out = createCanvas(rw, rh);
  const c2 = out.getContext('2d');
  c2.translate(rw / 2, rh / 2);
  c2.rotate((q * Math.PI) / 2);
  c2.drawImage(canvas, -w / 2, -h / 2);
  return out.toBuffer('image/png');
}

/** An image-only PDF: each image fills an A4 page (portrait or landscape as the image is). */
export function imagePdf(images: Buffer[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const img of images) {
    const land = img.readUInt32BE(16) > img.readUInt32BE(20); // PNG IHDR width > height
    const [pw, ph] = land ? [842, 595] : [595, 842];
    doc.addPage({ size: [pw, ph], margin: 0 });
    doc.image(img, 0, 0, { width: pw, height: ph });
  }
  return collect(doc);
}

/** A script of the free-form corpus (packages/testkit/freeform/pdf), read for CT3 as the grader reads it. */
export function freeformScript(name: string, roster?: Roster) {
  return ingestPdf(readFileSync(new URL(`../../testkit/freeform/pdf/${name}`, import.meta.url)), {
    exam: loadExam('cs60010-ct3'),
    fileName: name,
    ...(roster ? { roster } : {}),
  });
}
