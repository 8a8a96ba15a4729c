import { describe, expect, it } from 'vitest';
import { readHeader } from './header.ts';
import { parseRoster } from './roster.ts';
import { linesOf } from './testing.ts';
import { freeformScript } from './testing-pdf.ts';

const roster = parseRoster('roll,name\n20CS10042,Asha Verma\n19MT30431,Divya Menon\n20MI30398,Meera Joshi\n');
const read = (text: string, withRoster = true, ocr = false) =>
  readHeader(linesOf(text), {
    courseCode: 'CS60010',
    roster: withRoster ? roster : undefined,
    ocrPages: ocr ? new Set([1]) : undefined,
  });

describe('readHeader', () => {
  it('does not read an OCR\'d header as sure when its "Roll no:" holds no roll it could read', () => {
    // handwriting: "Roll no: 17EC35021" read as "Roll no: I7EGB5O2I" (the name and course read well)
    const h = read('Name: Sai Reddy\nRoll no: I7EGB5OZI\nCS60010 CT 3, 15/3/21', true, true);
    expect(h.roll).toBeNull();
    expect(h.conf).toBeLessThan(0.9);
    // the same header with the roll line left out is read surely: the roll is missing
    expect(read('Name: Sai Reddy\nCS60010 CT 3, 15/3/21', true, true).conf).toBeGreaterThan(0.9);
  });
  it('does not read an OCR\'d header as sure when its course line was misread (its date or "CT 3" read)', () => {
    const h = read('Vamsi Krishna | 20CS10042 | C8GOOIO CT 3, 15/3/21', true, true);
    expect(h.course).toBeNull();
    expect(h.conf).toBeLessThan(0.9);
    expect(read('Asha Verma | 20CS10042', true, true).conf).toBeGreaterThan(0.9);
  });
  it('reads keyed fields on separate lines', () => {
    const h = read('Name: Divya Menon\nRoll No: 19MT30431\nCS60010 CT 3, 15/3/21');
    expect(h).toMatchObject({ name: 'Divya Menon', roll: '19MT30431', course: 'CS60010 CT 3, 15/3/21' });
    expect(h.match?.roll).toBe('19MT30431');
    expect(h.issues).toEqual([]);
    expect(h.region?.page).toBe(1);
  });
  it('reads keyed fields on one line', () => {
    const h = read('CS60010 CT 3, 15/3/21\nName - Asha Verma     Roll - 20CS10042');
    expect(h).toMatchObject({ name: 'Asha Verma', roll: '20CS10042' });
  });
  it('stops the name at a wide gap on its line ("Name: Asha Verma" … far right "Deep Learning")', () => {
    const [line, ...rest] = linesOf('Name: Asha Verma\nRoll No: 20CS10042\nCS60010 CT 3, 15/3/21');
    const far = { text: 'Deep', box: { x: 480, y: line.box.y, w: 24, h: 12 }, conf: 1 };
    const far2 = { text: 'Learning', box: { x: 508, y: line.box.y, w: 48, h: 12 }, conf: 1 };
    const wide = { ...line, text: `${line.text} Deep Learning`, words: [...line.words, far, far2] };
    const h = readHeader([wide, ...rest], { courseCode: 'CS60010', roster });
    expect(h.name).toBe('Asha Verma');
    expect(h.match?.roll).toBe('20CS10042');
  });
  it('reads an unkeyed line "name | roll | course"', () => {
    const h = read('Asha Verma | 20CS10042 | CS60010 CT 3, 15/3/21');
    expect(h).toMatchObject({ name: 'Asha Verma', roll: '20CS10042', course: 'CS60010 CT 3, 15/3/21' });
  });
  it('reads the student after the course line on its line ("CS60010 CT 3, 15/3/21  ::  Name (roll)")', () => {
    const h = read('CS60010 CT 3, 15/3/21  ::  Asha Verma  (20CS10042)', false);
    expect(h).toMatchObject({ name: 'Asha Verma', roll: '20CS10042', course: 'CS60010 CT 3, 15/3/21' });
  });
  it('reads an unkeyed line with dashes', () => {
    const h = read('Asha Verma — 20CS10042 — CS60010 CT 3, 15/3/21');
    expect(h).toMatchObject({ name: 'Asha Verma', roll: '20CS10042' });
  });
  it('title-cases block capitals and matches an OCR-damaged roll when the name agrees', () => {
    const h = read('C560010 CT 3, 15/3/21\nNAME - MEERA TOSHI ROLL - 20Ml30398', true, true);
    expect(h.name).toBe('Meera Toshi');
    expect(h.course).toBe('C560010 CT 3, 15/3/21');
    expect(h.match?.roll).toBe('20MI30398');
    expect(h.issues).toEqual([]);
  });
  it('raises an issue when the roll number is missing', () => {
    const h = read('Name: Arjun Das\nCS60010 CT 3, 15/3/21');
    expect(h.roll).toBeNull();
    expect(h.issues.join()).toMatch(/no roll number/);
  });
  it('raises an issue when nothing matches the roster', () => {
    const h = read('Name: Arjun Das\nRoll: 21XY99999');
    expect(h.match).toBeNull();
    expect(h.rosterChecked).toBe(true);
    expect(h.issues.join()).toMatch(/21XY99999 is not on the roster/);
  });
  it('does not give an OCR-damaged roll to its owner when the name is someone else', () => {
    const h = read('CS60010 CT 3, 15/3/21\nNAME - RAJAT SRIVASTAVA ROLL - 20Ml30398', true, true);
    expect(h.match).toBeNull();
    expect(h.issues.join()).toMatch(/name does not confirm/);
  });
  it('takes the name from an unlabelled line once the roll matched ("Answer script of …")', () => {
    const h = read('Answer script of Divya Menon\n19MT30431\nCS60010 CT 3, 15/3/21');
    expect(h.match?.roll).toBe('19MT30431');
    expect(h.name).toBe('Divya Menon');
    expect(h.issues).toEqual([]);
  });
  it('takes the name after "Answer script of" when no roll was written', () => {
    const h = read('Answer script of Nguyen Van Minh\nSubject: Deep Learning CS60010 Class Test 3', false);
    expect(h.name).toBe('Nguyen Van Minh');
    expect(h.issues.join()).not.toMatch(/no name/);
  });
  it('flags a missing course line', () => {
    const h = read('Name: Divya Menon\nRoll No: 19MT30431');
    expect(h.match?.roll).toBe('19MT30431');
    expect(h.issues.join()).toMatch(/no course line/);
  });
  it('without a roster, reports what was read and flags an odd roll', () => {
    expect(read('Name: Asha Verma\nRoll: 20CS10042\nCS60010 CT 3', false).issues).toEqual([]);
    expect(read('Name: Asha Verma\nRoll: 20C1004299\nCS60010 CT 3', false).issues.join()).toMatch(
      /usual form/,
    );
  });
  it('does not take a title line for a name', () => {
    const h = read('Deep Learning Class Test\nRoll: 20CS10042', false);
    expect(h.name).toBeNull();
  });
});

