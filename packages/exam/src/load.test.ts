import { describe, expect, it } from 'vitest';
import { loadExam, UnknownExamError } from './index.ts';

describe('loadExam', () => {
  it('loads CT3 with its eleven parts in exam order', () => {
    const exam = loadExam('cs60010-ct3');
    expect(exam.parts.map((p) => p.id)).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5']);
    expect(exam.parts.find((p) => p.id === '1b.ii')?.path).toEqual(['1', 'b', 'ii']);
  });
  it('names the known exams when asked for an unknown one', () => {
    expect(() => loadExam('cs99999-x')).toThrow(UnknownExamError);
    expect(() => loadExam('cs99999-x')).toThrow(/cs60010-ct3/);
  });
});
