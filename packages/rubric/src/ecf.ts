// Error carried forward: recompute a dependent answer from the student's own earlier value, with the
// engine's functions, so a wrong input followed correctly earns the rubric's partial credit.
import { lstmHidden } from '@grader/engine';

type Fn = (args: Record<string, unknown>) => unknown;

const num = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length >= 1 && typeof v[0] === 'number')
    return v.reduce((p: number, x: number) => p * x, 1);
  throw new Error('not a number');
};
const vec = (v: unknown): number[] => {
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  if (typeof v === 'number') return [v];
  throw new Error('not a vector');
};
const prod = (v: unknown) => vec(v).reduce((p, x) => p * x, 1);

export const ECF_FUNCTIONS: Record<string, Fn> = {
  /** h = o ⊙ tanh(c) from the student's own c (tanh(c), element by element, on the way); a c the
   *  student made a scalar (dot products for ⊙) is spread over o's length, as they multiply it */
  lstmHidden: ({ o, c }) => {
    const [ov, c0] = [vec(o), vec(c)];
    const cv = c0.length === 1 && ov.length > 1 ? ov.map(() => c0[0]) : c0;
    return {
      value: lstmHidden(ov, cv),
      parts: lstmHidden(
        c0.map(() => 1),
        c0,
      ),
    } satisfies Carried;
  },
  /** c = f ⊙ c_prev + i ⊙ c̃, with its two element-wise products on the way */
  lstmCellState: ({ f, i, C_prev, C_tilde }) => {
    const [fv, iv, cp, ct] = [vec(f), vec(i), vec(C_prev), vec(C_tilde)];
    if (fv.length !== cp.length || iv.length !== ct.length || fv.length !== iv.length)
      throw new Error('vectors of different lengths');
    const kept = fv.map((x, k) => x * cp[k]);
    const added = iv.map((x, k) => x * ct[k]);
    return { value: kept.map((x, k) => x + added[k]), parts: [], vectors: [kept, added] } satisfies Carried;
  },
  /** gates × (|W| + |b|) from the student's own shapes of W_f and b_f */
  // per gate weights and weights + biases, all gates' weights and biases: the steps to the total
  lstmParamsFromShapes: ({ w, b, gates }) => {
    const [pw, pb, g] = [prod(w), prod(b), num(gates)];
    return {
      value: g * (pw + pb),
      parts: [pw, pw + pb, g * pw, g * pb],
      also: [{ value: g * pw, what: 'the weights only, without the biases' }],
    } satisfies Carried;
  },
  /**
   * Multiplications of a depthwise-separable convolution from the student's own output sizes:
   * depthwise H·W·C·k², pointwise H·W·C·C_out (C_out from their pointwise output, else the key's).
   */
  separableMultiplications: ({ depthwise, pointwise, k, c, outChannels }) => {
    const d = vec(depthwise);
    const [h, w] = d;
    const ch = d[2] ?? num(c);
    const p = pointwise ? vec(pointwise) : null;
    // the student's own channel count when their pointwise output is a size of the depthwise map's;
    // otherwise (no pointwise size, or a filter's 1 × 1 × 3 read for it) the question's
    const out =
      p && p.length >= 3 && p[0] === h && p[1] === w
        ? p[2]
        : outChannels !== undefined
          ? num(outChannels)
          : Number.NaN;
    const dw = h * w * ch * num(k) * num(k);
    const pw = h * w * ch * out;
    // (the student's own spatial size with the question's channels follows from their output size
    // too, where their pointwise channels differ: "200 × 200 × 1" written, 3,120,000 counted)
    const asked = outChannels !== undefined ? num(outChannels) : Number.NaN;
    const also: { value: number; what: string; doubt?: string }[] =
      Number.isFinite(asked) && asked !== out
        ? [
            {
              value: dw + h * w * ch * asked,
              what: `the ${h} × ${w} size with the question's ${asked} output channels`,
            },
          ]
        : [];
    // (a depthwise output with the pointwise's channels is another method, a standard convolution's,
    // not only a wrong size carried through: whether the total "follows from the student's own
    // output size" is a person's reading)
    const doubt =
      d[2] !== undefined && d[2] !== num(c) && outChannels !== undefined && d[2] === num(outChannels)
        ? `the depthwise output has the ${d[2]} output channels where the input has ${num(c)}: a person checks whether the count follows from the student's own output size or from another method`
        : undefined;
    // (its spatial size counted over the input's channels, where the depthwise output written has
    // others: "200 × 200 × 10" written, 200 × 200 × 3 × 16 + 200 × 200 × 3 × 10 counted)
    if (d[2] !== undefined && d[2] !== num(c)) {
      const cOut = Number.isFinite(asked) ? asked : out;
      also.push({
        value: h * w * num(c) * (num(k) * num(k) + cOut),
        what: `the ${h} × ${w} size over the input's ${num(c)} channels`,
        doubt: `the depthwise output written has ${d[2]} channels where the count uses the input's ${num(c)}: a person checks`,
      });
    }
    return { value: dw + pw, parts: [dw, pw], also, doubt } satisfies Carried;
  },
};

/** A carried-forward result with the intermediate values it is made of (working toward it). */
interface Carried {
  value: unknown;
  /** why carrying forward this way is a person's call, where it may be */
  doubt?: string;
  parts: number[];
  /** vectors on the way (element-wise products), when the steps are vectors */
  vectors?: number[][];
  /** values that also follow from the student's own answers, in one of the rubric's part-credit
   *  ways (the weights only, without the biases): what each one is */
  also?: { value: number; what: string; doubt?: string }[];
}
const isCarried = (x: unknown): x is Carried =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && 'parts' in x && 'value' in x;

/** The value a computation gives, and its intermediate values (empty when it has none). */
export function computeEcfDetail(name: string, args: Record<string, unknown>): Carried {
  const f = ECF_FUNCTIONS[name];
  if (!f)
    throw new Error(
      `unknown error-carried-forward computation "${name}" (known: ${Object.keys(ECF_FUNCTIONS).join(', ')})`,
    );
  const out = f(args);
  return isCarried(out) ? out : { value: out, parts: [] };
}

export function computeEcf(name: string, args: Record<string, unknown>): unknown {
  return computeEcfDetail(name, args).value;
}
