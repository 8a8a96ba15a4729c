// Ingestion of the handwriting corpus (packages/testkit/handwriting: Hershey hands, new label styles,
// scans and phone photos), per page: time and peak memory per engine, and how far each stage gets —
// labels located, answered parts found, numbers read (anywhere, and inside the right part), roll
// numbers — with the phone-photo step (page found, rectified, flattened) off and on.
// Run: npm run bench:handwriting -w @grader/ingest [-- tesseract,both] [--split tune|heldout|all]
// Each engine × step setting runs in its own process (peak RSS is that process's).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExam } from '@grader/exam';
import { toGrayMax } from '../src/image.ts';
import { createOcrPool, ingestPdf, parseRoster } from '../src/index.ts';
import { ocrEngineFrom } from '../src/ocr.ts';
import { detectPage } from '../src/page-detect.ts';
import { closePdf, openPdf, pageImages, renderRgba } from '../src/pdf.ts';
import { REPO_ROOT } from '../src/samples.ts';
import { bagRecall } from './recall.ts';

const CORPUS = join(REPO_ROOT, 'packages/testkit/handwriting');
const SPLITS = ['tune', 'heldout'] as const;

type TruthBlock = { part: string; label: string; lines: string[]; numbers: string[] };
type Truth = {
  file: string;
  format: 'scan' | 'phone';
  hand: string;
  labelStyle: string;
  student: { name: string | null; roll: string | null } | null;
  answered: string[];
  blocks: TruthBlock[];
};

/** Numbers as the corpus writes them in truth.json: grouping commas out, `.05` -> `0.05`. */
const numbersIn = (text: string): string[] =>
  (text.match(/\d+(?:,\d{2,3})*(?:\.\d+)?|\.\d+/g) ?? []).map((n) => {
    const s = n.replace(/,/g, '');
    return s.startsWith('.') ? `0${s}` : s;
  });

type FileResult = {
  split: string;
  file: string;
  format: string;
  pages: number;
  seconds: number;
  rectified: number;
  labelled: number;
  labelsFound: number;
  answered: number;
  answeredFound: number;
  extra: number;
  numbers: number;
  numbersRead: number;
  numbersInPart: number;
  rollExact: boolean;
  rollMatched: boolean;
};

