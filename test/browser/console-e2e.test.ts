import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium, screenshotPath } from '../helpers/chromium.ts';
import { callTool, holdDemoRefund } from '../helpers/support-scenarios.ts';
import { startTestServer } from '../helpers/server.ts';

if (!hasChromium) console.warn('Skipping the console end-to-end browser test: /usr/bin/chromium is missing (apt-get install -y chromium; .ci/run installs it).');

/** The demo merchant end to end: real escalations, a real held refund, the real order changing. */
describe.skipIf(!hasChromium)('support console on the demo merchant', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startTestServer({ server: { consolePollMs: 250 } });
    await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
    await server.runtime.accounts.add('ada@northwind.example', 'admin', 'admin password 12345');
    await callTool(server.runtime, 'escalate_to_human', { category: 'customer_request', priority: 'normal', reason: 'Warranty question', summary: 'Zip on a two-year-old pack broke; asks whether the warranty covers a repair', confirm: true });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.dispose();
    await server?.stop();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/console/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/console`);
  }

  it('sees a held refund arrive live, approves it (the order changes, the escalation resolves), replies and notes', async () => {
    const page = await browser.newPage();
    await signIn(page, 'sam@northwind.example', 'correct horse battery staple');
    await page.waitForSelector('main[data-live="connected"]');
    await expect(page.locator('#queue').textContent()).resolves.toContain('warranty');

    const held = await holdDemoRefund(server.runtime);
    const row = page.locator(`#queue tr[data-id="${held.escalation_id}"]`);
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toContain('Daniel Okafor');
    await page.screenshot({ path: screenshotPath('console-demo-queue'), fullPage: true });

    await row.getByRole('link').click();
    await expect(page.locator('#held-action').textContent()).resolves.toContain('Refunds over $250.00 are approved by a support agent first.');
    await expect(page.locator('#held-action').textContent()).resolves.toContain('$293.61');
    await expect(page.locator('#customer').textContent()).resolves.toContain('verified');
    // A suggested reply grounded in the demo help center, with its sources.
    await expect(page.locator('#reply .suggested').textContent()).resolves.toMatch(/refund/i);
    expect(await page.locator('#reply .citations a[href^="https://northwind-trail.example/help/"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('console-demo-escalation'), fullPage: true });

    await page.getByRole('button', { name: 'Approve and execute' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('Executed: Return Glacier Dry 55');
    expect((await server.runtime.orders.getOrder('NW-10213'))!.status).toBe('return_requested');

    await page.getByLabel('Message').fill('Approved: print the label from your email and your refund follows once the parcel arrives.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toMatch(/Reply (delivered live|stored)/);
    await expect(page.locator('#transcript').textContent()).resolves.toContain('print the label');
    await page.getByLabel('Internal note (not shown to the shopper)').fill('Checked: first return on this account.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.locator('#notes').textContent()).resolves.toContain('first return on this account');
    await page.screenshot({ path: screenshotPath('console-demo-after-approve'), fullPage: true });
    await page.close();
  });

  it('shows the admin the insights of the demo merchant', async () => {
    const page = await browser.newPage();
    await signIn(page, 'ada@northwind.example', 'admin password 12345');
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.locator('#stats').textContent()).resolves.toContain('Escalation rate');
    await expect(page.locator('#reasons').textContent()).resolves.toContain('approval required');
    await page.screenshot({ path: screenshotPath('console-demo-insights'), fullPage: true });
    await page.close();
  });
});
