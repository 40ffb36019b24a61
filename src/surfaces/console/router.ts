import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import { generatePassword, type AccountsService, type Role } from '../../accounts/index.ts';
import { clusterQuestions, createZendeskTicket, zendeskSettings, type ConsoleBackend } from '../../flows/console/index.ts';
import type { Services } from '../../flows/index.ts';
import { invalidInput, notFound } from '../../platform/index.ts';
import { actionRoutes } from './actions.ts';
import { PAGE_SIZE, filterFromQuery, pageFromQuery, pageLink } from './filters.ts';
import { layout, type SafeHtml } from './html.ts';
import { agentsPage } from './pages/agents.ts';
import { escalationPage } from './pages/escalation.ts';
import { insightsPage } from './pages/insights.ts';
import { loginRoutes } from './pages/login.ts';
import { queuePage } from './pages/queue.ts';
import { requireSession, type ConsoleRequest } from './session.ts';
import { streamEscalations } from './stream.ts';

export interface ConsoleOptions {
  accounts: AccountsService;
  backend: ConsoleBackend;
  /** Live stream poll interval; tests shorten it. */
  pollMs?: number;
  publicUrl: () => string;
}

const ASSETS: Record<string, { file: string; type: string }> = {
  'console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  'console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};
const assetText = (file: string) => readFileSync(new URL(`./assets/${file}`, import.meta.url), 'utf8');

