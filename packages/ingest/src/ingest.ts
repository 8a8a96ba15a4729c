// ingestPdf: the bytes of one uploaded PDF -> an ExtractedScript (header, pages, parts).
import { type Exam, type PartPrompt, partPrompts } from '@grader/exam';
import { type Box, ExtractedScript, type Line, type PageInfo } from '@grader/model';
import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildPageLines } from './columns.ts';
import { IngestError } from './errors.ts';
import { readHeader } from './header.ts';
import { crop, downscale, type Gray, rotateQuarter, toGrayMax, toPgm } from './image.ts';
import { findLabel, PartTree } from './labels.ts';
import { buildLines, type LayoutWord, readingFrame, setReadingFrame } from './layout.ts';
import { lazyOcrPool, type OcrPool, type OcrResult, type RecognizeOptions } from './ocr.ts';
import { fixOcrMaths } from './ocr-merge.ts';
import { preparePage } from './page-detect.ts';
import {
  checkBytes,
  closePdf,
  DEFAULT_LIMITS,
  openPdf,
  pageImages,
  pageRules,
  pageSize,
  pageStrokes,
  type Rule,
  renderRgba,
  textLayerWords,
  withTimeout,
} from './pdf.ts';
import { portalLabelled } from './portal-numbers.ts';
import type { Roster } from './roster.ts';
import { segment } from './segment.ts';
import { markStruck } from './struck.ts';
import { linesBesideUnread, unreadInk } from './unread.ts';
import { findVersionCode, isVersionLine, withoutVersion } from './version-code.ts';

export type IngestProgress = { page: number; pages: number; stage: string };
export type IngestOptions = {
  /** (with its folder and paper, a question copied above an answer names its part) */
  exam: Pick<Exam, 'parts' | 'course'> & Partial<Pick<Exam, 'id' | 'dir' | 'paper' | 'parameters'>>;
  fileName?: string;
  roster?: Roster;
  ocr?: OcrPool;
  limits?: { maxBytes?: number; maxPages?: number; timeoutMs?: number };
  onProgress?: (p: IngestProgress) => void;
  /**
   * Read only pages `from`..`to` (1-based, inclusive) of the PDF: one script of a stack. The result
   * is the script as if those pages were their own file (pages numbered from 1); `sourcePages`
   * records where they lie in the stack. `limits.maxPages` then counts the range, not the stack.
   */
  pages?: { from: number; to: number };
};

/** A text layer with fewer visible characters than this is "thin": the page is OCR'd instead. */
const THIN_TEXT_CHARS = 25;
/** A page with no image but at least this many vector paths may be ink from a tablet: OCR it. */
const TABLET_MIN_PATHS = 40;
/** OCR at the scan's own resolution, within these bounds (upscaling did not help in the notes). */
const MIN_OCR_DPI = Number(process.env.OCR_MIN_DPI ?? 150);
const MAX_OCR_DPI = 300;

/** Time allowed to open a file, and per page (rendering, OCR, queueing for a shared pool). */
const OPEN_BUDGET_MS = 30_000;
const PAGE_BUDGET_MS = 30_000;

/** `rules`: the horizontal rules a text page draws (table rows, boxes), for the segmenter. */
export type PageResult = { info: PageInfo; lines: Line[]; warnings: string[]; rules?: Rule[] };

