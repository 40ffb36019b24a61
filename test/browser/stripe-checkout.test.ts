import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool, type ToolContext } from '../../src/tools/index.ts';
import { hasChromium, launchChromium, screenshotPath } from '../helpers/chromium.ts';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

const SK = 'sk_test_browser';
const PK = 'pk_test_browser';

/**
 * A small stand-in for Stripe.js v3 with the calls the page makes: Stripe(pk), elements({clientSecret}),
 * create('payment'), mount, destroy, confirmPayment. Like the real one, it confirms the intent with
 * the publishable key and client secret at https://api.stripe.com, which the test forwards to the
 * local fake Stripe, so the server's own check sees the real outcome.
 */
const FAKE_STRIPE_JS = `
window.Stripe = function (publishableKey) {
  return {
    elements: function (options) {
      return { clientSecret: options.clientSecret, create: function (type) {
        if (type !== 'payment') throw new Error('the fake Stripe.js has only the payment element');
        var node = null;
        return {
          mount: function (selector) {
            node = document.querySelector(selector);
            node.innerHTML = '<label>Test card <select id="fake-card"><option value="pm_card_visa">Visa</option><option value="pm_card_chargeDeclined">Declined</option><option value="pm_card_authenticationRequired">Needs 3-D Secure</option></select></label>';
            node.setAttribute('data-intent', options.clientSecret.split('_secret_')[0]);
          },
          destroy: function () { if (node) node.innerHTML = ''; }
        };
      } };
    },
    confirmPayment: function (args) {
      if (args.redirect !== 'if_required') throw new Error('expected redirect: if_required');
      var secret = args.elements.clientSecret;
      var body = new URLSearchParams({ payment_method: document.getElementById('fake-card').value, key: publishableKey, client_secret: secret, return_url: args.confirmParams.return_url });
      return fetch('https://api.stripe.com/v1/payment_intents/' + secret.split('_secret_')[0] + '/confirm', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body })
        .then(function (r) { return r.json().then(function (j) { return r.ok ? { paymentIntent: j } : { error: j.error }; }); });
    }
  };
};`;

describe.skipIf(!hasChromium)('hosted checkout page pays with the Stripe Payment Element (Chromium)', () => {
  let stripe: FakeStripe;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: SK, publishableKey: PK });
    server = await startTestServer({ merchant: TEA_SHOP, env: { STRIPE_SECRET_KEY: SK, STRIPE_PUBLISHABLE_KEY: PK, STRIPE_API_BASE: stripe.url } });
  });
  afterAll(async () => { await server?.stop(); await stripe?.close(); });

  async function routeStripe(page: Page): Promise<void> {
    await page.route('https://js.stripe.com/v3*', (route: Route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_STRIPE_JS }));
    await page.route('https://api.stripe.com/**', async (route: Route) => {
      const request = route.request();
      const answer = await fetch(`${stripe.url}${new URL(request.url()).pathname}`, { method: request.method(), headers: { 'Content-Type': request.headers()['content-type'] ?? 'application/x-www-form-urlencoded' }, body: request.postData() ?? undefined });
      await route.fulfill({ status: answer.status, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: await answer.text() });
    });
  }

  it('fills the address, is declined, then asked for 3-D Secure, with clear messages, then pays and places the order', async () => {
    const tool = findTool('create_checkout')!;
    const context: ToolContext = { services: server.runtime, channel: 'test', actor: { kind: 'assistant', id: 'browser' } };
    const created = await tool.execute(context, tool.input.parse({ items: [{ id: 'HL-SEN-50', quantity: 1 }] })) as { id: string };
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });
      await routeStripe(page);
      await page.goto(`${server.url}/checkout/${created.id}`);
      await page.fill('#email', 'browser@example.com');
      await page.fill('#name', 'Camille Roy');
      await page.fill('#line_one', '12 rue Saint-Paul');
      await page.fill('#city', 'Montreal');
      await page.fill('#state', 'QC');
      await page.fill('#postal_code', 'H2Y 1Z5');
      await page.selectOption('#country', 'CA');
      await page.click('#save');

      // Ready for payment: the Payment Element is mounted with an intent for the shown total.
      await page.waitForSelector('#fake-card');
      const pay = page.locator('#pay');
      await expect.poll(() => pay.isEnabled()).toBe(true);
      const intentId = (await page.getAttribute('#payment-element', 'data-intent'))!;
      const session = await server.runtime.checkout.get(created.id);
      expect(stripe.intents.get(intentId)).toMatchObject({ amount: session.totals.total, metadata: { checkout_session_id: created.id } });

      await page.selectOption('#fake-card', 'pm_card_chargeDeclined');
      await pay.click();
      await expect.poll(() => page.textContent('#status')).toContain('Your card was declined.');
      expect((await server.runtime.checkout.get(created.id)).status).toBe('ready_for_payment');

      // Stripe.js resolves without an error but the intent still needs 3-D Secure: the page says so and orders nothing.
      await page.selectOption('#fake-card', 'pm_card_authenticationRequired');
      await pay.click();
      await expect.poll(() => page.textContent('#status')).toContain('Your bank still needs you to confirm this payment');
      expect((await server.runtime.checkout.get(created.id)).status).toBe('ready_for_payment');

      await page.selectOption('#fake-card', 'pm_card_visa');
      await pay.click();
      await expect.poll(() => page.textContent('#status'), { timeout: 10_000 }).toMatch(/Thank you! Your order AC-[0-9A-F]+ is confirmed/);
      await page.screenshot({ path: screenshotPath('checkout-stripe'), fullPage: true });

      const paid = await server.runtime.checkout.get(created.id);
      expect(paid.status).toBe('completed');
      const order = await server.runtime.orders.getOrder(paid.order!.number);
      expect(order!.payments.map((payment) => payment.id)).toEqual([intentId]);
      expect(stripe.intents.get(intentId)!.status).toBe('succeeded');
      expect(cspViolations).toEqual([]);
    } finally {
      await browser.dispose();
    }
  });
});
