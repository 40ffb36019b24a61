import { describe, expect, it } from 'vitest';
import { migrate, openSqlite, RateLimiter, sqliteSql, rateLimitMigrations, TokenSigner, verifyWebhookSignature, webhookSignature } from '../../../src/platform/index.ts';

describe('signed tokens', () => {
  it('round-trips a payload and rejects tampering, truncation and another purpose', () => {
    const signer = new TokenSigner('a-secret-of-at-least-32-characters!!', 'customer-token');
    const token = signer.sign({ sub: 'cus_1', exp: 10 });
    expect(signer.verify(token)).toEqual({ sub: 'cus_1', exp: 10 });
    expect(signer.verify(`${token}x`)).toBeNull();
    expect(signer.verify(token.split('.')[0]!)).toBeNull();
    expect(signer.verify(`${token}.extra`)).toBeNull();
    expect(new TokenSigner('a-secret-of-at-least-32-characters!!', 'other').verify(token)).toBeNull();
  });
});

describe('webhook signatures', () => {
  it('verifies within the tolerance only', () => {
    const header = webhookSignature('s3cret', '{"a":1}', 1000);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', header, 300, 1100)).toBe(true);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', header, 300, 2000)).toBe(false);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', 'garbage', 300, 1000)).toBe(false);
  });
});

describe('rate limiter', () => {
  it('counts per bucket and window in the database', async () => {
    const db = openSqlite(':memory:');
    migrate(db, rateLimitMigrations);
    const limiter = new RateLimiter(sqliteSql(db));
    const at = new Date('2026-11-28T10:00:00Z');
    expect(await limiter.hit('a', 900, at)).toBe(1);
    expect(await limiter.hit('a', 900, at)).toBe(2);
    expect(await limiter.count('a', 900, at)).toBe(2);
    expect(await limiter.count('b', 900, at)).toBe(0);
    expect(await limiter.count('a', 900, new Date(at.getTime() + 900_000))).toBe(0);
  });
});
