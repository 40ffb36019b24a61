import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../flows/index.ts';
import { findTool } from '../../tools/index.ts';
import { sendProblem, zodProblem } from '../http/problem.ts';
import { escapeHtml } from './html.ts';
import { checkoutCsp, stripeCheckoutRoutes, stripeMode } from './checkout-stripe.ts';
import { createToolRunner } from './tool-runner.ts';

const here = dirname(fileURLToPath(import.meta.url));
const script = readFileSync(join(here, 'assets', 'checkout.js'), 'utf8');

const updateBody = z.object({
  email: z.string().email().optional(),
  address: z.object({ name: z.string().min(1).max(200), line_one: z.string().min(1).max(200), line_two: z.string().max(200).optional(), city: z.string().min(1).max(100), state: z.string().max(100), country: z.string().regex(/^[A-Za-z]{2}$/), postal_code: z.string().max(20) }).optional(),
  fulfillment_option_id: z.string().max(100).optional(),
});
const payBody = z.object({ payment_token: z.string().min(1).max(200), request_id: z.string().min(8).max(200) });

/**
 * The hosted checkout page (`continue_url` of checkout sessions) and the small JSON API it calls.
 * Every step is a registry tool (get/update/complete_checkout), the same ones agents use; pressing
 * "Pay" is the shopper's explicit confirmation. With both Stripe keys set the page pays with the
 * Stripe Payment Element instead (checkout-stripe.ts).
 */
export function checkoutRoutes(services: Services, options: { publicUrl: () => string }): Router {
  const router = Router();
  const tools = (id: string) => createToolRunner(services, `checkout:${id}`);
  const reply = (response: Response, result: Awaited<ReturnType<ReturnType<typeof tools>['call']>>) => {
    if (result.ok) return response.json(result.output);
    const status = result.error.code === 'not_found' ? 404 : result.error.code === 'payment_failed' ? 402 : result.error.code === 'internal' ? 500 : 409;
    return sendProblem(response, { title: 'Checkout problem', status, code: result.error.code, detail: result.error.message, ...(result.error.fix ? { fix: result.error.fix } : {}) });
  };

  const stripe = stripeMode(services);
  router.get('/checkout/:session', ...checkoutCsp(stripe), (request, response) => {
    const ready = Boolean(findTool('get_checkout') && findTool('complete_checkout'));
    const profile = services.merchant.profile;
    const testMode = !services.config.stripeSecretKey;
    const nonce = escapeHtml(String(response.locals.cspNonce));
    // Stripe.js must come from js.stripe.com itself (Stripe forbids bundling or self-hosting it).
    const payment = stripe
      ? '<div id="payment-element"></div>'
      : testMode
        ? '<label for="token">Test card (offline test provider)</label><select id="token"><option value="spt_test_visa">Visa ending 4242 (succeeds)</option><option value="spt_test_card_declined">Card declined</option><option value="spt_test_insufficient_funds">Insufficient funds</option></select>'
        : '<p>Card payments by Stripe.</p><input id="token" placeholder="Shared Payment Token (spt_…)">';
    response.status(ready ? 200 : 503).type('html').setHeader('Cache-Control', 'no-store').send(`<!doctype html>
<html lang="${escapeHtml(profile.locales[0] ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout · ${escapeHtml(profile.name)}</title>
<style nonce="${nonce}">
  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f7f6;color:#1d2421}
  header{background:#243b2f;color:#fff;padding:16px 20px}header a{color:#fff;text-decoration:none;font-weight:700}
  main{max-width:720px;margin:0 auto;padding:20px;display:grid;gap:16px}section{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
  h1{font-size:22px;margin:0}h2{font-size:16px;margin:0 0 10px}table{width:100%;border-collapse:collapse}td{padding:4px 0}td.r{text-align:right}tr.tot td{font-weight:700;border-top:1px solid #ddd;padding-top:8px}
  label{display:block;font-size:13px;margin:8px 0 3px}input,select{width:100%;box-sizing:border-box;padding:9px;border:1px solid #c9cfcb;border-radius:8px;font-size:15px}
  .row{display:grid;grid-template-columns:1fr 1fr;gap:10px}.opt{display:flex;gap:8px;align-items:center;padding:6px 0}.opt input{width:auto}
  button{border:0;border-radius:10px;padding:12px 16px;background:#1f6f4a;color:#fff;font-weight:700;font-size:16px;cursor:pointer;width:100%}button[disabled]{opacity:.5}
  .msg{padding:10px;border-radius:8px;background:#fdecea;color:#7a1d13}.msg.ok{background:#e7f5ec;color:#0f5132}.msg:empty{display:none}#payment-element{min-height:40px;margin:4px 0 8px}
  :focus-visible{outline:3px solid #f2b705;outline-offset:2px}
</style></head>
<body><header><a href="${escapeHtml(options.publicUrl())}/">${escapeHtml(profile.name)}</a></header>
<main data-session="${escapeHtml(request.params.session)}" data-test="${testMode}" data-payments="${stripe ? 'stripe' : testMode ? 'test' : 'token'}" data-ready="${ready}">
  <h1>Checkout</h1>
  ${ready ? '' : '<p class="msg">Checkout is not available on this server.</p>'}
  <section aria-labelledby="s1"><h2 id="s1">Your order</h2><table id="lines"><tbody></tbody></table></section>
  <form id="details"><section aria-labelledby="s2"><h2 id="s2">Shipping</h2>
    <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required>
    <label for="name">Full name</label><input id="name" name="name" autocomplete="name" required>
    <label for="line_one">Address</label><input id="line_one" name="line_one" autocomplete="address-line1" required>
    <div class="row"><div><label for="city">City</label><input id="city" name="city" autocomplete="address-level2" required></div>
    <div><label for="state">State / province</label><input id="state" name="state" autocomplete="address-level1"></div></div>
    <div class="row"><div><label for="postal_code">Postal code</label><input id="postal_code" name="postal_code" autocomplete="postal-code" required></div>
    <div><label for="country">Country</label><select id="country" name="country" autocomplete="country"><option value="US">United States</option><option value="CA">Canada</option><option value="FR">France</option><option value="DE">Germany</option><option value="GB">United Kingdom</option></select></div></div>
    <p><button type="submit" id="save">Show shipping options</button></p>
    <fieldset id="options" hidden><legend>Shipping option</legend></fieldset>
  </section></form>
  <section aria-labelledby="s3"><h2 id="s3">Payment</h2>
    ${payment}
    <p><button type="button" id="pay" disabled>Pay</button></p>
  </section>
  <div id="status" class="msg" role="status" aria-live="polite"></div>
</main>
${stripe ? '<script src="https://js.stripe.com/v3"></script>' : ''}
<script nonce="${nonce}">${script}</script></body></html>`);
  });

  router.get('/api/checkout/:id', async (request, response) => reply(response, await tools(request.params.id).call('get_checkout', { checkout_id: request.params.id })));
  router.post('/api/checkout/:id', async (request, response) => {
    const parsed = updateBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'body'));
    return reply(response, await tools(request.params.id).call('update_checkout', { checkout_id: request.params.id, ...parsed.data }));
  });
  router.post('/api/checkout/:id/pay', async (request, response) => {
    const parsed = payBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'body'));
    return reply(response, await tools(request.params.id).call('complete_checkout', { checkout_id: request.params.id, payment_token: parsed.data.payment_token, request_id: parsed.data.request_id || randomUUID(), confirm: true }));
  });
  router.use(stripeCheckoutRoutes(services));
  return router;
}
