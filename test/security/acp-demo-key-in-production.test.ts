import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 13: the published demo bearer key (sk_demo_agent_key) was accepted by a server taking
 * real money (Stripe live keys) or reachable at a public https URL: anyone could place orders.
 */
const DEMO_KEY_PROBLEM = /SHOPKEEPER_ACP_API_KEYS[\s\S]*demo/;

describe('the demo ACP key outside a local demo', () => {
  it.each([
    ['a Stripe live secret key', { STRIPE_SECRET_KEY: 'sk_live_0123456789abcdef' }],
    ['a Stripe live restricted key', { STRIPE_SECRET_KEY: 'rk_live_0123456789abcdef' }],
    ['a public https URL', { SHOPKEEPER_PUBLIC_URL: 'https://shop.example.com' }],
  ])('refuses to start with %s', async (_label, env) => {
    expect(() => loadConfig({ env })).toThrow(DEMO_KEY_PROBLEM);
    expect(() => loadConfig({ env: { ...env, SHOPKEEPER_ACP_API_KEYS: 'alpha:sk_demo_agent_key' } })).toThrow(DEMO_KEY_PROBLEM);
    // A DATABASE_URL of its own: the helper then makes no PostgreSQL database that the refused start would leave behind.
    await expect(startTestServer({ env: { ...env, DATABASE_URL: 'postgres://127.0.0.1:1/never_used', SHOPKEEPER_SECRET: 'a-secret-for-this-refused-start-0123456789' } })).rejects.toThrow(DEMO_KEY_PROBLEM);
  });

  it('starts with a key of its own, and with the demo key on a local test setup', async () => {
    expect(loadConfig({ env: { STRIPE_SECRET_KEY: 'sk_live_0123456789abcdef', SHOPKEEPER_ACP_API_KEYS: 'alpha:k_9f8e7d6c5b4a39281706' } }).acpKeys.get('k_9f8e7d6c5b4a39281706')).toBe('alpha');
    expect(loadConfig({ env: { STRIPE_SECRET_KEY: 'sk_test_0123456789abcdef', SHOPKEEPER_PUBLIC_URL: 'http://localhost:3000' } }).acpKeys.get('sk_demo_agent_key')).toBe('demo-agent');
  });
});
