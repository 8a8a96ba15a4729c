import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Exam, examsDir } from '@grader/exam';

/** The exam definition stored on an exam row, as the core packages expect it. */
export function examFromRow(row: { slug: string; definition: unknown }): Exam {
  const def = row.definition as Omit<Exam, 'dir'>;
  const dir = join(examsDir(), row.slug);
  return { ...def, dir: existsSync(dir) ? dir : '' } as Exam;
}
