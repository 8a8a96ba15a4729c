import { describe, expect, it } from 'vitest';
import { linesOf } from './testing.ts';
import { findVersionCode, isVersionLine, versionPhrases, withoutVersion } from './version-code.ts';

const codes = (t: string) => versionPhrases(t).map((p) => p.code);

describe('version codes in the header', () => {
  it('reads the usual ways of writing one', () => {
    for (const [text, code] of [
      ['Version B', 'B'],
      ['VERSION: B', 'B'],
      ['version b', 'B'],
      ['Ver. C', 'C'],
      ['Set B', 'B'],
      ['Set-B', 'B'],
      ['Set No. 2', '2'],
      ['Paper code: B', 'B'],
      ['Paper Code - A', 'A'],
      ['Question paper set B', 'B'],
      ['Series D', 'D'],
      ['Name: Asha Verma | Roll: 20CS10042 | Set B', 'B'],
      ['Asha Verma, 20CS10042, CS60010 CT 3, 15/3/21, Version B', 'B'],
      ['Versi0n B', 'B'],
    ] as const)
      expect(codes(text), text).toEqual([code]);
  });
  it('ignores ordinary words and answers', () => {
    for (const text of [
      'CS60010 CT 3, 15/3/21',
      'Subject code CS60010',
      'Set of answers',
      'Answers to the set questions',
      'Set x = 2 and solve',
      'set C_t to zero',
      'we set B = 3',
      'the reset gate',
      'Name: Sets Bhat',
    ])
      expect(codes(text), text).toEqual([]);
  });
  it('a version line alone, and a header line with the version taken out', () => {
    expect(isVersionLine('Version: B')).toBe(true);
    expect(isVersionLine('Name: Asha | Version B')).toBe(false);
    const [line] = linesOf('Name: Asha Verma | Roll: 20CS10042 | Version B');
    expect(withoutVersion(line)?.text).toBe('Name: Asha Verma | Roll: 20CS10042');
    expect(withoutVersion(linesOf('Set B')[0])).toBeNull();
    const found = findVersionCode(linesOf('Asha Verma\n20CS10042\nPaper code: B'));
    expect(found).toMatchObject({ code: 'B', text: 'Paper code: B', region: { page: 1 } });
    expect(findVersionCode(linesOf('Asha Verma\n20CS10042'))).toBeNull();
  });
});

describe('roster with a version column', () => {
  it('roll,name,version: the version is optional per student and as a column', async () => {
    const { parseRoster } = await import('./roster.ts');
    expect(parseRoster('roll,name,version\n20CS10042,Asha Verma,B\n20CS10043,Ravi Kumar,\n')).toEqual([
      { roll: '20CS10042', name: 'Asha Verma', version: 'B' },
      { roll: '20CS10043', name: 'Ravi Kumar' },
    ]);
    expect(parseRoster('version,name,roll\nA,"Das, Arjun",20cs10044\n')).toEqual([
      { roll: '20CS10044', name: 'Das, Arjun', version: 'A' },
    ]);
    expect(parseRoster('roll,name\n20CS10042,Asha Verma\n')).toEqual([
      { roll: '20CS10042', name: 'Asha Verma' },
    ]);
  });
});
