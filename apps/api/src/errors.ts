import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';

export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'invalid'
  | 'conflict'
  | 'too_large'
  | 'rate_limited';

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  invalid: 400,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

/** An error the client is meant to see, in the shape of docs/api.md. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'not found') => new HttpError('not_found', what);
export const forbidden = (what = 'your role may not do this') => new HttpError('forbidden', what);

export function fieldsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.join('.') || '(root)'] ??= i.message;
  return out;
}

/** One problem of a YAML document the client sent (a rubric, an exam definition). */
export interface DocumentIssue {
  path: string;
  line: number | null;
  message: string;
}

/**
 * Structured issues as the fields of a 400: `{"parts[0].points": "line 5: expected number"}`, or
 * with the file named, `{"exam.yaml: parts.0.id": "..."}`; an issue of the whole document is
 * `(root)` (or the file name).
 */
export function issueFields(issues: readonly DocumentIssue[], file?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = file ? (i.path ? `${file}: ${i.path}` : file) : i.path || '(root)';
    out[key] = i.line ? `line ${i.line}: ${i.message}` : i.message;
  }
  return out;
}

/** Parse a request part with zod; a mismatch is a 400 naming every bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, what = 'request'): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError('invalid', `invalid ${what}`, fieldsOf(r.error));
  return r.data;
}

export function errorHandler(log: (m: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, fields: err.fields } });
      return;
    }
    // multer's limits and body-parser's size/JSON errors: client errors, not server faults
    const code = (err as { code?: string }).code;
    if (
      code === 'LIMIT_FILE_SIZE' ||
      code === 'LIMIT_FILE_COUNT' ||
      code === 'LIMIT_PART_COUNT' ||
      err?.type === 'entity.too.large'
    ) {
      res.status(413).json({ error: { code: 'too_large', message: err.message } });
      return;
    }
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      res.status(400).json({ error: { code: 'invalid', message: err.message } });
      return;
    }
    if (err?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid', message: 'the body is not valid JSON' } });
      return;
    }
    // other client errors raised by Express itself, e.g. a path with broken %-encoding (URIError, 400)
    const status = Number(err?.status ?? err?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'not_found' : status === 413 ? 'too_large' : 'invalid';
      const message = err instanceof URIError ? 'malformed URL' : err?.expose ? String(err.message) : code;
      res.status(STATUS[code]).json({ error: { code, message } });
      return;
    }
    log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}
