import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccountsService, Session } from '../../accounts/index.ts';
import type { ConsoleActor } from '../../flows/console/index.ts';
import type { Config } from '../../config/index.ts';
import { sendProblem } from '../http/index.ts';

export const SESSION_COOKIE = 'sk_console';
export const LOGIN_COOKIE = 'sk_console_login';

export interface ConsoleRequest extends Request { session?: Session; sessionToken?: string }

/** The signed-in user as the backend sees them (only after `requireSession`). */
export function actorOf(request: ConsoleRequest): ConsoleActor {
  const { account } = request.session!;
  return { id: account.id, email: account.email, role: account.role };
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

/** Secure when we are (or are configured as being) behind TLS; a proxy saying https only adds protection. */
export function cookieIsSecure(request: Request, config: Config): boolean {
  if (config.cookieSecure !== 'auto') return config.cookieSecure === 'always';
  return request.secure || request.headers['x-forwarded-proto'] === 'https' || (config.publicUrl ?? '').startsWith('https:');
}

export function setCookie(response: Response, request: Request, config: Config, name: string, value: string, maxAgeSeconds: number): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/console', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (cookieIsSecure(request, config)) attributes.push('Secure');
  response.append('Set-Cookie', attributes.join('; '));
}

export const newLoginToken = () => randomBytes(24).toString('base64url');

export function tokensMatch(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** A browser says where a request comes from; a cross-site state change is refused outright. */
export function crossSite(request: Request): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

const wantsJson = (request: Request) => request.originalUrl.startsWith('/console/api/');

function refuse(request: Request, response: Response, status: 401 | 403, code: string, detail: string): void {
  if (wantsJson(request) || status === 403) {
    if (!wantsJson(request)) {
      response.status(403).type('text/html').send(`<!doctype html><title>Forbidden</title><p>${detail}</p><p><a href="/console">Back to the queue</a></p>`);
      return;
    }
    sendProblem(response, { title: status === 401 ? 'Sign in required' : 'Forbidden', status, code, detail, fix: status === 401 ? 'Sign in at /console/login.' : 'Ask an admin.' });
    return;
  }
  response.redirect(303, `/console/login?next=${encodeURIComponent(request.originalUrl)}`);
}

/**
 * Every console route but the login page passes here: a valid session is required, admin pages
 * require the admin role, and any state change must carry the session's CSRF token (form field
 * `_csrf` or header `X-CSRF-Token`) and must not come from another site.
 */
export function requireSession(accounts: AccountsService, role: 'agent' | 'admin' = 'agent'): RequestHandler {
  return async (request: ConsoleRequest, response: Response, next: NextFunction) => {
    const token = readCookie(request, SESSION_COOKIE);
    const session = token ? await accounts.session(token) : null;
    if (!session || !token) return refuse(request, response, 401, 'unauthorized', 'Sign in to use the support console.');
    if (role === 'admin' && session.account.role !== 'admin') return refuse(request, response, 403, 'forbidden', 'This page is for admins.');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const given = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
      if (crossSite(request) || !tokensMatch(session.csrfToken, given)) {
        return refuse(request, response, 403, 'csrf_failed', 'This request did not carry the console form token; reload the page and try again.');
      }
    }
    request.session = session;
    request.sessionToken = token;
    next();
  };
}
