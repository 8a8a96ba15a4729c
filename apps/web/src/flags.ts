/** Script flags for TAs: their names in words and the submissions-list filter. */

export const FLAG_LABELS: Record<string, string> = {
  header: 'Header',
  organisation: 'Organisation',
  similarity: 'Similarity',
  version: 'Version',
};

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? flag.charAt(0).toUpperCase() + flag.slice(1);
}

/** `all`, `flagged` (any flag), `review` (parts waiting for a person) or `flag:<name>` */
export type RowFilter = string;

export function matchesFilter(row: { flags?: string[]; needsReview?: number }, filter: RowFilter): boolean {
  const flags = row.flags ?? [];
  if (filter === 'flagged') return flags.length > 0;
  if (filter === 'review') return (row.needsReview ?? 0) > 0;
  if (filter.startsWith('flag:')) return flags.includes(filter.slice(5));
  return true;
}

/** The filter's choices: the fixed ones, then each flag the rows carry (known flags first). */
export function filterOptions(rows: { flags?: string[] }[]): [RowFilter, string][] {
  const seen = new Set(rows.flatMap((r) => r.flags ?? []));
  const flags = [...new Set([...Object.keys(FLAG_LABELS), ...seen])];
  return [
    ['all', 'All scripts'],
    ['flagged', 'Flagged (any flag)'],
    ['review', 'Needs review'],
    ...flags.map((f): [RowFilter, string] => [`flag:${f}`, `Flag: ${flagLabel(f)}`]),
  ];
}
