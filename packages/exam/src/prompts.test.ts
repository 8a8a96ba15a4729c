import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExam } from './load.ts';
import { partPrompts } from './prompts.ts';

describe('partPrompts: what the paper asks in each part', () => {
  it('cuts the paper at its own labels, fills the parameters and leaves displayed formulas out', () => {
    const exam = loadExam('cs60010-ct3');
    const prompts = new Map(partPrompts(exam).map((p) => [p.path.join('/'), p.text]));
    expect(prompts.get('3/b')).toBe('What is the dimension of b_f?');
    expect(prompts.get('1/b/i')).toBe('Compute C_t.');
    // (the question's stem holds its givens, filled in; the marks are no words of it)
    expect(prompts.get('3')).toBe(
      `For the LSTM cell above, x_t has dimension ${exam.parameters?.['3.input'].default} and c_t has dimension ${exam.parameters?.['3.hidden'].default}.`,
    );
    expect(prompts.get('1/b')).toContain('C_{t-1} = {0.2, 0.4, 0.8}');
    expect(prompts.get('1')).not.toContain('σ(W_f');
    expect([...prompts.values()].join(' ')).not.toMatch(/points?\)/);
  });
  it('an exam without a paper template has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    writeFileSync(join(dir, 'exam.yaml'), '');
    expect(
      partPrompts({ id: 'x', dir, paper: 'missing.md', parameters: {}, parts: [{ id: '1', path: ['1'] }] }),
    ).toEqual([]);
  });
});
