// The course's class list (CSV `roll,name`) and matching a script's header against it.
import type { RosterMatch } from '@grader/model';
import { z } from 'zod';
import { ocrDistance } from './roll.ts';

export const RosterEntry = z.object({ roll: z.string().min(1), name: z.string().min(1) });
export type RosterEntry = z.infer<typeof RosterEntry>;
export type Roster = RosterEntry[];

/** Splits one CSV line, honouring double quotes ("Das, Arjun"). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Parses a roster CSV with a header line naming the columns `roll` and `name` (any order). */
export function parseRoster(csvText: string): Roster {
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('roster: the file is empty (expected a header line "roll,name")');
  const head = splitCsvLine(lines[0]).map((h) => h.toLowerCase());
  const ri = head.indexOf('roll');
  const ni = head.indexOf('name');
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
    return parsed.data;
  });
}

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Name similarity in [0, 1], forgiving OCR slips and word order ("Das Arjun"). */
export function nameSimilarity(a: string, b: string): number {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return 0;
  const direct = 1 - ocrDistance(x, y) / Math.max(x.length, y.length);
  const xs = x.split(' ').sort().join(' ');
  const ys = y.split(' ').sort().join(' ');
  const sorted = 1 - ocrDistance(xs, ys) / Math.max(xs.length, ys.length);
  return Math.max(direct, sorted);
}

/**
 * Matches what was read in a header to one roster student. The roll number counts most (each
 * OCR-confusable slip half an edit); the name breaks ties and carries a match when the roll is
 * missing. Two students that fit about equally well is "ambiguous": a person decides.
 */
export function matchStudent(
  read: { name: string | null; roll: string | null },
  roster: Roster,
): { match: RosterMatch | null; ambiguous: boolean; issues: string[] } {
  const issues: string[] = [];
  if (roster.length === 0) return { match: null, ambiguous: false, issues: ['the roster is empty'] };
  if (!read.roll && !read.name)
    return { match: null, ambiguous: false, issues: ['no name or roll number was read'] };
  const scored = roster.map((s) => {
    const rollD = read.roll ? ocrDistance(read.roll.replace(/\s+/g, ''), s.roll) : null;
    const nameS = read.name ? nameSimilarity(read.name, s.name) : null;
    // distance in "edits": the roll's own, plus up to 3 for a name that does not fit
    const score = (rollD ?? 4) + (nameS === null ? 1.5 : 3 * (1 - nameS));
    return { s, rollD, nameS, score };
  });
  scored.sort((a, b) => a.score - b.score);
  const [best, second] = scored;
  const rollOk = best.rollD !== null && best.rollD <= 2.5;
  const nameOk = best.nameS !== null && best.nameS >= 0.8;
  if (!rollOk && !nameOk) {
    issues.push(
      `no roster student matches${read.roll ? ` roll ${read.roll}` : ''}${read.name ? ` / name "${read.name}"` : ''}`,
    );
    return { match: null, ambiguous: false, issues };
  }
  const ambiguous = second !== undefined && second.score - best.score < 0.75;
  if (ambiguous) {
    issues.push(
      `two roster students match about equally: ${best.s.roll} ${best.s.name} and ${second.s.roll} ${second.s.name}`,
    );
    return { match: null, ambiguous: true, issues };
  }
  if (!read.roll) issues.push('no roll number was read; matched by name only');
  // An approximate roll number that matched one student clearly is not a problem (distance says it).
  if (best.nameS !== null && best.nameS < 0.6)
    issues.push(`name read as "${read.name}" differs from the roster's "${best.s.name}"`);
  return {
    match: { roll: best.s.roll, name: best.s.name, distance: Math.round(best.score * 100) / 100 },
    ambiguous: false,
    issues,
  };
}
