// Opening PDFs safely with pdfjs-dist and reading their text layer and pixels.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Word } from '@grader/model';
import { createCanvas } from '@napi-rs/canvas';
import {
  getDocument,
  OPS,
  PasswordResponses,
  type PDFDocumentProxy,
  type PDFPageProxy,
  Util,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from './errors.ts';
import { plainIndianDigits } from './indic.ts';

const require = createRequire(import.meta.url);
/** The installed pdfjs-dist folder: fonts, cmaps and wasm decoders come from here, never the network. */
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const asDir = (p: string) => `${join(PDFJS_DIR, p)}/`;

export const DEFAULT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxPages: 60 };

/** A text-layer word before it becomes a model Word; `size` is the font size in points. */
export type PdfWord = Word & { size: number };

/** Cheap checks before pdfjs sees the bytes: size, emptiness, the %PDF- signature. */
export function checkBytes(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length === 0) throw new IngestError('empty', 'the file is empty (0 bytes)');
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new IngestError('too_large', `the file is ${mb(bytes.length)}, over the ${mb(maxBytes)} limit`);
  }
  // The signature may follow some junk (the PDF spec allows it within the first 1024 bytes).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new IngestError('not_pdf', 'the file is not a PDF (no %PDF- signature at its start)');
  }
}

/** Rejects with IngestError('timeout') when `p` takes longer than `ms`; `onTimeout` cleans up. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new IngestError('timeout', `${what} took longer than ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Opens a PDF with pdfjs, no eval, no network; maps every failure to an IngestError. */
export async function openPdf(bytes: Uint8Array, maxPages: number): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it gets: give it a copy so callers keep theirs.
  const params: Parameters<typeof getDocument>[0] & { isEvalSupported: boolean } = {
    data: new Uint8Array(bytes),
    // pdfjs 6 has no eval code path left and no longer lists this option; it is kept so that an
    // older pdfjs (where eval of font programs existed, CVE-2024-4367) would stay safe.
    isEvalSupported: false,
    disableFontFace: true,
    // (the fonts' own names, to tell TeX's big-operator font from a letter: `bigOperators`)
    fontExtraProperties: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    standardFontDataUrl: asDir('standard_fonts'),
    cMapUrl: asDir('cmaps'),
    cMapPacked: true,
    wasmUrl: asDir('wasm'),
    iccUrl: asDir('iccs'),
    stopAtErrors: false,
    verbosity: 0,
  };
  const task = getDocument(params);
  // An encrypted PDF asks for a password: refuse instead of waiting forever.
  task.onPassword = (_update: unknown, reason: number) => {
    const why = reason === PasswordResponses.INCORRECT_PASSWORD ? 'wrong password' : 'needs a password';
    task.destroy();
    passwordReason = why;
  };
  let passwordReason: string | null = null;
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    const msg = (e as Error).message ?? String(e);
    if (passwordReason || name === 'PasswordException') {
      throw new IngestError('encrypted', `the PDF is encrypted (${passwordReason ?? 'needs a password'})`);
    }
    if (name === 'InvalidPDFException') throw new IngestError('corrupt', `the PDF is corrupt: ${msg}`);
    throw new IngestError('corrupt', `the PDF cannot be read: ${msg}`);
  }
  if (doc.numPages === 0) {
    await closePdf(doc);
    throw new IngestError('empty', 'the PDF has no pages');
  }
  if (doc.numPages > maxPages) {
    const n = doc.numPages;
    await closePdf(doc);
    throw new IngestError('too_many_pages', `the PDF has ${n} pages, over the ${maxPages}-page limit`);
  }
  return doc;
}

export function pageSize(page: PDFPageProxy): { width: number; height: number } {
  const vp = page.getViewport({ scale: 1 });
  return { width: vp.width, height: vp.height };
}

/**
 * The text layer as words with boxes in PDF points, top-left origin. pdfjs items can hold several
 * words: they are split on spaces, with x positions shared out by character count.
 */
/** Where a text layer's control codes are put (U+F000 + code; @grader/parse reads them back). */
export const PRIVATE_CONTROLS = 0xf000;

/** A text layer's control codes (not tab or line breaks) moved to U+F000 + code. */
function privateControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 && (c < 0x09 || c > 0x0d) ? String.fromCharCode(PRIVATE_CONTROLS + c) : ch;
  }
  return out;
}

/** A keycap's digit and, after it, the glyph its font lacks, read as U+0000. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is the text layer's missing glyph
const KEYCAP_GAP = /(?<=[0-9#*])\x00/g;

/** Spacing accents pdfTeX sets before their letter in one word ("R´eponse"), as combining marks. */
const SPACING_ACCENTS: Record<string, string> = { '´': '\u0301', '¨': '\u0308', ˆ: '\u0302' };

