import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { answerValues, withAnswerValues } from './values.ts';

describe('answerValues', () => {
  it('reads one vector however it is spelled, numbers otherwise, null without any', () => {
    expect(answerValues('{0.7,0.2,0.05}')).toEqual([0.7, 0.2, 0.05]);
    expect(answerValues('[0.70, 0.20, 0.050]')).toEqual([0.7, 0.2, 0.05]);
    expect(answerValues('p = (0.7; 0.2; 0.05)')).toEqual([0.7, 0.2, 0.05]);
    expect(answerValues('x = 42')).toEqual([42]);
    expect(answerValues('no idea')).toBeNull();
    expect(answerValues('')).toBeNull();
  });

  it('fills each part from the extraction and keeps values the core set', () => {
    const part = { score: 0, max: 1, review: true, reasons: [], items: [], confidence: 1, evidence: [] };
    const grade = {
      file: 'a.pdf',
      student: null,
      parts: { a: part, b: { ...part, values: [9] }, c: part },
      total: 0,
      flags: [],
      flagReasons: {},
    } satisfies ScriptGrade;
    const ans = (text: string) => ({ text }) as ExtractedScript['parts'][string];
    const ex = { parts: { a: ans('[1, 2]'), b: ans('3') } } as unknown as ExtractedScript;
    const g = withAnswerValues(grade, ex);
    expect(g.parts.a.values).toEqual([1, 2]);
    expect(g.parts.b.values).toEqual([9]);
    expect(g.parts.c.values).toBeUndefined();
  });
});
