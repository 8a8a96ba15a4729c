/**
 * A fixed-window counter per key (in memory, per API process): enough to slow password guessing
 * at one instance; behind several instances, put the limit in the proxy or Redis as well.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Count one attempt; false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      h = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, h);
      if (this.hits.size > 10_000) this.sweep(now);
    }
    h.count++;
    return h.count <= this.limit;
  }

  reset(key: string) {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}
