import { describe, expect, it } from 'vitest';
import {
  attentionComparisons,
  bpttComparisons,
  convComparisons,
  lstmCellComparisons,
} from './fixture-cases.ts';
import { maxRelativeError } from './testing.ts';

// Every quantity in every PyTorch fixture (float64, made by fixtures/make_fixtures.py), reproduced by
// the engine to 1e-9 relative, element by element.
const suites = {
  'LSTM cell forward and backward (lstm_cell.json)': lstmCellComparisons,
  'Q4 loss and BPTT, ∂L/∂c_t for every t (bptt.json)': bpttComparisons,
  'encoder–decoder with dot-product attention (attention.json)': attentionComparisons,
  'depthwise, pointwise and standard convolutions (conv.json)': convComparisons,
};

for (const [title, comparisons] of Object.entries(suites)) {
  describe(title, () => {
    const list = comparisons();
    it('covers the fixture', () => expect(list.length).toBeGreaterThan(3));
    for (const c of list) {
      it(c.quantity, () => expect(maxRelativeError(c.actual, c.expected)).toBeLessThan(1e-9));
    }
  });
}

describe('the comparison is able to fail', () => {
  it('a perturbation of 1e-8 relative in one value is caught', () => {
    const [c] = lstmCellComparisons();
    const perturbed = Array.from(c.actual);
    perturbed[1] *= 1 + 1e-8;
    expect(maxRelativeError(perturbed, c.expected)).toBeGreaterThan(1e-9);
  });
});
