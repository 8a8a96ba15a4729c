import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCorpus } from '../corpus.ts';
import { stripMarkup } from './markup.ts';
import { renderScriptPdf } from './pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'testkit-'));

function pdftotext(pdf: Buffer): string {
  const f = join(dir, `x${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let hasPdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPdftotext = false;
}

describe('rendering', () => {
  const corpus = planCorpus({ seed: 11, count: 8, formats: ['typed'] });

  it.runIf(hasPdftotext)("a typed PDF's text layer holds every label and answer line", async () => {
    for (const s of corpus.scripts.slice(0, 4)) {
      const text = pdftotext(await renderScriptPdf(s))
        .split('\n')
        .filter((l) => !/^\s*(Page \d+|\d+|-\s*\d+\s*-)\s*$/.test(l))
        .join('\n');
      const flat = squash(text);
      for (const b of s.blocks) {
        const label = squash(b.label);
        expect(
          flat.includes(label) || flat.includes(squash(stripMarkup(b.label))),
          `${s.file} ${b.label}`,
        ).toBe(true);
        for (const line of b.lines) {
          const want = squash(line.replace(/\t/g, ' '));
          const ok = flat.includes(want) || flat.includes(squash(stripMarkup(line.replace(/\t/g, ' '))));
          expect(ok, `${s.file} ${b.part}: ${line}`).toBe(true);
        }
      }
      if (s.student?.roll) expect(flat).toContain(s.student.roll);
    }
  });

  it('gives the same bytes for the same script', async () => {
    const s = corpus.scripts[0];
    expect((await renderScriptPdf(s)).equals(await renderScriptPdf(s))).toBe(true);
  });

  it.runIf(hasPdftotext)('a scan-like PDF has pages but no text layer', async () => {
    const scan = planCorpus({ seed: 3, count: 1, formats: ['scan'] }).scripts[0];
    const pdf = await renderScriptPdf(scan);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdftotext(pdf).trim()).toBe('');
    expect(pdf.toString('latin1')).toMatch(/\/DCTDecode/);
  });
});
