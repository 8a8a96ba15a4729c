import { describe, expect, it, vi } from 'vitest';
import { Api, ApiError, toApiError } from './api.ts';

function fakeFetch(status: number, body: string) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, { status }));
}

describe('toApiError', () => {
  it('keeps the server code, message and field messages', () => {
    const e = toApiError(400, {
      error: { code: 'invalid', message: 'bad rubric', fields: { 'parts.0.points': 'must be >= 0' } },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('bad rubric');
    expect(e.fields).toEqual({ 'parts.0.points': 'must be >= 0' });
  });
  it('derives a code and a readable message when the body is not the error envelope', () => {
    expect(toApiError(404, null).code).toBe('not_found');
    expect(toApiError(429, '<html>').message).toMatch(/Too many/);
    const s = toApiError(502, 'Bad Gateway');
    expect(s.code).toBe('server');
    expect(s.message).toMatch(/502/);
  });
});

describe('Api.request', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const f = fakeFetch(200, '{"ok":true}');
    const api = new Api(f);
    api.csrfToken = 'tok';
    await api.get('/api/x');
    await api.post('/api/y', { a: 1 });
    const getHeaders = f.mock.calls[0][1]!.headers as Record<string, string>;
    const postHeaders = f.mock.calls[1][1]!.headers as Record<string, string>;
    expect(getHeaders['x-csrf-token']).toBeUndefined();
    expect(postHeaders['x-csrf-token']).toBe('tok');
    expect(f.mock.calls[1][1]!.body).toBe('{"a":1}');
  });
  it('throws ApiError with fields on 400 and parses JSON bodies', async () => {
    const api = new Api(
      fakeFetch(
        400,
        JSON.stringify({ error: { code: 'invalid', message: 'no', fields: { email: 'required' } } }),
      ),
    );
    await expect(api.post('/api/members', {})).rejects.toMatchObject({
      status: 400,
      code: 'invalid',
      fields: { email: 'required' },
    });
  });
  it('calls onUnauthorized on 401, except for a failed login', async () => {
    const api = new Api(fakeFetch(401, ''));
    const cb = vi.fn();
    api.onUnauthorized = cb;
    await expect(api.post('/api/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    expect(cb).not.toHaveBeenCalled();
    await expect(api.get('/api/courses')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(cb).toHaveBeenCalledTimes(1);
  });
  it('turns a network failure into a network ApiError', async () => {
    const api = new Api(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
  it('returns null for an empty success body', async () => {
    const api = new Api(fakeFetch(200, ''));
    await expect(api.post('/api/auth/logout')).resolves.toBeNull();
  });
});
