/** Bag recall: the share of the reference's items that the reading contains (each used once). */
export function bagRecall(want: string[], got: string[]): number {
  const bag = new Map<string, number>();
  for (const w of got) bag.set(w, (bag.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of want) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(w, n - 1);
    }
  }
  return want.length ? hit / want.length : 1;
}
