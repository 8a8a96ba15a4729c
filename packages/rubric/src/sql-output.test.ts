// Working done as SQL queries with what the client printed (round 148's databases class, jy).
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeScript, loadRubric, scriptFromText } from './index.ts';
import { sqlWorking } from './sql-output.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const grade = (text: string) => gradeScript(rubric, ctx, scriptFromText(text)).grade.parts;

describe('SQL working', () => {
  it("reads a SELECT of arithmetic and the value psql printed as an equation, the table's lines as nothing", () => {
    expect(
      sqlWorking([
        'ct3=> SELECT (200 - 4 + 2*1)/1 + 1 AS out_size;',
        'out_size',
        '----------',
        '199',
        '(1 row)',
      ]),
    ).toEqual(['(200 - 4 + 2*1)/1 + 1 = 199', '', '', '', '']);
    // MySQL's box, a function in capitals, a column per value; a query going on after its prompt
    expect(
      sqlWorking([
        'mysql> SELECT (EXP(1.4) - 1)/(EXP(1.4) + 1) AS tanh_07;',
        '+--------------------+',
        '| tanh_07 |',
        '+--------------------+',
        '| 0.6043677771171635 |',
        '+--------------------+',
        '1 row in set (0.00 sec)',
        'o_t = (1, 0, 0) so only the first survives.',
      ]),
    ).toEqual([
      '(exp(1.4) - 1)/(exp(1.4) + 1) = 0.6043677771171635',
      '',
      '',
      '',
      '',
      '',
      '',
      'o_t = (1, 0, 0) so only the first survives.',
    ]);
    expect(
      sqlWorking([
        'ct3=> SELECT 199*199*16*3 AS dw,',
        'ct3-> 199*199*3*10 AS pw;',
        'dw | pw',
        '---+---',
        '1900848 | 1188030',
      ]),
    ).toEqual([
      '199*199*16*3 = 1900848; 199*199*3*10 = 1188030',
      '',
      '[199*199*16*3, 199*199*3*10] = [1900848, 1188030]',
      '',
      '',
    ]);
  });

  it('reads a failed query as no working, and a query over a table as SQL, keeping what it printed', () => {
    expect(
      sqlWorking(['mysql> SELECT TANH(0.7);', 'ERROR 1305 (42000): FUNCTION ct3.TANH does not exist']),
    ).toEqual(['', '']);
    const table = sqlWorking([
      "sqlite> SELECT step, h*w*ch*k AS mults FROM (VALUES ('depthwise',199,199,3,16)) AS t(step,h,w,ch,k);",
      '+-----------+---------+',
      '| depthwise | 1900848 |',
      '+-----------+---------+',
    ]);
    expect(table).toEqual(['', '', '| depthwise | 1900848 |', '']);
    // (a sentence that says "select" is no query)
    expect(sqlWorking(['we select the largest score', '72'])).toEqual(['we select the largest score', '72']);
    expect(sqlWorking(['Select the largest score: 72', '0.6'])).toEqual([
      'Select the largest score: 72',
      '0.6',
    ]);
  });

  it('credits the arithmetic a query computed as working (jy-01, jy-02)', () => {
    const p = grade(
      [
        '## 1b.i',
        'C_t = f_t (.) C_{t-1} + i_t (.) C~_t',
        'ritwik=> SELECT 1*0.2 + 1*0.5 AS c1, 0.5*0.4 + 0*0 AS c2, 0*0.8 + 0.5*0.1 AS c3;',
        'c1 | c2 | c3',
        '-----+------+------',
        '0.7 | 0.20 | 0.05',
        '(1 row)',
        'So C_t = [0.7, 0.2, 0.05]',
        '## 1b.ii',
        'h_t = o_t * tanh(C_t)',
        'mysql> SELECT TANH(0.7);',
        'ERROR 1305 (42000): FUNCTION ct3.TANH does not exist',
        'mysql> SELECT (EXP(1.4) - 1)/(EXP(1.4) + 1) AS tanh_07;',
        '+--------------------+',
        '| 0.6043677771171635 |',
        '+--------------------+',
        '1 row in set (0.00 sec)',
        'o_t = (1, 0, 0) so only first one survives.',
        'h_t = [0.604, 0, 0]',
      ].join('\n'),
    );
    expect(p['1b.i']).toMatchObject({ score: 1, review: false });
    expect(p['1b.ii']).toMatchObject({ score: 1, review: false });
  });
});
