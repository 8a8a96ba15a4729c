import { describe, expect, it } from 'vitest';
import {
  confusionsBetween,
  matchStudent,
  nameSimilarity,
  parseRoster,
  rollStatedBelow,
  rosterInText,
} from './roster.ts';

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

describe('matchStudent on a text layer', () => {
  const roster = parseRoster(csv);
  it('matches the exact roll', () => {
    const m = matchStudent({ name: 'Divya Menon', roll: '19MT30431' }, roster);
    expect(m.match).toEqual({ roll: '19MT30431', name: 'Divya Menon', distance: 0 });
    expect(m.issues).toEqual([]);
  });
  it('decides a namesake by the roll', () => {
    const m = matchStudent({ name: 'Asha Verma', roll: '20CS10043' }, roster);
    expect(m.match?.roll).toBe('20CS10043');
  });
  it('does not give a typed roll to its owner when the typed name is another student', () => {
    const m = matchStudent({ name: 'Meera Joshi', roll: '19MT30431' }, roster);
    expect(m.match).toBeNull();
    expect(m.issues.join()).toMatch(/Divya Menon's but the name reads "Meera Joshi"/);
  });
  it('never gives a near roll to another student, whatever the name', () => {
    for (const roll of ['20CS10044', '19MT30432', '19MT34031', '19EE30431', '20CS1004']) {
      for (const name of ['Rajat Srivastava', 'Divya Menon', null]) {
        const m = matchStudent({ name, roll }, roster);
        expect(m.match, `${roll} ${name}`).toBeNull();
        expect(m.issues.length).toBeGreaterThan(0);
      }
    }
  });
  it('does not match by name alone, but names the likely student for the TA', () => {
    const m = matchStudent({ name: 'Divya Menon', roll: null }, roster);
    expect(m.match).toBeNull();
    expect(m.issues.join()).toMatch(/no roll number was read .*19MT30431 Divya Menon/);
  });
  it('reports no match for a stranger', () => {
    const m = matchStudent({ name: 'Arjun Das', roll: null }, roster);
    expect(m.match).toBeNull();
  });
});

describe('matchStudent on an OCR reading', () => {
  const roster = parseRoster(csv);
  it('accepts OCR confusions in the roll when the name agrees', () => {
    const m = matchStudent({ name: 'Meera Toshi', roll: '20MI3O398' }, roster, 'ocr');
    expect(m.match?.roll).toBe('20MI30398');
    expect(m.match?.distance).toBe(0.5);
  });
  it('refuses a roll within confusions when the name does not agree', () => {
    const m = matchStudent({ name: 'Rohan Das', roll: '20MI3O398' }, roster, 'ocr');
    expect(m.match).toBeNull();
    expect(m.issues.join()).toMatch(/does not confirm/);
  });
  it('refuses an exact OCR roll with no name or another name (a misread digit can hit another roll)', () => {
    expect(matchStudent({ name: null, roll: '19MT30431' }, roster, 'ocr').match).toBeNull();
    expect(matchStudent({ name: 'Meera Joshi', roll: '19MT30431' }, roster, 'ocr').match).toBeNull();
    expect(matchStudent({ name: 'Divya Menan', roll: '19MT30431' }, roster, 'ocr').match?.roll).toBe(
      '19MT30431',
    );
  });
  it('refuses differences OCR does not make (4 for 2, transposed digits)', () => {
    expect(matchStudent({ name: 'Asha Verma', roll: '20CS10024' }, roster, 'ocr').match).toBeNull();
    expect(matchStudent({ name: 'Meera Joshi', roll: '20MI30389' }, roster, 'ocr').match).toBeNull();
  });
  it('is ambiguous between two close students that both fit', () => {
    // 2 and Z, 3 and 8: the read fits both rolls, and the names are one letter apart
    const r = parseRoster('roll,name\n20CS10023,Asha Verma\n20CS10028,Asha Varma\n');
    const m = matchStudent({ name: 'Asha Vrma', roll: '20CS1002?' }, r, 'ocr');
    expect(m.match).toBeNull();
    expect(m.ambiguous).toBe(true);
    expect(m.issues.join()).toMatch(/two roster students fit/);
  });
  it('confusionsBetween counts only confusable, same-length differences', () => {
    expect(confusionsBetween('20CS1OO42', '20CS10042')).toBe(2);
    expect(confusionsBetween('20CS10325', '20CS10324')).toBeNull();
    expect(confusionsBetween('21CS19998', '21CS19999')).toBeNull();
    expect(confusionsBetween('20CS1004', '20CS10042')).toBeNull();
  });
  it('name similarity forgives word order', () => {
    expect(nameSimilarity('Iyer Sneha', 'Sneha Iyer')).toBe(1);
    expect(nameSimilarity('Sneha Iyer', 'Rohan Das')).toBeLessThan(0.5);
  });
});

describe('rosterInText: the roster searched for in an OCR header the fields were not split from', () => {
  const roster = parseRoster(
    [
      'roll,name',
      '21CH10077,Kavya Raman',
      '21CH10071,Kavita Raman', // a near roll under a near name
      '21CH10071X,Someone Else',
      '19EE30511,Arjun Mehra',
      '19EE30517,Rahul Sethi', // one confusion (1/7) from Arjun's roll, another name
      '20MA20456,Tara Bose',
      '20MA20458,Tara Bose', // a namesake whose roll is one confusion (6/8) away
      '20MI30398,Meera Joshi',
    ].join('\n'),
  );
  const find = (t: string) => rosterInText(t, roster)?.roll ?? null;

  it('finds a student whose roll and name are run together or split by OCR', () => {
    expect(find('Nane: Arjnu Mehra Rol1 N0: 19EE 305 11 CS60010 CT 3')).toBe('19EE30511');
    expect(find('ArjunMehra19EE30511|CS60010CT3,15/3/21')).toBe('19EE30511');
    expect(find('MEHRA ARJUN 19 EE3O511 CS60010')).toBe('19EE30511'); // name reversed, O for 0
  });

  it('forgives one handwritten slip in the roll only when the name is read whole', () => {
    expect(find('Nome: Meera Joshi Roll 10: 20m330398')).toBe('20MI30398'); // MI read as m3
    expect(find('Nome: Meera Jo Roll 10: 20m330398')).toBe(null); // a name read less well
    expect(find('Nome: Meera Joshi Roll 10: 20m3303g8')).toBe(null); // two slips
    // a digit OCR lost or added is one slip too ("Roll no: 1 EC35021" for 17EC35021)
    expect(find('Name: Meera Joshi Roll no: 20MI3098')).toBe('20MI30398');
    expect(find('Name: Meera Joshi Roll no: 20MI303798')).toBe('20MI30398');
    expect(find('Name: Meera Jo Roll no: 20MI3098')).toBe(null);
    expect(find('Name: Meera Joshi Roll no: 20M3098')).toBe(null); // lost two
  });

  it('reads the roll to its form first (digits, two letters, digits) before counting slips', () => {
    // "20M1 3O328": the 1 where a letter must be is an I, the O where a digit must be a 0; one slip left
    expect(find('Name: Meera Joshi Roll 20M1 3O328')).toBe('20MI30398');
    expect(find('Name: Meera Jo Roll 20M1 3O328')).toBe(null); // the name not read whole
    expect(find('Name: Meera Joshi Roll 20M1 3O322')).toBe(null); // two slips after the form
  });

  it('gives the script to nobody when the name does not agree with the roll found', () => {
    // Arjun's roll exactly, and Rahul's name (Rahul's roll is one confusion away): nobody
    expect(find('Rahul Sethi 19EE30511 CS60010')).toBe(null);
    expect(find('Arjun 19EE30511 CS60010')).toBe(null); // half a name
    expect(find('19EE30511 CS60010 CT 3')).toBe(null); // no name at all
  });

  it('gives the script to nobody when two students fit roll and name', () => {
    expect(find('Kavya Raman 21CH1007? CS60010')).toBe(null);
    expect(find('Tara Bose 20MA2045?')).toBe(null); // the digit that tells namesakes apart unread
  });
});

describe('a near roll goes only to the student whose name fits best on the whole list', () => {
  // a real student, and one on another department whose name is hers less a letter
  const roster = parseRoster(['roll,name', '19CS17703,Vedika Somani', '19EE17703,Vedika Soman'].join('\n'));

  it('fields read apart: CS read as EF is one confusion from 19EE17703, but the name is Somani', () => {
    const m = matchStudent({ name: 'Vedika Somani', roll: '19EF17703' }, roster, 'ocr');
    expect(m.match).toBeNull();
    expect(m.issues[0]).toMatch(/closer to 19CS17703 Vedika Somani/);
    // the other student's own name with that roll is hers
    expect(matchStudent({ name: 'Vedika Soman', roll: '19EF17703' }, roster, 'ocr').match?.roll).toBe(
      '19EE17703',
    );
  });

  it('searched for in an unsplit header: a name found inside a longer one on the list is no evidence', () => {
    expect(rosterInText('Name - Vedika Somani Roll No - 19EF17703 CS60010', roster)).toBeNull();
    // an exact roll still decides
    expect(rosterInText('Name - Vedika Somani Roll No - 19CS17703 CS60010', roster)?.roll).toBe('19CS17703');
  });
});

describe('a roll stated apart from the header', () => {
  const roster = parseRoster(
    'roll,name\n20MT46890,Vedant Ghorpade\n19AE46878,Nivedita Panigrahi\n21CS10001,Vedant Ghosh\n',
  );
  it('names its student when the roll is on the list and the name read is that student’s', () => {
    expect(rollStatedBelow(['total = 3027102', 'Roll: 20MT46890'], 'Vedant Ghorpade', roster)?.roll).toBe(
      '20MT46890',
    );
    // (a field's key run into the name read: every listed word is there)
    expect(
      rollStatedBelow(['Correction: my roll number is 19AE46878'], 'Nivedita Panigrahi Seat No', roster)
        ?.roll,
    ).toBe('19AE46878');
  });
  it('names nobody for another name, a roll off the list, no key, or two rolls', () => {
    expect(rollStatedBelow(['Roll: 20MT46890'], 'Vedant Ghosh', roster)).toBeNull();
    expect(rollStatedBelow(['Roll: 20MT46891'], 'Vedant Ghorpade', roster)).toBeNull();
    expect(rollStatedBelow(['see 20MT46890'], 'Vedant Ghorpade', roster)).toBeNull();
    expect(rollStatedBelow(['Roll: 20MT46890', 'roll 21CS10001'], 'Vedant Ghorpade', roster)).toBeNull();
    expect(rollStatedBelow(['Roll: 20MT46890'], null, roster)).toBeNull();
  });
});
