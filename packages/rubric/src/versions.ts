// Exams with versions (one parameter set each, from @grader/exam's loadVersions): every script is graded
// with its own version's keys and rubric; the `version` flag says when a script's version is unknown,
// disputed (roster and script disagree) or contradicted by its numbers (they fit another version's keys).
import type { ExtractedScript, ScriptGrade, VersionCode } from '@grader/model';
import { applyFlags } from './flags.ts';
import { type GradedScript, type GradingContext, gradeScript } from './grade.ts';
import { type Keys, resolveKey } from './keys.ts';
import { prepareRubric } from './load.ts';
import type { Rubric, ValueItem } from './schema.ts';
import { valueMatches } from './values.ts';

/** One version to grade with: its name, keys and parameters (an ExamVersion of @grader/exam fits). */
export interface GradingVersion {
  name: string;
  keys: Keys;
  params: Record<string, unknown>;
}

/** What is known of a script's version: the roster's entry for its student, the code written on it. */
export interface VersionClaim {
  /** the roster's `version` cell for the student the script was matched to */
  roster?: string | null;
  /** the version code read in the script's header (ExtractedScript.header.versionCode) */
  written?: VersionCode | null;
}

/** The version a script is graded on, and why it deserves a `version` flag (no reasons: no flag). */
export interface VersionAssignment {
  version: string;
  /** true when neither the roster nor the script said which version it is */
  unknown: boolean;
  reasons: string[];
}

// OCR reads a handwritten B as 8 and so on: a code no version has may be its look-alike
const LOOKALIKE: Record<string, string> = {
  '8': 'B',
  '0': 'O',
  '1': 'I',
  '5': 'S',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
};

const byName = (names: readonly string[], code: string | null | undefined): string | null => {
  if (!code) return null;
  const want = code.trim().toUpperCase();
  return names.find((n) => n.toUpperCase() === want) ?? null;
};

/**
 * Which version a script is graded on: the roster's, else the code written on the script, else the first
 * version ("version unknown"). Roster and script naming different versions, or a code that is no
 * version of the exam, are reasons for the `version` flag.
 */
export function assignVersion(names: readonly string[], claim: VersionClaim): VersionAssignment {
  if (names.length === 0) throw new Error('assignVersion: no versions');
  const reasons: string[] = [];
  const list = names.join(', ');
  const roster = byName(names, claim.roster);
  if (claim.roster && !roster) reasons.push(`the roster's version "${claim.roster}" is not one of ${list}`);
  const code = claim.written?.code;
  const written = byName(names, code) ?? (code && code.length === 1 ? byName(names, LOOKALIKE[code]) : null);
  const said = claim.written ? `"${claim.written.text}"` : '';
  if (code && !written)
    reasons.push(`the script says ${said}, which is not a version of this exam (${list})`);
  if (roster && written && roster !== written)
    reasons.push(`the roster gives version ${roster} but the script says ${said}: graded on ${roster}`);
  const version = roster ?? written;
  if (version) return { version, unknown: false, reasons };
  reasons.push(
    `version unknown (not on the roster, no version code on the script): graded on version ${names[0]}`,
  );
  return { version: names[0], unknown: true, reasons };
}

const keyOf = (item: ValueItem, keys: Keys): unknown => {
  try {
    return resolveKey(item.key, keys);
  } catch {
    return undefined;
  }
};

/** How many of the value items whose keys differ between `own` and `other` the script has right under each. */
export function valuesRight(
  rubric: Rubric,
  own: { version: GradingVersion; graded: GradedScript },
  other: { version: GradingVersion; graded: GradedScript },
): { own: number; other: number; differing: number } {
  const out = { own: 0, other: 0, differing: 0 };
  for (const part of rubric.parts)
    for (const item of part.items) {
      if (item.type !== 'value') continue;
      const kOwn = keyOf(item, own.version.keys);
      const kOther = keyOf(item, other.version.keys);
      if (kOwn === undefined || kOther === undefined || valueMatches(item, kOther, kOwn)) continue;
      out.differing++;
      const read = (g: GradedScript) => g.readings[part.id]?.values[item.id];
      if (valueMatches(item, read(own.graded), kOwn)) out.own++;
      if (valueMatches(item, read(other.graded), kOther)) out.other++;
    }
  return out;
}

