import { RateLimiter } from './rate-limit.ts';

export interface ThrottleLimits {
  /** wrong passwords one source may try on one account per window */
  perAccountSource: number;
  /** wrong passwords one source may try over all accounts per window */
  perSource: number;
  windowMs: number;
}

export const LOGIN_LIMITS: ThrottleLimits = { perAccountSource: 10, perSource: 50, windowMs: 15 * 60_000 };

export type ThrottleVerdict =
  | { ok: true }
  | { ok: false; scope: 'account_source' | 'source'; retryAfterSec: number };

/**
 * Sign-in back-off that cannot lock the real user out: failures are counted per (account, source)
 * pair and per source, never per account alone, so someone guessing from one place slows only
 * themselves; the account still opens from anywhere else. Only failures count (a class signing in
 * from behind one NAT is not throttled), and a success clears its pair.
 */
export class LoginThrottle {
  private readonly pairs: RateLimiter;
  private readonly sources: RateLimiter;
  constructor(limits: ThrottleLimits = LOGIN_LIMITS) {
    this.pairs = new RateLimiter(limits.perAccountSource, limits.windowMs);
    this.sources = new RateLimiter(limits.perSource, limits.windowMs);
  }

  /**
   * May this source try this account now? When it may, the attempt is counted as a failure at
   * once (taken back by `succeeded`), so parallel guesses cannot all slip in before any is counted.
   */
  attempt(account: string, source: string, now = Date.now()): ThrottleVerdict {
    const bySource = this.sources.blockedFor(source, now);
    if (bySource) return { ok: false, scope: 'source', retryAfterSec: Math.ceil(bySource / 1000) };
    const pair = pairKey(account, source);
    const byPair = this.pairs.blockedFor(pair, now);
    if (byPair) return { ok: false, scope: 'account_source', retryAfterSec: Math.ceil(byPair / 1000) };
    this.pairs.add(pair, now);
    this.sources.add(source, now);
    return { ok: true };
  }

  /** The password was right: this pair starts afresh and the attempt no longer counts for the source. */
  succeeded(account: string, source: string, now = Date.now()): void {
    this.pairs.reset(pairKey(account, source));
    this.sources.remove(source, now);
  }
}

const pairKey = (account: string, source: string) => `${account}\n${source}`;
