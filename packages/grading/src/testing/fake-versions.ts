// Exam versions for the fake core: each version's parameters over the exam's (the fake's keys are
// its parameters), the version picked by the real rule (@grader/rubric's assignVersion: roster, else
// the code on the script, else the first) and the `version` flag when that is in doubt or when the
// script scores better under another version's keys.
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { assignVersion } from '@grader/rubric';
import type { StoredVersion } from '../versions.ts';

type Grader = (extraction: ExtractedScript, fileName: string) => ScriptGrade;

export function fakeVersioned(
  versions: readonly StoredVersion[],
  parameters: Record<string, unknown>,
  graderFor: (parameters: Record<string, unknown>) => Grader,
): (extraction: ExtractedScript, fileName: string, rosterVersion?: string | null) => ScriptGrade {
  const names = versions.map((v) => v.name);
  const graders = new Map(versions.map((v) => [v.name, graderFor({ ...parameters, ...v.parameters })]));
  return (extraction, fileName, rosterVersion) => {
    const a = assignVersion(names, { roster: rosterVersion, written: extraction.header.versionCode });
    const g = graders.get(a.version)!(extraction, fileName);
    const reasons = [...a.reasons];
    for (const [name, other] of graders) {
      if (name === a.version) continue;
      if (other(extraction, fileName).total > g.total) {
        reasons.push(`numbers match version ${name}'s key, not ${a.version}`);
        break;
      }
    }
    if (!reasons.length) return { ...g, version: a.version };
    return {
      ...g,
      version: a.version,
      flags: [...g.flags, 'version'],
      flagReasons: { ...g.flagReasons, version: reasons.join('; ') },
    };
  };
}
