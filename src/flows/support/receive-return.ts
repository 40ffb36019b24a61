import { notFound } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Decider } from './held-actions.ts';
import { runOrderAction, type ActionOutcome } from './run-action.ts';

/**
 * The warehouse received the parcel of a return or exchange (the console, the CLI or a warehouse
 * hook calls this): the refund or price difference is settled now, once per request whatever the
 * retries. The audit row of the change records who marked it and when.
 */
export async function receiveReturn(services: Services, orderNumber: string, decider: Decider): Promise<ActionOutcome> {
  const order = await services.orders.getOrder(orderNumber);
  if (!order) throw notFound(`Order ${orderNumber} not found.`, { field: 'order_number' });
  const now = Math.floor(services.clock.now().getTime() / 1000);
  // The parcel itself is the proof: the decider acts for the customer with a short-lived token.
  const token = services.customerTokens.sign({ sub: order.customer_id, iat: now, exp: now + 300, purpose: 'receive' });
  return runOrderAction(services, decider, 'receive_return', { customer_token: token, order_number: order.number, confirm: true }, { keyOverride: `receive:${order.number}` });
}

/** The same, by the RMA printed on the parcel (RMA-<order number>), or by the order number. */
export async function receiveReturnByRma(services: Services, rma: string, decider: Decider): Promise<ActionOutcome> {
  const wanted = rma.trim().toUpperCase();
  const number = wanted.startsWith('RMA-') ? wanted.slice(4) : wanted;
  const order = number ? await services.orders.getOrder(number) : null;
  if (!order?.request || (order.request.rma.toUpperCase() !== wanted && order.number.toUpperCase() !== wanted)) {
    throw notFound(`No return or exchange is waiting under ${rma}.`, { field: 'rma', fix: 'Use the RMA printed on the parcel label (RMA-<order number>).' });
  }
  return receiveReturn(services, order.number, decider);
}
