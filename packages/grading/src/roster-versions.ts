// Which exam version the class list gives each student (the roster import's `version` column).
import type { Db } from '@grader/db';

/** userId -> version name, for one exam. */
export async function rosterVersions(db: Db, examId: string): Promise<Map<string, string>> {
  const rows = await db.rosterVersion.findMany({
    where: { examId },
    select: { userId: true, version: true },
  });
  return new Map(rows.map((r) => [r.userId, r.version]));
}

/** The roster's version of one student for one exam, or null (no student, or none on the roster). */
export async function rosterVersionOf(db: Db, examId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.rosterVersion.findUnique({
    where: { examId_userId: { examId, userId } },
    select: { version: true },
  });
  return row?.version ?? null;
}