/** The support console: server-rendered pages under /console and a JSON API under /console/api. */
export function consoleRouter(services: Services, options: ConsoleOptions): Router {
  const { accounts, backend } = options;
  const merchant = services.merchant.profile.name;
  const now = () => services.clock.now();
  const router = Router();
  const agent = requireSession(accounts, 'agent');
  const admin = requireSession(accounts, 'admin');
  const zendesk = zendeskSettings(services.config);

  router.use('/console', (_request: Request, response: Response, next: NextFunction) => {
    // Pages hold customer data: never cached, never framed, no script but our own.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    next();
  });
  router.use('/console', express.urlencoded({ extended: false, limit: services.config.maxBodyBytes }));
  router.get('/console/assets/:name', (request, response) => {
    const asset = ASSETS[request.params.name];
    if (!asset) throw notFound(`No console asset ${request.params.name}.`);
    response.type(asset.type).setHeader('Cache-Control', 'no-cache');
    response.send(assetText(asset.file));
  });
  router.use(loginRoutes(accounts, services.config, merchant, now));

  const page = (request: ConsoleRequest, title: string, active: 'queue' | 'insights' | 'agents' | undefined, body: SafeHtml, main: Record<string, string> = {}) =>
    layout({ title, merchant, active, body, main, user: { email: request.session!.account.email, role: request.session!.account.role, csrfToken: request.session!.csrfToken } });

  router.get('/console', agent, async (request: ConsoleRequest, response) => {
    const filter = filterFromQuery(request.query);
    const paging = pageFromQuery(request.query);
    const [found, everything] = await Promise.all([backend.listEscalations({ ...filter, limit: paging.limit, offset: paging.offset }), backend.listEscalations({ status: ['open', 'claimed', 'waiting_on_customer', 'resolved'] })]);
    const items = found.slice(0, PAGE_SIZE);
    const pages = {
      previous: paging.page > 1 ? pageLink('/console', request.query, paging.page - 1) : null,
      next: found.length > PAGE_SIZE ? pageLink('/console', request.query, paging.page + 1) : null,
    };
    const reasons = [...new Set(everything.map((item) => item.reason))].sort();
    const stream = `/console/api/stream?${new URLSearchParams(request.query as Record<string, string>).toString()}`;
    response.type('html').send(page(request, 'Queue', 'queue', queuePage(items, filter, reasons, request.session!.csrfToken, now(), request.session!.account.id, pages), { 'data-stream': stream, 'data-since': now().toISOString() }));
  });

  router.get('/console/escalations/:id', agent, async (request: ConsoleRequest, response) => {
    const escalation = await backend.getEscalation(String(request.params.id));
    if (!escalation) throw notFound('No such escalation.', { fix: 'Open it from the queue.' });
    const flash = typeof request.query.done === 'string' ? request.query.done.slice(0, 300) : undefined;
    response.type('html').send(page(request, escalation.summary, 'queue', escalationPage(escalation, request.session!.csrfToken, now(), { me: request.session!.account.id, zendesk: zendesk !== null, ...(flash ? { flash } : {}) })));
  });

  router.use(actionRoutes(backend, agent, {
    zendesk: zendesk && (async (id: string) => {
      const escalation = await backend.getEscalation(id);
      if (!escalation) throw notFound('No such escalation.');
      const ticket = await createZendeskTicket(zendesk, escalation, `${options.publicUrl()}/console/escalations/${encodeURIComponent(id)}`);
      return `Zendesk ticket #${ticket.id} created: ${ticket.url}`;
    }),
  }));

  router.get('/console/api/me', agent, (request: ConsoleRequest, response) => {
    response.json({ account: request.session!.account, csrf_token: request.session!.csrfToken });
  });
  router.get('/console/api/escalations', agent, async (request, response) => {
    const paging = pageFromQuery(request.query);
    const found = await backend.listEscalations({ ...filterFromQuery(request.query), limit: paging.limit, offset: paging.offset });
    response.json({ escalations: found.slice(0, PAGE_SIZE), page: paging.page, next_page: found.length > PAGE_SIZE ? paging.page + 1 : null });
  });
  router.get('/console/api/escalations/:id', agent, async (request, response) => {
    const escalation = await backend.getEscalation(String(request.params.id));
    if (!escalation) throw notFound('No such escalation.');
    response.json(escalation);
  });
  router.get('/console/api/stream', agent, (request: ConsoleRequest, response) => {
    streamEscalations(backend, filterFromQuery(request.query), { id: request.session!.account.id, csrfToken: request.session!.csrfToken }, request, response, { pollMs: options.pollMs ?? 1000, now });
  });

  const insightsFor = async (request: Request) => {
    const days = [7, 30, 90].includes(Number(request.query.days)) ? Number(request.query.days) : 30;
    const to = now();
    const insights = await backend.insights({ from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() });
    return { days, insights, gaps: clusterQuestions(insights.unanswered_questions.map((question) => question.text)) };
  };
  router.get('/console/insights', admin, async (request: ConsoleRequest, response) => {
    const { days, insights, gaps } = await insightsFor(request);
    response.type('html').send(page(request, 'Insights', 'insights', insightsPage(insights, gaps, days)));
  });
  router.get('/console/api/insights', admin, async (request, response) => {
    const { insights, gaps } = await insightsFor(request);
    response.json({ ...insights, knowledge_gaps: gaps });
  });

  router.get('/console/admin/agents', admin, async (request: ConsoleRequest, response) => {
    response.type('html').send(page(request, 'Accounts', 'agents', agentsPage(await accounts.list(), request.session!.csrfToken)));
  });
  router.post('/console/admin/agents', admin, async (request: ConsoleRequest, response) => {
    const body = request.body as Record<string, unknown>;
    const role = body.role === 'admin' ? 'admin' : body.role === 'agent' ? 'agent' : null;
    if (!role) throw invalidInput('Role must be agent or admin.', { field: 'role' });
    const password = generatePassword();
    const account = await accounts.add(String(body.email ?? ''), role satisfies Role, password);
    response.type('html').send(page(request, 'Accounts', 'agents', agentsPage(await accounts.list(), request.session!.csrfToken, { email: account.email, password })));
  });
  router.post('/console/admin/agents/unlock', admin, async (request, response) => {
    await accounts.unlock(String((request.body as Record<string, unknown>).email ?? ''));
    response.redirect(303, '/console/admin/agents');
  });
  return router;
}
