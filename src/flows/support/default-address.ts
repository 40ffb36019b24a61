import type { Address } from '../../orders/index.ts';
import { stableHash } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Caller } from './caller.ts';
import { cite, type Citation } from './citations.ts';
import { customerScopedKey, derivedKeys } from './run-action.ts';
import { customerFromToken } from './verify.ts';

/** Changes the customer's default address (orders already placed keep theirs); previews without confirm. */
export async function updateDefaultAddress(services: Services, caller: Caller, input: { customer_token: string; address: Omit<Address, 'id' | 'default'>; confirm?: boolean; idempotency_key?: string }):
  Promise<{ status: 'preview' | 'done'; summary: string; address: Omit<Address, 'id' | 'default'>; policy: { rule: string; article: Citation }; next_step: string }> {
  const customerId = customerFromToken(services, input.customer_token);
  const address = { ...input.address, country: input.address.country.toUpperCase() };
  const summary = `Make ${[address.name, address.line1, address.line2, address.city, address.region, address.postal_code, address.country].filter(Boolean).join(', ')} the default address. Orders already placed keep their shipping address.`;
  const policy = { rule: 'customer.default_address', article: await cite(services, 'change-shipping-address') };
  if (!input.confirm) return { status: 'preview', summary, address, policy, next_step: 'Read the summary to the shopper; if they say yes, call again with confirm: true.' };
  let idempotencyKey = input.idempotency_key && customerScopedKey(customerId, input.idempotency_key);
  if (!idempotencyKey) {
    const keys = await derivedKeys(services, input.customer_token, 'update_default_address', { address }, { customerId, action: 'update_default_address' });
    const requestHash = stableHash({ action: 'update_default_address', address });
    const retried = keys.retryKey ? await services.orderActions.previous(keys.retryKey, requestHash) : null;
    idempotencyKey = retried ? keys.retryKey! : keys.key;
  }
  await services.orderActions.updateDefaultAddress({ customerId, address, actor: caller.actor, channel: caller.channel, now: services.clock.now(), idempotencyKey });
  return { status: 'done', summary, address, policy, next_step: 'Tell the shopper their default address is updated.' };
}
