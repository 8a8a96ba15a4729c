import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExpectedFile, formatExpected } from '../expected.ts';
import {
  DEFAULT_SPECS,
  HAND_LABEL_STYLES,
  numbersIn,
  planHandwriting,
  renderHandwritingPdf,
} from './handwriting.ts';
import { HERSHEY_DIR, parseJhf, requireHershey } from './hershey.ts';
import { MissingToolError } from './tools.ts';

const CORPUS = fileURLToPath(new URL('../../handwriting/', import.meta.url));
const hasHershey = existsSync(join(HERSHEY_DIR, 'futural.jhf'));

describe('Hershey fonts', () => {
  it('reads .jhf records: bounds, strokes, pen-up', () => {
    // "!" of the simplex face and a wrapped second record
    const g = parseJhf('12345  9MWRFRT RRYQZR[SZRY\n12345  6JZNFNM \nRVFVM\n');
    expect(g).toHaveLength(2);
    expect(g[0].left).toBe(-5);
    expect(g[0].right).toBe(5);
    expect(g[0].strokes).toEqual([
      [
        [0, -12],
        [0, 2],
      ],
      [
        [0, 7],
        [-1, 8],
        [0, 9],
        [1, 8],
        [0, 7],
      ],
    ]);
    expect(g[1].strokes).toHaveLength(2);
  });
  it('says how to install them when they are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-hershey-'));
    expect(() => requireHershey(empty)).toThrow(MissingToolError);
    expect(() => requireHershey(empty)).toThrow(/apt-get install -y hershey-fonts-data/);
  });
});

describe('handwriting corpus plan', () => {
  it('label styles the other renderers do not use', () => {
    const seq = ['1a', '1b.i', '1b.ii', '2a', '2b', '5'] as const;
    const run = (style: string) => {
      let prev: (typeof seq)[number] | null = null;
      return seq.map((p) => {
        const l = HAND_LABEL_STYLES[style](p, prev);
        prev = p;
        return l;
      });
    };
    expect(run('nested (b) i. / ii.')).toEqual(['1. (a)', '(b) i.', 'ii.', '2. (a)', '(b)', '5.']);
    expect(run('1bi. / bare 5')).toEqual(['1a.', '1bi.', '1bii.', '2a.', '2b.', '5']);
    expect(run('Question 1 part (b)(i)')[2]).toBe('Question 1 part (b)(ii)');
    expect(run('(1)(b)(i)')[5]).toBe('(5)');
  });
  it('numbers as compared: grouping commas out, leading zero added', () => {
    expect(numbersIn('= 3,088,878 and .05, [0.7, 0.2]')).toEqual(['3088878', '0.05', '0.7', '0.2']);
  });
  it('the committed set is what the generator plans for seed 2026, with valid true scores', () => {
    const plan = planHandwriting(2026);
    expect(plan.map((h) => h.spec.file)).toEqual(DEFAULT_SPECS.map((s) => s.file));
    for (const split of ['tune', 'heldout'] as const) {
      const mine = plan.filter((h) => h.spec.split === split);
      const committed = readFileSync(join(CORPUS, split, 'expected.json'), 'utf8');
      expect(committed).toBe(formatExpected(mine.map((h) => h.expected)));
      ExpectedFile.parse(JSON.parse(committed));
      const truth = JSON.parse(readFileSync(join(CORPUS, split, 'truth.json'), 'utf8'));
      expect(truth.map((t: { file: string }) => t.file)).toEqual(mine.map((h) => h.spec.file));
      for (const h of mine) expect(existsSync(join(CORPUS, split, h.spec.file))).toBe(true);
    }
    // the halves are written in different hands
    const hands = (s: string) => new Set(plan.filter((h) => h.spec.split === s).map((h) => h.spec.hand));
    const tune = hands('tune');
    expect([...hands('heldout')].some((x) => tune.has(x))).toBe(false);
  });
  it('struck-out slips are not in the true text; labels and answers keep their true scores', () => {
    const plan = planHandwriting(2026);
    const struck = plan.flatMap((h) =>
      h.blocks.flatMap((b) => b.habits.filter((x) => x.startsWith('struck'))),
    );
    expect(struck.length).toBeGreaterThan(0);
    for (const h of plan) {
      for (const b of h.blocks) for (const l of b.lines) expect(l).not.toMatch(/[\uE000-\uE005]/);
      expect(h.expected.total).toBe(Object.values(h.expected.parts).reduce((a, x) => a + x, 0));
    }
  });
  it.runIf(hasHershey)('renders a script to an image-only PDF (needs hershey-fonts-data)', async () => {
    const [h] = planHandwriting(2026);
    const { pdf, pages } = await renderHandwritingPdf(h);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});
