// grader grade --versions: real typed PDFs (pdfkit) of an exam with two versions, through the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptGrade } from '@grader/model';
import PDFDocument from 'pdfkit';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error.ts';
import { run } from './grade.ts';

const require = createRequire(import.meta.url);
const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** A typed answer script: one line per entry, pages as they fill. */
function typedPdf(lines: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 64 });
  doc.registerFont('dejavu', DEJAVU);
  doc.font('dejavu').fontSize(11);
  for (const l of lines) doc.text(l === '' ? ' ' : l, { lineGap: 3 });
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', fail);
    doc.end();
  });
}

/** Right answers with working for CT3 with hidden size H (input 2) and padding p. */
function answers(H: number, p: number): string[] {
  const S = H + 2;
  const n = 200 + 2 * p - 4 + 1;
  const [D, P] = [n * n * 3 * 16, n * n * 3 * 10];
  return [
    'Q1 b) i) C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t',
    '= {1 × 0.2 + 1 × 0.5, 0.5 × 0.4 + 0 × 0, 0 × 0.8 + 0.5 × 0.1} = {0.7, 0.2, 0.05}',
    'Q1 b) ii) h_t = o_t ⊙ tanh(C_t) = {1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.604, 0, 0}',
    `Q3 a) [h_{t-1}, x_t] has ${H} + 2 = ${S} entries and f_t has ${H}, so W_f is ${H} × ${S}.`,
    `Q3 b) b_f is ${H} × 1, one bias for each hidden unit.`,
    `Q3 c) Per gate ${H} × ${S} + ${H} = ${H * S + H}; for 4 gates 4 × ${H * S + H} = ${4 * (H * S + H)} parameters.`,
    'Q5 Depthwise: each of the 3 channels gets its own 4 × 4 filter.',
    `Output size = (200 + 2 × ${p} - 4)/1 + 1 = ${n}, so the depthwise output is ${n} × ${n} × 3`,
    `Multiplications = ${n} × ${n} × 3 × 4 × 4 = ${D}`,
    `Pointwise: 10 filters of 1 × 1 × 3, output ${n} × ${n} × 10`,
    `Multiplications = ${n} × ${n} × 3 × 10 = ${P}`,
    `Total = ${D} + ${P} = ${D + P}`,
  ];
}
const A = answers(3, 1);
const B = answers(4, 0);
const header = (name: string, roll: string, version?: string) => [
  `Name: ${name}`,
  `Roll No: ${roll}`,
  'CS60010 CT 3, 15/3/21',
  ...(version ? [version] : []),
  '',
];

const dir = mkdtempSync(join(tmpdir(), 'grade-versions-'));
const file = (name: string) => join(dir, name);
const VERSIONS = file('versions.yaml');
const ROSTER = file('roster.csv');

beforeAll(async () => {
  writeFileSync(VERSIONS, 'versions: {A: {}, B: {"3.hidden": 4, "5.padding": 0}}\n');
  writeFileSync(
    ROSTER,
    [
      'roll,name,version',
      '20CS10042,Asha Verma,A',
      '20CS10043,Ravi Kumar,B',
      '20CS10044,Meera Joshi,B',
      '20CS10045,Kabir Shah,',
      '20CS10046,Zoya Khan,',
    ].join('\n'),
  );
  const scripts: Record<string, string[]> = {
    'a1.pdf': [...header('Asha Verma', '20CS10042'), ...A],
    'b1.pdf': [...header('Ravi Kumar', '20CS10043'), ...B],
    // a version-B student who wrote version A's numbers
    'b2.pdf': [...header('Meera Joshi', '20CS10044', 'Version B'), ...A],
    // not on the roster's version column: the code on the script decides
    'a2.pdf': [...header('Kabir Shah', '20CS10045', 'Paper code: A'), ...A],
    // the roster says B, the script says A (B's numbers)
    'd1.pdf': [...header('Ravi Kumar', '20CS10043', 'Set A'), ...B],
    // no version anywhere
    'u1.pdf': [...header('Zoya Khan', '20CS10046'), ...A],
  };
  for (const [name, lines] of Object.entries(scripts)) writeFileSync(file(name), await typedPdf(lines));
});

async function grade(argv: string[]): Promise<ScriptGrade[]> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await run(['--exam', 'cs60010-ct3', '--json', ...argv])).toBe(0);
  return (JSON.parse(out.join('')) as unknown[]).map((g) => ScriptGrade.parse(g));
}

