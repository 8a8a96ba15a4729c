// Grading what OCR read from handwriting: labels confirmed by content, readings OCR garbles, marks lost.
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import type { ExtractedScript } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { gradeScript, loadRubric, scriptFromText } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };

/** An OCR'd script whose label for `id` was read with doubt (`labelConf`), its words at 0.95. */
function ocrWithDoubtfulLabel(text: string, id: string, labelConf: number): ExtractedScript {
  const s = scriptFromText(text, { conf: 0.95, source: 'ocr' });
  const p = s.parts[id];
  return { ...s, parts: { ...s.parts, [id]: { ...p, labelConf, conf: labelConf * 0.95 } } };
}

const FULL_3C = '## 3c\nweights: 4 x (3 x 5) = 60\nbiases: 4 x 3 = 12\ntotal = 60 + 12 = 72 parameters';

describe('a doubtful OCR label confirmed by the content it holds', () => {
  it('auto-grades full marks earned on specific values at the words’ confidence', () => {
    const s = ocrWithDoubtfulLabel(FULL_3C, '3c', 0.5);
    const p = gradeScript(rubric, ctx, s).grade.parts['3c'];
    expect(p.score).toBe(1);
    expect(p.review).toBe(false);
    expect(p.confidence).toBeCloseTo(0.95, 2);
  });

  it('does not confirm a part by a one-digit answer an OCR slip could produce', () => {
    const s = ocrWithDoubtfulLabel(
      '## 2b\n0 extra parameters: the scores are dot products, nothing to learn',
      '2b',
      0.5,
    );
    const p = gradeScript(rubric, ctx, s).grade.parts['2b'];
    expect(p.score).toBe(1);
    expect(p.review).toBe(true);
  });

  it("does not confirm a part met in two places: which block's words earned the working is not known (round 73 in hand)", () => {
    const s = ocrWithDoubtfulLabel(FULL_3C, '3c', 0.5);
    expect(gradeScript(rubric, ctx, s).grade.parts['3c']).toMatchObject({ score: 1, review: false });
    s.parts['3c'].occurrences = 2;
    expect(gradeScript(rubric, ctx, s).grade.parts['3c']).toMatchObject({ score: 1, review: true });
  });

  it('does not confirm a part that loses marks, nor one moved here by what it mentions', () => {
    const wrong = ocrWithDoubtfulLabel('## 3c\n4 x 15 = 60 weights', '3c', 0.5);
    expect(gradeScript(rubric, ctx, wrong).grade.parts['3c'].review).toBe(true);
    const moved = ocrWithDoubtfulLabel(FULL_3C, '3c', 0.3);
    expect(gradeScript(rubric, ctx, moved).grade.parts['3c'].review).toBe(true);
  });

  it("does not confirm a part whose mark rests on a reason in words: a guessed block's lines may be another part's (handwriting)", () => {
    // (3(c)'s line, its label "Ill.(c)" unread, lent 3(b) its "working"; yy-01's 3(a) reasoning did too)
    for (const body of [
      '2 b. is 3 x 1\nIll.(c) 3.3 Parameters in the cell = Wf + bf = 15 + 3 = 18\nFinding: total = 18 parameters',
      '[h, x] is 3 + 2 = 5 long. f is 3 long. so W is 3 x 5.\nb is 3 x 1.\n3x1',
    ]) {
      const p = gradeScript(rubric, ctx, ocrWithDoubtfulLabel(`## 3b\n${body}`, '3b', 0.6)).grade.parts['3b'];
      expect(p.score, body).toBe(1);
      expect(p.review, body).toBe(true);
    }
  });
});

