// The pipeline assembled once: what the server's core stores (prepare, batchFlags) is what the CLI's
// batch grading gives, and the exam row stored by the API is the exam the core packages expect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { IngestError } from '@grader/ingest';
import { parseRubric, scriptFromText } from '@grader/rubric';
import { describe, expect, it } from 'vitest';
import { examFromRow, gradeExtractedBatch, isUnreadableFile, loadGradingCore } from './index.ts';

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

describe('errors as values', () => {
  it('checkRubric: structured issues with field, line and message (no text to parse)', async () => {
    const core = await loadGradingCore();
    expect(core.checkRubric(exam, yaml)).toBeNull();
    const bad =
      'exam: x\ntotal: 2\nparts:\n  - id: "a"\n    points: 1\n    items:\n      - { id: v, label: L, points: "one", type: value, shape: number, key: { literal: 1 } }\n';
    expect(core.checkRubric(exam, bad)).toEqual([
      { path: 'parts[0].items[0].points', line: 7, message: expect.any(String) },
    ]);
    // valid, but for a part the exam does not have
    const stranger = bad.replace('"one"', '1').replace('total: 2', 'total: 1');
    expect(core.checkRubric(exam, stranger)).toEqual([
      { path: 'parts[0].id', line: null, message: `"a" is not a part of exam ${exam.id}` },
    ]);
    // a message with ": " in it stays whole; YAML that does not parse is the document's, at its line
    const broken = core.checkRubric(exam, 'total: 2\ntotal: 3\n');
    expect(broken).toEqual([{ path: '', line: 2, message: expect.stringMatching(/unique/) }]);
  });

  it('an unreadable file is an IngestError, by class, not by name', () => {
    expect(isUnreadableFile(new IngestError('not_pdf', 'the file is not a PDF'))).toBe(true);
    const lookalike = Object.assign(new Error('x'), { name: 'IngestError', code: 'not_pdf' });
    expect(isUnreadableFile(lookalike)).toBe(false);
  });
});
