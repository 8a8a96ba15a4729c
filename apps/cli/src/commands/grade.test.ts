import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import { buildStack, SAMPLES_DIR as samples } from '@grader/ingest/samples';
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
      sets: [],
      versions: null,
      split: false,
      files: ['a.pdf', 'b.pdf'],
    });
    expect(parseArgs(['--exam', 'x', '--split', 'stack.pdf']).split).toBe(true);
  });
  it('--versions FILE, in both forms; not together with --set', () => {
    expect(parseArgs(['--exam', 'x', '--versions', 'v.yaml', 'a.pdf']).versions).toBe('v.yaml');
    expect(parseArgs(['--exam', 'x', '--versions=v.yaml', 'a.pdf']).versions).toBe('v.yaml');
    expect(() => parseArgs(['--exam', 'x', '--versions', 'v.yaml', '--set', '3.hidden=4', 'a.pdf'])).toThrow(
      /--set and --versions do not go together/,
    );
  });
  it('--set NAME=VALUE is repeatable, in both forms', () => {
    expect(parseArgs(['--exam', 'x', '--set', '3.hidden=4', '--set=5.padding=0', 'a.pdf']).sets).toEqual([
      '3.hidden=4',
      '5.padding=0',
    ]);
    expect(() => parseArgs(['--exam', 'x', '--set'])).toThrow(/--set needs a value/);
  });
});

describe('grader grade --set: the same names and checks as grader key --set, before any file is read', () => {
  const bad: Array<[string[], RegExp]> = [
    [['--set', '6.z=1'], /unknown parameter "6\.z" \(known: 1b\.C_prev/],
    [['--set', '5.stride=two'], /5\.stride: "two" is not a number/],
    [['--set', '5.stride'], /expected NAME=VALUE/],
    [['--set', '1b.C_prev=1,2,3,4'], /unequal length: .*1b\.C_prev has 4/],
    [['--set', '5.filter=203'], /5\.filter 203 is larger than the padded image/],
  ];
  for (const [sets, message] of bad) {
    it(sets.join(' '), async () => {
      // the PDF does not exist: the parameters are refused before it would be read
      const err = await run(['--exam', 'cs60010-ct3', ...sets, 'missing.pdf']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    });
  }
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

  it('--set: the keys, labels and reasons follow the parameters', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const argv = ['--exam', 'cs60010-ct3', '--json', join(samples, 'p07.pdf')];
    expect(
      await run([...argv.slice(0, 2), '--set', '3.hidden=4', '--set=5.padding=0', ...argv.slice(2)]),
    ).toBe(0);
    const [g] = JSON.parse(out.join(''));
    const labels = (id: string) => g.parts[id].items.map((i: { label: string }) => i.label);
    expect(labels('3a')).toEqual(['W_f is 4 × 6']);
    expect(labels('3c')).toEqual(['112 = 4 gates × (4 × 6 weights + 4 biases)']);
    expect(labels('5')).toEqual([
      'depthwise output 197 × 197 × 3 ((200 + 2·0 − 4)/1 + 1 = 197)',
      'pointwise output 197 × 197 × 10',
      'total multiplications 3,027,102 = 1,862,832 + 1,164,270',
    ]);
    // this student answered CT3's 3 × 5: wrong for a hidden size of 4
    expect(g.parts['3a'].score).toBe(0);
    expect(JSON.stringify(g)).not.toContain('{{');
  });
});

describe('grader grade --split: each file a stack, one result per script', () => {
  afterEach(() => vi.restoreAllMocks());
  const files = ['p01.pdf', 'p05.pdf', 'p08.pdf']; // typed, LaTeX, office
  const stack = join(mkdtempSync(join(tmpdir(), 'grade-split-')), 'stack.pdf');
  const haveStack = buildStack(
    files.map((f) => join(samples, f)),
    stack,
  );
  const grade = async (argv: string[]) => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await run(['--exam', 'cs60010-ct3', '--roster', join(samples, 'roster.csv'), '--json', ...argv]),
    ).toBe(0);
    vi.restoreAllMocks();
    return JSON.parse(out.join('')) as Array<Record<string, unknown>>;
  };

  it.skipIf(!haveStack)('the same students and grades as the scripts uploaded alone', async () => {
    const split = await grade(['--split', stack]);
    const alone = await grade(files.map((f) => join(samples, f)));
    expect(split.map((r) => r.file)).toEqual([
      'stack.pdf#pages=1-2',
      'stack.pdf#pages=3-4',
      'stack.pdf#pages=5-6',
    ]);
    expect(split.map((r) => (r.student as { roll: string } | null)?.roll)).toEqual([
      '19MT30431',
      '20MA20006',
      '19EE10103',
    ]);
    // everything but the file name is the same, part by part: scores, reasons, flags and evidence
    // boxes (to 1e-4 pt: pdfunite and mutool rewrite the pages' coordinates with other rounding,
    // and mutool's lands a last digit off at 1e-6)
    const round = (v: unknown): unknown =>
      typeof v === 'number'
        ? Math.round(v * 1e4) / 1e4
        : Array.isArray(v)
          ? v.map(round)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]))
            : v;
    expect(split.map(({ file: _, ...g }) => round(g))).toEqual(alone.map(({ file: _, ...g }) => round(g)));
  });

  // The sheet-feeder case of the issue: five scripts (typed, office, scanned, office, LaTeX) in one
  // PDF; the scan's header and answers are read by OCR (tesseract alone, to keep the run short)
  const five = ['p01.pdf', 'p08.pdf', 'p02.pdf', 'p11.pdf', 'p05.pdf'];
  const fiveStack = join(mkdtempSync(join(tmpdir(), 'grade-split-')), 'pile.pdf');
  const haveFive = buildStack(
    five.map((f) => join(samples, f)),
    fiveStack,
  );
  it.skipIf(!haveFive)(
    'five scripts, one scanned: five results, each its writer and its grade alone',
    async () => {
      const engine = process.env.OCR_ENGINE;
      process.env.OCR_ENGINE = 'tesseract';
      try {
        const split = await grade(['--split', fiveStack]);
        const alone = await grade(five.map((f) => join(samples, f)));
        expect(split.map((r) => r.file)).toEqual([
          'pile.pdf#pages=1-2',
          'pile.pdf#pages=3-4',
          'pile.pdf#pages=5-7',
          'pile.pdf#pages=8-9',
          'pile.pdf#pages=10-11',
        ]);
        expect(split.map((r) => (r.student as { roll: string } | null)?.roll)).toEqual(
          alone.map((r) => (r.student as { roll: string } | null)?.roll),
        );
        const marks = (r: Record<string, unknown>) => ({
          total: r.total,
          flags: r.flags,
          parts: Object.fromEntries(
            Object.entries(r.parts as Record<string, { score: number; review: boolean }>).map(([id, p]) => [
              id,
              [p.score, p.review],
            ]),
          ),
        });
        expect(split.map(marks)).toEqual(alone.map(marks));
      } finally {
        if (engine === undefined) delete process.env.OCR_ENGINE;
        else process.env.OCR_ENGINE = engine;
      }
    },
    240_000,
  );

  it('an unreadable stack is one result with its error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-split-'));
    const bad = join(dir, 'pile.pdf');
    writeFileSync(bad, 'this is not a pdf');
    const out = await grade(['--split', bad]);
    expect(out).toHaveLength(1);
    expect(out[0].file).toBe('pile.pdf');
    expect(out[0].error).toMatch(/pdf/i);
  });
});
