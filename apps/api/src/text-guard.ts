import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors.ts';

/**
 * The path to the first string (value or key) of a parsed JSON body holding a NUL character, or
 * null. PostgreSQL's text and jsonb cannot store one (22021 / 22P05), so such a body is a client
 * error, not a server fault. Walks without recursion: a deeply nested body cannot overflow the stack.
 */
export function nulPath(body: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: body, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '(root)';
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return at.replaceAll('\u0000', '\\0');
        stack.push({ value: v, path: at });
      }
    }
  }
  return null;
}

/** After the JSON parser: a body with NUL in any string is 400, naming where. */
export function rejectNulText(req: Request, _res: Response, next: NextFunction) {
  const at = nulPath(req.body);
  if (at)
    return next(new HttpError('invalid', 'text may not contain NUL characters', { [at]: 'NUL character' }));
  next();
}
