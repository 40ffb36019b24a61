import type { MerchantProfile } from '../config/index.ts';
import type { SqlDb, SqlExecutor } from '../platform/index.ts';
import type { CheckoutSession, Message } from './types.ts';

type DiscountRule = MerchantProfile['discounts'][number];

export interface RedeemInput {
  session: CheckoutSession;
  rules: readonly DiscountRule[];
  email: string;
  /** Whether this shopper already has an order (asked only for first-order codes). */
  hasOrdered: () => Promise<boolean>;
  now: Date;
}

class Refused extends Error {}

/**
 * Usage limits of discount codes, taken when an order is paid rather than when the code is typed:
 * one transaction per session counts the use (conditionally, so concurrent completes cannot
 * overshoot max_uses) and records it (uniquely per shopper for once-per-customer codes). A retried
 * or taken-over complete of the same session finds its own redemption and passes.
 */
export class DiscountUses {
  constructor(private readonly sql: SqlDb) {}

  /** null when every applied code may be used; otherwise the message that keeps the session unpaid. */
  async redeem(input: RedeemInput): Promise<Message | null> {
    for (const applied of input.session.applied_discounts) {
      const rule = input.rules.find((candidate) => candidate.code.toUpperCase() === applied.code.toUpperCase());
      if (!rule || (!rule.max_uses && !rule.once_per_customer && !rule.first_order_only)) continue;
      const code = rule.code.toUpperCase();
      const perCustomer = rule.once_per_customer || rule.first_order_only;
      const customer = perCustomer ? input.email.trim().toLowerCase() : null;
      if (rule.first_order_only && !(await this.mine(input.session.id, code)) && (await input.hasOrdered())) {
        return refusal(rule.code, `${rule.code} is for a first order only, and this shopper has ordered before`);
      }
      const taken = await this.sql.transaction(async (tx) => {
        if (await this.mine(input.session.id, code, tx)) return true;
        if (rule.max_uses) {
          await tx.run('INSERT INTO checkout_discount_uses (code, uses) VALUES (?, 0) ON CONFLICT (code) DO NOTHING', [code]);
          if ((await tx.run('UPDATE checkout_discount_uses SET uses = uses + 1 WHERE code = ? AND uses < ?', [code, rule.max_uses])) !== 1) throw new Refused('max_uses');
        }
        const inserted = await tx.run(`INSERT INTO checkout_discount_redemptions (session_id, code, customer, counted, created_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT DO NOTHING`, [input.session.id, code, customer, rule.max_uses ? 1 : 0, input.now.toISOString()]);
        if (inserted !== 1) throw new Refused('customer');
        return true;
      }).catch((error: unknown) => {
        if (error instanceof Refused) return error.message;
        throw error;
      });
      if (taken === 'max_uses') return refusal(rule.code, `${rule.code} has been used as many times as it can be`);
      if (taken === 'customer') return refusal(rule.code, `${rule.code} can be used once per customer, and this shopper already used it`);
    }
    return null;
  }

  /** The payment did not happen: the session's uses go back. */
  async release(sessionId: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const rows = await tx.all<{ code: string; counted: number }>('SELECT code, counted FROM checkout_discount_redemptions WHERE session_id = ?', [sessionId]);
      await tx.run('DELETE FROM checkout_discount_redemptions WHERE session_id = ?', [sessionId]);
      for (const row of rows) if (Number(row.counted) === 1) await tx.run('UPDATE checkout_discount_uses SET uses = uses - 1 WHERE code = ? AND uses > 0', [row.code]);
    });
  }

  private async mine(sessionId: string, code: string, on: SqlExecutor = this.sql): Promise<boolean> {
    return Boolean(await on.get('SELECT 1 AS found FROM checkout_discount_redemptions WHERE session_id = ? AND code = ?', [sessionId, code]));
  }
}

function refusal(code: string, reason: string): Message {
  return { type: 'error', code: 'discount_code_invalid', param: '$.discounts.codes', content: `${reason}; remove ${code} to pay without it.` };
}
