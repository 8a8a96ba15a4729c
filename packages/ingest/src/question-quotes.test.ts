import { describe, expect, it } from 'vitest';
import { PartTree } from './labels.ts';
import { withQuotedQuestions } from './question-quotes.ts';
import { linesOf } from './testing.ts';

// A made-up paper (not CT3's): a stem with its givens, lettered parts, one without.
const tree = new PartTree([
  { id: 'q1a', path: ['1', 'a'] },
  { id: 'q1b', path: ['1', 'b'] },
  { id: 'q2', path: ['2'] },
]);
const prompts = [
  { path: ['1'], text: 'A pendulum of length 0.75 swings with amplitude 0.12 radians in still air.' },
  { path: ['1', 'a'], text: 'Compute the period of the pendulum.' },
  { path: ['1', 'b'], text: 'Explain why the amplitude slowly decays over time.' },
  { path: ['2'], text: 'Describe how a spring balance measures weight and why it differs on the moon.' },
];
const read = (text: string) => withQuotedQuestions(linesOf(text), tree, prompts).map((l) => l.text);

describe('withQuotedQuestions: the question copied above its answer names the part', () => {
  it('a copied question becomes its part’s label, the rest of the quote goes; the answers stay', () => {
    expect(
      read(`> A pendulum of length 0.75 swings with amplitude 0.12 radians
> in still air. Compute the period of the pendulum.
T = 2π √(L/g) = 1.74 s
> Explain why the amplitude slowly decays over time.
friction with the air takes energy away
Q: Describe how a spring balance measures weight
the spring stretches in proportion to the weight`),
    ).toEqual([
      '1(a)',
      'T = 2π √(L/g) = 1.74 s',
      '1(b)',
      'friction with the air takes energy away',
      '2',
      'the spring stretches in proportion to the weight',
    ]);
  });
  it('a script that labels its parts itself, or restates the part it answers, is read as it is', () => {
    const labelled = `1(a) Compute the period of the pendulum.
T = 1.74 s
1(b) the amplitude decays
2 Describe how a spring balance measures weight`;
    expect(read(labelled)).toEqual(linesOf(labelled).map((l) => l.text));
    // (nor is an answer's sentence echoing the paper's words, not set off as a quote)
    expect(read('The amplitude slowly decays over time because of friction')).toEqual([
      'The amplitude slowly decays over time because of friction',
    ]);
    // (symbols and numbers alone are working, not a quote: "period = 2π √(0.75/9.8)")
    expect(read('period = 2π √(0.75/9.8) with amplitude 0.12')).toEqual([
      'period = 2π √(0.75/9.8) with amplitude 0.12',
    ]);
  });
});
