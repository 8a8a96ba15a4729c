import { describe, expect, it } from 'vitest';
import { coerceRoll, findRoll, ocrDistance } from './roll.ts';

describe('roll numbers', () => {
  it('reads a clean roll number exactly', () => {
    expect(findRoll('Roll No: 19MT30431')).toEqual({ roll: '19MT30431', exact: true });
    expect(findRoll('Pooja Kulkarni | 20MI10321 | CS60010 CT 3')?.roll).toBe('20MI10321');
  });

  it.each([
    ['2OCS1OO42', '20CS10042'], // O for 0
    ['20C510324', '20CS10324'], // 5 for S
    ['2ØCS10042'.replace('Ø', 'O'), '20CS10042'],
    ['I8MT3O37l', '18MT30371'], // I and l for 1
    ['20E810406', '20EB10406'], // 8 in a letter position becomes B
    ['Z0PH2O244', '20PH20244'], // Z for 2
    ['20CS1OO4G', '20CS10046'], // G for 6
    ['20cs10042', '20CS10042'], // lower case letters
  ])('coerces %s to %s', (raw, want) => {
    expect(coerceRoll(raw)).toBe(want);
  });

  it('refuses what cannot be a roll number', () => {
    expect(coerceRoll('CS60010CT')).toBeNull();
    expect(coerceRoll('20CS1004')).toBeNull();
    expect(findRoll('CS60010 CT 3, 15/3/21')).toBeNull();
  });

  it('joins a roll number split by a space', () => {
    expect(findRoll('Roll - 20CS 10042')?.roll).toBe('20CS10042');
  });

  it('charges half an edit for OCR-confusable characters', () => {
    expect(ocrDistance('20CS10042', '20CS10042')).toBe(0);
    expect(ocrDistance('2OCS10042', '20CS10042')).toBe(0.5);
    expect(ocrDistance('20CS10043', '20CS10042')).toBe(1);
    expect(ocrDistance('20CS1004', '20CS10042')).toBe(1);
  });
});
