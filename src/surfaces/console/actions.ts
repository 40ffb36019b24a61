import { Router, type RequestHandler, type Response } from 'express';
import type { ConsoleBackend } from '../../flows/console/index.ts';
import { invalidInput, notFound } from '../../platform/index.ts';
import { actorOf, type ConsoleRequest } from './session.ts';

type Action = (backend: ConsoleBackend, request: ConsoleRequest, id: string) => Promise<string>;

const text = (request: ConsoleRequest, field: string, max = 5000): string => {
  const value = String((request.body as Record<string, unknown> | undefined)?.[field] ?? '').trim();
  if (!value) throw invalidInput(`Write the ${field === 'text' ? 'message' : field} first.`, { field });
  if (value.length > max) throw invalidInput(`The ${field} is longer than ${max} characters.`, { field });
  return value;
};

const ACTIONS: Record<string, Action> = {
  claim: async (backend, request, id) => (await backend.claim(id, actorOf(request)), 'Claimed: it is yours now.'),
  unassign: async (backend, request, id) => (await backend.unassign(id, actorOf(request)), 'Unassigned: back in the queue.'),
  approve: (backend, request, id) => backend.approve(id, actorOf(request)),
  deny: async (backend, request, id) => (await backend.deny(id, actorOf(request), text(request, 'reason', 500)), 'Held action denied; the shopper is told why.'),
  reply: async (backend, request, id) => ((await backend.reply(id, actorOf(request), text(request, 'text'))) === 'live'
    ? 'Reply delivered live into the shopper’s conversation.' : 'Reply stored; the shopper sees it on their next visit.'),
  note: async (backend, request, id) => (await backend.note(id, actorOf(request), text(request, 'text')), 'Note added.'),
  resolve: async (backend, request, id) => (await backend.resolve(id, actorOf(request)), 'Resolved.'),
  receive: (backend, request, id) => backend.receiveReturn(id, actorOf(request)),
};

/**
 * Every action on an escalation, reachable as an HTML form (answers with a redirect back, so a
 * reload never repeats it) and as JSON under /console/api. Both pass the same session and CSRF
 * checks in `guard`.
 */
export function actionRoutes(backend: ConsoleBackend, guard: RequestHandler, extra: { zendesk: ((id: string) => Promise<string>) | null }): Router {
  const router = Router();
  const run = async (request: ConsoleRequest, name: string): Promise<string> => {
    const id = String(request.params.id);
    if (name === 'zendesk') {
      if (!extra.zendesk) throw notFound('Zendesk is not configured.', { fix: 'Set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN.' });
      return extra.zendesk(id);
    }
    const action = ACTIONS[name];
    if (!action) throw notFound(`No action ${name}.`);
    return action(backend, request, id);
  };
  router.post('/console/escalations/:id/:action', guard, async (request: ConsoleRequest, response: Response) => {
    const message = await run(request, String(request.params.action));
    const back = (request.body as Record<string, unknown>).back === 'queue' ? '/console' : `/console/escalations/${encodeURIComponent(String(request.params.id))}?done=${encodeURIComponent(message)}`;
    response.redirect(303, back);
  });
  router.post('/console/api/escalations/:id/:action', guard, async (request: ConsoleRequest, response: Response) => {
    response.json({ ok: true, message: await run(request, String(request.params.action)) });
  });
  return router;
}
