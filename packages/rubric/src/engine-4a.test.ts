// The rubric's 4(a) key, term by term, against the engine: an LSTM unrolled with Q4's head and
// backpropagated by autograd (the engine's BPTT is checked against PyTorch fixtures). At random
// models, sequences and steps, the key's terms evaluated at the step's values must add up to the
// engine's ∂L/∂c_t, and the key's slip (f_t for f_{t+1}) must not.
import { bptt, LSTMClassifier, randn, rng } from '@grader/engine';
import { loadExam } from '@grader/exam';
import { evaluate, parseExpr } from '@grader/parse';
import { describe, expect, it } from 'vitest';
import { canonicalSymbol as canonicalSymbolName } from './evidence.ts';
import { loadRubric } from './index.ts';
import type { TermItem } from './schema.ts';

const exam = loadExam('cs60010-ct3');
const rubric = loadRubric(exam);
const part = rubric.parts.find((p) => p.id === '4a')!;
const terms = part.items.filter((i): i is TermItem => i.type === 'term');

describe('4(a): the key agrees with the engine’s backpropagation through time', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random LSTM and sequence, seed ${seed}`, () => {
      const random = rng(seed);
      const model = new LSTMClassifier(2, 3, 2, { kind: 'uniform', random, scale: 1 });
      const run = model.run(
        Array.from({ length: 5 }, () => randn([2], random)),
        seed % 2,
      );
      const { dc, dh } = bptt(run);
      for (let t = 0; t + 1 < run.steps.length; t++) {
        const s = run.steps[t];
        const next = run.steps[t + 1];
        for (let k = 0; k < s.c.size; k++) {
          const values: Record<string, number> = {
            [canonicalSymbolName('dL/dh_t')]: dh[t][k],
            [canonicalSymbolName('dL/dc_{t+1}')]: dc[t + 1][k],
            [canonicalSymbolName('o_t')]: s.o.data[k],
            [canonicalSymbolName('c_t')]: s.c.data[k],
            [canonicalSymbolName('f_{t+1}')]: next.f.data[k],
            [canonicalSymbolName('f_t')]: s.f.data[k],
          };
          const env = (name: string) => {
            const v = values[name];
            if (v === undefined) throw new Error(`no engine value for ${name}`);
            return v;
          };
          const key = terms.reduce((sum, term) => sum + (evaluate(parseExpr(term.expr), env) as number), 0);
          expect(key).toBeCloseTo(dc[t][k], 10);
          // the recursive path with f_t where it needs f_{t+1} (the rubric's 1-of-2 slip)
          const [direct, recursive] = terms;
          const ft = recursive.alternatives.find((a) => /f_t\b/.test(a.expr))!;
          const slip =
            (evaluate(parseExpr(direct.expr), env) as number) + (evaluate(parseExpr(ft.expr), env) as number);
          if (Math.abs(next.f.data[k] - s.f.data[k]) > 1e-3)
            expect(Math.abs(slip - dc[t][k])).toBeGreaterThan(1e-6);
        }
      }
    });
  }
});
