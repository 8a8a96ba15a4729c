// Row ids at the route boundary. Every id the database makes is a cuid (lower-case letters and
// digits); anything else (NUL bytes, which PostgreSQL refuses with 22021, junk, very long strings)
// names no row, so it is answered exactly like an id that does not exist: 404, before any query.
import type { Router } from 'express';
import { z } from 'zod';
import { notFound } from './errors.ts';

const ID = /^[a-z][a-z0-9]{19,31}$/;

export const Id = z.string().regex(ID, 'not an id');

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** Check the named route parameters of a router: `{ id: 'submission' }` -> 404 "submission not found". */
export function checkIdParams(router: Router, params: Record<string, string>): void {
  for (const [name, what] of Object.entries(params)) {
    router.param(name, (_req, _res, next, value) => {
      next(isId(value) ? undefined : notFound(`${what} not found`));
    });
  }
}
