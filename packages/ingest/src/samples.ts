// Where the shared sample scripts live (outside the repository: ../shared from the repo root).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
export const SAMPLES_DIR = join(SHARED_DIR, 'samples');
export const ODD_DIR = join(SHARED_DIR, 'odd-pdfs');
export const haveSamples = existsSync(join(SAMPLES_DIR, 'expected.json'));

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
