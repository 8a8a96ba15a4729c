import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examsDir } from '@grader/exam';
import { hashPassword } from './auth/passwords.ts';
import type { AppContext } from './context.ts';
import { createExam } from './services/exams.ts';

export interface DemoStudent {
  roll: string;
  name: string;
}

export interface DemoLogins {
  courseId: string;
  examId: string;
  password: string;
  admin: string;
  ta: string;
  students: { email: string; roll: string; name: string }[];
}

const PASSWORD = 'demo1234';

async function upsertUser(ctx: AppContext, email: string, name: string, hash: string, roll?: string) {
  return ctx.db.user.upsert({
    where: { email },
    create: { email, name, roll, passwordHash: hash },
    update: {},
  });
}

/**
 * The demo course: CS60010 with an admin, a TA and students (all with the demo password), and the
 * CT3 exam from exams/cs60010-ct3 (exam.yaml + rubric.yaml). Safe to run again: existing rows stay.
 */
export async function seedDemo(
  ctx: AppContext,
  students: DemoStudent[],
  examSlug = 'cs60010-ct3',
): Promise<DemoLogins> {
  const hash = await hashPassword(PASSWORD);
  const course = await ctx.db.course.upsert({
    where: { code: 'CS60010' },
    create: { code: 'CS60010', title: 'Deep Learning' },
    update: {},
  });
  const admin = await upsertUser(ctx, 'admin@grader.test', 'Course Admin', hash);
  const ta = await upsertUser(ctx, 'ta@grader.test', 'Teaching Assistant', hash);
  const enrol = (userId: string, role: 'admin' | 'ta' | 'student') =>
    ctx.db.enrolment.upsert({
      where: { userId_courseId: { userId, courseId: course.id } },
      create: { userId, courseId: course.id, role },
      update: {},
    });
  await enrol(admin.id, 'admin');
  await enrol(ta.id, 'ta');
  const out: DemoLogins['students'] = [];
  for (const s of students) {
    const email = `${s.roll.toLowerCase()}@grader.test`;
    const u = await upsertUser(ctx, email, s.name, hash, s.roll);
    await enrol(u.id, 'student');
    out.push({ email, roll: s.roll, name: s.name });
  }
  let exam = await ctx.db.exam.findUnique({
    where: { courseId_slug: { courseId: course.id, slug: examSlug } },
  });
  if (!exam) {
    const dir = join(examsDir(), examSlug);
    const rubricFile = join(dir, 'rubric.yaml');
    if (!existsSync(rubricFile))
      throw new Error(`${rubricFile} does not exist yet: the exam cannot be graded`);
    exam = await createExam(ctx, course.id, {
      examYaml: readFileSync(join(dir, 'exam.yaml'), 'utf8'),
      rubricYaml: readFileSync(rubricFile, 'utf8'),
      actorId: admin.id,
    });
  }
  return {
    courseId: course.id,
    examId: exam.id,
    password: PASSWORD,
    admin: admin.email,
    ta: ta.email,
    students: out,
  };
}
