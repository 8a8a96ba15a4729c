// Benchmark of ingestion: text-layer pages, OCR pages (tesseract.js vs Debian's native tesseract on
// the same preprocessed images, against known text), the OCR pool's memory, and the samples.
// Run: npm run bench -w @grader/ingest   (about 2-3 minutes on 2 cores)
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadExam } from '@grader/exam';
import { type Gray, preprocess, rotate, toGrayMax, toPgm } from '../src/image.ts';
import { createOcrPool, ingestPdf, parseRoster } from '../src/index.ts';
import { buildLines } from '../src/layout.ts';
import { ocrEngineFrom } from '../src/ocr.ts';
import { closePdf, openPdf, pageRules, renderRgba, textLayerWords } from '../src/pdf.ts';
import { answeredParts, expectedSamples, SAMPLES_DIR } from '../src/samples.ts';
import { bagRecall } from './recall.ts';

const run = promisify(execFile);
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};
const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
function table(head: string[], rows: (string | number)[][]) {
  const all = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of all.slice(1)) console.log(line(r));
  console.log();
}

/** Bag-of-words recall: the share of the reference's words that the OCR text contains. */
const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((w) => /[a-z0-9]/.test(w));
const recall = (ref: string, got: string): number => bagRecall(wordsOf(ref), wordsOf(got));

/** A scan-like copy: tilted, shaded, grainy, at 150 DPI. */
function degrade(img: Gray, seed: number): Gray {
  const t = rotate(img, 1.2);
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const out = new Uint8Array(t.data.length);
  for (let y = 0; y < t.height; y++) {
    for (let x = 0; x < t.width; x++) {
      const shade = 0.75 + 0.25 * (x / t.width); // a shadow from the left
      const v = t.data[y * t.width + x] * shade + (rnd() - 0.5) * 40;
      out[y * t.width + x] = Math.max(0, Math.min(255, v));
    }
  }
  return { data: out, width: t.width, height: t.height };
}

async function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Native tesseract on a file: its output text, wall time and peak RSS (from GNU time). */
async function nativeTesseract(file: string) {
  const t0 = performance.now();
  const { stdout, stderr } = await run(
    '/usr/bin/time',
    ['-f', 'MAXRSS %M', 'tesseract', file, '-', '--psm', '3', '-l', 'eng'],
    {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 1 << 24,
    },
  );
  const ms = performance.now() - t0;
  const kb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { text: stdout, ms, rssMb: kb / 1024 };
}

