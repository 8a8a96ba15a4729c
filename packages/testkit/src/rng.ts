/** A small seeded PRNG (mulberry32): the corpus must be the same bytes for the same seed. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)];
  }

  weighted<T>(xs: readonly T[], weight: (x: T) => number): T {
    const total = xs.reduce((s, x) => s + Math.max(0, weight(x)), 0);
    if (total <= 0) return this.pick(xs);
    let r = this.next() * total;
    for (const x of xs) {
      r -= Math.max(0, weight(x));
      if (r < 0) return x;
    }
    return xs[xs.length - 1];
  }

  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** an independent stream, so adding draws in one place does not shift every later script */
  fork(salt: number): Rng {
    return new Rng((Math.floor(this.next() * 2 ** 32) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0);
  }
}
