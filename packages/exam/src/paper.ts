// The question paper of one exam version as a PDF: the exam's paper template (exams/<id>/paper.md,
// `{{param:NAME}}` where a question's number goes) filled in with the version's parameters, and the
// version code on every page. Imported as `@grader/exam/paper` (pdfkit is loaded only by those who print).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { examParameters } from './keys.ts';
import type { Exam } from './load.ts';
import { fillPaper, paperTemplate } from './paper-text.ts';
import type { ParameterValue } from './parameters.ts';

export { fillPaper, PaperError, paperTemplate } from './paper-text.ts';

/** What renderPaper needs of a version: its code and every parameter's value (an ExamVersion has both). */
export interface PaperVersion {
  name: string;
  params: Record<string, ParameterValue>;
}

// ---------------------------------------------------------------------------------------------------
// A small Markdown subset to PDF: # title, ## heading, paragraphs, numbered items, indented code,
// **bold** and `code` runs. A line starting "(a)", "(b)", "i." begins a new paragraph (a sub-question).

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; indent: number }
  | { kind: 'code'; lines: string[] };

const SUBQUESTION = /^(?:\([a-z]{1,4}\)|i\.)\s/;

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let para: { text: string; indent: number } | null = null;
  let code: string[] | null = null;
  const flush = () => {
    if (para) out.push({ kind: 'para', ...para });
    if (code) out.push({ kind: 'code', lines: code });
    para = null;
    code = null;
  };
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (/^ {4}/.test(line) && !para) {
      code ??= [];
      code.push(line.slice(4));
      continue;
    }
    if (code) flush();
    const h = /^(#{1,2})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      out.push(h[1] === '#' ? { kind: 'title', text: h[2] } : { kind: 'heading', text: h[2] });
      continue;
    }
    const item = /^\d+\.\s/.test(line);
    if (item || SUBQUESTION.test(line.trim()) || !para) {
      flush();
      para = { text: line.trim(), indent: item ? 1 : 0 };
    } else {
      (para as { text: string }).text += ` ${line.trim()}`;
    }
  }
  flush();
  return out;
}

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono.ttf'),
};

/** `**bold**` and `` `code` `` runs of a paragraph. */
function runs(text: string): Array<{ text: string; font: keyof typeof FONTS }> {
  const out: Array<{ text: string; font: keyof typeof FONTS }> = [];
  const re = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), font: 'regular' });
    out.push(m[1] !== undefined ? { text: m[1], font: 'bold' } : { text: m[2], font: 'mono' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), font: 'regular' });
  return out;
}

export interface PaperOptions {
  /** the version code printed on every page (default: the version's name; null: none) */
  code?: string | null;
}

/**
 * The question paper of `version` (null: the exam's own parameters) as PDF bytes: the exam's paper
 * template filled in with the version's numbers, "Version <code>" in every page's head and foot and an
 * instruction to copy it onto the answer script (where ingestion reads it back).
 */
export async function renderPaper(
  exam: Pick<Exam, 'id' | 'dir' | 'paper' | 'title' | 'parameters'>,
  version: PaperVersion | null,
  opts: PaperOptions = {},
): Promise<Uint8Array> {
  const { text, file } = paperTemplate(exam);
  const params = version?.params ?? examParameters(exam);
  const filled = fillPaper(text, params, file.split('/').pop());
  const code = opts.code === undefined ? (version?.name ?? null) : opts.code;
  const tag = code ? `Version ${code}` : null;

  const margin = { top: 72, bottom: 64, left: 64, right: 64 };
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info: { Title: `${exam.title}${tag ? ` — ${tag}` : ''}`, CreationDate: new Date(0) },
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  const width = doc.page.width - margin.left - margin.right;
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  let first = true;
  for (const b of blocks(filled)) {
    if (b.kind === 'para') {
      const x = margin.left + b.indent * 12;
      const parts = runs(b.text);
      parts.forEach((r, i) => {
        const opts = { width: width - b.indent * 12, continued: i < parts.length - 1, lineGap: 1.5 };
        doc.font(r.font).fontSize(10.5);
        if (i === 0) doc.text(r.text, x, doc.y, opts);
        else doc.text(r.text, opts);
      });
      doc.moveDown(0.45);
    } else if (b.kind === 'title') {
      doc.font('bold').fontSize(15).text(b.text, margin.left, doc.y, { width, align: 'center' });
      if (first && tag) {
        doc.moveDown(0.4);
        doc.font('bold').fontSize(13).text(tag, { width, align: 'center' });
        doc
          .font('regular')
          .fontSize(9.5)
          .text(`Write “${tag}” at the top of your answer script, next to your name and roll number.`, {
            width,
            align: 'center',
          });
      }
      first = false;
      doc.moveDown(0.8);
    } else if (b.kind === 'heading') {
      doc.moveDown(0.4);
      doc.font('bold').fontSize(11.5).text(b.text, margin.left, doc.y, { width });
      doc.moveDown(0.3);
    } else {
      doc.moveDown(0.2);
      for (const line of b.lines)
        doc
          .font('mono')
          .fontSize(9.5)
          .text(line, margin.left + 24, doc.y, { width: width - 24 });
      doc.moveDown(0.5);
    }
  }

  // the code in every page's head and foot: a page that comes loose still says which version it is
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    const head = `${exam.title}${tag ? `  ·  ${tag}` : ''}`;
    doc
      .font('regular')
      .fontSize(8.5)
      .text(head, margin.left, 36, { width, align: 'right', lineBreak: false });
    const foot = `${tag ? `${tag}  ·  ` : ''}page ${i - range.start + 1} of ${range.count}`;
    doc
      .font('regular')
      .fontSize(8.5)
      .text(foot, margin.left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return bytes;
}
