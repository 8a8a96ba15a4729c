// OCR engines side by side on scanned sample pages transcribed by hand (bench/truth/<file>-<page>.txt):
// tesseract.js alone, PaddleOCR alone, and both pooled, through the same render + preprocessing.
// Run: npm run bench:engines -w @grader/ingest   (scans in samples/; ~2-4 min on 2 cores)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { ocrPage } from '../src/ingest.ts';
import { findLabel, PartTree } from '../src/labels.ts';
import { createOcrPool, type OcrEngine } from '../src/ocr.ts';
import { closePdf, openPdf, pageImages } from '../src/pdf.ts';
import { SAMPLES_DIR } from '../src/samples.ts';
import { bagRecall } from './recall.ts';

const TRUTH = join(import.meta.dirname, 'truth');

const tokens = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((w) => /[a-z0-9]/.test(w));
const numbers = (s: string) => s.match(/[0-9]+(?:\.[0-9]+)?/g) ?? [];

const exam = loadExam('cs60010-ct3');
const tree = new PartTree(exam.parts);
const isLabel = (t: string) => findLabel(t, tree, [], { ocr: true }) !== null;
const files = readdirSync(TRUTH).filter((f) => f.endsWith('.txt'));
const engines = (process.argv[2] ?? 'tesseract,paddle,both').split(',') as OcrEngine[];
const rows: string[][] = [];
for (const engine of engines) {
  const pool = await createOcrPool({ size: 1, engine });
  let wr = 0;
  let nr = 0;
  let lr = 0;
  let secs = 0;
  for (const f of files) {
    const [file, pg] = f.replace('.txt', '').split('-');
    const truth = readFileSync(join(TRUTH, f), 'utf8');
    const doc = await openPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, `${file}.pdf`))), 100);
    const page = await doc.getPage(Number(pg));
    const dpi = (await pageImages(page)).dpi;
    const t0 = performance.now();
    const res = await ocrPage(page, pool, dpi, { isLabel });
    secs += (performance.now() - t0) / 1000;
    await closePdf(doc);
    const text = res.lines.map((l) => l.text).join('\n');
    const w = bagRecall(tokens(truth), tokens(text));
    const n = bagRecall(numbers(truth), numbers(text));
    const wantLabels = truth.split('\n').filter(isLabel).length;
    const l = wantLabels ? res.lines.filter((x) => isLabel(x.text)).length / wantLabels : 1;
    wr += w;
    nr += n;
    lr += Math.min(1, l);
    rows.push([engine, f, (100 * w).toFixed(1), (100 * n).toFixed(1), (100 * Math.min(1, l)).toFixed(0)]);
  }
  const k = files.length;
  rows.push([
    `**${engine}**`,
    `mean, ${(secs / k).toFixed(1)} s/page`,
    (100 * (wr / k)).toFixed(1),
    (100 * (nr / k)).toFixed(1),
    (100 * (lr / k)).toFixed(0),
  ]);
  await pool.close();
}
console.log('| engine | page | word recall % | number recall % | label lines read % |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
