// A broken exam.yaml is an ExamDefinitionError with one structured issue per problem
// ({path, line, message}), so callers (the API's exam upload) never parse messages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExamDefinitionError, loadExam } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'exam-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yaml: string): ExamDefinitionError {
  const id = `e${Math.random().toString(36).slice(2, 8)}`;
  mkdirSync(join(dir, id));
  writeFileSync(join(dir, id, 'exam.yaml'), yaml);
  try {
    loadExam(id, dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ExamDefinitionError);
    return err as ExamDefinitionError;
  }
  throw new Error('loaded');
}

const HEAD = 'id: x\ntitle: X\ncourse: { code: C, line: C }\nreviewThreshold: 0.7\n';

describe('ExamDefinitionError', () => {
  it('schema problems: the field, its line and the message', () => {
    const err = load(`${HEAD}parts:\n  - id: "1a"\n    path: "1"\n`);
    expect(err.issues).toEqual([{ path: 'parts.0.path', line: 7, message: expect.any(String) }]);
    expect(err.message).toContain('parts.0.path: ');
    expect(err.file).toMatch(/exam\.yaml$/);
  });

  it('engine bindings: the part and input named, at the line of the inputs', () => {
    const err = load(
      `${HEAD}parameters:\n  h: { kind: integer, default: 3 }\nparts:\n  - id: "3c"\n    path: ["3", "c"]\n    engine:\n      compute: lstm.parameter_count\n      inputs: { input: h, hidden: nope }\n`,
    );
    expect(err.issues).toEqual([
      { path: 'parts.3c.engine.inputs.hidden', line: 12, message: 'no parameter "nope"' },
    ]);
    expect(err.message).toMatch(/parts\.3c\.engine\.inputs\.hidden: no parameter "nope"$/);
  });

  it('YAML that does not parse: the line, no field', () => {
    const err = load(`${HEAD}title: again\nparts: []\n`);
    expect(err.issues).toEqual([{ path: '', line: 5, message: expect.stringMatching(/unique/) }]);
  });
});