export async function ingestPdf(bytes: Uint8Array, opts: IngestOptions): Promise<ExtractedScript> {
  const limits: { maxBytes: number; maxPages: number; timeoutMs?: number } = {
    ...DEFAULT_LIMITS,
    ...opts.limits,
  };
  checkBytes(bytes, limits.maxBytes);
  let doc: PDFDocumentProxy | null = null;
  const ocr = lazyOcrPool(opts.ocr);
  const pool = ocr.get;
  let cancelled = false;
  // Pooled OCR keeps, per line, the reading in which a label of this exam can be read.
  const tree = new PartTree(opts.exam.parts);
  const hint: PageHints = {
    isLabel: (t) => findLabel(t, tree, [], { ocr: true }) !== null,
    // (a portal's number before the label too, "Item 10 (Q4b)": a column of them is no column of notes)
    textLabel: (t) => findLabel(t, tree, []) !== null || portalLabelled(t, tree),
  };
  const readAll = async (d: PDFDocumentProxy, from: number, count: number) => {
    // Pages are read a few at a time: OCR'd pages then keep every worker of the pool busy.
    const pages: PageResult[] = new Array(count);
    let next = 0;
    const lane = async () => {
      while (next < count && !cancelled) {
        const i = next++;
        const r = await readPage(d, from + i, pool, hint, opts.onProgress);
        pages[i] = from === 1 ? r : renumber(r, i + 1);
      }
    };
    const lanes = Math.min(count, (opts.ocr?.size ?? 2) + 1);
    await Promise.all(Array.from({ length: lanes }, lane));
    return pages;
  };
  const stop = () => {
    cancelled = true;
    void closePdf(doc);
  };
  try {
    // A hang anywhere (a pathological file, a stuck worker) ends in IngestError('timeout').
    const started = Date.now();
    const range = opts.pages;
    // a range is checked against the page limit itself: the stack around it may be longer
    const opening = openPdf(bytes, range ? Number.MAX_SAFE_INTEGER : limits.maxPages).then((d) => {
      doc = d;
      if (cancelled) void closePdf(d); // opened after the deadline: nobody will use it
      return d;
    });
    const d = await withTimeout(opening, limits.timeoutMs ?? OPEN_BUDGET_MS, 'opening the PDF', stop);
    const from = range?.from ?? 1;
    const count = range ? checkRange(range, d.numPages, limits.maxPages) : d.numPages;
    const left =
      limits.timeoutMs === undefined ? PAGE_BUDGET_MS * count : limits.timeoutMs - (Date.now() - started);
    const pages = await withTimeout(readAll(d, from, count), Math.max(1, left), 'reading the PDF', stop);
    opts.onProgress?.({ page: pages.length, pages: pages.length, stage: 'segment' });
    const script = assemble(pages, opts);
    return range ? { ...script, sourcePages: { from: range.from, to: range.to } } : script;
  } finally {
    await closePdf(doc);
    await ocr.closeOwn();
  }
}

/** The number of pages in `range`; an IngestError when it is not a range of the document's pages. */
function checkRange(range: { from: number; to: number }, numPages: number, maxPages: number): number {
  const { from, to } = range;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > numPages)
    throw new IngestError('empty', `pages ${from}-${to} are not pages of the PDF (it has ${numPages})`);
  const count = to - from + 1;
  if (count > maxPages)
    throw new IngestError(
      'too_many_pages',
      `pages ${from}-${to} are ${count} pages, over the ${maxPages}-page limit`,
    );
  return count;
}

/**
 * A page of a range, numbered as the `k`-th page of its own script. Lines are changed in place: the
 * reading frame of a turned page is keyed by the line object.
 */
function renumber(r: PageResult, k: number): PageResult {
  for (const l of r.lines) l.page = k;
  return { ...r, info: { ...r.info, page: k } };
}

/** What reading a page knows of the exam: a label as OCR may misread it, and as a text layer has it. */
export type PageHints = RecognizeOptions & { textLabel?: (text: string) => boolean };

