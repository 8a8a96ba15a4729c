import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error.ts';
import { run } from './key.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Run the command in-process and capture what it writes to stdout. */
async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await run(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

// The rubric's values, worked by hand: C_t = [0.2·1 + 1·0.5, 0.4·0.5, 0.5·0.1]; 199 = (200 + 2 − 4)/1 + 1.
const EXPECTED = {
  '1b.i': [0.7, 0.2, 0.05],
  '2b': 0,
  '3a': [3, 5],
  '3b': [3],
  '3c': 4 * (3 * 5 + 3),
  '5': {
    depthwise_output: [199, 199, 3],
    pointwise_output: [199, 199, 10],
    depthwise_multiplications: 199 * 199 * 3 * 16,
    pointwise_multiplications: 199 * 199 * 3 * 10,
    multiplications: 199 * 199 * 3 * 26,
  },
};

describe('grader key (in-process)', () => {
  it('--json prints exactly one JSON object with the CT3 keys', async () => {
    const { code, out } = await capture(['--exam', 'cs60010-ct3', '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const keys = JSON.parse(out);
    expect(keys).toMatchObject(EXPECTED);
    expect(keys['1b.ii'][0]).toBeCloseTo(Math.tanh(0.7), 11);
    expect(keys['1b.ii'].slice(1)).toEqual([0, 0]);
    expect(Object.keys(keys).sort()).toEqual(['1b.i', '1b.ii', '2b', '3a', '3b', '3c', '5']);
  });

  it('--set changes the keys (vectors of any length, other sizes; --set=NAME=VALUE form too)', async () => {
    const { out } = await capture([
      '--exam=cs60010-ct3',
      '--json',
      '--set',
      '1b.f=1,1',
      '--set',
      '1b.i=0,1',
      '--set=1b.o=1,1',
      '--set',
      '1b.C_prev=0.25,0.5',
      '--set',
      '1b.C_tilde=0.5,0.25',
      '--set',
      '5.image=100x100x3',
      '--set',
      '3.input=4',
    ]);
    const keys = JSON.parse(out);
    expect(keys['1b.i']).toEqual([0.25, 0.75]);
    expect(keys['1b.ii'][1]).toBeCloseTo(Math.tanh(0.75), 11);
    expect(keys['3a']).toEqual([3, 7]);
    expect(keys['3c']).toBe(4 * (3 * 7 + 3));
    expect(keys['5'].depthwise_output).toEqual([99, 99, 3]);
    expect(keys['5'].multiplications).toBe(99 * 99 * 3 * 16 + 99 * 99 * 3 * 10);
  });

  it('without --json prints a readable table with every key and marks overridden parameters', async () => {
    const { code, out } = await capture(['--exam', 'cs60010-ct3', '--set', '5.out_channels=20']);
    expect(code).toBe(0);
    expect(out).toMatch(/^1b\.i\s.*\[0\.7, 0\.2, 0\.05\]$/m);
    expect(out).toMatch(/^3a\s.*3 × 5$/m);
    expect(out).toMatch(
      /^5\s.*pointwise out 199 × 199 × 20; multiplications 4,276,908 = 1,900,848 \+ 2,376,060$/m,
    );
    expect(out).toMatch(/^5\.out_channels \*\s+20/m);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['unknown exam', ['--exam', 'cs00000-x', '--json'], /unknown exam "cs00000-x" \(known: cs60010-ct3\)/],
    ['missing --exam', ['--json'], /missing --exam/],
    ['unknown parameter', ['--exam', 'cs60010-ct3', '--set', '6.z=1'], /unknown parameter "6\.z"/],
    [
      'vectors of unequal length',
      ['--exam', 'cs60010-ct3', '--set', '1b.C_prev=1,2,3,4'],
      /unequal length: .*1b\.C_prev has 4/,
    ],
    [
      'filter larger than the padded image',
      ['--exam', 'cs60010-ct3', '--set', '5.filter=203'],
      /5\.filter 203 is larger than the padded image/,
    ],
    ['non-number', ['--exam', 'cs60010-ct3', '--set', '5.stride=two'], /5\.stride: "two" is not a number/],
    [
      'non-number in a vector',
      ['--exam', 'cs60010-ct3', '--set', '1b.f=1,x,0'],
      /1b\.f: "x" is not a number/,
    ],
    ['--set without =', ['--exam', 'cs60010-ct3', '--set', '5.stride'], /expected NAME=VALUE/],
    ['unknown option', ['--exam', 'cs60010-ct3', '--yaml'], /unknown option "--yaml"/],
  ];
  for (const [what, argv, message] of bad) {
    it(`${what}: a one-line CliError, nothing on stdout`, async () => {
      let caught: unknown;
      let out = '';
      try {
        out = (await capture(argv)).out;
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(CliError);
      expect((caught as CliError).exitCode).not.toBe(0);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
      expect(out).toBe('');
    });
  }
});

describe('grader key (child process, as users and CI call it)', () => {
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` };
  const npm = (args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'key', '--', ...args], { cwd: ROOT, env, encoding: 'utf8' });

  it('npm run --silent key -- --exam cs60010-ct3 --json prints only the JSON object', () => {
    const r = npm(['--exam', 'cs60010-ct3', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject(EXPECTED);
  });

  it('bad input exits non-zero with one line on stderr', () => {
    const r = npm(['--exam', 'cs60010-ct3', '--set', '1b.f=1,0.5']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/vectors of unequal length/);
  });
});
