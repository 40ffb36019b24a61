import express, { type NextFunction, type Request, type Response } from 'express';
import type { CheckoutSession } from '../../checkout/index.ts';
import { completeCheckout, type Services } from '../../flows/index.ts';
import { invalidInput, notFound, type SqlDb } from '../../platform/index.ts';
import { discoveryDocument } from './discovery.ts';
import { sendAcpError, toAcpError } from './errors.ts';
import { feedRoute } from './feed.ts';
import { idempotency, type IdempotencySlot, type Reply } from './idempotency.ts';
import { baseUrlOf, type RenderContext } from './render-context.ts';
import { render2025 } from './render-2025.ts';
import { render2026 } from './render-2026.ts';
import { readComplete, readMutation } from './request.ts';
import { stripeWebhookRoute } from './stripe-webhooks.ts';
import { SUPPORTED_VERSIONS, isSupported, type AcpVersion } from './versions.ts';

type Handler = (request: Request, response: Response) => Promise<void>;

/**
 * The ACP REST surface: /.well-known/acp.json, and under /acp the five checkout endpoints for
 * every supported version plus the product feed. Wire format only; the work is the checkout
 * capability and the complete-checkout flow.
 */
export function acpRouter(services: Services, sql: SqlDb): express.Router {
  const router = express.Router();
  // Without a configured public URL, links point at the host the agent called.
  const contextOf = (request: Request): RenderContext => ({ services, baseUrl: services.config.publicUrl ? baseUrlOf(services) : `${request.protocol}://${request.get('host')}` });
  const render = (version: AcpVersion, session: CheckoutSession, context: RenderContext) => (version === '2025-09-29' ? render2025(session, context) : render2026(session, context));

  router.get('/.well-known/acp.json', (_request, response) => {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.json(discoveryDocument(services, contextOf(_request).baseUrl));
  });

  router.post('/stripe/webhooks', stripeWebhookRoute(services));

  const api = express.Router();
  api.use((request, response, next) => {
    const requestId = request.get('Request-Id');
    if (requestId) response.setHeader('Request-Id', requestId.slice(0, 200));
    const token = /^Bearer\s+(.+)$/i.exec(request.get('Authorization') ?? '')?.[1]?.trim();
    const platform = token ? services.config.acpKeys.get(token) : undefined;
    if (!platform) return sendAcpError(response, 401, { type: 'invalid_request', code: 'unauthorized', message: 'Send Authorization: Bearer <the API key this merchant issued to your platform>.' });
    response.locals.platform = platform;
    const version = request.get('API-Version');
    if (!version || !isSupported(version)) {
      return sendAcpError(response, 400, {
        type: 'invalid_request', code: version ? 'unsupported_api_version' : 'missing_api_version',
        message: version ? `API-Version ${version} is not supported.` : 'Send the API-Version header.', supported_versions: [...SUPPORTED_VERSIONS],
      });
    }
    response.locals.version = version;
    next();
  });
  api.get('/feed', feedRoute(services));
  // 2025-09-29 made the key optional; 2026-04-17 requires it on every POST.
  api.use(idempotency(sql, (request) => request.method === 'POST' && response(request).version !== '2025-09-29'));

  const handle = (status: number, work: (request: Request, version: AcpVersion, platform: string) => Promise<CheckoutSession>): Handler => async (request, response) => {
    const version = response.locals.version as AcpVersion;
    const slot = response.locals.idempotency as IdempotencySlot | undefined;
    const context = contextOf(request);
    const toReply = (session: unknown): Reply => ({ status, body: render(version, session as CheckoutSession, context) });
    if (slot) slot.render = toReply;
    let reply: Reply;
    let final = true;
    try {
      const session = await work(request, version, response.locals.platform as string);
      final = session.status !== 'complete_in_progress';
      reply = toReply(session);
    } catch (error) {
      const mapped = toAcpError(error, services.logger);
      if (mapped.status === 409) response.setHeader('Retry-After', '1');
      reply = { status: mapped.status, body: mapped.body };
    }
    if (slot) {
      await slot.store(reply, final);
      reply = slot.recorded ?? reply;
    }
    response.status(reply.status).json(reply.body);
  };

  api.post('/checkout_sessions', wrap(handle(201, (request, _version, platform) => {
    const { lines = [], ...changes } = readMutation(request.body, true);
    return services.checkout.create(platform, { ...changes, lines });
  })));
  // A session belongs to the platform whose key created it; to any other it does not exist.
  const owned = async (id: string, platform: string): Promise<CheckoutSession> => {
    const session = await services.checkout.get(id);
    if (session.owner !== platform) throw notFound(`Checkout session ${id} not found`, { field: 'checkout_session_id', fix: 'Create a session first; ids look like cs_….' });
    return session;
  };
  api.get('/checkout_sessions/:id', wrap(handle(200, (request, _version, platform) => owned(String(request.params.id), platform))));
  api.post('/checkout_sessions/:id', wrap(handle(200, async (request, _version, platform) => {
    const changes = readMutation(request.body, false);
    return services.checkout.update((await owned(String(request.params.id), platform)).id, changes);
  })));
  api.post('/checkout_sessions/:id/complete', wrap(handle(200, async (request, version, platform) => {
    const input = readComplete(request.body);
    const id = String(request.params.id);
    const session = await owned(id, platform);
    if (session.status === 'authentication_required' && !input.authentication_result && version !== '2025-09-29') {
      throw invalidInput('This session needs 3-D Secure: send authentication_result.', { field: '$.authentication_result', acpCode: 'requires_3ds' });
    }
    if (!input.token) return { ...session, messages: [...session.messages, { type: 'error', code: 'unsupported', param: '$.payment_data', content: 'Pay with a card payment token (handler card_spt); purchase orders are not accepted.' }] };
    const key = request.get('Idempotency-Key') ?? `${Date.now()}:${Math.random()}`;
    return completeCheckout(services, { sessionId: id, token: input.token, requestKey: `${platform}:${key}`, buyer: input.buyer, authentication: input.authentication_result, baseUrl: contextOf(request).baseUrl });
  })));
  api.post('/checkout_sessions/:id/cancel', wrap(handle(200, async (request, _version, platform) => services.checkout.cancel((await owned(String(request.params.id), platform)).id))));
  router.use('/acp', api);
  return router;

  function response(request: Request): { version: string } {
    return { version: String(request.get('API-Version')) };
  }
}

function wrap(handler: Handler) {
  return (request: Request, response: Response, next: NextFunction) => {
    handler(request, response).catch(next);
  };
}