/** Reads page `n` (1-based): its text layer, else OCR of its rendering (through `pool`). */
export async function readPage(
  doc: PDFDocumentProxy,
  n: number,
  pool: () => Promise<OcrPool>,
  hint: PageHints,
  onProgress?: (p: IngestProgress) => void,
): Promise<PageResult> {
  const warnings: string[] = [];
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(n);
  } catch (e) {
    return {
      info: emptyInfo(n, 595, 842),
      lines: [],
      warnings: [`page ${n} cannot be read: ${(e as Error).message}`],
    };
  }
  const { width, height } = pageSize(page);
  onProgress?.({ page: n, pages: doc.numPages, stage: 'text' });
  let words: LayoutWord[] = [];
  try {
    words = await textLayerWords(page);
  } catch (e) {
    warnings.push(`page ${n}: text layer unreadable (${(e as Error).message})`);
  }
  const chars = words.reduce((s, w) => s + w.text.length, 0);
  if (chars >= THIN_TEXT_CHARS) {
    const strokes = await pageStrokes(page).catch(() => []);
    const lines = buildPageLines(n, markStruck(words, strokes), width, height, hint.textLabel);
    // (a page whose drawing cannot be read is segmented by its text alone)
    const rules = await pageRules(page).catch(() => []);
    return { info: { page: n, width, height, source: 'text', conf: 1, rotation: 0 }, lines, warnings, rules };
  }
  let images: { any: boolean; dpi: number | null; paths: number } = { any: true, dpi: null, paths: 0 };
  try {
    images = await pageImages(page);
  } catch {
    // cannot tell: let OCR look
  }
  const hasImages = images.any;
  // Without images, only many vector strokes (handwriting exported from a tablet) are worth OCR;
  // otherwise the little text there is (a page number) is the page.
  if (!hasImages && images.paths < TABLET_MIN_PATHS) {
    if (chars === 0) return { info: emptyInfo(n, width, height), lines: [], warnings };
    return {
      info: { page: n, width, height, source: 'text', conf: 1, rotation: 0 },
      lines: buildLines(n, words),
      warnings,
    };
  }
  onProgress?.({ page: n, pages: doc.numPages, stage: 'ocr' });
  try {
    const ocr = await ocrPage(page, await pool(), images.dpi, hint);
    if (ocr.lines.length === 0 && chars > 0) {
      const lines = buildLines(n, words);
      return { info: { page: n, width, height, source: 'text', conf: 1, rotation: 0 }, lines, warnings };
    }
    const source = ocr.lines.length ? 'ocr' : 'empty';
    return {
      info: { page: n, width, height, source, conf: ocr.conf, rotation: ocr.rotation },
      lines: ocr.lines,
      warnings,
    };
  } catch (e) {
    warnings.push(`page ${n}: OCR failed (${(e as Error).message})`);
    return { info: emptyInfo(n, width, height), lines: chars ? buildLines(n, words) : [], warnings };
  }
}

function emptyInfo(page: number, width: number, height: number): PageInfo {
  return { page, width, height, source: 'empty', conf: 0, rotation: 0 };
}

/** Where a word of the OCR'd (preprocessed, maybe turned) image lies on the original rendering. */
type Mapper = (x: number, y: number) => [number, number];

function quarterInverse(q: number, w: number, h: number): Mapper {
  // (w, h): size before the clockwise turn by q quarters
  if (q === 1) return (x, y) => [y, h - 1 - x];
  if (q === 2) return (x, y) => [w - 1 - x, h - 1 - y];
  if (q === 3) return (x, y) => [w - 1 - y, x];
  return (x, y) => [x, y];
}

