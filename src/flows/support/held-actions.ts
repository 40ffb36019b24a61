import type { ActionKind } from '../../orders/index.ts';
import { ShopkeeperError, stableHash, type AuditActor } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import { runOrderAction, type ActionOutcome } from './run-action.ts';

export interface Decider {
  actor: AuditActor;
  channel: string;
}

/**
 * A support agent approves a held action (the console calls this). Exactly one approval wins;
 * the stored input is executed with the hold rules lifted, and it must reproduce the amounts the
 * shopper was shown, or nothing changes and the held action is marked failed.
 */
export async function approveHeldAction(services: Services, heldId: string, decider: Decider): Promise<ActionOutcome> {
  const who = () => ({ actor: decider.actor, channel: decider.channel, now: services.clock.now() });
  const held = await services.escalations.transitionHeld(heldId, 'pending', 'approved', who());
  const preview = held.preview as unknown as ActionOutcome;
  // The shopper's token has long expired; the approval itself authorises acting for them.
  const token = services.customerTokens.sign({ sub: held.customer_id, iat: Math.floor(services.clock.now().getTime() / 1000), exp: Math.floor(services.clock.now().getTime() / 1000) + 300, purpose: 'approval' });
  try {
    const previewOnly = await runOrderAction(services, decider, held.kind as ActionKind, { ...held.input, customer_token: token, order_number: String(held.input.order_number) }, { approved: true });
    if (stableHash(previewOnly.amounts) !== stableHash(preview.amounts)) {
      throw new ShopkeeperError('conflict', `The order changed since the shopper confirmed: the amounts are now ${JSON.stringify(previewOnly.amounts)}, not ${JSON.stringify(preview.amounts)}.`, { fix: 'Deny this request and ask the shopper to start again.' });
    }
    const outcome = await runOrderAction(services, decider, held.kind as ActionKind, { ...held.input, customer_token: token, order_number: String(held.input.order_number), confirm: true }, { approved: true, keyOverride: `held:${held.id}` });
    await services.escalations.transitionHeld(heldId, 'approved', 'executed', who(), { summary: outcome.summary, amounts: outcome.amounts });
    if (held.escalation_id) await services.escalations.setStatus(held.escalation_id, 'resolved', who());
    return outcome;
  } catch (error) {
    await services.escalations.transitionHeld(heldId, 'approved', 'failed', who(), { error: (error as Error).message });
    throw error;
  }
}

/** A support agent refuses a held action: nothing changes on the order; the escalation is resolved. */
export async function denyHeldAction(services: Services, heldId: string, decider: Decider, note?: string): Promise<void> {
  const who = () => ({ actor: decider.actor, channel: decider.channel, now: services.clock.now() });
  const held = await services.escalations.transitionHeld(heldId, 'pending', 'denied', who(), { note: note ?? null });
  if (held.escalation_id) await services.escalations.setStatus(held.escalation_id, 'resolved', who());
}
