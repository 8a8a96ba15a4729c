import { describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { ingestPdf, readsBetterTurned, renderPage } from './ingest.ts';
import { parseRoster } from './roster.ts';
import { textPdf } from './testing-pdf.ts';

const exam = {
  course: { code: 'CS60010', line: 'CS60010 CT 3, 15/3/21' },
  parts: [
    { id: '1a', path: ['1', 'a'] },
    { id: '1b', path: ['1', 'b'] },
    { id: '2', path: ['2'] },
    { id: '3a', path: ['3', 'a'] },
    { id: '3b', path: ['3', 'b'] },
  ],
};
const roster = parseRoster('roll,name\n20CS10042,Asha Verma\n20CS10043,Ravi Kumar\n');

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return (e as IngestError).code;
  }
  return 'no error';
};

describe('ingestPdf on typed PDFs', () => {
  it('reads header, parts across pages, math symbols and positions', async () => {
    const pdf = await textPdf([
      [
        'Name: Asha Verma',
        'Roll No: 2OCS10042',
        'CS60010 CT 3, 15/3/21',
        '1(a) h = o ⊙ tanh(c)',
        '  σ(x) = 0.5 × 2',
        '1(b) 3 × 5',
        'Question 3 part (a) first page',
      ],
      ['and on the next page', 'b) 72', '(2)', '∂L/∂c = 0', '@foot Page 2'],
    ]);
    const s = await ingestPdf(pdf, { exam, roster, fileName: 'x.pdf' });
    expect(s.file).toBe('x.pdf');
    expect(s.pageCount).toBe(2);
    expect(s.pages.map((p) => p.source)).toEqual(['text', 'text']);
    expect(s.header).toMatchObject({
      name: 'Asha Verma',
      roll: '20CS10042',
      course: 'CS60010 CT 3, 15/3/21',
    });
    expect(s.header.match?.roll).toBe('20CS10042');
    expect(s.header.issues).toEqual([]);
    expect(s.unlabelled).toEqual([]); // the header lines are the header, not unlabelled text
    expect(s.order).toEqual(['1a', '1b', '3a', '3b', '2']);
    expect(s.parts['1a'].text).toBe('h = o ⊙ tanh(c)\nσ(x) = 0.5 × 2');
    expect(s.parts['1b'].text).toBe('3 × 5');
    expect(s.parts['3a'].text).toBe('first page\nand on the next page');
    expect(s.parts['3a'].regions.map((r) => r.page)).toEqual([1, 2]);
    expect(s.parts['2'].text).toBe('∂L/∂c = 0');
    expect(s.parts['3b'].text).toBe('72');
    // positions in points from the top-left: 1(a) is the 4th line, 72 + 3 * 20 pt down
    const l = s.parts['1a'].lines[0];
    expect(l.box.y).toBeGreaterThan(125);
    expect(l.box.y).toBeLessThan(140);
    expect(l.words.every((w) => w.conf === 1)).toBe(true);
  });

  it('flags a header with no roll number and a student not on the roster', async () => {
    const pdf = await textPdf([
      ['Name: Arjun Das', 'CS60010 CT 3, 15/3/21', 'Deep Learning Test', '(2) zero'],
    ]);
    const s = await ingestPdf(pdf, { exam, roster });
    expect(s.unlabelled.map((l) => l.text)).toEqual(['Deep Learning Test']);
    expect(s.header.roll).toBeNull();
    expect(s.header.issues.length).toBeGreaterThan(0);
    expect(s.parts['2'].text).toBe('zero');
  });

  it('does not OCR a page whose only text is a page number and which has no image', async () => {
    const pdf = await textPdf([['(2) an answer long enough to count as a text layer'], ['@foot 2']]);
    const ocr = {
      size: 1,
      recognize: async () => {
        throw new Error('OCR must not run');
      },
      close: async () => {},
    };
    const s = await ingestPdf(pdf, { exam, ocr });
    expect(s.pages.map((p) => p.source)).toEqual(['text', 'text']);
    expect(s.warnings.join()).not.toMatch(/OCR/);
  });

  it('reports progress per page', async () => {
    const pdf = await textPdf([['(2) a'], ['b']]);
    const seen: string[] = [];
    await ingestPdf(pdf, { exam, onProgress: (p) => seen.push(`${p.page}/${p.pages}:${p.stage}`) });
    expect(seen).toContain('1/2:text');
    expect(seen).toContain('2/2:text');
    expect(seen.at(-1)).toBe('2/2:segment');
  });

  it('renders a page to PNG for the web UI', async () => {
    const pdf = await textPdf([['hello']]);
    const png = await renderPage(pdf, 1, 72);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.abs(png.readUInt32BE(16) - 595)).toBeLessThanOrEqual(1); // A4 width at 72 dpi
    expect(await refusal(renderPage(pdf, 2))).toBe('empty');
  });
});