describe('1(a) positions given to variables named in words', () => {
  const read = (text: string) => gradeScript(rubric, ctx, scriptFromText(`## 1a\n${text}`)).grade.parts['1a'];

  it('reads each line by the name it says most fully, through OCR slips of symbols and words', () => {
    const p = read(
      [
        'The forget gate f, is at 3',
        'the input gate i is at 4',
        'the autput gate o is at 8',
        'the updated cel state C is at 10',
        'the previous cell state Ct-1 is ot 1',
        'the CAN DIDATE values C~ is ot 6',
      ].join('\n'),
    );
    expect(p.items.map((i) => i.awarded)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('marks a wrong position named in words wrong, and leaves a line naming two variables alone', () => {
    const p = read('the forget gate is at 4\nthe input gate and the output gate are 4 and 8');
    expect(p.items[0]).toMatchObject({ awarded: 0, reason: 'f_t → 4 is not the right position' });
    expect(p.items[1].reason).toBe('no position given for i_t');
    expect(p.items[2].reason).toBe('no position given for o_t');
  });
});

describe('a shape OCR could not read as one, read by its numbers', () => {
  const q5 = (conf: number) =>
    gradeScript(
      rubric,
      ctx,
      scriptFromText(
        '## 5\noutput side = (200 + 2 x 1 - 4)/1 + 1 = 199\nafter depthwise: 199x199a3\nafter pointwise: 199 x 199 10',
        {
          conf,
          source: conf < 1 ? 'ocr' : 'text',
        },
      ),
    ).grade.parts['5'].items;

  it('reads the key when an OCR line spells exactly its numbers, and says how it was read', () => {
    const [depthwise, pointwise] = q5(0.9);
    expect(depthwise).toMatchObject({ awarded: 1 });
    expect(depthwise.reason).toMatch(/199 × 199 × 3 is right.*read by its numbers/);
    expect(pointwise).toMatchObject({ awarded: 1 });
  });

  it('does not on a text layer, where the signs between numbers are what was written', () => {
    const [depthwise, pointwise] = q5(1);
    expect(depthwise.awarded).toBe(0);
    expect(pointwise.awarded).toBe(0);
  });
});

describe('marks lost on OCR’d text', () => {
  const ocr3c = (body: string, edit: (s: ExtractedScript) => ExtractedScript = (s) => s) =>
    gradeScript(rubric, ctx, edit(scriptFromText(`## 3c\n${body}`, { conf: 0.9, source: 'ocr' }))).grade
      .parts['3c'];
  /** The answer's lines marked as beside ink OCR did not read (ingest's unread.ts). */
  const besideUnread = (s: ExtractedScript): ExtractedScript => ({
    ...s,
    parts: Object.fromEntries(
      Object.entries(s.parts).map(([id, p]) => [
        id,
        { ...p, lines: p.lines.map((l) => ({ ...l, unread: true })) },
      ]),
    ),
  });

  it('go to a person when the reading breaks off: OCR may have lost the answer after it', () => {
    // the student wrote "… so 3 × 18 = 54" (0 marks); OCR lost the boxed 54, leaving 18 (one gate: half a mark)
    const p = ocr3c('THREE GATES F, I, O, EACH 15 + 3 = 18, SO 3 X 18 =');
    expect(p).toMatchObject({ score: 0.5, review: true });
    expect(p.reasons.join(' ')).toMatch(/breaks off/);
  });

  it('are the student’s own when the answer was read cleanly, and a person’s when ink beside it was not read', () => {
    expect(ocr3c('4 weight matrices of 3 x 5: 4 x 15 = 60')).toMatchObject({ score: 0.5, review: false });
    const lost = ocr3c('4 weight matrices of 3 x 5: 4 x 15 = 60', besideUnread);
    expect(lost).toMatchObject({ score: 0.5, review: true });
    expect(lost.reasons.join(' ')).toMatch(/ink next to .* was not read/);
  });

  it('go to a person when words and numbers ran together or a slip was read as a letter', () => {
    expect(ocr3c('4 weight matrices saWis3x5. so 4 x 15 = 60').reasons.join(' ')).toMatch(
      /"saWis3x5\." is garbled/,
    );
    expect(ocr3c('per gate 3 *M 6 = 18 + 3 = 21, 4 gates: 4 x 21 = 84').review).toBe(true);
  });

  it('go to a person when the credit lost rests on other readings: a slip, or a value carried forward', () => {
    // 24 = 4 × (3 × 2): half marks from the student's own 3 × 2 W_f — unless OCR misread it
    const own = gradeScript(
      rubric,
      ctx,
      scriptFromText('## 3a\nW_f is 3 x 5 since 3 + 2 = 5\n## 3c\n4 x (3 x 2) = 24', {
        conf: 0.95,
        source: 'ocr',
      }),
    ).grade.parts['3c'];
    expect(own).toMatchObject({ score: 0, review: true });
    expect(own.reasons.join(' ')).toMatch(/carried forward/);
  });

  it('go to a person when the shape read is the key with a part unread ("b_f is 3 x 1" read as "1")', () => {
    const p = gradeScript(
      rubric,
      ctx,
      scriptFromText('## 3b\nb_f: 1 (one bias per unit of the cell)', { conf: 0.95, source: 'ocr' }),
    ).grade.parts['3b'];
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/with a part unread/);
  });

  it("go to a person when the first line states another part's shape (3(b)'s answer read under 2(b), round 81 in hand)", () => {
    const read = (body: string, conf: number) =>
      gradeScript(rubric, ctx, scriptFromText(`## 2b\n${body}`, { conf, source: 'ocr' })).grade.parts['2b'];
    const p = read('b : 3x 1(a 3-uector)', 0.95);
    expect(p).toMatchObject({ score: 0, review: true });
    expect(p.reasons.join(' ')).toMatch(/3b's key/);
    // (a count of 1 stated as 2(b)'s answer is the student's own, a wrong one)
    expect(read('1 extra parameter, the score weight', 0.95).review).toBe(false);
  });

  it('go to a person when a right value lost its marks for want of working OCR may have dropped', () => {
    // "b_f is 3 x 1 (one bias per cell unit)", its bracket lost: a typed page's bare answer earns 0
    const read = (source: 'ocr' | 'text') =>
      gradeScript(rubric, ctx, scriptFromText('## 3b\nb_f is 3 x 1', { conf: 0.95, source })).grade.parts[
        '3b'
      ];
    expect(read('text')).toMatchObject({ score: 0, review: false });
    expect(read('ocr')).toMatchObject({ score: 0, review: true });
    expect(read('ocr').reasons.join(' ')).toMatch(/a person checks the handwriting/);
  });

  it('go to a person when a line was read with low confidence', () => {
    const p = gradeScript(rubric, ctx, scriptFromText('## 3c\n4 x 15 = 60', { conf: 0.7, source: 'ocr' }))
      .grade.parts['3c'];
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/low confidence/);
  });

  it('go to a person when the number read is the key with one digit a pen and OCR confuse (12 for 72)', () => {
    const p = ocr3c('total parameters 12');
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/12 may be a misread of 72/);
    // a count read as one letter is a digit OCR misread ("D extra parameters" for "0 extra parameters")
    const d = gradeScript(
      rubric,
      ctx,
      scriptFromText('## 2b\nD extra parameters: the score is a plain dot product of states that exist.', {
        conf: 0.9,
        source: 'ocr',
      }),
    ).grade.parts['2b'];
    expect(d.review).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/"D" may be a misread of 0/);
    // digits OCR does not confuse (75 for 72) are no misread of the key; but a 3(c) given nothing
    // could have earned its half from the student's own W_f, which OCR read elsewhere: a person checks
    const own = ocr3c('4 x 15 = 60, and 4 x 3 = 12 biases, total 60 + 12 = 75');
    expect(own.review).toBe(true);
    expect(own.reasons.join(' ')).not.toMatch(/misread/);
    expect(own.reasons.join(' ')).toMatch(/depend on numbers OCR read/);
  });

  it('take the student’s own arithmetic as settling a number one confused digit from the key', () => {
    const q5 = (first: string) =>
      gradeScript(
        rubric,
        ctx,
        scriptFromText(
          `## 5\n${first}\ndepthwise: 197 x 197 x 3\npointwise: 197 x 197 x 10\n197 x 197 x 3 x 16 = 1,862,832\n197 x 197 x 3 x 10 = 1,164,270\ntotal 1,862,832 + 1,164,270 = 3,027,102`,
          { conf: 0.9, source: 'ocr' },
        ),
      ).grade.parts['5'];
    expect(q5('no padding: 200 - 4 + 1 = 197').reasons.join(' ')).not.toMatch(/misread/);
    expect(q5('no padding, side 197').reasons.join(' ')).toMatch(/197 may be a misread of 199/);
  });
});

