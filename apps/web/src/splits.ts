/**
 * Split points of a stack (the first page of each script), edited by a TA on page thumbnails:
 * page 1 always starts a script, the others can be added, removed or moved a page at a time.
 */
export type Starts = number[];

const norm = (s: number[]) => [...new Set(s)].sort((a, b) => a - b);

/** Add a split before `page`, or remove it if there is one (page 1 stays). */
export function toggleStart(starts: Starts, page: number): Starts {
  if (page <= 1) return norm([1, ...starts]);
  return starts.includes(page) ? starts.filter((p) => p !== page) : norm([...starts, page]);
}

/** Move the split at `page` by `delta` pages; it may not reach page 1, another split or the end. */
export function moveStart(starts: Starts, page: number, delta: number, pageCount: number): Starts {
  const to = page + delta;
  if (page === 1 || !starts.includes(page) || to <= 1 || to > pageCount || starts.includes(to)) return starts;
  return norm(starts.map((p) => (p === page ? to : p)));
}

/** The scripts the split points make: first and last page of each. */
export function rangesOf(starts: Starts, pageCount: number): { from: number; to: number }[] {
  const s = norm(starts);
  return s.map((from, i) => ({ from, to: (s[i + 1] ?? pageCount + 1) - 1 }));
}
