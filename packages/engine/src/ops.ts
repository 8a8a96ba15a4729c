// Differentiable ops. Each computes its value with plain loops and registers the local rule that
// turns d(loss)/d(output) into d(loss)/d(input) for every input.
import { accumulate, gradBuffer, result, ShapeError, sameShape, sizeOf, type Tensor } from './tensor.ts';

function sameShapeOrThrow(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(`${op}: shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}] differ`);
  }
}

// ---- element-wise ------------------------------------------------------------------------------

export function add(a: Tensor, b: Tensor): Tensor {
  sameShapeOrThrow('add', a, b);
  const out = new Float64Array(a.size);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] + b.data[k];
  return result(out, a.shape, 'add', [a, b], (g) => {
    accumulate(a, g);
    accumulate(b, g);
  });
}

export function sub(a: Tensor, b: Tensor): Tensor {
  sameShapeOrThrow('sub', a, b);
  const out = new Float64Array(a.size);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] - b.data[k];
  return result(out, a.shape, 'sub', [a, b], (g) => {
    accumulate(a, g);
    if (b.requiresGrad)
      accumulate(
        b,
        g.map((v) => -v),
      );
  });
}

/** Hadamard product (⊙). */
export function mul(a: Tensor, b: Tensor): Tensor {
  sameShapeOrThrow('mul', a, b);
  const out = new Float64Array(a.size);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] * b.data[k];
  return result(out, a.shape, 'mul', [a, b], (g) => {
    if (a.requiresGrad)
      accumulate(
        a,
        g.map((v, k) => v * b.data[k]),
      );
    if (b.requiresGrad)
      accumulate(
        b,
        g.map((v, k) => v * a.data[k]),
      );
  });
}

export function div(a: Tensor, b: Tensor): Tensor {
  sameShapeOrThrow('div', a, b);
  const out = new Float64Array(a.size);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] / b.data[k];
  return result(out, a.shape, 'div', [a, b], (g) => {
    if (a.requiresGrad)
      accumulate(
        a,
        g.map((v, k) => v / b.data[k]),
      );
    if (b.requiresGrad)
      accumulate(
        b,
        g.map((v, k) => (-v * a.data[k]) / (b.data[k] * b.data[k])),
      );
  });
}

/** Multiply by a constant. */
export function scale(a: Tensor, c: number): Tensor {
  const out = a.data.map((v) => v * c);
  return result(out, a.shape, 'scale', [a], (g) =>
    accumulate(
      a,
      g.map((v) => v * c),
    ),
  );
}

export function neg(a: Tensor): Tensor {
  return scale(a, -1);
}

/** Add a constant to every element. */
export function addScalar(a: Tensor, c: number): Tensor {
  const out = a.data.map((v) => v + c);
  return result(out, a.shape, 'addScalar', [a], (g) => accumulate(a, g));
}

/** An element-wise function with its derivative written in terms of input x and output y. */
function unary(
  op: string,
  a: Tensor,
  f: (x: number) => number,
  df: (x: number, y: number) => number,
): Tensor {
  const out = new Float64Array(a.size);
  for (let k = 0; k < out.length; k++) out[k] = f(a.data[k]);
  return result(out, a.shape, op, [a], (g) => {
    const d = new Float64Array(g.length);
    for (let k = 0; k < g.length; k++) d[k] = g[k] * df(a.data[k], out[k]);
    accumulate(a, d);
  });
}

export function sigmoidValue(x: number): number {
  // Two branches so that exp never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export const sigmoid = (a: Tensor): Tensor => unary('sigmoid', a, sigmoidValue, (_x, y) => y * (1 - y));
export const tanh = (a: Tensor): Tensor => unary('tanh', a, Math.tanh, (_x, y) => 1 - y * y);
export const exp = (a: Tensor): Tensor => unary('exp', a, Math.exp, (_x, y) => y);
export const log = (a: Tensor): Tensor => unary('log', a, Math.log, (x) => 1 / x);
export const square = (a: Tensor): Tensor =>
  unary(
    'square',
    a,
    (x) => x * x,
    (x) => 2 * x,
  );

// ---- reductions --------------------------------------------------------------------------------

export function sum(a: Tensor): Tensor {
  let s = 0;
  for (let k = 0; k < a.size; k++) s += a.data[k];
  return result(Float64Array.of(s), [], 'sum', [a], (g) =>
    accumulate(a, new Float64Array(a.size).fill(g[0])),
  );
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1) throw new ShapeError(`dot: expected vectors, got shape [${a.shape.join(', ')}]`);
  return sum(mul(a, b));
}