async function child(splits: string[]): Promise<void> {
  const exam = loadExam('cs60010-ct3');
  const engine = ocrEngineFrom(process.env.OCR_ENGINE);
  const detectOn = process.env.OCR_PAGE_DETECT !== '0';
  const pool = await createOcrPool({ engine });
  const out: FileResult[] = [];
  for (const split of splits) {
    const dir = join(CORPUS, split);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth[];
    const roster = parseRoster(readFileSync(join(dir, 'roster.csv'), 'utf8'));
    const only = process.env.BENCH_FORMAT;
    for (const t of truth.filter((x) => !only || x.format === only)) {
      const bytes = new Uint8Array(readFileSync(join(dir, t.file)));
      const t0 = performance.now();
      const s = await ingestPdf(bytes, {
        exam,
        roster,
        ocr: pool,
        fileName: t.file,
        limits: { timeoutMs: 600_000 },
      });
      const seconds = (performance.now() - t0) / 1000;
      // how many pages the photo step rectified (outside the timing)
      let rectified = 0;
      if (detectOn) {
        const doc = await openPdf(bytes, 60);
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const dpi = Math.round(Math.min(300, Math.max(150, (await pageImages(page)).dpi ?? 300)));
          const r = await renderRgba(page, dpi);
          if (detectPage(toGrayMax(r.data, r.width, r.height)).found) rectified++;
        }
        await closePdf(doc);
      }
      const found = new Set(Object.keys(s.parts));
      const labelled = [...new Set(t.blocks.map((b) => b.part))];
      const allText = [
        ...Object.values(s.parts).flatMap((p) => p.lines.map((l) => l.text)),
        ...s.unlabelled.map((l) => l.text),
      ].join('\n');
      const want = t.blocks.filter((b) => t.answered.includes(b.part)).flatMap((b) => b.numbers);
      let inPart = 0;
      for (const b of t.blocks) {
        if (!t.answered.includes(b.part) || !b.numbers.length) continue;
        const p = s.parts[b.part];
        if (p) inPart += bagRecall(b.numbers, numbersIn(p.text)) * b.numbers.length;
      }
      out.push({
        split,
        file: t.file,
        format: t.format,
        pages: s.pageCount,
        seconds,
        rectified,
        labelled: labelled.length,
        labelsFound: labelled.filter((p) => found.has(p)).length,
        answered: t.answered.length,
        answeredFound: t.answered.filter((p) => found.has(p)).length,
        extra: [...found].filter((p) => !labelled.includes(p)).length,
        numbers: want.length,
        numbersRead: Math.round(bagRecall(want, numbersIn(allText)) * want.length),
        numbersInPart: Math.round(inPart),
        rollExact: s.header.roll === (t.student?.roll ?? null),
        rollMatched: s.header.match?.roll === t.student?.roll,
      });
      process.stderr.write(
        `  ${engine} step ${detectOn ? 'on' : 'off'} ${split}/${t.file} ${seconds.toFixed(1)} s\n`,
      );
    }
  }
  await pool.close();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ engine, detectOn, peakMb, files: out })}\n`);
}

type Run = { engine: string; detectOn: boolean; peakMb: number; files: FileResult[] };

function pct(a: number, b: number): string {
  return b ? `${a}/${b} (${((100 * a) / b).toFixed(0)}%)` : '-';
}

function report(runs: Run[]): void {
  const head = [
    'engine',
    'photo step',
    'format',
    'pages',
    'rectified',
    's/page',
    'peak RSS',
    'labels located',
    'answered parts found',
    'extra parts',
    'numbers read',
    'numbers in the right part',
    'rolls exact / matched',
  ];
  const rows: string[][] = [];
  for (const r of runs) {
    for (const format of ['scan', 'phone']) {
      const fs = r.files.filter((f) => f.format === format);
      if (!fs.length) continue;
      const sum = (k: keyof FileResult) => fs.reduce((s, f) => s + Number(f[k]), 0);
      rows.push([
        r.engine,
        r.detectOn ? 'on' : 'off',
        format,
        String(sum('pages')),
        r.detectOn ? String(sum('rectified')) : '-',
        (sum('seconds') / sum('pages')).toFixed(2),
        `${(r.peakMb / 1024).toFixed(2)} GB`,
        pct(sum('labelsFound'), sum('labelled')),
        pct(sum('answeredFound'), sum('answered')),
        String(sum('extra')),
        pct(sum('numbersRead'), sum('numbers')),
        pct(sum('numbersInPart'), sum('numbers')),
        `${fs.filter((f) => f.rollExact).length}/${fs.length} / ${fs.filter((f) => f.rollMatched).length}/${fs.length}`,
      ]);
    }
  }
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('\nper file (answered parts found, numbers read):');
  const files = [...new Set(runs[0]?.files.map((f) => `${f.split}/${f.file}`) ?? [])];
  for (const f of files) {
    const cells = runs.map((r) => {
      const x = r.files.find((y) => `${y.split}/${y.file}` === f);
      return x
        ? `${r.engine}/${r.detectOn ? 'on' : 'off'} ${x.answeredFound}/${x.answered} ${x.numbersRead}/${x.numbers}`
        : '';
    });
    const x = runs[0].files.find((y) => `${y.split}/${y.file}` === f)!;
    console.log(`  ${f} (${x.format}, ${x.pages} p): ${cells.join('  ')}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const split = opt('split', 'all');
  const splits = split === 'all' ? [...SPLITS] : [split];
  if (args.includes('--child')) return child(splits);
  const engines = (args.find((a) => !a.startsWith('--') && a !== split) ?? 'tesseract,both').split(',');
  const self = fileURLToPath(import.meta.url);
  const runs: Run[] = [];
  console.log(`# handwriting corpus — ${new Date().toISOString()}, splits ${splits.join('+')}\n`);
  for (const engine of engines)
    for (const detect of ['0', '1']) {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', '--split', split], {
        env: { ...process.env, OCR_ENGINE: engine, OCR_PAGE_DETECT: detect },
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 26,
      }).toString();
      runs.push(JSON.parse(stdout.trim().split('\n').pop()!) as Run);
    }
  report(runs);
}

await main();