describe('an online form printed (round 83)', () => {
  it('what was typed in a box, "Your answer: Asha Verma", is the name; the form’s own words never are', () => {
    const h = read(
      'Name *\nYour answer: Asha Verma\nRoll number *\nYour answer: 20CS10042\nCS60010 CT 3, 15/3/21',
      false,
    );
    expect(h.name).toBe('Asha Verma');
    expect(h.roll).toBe('20CS10042');
    const noName = read('Name and email address\nYour answer:\n20CS10042\nCS60010 CT 3, 15/3/21', false);
    expect(noName.name ?? '').not.toMatch(/email|answer/i);
  });
});

describe('a name under a masthead', () => {
  it('"Answer script of …" or a byline names the student, with the roll after it on the line', () => {
    const led = read(
      'The Recurrent Review\nCS60010 CT 3, 15/3/21\nAnswer script of Asha Verma   Roll No. 20CS10042',
    );
    expect(led).toMatchObject({ name: 'Asha Verma', roll: '20CS10042' });
    expect(led.match?.roll).toBe('20CS10042');
    const byline = read(
      'The Hidden State Chronicle\nBy Asha Verma, Roll No. 20CS10042\nCS60010 CT 3, 15/3/21',
    );
    expect(byline).toMatchObject({ name: 'Asha Verma', roll: '20CS10042' });
    // (a sentence opening "By" names nobody)
    expect(read('By the chain rule over both paths\nCS60010 CT 3, 15/3/21', false).name).toBeNull();
  });
  it("a masthead set large is no student's name when a name of normal size follows (free-form corpus)", async () => {
    const qs08 = await freeformScript('qs-08.pdf');
    expect(qs08.header.name).toBe('Ankita Mahapatra');
    // (a name set large, alone, is the name: xm-09)
    const xm09 = await freeformScript('xm-09.pdf');
    expect(xm09.header.name).toBe('Lalhmingsanga Chhangte');
  });
  it("a title read as the name gives way to the roll's own student written in full in the header", () => {
    const h = read('KGP Evening Tensor\nCS60010 CT 3, 15/3/21 Asha Verma\nRoll 20CS10042');
    expect(h).toMatchObject({ name: 'Asha Verma', roll: '20CS10042' });
    expect(h.match?.roll).toBe('20CS10042');
    // (another student's name written there matches nobody: the roll's student is not that one)
    const other = read('KGP Evening Tensor\nCS60010 CT 3, 15/3/21 Divya Menon\nRoll 20CS10042');
    expect(other.match).toBeNull();
  });
});
