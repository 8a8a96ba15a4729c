// A new rubric version of an exam: the rubric YAML, the parameters and the exam's versions as they are
// to be from now on. It is stored PENDING (the exam stays on its current version) and a regrade job
// is queued; the worker grades every extracted script from its stored extraction and then switches
// the exam to the new version in the transaction that stores the grades, with a `regrade` audit entry
// per changed script (shown to its student) and a `rubric_version` one. Rubric edits, parameter
// changes, exam version changes and roster version changes all go through here.
import { examFromRow, type StoredVersion, storedVersions } from '@grader/grading';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { startApplyRegrade } from './regrade.ts';

type ExamRow = {
  id: string;
  slug: string;
  definition: unknown;
  currentRubricId: string | null;
  versions?: unknown;
};

export interface RubricChange {
  yaml: string;
  parameters: Record<string, unknown>;
  /** the exam's versions from now on (default: as they are) */
  versions?: StoredVersion[];
  /** the rubric version's note */
  note: string;
  /** the reason on each regraded script's audit entry (default: "rubric or parameters changed") */
  regradeReason?: string;
}

/** New pending version + its regrade job (409 while another change still regrades). */
export async function newRubricVersion(
  ctx: AppContext,
  exam: ExamRow,
  actorId: string,
  change: RubricChange,
) {
  const versions = change.versions ?? storedVersions(exam.versions);
  let keys: unknown = null;
  try {
    keys = ctx.grading.keys(examFromRow(exam), change.parameters);
  } catch (err) {
    throw new HttpError('invalid', 'invalid parameters', { parameters: (err as Error).message });
  }
  const { rv, run } = await startApplyRegrade(
    ctx,
    exam.id,
    actorId,
    { yaml: change.yaml, parameters: change.parameters, keys, versions },
    {
      parameters: change.parameters,
      versions,
      note: change.note,
      regradeReason: change.regradeReason ?? 'rubric or parameters changed',
    },
  );
  return { rv, keys, run };
}