describe('ingestPdf refuses bad input with a clear IngestError', () => {
  it('non-PDF bytes', async () => {
    expect(await refusal(ingestPdf(new TextEncoder().encode('hello, not a pdf'), { exam }))).toBe('not_pdf');
    expect(await refusal(ingestPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { exam }))).toBe(
      'not_pdf',
    );
  });
  it('an empty file', async () => {
    expect(await refusal(ingestPdf(new Uint8Array(0), { exam }))).toBe('empty');
  });
  it('a truncated PDF', async () => {
    const pdf = await textPdf([['(2) answer']]);
    const code = await refusal(ingestPdf(pdf.subarray(0, 400), { exam }));
    expect(code).toBe('corrupt');
  });
  it('garbage after a PDF signature', async () => {
    const junk = new Uint8Array(2000).map((_, i) => (i * 7919) % 251);
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...junk]);
    expect(await refusal(ingestPdf(bytes, { exam }))).toBe('corrupt');
  });
  it('an encrypted PDF', async () => {
    const pdf = await textPdf([['(2) secret']], { userPassword: 'pw', ownerPassword: 'owner' });
    const code = await refusal(ingestPdf(pdf, { exam }));
    expect(code).toBe('encrypted');
  });
  it('too many pages', async () => {
    const pdf = await textPdf([['a'], ['b'], ['c']]);
    expect(await refusal(ingestPdf(pdf, { exam, limits: { maxPages: 2 } }))).toBe('too_many_pages');
  });
  it('too many bytes', async () => {
    const pdf = await textPdf([['a']]);
    expect(await refusal(ingestPdf(pdf, { exam, limits: { maxBytes: 100 } }))).toBe('too_large');
  });
  it('a file that takes too long', async () => {
    const pdf = await textPdf([['a'], ['b'], ['c'], ['d']]);
    expect(await refusal(ingestPdf(pdf, { exam, limits: { timeoutMs: 1 } }))).toBe('timeout');
  });
  it('messages are one line', async () => {
    try {
      await ingestPdf(new Uint8Array(0), { exam });
    } catch (e) {
      expect((e as Error).message).not.toMatch(/\n/);
    }
  });
});

describe('renderPage', () => {
  it('caps the pixels of a huge page (a 5000 × 5000 pt page is not drawn 7,639 px square)', async () => {
    const { MAX_PAGE_PIXELS_SIDE } = await import('./ingest.ts');
    const pdf = await textPdf([['big page']], { size: [5000, 5000] });
    const png = await renderPage(pdf, 1, 110);
    const w = png.readUInt32BE(16);
    const h = png.readUInt32BE(20);
    expect(Math.max(w, h)).toBeLessThanOrEqual(MAX_PAGE_PIXELS_SIDE);
    expect(Math.max(w, h)).toBeGreaterThan(MAX_PAGE_PIXELS_SIDE - 10);
  });
});

describe('turning an OCR page a quarter', () => {
  // words of one reading: `n` words of six characters at confidence `conf`
  const reading = (n: number, conf: number) => ({
    conf,
    words: Array.from({ length: n }, (_, i) => ({
      text: 'ht=o·t',
      conf,
      x0: 0,
      y0: i * 20,
      x1: 60,
      y1: i * 20 + 15,
      line: i,
    })),
  });
  it('turns a page that reads as next to nothing upright and as text turned', () => {
    expect(readsBetterTurned(reading(3, 0.7), reading(60, 0.8))).toBe(true);
  });
  it('keeps upright a page of poor handwriting that reads about as badly either way', () => {
    // (a ruled scan of the free-form corpus in hand: 119 confident characters upright, 130 turned)
    expect(readsBetterTurned(reading(20, 0.7), reading(22, 0.7))).toBe(false);
    expect(readsBetterTurned(reading(20, 0.7), reading(28, 0.7))).toBe(false);
  });
});