async function main() {
  const cores = availableParallelism();
  const exam = loadExam('cs60010-ct3');
  const roster = parseRoster(readFileSync(join(SAMPLES_DIR, 'roster.csv'), 'utf8'));
  const expected = expectedSamples();
  console.log(`# ingest benchmark — ${new Date().toISOString()}, ${cores} cores, node ${process.version}\n`);

  // 1. Text-layer pages: text items + lines, per page.
  const textFiles = expected
    .filter((e) => ['typed', 'latex', 'office'].includes(e.format))
    .map((e) => e.file);
  const perPage: number[] = [];
  // (the drawn rules a text page is read with: its operator list, a cost on top of the text)
  const rulesPerPage: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const f of textFiles) {
      const doc = await openPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, f))), 60);
      for (let n = 1; n <= doc.numPages; n++) {
        const t0 = performance.now();
        const page = await doc.getPage(n);
        buildLines(n, await textLayerWords(page));
        perPage.push(performance.now() - t0);
        const t1 = performance.now();
        await pageRules(page);
        rulesPerPage.push(performance.now() - t1);
      }
      await closePdf(doc);
    }
  }
  const wholeFile: number[] = [];
  for (const f of textFiles) {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES_DIR, f)));
    const t0 = performance.now();
    const s = await ingestPdf(bytes, { exam, roster });
    wholeFile.push((performance.now() - t0) / s.pageCount);
  }
  console.log('## Text-layer pages\n');
  table(
    ['measure', 'pages', 'median ms/page', 'max ms/page'],
    [
      ['text items + lines', perPage.length, fmt(median(perPage), 1), fmt(Math.max(...perPage), 1)],
      [
        'drawn rules (operator list)',
        rulesPerPage.length,
        fmt(median(rulesPerPage), 1),
        fmt(Math.max(...rulesPerPage), 1),
      ],
      [
        'whole ingestPdf (open, header, segment)',
        wholeFile.length,
        fmt(median(wholeFile), 1),
        fmt(Math.max(...wholeFile), 1),
      ],
    ],
  );

  // 2. OCR on pages whose text is known: first pages of the text-layer samples rendered at 200 DPI
  //    (clean) and degraded (tilt, shadow, grain), through our preprocessing; the same images go to
  //    tesseract.js (the pool) and to Debian's tesseract CLI.
  const tmp = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  type Img = { name: string; file: string; pgm: Buffer; truth: string };
  const imgs: Img[] = [];
  for (const f of textFiles.slice(0, 4)) {
    const doc = await openPdf(new Uint8Array(readFileSync(join(SAMPLES_DIR, f))), 60);
    const page = await doc.getPage(1);
    const truth = buildLines(1, await textLayerWords(page))
      .map((l) => l.text)
      .join('\n');
    const r = await renderRgba(page, 200);
    const gray = toGrayMax(r.data, r.width, r.height);
    for (const kind of ['clean', 'degraded'] as const) {
      const src = kind === 'clean' ? gray : degrade(gray, imgs.length + 1);
      const pgm = toPgm(preprocess(src, 200).img);
      const file = join(tmp, `${f}-${kind}.pgm`);
      writeFileSync(file, pgm);
      imgs.push({ name: `${f} p1 ${kind}`, file, pgm, truth });
    }
    await closePdf(doc);
  }

  const base = process.memoryUsage.rss();
  const sampler = await rssSampler();
  const t0 = performance.now();
  const pool = await createOcrPool({ engine: 'tesseract' });
  const startMs = performance.now() - t0;
  const jsRes: { text: string; ms: number }[] = [];
  // latency: one page at a time
  for (const im of imgs) {
    const t = performance.now();
    const r = await pool.recognize(im.pgm);
    jsRes.push({ text: r.words.map((w) => w.text).join(' '), ms: performance.now() - t });
  }
  // throughput: all pages at once on the pool
  const tp0 = performance.now();
  await Promise.all(imgs.map((im) => pool.recognize(im.pgm)));
  const jsThroughput = (performance.now() - tp0) / imgs.length;
  await pool.close();
  const peak = sampler.stop();

  // the same images through PaddleOCR alone and through both engines pooled, one page at a time
  const other: Record<
    'paddle' | 'both',
    { res: { text: string; ms: number }[]; peak: number; base: number }
  > = {
    paddle: { res: [], peak: 0, base: 0 },
    both: { res: [], peak: 0, base: 0 },
  };
  for (const engine of ['paddle', 'both'] as const) {
    const o = other[engine];
    o.base = process.memoryUsage.rss();
    const smp = await rssSampler();
    const p = await createOcrPool({ size: engine === 'both' ? cores : 1, engine });
    for (const im of imgs) {
      const t = performance.now();
      const r = await p.recognize(im.pgm);
      o.res.push({ text: r.words.map((w) => w.text).join(' '), ms: performance.now() - t });
    }
    await p.close();
    o.peak = smp.stop();
  }

  const natRes: { text: string; ms: number; rssMb: number }[] = [];
  for (const im of imgs) natRes.push(await nativeTesseract(im.file));
  const nt0 = performance.now();
  // throughput: as many single-threaded processes as cores
  for (let i = 0; i < imgs.length; i += cores) {
    await Promise.all(imgs.slice(i, i + cores).map((im) => nativeTesseract(im.file)));
  }
  const natThroughput = (performance.now() - nt0) / imgs.length;
  rmSync(tmp, { recursive: true, force: true });

  console.log('## OCR of pages with known text (200 DPI, preprocessed; word recall vs the text layer)\n');
  table(
    [
      'page',
      'tesseract.js recall',
      'tesseract.js s',
      'Paddle recall',
      'Paddle s',
      'pooled recall',
      'pooled s',
      'native recall',
      'native s',
    ],
    imgs.map((im, i) => [
      im.name,
      `${fmt(100 * recall(im.truth, jsRes[i].text), 1)}%`,
      fmt(jsRes[i].ms / 1000),
      `${fmt(100 * recall(im.truth, other.paddle.res[i].text), 1)}%`,
      fmt(other.paddle.res[i].ms / 1000),
      `${fmt(100 * recall(im.truth, other.both.res[i].text), 1)}%`,
      fmt(other.both.res[i].ms / 1000),
      `${fmt(100 * recall(im.truth, natRes[i].text), 1)}%`,
      fmt(natRes[i].ms / 1000),
    ]),
  );
  const avg = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  table(
    [
      'engine',
      'mean word recall',
      'median s/page (one at a time)',
      `s/page with ${cores} in parallel`,
      'peak memory',
    ],
    [
      [
        `tesseract.js 7 (4.0.0_best_int), pool of ${cores}`,
        `${fmt(100 * avg(imgs.map((im, i) => recall(im.truth, jsRes[i].text))), 1)}%`,
        fmt(median(jsRes.map((r) => r.ms)) / 1000),
        fmt(jsThroughput / 1000),
        `${fmt((peak - base) / 2 ** 20, 0)} MB over the process (${fmt(peak / 2 ** 20, 0)} MB RSS); pool start ${fmt(startMs / 1000)} s`,
      ],
      ...(['paddle', 'both'] as const).map((engine) => {
        const o = other[engine];
        return [
          engine === 'paddle'
            ? 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node), 1 instance'
            : 'tesseract.js + Paddle pooled',
          `${fmt(100 * avg(imgs.map((im, i) => recall(im.truth, o.res[i].text))), 1)}%`,
          fmt(median(o.res.map((r) => r.ms)) / 1000),
          '-',
          `${fmt((o.peak - o.base) / 2 ** 20, 0)} MB over the process (${fmt(o.peak / 2 ** 20, 0)} MB RSS)`,
        ];
      }),
      [
        'Debian tesseract 5.3 CLI (eng), 1 thread/process',
        `${fmt(100 * avg(imgs.map((im, i) => recall(im.truth, natRes[i].text))), 1)}%`,
        fmt(median(natRes.map((r) => r.ms)) / 1000),
        fmt(natThroughput / 1000),
        `${fmt(Math.max(...natRes.map((r) => r.rssMb)), 0)} MB per process`,
      ],
    ],
  );

  // 3. The samples end to end: parts found and roll numbers, with OCR time per scanned page
  //    (engine: OCR_ENGINE, else the default).
  const pool2 = await createOcrPool({ engine: ocrEngineFrom(process.env.OCR_ENGINE) });
  console.log(`engine for the samples: ${pool2.engine}\n`);
  const rows: (string | number)[][] = [];
  for (const e of expected) {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES_DIR, e.file)));
    const t = performance.now();
    const s = await ingestPdf(bytes, { exam, roster, ocr: pool2, fileName: e.file });
    const ms = performance.now() - t;
    const want = answeredParts(e);
    const found = want.filter((id) => s.parts[id]).length;
    const ocrPages = s.pages.filter((p) => p.source === 'ocr').length;
    rows.push([
      e.file,
      e.format,
      `${found}/${want.length}`,
      e.student.roll ?? '(none)',
      s.header.roll ?? '-',
      s.header.roll === e.student.roll ? 'yes' : 'no',
      s.header.match?.roll === (e.student.roll ?? undefined)
        ? 'yes'
        : s.header.match
          ? 'WRONG'
          : e.student.roll
            ? 'no'
            : 'n/a',
      ocrPages ? fmt(ms / 1000 / ocrPages) : `${fmt(ms / s.pageCount, 0)} ms`,
    ]);
  }
  await pool2.close();
  console.log('## Samples end to end\n');
  table(
    [
      'file',
      'format',
      'answered parts found',
      'true roll',
      'roll read',
      'exact',
      'roster match',
      's per OCR page',
    ],
    rows,
  );
}

if (existsSync('/usr/bin/tesseract') || process.env.FORCE) {
  await main();
} else {
  console.log('Debian tesseract is not installed: apt-get install -y tesseract-ocr tesseract-ocr-eng');
}
