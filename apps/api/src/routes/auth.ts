import { LoginBody as Login, PasswordChangeBody as PasswordChange } from '@grader/contract';
import { Router } from 'express';
import { clientSource } from '../auth/client-address.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { clearedCookie, createSession, requireUser, sessionCookie } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parse } from '../errors.ts';

export { MIN_PASSWORD } from '@grader/contract';

// A bcrypt hash of a random string: unknown emails take as long as wrong passwords.
const DUMMY_HASH = '$2b$10$tEJhBlyEsEZtDX09rcFjrumJg3Znqx0Hk0DEAe6CtYPwhdRe//XYC';

export function authRoutes(ctx: AppContext) {
  const r = Router();
  const throttle = new LoginThrottle();

  r.post('/login', async (req, res) => {
    const body = parse(Login, req.body, 'login');
    const source = clientSource(req);
    const verdict = throttle.attempt(body.email, source);
    if (!verdict.ok) {
      res.setHeader('Retry-After', String(verdict.retryAfterSec));
      throw new HttpError('rate_limited', 'too many failed sign-in attempts from here; wait a few minutes');
    }
    const user = await ctx.db.user.findUnique({
      where: { email: body.email },
      include: { enrolments: { select: { courseId: true, role: true } } },
    });
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new HttpError('unauthorized', 'wrong email or password');
    throttle.succeeded(body.email, source);
    const { token, csrfToken } = await createSession(ctx.db, ctx.config.SESSION_SECRET, user.id);
    // Secure when the request came over HTTPS (directly, or through a proxy named in TRUST_PROXY)
    res.setHeader('Set-Cookie', sessionCookie(token, req.secure));
    res.json({
      user: { id: user.id, email: user.email, name: user.name, roll: user.roll },
      roles: user.enrolments,
      csrfToken,
    });
  });

  r.post('/logout', requireUser, async (req, res) => {
    await ctx.db.session.deleteMany({ where: { id: req.sessionId } });
    res.setHeader('Set-Cookie', clearedCookie(req.secure));
    res.json({ ok: true });
  });

  // Change one's own password: the current one is checked (throttled like sign-in); every other
  // session of the account ends (other devices sign in again); this one stays. Audited.
  r.post('/password', requireUser, async (req, res) => {
    const body = parse(PasswordChange, req.body, 'password change');
    const me = req.user!;
    const source = clientSource(req);
    const verdict = throttle.attempt(me.email, source);
    if (!verdict.ok) {
      res.setHeader('Retry-After', String(verdict.retryAfterSec));
      throw new HttpError('rate_limited', 'too many failed attempts; wait a few minutes');
    }
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: me.id } });
    if (!(await verifyPassword(body.currentPassword, user.passwordHash)))
      throw new HttpError('invalid', 'the current password is wrong', {
        currentPassword: 'wrong password',
      });
    throttle.succeeded(me.email, source);
    if (body.newPassword === body.currentPassword)
      throw new HttpError('invalid', 'the new password is the current one', {
        newPassword: 'must differ from the current password',
      });
    const passwordHash = await hashPassword(body.newPassword);
    const revoked = await ctx.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: me.id }, data: { passwordHash } });
      const gone = await tx.session.deleteMany({ where: { userId: me.id, id: { not: req.sessionId } } });
      await tx.auditLog.create({
        data: {
          actorId: me.id,
          action: 'password_change',
          after: { userId: me.id, sessionsRevoked: gone.count },
        },
      });
      return gone.count;
    });
    res.json({ ok: true, sessionsRevoked: revoked });
  });

  r.get('/me', requireUser, (req, res) => {
    const u = req.user!;
    res.json({
      user: { id: u.id, email: u.email, name: u.name, roll: u.roll },
      roles: u.roles,
      csrfToken: req.csrfToken,
    });
  });
  return r;
}
