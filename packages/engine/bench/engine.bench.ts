// Engine benchmark: forward and forward+backward times of CT3-sized workloads, and how they grow as
// sizes double. Run: npm run bench -w @grader/engine   (a benchmark, not a test: nothing is asserted)
import { bptt, DepthwiseSeparableConv2d, LSTMClassifier, randn, rng, type Tensor } from '../src/index.ts';

interface Timing {
  /** best CPU time per call: barely affected by other jobs on a shared machine */
  cpu: number;
  /** median wall time per call */
  wall: number;
}

interface Row {
  workload: string;
  size: string;
  work: number; // multiplications in the forward pass
  forward: Timing;
  total: Timing;
}

/**
 * `reps` samples after a warm-up; each sample repeats `fn` for at least 60 ms (so the coarse CPU clock
 * is precise enough). Returns the best per-call CPU time and the median per-call wall time, in ms.
 * Run with --single-threaded-gc (the bench script does) so that GC work is not spread over helper
 * threads whose CPU time would land on random samples.
 */
function time(fn: () => void, reps: number): Timing {
  fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let calls = 0;
    do {
      fn();
      calls++;
    } while (performance.now() - t0 < 60);
    wall.push((performance.now() - t0) / calls);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / calls);
  }
  wall.sort((a, b) => a - b);
  return { cpu: Math.min(...cpu), wall: wall[Math.floor(wall.length / 2)] };
}

function lstm(hidden: number, steps: number, reps: number): Row {
  const random = rng(1);
  const input = 32;
  const model = new LSTMClassifier(input, hidden, 10, { kind: 'uniform', random });
  const xs: Tensor[] = Array.from({ length: steps }, () => randn([input], random));
  const forward = time(() => void model.run(xs, 3), reps);
  const total = time(() => void bptt(model.run(xs, 3)), reps);
  return {
    workload: 'LSTM + Q4 head (x 32, 10 classes)',
    size: `H ${hidden}, T ${steps}`,
    work: 4 * hidden * (hidden + input) * steps,
    forward,
    total,
  };
}

function separable(side: number, reps: number): Row {
  const random = rng(2);
  const layer = new DepthwiseSeparableConv2d(
    { channels: 3, outChannels: 10, kernel: 4, stride: 1, padding: 1 },
    { kind: 'uniform', random },
  );
  const x = randn([3, side, side], random, 1, true); // backward also w.r.t. the image
  const counters = () => ({ depthwise: { multiplications: 0 }, pointwise: { multiplications: 0 } });
  const c = counters();
  layer.forward(x, c);
  const forward = time(() => void layer.forward(x), reps);
  const total = time(() => {
    const { pointwise } = layer.forward(x);
    pointwise.backward(new Float64Array(pointwise.size).fill(1));
  }, reps);
  return {
    workload: 'depthwise-separable conv (K 4, S 1, P 1, 10 out)',
    size: `${side}×${side}×3`,
    work: c.depthwise.multiplications + c.pointwise.multiplications,
    forward,
    total,
  };
}

const REPS = 7;
const t0 = performance.now();
const groups: Row[][] = [
  [64, 128, 256].map((h) => lstm(h, 50, REPS)),
  [25, 50, 100].map((t) => lstm(128, t, REPS)),
  [100, 200, 400].map((s) => separable(s, REPS)),
];

const fmt = (ms: number) => ms.toFixed(1);
const header = [
  'workload',
  'size',
  'fwd mults',
  'mults ×',
  'fwd cpu ms',
  'fwd+bwd cpu ms',
  'fwd+bwd wall ms',
  'time ×',
];
const lines: string[][] = [header];
for (const rows of groups) {
  rows.forEach((r, k) => {
    const growth = k === 0 ? '' : (r.total.cpu / rows[k - 1].total.cpu).toFixed(2);
    const work = k === 0 ? '' : (r.work / rows[k - 1].work).toFixed(2);
    lines.push([
      r.workload,
      r.size,
      r.work.toLocaleString('en-US'),
      work,
      fmt(r.forward.cpu),
      fmt(r.total.cpu),
      fmt(r.total.wall),
      growth,
    ]);
  });
}
const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
const row = (l: string[]) =>
  `| ${l.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
console.log(row(header));
console.log(`|${widths.map((w, c) => (c >= 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
for (const l of lines.slice(1)) console.log(row(l));
console.log(
  `\nnode ${process.version}; ${REPS} samples of ≥ 60 ms each after a warm-up: best CPU time per call, median wall time per call;` +
    ` mults × and time × = growth over the previous size (forward multiplications; fwd+bwd CPU time).`,
);
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
