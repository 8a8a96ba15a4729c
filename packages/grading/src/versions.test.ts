// Exam versions through the pipeline the worker, the API and the CLI share: stored versions checked
// on top of the exam's current parameters, each script graded on its own version (roster, else the
// code on it), the `version` flag, and the exam-wide flags computed with versions too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExam } from '@grader/exam';
import type { ExtractedScript } from '@grader/model';
import { parseRubric, scriptFromText } from '@grader/rubric';
import { describe, expect, it } from 'vitest';
import {
  checkExamVersions,
  drawExamVersions,
  gradeExtractedBatch,
  loadGradingCore,
  type StoredVersion,
  toStored,
  versionPaper,
} from './index.ts';
import { ct3Answers } from './testing/index.ts';

const exam = loadExam('cs60010-ct3');
const yaml = readFileSync(join(exam.dir, 'rubric.yaml'), 'utf8');
const VERSIONS: StoredVersion[] = [
  { name: 'A', parameters: {} },
  { name: 'B', parameters: { '3.hidden': 4, '5.padding': 0 } },
];
const A = ct3Answers(3, 1);
const B = ct3Answers(4, 0);

function script(file: string, text: string, code?: string): ExtractedScript {
  const s = scriptFromText(`Name: ${file}\nRoll: 20CS10042\n${text}`, { file });
  if (code) s.header.versionCode = { code, text: `Version ${code}`, region: null };
  return s;
}