describe('a handwritten zero OCR read as the letter O', () => {
  it('is the count 0, not a symbolic count', () => {
    const s = scriptFromText(
      '## 2b\nO additional parameters. The score is a plain dot\nproduct of states that already exist.',
      {
        conf: 0.9,
        source: 'ocr',
      },
    );
    expect(gradeScript(rubric, ctx, s).grade.parts['2b']).toMatchObject({ score: 1, review: false });
  });
});

describe('shapes of question 5 as OCR leaves them', () => {
  it('a cue one slip away and a product wrapped after its sign', () => {
    const s = scriptFromText(
      '## 5\nOUTPUT SIDE = (200 + 2 × 1 - 4)/1 + 1 = 199\nAFTER DEPTHWSE: 199 × 199× 3\nAFTER P0INTWISE (10 FILTERS OF 1 x 1 × 3): 199×199×\n10',
      { conf: 0.9, source: 'ocr' },
    );
    const [depthwise, pointwise] = gradeScript(rubric, ctx, s).grade.parts['5'].items;
    expect([depthwise.awarded, pointwise.awarded]).toEqual([1, 1]);
  });
});

describe('round 72 in hand: a decimal OCR parted, two answers marked', () => {
  const ocr = (id: string, body: string) =>
    gradeScript(rubric, ctx, scriptFromText(`## ${id}\n${body}`, { conf: 0.9, source: 'ocr' })).grade.parts[
      id
    ];
  it('"=[0. 7, 0.2,0.05]" is a number OCR parted: the vector before it is not the answer, a person reads it', () => {
    const p = ocr(
      '1b.i',
      'Ct=ft*C-1+it*C~\n=[1*0.2,0.5*0.4,0*0.8] +[1*0.5,0*0,0.5*0.1]\n=[0.2,0.2, 0]+ [0.5,0, 0.05]\n=[0. 7, 0.2,0.05]',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/garbled/);
  });
  it('a second "Answer:" under one label (the next part\'s, its label not read) leaves the value to a person', () => {
    const p = ocr(
      '2b',
      'Answer: no additional parameters (0)\nBecause:\n* dot product needs nothing learnt\nans-3-x\nAnswer: W = 3 x 2',
    );
    expect(p.review).toBe(true);
    expect(p.reasons.join(' ')).toMatch(/an answer marked before it gives 0/);
  });
});
