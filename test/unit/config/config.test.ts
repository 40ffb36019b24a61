import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configMarkdown, loadConfig, loadMerchant, OPTIONS } from '../../../src/config/index.ts';
import { DEMO_MERCHANT, tempDir } from '../../helpers/paths.ts';

const scratch = tempDir();
afterAll(() => scratch.cleanup());

describe('configuration', () => {
  it('uses documented defaults, and flags win over env vars', () => {
    const config = loadConfig({ env: { PORT: '4000' }, flags: { port: '5000' }, cwd: '/srv' });
    expect(config.port).toBe(5000);
    expect(config.merchantDir).toBe('/srv/knowledge');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the flag, the env var and the problem for every bad value at once', () => {
    expect(() => loadConfig({ env: { PORT: 'eighty', STRIPE_SECRET_KEY: 'pk_test_123', LOG_LEVEL: 'loud' } }))
      .toThrow(/--port \/ PORT = "eighty": must be a whole number from 0 to 65535[\s\S]*--log-level \/ LOG_LEVEL = "loud": must be one of[\s\S]*STRIPE_SECRET_KEY = \(hidden\): must start with sk_test_/);
  });

  it('rejects malformed ACP key pairs without echoing the secret', () => {
    let message = '';
    try {
      loadConfig({ env: { SHOPKEEPER_ACP_API_KEYS: 'supersecretvalue' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SHOPKEEPER_ACP_API_KEYS.*platform:key/);
    expect(message).not.toContain('supersecretvalue');
  });

  it('requires one shared secret when replicas share a PostgreSQL database, and names the fix', () => {
    expect(() => loadConfig({ env: { DATABASE_URL: 'postgres://db.internal/shop' } })).toThrow(/SHOPKEEPER_SECRET is required with DATABASE_URL.*same random string/);
    expect(loadConfig({ env: { DATABASE_URL: 'postgres://db.internal/shop', SHOPKEEPER_SECRET: 'x'.repeat(40) } }).databaseUrl).toBe('postgres://db.internal/shop');
  });

  it('documents every option in the generated table', () => {
    const table = configMarkdown();
    for (const option of OPTIONS) expect(table).toContain(option.env);
  });
});

describe('merchant directory', () => {
  it('loads the demo merchant', () => {
    const merchant = loadMerchant(DEMO_MERCHANT);
    expect(merchant.profile.currency).toBe('USD');
    expect(merchant.policy.returns.window_days.eu).toBeGreaterThan(0);
  });

  it('points at the file, line and field of an invalid policy', () => {
    const dir = join(scratch.path, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'merchant.yaml'), 'name: X\nurl: https://x.example\ncurrency: usd\nlocales: [en]\nsupport: { email: a@x.example }\nshipping: { zones: [] }\n');
    writeFileSync(join(dir, 'policy.yaml'), 'regions: []\n');
    expect(() => loadMerchant(dir)).toThrow(/merchant\.yaml:3:\d+: currency: use a 3-letter ISO currency code/);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = join(scratch.path, 'syntax');
    mkdirSync(dir);
    writeFileSync(join(dir, 'merchant.yaml'), 'name: X\nurl: [unclosed\n');
    expect(() => loadMerchant(dir)).toThrow(/merchant\.yaml:\d+:\d+/);
  });

  it('says how to fix a missing directory', () => {
    expect(() => loadMerchant('/nonexistent/merchant')).toThrow(/does not exist/);
  });
});
