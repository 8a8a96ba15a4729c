import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examParameters, loadExam, loadVersions } from './index.ts';
import { fillPaper, PaperError, paperTemplate, renderPaper } from './paper.ts';

const exam = loadExam('cs60010-ct3');

describe('the question paper template', () => {
  it('filled with the exam’s own parameters, it is the exam document word for word', () => {
    const filled = fillPaper(paperTemplate(exam).text, examParameters(exam));
    const doc = readFileSync(join(exam.dir, 'docs', 'cs60010-ct3.md'), 'utf8');
    const from = (t: string) => t.slice(t.indexOf('## Instructions'));
    expect(from(filled)).toBe(from(doc));
    expect(filled).not.toContain('{{');
  });
  it('takes a version’s numbers', () => {
    const [, b] = loadVersions(
      'versions: {A: {}, B: {"3.hidden": 4, "5.padding": 0, "1b.C_prev": [0.5, 0.4, 0.8], "5.image": 64x64x1}}',
      exam,
    );
    const filled = fillPaper(paperTemplate(exam).text, b.params);
    expect(filled).toContain('C_{t-1} = {0.5, 0.4, 0.8}');
    expect(filled).toContain('x_t has dimension 2 and c_t has dimension 4.');
    expect(filled).toContain('An image of shape 64 × 64 × 1.');
    expect(filled).toContain('stride 1, padding 0 and 10 output channels');
  });
  it('an unknown parameter or filter is a one-line error with the line', () => {
    const params = examParameters(exam);
    expect(() => fillPaper('a\n{{param:3.hiden}}', params, 'p.md')).toThrow(
      /^p\.md line 2: unknown parameter "3\.hiden"/,
    );
    expect(() => fillPaper('{{param:3.hidden|set}}', params, 'p.md')).toThrow(PaperError);
    expect(() => fillPaper('{{3c}}', params, 'p.md')).toThrow(/is not \{\{param:NAME\}\}/);
  });
  it('renders a PDF', async () => {
    const bytes = await renderPaper(exam, null);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});
