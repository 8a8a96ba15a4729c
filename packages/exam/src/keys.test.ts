import { describe, expect, it } from 'vitest';
import {
  computeKeys,
  ExamParameterError,
  loadExam,
  parameterDefaults,
  parseOverrides,
  partKeys,
  stringifyKeys,
} from './index.ts';

const exam = loadExam('cs60010-ct3');

describe('CT3 keys for the default parameters', () => {
  const keys = computeKeys(exam);

  it('are exactly the rubric keys (checked against the hand-worked rubric values)', () => {
    expect(Object.keys(partKeys(exam, keys)).sort()).toEqual(['1b.i', '1b.ii', '2b', '3a', '3b', '3c', '5']);
    expect(keys['1b.i']).toEqual([0.7, 0.2, 0.05]);
    const h = keys['1b.ii'] as number[];
    expect(h[0]).toBeCloseTo(0.6044, 4);
    expect(h.slice(1)).toEqual([0, 0]);
    expect(keys['2b']).toBe(0);
    expect(keys['3a']).toEqual([3, 5]);
    expect(keys['3b']).toEqual([3]);
    expect(keys['3c']).toBe(4 * (3 * 5 + 3));
    expect(keys['5']).toEqual({
      depthwise_output: [199, 199, 3],
      pointwise_output: [199, 199, 10],
      depthwise_multiplications: 1_900_848,
      pointwise_multiplications: 1_188_030,
      multiplications: 3_088_878,
    });
  });

  it('round float noise away: 0.5·0.4 + 0·0 is 0.2 exactly, tanh(0.7) keeps 12 digits', () => {
    expect(JSON.stringify(keys['1b.i'])).toBe('[0.7,0.2,0.05]');
    expect(JSON.stringify(keys['1b.ii'])).toBe('[0.604367777117,0,0]');
  });

  it('serialise in exam order', () => {
    const text = stringifyKeys(exam, keys);
    expect(text.startsWith('{"1b.i":[0.7,0.2,0.05],"1b.ii":')).toBe(true);
    expect(text).toContain('"3c":72,"5":{"depthwise_output":');
    expect(JSON.parse(text)).toEqual(partKeys(exam, keys));
    expect(text).not.toContain('3c.');
  });

  it('are followed by the counts behind 3c, from the LSTM cell module (4 gates × (15 weights + 3 biases))', () => {
    expect(Object.keys(keys).filter((k) => !(k in partKeys(exam, keys)))).toEqual([
      '3c.gates',
      '3c.weights_per_gate',
      '3c.biases_per_gate',
      '3c.weights_only',
      '3c.biases',
      '3c.one_gate',
    ]);
    expect(keys).toMatchObject({
      '3c.gates': 4,
      '3c.weights_per_gate': 15,
      '3c.biases_per_gate': 3,
      '3c.weights_only': 60,
      '3c.biases': 12,
      '3c.one_gate': 18,
    });
  });

  it('list every parameter with its default as --set text', () => {
    expect(parameterDefaults(exam)).toEqual({
      '1b.C_prev': '0.2,0.4,0.8',
      '1b.f': '1,0.5,0',
      '1b.i': '1,0,0.5',
      '1b.o': '1,0,0',
      '1b.C_tilde': '0.5,0,0.1',
      '3.input': '2',
      '3.hidden': '3',
      '5.image': '200x200x3',
      '5.filter': '4',
      '5.stride': '1',
      '5.padding': '1',
      '5.out_channels': '10',
    });
  });
});

