// A course's class list as a CSV `roll,name[,version]`: what the worker, the CLI and the API read a
// class list with. Plain text and zod only (no PDF), so the API can depend on it.
import { z } from 'zod';
import { splitCsvLine } from './csv.ts';

export const RosterEntry = z.object({ roll: z.string().min(1), name: z.string().min(1) });
export type RosterEntry = z.infer<typeof RosterEntry>;
export type Roster = RosterEntry[];

/**
 * Parses a roster CSV with a header line naming the columns `roll` and `name` (any order), and
 * optionally `version` (the exam version each student sat; an empty cell: not known).
 */
export function parseRoster(csvText: string): Array<RosterEntry & { version?: string }> {
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('roster: the file is empty (expected a header line "roll,name")');
  const head = splitCsvLine(lines[0]).map((h) => h.toLowerCase());
  const ri = head.indexOf('roll');
  const ni = head.indexOf('name');
  const vi = head.indexOf('version');
  if (ri < 0 || ni < 0)
    throw new Error(`roster: the header line must name the columns roll and name, got "${lines[0]}"`);
  const seen = new Set<string>();
  return lines.slice(1).map((l, k) => {
    const cells = splitCsvLine(l);
    const parsed = RosterEntry.safeParse({ roll: cells[ri]?.toUpperCase(), name: cells[ni] });
    if (!parsed.success) throw new Error(`roster: line ${k + 2} needs a roll and a name: "${l}"`);
    if (seen.has(parsed.data.roll))
      throw new Error(`roster: roll ${parsed.data.roll} appears twice (line ${k + 2})`);
    seen.add(parsed.data.roll);
    const version = vi >= 0 ? (cells[vi] ?? '') : '';
    return version ? { ...parsed.data, version } : parsed.data;
  });
}