/**
 * A script's numbers against every other version's keys: the version whose keys it matches clearly
 * better than its own (at least 2 values right under it and more than twice as many as under its own,
 * counting only the values where the two keys differ), or null.
 */
export function betterVersion(
  rubric: Rubric,
  own: { version: GradingVersion; graded: GradedScript },
  others: Array<{ version: GradingVersion; graded: GradedScript }>,
): { version: string; own: number; other: number; differing: number } | null {
  let best: { version: string; own: number; other: number; differing: number } | null = null;
  for (const o of others) {
    if (o.version.name === own.version.name) continue;
    const c = valuesRight(rubric, own, o);
    if (c.other >= 2 && c.other > 2 * c.own && (!best || c.other - c.own > best.other - best.own))
      best = { version: o.version.name, ...c };
  }
  return best;
}

export interface VersionedScript {
  file: string;
  script: ExtractedScript;
  /** the roster's version for the script's student, if the roster has one */
  rosterVersion?: string | null;
}

/**
 * Grade a batch of an exam with versions: each script with its own version's keys and rubric (from
 * the roster, else the code written on it, else the first version), the batch flags across the whole
 * batch (`similarity` compares every script with every other, whatever their versions), and the
 * `version` flag for scripts whose version is unknown, disputed, or whose numbers match another
 * version's keys clearly better than their own. `rubric` is the rubric as loaded (not yet prepared):
 * it is filled in per version.
 */
export function gradeVersionedBatch(
  rubric: Rubric,
  versions: readonly GradingVersion[],
  reviewThreshold: number,
  scripts: readonly VersionedScript[],
): ScriptGrade[] {
  const names = versions.map((v) => v.name);
  const ctxOf = new Map<string, GradingContext>(
    versions.map((v) => [v.name, { keys: v.keys, params: v.params, reviewThreshold }]),
  );
  const prepared = new Map(versions.map((v) => [v.name, prepareRubric(rubric, ctxOf.get(v.name)!)]));
  const gradeOn = (s: VersionedScript, v: GradingVersion) =>
    gradeScript(prepared.get(v.name)!, ctxOf.get(v.name)!, s.script, s.file);

  const results = scripts.map((s) => {
    const assignment = assignVersion(names, {
      roster: s.rosterVersion,
      written: s.script.header.versionCode,
    });
    const own = versions.find((v) => v.name === assignment.version)!;
    const graded = gradeOn(s, own);
    const reasons = [...assignment.reasons];
    if (versions.length > 1) {
      const others = versions.filter((v) => v !== own).map((v) => ({ version: v, graded: gradeOn(s, v) }));
      const better = betterVersion(prepared.get(own.name)!, { version: own, graded }, others);
      if (better)
        reasons.push(
          `numbers match version ${better.version}'s key, not ${assignment.unknown ? `version ${own.name}'s, which it was graded on` : `its own ${own.name}`} (${better.other} of the ${better.differing} values where the keys differ fit ${better.version}, ${better.own} fit ${own.name})`,
        );
    }
    return { graded, version: own.name, reasons };
  });

  const flagged = applyFlags(
    results.map((r) => r.graded),
    scripts.map((s) => s.script),
    rubric,
  );
  return flagged.map((g, i) => {
    const { version, reasons } = results[i];
    if (reasons.length === 0) return { ...g, version };
    return {
      ...g,
      version,
      flags: g.flags.includes('version') ? g.flags : [...g.flags, 'version'],
      flagReasons: { ...g.flagReasons, version: reasons.join('; ') },
    };
  });
}
