/** Who is signed in, and what they may do in a course (the server enforces; the UI only hides). */
import { api } from './api.ts';
import type { Me, Role } from './types.ts';

let me: Me | null = null;

export function current(): Me | null {
  return me;
}

export function setMe(m: Me | null): void {
  me = m;
  api.csrfToken = m?.csrfToken ?? null;
}

export async function loadMe(): Promise<Me | null> {
  try {
    setMe(await api.get<Me>('/api/auth/me'));
  } catch {
    setMe(null);
  }
  return me;
}

export function roleIn(courseId: string | undefined): Role | null {
  if (!me) return null;
  const rs = me.roles.filter((r) => !courseId || r.courseId === courseId).map((r) => r.role);
  if (rs.includes('admin')) return 'admin';
  if (rs.includes('ta')) return 'ta';
  if (rs.includes('student')) return 'student';
  return null;
}

export function isStaff(role: Role | null): boolean {
  return role === 'admin' || role === 'ta';
}
