// A dense float64 tensor that can sit in an autograd graph.
// Storage is always contiguous row-major; ops that would need a strided view (transpose) copy instead,
// which keeps every kernel a plain loop over `data`.

/** How a tensor was made: its inputs and the rule that pushes its gradient into theirs. */
export interface GradNode {
  readonly op: string;
  readonly parents: readonly Tensor[];
  /** Accumulate d(loss)/d(parent) into each parent's `grad`, given d(loss)/d(this) in `grad`. */
  backward(grad: Float64Array): void;
}

export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new ShapeError(`bad dimension ${d} in shape [${shape.join(', ')}]`);
    n *= d;
  }
  return n;
}

export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return strides;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

export class Tensor {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  /** d(loss)/d(this), filled by `backward` for every tensor in the graph that requires a gradient. */
  grad: Float64Array | null = null;
  requiresGrad: boolean;
  readonly node: GradNode | null;

  constructor(
    data: Float64Array,
    shape: readonly number[],
    opts: { requiresGrad?: boolean; node?: GradNode } = {},
  ) {
    const n = sizeOf(shape);
    if (data.length !== n) {
      throw new ShapeError(`data of length ${data.length} does not fill shape [${shape.join(', ')}] (${n})`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.strides = Object.freeze(rowMajorStrides(shape));
    this.node = opts.node ?? null;
    this.requiresGrad = opts.requiresGrad ?? this.node !== null;
  }

  get size(): number {
    return this.data.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Element at a multi-index (bounds-checked; for tests and small reads, not inner loops). */
  get(...index: number[]): number {
    return this.data[this.offset(index)];
  }

  offset(index: readonly number[]): number {
    if (index.length !== this.shape.length) {
      throw new ShapeError(`index of rank ${index.length} into tensor of rank ${this.shape.length}`);
    }
    let off = 0;
    for (let k = 0; k < index.length; k++) {
      if (index[k] < 0 || index[k] >= this.shape[k]) {
        throw new ShapeError(`index ${index[k]} out of range for axis ${k} of size ${this.shape[k]}`);
      }
      off += index[k] * this.strides[k];
    }
    return off;
  }

  toArray(): number[] {
    return Array.from(this.data);
  }

  /** Nested arrays following the shape (a scalar for rank 0). */
  toNested(): unknown {
    const build = (axis: number, off: number): unknown => {
      if (axis === this.shape.length) return this.data[off];
      const out: unknown[] = [];
      for (let k = 0; k < this.shape[axis]; k++) out.push(build(axis + 1, off + k * this.strides[axis]));
      return out;
    };
    return build(0, 0);
  }

  /** The scalar value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new ShapeError(`item() of a tensor with ${this.size} elements`);
    return this.data[0];
  }

  /** Same values, cut off from the graph. */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /**
   * Run reverse-mode differentiation from this tensor (a scalar unless `seed` is given). The `grad` of
   * every tensor in its graph is reset first: each call gives fresh gradients, not a running sum.
   */
  backward(seed?: Float64Array): void {
    backward(this, seed);
  }
}

// ---- constructors -----------------------------------------------------------------------------

export function tensor(
  values: number | readonly number[] | Float64Array,
  shape?: readonly number[],
  requiresGrad = false,
): Tensor {
  const data =
    typeof values === 'number'
      ? Float64Array.of(values)
      : values instanceof Float64Array
        ? values.slice()
        : Float64Array.from(values);
  const s = shape ?? (typeof values === 'number' ? [] : [data.length]);
  return new Tensor(data, s, { requiresGrad });
}

/** A tensor from nested arrays, e.g. [[1, 2], [3, 4]] -> shape [2, 2]. */
export function fromNested(values: unknown, requiresGrad = false): Tensor {
  const shape: number[] = [];
  let probe: unknown = values;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat = Array.isArray(values) ? (values.flat(Number.POSITIVE_INFINITY) as unknown[]) : [values];
  if (flat.length !== sizeOf(shape) || flat.some((v) => typeof v !== 'number')) {
    throw new ShapeError('fromNested: ragged array or non-number');
  }
  return new Tensor(Float64Array.from(flat as number[]), shape, { requiresGrad });
}

export function zeros(shape: readonly number[], requiresGrad = false): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)), shape, { requiresGrad });
}

export function full(shape: readonly number[], value: number, requiresGrad = false): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)).fill(value), shape, { requiresGrad });
}

/** Deterministic pseudo-random numbers (mulberry32), so initialisations and benchmarks are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [-scale, scale). */
export function randn(
  shape: readonly number[],
  random: () => number,
  scale = 1,
  requiresGrad = false,
): Tensor {
  const data = new Float64Array(sizeOf(shape));
  for (let k = 0; k < data.length; k++) data[k] = (random() * 2 - 1) * scale;
  return new Tensor(data, shape, { requiresGrad });
}

// ---- reverse mode ------------------------------------------------------------------------------

/** `t.grad`, allocated as zeros if needed: heavy ops add into it in place rather than allocate a copy. */
export function gradBuffer(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Float64Array(t.size);
  return t.grad;
}

/** Add `g` into `t.grad` (allocating it), if `t` takes part in differentiation. */
export function accumulate(t: Tensor, g: Float64Array): void {
  if (!t.requiresGrad) return;
  if (t.grad === null) t.grad = new Float64Array(t.size);
  const out = t.grad;
  for (let k = 0; k < out.length; k++) out[k] += g[k];
}

/** Result tensor of an op: joins the graph only when some input requires a gradient. */
export function result(
  data: Float64Array,
  shape: readonly number[],
  op: string,
  parents: readonly Tensor[],
  backwardFn: (grad: Float64Array) => void,
): Tensor {
  if (!parents.some((p) => p.requiresGrad)) return new Tensor(data, shape);
  return new Tensor(data, shape, { node: { op, parents, backward: backwardFn } });
}

export function backward(root: Tensor, seed?: Float64Array): void {
  if (!seed && root.size !== 1) {
    throw new ShapeError(`backward() from a tensor of ${root.size} elements needs a seed gradient`);
  }
  // Topological order by iterative DFS (sequences of hundreds of steps would overflow a recursive one).
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: Array<[Tensor, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [t, next] = top;
    const parents = t.node?.parents ?? [];
    if (next < parents.length) {
      top[1]++;
      const p = parents[next];
      if (p.requiresGrad && !seen.has(p)) {
        seen.add(p);
        stack.push([p, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  for (const t of order) t.grad = null;
  root.grad = seed ? seed.slice() : Float64Array.of(1);
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k];
    if (t.node && t.grad) t.node.backward(t.grad);
  }
}
