// Finite-difference check of reverse-mode gradients: the independent check for every op.
import { backward, type Tensor } from './tensor.ts';

export interface GradcheckResult {
  /** largest |analytic − numeric| / max(1, |numeric|) over every input element */
  maxError: number;
  /** where it occurred: input index and element */
  worst: { input: number; element: number; analytic: number; numeric: number };
}

/**
 * Compares the autograd gradient of Σ w ⊙ f(inputs) (fixed pseudo-random weights w, so every output
 * element matters) with central differences of step `eps`.
 */
export function gradcheck(f: (inputs: Tensor[]) => Tensor, inputs: Tensor[], eps = 1e-6): GradcheckResult {
  for (const t of inputs) t.requiresGrad = true;
  const out = f(inputs);
  const w = Float64Array.from({ length: out.size }, (_, k) => 0.5 + ((k * 7919) % 13) / 13);
  backward(out, w);
  const analytic = inputs.map((t) => (t.grad ? t.grad.slice() : new Float64Array(t.size)));
  const objective = () => {
    const y = f(inputs);
    let s = 0;
    for (let k = 0; k < y.size; k++) s += w[k] * y.data[k];
    return s;
  };
  let worst = { input: -1, element: -1, analytic: 0, numeric: 0 };
  let maxError = 0;
  inputs.forEach((t, n) => {
    for (let e = 0; e < t.size; e++) {
      const keep = t.data[e];
      t.data[e] = keep + eps;
      const up = objective();
      t.data[e] = keep - eps;
      const down = objective();
      t.data[e] = keep;
      const numeric = (up - down) / (2 * eps);
      const err = Math.abs(analytic[n][e] - numeric) / Math.max(1, Math.abs(numeric));
      if (err > maxError || worst.input < 0) {
        maxError = Math.max(maxError, err);
        worst = { input: n, element: e, analytic: analytic[n][e], numeric };
      }
    }
  });
  return { maxError, worst };
}