/** Renders, preprocesses and OCRs one page; word boxes come back in PDF points. */
export async function ocrPage(
  page: PDFPageProxy,
  pool: OcrPool,
  native: number | null = null,
  hint: RecognizeOptions = {},
): Promise<{ lines: Line[]; conf: number; rotation: number }> {
  const dpi = Math.round(Math.min(MAX_OCR_DPI, Math.max(MIN_OCR_DPI, native ?? MAX_OCR_DPI)));
  const r = await renderRgba(page, dpi);
  const gray = toGrayMax(r.data, r.width, r.height);
  // a phone photo's page is found and rectified first; the mapping back goes through it
  const pre = preparePage(gray, dpi);
  let img: Gray = pre.img;
  let res = await pool.recognize(toPgm(img), hint);
  let quarter = 0;
  // orientation is judged on tesseract's own reading when engines are pooled (its confidence drops
  // on a turned page; Paddle's line scores do not)
  const first = res.fast ?? res;
  if (first.conf < 0.45 || first.words.length < 5 || mostlyVertical(first)) {
    // A rectified photo's page is portrait or landscape as the sheet lay: its text can only be upside
    // down, or (a landscape quad) on its side. Cursive pages read with low confidence and a free
    // choice turned some of them by a quarter (handwriting corpus, h08).
    const only = pre.page ? (pre.img.height >= pre.img.width ? [2] : [1, 3]) : undefined;
    quarter = await detectQuarter(img, pool, first, mostlyVertical(first), only);
    if (quarter !== 0) {
      const turned = rotateQuarter(pre.img, quarter);
      const again = await pool.recognize(toPgm(turned), hint);
      // the whole page turned must read clearly better than upright: a middle band of handwriting
      // read poorly either way can favour a wrong turn (a cursive page read sideways, all of it lost)
      if (readsBetterTurned(first, again.fast ?? again)) {
        img = turned;
        res = again;
      } else quarter = 0;
    }
  }
  const q = quarterInverse(quarter, pre.img.width, pre.img.height);
  const k = pre.toSource;
  // points per pixel of the OCR'd image: the rendering's, or a rectified photo's own (its page is A4)
  const unit = 72 / pre.dpi;
  // upright frame (points) -> pixels of the OCR'd image -> pixels of the rendering -> points on the page
  const toPage = (b: Box): Box => {
    const pts = [
      [b.x, b.y],
      [b.x + b.w, b.y],
      [b.x, b.y + b.h],
      [b.x + b.w, b.y + b.h],
    ].map(([x, y]) => {
      const [a, c] = q(x / unit, y / unit);
      return k(a, c);
    });
    const xs = pts.map((p) => p[0] / r.scale);
    const ys = pts.map((p) => p[1] / r.scale);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
  };
  // Lines are built in the upright frame (reading order), then their boxes are put on the page.
  const words: LayoutWord[] = res.words.map((w) => ({
    text: fixOcrMaths(w.text),
    box: { x: w.x0 * unit, y: w.y0 * unit, w: (w.x1 - w.x0) * unit, h: (w.y1 - w.y0) * unit },
    conf: w.conf,
    line: w.line,
  }));
  const frameW = img.width * unit;
  const frameH = img.height * unit;
  // a turned page or a rectified photo keeps its upright geometry for segmentation (margins, edges)
  const reframed = quarter !== 0 || pre.page !== null;
  const built = buildLines(page.pageNumber, words);
  const blobs = unreadInk(img, pre.dpi, res.words).map((b) => ({
    x0: b.x0 * unit,
    y0: b.y0 * unit,
    x1: b.x1 * unit,
    y1: b.y1 * unit,
  }));
  const beside = linesBesideUnread(
    built.map((l) => ({ x0: l.box.x, y0: l.box.y, x1: l.box.x + l.box.w, y1: l.box.y + l.box.h })),
    blobs,
  );
  const lines = built.map((l, i) => {
    const onPage: Line = {
      ...l,
      ...(beside.has(i) ? { unread: true } : {}),
      box: toPage(l.box),
      words: l.words.map((w) => ({ ...w, box: toPage(w.box) })),
    };
    if (reframed) setReadingFrame(onPage, { box: l.box, width: frameW, height: frameH });
    return onPage;
  });
  const conf = words.length ? words.reduce((s, w) => s + w.conf, 0) / words.length : 0;
  return { lines, conf, rotation: quarter * 90 };
}

/** Characters read with some confidence: how readable a page is in one orientation. */
const confidentChars = (r: OcrResult) => r.words.reduce((s, w) => s + (w.conf > 0.6 ? w.text.length : 0), 0);

/** How many times more confident characters a turned page must read to be turned. */
const TURN_MARGIN = 1.5;

/**
 * Whether a page turned reads clearly better than upright. A page on its side reads as next to
 * nothing upright; an upright page of poor handwriting reads about as badly either way (tesseract
 * finds as many confident characters turned: 130 against 119 on a ruled scan of the free-form
 * corpus in hand), and a turn on such noise loses the whole page.
 */
export function readsBetterTurned(upright: OcrResult, turned: OcrResult): boolean {
  return confidentChars(turned) > confidentChars(upright) * TURN_MARGIN;
}

/**
 * Which clockwise quarter turn makes the page readable: OCR of a downscaled middle band in each
 * orientation, scored by confident characters. Only tried when the upright reading is poor.
 */
