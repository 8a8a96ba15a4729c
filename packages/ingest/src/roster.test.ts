import { describe, expect, it } from 'vitest';
import { matchStudent, nameSimilarity, parseRoster } from './roster.ts';

const csv = `roll,name
20CS10042,Asha Verma
20CS10043,Asha Varma
19MT30431,Divya Menon
20MI30398,Meera Joshi
20EE10104,"Iyer, Sneha"
`;

describe('parseRoster', () => {
  it('reads roll,name with quotes and upper-cases rolls', () => {
    const r = parseRoster(csv.replace('19MT30431', '19mt30431'));
    expect(r).toHaveLength(5);
    expect(r[2]).toEqual({ roll: '19MT30431', name: 'Divya Menon' });
    expect(r[4].name).toBe('Iyer, Sneha');
  });
  it('accepts the columns in any order and a BOM', () => {
    expect(parseRoster('\uFEFFname,roll\nA B,20CS10042\n')).toEqual([{ roll: '20CS10042', name: 'A B' }]);
  });
  it('throws a clear error when malformed', () => {
    expect(() => parseRoster('')).toThrow(/empty/);
    expect(() => parseRoster('id,student\n1,x')).toThrow(/roll and name/);
    expect(() => parseRoster('roll,name\n20CS10042')).toThrow(/line 2/);
    expect(() => parseRoster('roll,name\n20CS10042,A\n20CS10042,B')).toThrow(/twice/);
  });
});

describe('matchStudent', () => {
  const roster = parseRoster(csv);
  it('matches exactly', () => {
    const m = matchStudent({ name: 'Divya Menon', roll: '19MT30431' }, roster);
    expect(m.match).toEqual({ roll: '19MT30431', name: 'Divya Menon', distance: 0 });
    expect(m.issues).toEqual([]);
  });
  it('tolerates OCR errors in both fields', () => {
    const m = matchStudent({ name: 'Meera Toshi', roll: '201303498' }, roster);
    expect(m.match?.roll).toBe('20MI30398');
    expect(m.ambiguous).toBe(false);
  });
  it('matches by name alone when no roll was read, and says so', () => {
    const m = matchStudent({ name: 'Divya Menon', roll: null }, roster);
    expect(m.match?.roll).toBe('19MT30431');
    expect(m.issues.join()).toMatch(/no roll number/);
  });
  it('is ambiguous between two close students when the read is between them', () => {
    const m = matchStudent({ name: 'Asha Verma', roll: '20CS1004?' }, roster);
    expect(m.match).toBeNull();
    expect(m.ambiguous).toBe(true);
    expect(m.issues.join()).toMatch(/two roster students/);
  });
  it('uses the name to break a roll-number tie', () => {
    const m = matchStudent({ name: 'Asha Varma', roll: '20CS10043' }, roster);
    expect(m.match?.roll).toBe('20CS10043');
  });
  it('reports no match for a stranger', () => {
    const m = matchStudent({ name: 'Arjun Das', roll: null }, roster);
    expect(m.match).toBeNull();
    expect(m.issues.join()).toMatch(/no roster student/);
  });
  it('name similarity forgives word order', () => {
    expect(nameSimilarity('Iyer Sneha', 'Sneha Iyer')).toBe(1);
    expect(nameSimilarity('Sneha Iyer', 'Rohan Das')).toBeLessThan(0.5);
  });
});
