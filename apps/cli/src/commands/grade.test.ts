import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { SAMPLES_DIR as samples } from '@grader/ingest/samples';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error.ts';
import { parseArgs, run } from './grade.ts';

describe('grader grade arguments', () => {
  it('needs --exam and at least one file', () => {
    expect(() => parseArgs(['x.pdf'])).toThrow(CliError);
    expect(() => parseArgs(['--exam', 'cs60010-ct3'])).toThrow(/no PDF files/);
    expect(() => parseArgs(['--exam', 'cs60010-ct3', '--frobnicate', 'x.pdf'])).toThrow(/unknown option/);
    expect(parseArgs(['--exam', 'cs60010-ct3', '--roster', 'r.csv', '--json', 'a.pdf', 'b.pdf'])).toEqual({
      exam: 'cs60010-ct3',
      roster: 'r.csv',
      json: true,
      files: ['a.pdf', 'b.pdf'],
    });
  });
});

describe('grader grade --json', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints only a JSON array, one object per file in order; an unreadable file gets an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-'));
    const bad = join(dir, 'notes.pdf');
    writeFileSync(bad, 'this is not a pdf');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await run([
      '--exam',
      'cs60010-ct3',
      '--roster',
      join(samples, 'roster.csv'),
      '--json',
      bad,
      join(samples, 'p07.pdf'),
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out.join(''));
    expect(parsed.map((r: { file: string }) => r.file)).toEqual(['notes.pdf', 'p07.pdf']);
    expect(parsed[0].error).toMatch(/pdf/i);
    expect(parsed[0].parts).toBeUndefined();
    const ids = loadExam('cs60010-ct3').parts.map((p) => p.id);
    expect(Object.keys(parsed[1].parts).sort()).toEqual([...ids].sort());
    const sum = Object.values(parsed[1].parts as Record<string, { score: number }>).reduce(
      (s, p) => s + p.score,
      0,
    );
    expect(parsed[1].total).toBeCloseTo(sum, 6);
    expect(parsed[1].flags).toContain('header');
  });
});