/**
 * The plain forms of what other keyboards type: full-width letters, digits and punctuation
 * ("１．（ｂ）", "（１ mark）"), the ideographic space, full stop and brackets, Unicode's roman numerals ("Ⅰ.(b)",
 * "ⅱ"), the digits of India's scripts, and an accent pdfTeX sets before its letter. Exponents and subscripts are left as they are.
 */
export function plainForms(s: string): string {
  return (
    s
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ')
      .replace(/。/g, '.')
      .replace(/、/g, ',')
      // (CJK brackets around a label's letters: "答1〔b〕「ii」", "【3a】")
      .replace(/[〔「『]/g, '(')
      .replace(/[〕」』]/g, ')')
      .replace(/【/g, '[')
      .replace(/】/g, ']')
      .replace(/[\u2160-\u217f]/g, (c) => c.normalize('NFKC'))
      // (the digits of India's scripts)
      .replace(/[\u0966-\u0d6f]+/g, plainIndianDigits)
      .replace(/([´¨ˆ])(?=\p{L})(\p{L})/gu, (_m, a: string, l: string) =>
        (l + SPACING_ACCENTS[a]).normalize('NFC'),
      )
  );
}

/**
 * TeX's extension font (cmex) has no Unicode map: its big operators come out of the text layer as the
 * letters in their slots (∑ as P or X, ∏ as Q or Y, ∫ as R or Z) and the tips of an under- or
 * overbrace as `z{|}`. The operators are given back as themselves, with how far each glyph reaches
 * below its baseline (in ems: text style, then display style); the brace tips are no text.
 */
const CMEX_OPERATORS: Record<string, { text: string; depth: number }> = {
  P: { text: '∑', depth: 1 },
  Q: { text: '∏', depth: 1 },
  R: { text: '∫', depth: 1.11 },
  X: { text: '∑', depth: 1.4 },
  Y: { text: '∏', depth: 1.4 },
  Z: { text: '∫', depth: 2.22 },
  // (its wide accents too, \widetilde as e, f, g and \widehat as b, c, d by size: an accent set over
  // its letter, placed as an ordinary glyph so it joins the letter's word, "C~t")
  ...Object.fromEntries([...'efg'].map((c) => [c, { text: '~', depth: -0.6 }])),
  ...Object.fromEntries([...'bcd'].map((c) => [c, { text: '^', depth: -0.6 }])),
};

/** An item of TeX's extension font as the text it stands for (null: not that font, or not these glyphs). */
function bigOperators(
  str: string,
  fontName: string | undefined,
): { text: string; depth: number } | 'none' | null {
  if (!fontName || !/\+?CMEX\d*$/i.test(fontName)) return null;
  if (Object.hasOwn(CMEX_OPERATORS, str.trim())) return CMEX_OPERATORS[str.trim()];
  if (/^[\s z{|}]+$/.test(str)) return 'none';
  return null;
}

/**
 * The Cork (T1) encoding's first 32 slots, which pdfTeX's T1 fonts use when it sets them as bitmaps (Type 3,
 * no Unicode map, where cm-super is not installed): the text layer gives their codes as they are, so
 * `\guilsinglright` comes out as U+000F, an en dash as U+0015 and the ligature fi as U+001C. Read as
 * their letters ("Q1 › b", "200 – 4", "filter"); the compound-word mark and the zero of ‰ are nothing
 * (the codes of tab and line breaks stay what they are).
 */
const CORK_CONTROLS = '` ´ ˆ ˜ ¨ ˝ ˚ ˇ ˘ ¯ ˙ ¸ ˛ ‚ ‹ › “ ” „ « » – — ∅ ∅ ı ȷ ff fi fl ffi ffl'
  .split(' ')
  .map((c) => (c === '∅' ? '' : c));

function corkControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 && (c < 0x09 || c > 0x0d) ? CORK_CONTROLS[c] : ch;
  }
  return out;
}

/**
 * The text item's font, where pdfjs has loaded it: its own name (`ABCDEF+CMEX10`) and whether it is a
 * Type 3 font (glyphs drawn by the PDF itself: TeX's bitmap fonts).
 */
function fontOf(page: PDFPageProxy, id: string): { name?: string; isType3Font?: boolean } | undefined {
  return page.commonObjs.has(id)
    ? (page.commonObjs.get(id) as { name?: string; isType3Font?: boolean })
    : undefined;
}

