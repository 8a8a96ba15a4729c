import type { NextFunction, Request, Response } from 'express';

/**
 * The web UI (apps/web) is served by this API from one origin: its scripts and stylesheets are
 * files of the build, it sets styles through the DOM (element.style, which CSP allows; no inline
 * <style> or style="" markup), its images are page PNGs from /api and a `data:` favicon, and it
 * talks only to /api (fetch, EventSource). So everything is 'self', and nothing may frame it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** First middleware of the app: every response carries these, errors and static files included. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  next();
}
