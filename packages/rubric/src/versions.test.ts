// Exams with versions: each script graded on its own version's keys; the `version` flag for scripts
// whose version is unknown, disputed, or whose numbers fit another version's keys.
import { loadExam, loadVersions } from '@grader/exam';
import type { ExtractedScript } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { ct3Answers } from './ct3-answers.ts';
import { assignVersion, gradeVersionedBatch, loadRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const versions = loadVersions('versions: {A: {}, B: {"3.hidden": 4, "5.padding": 0}}', exam);

const A_ANSWERS = ct3Answers(3, 1);
const B_ANSWERS = ct3Answers(4, 0);

function script(file: string, text: string, code?: string): ExtractedScript {
  const s = scriptFromText(`Name: ${file}\nRoll: 20CS10042\n${text}`, { file });
  if (code) s.header.versionCode = { code, text: `Version ${code}`, region: null };
  return s;
}

describe('assignVersion: roster, else the code on the script, else the first version', () => {
  const names = ['A', 'B'];
  const written = (code: string, text = `Version ${code}`) => ({ code, text, region: null });
  it('takes the roster, or the script, or says the version is unknown', () => {
    expect(assignVersion(names, { roster: 'B' })).toEqual({ version: 'B', unknown: false, reasons: [] });
    expect(assignVersion(names, { written: written('B') })).toEqual({
      version: 'B',
      unknown: false,
      reasons: [],
    });
    expect(assignVersion(names, { roster: 'b', written: written('B') }).reasons).toEqual([]);
    const none = assignVersion(names, {});
    expect(none.version).toBe('A');
    expect(none.reasons).toEqual([
      'version unknown (not on the roster, no version code on the script): graded on version A',
    ]);
  });
  it('roster and script disagreeing is a reason for the flag, graded on the roster’s', () => {
    const a = assignVersion(names, { roster: 'B', written: written('A', 'Set A') });
    expect(a.version).toBe('B');
    expect(a.reasons).toEqual(['the roster gives version B but the script says "Set A": graded on B']);
  });
  it('a code that is no version of the exam; an OCR look-alike (8 for B) is read as B', () => {
    const c = assignVersion(names, { roster: 'A', written: written('C') });
    expect([c.version, c.reasons]).toEqual([
      'A',
      ['the script says "Version C", which is not a version of this exam (A, B)'],
    ]);
    expect(assignVersion(names, { written: written('8', 'Version 8') })).toMatchObject({
      version: 'B',
      reasons: [],
    });
  });
});

describe('gradeVersionedBatch', () => {
  const batch = [
    { file: 'a1.pdf', script: script('a1.pdf', A_ANSWERS), rosterVersion: 'A' },
    { file: 'b1.pdf', script: script('b1.pdf', B_ANSWERS), rosterVersion: 'B' },
    // a version-B student who wrote version A's numbers (the neighbour's paper)
    { file: 'b2.pdf', script: script('b2.pdf', A_ANSWERS, 'B'), rosterVersion: 'B' },
    { file: 'a2.pdf', script: script('a2.pdf', A_ANSWERS, 'A'), rosterVersion: null },
    { file: 'b3.pdf', script: script('b3.pdf', B_ANSWERS, 'B'), rosterVersion: null },
  ];
  const grades = gradeVersionedBatch(rubric, versions, exam.reviewThreshold, batch);
  const by = Object.fromEntries(grades.map((g) => [g.file, g]));

  it('grades each script on its own version’s keys and rubric', () => {
    expect(grades.map((g) => g.version)).toEqual(['A', 'B', 'B', 'A', 'B']);
    for (const f of ['a1.pdf', 'b1.pdf', 'a2.pdf', 'b3.pdf']) {
      for (const id of ['1b.i', '1b.ii', '3a', '3b', '3c', '5'])
        expect([f, id, by[f].parts[id].score]).toEqual([f, id, by[f].parts[id].max]);
    }
    expect(by['b1.pdf'].parts['3c'].items[0].label).toBe('112 = 4 gates × (4 × 6 weights + 4 biases)');
    expect(by['a1.pdf'].parts['3c'].items[0].label).toBe('72 = 4 gates × (3 × 5 weights + 3 biases)');
    // A's numbers on a B paper earn nothing where the versions differ (3c: error carried forward from 3a)
    expect(by['b2.pdf'].parts['3a'].score).toBe(0);
    expect(by['b2.pdf'].parts['3c'].score).toBe(0.5);
    expect(by['b2.pdf'].parts['5'].score).toBeLessThan(1);
    expect(by['b2.pdf'].parts['1b.i'].score).toBe(1);
  });

  it('flags the B script written with A’s numbers, and no other', () => {
    expect(grades.filter((g) => g.flags.includes('version')).map((g) => g.file)).toEqual(['b2.pdf']);
    expect(by['b2.pdf'].flagReasons.version).toMatch(
      /^numbers match version A's key, not its own B \(\d+ of the \d+ values/,
    );
    expect(JSON.stringify(grades)).not.toContain('{{');
  });

  it('the same answers with the roster’s version unknown: graded on the first version, flagged', () => {
    const [g] = gradeVersionedBatch(rubric, versions, exam.reviewThreshold, [
      { file: 'u.pdf', script: script('u.pdf', B_ANSWERS) },
    ]);
    expect(g.version).toBe('A');
    expect(g.flags).toContain('version');
    expect(g.flagReasons.version).toMatch(
      /^version unknown .*graded on version A; numbers match version B's key, not version A's, which it was graded on/,
    );
  });

  it('roster and script disagreeing: flagged with both named', () => {
    const [g] = gradeVersionedBatch(rubric, versions, exam.reviewThreshold, [
      { file: 'd.pdf', script: script('d.pdf', B_ANSWERS, 'A'), rosterVersion: 'B' },
    ]);
    expect(g.version).toBe('B');
    expect(g.flagReasons.version).toBe(
      'the roster gives version B but the script says "Version A": graded on B',
    );
    expect(g.parts['3c'].score).toBe(1);
  });

  it('similarity is still computed over the whole batch, across versions', () => {
    // two B scripts sharing the same unusual wrong answers are flagged, whatever the other versions
    // (three unusual values and an odd sentence: copied words, not weak students' common slips)
    const wrong = B_ANSWERS.replace(
      '= {0.7, 0.2, 0.05}',
      '= {0.7, 0.2, 0.5}, which the cell keeps like a lantern kept burning in a window',
    )
      .replace(/so W_f is 4 × 6/, 'so W_f is 4 × 7')
      .replace('= 3027102', '= 3027109');
    const g = gradeVersionedBatch(rubric, versions, exam.reviewThreshold, [
      ...batch,
      { file: 'c1.pdf', script: script('c1.pdf', wrong, 'B'), rosterVersion: 'B' },
      { file: 'c2.pdf', script: script('c2.pdf', wrong, 'B'), rosterVersion: 'B' },
    ]);
    expect(g.filter((x) => x.flags.includes('similarity')).map((x) => x.file)).toEqual(['c1.pdf', 'c2.pdf']);
    expect(g.filter((x) => x.flags.includes('version')).map((x) => x.file)).toEqual(['b2.pdf']);
  });
});
