import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeformLabels } from '../freeform.ts';
import { generateFreeformHand, handItems, handLine } from './freeform-hand.ts';
import { HERSHEY_DIR } from './hershey.ts';

const hasHershey = existsSync(join(HERSHEY_DIR, 'futural.jhf'));

describe('a typed script copied out by hand', () => {
  it('writes typed and Unicode sub- and superscripts as real ones', () => {
    expect(handLine('C_(t-1) = fₜ ⊙ cₜ₋₁ + x²')).toBe('C_{t-1} = f_{t} ⊙ c_{t-1} + x^{2}');
    expect(handLine('h_{t} = o_t * tanh(C_t)')).toBe('h_{t} = o_t * tanh(C_t)');
  });

  it('writes what the stroke faces lack as a pen would, and shortens typed rules', () => {
    expect(handLine('∑_j α ≤ 1 … ∇L')).toBe('Σ_j α <= 1 ... gradL');
    expect(handLine('='.repeat(60))).toBe('='.repeat(12));
  });

  it('keeps indents and one gap for a run of blank lines', () => {
    const items = handItems('Q1(a)\n\n\n    f_t -> 3\n');
    expect(items).toEqual([
      { kind: 'text', text: 'Q1(a)', indent: 0 },
      { kind: 'gap', lines: 1 },
      { kind: 'text', text: 'f_t -> 3', indent: 36 },
      { kind: 'gap', lines: 1 },
    ]);
  });

  it('refuses to copy out nothing: the writers must be named', async () => {
    await expect(generateFreeformHand(mkdtempSync(join(tmpdir(), 'fh-')), [], 'tune', 1)).rejects.toThrow(
      /--writers/,
    );
  });

  it('refuses a writer without plain-text scripts, naming it', async () => {
    await expect(
      generateFreeformHand(mkdtempSync(join(tmpdir(), 'fh-')), ['no-such'], 'tune', 1),
    ).rejects.toThrow(/no-such/);
  });

  it.skipIf(!hasHershey)(
    "renders a writer's typed scripts with the labeller's marks, as scans or photos",
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'fh-'));
      const writer = freeformLabels().find((l) => l.format === 'typed')?.writer ?? '';
      const done = await generateFreeformHand(out, [writer], 'heldout', 5);
      expect(done.length).toBeGreaterThan(0);
      const labels = JSON.parse(readFileSync(join(out, 'heldout', 'labels.json'), 'utf8'));
      const typed = freeformLabels().filter((l) => l.writer === writer && l.format === 'typed');
      expect(labels.map((l: { file: string }) => l.file).sort()).toEqual(typed.map((l) => l.file).sort());
      for (const l of labels) {
        expect(['scan', 'phone']).toContain(l.format);
        expect(l.parts).toEqual(typed.find((t) => t.file === l.file)?.parts);
        if (l.flags.includes('similarity'))
          expect(labels.map((x: { file: string }) => x.file)).toContain(l.similar_to);
        expect(
          readFileSync(join(out, 'heldout', l.file))
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      }
    },
    60_000,
  );
});
