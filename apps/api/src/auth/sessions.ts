import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Db, type Role, type SessionRow, sessionWithUser } from '@grader/db';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors.ts';

export const COOKIE = 'sid';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const TTL_MS = 7 * 24 * 3600 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roll: string | null;
  roles: { courseId: string; role: Role }[];
}

declare global {
  namespace Express {
    interface Request {
      user?: SessionUser;
      sessionId?: string;
      csrfToken?: string;
    }
  }
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function serialize(name: string, value: string, o: { secure: boolean; maxAge: number }) {
  const attrs = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(o.maxAge)}`,
  ];
  if (o.secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** The cookie holds a random token; the database holds only its HMAC, so a leaked table opens nothing. */
function sessionKey(secret: string, token: string) {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export async function createSession(db: Db, secret: string, userId: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.session.create({
    data: { id: sessionKey(secret, token), userId, csrfToken, expiresAt: new Date(Date.now() + TTL_MS) },
  });
  return { token, csrfToken };
}

export function sessionCookie(token: string, secure: boolean) {
  return serialize(COOKIE, token, { secure, maxAge: TTL_MS / 1000 });
}

export function clearedCookie(secure: boolean) {
  return serialize(COOKIE, '', { secure, maxAge: 0 });
}

/**
 * Sessions read in the last SESSION_CACHE_MS, so a burst of reads costs one lookup, not one each.
 * Revocation stays prompt: any state-changing request in this process (logout, a password change,
 * a membership edit...) empties the cache when it starts and when it ends, and a lookup that raced
 * one is not cached. What this process cannot see (another API instance revoking a session or
 * changing roles, a row edited by hand) takes effect within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_MAX = 10_000;

class SessionCache {
  private entries = new Map<string, { row: SessionRow; until: number }>();
  /** bumped by every clear: a lookup that started before one does not store its (maybe stale) row */
  generation = 0;

  get(id: string, now: number): SessionRow | null {
    const e = this.entries.get(id);
    if (!e) return null;
    if (e.until > now) return e.row;
    this.entries.delete(id);
    return null;
  }

  set(id: string, row: SessionRow, now: number, generation: number) {
    if (generation !== this.generation) return;
    if (this.entries.size >= SESSION_CACHE_MAX) this.entries.clear();
    this.entries.set(id, { row, until: now + SESSION_CACHE_MS });
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }
}

/** Attach `req.user` when the cookie names a live session; never rejects by itself. */
export function loadSession(db: Db, secret: string) {
  const cache = new SessionCache();
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!SAFE.has(req.method)) {
      // it may revoke sessions or change roles: nothing cached before or during it is trusted after
      cache.clear();
      res.once('finish', () => cache.clear());
      res.once('close', () => cache.clear());
    }
    const token = parseCookies(req.headers.cookie ?? '')[COOKIE];
    if (!token) return next();
    const id = sessionKey(secret, token);
    const now = Date.now();
    let s = cache.get(id, now);
    if (!s) {
      const generation = cache.generation;
      // the session, its user and their roles in one statement
      s = await sessionWithUser(db, id);
      if (!s) return next();
      if (new Date(s.expiresAt).getTime() < Date.now()) {
        await db.session.deleteMany({ where: { id } });
        return next();
      }
      cache.set(id, s, now, generation);
    } else if (new Date(s.expiresAt).getTime() < now) {
      return next();
    }
    const u = s.user;
    req.user = { id: u.id, email: u.email, name: u.name, roll: u.roll, roles: u.roles };
    req.sessionId = id;
    req.csrfToken = s.csrfToken;
    next();
  };
}

/** Every route below this needs a session; state-changing requests need the CSRF header too. */
export function requireUser(req: Request, _res: Response, next: NextFunction) {
  if (!req.user) return next(new HttpError('unauthorized', 'sign in first'));
  if (!SAFE.has(req.method)) {
    const sent = String(req.headers['x-csrf-token'] ?? '');
    const want = req.csrfToken ?? '';
    const ok =
      sent.length === want.length && want.length > 0 && timingSafeEqual(Buffer.from(sent), Buffer.from(want));
    if (!ok) return next(new HttpError('forbidden', 'missing or wrong x-csrf-token header'));
  }
  next();
}
