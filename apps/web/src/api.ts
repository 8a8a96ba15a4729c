/**
 * The client of the HTTP API (docs/api.md). Every failure becomes an ApiError with the server's
 * code, message and per-field messages, so views can show an error at the field it belongs to.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

const FRIENDLY: Record<string, string> = {
  unauthorized: 'Please sign in again.',
  forbidden: 'You do not have permission to do that.',
  not_found: 'Not found, or you do not have access to it.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  too_large: 'That upload is too large.',
};

/** Turn a response status and body (possibly not JSON, possibly empty) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const err = (body as any)?.error;
  const code =
    typeof err?.code === 'string'
      ? err.code
      : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'error'));
  const message =
    typeof err?.message === 'string' && err.message
      ? err.message
      : (FRIENDLY[code] ??
        (status >= 500 ? `The server failed (${status}). Try again.` : `Request failed (${status}).`));
  const fields: Record<string, string> = {};
  if (err?.fields && typeof err.fields === 'object') {
    for (const [k, v] of Object.entries(err.fields)) fields[k] = String(v);
  }
  return new ApiError(status, code, message, fields);
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class Api {
  csrfToken: string | null = null;
  /** called on any 401 so the app can go back to the login page */
  onUnauthorized: (() => void) | null = null;

  constructor(
    private readonly fetchFn: Fetch = (i, init) => fetch(i, init),
    readonly base = '',
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
    }
    const text = await res.text();
    let data: unknown = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!res.ok) {
      const e = toApiError(res.status, data);
      if (res.status === 401 && !path.startsWith('/api/auth/login')) this.onUnauthorized?.();
      throw e;
    }
    return data as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  del<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /**
   * Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can).
   * `onProgress` receives loaded/total bytes.
   */
  upload<T>(path: string, form: FormData, onProgress: (loaded: number, total: number) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      if (this.csrfToken) xhr.setRequestHeader('x-csrf-token', this.csrfToken);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      };
      xhr.onload = () => {
        let data: unknown = null;
        try {
          data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          data = xhr.responseText;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
        else {
          if (xhr.status === 401) this.onUnauthorized?.();
          reject(toApiError(xhr.status, data));
        }
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload was interrupted. Try again.'));
      xhr.send(form);
    });
  }
}

export const api = new Api();
