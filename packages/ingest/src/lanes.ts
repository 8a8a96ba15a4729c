// Engine instances shared by concurrent OCR calls, created lazily (PaddleOCR costs GBs to load).
/**
 * A queue over instances created on first need, at most `max` of them. An instance that fails to
 * load fails every call from then on (and every call waiting for it), rather than hanging them.
 */
export function lazyLanes<T>(max: number, make: () => Promise<T>) {
  const all: Promise<T>[] = [];
  const idle: T[] = [];
  const waiting: Array<{ resolve: (t: T) => void; reject: (e: unknown) => void }> = [];
  let failed: unknown = null;
  const acquire = (): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const t = idle.pop();
    if (t) return Promise.resolve(t);
    if (all.length < max) {
      const p = make();
      all.push(p);
      p.catch((e) => {
        failed = e;
        for (const w of waiting.splice(0)) w.reject(e);
      });
      return p;
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (t: T) => {
    const next = waiting.shift();
    if (next) next.resolve(t);
    else idle.push(t);
  };
  return {
    async use<R>(f: (t: T) => Promise<R>): Promise<R> {
      const t = await acquire();
      try {
        return await f(t);
      } finally {
        release(t);
      }
    },
    created: () => Promise.allSettled(all),
  };
}
