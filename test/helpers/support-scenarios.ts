import { findTool, type ToolContext } from '../../src/tools/index.ts';
import type { Runtime } from '../../src/main.ts';

/** Calls a registered tool the way the assistant does (schema-parsed input), on a running server's runtime. */
export async function callTool<T = Record<string, unknown>>(runtime: Runtime, name: string, args: Record<string, unknown>, context: Partial<ToolContext> = {}): Promise<T> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  const output = await tool.execute({ services: runtime, channel: 'chat', actor: { kind: 'assistant', id: 'demo-shopper' }, ...context }, tool.input.parse(args));
  return output as T;
}

/**
 * On the demo merchant: Daniel Okafor returns a $289 sleeping bag from order NW-10213. The refund
 * is over the $250 approval threshold in policy.yaml, so it is held and escalated.
 */
export async function holdDemoRefund(runtime: Runtime, context: Partial<ToolContext> = {}): Promise<{ escalation_id: string; held_action_id: string }> {
  const { customer_token } = await callTool<{ customer_token: string }>(runtime, 'verify_customer', { email: 'daniel.okafor@example.com', order_number: 'NW-10213' }, context);
  const order = await runtime.orders.getOrder('NW-10213');
  const held = await callTool<{ status: string; escalation_id: string; held_action_id: string }>(runtime, 'return_items', {
    customer_token, order_number: 'NW-10213', item_ids: [order!.line_items[0]!.id], payment_method_id: order!.payments[0]!.method_id, confirm: true,
  }, context);
  if (held.status !== 'held') throw new Error(`expected a held refund, got ${held.status}`);
  return held;
}