export async function textLayerWords(page: PDFPageProxy): Promise<PdfWord[]> {
  const vp = page.getViewport({ scale: 1 });
  // (the operator list loads the page's fonts, whose names say which is TeX's extension font;
  // pdfjs keeps it, so the callers that read the page's drawing later pay nothing more)
  await page.getOperatorList();
  const content = await page.getTextContent({ disableNormalization: false });
  const words: PdfWord[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const tx = Util.transform(vp.transform, item.transform);
    const size = Math.hypot(tx[2], tx[3]) || Math.hypot(tx[0], tx[1]) || 1;
    // Skip rotated/vertical text (watermarks, margins): its boxes would corrupt line grouping.
    if (Math.abs(tx[1]) > 0.1 * size || Math.abs(tx[2]) > 0.1 * size) continue;
    const width = item.width * (vp.scale ?? 1);
    const left = tx[4];
    const operator = bigOperators(item.str, fontOf(page, item.fontName)?.name);
    if (operator === 'none') continue;
    // (a big operator hangs below its own baseline, which TeX sets above the formula's so that the
    // glyph is centred on the formula's axis: it gets a line's box centred on its ink, to join the
    // formula's line and not the one above)
    const top = operator ? tx[5] + (operator.depth * size) / 2 - size / 2 : tx[5] - size * 0.8;
    const height = size;
    // control codes (pdfTeX's cmex brackets are glyphs 0-3) moved to the private use area, as
    // symbol fonts map them: PostgreSQL's jsonb cannot store U+0000, and they are no text
    // (a combining accent the text layer puts on an operator, "∘̃ C̃" from LibreOffice, belongs to the
    // letter after it, which has its own: dropped)
    // (a Type 3 font's control codes are its Cork slots: pdfTeX's T1 text set as bitmaps)
    // (LibreOffice's list bullets, square and circle, are OpenSymbol's private-use glyphs: a bullet)
    const font = fontOf(page, item.fontName);
    const raw = font?.isType3Font
      ? corkControls(item.str)
      : /opensymbol/i.test(font?.name ?? '')
        ? item.str.replace(/[\uE000-\uE0FF]/g, '•')
        : item.str;
    const str =
      operator?.text ??
      privateControls(
        plainForms(
          raw
            .normalize('NFC')
            .replace(/(?<=[^\p{L}\p{M}])\p{M}+/gu, '')
            // (a keycap, `1️⃣`, in a font without its marks: the digit, then a missing glyph read as U+0000)
            .replace(KEYCAP_GAP, ''),
        ),
      );
    const n = str.length;
    const re = /\S+/g;
    for (let m = re.exec(str); m; m = re.exec(str)) {
      const x = left + (width * m.index) / n;
      const w = (width * m[0].length) / n;
      words.push({ text: m[0], box: { x, y: top, w: Math.max(w, 0.1), h: height }, conf: 1, size });
    }
  }
  return withoutKeycapEchoes(words);
}

/**
 * LibreOffice draws an emoji keycap (`1️⃣`) it has no glyph for as its digit set again and again, each
 * copy a little left of the one before: "1" fifteen times on one baseline, read as "111111111111111".
 * A run of three or more copies of one character, each starting left of the one before, is one
 * character (text runs rightwards; only such an echo steps back). The first copy stands where the
 * keycap does.
 */
export function withoutKeycapEchoes<T extends { text: string; box: { x: number; y: number } }>(
  words: T[],
): T[] {
  const out: T[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    let j = i + 1;
    while (
      j < words.length &&
      w.text.length === 1 &&
      words[j].text === w.text &&
      Math.abs(words[j].box.y - w.box.y) < 0.5 &&
      words[j].box.x < words[j - 1].box.x
    )
      j++;
    out.push(w);
    i = j - i >= 3 ? j : i + 1;
  }
  return out;
}

/**
 * The images a page draws: whether there is any (scans embed each page as one big image) and the
 * resolution of the largest, in pixels per inch of page width (null when unknown), and how many
 * vector paths it draws (tablet handwriting is ink strokes). One operator list serves all three,
 * since building it is the costly part.
 */
export async function pageImages(
  page: PDFPageProxy,
): Promise<{ any: boolean; dpi: number | null; paths: number }> {
  const ops = await page.getOperatorList();
  let any = false;
  let widest = 0;
  let paths = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const f = ops.fnArray[i];
    if (f === OPS.constructPath) paths++;
    if (f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject || f === OPS.paintImageMaskXObject)
      any = true;
    if (f === OPS.paintImageXObject) {
      const args = ops.argsArray[i] as [string, number, number];
      if (typeof args[1] === 'number') widest = Math.max(widest, args[1]);
    }
  }
  return { any, dpi: widest ? (widest / pageSize(page).width) * 72 : null, paths };
}

/** A horizontal rule a page draws (a table's row border, a box's edge), top-left origin, in points. */
export type Rule = { y: number; x0: number; x1: number };

