import { describe, expect, it } from 'vitest';
import { paramToText, textToParam } from './params.ts';

describe('parameter text', () => {
  it('round-trips each kind of value', () => {
    for (const v of [4, 0.5, '200x200x3', [1, 0.5, 0]]) {
      expect(textToParam(paramToText(v), v)).toEqual({ value: v });
    }
  });
  it('infers the type of a new parameter from its text', () => {
    expect(textToParam('3')).toEqual({ value: 3 });
    expect(textToParam('[0.2, 0.4]')).toEqual({ value: [0.2, 0.4] });
    expect(textToParam('100x100x3')).toEqual({ value: '100x100x3' });
  });
  it('explains what is wrong', () => {
    expect(textToParam('', 4)).toEqual({ error: 'enter a value' });
    expect(textToParam('four', 4)).toEqual({ error: 'a number' });
    expect(textToParam('[1, "a"]', [1])).toMatchObject({ error: expect.stringMatching(/list of numbers/) });
  });
});
