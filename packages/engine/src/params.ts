// Modules and parameter counting. A module declares its learnable tensors as (name, shape) pairs; a
// composite module lists its children's under a prefix. Counting is one sum over the declared shapes,
// for any module, so it works without allocating the weights (a "shape-only" module) as well.
import { randn, ShapeError, sizeOf, type Tensor, zeros } from './tensor.ts';

export interface Module {
  /** Every learnable tensor's shape, by a dotted name unique within the module. */
  parameterShapes(): Array<[string, number[]]>;
  /** The learnable tensors themselves (empty for a shape-only module). */
  namedParameters(): Array<[string, Tensor]>;
}

/** Number of learnable values (weights and biases) in a module. */
export function countParameters(module: Module): number {
  return module.parameterShapes().reduce((n, [, shape]) => n + sizeOf(shape), 0);
}

/** Parameter shapes by name: what "the dimension of W_f" means. */
export function shapesByName(module: Module): Record<string, number[]> {
  return Object.fromEntries(module.parameterShapes());
}

export function prefixed<T>(prefix: string, entries: Array<[string, T]>): Array<[string, T]> {
  return entries.map(([name, v]) => [`${prefix}.${name}`, v]);
}

/**
 * How to fill new parameters: `shape-only` allocates nothing (counting only), `zeros`, or seeded
 * uniform values in ±scale (default 1/√fan-in) for running.
 */
export type Init =
  | { kind: 'shape-only' }
  | { kind: 'zeros' }
  | { kind: 'uniform'; random: () => number; scale?: number };

export const SHAPE_ONLY: Init = { kind: 'shape-only' };

/** The parameters of one leaf module, declared once by shape and allocated according to `init`. */
export class ParameterSet {
  readonly shapes: Array<[string, number[]]>;
  private readonly tensors = new Map<string, Tensor>();

  constructor(shapes: Array<[string, number[]]>, init: Init) {
    this.shapes = shapes;
    if (init.kind === 'shape-only') return;
    for (const [name, shape] of shapes) {
      const t =
        init.kind === 'zeros'
          ? zeros(shape, true)
          : randn(shape, init.random, init.scale ?? 1 / Math.sqrt(shape[shape.length - 1] ?? 1), true);
      this.tensors.set(name, t);
    }
  }

  get(name: string): Tensor {
    const t = this.tensors.get(name);
    if (!t)
      throw new ShapeError(`parameter ${name} has no values (module built shape-only, or no such name)`);
    return t;
  }

  /** Replace a parameter's values (e.g. weights loaded from a fixture); the shape must match. */
  set(name: string, t: Tensor): void {
    const shape = this.shapes.find(([n]) => n === name)?.[1];
    if (!shape) throw new ShapeError(`no parameter named ${name}`);
    if (shape.length !== t.ndim || shape.some((d, k) => d !== t.shape[k])) {
      throw new ShapeError(`parameter ${name} is [${shape.join(', ')}], got [${t.shape.join(', ')}]`);
    }
    t.requiresGrad = true;
    this.tensors.set(name, t);
  }

  entries(): Array<[string, Tensor]> {
    return [...this.tensors.entries()];
  }
}

export function checkSize(what: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}`);
}
