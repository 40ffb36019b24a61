import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/platform/index.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  return { logger: createLogger({ level: 'info' }, stream as never), text: () => lines.join('') };
}

describe('structured logs never carry secrets or personal data', () => {
  it('redacts emails, tokens, addresses and card data in objects and messages', () => {
    const { logger, text } = capture();
    logger.info({
      email: 'maya.lefebvre@example.com', customer_token: 'ct.secret.value', req: { headers: { authorization: 'Bearer sk_live_123', cookie: 'sid=abc' } },
      order: { shipping_address: { line1: '12 Pine St' }, payment_method: { card: { number: '4242424242424242' } } },
    }, 'refund for maya.lefebvre@example.com on card 4242424242424242');
    const output = text();
    for (const secret of ['maya.lefebvre@example.com', 'ct.secret.value', 'sk_live_123', 'sid=abc', '12 Pine St', '4242424242424242']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain('refund for [email] on card [digits]');
  });
});