// ---- shape -------------------------------------------------------------------------------------

export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== a.size) {
    throw new ShapeError(
      `reshape: [${a.shape.join(', ')}] has ${a.size} elements, [${shape.join(', ')}] needs ${sizeOf(shape)}`,
    );
  }
  return result(a.data.slice(), shape, 'reshape', [a], (g) => accumulate(a, g));
}

/** Swap the two axes of a matrix (copies: storage stays contiguous). */
export function transpose(a: Tensor): Tensor {
  if (a.ndim !== 2) throw new ShapeError(`transpose: expected a matrix, got shape [${a.shape.join(', ')}]`);
  const [r, c] = a.shape;
  const out = new Float64Array(a.size);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a.data[i * c + j];
  return result(out, [c, r], 'transpose', [a], (g) => {
    const d = new Float64Array(a.size);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) d[i * c + j] = g[j * r + i];
    accumulate(a, d);
  });
}

/** Join tensors along an axis; all other dimensions must agree. [h, x] in the LSTM is concat([h, x]). */
export function concat(parts: readonly Tensor[], axis = 0): Tensor {
  if (parts.length === 0) throw new ShapeError('concat: nothing to join');
  const rank = parts[0].ndim;
  if (axis < 0 || axis >= rank) throw new ShapeError(`concat: axis ${axis} out of range for rank ${rank}`);
  for (const p of parts) {
    if (p.ndim !== rank || p.shape.some((d, k) => k !== axis && d !== parts[0].shape[k])) {
      throw new ShapeError(
        `concat: shape [${p.shape.join(', ')}] does not match [${parts[0].shape.join(', ')}] off axis ${axis}`,
      );
    }
  }
  const outer = parts[0].shape.slice(0, axis).reduce((x, y) => x * y, 1);
  const inner = parts[0].shape.slice(axis + 1).reduce((x, y) => x * y, 1);
  const total = parts.reduce((s, p) => s + p.shape[axis], 0);
  const shape = [...parts[0].shape];
  shape[axis] = total;
  const out = new Float64Array(outer * total * inner);
  // Chunk j of part p starts at o * total * inner + start_p * inner, for each outer index o.
  const starts: number[] = [];
  let start = 0;
  for (const p of parts) {
    starts.push(start);
    start += p.shape[axis];
  }
  parts.forEach((p, n) => {
    const chunk = p.shape[axis] * inner;
    for (let o = 0; o < outer; o++)
      out.set(p.data.subarray(o * chunk, (o + 1) * chunk), o * total * inner + starts[n] * inner);
  });
  return result(out, shape, 'concat', parts, (g) => {
    parts.forEach((p, n) => {
      if (!p.requiresGrad) return;
      const chunk = p.shape[axis] * inner;
      const d = new Float64Array(p.size);
      for (let o = 0; o < outer; o++)
        d.set(
          g.subarray(o * total * inner + starts[n] * inner, o * total * inner + starts[n] * inner + chunk),
          o * chunk,
        );
      accumulate(p, d);
    });
  });
}

/** Stack equal-shaped tensors along a new first axis: n vectors of length d -> an n × d matrix. */
export function stack(parts: readonly Tensor[]): Tensor {
  if (parts.length === 0) throw new ShapeError('stack: nothing to stack');
  return concat(
    parts.map((p) => reshape(p, [1, ...p.shape])),
    0,
  );
}

/** Row i of a matrix (or sub-tensor i along the first axis). */
export function select(a: Tensor, i: number): Tensor {
  if (a.ndim < 1 || i < 0 || i >= a.shape[0]) throw new ShapeError(`select: index ${i} out of range`);
  const inner = a.size / a.shape[0];
  const out = a.data.slice(i * inner, (i + 1) * inner);
  return result(out, a.shape.slice(1), 'select', [a], (g) => {
    const d = new Float64Array(a.size);
    d.set(g, i * inner);
    accumulate(a, d);
  });
}

