// The sample scripts (samples/ at the repo root) with a text layer (typed, LaTeX, office): every answered part found,
// with the text the PDF holds, and the roll number matched to the roster.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { ingestPdf } from './ingest.ts';
import { parseRoster } from './roster.ts';
import { answeredParts, expectedSamples, SAMPLES_DIR } from './samples.ts';

/** pdftotext (poppler), when installed, is an independent reading of the same text layer. */
function pdftotext(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

const exam = loadExam('cs60010-ct3');
const roster = parseRoster(readFileSync(join(SAMPLES_DIR, 'roster.csv'), 'utf8'));
const samples = expectedSamples().filter((e) => ['typed', 'latex', 'office'].includes(e.format));

describe('text-layer samples', () => {
  it('there are some', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(samples.map((e) => [e.file, e] as const))('%s', async (file, e) => {
    const path = join(SAMPLES_DIR, file);
    const s = await ingestPdf(new Uint8Array(readFileSync(path)), { exam, roster, fileName: file });
    expect(s.pages.every((p) => p.source === 'text')).toBe(true);
    // every answered part is found, and nothing outside the exam
    for (const id of answeredParts(e)) expect(s.parts[id], `${file} part ${id}`).toBeDefined();
    for (const id of Object.keys(s.parts)) expect(exam.parts.map((p) => p.id)).toContain(id);
    // the header matches the roster, or says why not
    if (e.student.roll) {
      expect(s.header.roll).toBe(e.student.roll);
      expect(s.header.match?.roll).toBe(e.student.roll);
      expect(s.header.issues).toEqual([]);
    } else {
      expect(s.header.issues.length).toBeGreaterThan(0);
    }
    // organisation: a part answered twice only where the sample says so
    const twice = Object.values(s.parts).some((p) => p.occurrences > 1);
    expect(twice).toBe(e.flags.includes('organisation'));
    // each answered part's text is in poppler's reading of the file
    const ref = pdftotext(path);
    if (ref) {
      const all = squash(ref);
      for (const id of answeredParts(e)) {
        const first = s.parts[id].text.split('\n')[0];
        // LaTeX accents and split fractions differ between readers: compare a plain prefix
        const probe = squash(first)
          .replace(/[\u0300-\u036f˜]/g, '')
          .slice(0, 12);
        if (probe.length >= 3)
          expect(all.replace(/[\u0300-\u036f˜]/g, ''), `${file} ${id}: ${first}`).toContain(probe);
      }
    }
  });
});
