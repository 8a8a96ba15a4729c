import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Db, type Role, sessionWithUser } from '@grader/db';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors.ts';

export const COOKIE = 'sid';
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

/** Attach `req.user` when the cookie names a live session; never rejects by itself. */
export function loadSession(db: Db, secret: string) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = parseCookies(req.headers.cookie ?? '')[COOKIE];
    if (!token) return next();
    const id = sessionKey(secret, token);
    // the session, its user and their roles in one statement (every request pays for it)
    const s = await sessionWithUser(db, id);
    if (!s) return next();
    if (new Date(s.expiresAt) < new Date()) {
      await db.session.deleteMany({ where: { id } });
      return next();
    }
    const u = s.user;
    req.user = { id: u.id, email: u.email, name: u.name, roll: u.roll, roles: u.roles };
    req.sessionId = id;
    req.csrfToken = s.csrfToken;
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

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