describe('grader grade --versions --roster', () => {
  afterEach(() => vi.restoreAllMocks());

  it('grades each script on its own version; only the B script with A’s numbers gets the version flag', async () => {
    const grades = await grade([
      '--versions',
      VERSIONS,
      '--roster',
      ROSTER,
      ...['a1', 'b1', 'b2', 'a2'].map((f) => file(`${f}.pdf`)),
    ]);
    const by = Object.fromEntries(grades.map((g) => [g.file, g]));
    expect(grades.map((g) => [g.file, g.version, g.student?.roll])).toEqual([
      ['a1.pdf', 'A', '20CS10042'],
      ['b1.pdf', 'B', '20CS10043'],
      ['b2.pdf', 'B', '20CS10044'],
      ['a2.pdf', 'A', '20CS10045'],
    ]);
    for (const f of ['a1.pdf', 'b1.pdf', 'a2.pdf'])
      for (const id of ['1b.i', '1b.ii', '3a', '3b', '3c', '5'])
        expect([f, id, by[f].parts[id].score, by[f].parts[id].review]).toEqual([
          f,
          id,
          by[f].parts[id].max,
          false,
        ]);
    expect(by['b1.pdf'].parts['3c'].items[0].label).toBe('112 = 4 gates × (4 × 6 weights + 4 biases)');
    expect(by['a1.pdf'].parts['3c'].items[0].label).toBe('72 = 4 gates × (3 × 5 weights + 3 biases)');
    expect(by['b2.pdf'].parts['3a'].score).toBe(0);
    expect(grades.filter((g) => g.flags.includes('version')).map((g) => g.file)).toEqual(['b2.pdf']);
    expect(by['b2.pdf'].flagReasons.version).toMatch(/^numbers match version A's key, not its own B \(/);
    // no other flag came from the versions (the scripts are not alike in wrong answers)
    expect(grades.flatMap((g) => g.flags)).toEqual(['version']);
  }, 120_000);

  it('roster and script disagreeing, and no version anywhere: flagged with the reason', async () => {
    const grades = await grade(['--versions', VERSIONS, '--roster', ROSTER, file('d1.pdf'), file('u1.pdf')]);
    const [d1, u1] = grades;
    expect([d1.version, d1.flags]).toEqual(['B', ['version']]);
    expect(d1.flagReasons.version).toBe(
      'the roster gives version B but the script says "Set A": graded on B',
    );
    expect(d1.parts['3c'].score).toBe(1);
    expect([u1.version, u1.flags]).toEqual(['A', ['version']]);
    expect(u1.flagReasons.version).toBe(
      'version unknown (not on the roster, no version code on the script): graded on version A',
    );
    expect(u1.parts['3c'].score).toBe(1);
  }, 120_000);

  it('a bad versions file or a roster version the file lacks stops before any file is read', async () => {
    const err = (argv: string[]) =>
      run(['--exam', 'cs60010-ct3', '--json', ...argv, 'missing.pdf']).catch((e: unknown) => e);
    const bad = file('bad.yaml');
    writeFileSync(bad, 'versions: {A: {}, B: {"3.hidden": four}}\n');
    const e1 = await err(['--versions', bad]);
    expect(e1).toBeInstanceOf(CliError);
    expect((e1 as CliError).exitCode).toBe(2);
    expect((e1 as Error).message).toBe('bad.yaml: version B: 3.hidden: "four" is not a number');
    const roster = file('roster-c.csv');
    writeFileSync(roster, 'roll,name,version\n20CS10042,Asha Verma,A\n20CS10043,Ravi Kumar,C\n');
    const e2 = await err(['--versions', VERSIONS, '--roster', roster]);
    expect((e2 as Error).message).toBe(
      'roster roster-c.csv: 20CS10043 (Ravi Kumar) has version "C", which versions.yaml does not define (A, B)',
    );
    expect(await err(['--versions', VERSIONS, '--set', '3.hidden=4'])).toBeInstanceOf(CliError);
  });

  it('exit status 2 and one line on stderr from the command itself', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const bad = file('bad2.yaml');
    writeFileSync(bad, 'versions:\n  A: {}\n  B: {"3.hiden": 4}\n');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'apps/cli/src/main.ts'),
        'grade',
        '--exam',
        'cs60010-ct3',
        '--versions',
        bad,
        '--json',
        'x.pdf',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^grader: bad2\.yaml: version B: unknown parameter "3\.hiden" \(known: /),
    ]);
  }, 60_000);
});
