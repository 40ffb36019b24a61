import type { HeldAction } from '../../escalations/index.ts';
import type { ActionKind } from '../../orders/index.ts';
import { conflict, notFound, ShopkeeperError, stableHash, withTxParticipant, type AuditActor } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import { runOrderAction, type ActionOutcome } from './run-action.ts';

export interface Decider {
  actor: AuditActor;
  channel: string;
}

const decided = (id: string, status: string) => conflict(`Held action ${id} is ${status}, not pending.`, { field: 'id', fix: 'Reload the held action; someone else already decided it.' });

/**
 * A support agent approves a held action (the console calls this). The stored input is executed
 * with the hold rules lifted and must reproduce the amounts the shopper was shown. The held
 * action becomes "executed" (and its escalation resolved) in the very transaction that changes
 * the order, so a crash leaves it either untouched and pending or executed, never half-way; of
 * two agents approving at once, the order lock lets one execute and the other is refused.
 */
export async function approveHeldAction(services: Services, heldId: string, decider: Decider): Promise<ActionOutcome> {
  const who = () => ({ actor: decider.actor, channel: decider.channel, now: services.clock.now() });
  const held = await services.escalations.getHeld(heldId);
  if (!held) throw notFound(`Held action ${heldId} not found.`, { field: 'id' });
  if (held.status !== 'pending') throw decided(heldId, held.status);
  const preview = held.preview as unknown as ActionOutcome;
  // The shopper's token has long expired; the approval itself authorises acting for them.
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const token = services.customerTokens.sign({ sub: held.customer_id, iat: now, exp: now + 300, purpose: 'approval' });
  const input = { ...held.input, customer_token: token, order_number: String(held.input.order_number) };
  try {
    const previewOnly = await runOrderAction(services, decider, held.kind as ActionKind, input, { approved: true });
    if (stableHash(previewOnly.amounts) !== stableHash(preview.amounts)) {
      throw new ShopkeeperError('conflict', `The order changed since the shopper confirmed: the amounts are now ${JSON.stringify(previewOnly.amounts)}, not ${JSON.stringify(preview.amounts)}.`, { fix: 'Deny this request and ask the shopper to start again.' });
    }
    const outcome = await withTxParticipant({
      async onFinalWrite(written, tx) {
        const { replayed, result } = written as { replayed: boolean; result: ActionOutcome };
        if (replayed) throw decided(heldId, 'executed');
        await services.escalations.transitionHeldIn(tx, heldId, 'pending', 'executed', who(), { summary: result.summary, amounts: result.amounts });
        if (held.escalation_id) await services.escalations.setStatusIn(tx, held.escalation_id, 'resolved', who());
      },
    }, () => runOrderAction(services, decider, held.kind as ActionKind, { ...input, confirm: true }, { approved: true, keyOverride: `held:${held.id}` }));
    // Executed by a version that committed the change before the decision: record the decision now.
    if (outcome.replayed) await finishInterrupted(services, held, outcome, who());
    return outcome;
  } catch (error) {
    // A refusal (policy, changed amounts) ends the request; an outage leaves it pending to approve again.
    if (ShopkeeperError.isInstance(error)) {
      await services.escalations.transitionHeld(heldId, 'pending', 'failed', who(), { error: error.message }).catch(() => undefined);
    }
    throw error;
  }
}

async function finishInterrupted(services: Services, held: HeldAction, outcome: ActionOutcome, who: { actor: AuditActor; channel: string; now: Date }): Promise<void> {
  await services.escalations.transitionHeld(held.id, held.status, 'executed', who, { summary: outcome.summary, amounts: outcome.amounts });
  if (held.escalation_id) await services.escalations.setStatus(held.escalation_id, 'resolved', who);
}

/**
 * Held actions left "approved" by an earlier version killed mid-approval (it committed the decision
 * before executing). Run at start and by the sweep: the order change under the approval's key
 * either exists (marked executed now) or never happened (failed, nothing changed on the order).
 */
export async function finishApprovedHeldActions(services: Services, olderThanMs = 5 * 60_000): Promise<number> {
  const who = { actor: { kind: 'system', id: 'held-action-sweep' } as AuditActor, channel: 'system', now: services.clock.now() };
  let finished = 0;
  for (const held of await services.escalations.listHeld({ status: 'approved' })) {
    if (!held.decided_at || who.now.getTime() - Date.parse(held.decided_at) < olderThanMs) continue;
    const args = { ...held.input, order_number: String(held.input.order_number) };
    try {
      const applied = await services.orderActions.previous<ActionOutcome>(`held:${held.id}`, stableHash({ action: held.kind, args }));
      if (applied) await finishInterrupted(services, held, applied, who);
      else await services.escalations.transitionHeld(held.id, 'approved', 'failed', who, { error: 'The approval was interrupted before it executed; nothing changed on the order.' });
      finished++;
    } catch (error) {
      if (!ShopkeeperError.isInstance(error)) throw error;
    }
  }
  return finished;
}

/** A support agent refuses a held action: nothing changes on the order; the escalation is resolved. */
export async function denyHeldAction(services: Services, heldId: string, decider: Decider, note?: string): Promise<void> {
  const who = () => ({ actor: decider.actor, channel: decider.channel, now: services.clock.now() });
  const held = await services.escalations.transitionHeld(heldId, 'pending', 'denied', who(), { note: note ?? null });
  if (held.escalation_id) await services.escalations.setStatus(held.escalation_id, 'resolved', who());
}