async function detectQuarter(
  img: Gray,
  pool: OcrPool,
  upright: OcrResult,
  sideways: boolean,
  only?: number[],
): Promise<number> {
  const small = downscale(img, 2);
  const side = Math.min(small.width, small.height);
  const band = crop(small, (small.width - side) / 2, (small.height - side) / 2, side, side);
  const score = confidentChars;
  let best = 0;
  // A page read in vertical lines is turned a quarter either way: pick the better of the two.
  const quarters = (sideways ? [1, 3] : [1, 2, 3]).filter((q) => !only || only.includes(q));
  if (!quarters.length) return 0;
  let bestScore = sideways ? 0 : score(upright) / 4; // full page vs a quarter-size crop: rough parity
  const tries = await Promise.all(
    quarters.map((q) => pool.recognize(toPgm(rotateQuarter(band, q)), { quick: true })),
  );
  tries.forEach((r, i) => {
    const s = score(r);
    if (s > bestScore * (sideways ? 1 : 1.5) && s > 20) {
      bestScore = s;
      best = quarters[i];
    }
  });
  return best;
}

/** True when most multi-word OCR lines are taller than wide: the page lies on its side. */
function mostlyVertical(res: OcrResult): boolean {
  const byLine = new Map<number, { x0: number; y0: number; x1: number; y1: number; n: number }>();
  for (const w of res.words) {
    const b = byLine.get(w.line) ?? { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, n: 0 };
    b.x0 = Math.min(b.x0, w.x0);
    b.y0 = Math.min(b.y0, w.y0);
    b.x1 = Math.max(b.x1, w.x1);
    b.y1 = Math.max(b.y1, w.y1);
    b.n++;
    byLine.set(w.line, b);
  }
  const multi = [...byLine.values()].filter((b) => b.n >= 3);
  if (multi.length < 2) return false;
  const vertical = multi.filter((b) => b.y1 - b.y0 > 2 * (b.x1 - b.x0)).length;
  return vertical > multi.length / 2;
}

/** The paper's words for each part, read once per exam (none for an exam given without its paper). */
const prompts = new WeakMap<object, PartPrompt[]>();
function promptsOf(exam: IngestOptions['exam']): PartPrompt[] {
  const { id, dir, parameters } = exam;
  if (id === undefined || dir === undefined || parameters === undefined) return [];
  let out = prompts.get(exam);
  if (!out) {
    out = partPrompts({ ...exam, id, dir, parameters });
    prompts.set(exam, out);
  }
  return out;
}

/** A page's lines in its top 30 %, where a header stands. */
function pageTop(lines: Line[], info: PageInfo): Line[] {
  return lines.filter((l) => {
    if (l.page !== info.page) return false;
    const f = readingFrame(l, info);
    return f.box.y < f.height * 0.3;
  });
}

/** The header read from the top of the first later page whose top holds a roll or the course line. */
function headerOnLaterPage(
  lines: Line[],
  infos: PageInfo[],
  plain: (ls: Line[]) => Line[],
  opts: Parameters<typeof readHeader>[1],
): ReturnType<typeof readHeader> | null {
  for (const info of infos.slice(1)) {
    const top = pageTop(lines, info);
    const h = top.length
      ? readHeader(plain(top), { ...opts, below: (opts.below ?? []).filter((l) => !top.includes(l)) })
      : null;
    if (h && (h.roll || h.course)) return h;
  }
  return null;
}

