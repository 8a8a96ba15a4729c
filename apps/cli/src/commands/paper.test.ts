import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextLayer } from '@grader/ingest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error.ts';
import { run } from './paper.ts';

const dir = mkdtempSync(join(tmpdir(), 'paper-'));
const versions = join(dir, 'versions.yaml');
writeFileSync(
  versions,
  'versions: {A: {}, B: {"3.hidden": 4, "5.padding": 0, "1b.C_prev": [0.5, 0.4, 0.8]}}\n',
);

/** Each page's text as ingestion reads a typed PDF (pdfjs text layer, lines in reading order). */
async function pages(file: string): Promise<string[]> {
  return (await readTextLayer(new Uint8Array(readFileSync(file)))).map((lines) =>
    lines.map((l) => l.text).join('\n'),
  );
}

describe('grader paper: the question paper of one version', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the version’s numbers, and its code on every page', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = { A: join(dir, 'a.pdf'), B: join(dir, 'b.pdf') };
    for (const v of ['A', 'B'] as const)
      expect(
        await run(['--exam', 'cs60010-ct3', '--versions', versions, '--version', v, '--out', out[v]]),
      ).toBe(0);
    const b = await pages(out.B);
    expect(b.length).toBeGreaterThanOrEqual(2);
    for (const page of b) {
      expect(page).toContain('Version B');
      expect(page).not.toContain('Version A');
    }
    const bText = b.join('\n').replace(/\s+/g, ' ');
    expect(bText).toContain('Write “Version B” at the top of your answer script');
    expect(bText).toContain('C_{t-1} = {0.5, 0.4, 0.8}');
    expect(bText).toContain('x_t has dimension 2 and c_t has dimension 4');
    expect(bText).toContain('An image of shape 200 × 200 × 3');
    expect(bText).toContain('stride 1, padding 0 and 10 output channels');
    const a = await pages(out.A);
    for (const page of a) expect(page).toContain('Version A');
    const aText = a.join('\n').replace(/\s+/g, ' ');
    expect(aText).toContain('C_{t-1} = {0.2, 0.4, 0.8}');
    expect(aText).toContain('c_t has dimension 3');
    expect(aText).toContain('padding 1 and 10 output channels');
  });

  it('refuses a version the file does not have, and a bad versions file, in one line', async () => {
    const err = (argv: string[]) => run(['--exam', 'cs60010-ct3', ...argv]).catch((e: unknown) => e);
    const missing = await err(['--versions', versions, '--version', 'C', '--out', join(dir, 'c.pdf')]);
    expect(missing).toBeInstanceOf(CliError);
    expect((missing as Error).message).toBe('version "C" is not in versions.yaml (A, B)');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'versions: {A: {"5.stride": 0}}\n');
    const e = await err(['--versions', bad, '--version', 'A', '--out', join(dir, 'x.pdf')]);
    expect((e as Error).message).toBe('bad.yaml: version A: 5.stride: expected a whole number ≥ 1, got 0');
    expect(await err(['--versions', versions, '--out', 'x.pdf'])).toBeInstanceOf(CliError);
  });
});
