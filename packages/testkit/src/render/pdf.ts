import PDFDocument from 'pdfkit';
import { Rng } from '../rng.ts';
import type { Script } from '../script.ts';
import { randomItemStyle, scriptItems } from './items.ts';
import { renderLatexPdf } from './latex.ts';
import { renderOfficePdfs } from './office.ts';
import { randomScanStyle, renderScan, type ScanPage } from './scan.ts';
import { drawTyped, randomTypedStyle } from './typed.ts';

/** fixed, so that the same seed gives the same bytes */
const CREATED = new Date(Date.UTC(2021, 2, 15, 12, 0, 0));

function addScanPages(doc: PDFKit.PDFDocument, pages: ScanPage[]): void {
  for (const p of pages) {
    doc.addPage({ size: [p.width, p.height], margin: 0 });
    doc.image(p.jpeg, 0, 0, { width: p.width, height: p.height });
  }
}

/** Render one script to PDF bytes, in its format. */
export async function renderScriptPdf(s: Script): Promise<Buffer> {
  const rng = new Rng(s.renderSeed);
  if (s.format === 'latex') return renderLatexPdf(s, rng);
  if (s.format === 'office') return renderOfficeBatch([s]).get(s.file)!;
  const handwritten = s.format !== 'typed';
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: {
      Creator: handwritten ? 'testkit scanner' : 'testkit answer-script',
      Producer: 'grader testkit',
      CreationDate: CREATED,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const itemStyle = randomItemStyle(rng);
  if (s.format === 'typed') {
    drawTyped(doc, scriptItems(s, itemStyle, rng), randomTypedStyle(rng), 1);
  } else if (s.format === 'scan' || s.format === 'phone') {
    addScanPages(
      doc,
      renderScan(scriptItems(s, itemStyle, rng), randomScanStyle(rng, s.format === 'phone'), rng),
    );
  } else {
    // mixed: some answers typed, the rest written by hand and scanned (either order)
    const n = s.blocks.length;
    const cut = Math.max(1, Math.min(n - 1, rng.int(Math.floor(n / 3), Math.ceil((2 * n) / 3))));
    const typedFirst = rng.chance(0.6);
    const first = scriptItems(s, itemStyle, rng, { from: 0, to: cut, header: true });
    const second = scriptItems(s, itemStyle, rng, { from: cut, to: n, header: false });
    const ts = randomTypedStyle(rng);
    const ss = randomScanStyle(rng, false);
    if (typedFirst) {
      const k = drawTyped(doc, first, ts, 1);
      addScanPages(doc, renderScan(second, ss, rng, k + 1));
    } else {
      const pages = renderScan(first, ss, rng, 1);
      addScanPages(doc, pages);
      drawTyped(doc, second, ts, pages.length + 1);
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Office scripts converted in one LibreOffice run: file name -> PDF bytes (empty map for none). */
export function renderOfficeBatch(scripts: Script[]): Map<string, Buffer> {
  if (!scripts.length) return new Map();
  return renderOfficePdfs(scripts.map((script) => ({ script, rng: new Rng(script.renderSeed) })));
}
