// What counts as a note on the order of the answers (a script that says so is organised).
import { describe, expect, it } from 'vitest';
import { isOrderNote } from './unlabelled.ts';

describe('order notes', () => {
  it.each([
    'Note: I did Q5 first (numerical), then Q1–Q4 in order.',
    'Note: Q4 first (most marks), then 1, 2, 3, 5.',
    '(doing 5 before 3,4)',
    'first (quickest)',
    'Answering question 3 first.',
  ])('"%s" is an order note', (t) => expect(isOrderNote(t)).toBe(true));
  it.each([
    'First, the forget gate decides what to keep from the cell state.',
    'f_t is the first sigmoid, so 3',
    'the first term is the direct path',
  ])('"%s" is not', (t) => expect(isOrderNote(t)).toBe(false));
});
