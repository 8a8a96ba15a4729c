import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router.ts';

describe('router', () => {
  it('parses routes with params', () => {
    expect(parseRoute('#/exams/ex1/review')).toEqual({ name: 'review', params: { examId: 'ex1' } });
    expect(parseRoute('#/submissions/a%2Fb')).toEqual({ name: 'script', params: { id: 'a/b' } });
    expect(parseRoute('')).toEqual({ name: 'home', params: {} });
    expect(parseRoute('#/nope/x/y/z').name).toBe('notfound');
  });
  it('builds links that parse back to the same route', () => {
    const link = href('members', { courseId: 'c 1' });
    expect(link).toBe('#/courses/c%201/members');
    expect(parseRoute(link)).toEqual({ name: 'members', params: { courseId: 'c 1' } });
    expect(() => href('exam', {})).toThrow(/examId/);
  });
});