function assemble(pages: PageResult[], opts: IngestOptions): ExtractedScript {
  const infos = pages.map((p) => p.info);
  const lines = pages.flatMap((p) => p.lines);
  const rules = new Map(pages.map((p) => [p.info.page, p.rules ?? []]));
  const seg = segment(lines, infos, opts.exam.parts, rules, promptsOf(opts.exam));
  // The header is read from the preamble and, when labels start early, from the top of page 1.
  const top = pageTop(lines, infos[0]);
  const candidates = [...seg.preamble, ...top.filter((l) => !seg.preamble.includes(l))];
  // a version code ("Version B", "Set B") is read first and kept out of the name and roll fields
  const versionCode = findVersionCode(candidates);
  const plain = (ls: Line[]) => ls.map(withoutVersion).filter((l): l is Line => l !== null);
  const headerOpts = {
    courseCode: opts.exam.course.code,
    roster: opts.roster,
    ocrPages: new Set(infos.filter((p) => p.source === 'ocr').map((p) => p.page)),
    below: lines.filter((l) => !candidates.includes(l) && infos[l.page - 1]?.source !== 'ocr'),
  };
  const first = readHeader(plain(candidates), { ...headerOpts, preamble: plain(seg.preamble) });
  // (no roll and no course line on the first page: pages assembled out of order put the header on
  // another's top, "Name … Roll No. … Course …" over "Page 1 of 3", the file's second page; or the
  // first page's running head gives the roll and the course line is on the header's own page, the same
  // roll with it)
  // (a course line repeated atop every page is a running head, no header's: its absence on top is a finding)
  const later = first.roll && first.course ? null : headerOnLaterPage(lines, infos, plain, headerOpts);
  const coursePages = new Set(
    lines.filter((l) => l.page > 1 && l.text.includes(opts.exam.course.code)).map((l) => l.page),
  ).size;
  const header =
    later && (!first.roll ? !first.course : later.course && later.roll === first.roll && coursePages === 1)
      ? later
      : first;
  const warnings = [...pages.flatMap((p) => p.warnings), ...seg.warnings];
  const ocrPages = infos.filter((p) => p.source === 'ocr').map((p) => p.page);
  if (ocrPages.length)
    warnings.push(`page${ocrPages.length > 1 ? 's' : ''} ${ocrPages.join(', ')} read by OCR`);
  if (lines.length === 0) warnings.push('no text found on any page');
  return ExtractedScript.parse({
    file: opts.fileName,
    pageCount: pages.length,
    pages: infos,
    header: versionCode ? { ...header, versionCode } : header,
    parts: seg.parts,
    order: seg.order,
    // preamble lines that are not the header (a title, "Answers") count as unlabelled text
    unlabelled: [
      ...seg.preamble.filter((l) => !isHeaderish(l, opts.exam.course.code) && !isVersionLine(l.text)),
      ...seg.unlabelled,
    ],
    rough: seg.rough,
    warnings,
  });
}

/** A line that carries header fields: name, roll number, the course code or a date. */
function isHeaderish(l: Line, courseCode: string): boolean {
  const t = l.text;
  return (
    /\b(name|roll)\b|[0-9]{2}[A-Z]{2}[0-9]{3}|[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{2}/i.test(t) ||
    t.includes(courseCode)
  );
}

/** A PNG of one page (1-based) for the web UI. */
/** The longest side, in pixels, of a page image rendered for people to look at. */
export const MAX_PAGE_PIXELS_SIDE = 2400;

export async function renderPage(bytes: Uint8Array, page: number, dpi = 150): Promise<Buffer> {
  checkBytes(bytes, DEFAULT_LIMITS.maxBytes);
  const doc = await openPdf(bytes, Number.MAX_SAFE_INTEGER);
  try {
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) {
      throw new IngestError('empty', `page ${page} does not exist (the PDF has ${doc.numPages})`);
    }
    // a pixel cap: a 5000 × 5000 pt page at 110 DPI would be 7,639 px square (and ~1 GB to draw)
    const p = await doc.getPage(page);
    const { width, height } = pageSize(p);
    const capped = Math.min(
      Math.min(400, Math.max(20, dpi)),
      (MAX_PAGE_PIXELS_SIDE / Math.max(width, height)) * 72,
    );
    const r = await withTimeout(renderRgba(p, Math.max(1, capped)), 60_000, 'rendering the page');
    const canvas = createCanvas(r.width, r.height);
    const ctx = canvas.getContext('2d');
    const data = ctx.createImageData(r.width, r.height);
    data.data.set(r.data);
    ctx.putImageData(data, 0, 0);
    return await canvas.encode('png');
  } finally {
    await closePdf(doc);
  }
}
