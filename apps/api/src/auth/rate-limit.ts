/**
 * A fixed-window counter per key (in memory, per API process): enough to slow password guessing
 * at one instance; behind several instances, put the limit in the proxy or Redis as well.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** most keys kept; past it the oldest windows are dropped (memory stays bounded) */
    readonly maxKeys = 100_000,
  ) {}

  /** Count one event for the key. */
  add(key: string, now = Date.now()): void {
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      this.hits.delete(key); // re-inserted last: the Map's order stays oldest-first
      h = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, h);
      if (this.hits.size > this.maxKeys) this.sweep(now);
    }
    h.count++;
  }

  /** Count one attempt; false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    this.add(key, now);
    return this.blockedFor(key, now) === 0;
  }

  /** Milliseconds until the key may go on: 0 while it is within its limit. */
  blockedFor(key: string, now = Date.now()): number {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now || h.count < this.limit) return 0;
    return h.resetAt - now;
  }

  /** Take back one event counted in the current window (an attempt that turned out fine). */
  remove(key: string, now = Date.now()): void {
    const h = this.hits.get(key);
    if (h && h.resetAt > now && h.count > 0) h.count--;
  }

  reset(key: string) {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    for (const k of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(k);
    }
  }
}
