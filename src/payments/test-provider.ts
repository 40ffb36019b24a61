import { newId, ShopkeeperError, stableHash, type SqlDb } from '../platform/index.ts';
import type { ChargeRequest, ChargeResult, DeclineCode, PaymentsPort, RefundRequest, RefundResult } from './port.ts';

/**
 * Test tokens, Stripe-style, so the whole flow runs offline. Any token that starts with
 * `tok_test_` or `spt_test_` succeeds unless its suffix names an outcome below.
 */
export const TEST_TOKENS = {
  success: 'spt_test_visa',
  card_declined: 'spt_test_card_declined',
  insufficient_funds: 'spt_test_insufficient_funds',
  expired_card: 'spt_test_expired_card',
  processing_error: 'spt_test_processing_error',
  requires_action: 'spt_test_3ds',
} as const;

const DECLINES: Record<string, { code: DeclineCode; message: string }> = {
  card_declined: { code: 'card_declined', message: 'The card was declined.' },
  insufficient_funds: { code: 'insufficient_funds', message: 'The card has insufficient funds.' },
  expired_card: { code: 'expired_card', message: 'The card has expired.' },
  processing_error: { code: 'processing_error', message: 'The card could not be processed; try again.' },
};

/**
 * The offline provider. Results are stored by idempotency key in the database (not memory), so
 * a retry from another process or after a restart gets the same answer, and a reused key with a
 * different request is refused like Stripe refuses it.
 */
export class TestPaymentsProvider implements PaymentsPort {
  readonly provider = 'test';

  constructor(private readonly sql: SqlDb) {}

  /**
   * The first request with a key stores its result: the insert is conditional on the key, so two
   * processes racing with one key store one result and both read it back. Two single statements,
   * no transaction: nothing holds the SQLite write lock while other work runs.
   */
  private async once<T>(kind: 'charge' | 'refund', key: string, request: object, compute: () => T): Promise<T> {
    const requestHash = stableHash(request);
    await this.sql.run(`INSERT INTO test_provider_operations (idempotency_key, kind, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING`, [key, kind, requestHash, JSON.stringify(compute()), new Date().toISOString()]);
    const stored = (await this.sql.get<{ kind: string; request_hash: string; result: string }>(
      'SELECT kind, request_hash, result FROM test_provider_operations WHERE idempotency_key = ?', [key]))!;
    if (stored.kind !== kind || stored.request_hash !== requestHash) {
      throw new ShopkeeperError('conflict', `Idempotency key ${key} was already used for a different ${stored.kind} request`, { field: 'idempotencyKey' });
    }
    return JSON.parse(stored.result) as T;
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    // No browser ever confirms a test-provider payment: refuse rather than take the browser's word.
    if (request.browserConfirmed) return { status: 'declined', code: 'invalid_token', message: 'The test provider has no browser-confirmed payments; pay with a test token.', provider: this.provider };
    return this.once('charge', request.idempotencyKey, { amount: request.amount, currency: request.currency, token: request.token, resumed: request.authenticatedChargeId }, (): ChargeResult => {
      if (request.authenticatedChargeId) return { status: 'succeeded', id: request.authenticatedChargeId, amount: request.amount, currency: request.currency, provider: this.provider };
      const match = /^(tok|spt)_test_(.*)$/.exec(request.token);
      if (!match) return { status: 'declined', code: 'invalid_token', message: 'Unknown payment token; the test provider accepts tokens that start with spt_test_ or tok_test_.', provider: this.provider };
      const outcome = match[2]!;
      if (outcome === '3ds' || outcome === 'requires_action') return { status: 'requires_action', id: newId('ch_test'), provider: this.provider };
      const decline = DECLINES[outcome];
      if (decline) return { status: 'declined', ...decline, provider: this.provider };
      return { status: 'succeeded', id: newId('ch_test'), amount: request.amount, currency: request.currency, provider: this.provider };
    });
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    return this.once('refund', request.idempotencyKey, { chargeId: request.chargeId, amount: request.amount, currency: request.currency }, (): RefundResult =>
      ({ status: 'succeeded', id: newId('re_test'), amount: request.amount, provider: this.provider }));
  }
}
