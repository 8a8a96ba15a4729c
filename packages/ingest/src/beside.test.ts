// Columns set beside the answers: an answer table whose label cells wrap (round 145, jr-12).
import type { Line } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { notesBeside } from './beside.ts';
import { findLabel, PartTree } from './labels.ts';
import { CT3_PARTS } from './testing.ts';

const tree = new PartTree(CT3_PARTS);
const isLabel = (t: string) =>
  findLabel(t, tree, [])?.partId != null || findLabel(t, tree, [])?.path.length === 1;
/** One line at (x, y), 11 pt high. */
const at = (x: number, y: number, text: string): Line => ({
  page: 1,
  text,
  box: { x, y, w: text.length * 5, h: 11 },
  conf: 1,
  words: [],
});

describe('an answer table whose left column holds only labels', () => {
  it("reads each answer with the label whose row it stands in, a label's wrapped cell and all", () => {
    const left = [
      at(119, 70, 'Part'),
      at(61, 94, '2.1 Ques. 2, sub-part'),
      at(61, 107, '(a)'),
      at(61, 130, '2.2 Ques. 2, sub-part'),
      at(61, 143, '(b)'),
      at(61, 237, '3.1 Ques. 3, sub-part (a)'),
    ];
    const right = [
      at(364, 70, 'Answer'),
      at(212, 92, 'e_kj = h_j · s_{k−1}'),
      at(212, 108, 'α_kj = softmax over j of e_kj'),
      at(212, 130, '0 – dot product attention does not have any learnable'),
      at(212, 143, 'parameter.'),
      at(224, 236, 'input [h, x] = 3 + 2 = 5 ⇒ W_f : 3 × 5'),
    ];
    const read = notesBeside(left, right, isLabel)?.map((l) => l.text);
    expect(read).toEqual([
      'Part',
      'Answer',
      '2.1 Ques. 2, sub-part',
      '(a)',
      'e_kj = h_j · s_{k−1}',
      'α_kj = softmax over j of e_kj',
      '2.2 Ques. 2, sub-part',
      '(b)',
      '0 – dot product attention does not have any learnable',
      'parameter.',
      '3.1 Ques. 3, sub-part (a)',
      'input [h, x] = 3 + 2 = 5 ⇒ W_f : 3 × 5',
    ]);
  });

  it('leaves a left column that holds answers too as a column of its own', () => {
    const left = [
      at(61, 94, '2(a) e_kj = s · h'),
      at(61, 130, '2(b) 0, no weights'),
      at(61, 170, 'the softmax has nothing to learn'),
      at(61, 237, '3(a) 3 × 5'),
    ];
    const right = [at(300, 92, 'W_f is 3 × 5 because'), at(300, 108, '[h, x] has 5 entries')];
    expect(notesBeside(left, right, isLabel)).toBeNull();
  });
});
