import { Router, type Request, type Response } from 'express';
import type { AccountsService } from '../../../accounts/index.ts';
import type { Config } from '../../../config/index.ts';
import { html, layout } from '../html.ts';
import { LOGIN_COOKIE, SESSION_COOKIE, crossSite, newLoginToken, readCookie, requireSession, setCookie, tokensMatch, type ConsoleRequest } from '../session.ts';

/** Only same-console paths: `next` must never send a fresh session to another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/console(\/[\w\-/.?=&%]*)?$/.test(next) && !next.startsWith('//') ? next : '/console');

/**
 * Sign-in and sign-out. The login form has no session yet, so its CSRF token is a double-submit
 * cookie: a page on another site can neither read the cookie nor set it.
 */
export function loginRoutes(accounts: AccountsService, config: Config, merchant: string, now: () => Date): Router {
  const router = Router();
  const page = (request: Request, response: Response, status: number, message?: string) => {
    const token = newLoginToken();
    setCookie(response, request, config, LOGIN_COOKIE, token, 3600);
    const next = safeNext(request.query.next ?? (request.body as Record<string, unknown> | undefined)?.next);
    response.status(status).type('html').send(layout({
      title: 'Sign in', merchant,
      body: html`<section class="card narrow"><h1>Sign in</h1>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/console/login" class="stack">
<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="next" value="${next}">
<label>Email <input type="email" name="email" autocomplete="username" required autofocus></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">Sign in</button></form>
<p class="muted">Accounts are created with <code>npx shopkeeper agents add EMAIL --role agent</code>.</p></section>`,
    }));
  };

  router.get('/console/login', (request, response) => page(request, response, 200));

  router.post('/console/login', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (crossSite(request) || !tokensMatch(readCookie(request, LOGIN_COOKIE), body._csrf)) {
      return page(request, response, 403, 'The sign-in form expired; please try again.');
    }
    const result = await accounts.signIn(String(body.email ?? ''), String(body.password ?? ''));
    if (!result.ok) {
      if (result.reason === 'locked') {
        response.setHeader('Retry-After', String(result.retryAfterSeconds ?? 900));
        return page(request, response, 429, `Too many failed sign-ins for this email. Try again in ${Math.ceil((result.retryAfterSeconds ?? 900) / 60)} minutes, or ask an admin.`);
      }
      return page(request, response, 401, 'Wrong email or password.');
    }
    // The expiry comes from the services clock (SHOPKEEPER_NOW may pin it): measured on that one too.
    const seconds = Math.floor((new Date(result.session.expiresAt).getTime() - now().getTime()) / 1000);
    setCookie(response, request, config, SESSION_COOKIE, result.token, seconds);
    setCookie(response, request, config, LOGIN_COOKIE, '', 0);
    response.redirect(303, safeNext(body.next));
  });

  router.post('/console/logout', requireSession(accounts), async (request: ConsoleRequest, response) => {
    await accounts.signOut(request.sessionToken!);
    setCookie(response, request, config, SESSION_COOKIE, '', 0);
    response.redirect(303, '/console/login');
  });
  return router;
}
