import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { gradeScript, Item, loadRubric, parseRubric, type Rubric, scriptFromText } from '../index.ts';
import { ITEM_HANDLERS } from './index.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };

/** The CT3 rubric with one item of one part changed. */
function withItem(partId: string, itemId: string, change: (item: Record<string, unknown>) => void): Rubric {
  const r = structuredClone(rubric);
  const item = r.parts.find((p) => p.id === partId)?.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`no item ${partId}/${itemId}`);
  change(item as unknown as Record<string, unknown>);
  return r;
}
const itemGrade = (r: Rubric, partId: string, body: string) =>
  gradeScript(r, ctx, scriptFromText(`## ${partId}\n${body}`)).grade.parts[partId].items;

describe('item registry', () => {
  it('has one handler for each item type of the rubric format, under its own type', () => {
    const types = Item.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(ITEM_HANDLERS).sort()).toEqual(types);
    for (const t of types) expect(ITEM_HANDLERS[t as keyof typeof ITEM_HANDLERS].type).toBe(t);
  });
});

describe("the exam's phrases come from its rubric", () => {
  it('expression: the reasons for right, wrong and unread, and the words that state it', () => {
    const r = withItem('2a', 'dot', (it) => {
      it.right = 'RIGHT';
      it.wrong = 'WRONG';
      it.unread = 'UNREAD';
      it.inWords = { all: ['scalar product', '\\bs_?\\{?k'], reason: 'IN WORDS' };
    });
    expect(itemGrade(r, '2a', 'e_kj = s_{k-1}^T h_j')[0]).toMatchObject({ awarded: 1, reason: 'RIGHT' });
    expect(itemGrade(r, '2a', 'e_kj = s_{k-1} + h_j')[0]).toMatchObject({ awarded: 0, reason: 'WRONG' });
    expect(itemGrade(r, '2a', 'the scalar product of s_k and h_j')[0]).toMatchObject({
      awarded: 1,
      reason: 'IN WORDS',
    });
    // the CT3 rubric's words are no longer this rubric's
    expect(itemGrade(r, '2a', 'the dot product of s_k and h_j')[0]).toMatchObject({
      awarded: 0,
      reason: 'UNREAD',
    });
    expect(itemGrade(rubric, '2a', 'the dot product of s_k and h_j')[0].awarded).toBe(1);
  });

  it('expression: without the fields, generic reasons naming the left-hand side', () => {
    const r = withItem('2a', 'dot', (it) => {
      for (const k of ['right', 'wrong', 'unread', 'inWords']) delete it[k];
    });
    // parsed again, so that the schema's defaults fill the fields in
    const filled = parseRubric(JSON.stringify(r), 'r.json');
    expect(itemGrade(filled, '2a', 'e_kj = s_{k-1}^T h_j')[0].reason).toBe('the expression is right');
    expect(itemGrade(filled, '2a', 'the dot product of s_k and h_j')[0]).toMatchObject({
      awarded: 0,
      reason: 'no expression for e_{kj} could be read',
    });
  });

  it('sum: the reasons for derived, not derived and missing', () => {
    const r = withItem('4a', 'sum', (it) => {
      it.right = 'DERIVED';
      it.notDerived = 'NOT DERIVED';
      it.missing = 'MISSING';
    });
    const expr = 'dL/dc_t = dL/dh_t * o_t * (1 - tanh(c_t)^2) + dL/dc_{t+1} * f_{t+1}';
    const sum = (body: string) => itemGrade(r, '4a', body).find((i) => i.id === 'sum');
    const steps = 'dL/dc_t = dL/dh_t * dh_t/dc_t + dL/dc_{t+1} * dc_{t+1}/dc_t\n';
    expect(sum(`${steps}${expr}`)).toMatchObject({ awarded: 1, reason: 'DERIVED' });
    expect(sum(`By the chain rule ${expr}`)).toMatchObject({
      awarded: 1,
      reason: expect.stringMatching(/only named/),
    });
    expect(sum(expr)).toMatchObject({ awarded: 0, reason: 'NOT DERIVED' });
    expect(sum('dL/dc_t = dL/dc_{t+1} * f_{t+1}')).toMatchObject({ awarded: 0, reason: 'MISSING' });
  });

  it('value: what is said of a transposed shape with no convention stated', () => {
    const r = withItem('3a', 'W_f', (it) => {
      (it.transposed as Record<string, unknown>).unstated = 'is TRANSPOSED';
    });
    const body = 'W_f is 5 × 3 since [h_{t-1}, x_t] has 3 + 2 = 5 entries';
    expect(itemGrade(r, '3a', body)[0]).toMatchObject({ awarded: 0, reason: '5 × 3 is TRANSPOSED' });
  });

  it('an inWords pattern that is not a regular expression is a rubric problem', () => {
    const yaml =
      'exam: x\ntotal: 1\nparts:\n  - id: "a"\n    points: 1\n    items:\n      - { id: e, label: L, points: 1, type: expression, of: [e], expr: "a * b", inWords: { all: ["("], reason: R } }\n';
    expect(() => parseRubric(yaml)).toThrow(/line 7: .*inWords\.all\[0\]: not a valid regular expression/);
  });
});
