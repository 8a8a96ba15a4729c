import { describe, expect, it } from 'vitest';
import { loadExam, UnknownExamError } from './index.ts';

describe('loadExam', () => {
  it('loads CT3 with its eleven parts in exam order', () => {
    const exam = loadExam('cs60010-ct3');
    expect(exam.parts.map((p) => p.id)).toEqual([
      '1a',
      '1b.i',
      '1b.ii',
      '2a',
      '2b',
      '3a',
      '3b',
      '3c',
      '4a',
      '4b',
      '5',
    ]);
    expect(exam.parts.find((p) => p.id === '1b.ii')?.path).toEqual(['1', 'b', 'ii']);
  });
  it('names the known exams when asked for an unknown one', () => {
    expect(() => loadExam('cs99999-x')).toThrow(UnknownExamError);
    expect(() => loadExam('cs99999-x')).toThrow(/cs60010-ct3/);
  });
});

describe('exam.yaml validation of engine bindings', () => {
  it('reports a part bound to a missing parameter or a parameter of the wrong kind', async () => {
    const { checkEngineBindings } = await import('./index.ts');
    const exam = loadExam('cs60010-ct3');
    const broken = {
      ...exam,
      parts: exam.parts.map((p) =>
        p.id === '3c'
          ? {
              ...p,
              engine: {
                compute: 'lstm.parameter_count' as const,
                inputs: { input: '1b.f', hidden: '3.nope' },
              },
            }
          : p,
      ),
    };
    expect(checkEngineBindings(exam)).toEqual([]);
    expect(checkEngineBindings(broken)).toEqual([
      'parts.3c.engine.inputs.input: "1b.f" is a vector, needs an integer',
      'parts.3c.engine.inputs.hidden: no parameter "3.nope"',
    ]);
  });
});