/** Elements [start, end) of a vector. */
export function slice(a: Tensor, start: number, end: number): Tensor {
  if (a.ndim !== 1 || start < 0 || end > a.size || start > end) {
    throw new ShapeError(`slice: [${start}, ${end}) of shape [${a.shape.join(', ')}]`);
  }
  return result(a.data.slice(start, end), [end - start], 'slice', [a], (g) => {
    const d = new Float64Array(a.size);
    d.set(g, start);
    accumulate(a, d);
  });
}

// ---- linear algebra ----------------------------------------------------------------------------

/** Matrix product: (m × k)(k × n) -> m × n, or matrix–vector (m × k)(k) -> m. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2 || (b.ndim !== 1 && b.ndim !== 2)) {
    throw new ShapeError(`matmul: shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const [m, k] = a.shape;
  const n = b.ndim === 1 ? 1 : b.shape[1];
  if (b.shape[0] !== k) {
    throw new ShapeError(
      `matmul: [${a.shape.join(', ')}] times [${b.shape.join(', ')}]: inner sizes ${k} and ${b.shape[0]} differ`,
    );
  }
  const A = a.data;
  const B = b.data;
  const out = new Float64Array(m * n);
  // i-p-j order: the inner loop walks both B and out contiguously.
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p];
      const bRow = p * n;
      const oRow = i * n;
      for (let j = 0; j < n; j++) out[oRow + j] += aip * B[bRow + j];
    }
  }
  const shape = b.ndim === 1 ? [m] : [m, n];
  return result(out, shape, 'matmul', [a, b], (g) => {
    // Gradients are added in place: an LSTM step would otherwise allocate a fresh H × (H + X) matrix per gate.
    if (a.requiresGrad) {
      // dA += G Bᵀ
      const dA = gradBuffer(a);
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += g[i * n + j] * B[p * n + j];
          dA[i * k + p] += s;
        }
      }
    }
    if (b.requiresGrad) {
      // dB += Aᵀ G
      const dB = gradBuffer(b);
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k; p++) {
          const aip = A[i * k + p];
          for (let j = 0; j < n; j++) dB[p * n + j] += aip * g[i * n + j];
        }
      }
    }
  });
}

// ---- probabilities -----------------------------------------------------------------------------

/** Softmax over the last axis (a vector, or each row of a matrix). */
export function softmax(a: Tensor): Tensor {
  if (a.ndim < 1) throw new ShapeError('softmax of a scalar');
  const n = a.shape[a.ndim - 1];
  const rows = a.size / n;
  const out = new Float64Array(a.size);
  for (let r = 0; r < rows; r++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) max = Math.max(max, a.data[r * n + j]);
    let z = 0;
    for (let j = 0; j < n; j++) {
      out[r * n + j] = Math.exp(a.data[r * n + j] - max);
      z += out[r * n + j];
    }
    for (let j = 0; j < n; j++) out[r * n + j] /= z;
  }
  return result(out, a.shape, 'softmax', [a], (g) => {
    // dx_j = y_j (g_j - Σ_k g_k y_k)
    const d = new Float64Array(a.size);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += g[r * n + j] * out[r * n + j];
      for (let j = 0; j < n; j++) d[r * n + j] = out[r * n + j] * (g[r * n + j] - s);
    }
    accumulate(a, d);
  });
}

/**
 * Cross-entropy of softmax(logits) against the class `target`: −log ŷ_target, computed stably as
 * logsumexp(logits) − logits[target]. Its gradient w.r.t. the logits is ŷ − onehot(target).
 */
export function crossEntropy(logits: Tensor, target: number): Tensor {
  if (logits.ndim !== 1)
    throw new ShapeError(`crossEntropy: expected a vector of logits, got [${logits.shape.join(', ')}]`);
  if (!Number.isInteger(target) || target < 0 || target >= logits.size) {
    throw new ShapeError(`crossEntropy: target ${target} is not a class of ${logits.size}`);
  }
  const x = logits.data;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) max = Math.max(max, v);
  let z = 0;
  for (const v of x) z += Math.exp(v - max);
  const lse = max + Math.log(z);
  return result(Float64Array.of(lse - x[target]), [], 'crossEntropy', [logits], (g) => {
    const d = new Float64Array(x.length);
    for (let j = 0; j < x.length; j++) d[j] = g[0] * (Math.exp(x[j] - lse) - (j === target ? 1 : 0));
    accumulate(logits, d);
  });
}
