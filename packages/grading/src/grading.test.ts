// The pipeline assembled once: what the server's core stores (prepare, batchFlags) is what the CLI's
// batch grading gives, and the exam row stored by the API is the exam the core packages expect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { parseRubric, scriptFromText } from '@grader/rubric';
import { describe, expect, it } from 'vitest';
import { examFromRow, gradeExtractedBatch, loadGradingCore } from './index.ts';

const exam = loadExam('cs60010-ct3');
const yaml = readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8');
const scripts = [
  { file: 'a.pdf', text: 'Name: A\nRoll: 21CS10001\n## 3c\n4 × (3 × 5 + 3) = 72\n## 5\nTotal = 3,088,878' },
  { file: 'b.pdf', text: 'Name: B\nRoll: 21CS10002\n## 3c\n72\n## 3a\n5 x 3' },
  { file: 'c.pdf', text: 'Name: C\nRoll: 21CS10003\n## 3c\n72\n## 3a\n5 x 3' },
].map((s) => ({ file: s.file, script: scriptFromText(s.text) }));

describe('one pipeline', () => {
  it('the core grades a script as the CLI batch does; batch flags are the batch grading flags', async () => {
    const core = await loadGradingCore();
    const ctx = {
      keys: computeKeys(exam),
      params: examParameters(exam),
      reviewThreshold: exam.reviewThreshold,
    };
    const batch = gradeExtractedBatch(parseRubric(yaml), { ctx }, scripts);
    const one = core.prepare(exam, {}, yaml);
    scripts.forEach((s, i) => {
      const g = one(s.script, s.file);
      expect(g.parts).toEqual(batch[i].parts);
      expect(g.total).toBe(batch[i].total);
    });
    const flags = core.batchFlags(
      exam,
      {},
      yaml,
      scripts.map((s) => ({ extraction: s.script, fileName: s.file })),
    );
    expect(flags).toEqual(batch.map((g) => ({ flags: g.flags, flagReasons: g.flagReasons })));
  });

  it('examFromRow: the stored definition with the exam folder when it exists', () => {
    const { dir, ...definition } = exam;
    expect(examFromRow({ slug: exam.id, definition })).toEqual(exam);
    expect(examFromRow({ slug: 'uploaded-only', definition }).dir).toBe('');
    expect(dir).toMatch(/cs60010-ct3$/);
  });
});