describe('stored versions', () => {
  it('apply on top of the exam’s current parameters; A: {} is the exam as it stands', () => {
    const r = checkExamVersions(exam, { '5.filter': 3 }, VERSIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.versions.map((v) => [v.name, v.params['3.hidden'], v.params['5.filter'], v.params['5.padding']]),
    ).toEqual([
      ['A', 3, 3, 1],
      ['B', 4, 3, 0],
    ]);
    expect(r.versions[1].keys['3c']).toBe(112);
    expect(toStored(r.versions[1])).toEqual({ name: 'B', parameters: { '3.hidden': 4, '5.padding': 0 } });
  });

  it('problems come back as values naming the version and the parameter', () => {
    const unknown = checkExamVersions(exam, {}, [...VERSIONS, { name: 'C', parameters: { '3.hiden': 4 } }]);
    expect(unknown).toMatchObject({ ok: false, problem: { version: 'C', parameter: '3.hiden' } });
    if (!unknown.ok)
      expect(unknown.problem.message).toMatch(/^versions: version C: unknown parameter "3.hiden"/);
    // the same parameters as the exam itself, written out
    const same = checkExamVersions(exam, {}, [...VERSIONS, { name: 'C', parameters: { '3.hidden': 3 } }]);
    expect(same).toMatchObject({ ok: false, problem: { version: 'C' } });
    if (!same.ok) expect(same.problem.message).toMatch(/versions A and C have the same parameters/);
  });

  it('drawn within ranges around the current parameters, seeded', () => {
    const draw = () =>
      drawExamVersions(
        exam,
        { '5.filter': 3 },
        {
          count: 3,
          seed: 11,
          keepDefault: true,
          ranges: { '3.hidden': { min: 2, max: 8 }, '5.padding': { values: [0, 1, 2] } },
        },
      );
    const r = draw();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.versions.map((v) => v.name)).toEqual(['A', 'B', 'C']);
    expect(r.versions.every((v) => v.params['5.filter'] === 3)).toBe(true);
    expect(toStored(r.versions[0]).parameters).toEqual({});
    expect(draw()).toEqual(r);
    const bad = drawExamVersions(exam, {}, { count: 2, seed: 1, ranges: { nope: { min: 1, max: 2 } } });
    expect(bad).toMatchObject({ ok: false, problem: { parameter: 'nope' } });
  });

  it('a version’s question paper has its numbers and its code', async () => {
    const r = checkExamVersions(exam, {}, VERSIONS);
    if (!r.ok) throw new Error(r.problem.message);
    const paper = await versionPaper(exam, r.versions[1]);
    expect(paper.ok).toBe(true);
    if (paper.ok) expect(Buffer.from(paper.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const none = await versionPaper({ ...exam, dir: '/nonexistent' }, r.versions[1]);
    expect(none).toMatchObject({ ok: false, problem: { version: 'B' } });
  });
});

describe('the core grades each script on its own version', async () => {
  const core = await loadGradingCore();
  const grade = core.prepare(exam, {}, yaml, VERSIONS);
  const batch = [
    { file: 'a1.pdf', script: script('a1.pdf', A), rosterVersion: 'A' },
    { file: 'b1.pdf', script: script('b1.pdf', B), rosterVersion: 'B' },
    // a version-B student who wrote version A's numbers
    { file: 'b2.pdf', script: script('b2.pdf', A, 'B'), rosterVersion: 'B' },
    // no roster entry: the code on the script says B
    { file: 'b3.pdf', script: script('b3.pdf', B, 'B'), rosterVersion: null },
  ];
  const grades = batch.map((s) => grade(s.script, s.file, s.rosterVersion));
  const by = Object.fromEntries(grades.map((g) => [g.file, g]));

  it('a batch mixing two versions: each script on its own version’s keys', () => {
    expect(grades.map((g) => g.version)).toEqual(['A', 'B', 'B', 'B']);
    for (const f of ['a1.pdf', 'b1.pdf', 'b3.pdf'])
      for (const id of ['1b.i', '3a', '3b', '3c', '5'])
        expect([f, id, by[f].parts[id].score]).toEqual([f, id, by[f].parts[id].max]);
    expect(by['b1.pdf'].parts['3c'].items[0].label).toMatch(/^112 = /);
    expect(by['a1.pdf'].parts['3c'].items[0].label).toMatch(/^72 = /);
    expect(by['b2.pdf'].parts['3a'].score).toBe(0);
  });

  it('a version-B script with version A’s numbers gets the version flag, and no other script', () => {
    expect(grades.filter((g) => g.flags.includes('version')).map((g) => g.file)).toEqual(['b2.pdf']);
    expect(by['b2.pdf'].flagReasons.version).toMatch(/^numbers match version A's key, not its own B/);
  });

  it('roster and code disagreeing: flagged with the reason, graded on the roster’s', () => {
    const g = grade(script('d.pdf', B, 'A'), 'd.pdf', 'B');
    expect(g.version).toBe('B');
    expect(g.flags).toContain('version');
    expect(g.flagReasons.version).toBe(
      'the roster gives version B but the script says "Version A": graded on B',
    );
  });

  it('per script is what the CLI’s batch grading gives; exam-wide flags keep the version flag', () => {
    const r = checkExamVersions(exam, {}, VERSIONS);
    if (!r.ok) throw new Error(r.problem.message);
    const cli = gradeExtractedBatch(
      parseRubric(yaml),
      { versions: r.versions, reviewThreshold: exam.reviewThreshold },
      batch,
    );
    cli.forEach((g, i) => {
      expect(grades[i].parts).toEqual(g.parts);
      expect(grades[i].version).toBe(g.version);
    });
    const flags = core.batchFlags(
      exam,
      {},
      yaml,
      batch.map((s) => ({ extraction: s.script, fileName: s.file, rosterVersion: s.rosterVersion })),
      VERSIONS,
    );
    expect(flags).toEqual(cli.map((g) => ({ flags: g.flags, flagReasons: g.flagReasons })));
  });

  it('versions that no longer check cannot grade (a typed error, not a wrong grade)', () => {
    expect(() => core.prepare(exam, {}, yaml, [VERSIONS[0], { name: 'B', parameters: {} }])).toThrow(
      /the exam's versions cannot be graded with: .*same parameters/,
    );
  });
});