describe('changed parameters change the keys', () => {
  it('Q1(b) with vectors of length 4, written in several ways', () => {
    const keys = computeKeys(exam, {
      '1b.C_prev': '[1, 2, 3, 4]',
      '1b.f': '{0.5, 0.5, 0.5, 0.5}',
      '1b.i': '1 1 1 1',
      '1b.o': '1,1,0,−1',
      '1b.C_tilde': '0.1,0.2,0.3,0.4',
    });
    expect(keys['1b.i']).toEqual([0.6, 1.2, 1.8, 2.4]);
    expect(keys['1b.ii']).toEqual(
      [Math.tanh(0.6), Math.tanh(1.2), 0, -Math.tanh(2.4)].map((v) => Number(v.toPrecision(12)) || 0),
    );
  });

  it('Q3 with x of 10 and c of 20: W_f 20 × 30, b_f 20, 4·(20·30 + 20) = 2480', () => {
    const keys = computeKeys(exam, { '3.input': '10', '3.hidden': '20' });
    expect(keys['3a']).toEqual([20, 30]);
    expect(keys['3b']).toEqual([20]);
    expect(keys['3c']).toBe(2480);
    expect(keys['2b']).toBe(0);
    // weights only 4·H·(H+X), one gate H·(H+X) + H
    expect(keys['3c.weights_only']).toBe(4 * 20 * 30);
    expect(keys['3c.one_gate']).toBe(20 * 30 + 20);
    expect(keys['3c.biases']).toBe(80);
  });

  it('Q5 with a non-square image, stride 2 and no padding', () => {
    const keys = computeKeys(exam, {
      '5.image': '64×32×8',
      '5.filter': '3',
      '5.stride': '2',
      '5.padding': '0',
      '5.out_channels': '16',
    });
    // floor((64 − 3)/2) + 1 = 31, floor((32 − 3)/2) + 1 = 15
    expect(keys['5']).toEqual({
      depthwise_output: [31, 15, 8],
      pointwise_output: [31, 15, 16],
      depthwise_multiplications: 31 * 15 * 8 * 9,
      pointwise_multiplications: 31 * 15 * 8 * 16,
      multiplications: 31 * 15 * 8 * 9 + 31 * 15 * 8 * 16,
    });
  });

  it('Q5 beyond the counted-run limit uses the closed form (a 2000 × 2000 × 64 image)', () => {
    const k = computeKeys(exam, { '5.image': '2000x2000x64' })['5'] as Record<string, number>;
    expect(k.depthwise_multiplications).toBe(1999 * 1999 * 64 * 16);
  });

  it('a huge image with a huge stride is counted by the closed form, not allocated', () => {
    const k = computeKeys(exam, {
      '5.image': '100000x100000x1',
      '5.filter': '1',
      '5.stride': '50000',
      '5.padding': '0',
    })['5'];
    expect(k).toMatchObject({
      depthwise_output: [2, 2, 1],
      depthwise_multiplications: 4,
      pointwise_multiplications: 40,
    });
  });

  it('accepts numbers and arrays as override values (callers holding typed values)', () => {
    expect(computeKeys(exam, { '3.hidden': 4, '1b.f': [0, 0, 0] })['3c']).toBe(4 * (4 * 6 + 4));
  });
});

describe('bad parameters: ExamParameterError with a one-line message naming the problem', () => {
  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ '1b.x': '1' }, /unknown parameter "1b\.x" \(known: 1b\.C_prev/],
    [{ '1b.f': '1,0.5' }, /unequal length: 1b\.f has 2, 1b\.i has 3/],
    [{ '1b.o': '1,0' }, /unequal length: .*1b\.o has 2/],
    [{ '1b.f': '1,a,0' }, /1b\.f: "a" is not a number/],
    [{ '1b.f': '' }, /1b\.f: empty vector/],
    [{ '3.hidden': '2.5' }, /3\.hidden: expected a whole number ≥ 1, got 2\.5/],
    [{ '3.input': '0' }, /3\.input: expected a whole number ≥ 1/],
    [{ '3.input': '0x10' }, /3\.input: "0x10" is not a number/],
    [{ '5.padding': '-1' }, /5\.padding: expected a whole number ≥ 0/],
    [{ '5.image': '200x200' }, /5\.image: expected height×width×channels/],
    [{ '5.filter': '300' }, /5\.filter 300 is larger than the padded image 200 \+ 2·1 = 202/],
    [{ '5.image': '3x3x1', '5.padding': '0' }, /5\.filter 4 is larger than the padded image 3 \+ 2·0 = 3/],
    [{ '3.hidden': '1e9' }, /the key of 3c \(\d+\) is too large .*check 3\.input, 3\.hidden/],
    [{ '1b.C_prev': '1e308,0,0', '1b.f': '10,0,0' }, /the key of 1b\.i \(Infinity\) is too large/],
  ];
  for (const [overrides, message] of bad) {
    it(JSON.stringify(overrides), () => {
      let caught: unknown;
      try {
        computeKeys(exam, overrides);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ExamParameterError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
    });
  }
});

describe('parseOverrides', () => {
  it('splits at the first =, keeps the last of repeated names', () => {
    expect(parseOverrides(['5.image=100x100x3', '1b.f=1,2,3', '5.image=50x50x1'])).toEqual({
      '5.image': '50x50x1',
      '1b.f': '1,2,3',
    });
    expect(parseOverrides(['a=b=c'])).toEqual({ a: 'b=c' });
  });
  it('rejects items without a name', () => {
    expect(() => parseOverrides(['1b.f'])).toThrow(ExamParameterError);
    expect(() => parseOverrides(['=3'])).toThrow(/expected NAME=VALUE, got "=3"/);
  });
});
