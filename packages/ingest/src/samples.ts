// Where the sample scripts and odd PDFs live, resolved from this file (never from the cwd):
// samples/ at the repo root (public answer scripts with their true scores) and
// packages/ingest/fixtures/odd-pdfs (pdf.js's test corpus). Both are in the repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the repository's root folder */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const ODD_DIR = fileURLToPath(new URL('../fixtures/odd-pdfs', import.meta.url));
/** A pdfLaTeX script whose tall brackets are cmex glyphs 0-3 (control codes in the text layer). */
export const PDFTEX_BRACKETS = fileURLToPath(
  new URL('../fixtures/pdftex-cmex-brackets.pdf', import.meta.url),
);

/** A pdfLaTeX page with big operators (∑ ∏ ∫ in cmex, inline and displayed) and underbraces; source beside it. */
export const PDFTEX_OPERATORS = fileURLToPath(
  new URL('../fixtures/pdftex-big-operators.pdf', import.meta.url),
);

export type Expected = {
  file: string;
  format: string;
  student: { name: string; roll: string | null };
  flags: string[];
  variants: Record<string, string>;
};

export function expectedSamples(): Expected[] {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'expected.json'), 'utf8')) as Expected[];
}

/** Parts the sample answers (its variant is not "<part>.blank"). */
export function answeredParts(e: Expected): string[] {
  return Object.entries(e.variants)
    .filter(([, v]) => !v.endsWith('.blank'))
    .map(([k]) => k);
}

/**
 * Tests only: a stack (one PDF of several scripts, as a sheet feeder makes) of `files`, page after
 * page, written to `out` with poppler's pdfunite or MuPDF's mutool when one is installed (the project
 * has no PDF writer of its own). False when neither is.
 */
export function buildStack(files: string[], out: string): boolean {
  for (const [cmd, args] of [
    ['pdfunite', [...files, out]],
    ['mutool', ['merge', '-o', out, ...files]],
  ] as const) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return true;
    } catch {
      // not installed (or failed): try the next
    }
  }
  return false;
}