/** The shortest stroke that counts as a rule, as a share of the page's width (not an underline). */
const RULE_MIN_SHARE = 0.25;

/**
 * The horizontal rules a page draws: lines and thin filled bars at least a quarter of the page wide,
 * in the text layer's frame. Tables (office row borders, LaTeX's \hline) and drawn boxes mark where
 * a row or a box ends, which the text alone does not say when a row's label is centred in its cell.
 */
export async function pageRules(page: PDFPageProxy): Promise<Rule[]> {
  return horizontalStrokes(page, page.getViewport({ scale: 1 }).width * RULE_MIN_SHARE);
}

/** A stroke through text is at most this long (a struck-out derivation's line, not a border). */
const STRIKE_MIN_LENGTH = 2;

/** The short horizontal strokes a page draws too: lines through struck-out words among them. */
export async function pageStrokes(page: PDFPageProxy): Promise<Rule[]> {
  return horizontalStrokes(page, STRIKE_MIN_LENGTH);
}

/** The horizontal lines and thin bars a page draws at least `minLength` long, merged where they meet. */
async function horizontalStrokes(page: PDFPageProxy, minLength: number): Promise<Rule[]> {
  const ops = await page.getOperatorList();
  const vp = page.getViewport({ scale: 1 });
  const out: Rule[] = [];
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (m: number[], x: number, y: number) => [
    m[0] * x + m[2] * y + m[4],
    m[1] * x + m[3] * y + m[5],
  ];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const m = Util.transform(vp.transform, ctm) as number[];
    const [x0, y0] = apply(m, ax, ay);
    const [x1, y1] = apply(m, bx, by);
    if (Math.abs(y1 - y0) <= 1 && Math.abs(x1 - x0) >= minLength)
      out.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const f = ops.fnArray[i];
    if (f === OPS.save) stack.push(ctm);
    else if (f === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (f === OPS.transform) ctm = Util.transform(ctm, ops.argsArray[i] as number[]);
    else if (f === OPS.constructPath) {
      const [, paths, box] = ops.argsArray[i] as [number, ArrayLike<number>[], ArrayLike<number> | null];
      // a thin filled bar: its middle
      if (box && box[3] - box[1] <= 2.5 && box[2] - box[0] > 0)
        add(box[0], (box[1] + box[3]) / 2, box[2], (box[1] + box[3]) / 2);
      // the straight horizontal pieces of each path (moveTo 0, lineTo 1, curves 2-3, closePath 4)
      for (const d of paths ?? []) {
        let start: [number, number] | null = null;
        let at: [number, number] | null = null;
        for (let k = 0; k < d.length; ) {
          const op = d[k];
          if (op === 0 || op === 1) {
            const pt: [number, number] = [d[k + 1], d[k + 2]];
            if (op === 1 && at) add(at[0], at[1], pt[0], pt[1]);
            if (op === 0) start = pt;
            at = pt;
            k += 3;
          } else if (op === 2) {
            at = [d[k + 5], d[k + 6]];
            k += 7;
          } else if (op === 3) {
            at = [d[k + 3], d[k + 4]];
            k += 5;
          } else {
            if (at && start) add(at[0], at[1], start[0], start[1]);
            at = start;
            k += 1;
          }
        }
      }
    }
  }
  // (a border drawn twice, or as a bar and its outline, is one rule)
  out.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const merged: Rule[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r.y - last.y <= 1.5 && r.x0 <= last.x1 + 2 && r.x1 >= last.x0 - 2) {
      last.x0 = Math.min(last.x0, r.x0);
      last.x1 = Math.max(last.x1, r.x1);
    } else merged.push({ ...r });
  }
  return merged;
}

export type RenderedPage = { data: Uint8ClampedArray; width: number; height: number; scale: number };

/** Renders a page to RGBA pixels at `dpi` (on white). `scale` converts points to pixels. */
export async function renderRgba(page: PDFPageProxy, dpi: number): Promise<RenderedPage> {
  const scale = dpi / 72;
  const vp = page.getViewport({ scale });
  const w = Math.max(1, Math.ceil(vp.width));
  const h = Math.max(1, Math.ceil(vp.height));
  const canvas = createCanvas(w, h);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, w, h);
  await page.render({ canvasContext: context, canvas, viewport: vp } as never).promise;
  const img = context.getImageData(0, 0, w, h);
  return { data: img.data, width: w, height: h, scale };
}

/** Frees the document and its (in-process) worker; never throws. */
export async function closePdf(doc: PDFDocumentProxy | null): Promise<void> {
  if (!doc) return;
  try {
    await doc.loadingTask.destroy();
  } catch {
    // already destroyed
  }
}
