import { computeKeys, examParameters, loadExam } from '@grader/exam';
import type { ExtractedScript } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { loadRubric, prepareRubric, scriptFromText } from './index.ts';
import { MOVED_CONF, placeByContent } from './placement.ts';

const exam = loadExam('cs60010-ct3');
const ctx = { keys: computeKeys(exam), params: examParameters(exam), reviewThreshold: exam.reviewThreshold };
const rubric = prepareRubric(loadRubric(exam), ctx);

/** The script with part `id`'s lines from `from` on put on page 2 (a question per page). */
function onNextPage(s: ExtractedScript, id: string, from: number): ExtractedScript {
  const p = s.parts[id];
  const lines = p.lines.map((l, i) => (i >= from ? { ...l, page: 2 } : l));
  return { ...s, parts: { ...s.parts, [id]: { ...p, lines } } };
}

const text = `## 4a
dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}
by the chain rule over both paths
output side = (200 + 2 x 1 - 4)/1 + 1 = 199
after depthwise: 199 x 199 x 3`;

describe('placeByContent across questions', () => {
  it("moves an OCR'd page that mentions only a missing part's quantities to it, for review", () => {
    const s = onNextPage(scriptFromText(text, { conf: 0.8, source: 'ocr' }), '4a', 2);
    const out = placeByContent(s, rubric);
    expect(out.parts['5']?.text).toBe(
      'output side = (200 + 2 x 1 - 4)/1 + 1 = 199\nafter depthwise: 199 x 199 x 3',
    );
    expect(out.parts['5'].conf).toBe(MOVED_CONF);
    expect(out.parts['4a'].text.split('\n')).toHaveLength(2);
    expect(out.parts['4a'].conf).toBeLessThan(0.7);
  });

  it('leaves a text layer, and a block on one page, as they are', () => {
    const typed = onNextPage(scriptFromText(text), '4a', 2);
    expect(placeByContent(typed, rubric).parts['5']).toBeUndefined();
    const onePage = scriptFromText(text, { conf: 0.8, source: 'ocr' });
    expect(placeByContent(onePage, rubric).parts['5']).toBeUndefined();
  });
});

describe('placeByContent within a question', () => {
  const block = '## 1b.i\nC = f o C-1 + i o C~ = (0.7, 0.2, 0.05)\nh = o o tanh(C) = (0.604, 0, 0)';
  it('on an OCR\'d page, a line defining a bare letter whose subscript was lost ("h = …") starts the one part with that quantity, for review', () => {
    const out = placeByContent(scriptFromText(block, { conf: 0.8, source: 'ocr' }), rubric);
    expect(out.parts['1b.ii']?.text).toBe('h = o o tanh(C) = (0.604, 0, 0)');
    expect(out.parts['1b.ii'].conf).toBe(MOVED_CONF);
    expect(out.parts['1b.i'].text).not.toMatch(/0\.604/);
  });
  it('on a text layer a bare "h" is no h_t: the block stays as written', () => {
    expect(placeByContent(scriptFromText(block), rubric).parts['1b.ii']).toBeUndefined();
  });
});
