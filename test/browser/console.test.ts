import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MemoryConsoleBackend, heldRefundEscalation, sampleInsights } from '../helpers/console-backend.ts';
import { hasChromium, launchChromium, screenshotPath } from '../helpers/chromium.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

if (!hasChromium) console.warn('Skipping the console browser test: /usr/bin/chromium is missing (apt-get install -y chromium; .ci/run installs it).');

describe.skipIf(!hasChromium)('support console in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const backend = new MemoryConsoleBackend([{ ...heldRefundEscalation('esc_older', 60 * 30), priority: 'normal', reason: 'human_requested', summary: 'Shopper asked for a person about a warranty claim', has_held_action: false, held_action: null }]);

  beforeAll(async () => {
    server = await startTestServer({ merchant: TEA_SHOP, server: { consoleBackend: backend, consolePollMs: 200 } });
    await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
    await server.runtime.accounts.add('ada@northwind.example', 'admin', 'admin password 12345');
    backend.insightsData = sampleInsights();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.dispose();
    await server?.stop();
  });

  it('signs in, sees an escalation arrive live, approves the held refund and replies', async () => {
    await page.goto(`${server.url}/console`);
    expect(page.url()).toContain('/console/login');
    await page.getByLabel('Email').fill('sam@northwind.example');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/console`);
    await page.waitForSelector('main[data-live="connected"]');

    // Raised from the widget while the queue is open: it must appear without a reload.
    backend.raise(heldRefundEscalation('esc_refund1', 0));
    const row = page.locator('#queue tr[data-id="esc_refund1"]');
    await row.waitFor({ timeout: 10_000 });
    await expect(page.locator('#live-status').textContent()).resolves.toContain('New escalation');
    await page.screenshot({ path: screenshotPath('console-queue'), fullPage: true });

    await row.getByRole('link').click();
    await page.waitForURL(/\/console\/escalations\/esc_refund1/);
    await expect(page.locator('#held-action').textContent()).resolves.toContain('Refund $289.00 to Visa');
    await expect(page.locator('#customer').textContent()).resolves.toContain('verified');
    await page.screenshot({ path: screenshotPath('console-escalation'), fullPage: true });

    await page.getByRole('button', { name: 'Approve and execute' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('Executed: Refund $289.00');
    expect(backend.executed).toEqual(['held_1']);

    await page.getByLabel('Message').fill('Your refund of $289.00 is on its way to your Visa.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toMatch(/Reply (delivered|stored)/);
    await expect(page.locator('#transcript').textContent()).resolves.toContain('Your refund of $289.00 is on its way');
    expect(backend.replies.at(-1)?.text).toBe('Your refund of $289.00 is on its way to your Visa.');
    await page.screenshot({ path: screenshotPath('console-after-approve-reply'), fullPage: true });
  });

  it('shows an admin the insights page with its chart and knowledge gaps', async () => {
    const admin = await browser.newPage();
    await admin.goto(`${server.url}/console/login`);
    await admin.getByLabel('Email').fill('ada@northwind.example');
    await admin.getByLabel('Password').fill('admin password 12345');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`${server.url}/console`);
    await admin.getByRole('link', { name: 'Insights' }).click();
    await admin.waitForURL(/\/console\/insights/);
    expect(await admin.locator('svg.chart rect').count()).toBeGreaterThan(30);
    await expect(admin.locator('#knowledge-gaps').textContent()).resolves.toContain('Do you ship to Iceland?');
    await admin.screenshot({ path: screenshotPath('console-insights'), fullPage: true });
    await admin.close();
  });
});
