import { describe, expect, it } from 'vitest';
import { describeTool, findTool, TOOLS } from '../../../src/tools/index.ts';

const SUPPORT = ['verify_customer', 'get_customer', 'list_orders', 'get_order', 'cancel_order', 'modify_order_address', 'modify_order_payment', 'modify_order_items', 'update_default_address', 'return_items', 'exchange_items', 'escalate_to_human'];
const WRITES = ['cancel_order', 'modify_order_address', 'modify_order_payment', 'modify_order_items', 'update_default_address', 'return_items', 'exchange_items'];

describe('support tools in the registry', () => {
  it('registers every support tool once', () => {
    for (const name of SUPPORT) expect(TOOLS.filter((tool) => tool.name === name), name).toHaveLength(1);
  });

  it('marks reads read-only and writes destructive, idempotent and confirm-gated', () => {
    for (const name of ['get_customer', 'list_orders', 'get_order']) expect(findTool(name)!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    for (const name of WRITES) {
      const tool = findTool(name)!;
      expect(tool.annotations, name).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
      expect(tool.input.parse({ customer_token: 'x'.repeat(20), order_number: 'NW-1', reason: 'x', item_ids: ['a'], new_item_ids: ['b'], payment_method_id: 'p', address: { name: 'n', line1: 'l', city: 'c', country: 'US' } }).confirm, name).toBe(false);
      expect(describeTool(tool), name).toMatch(/- confirm \(optional\): false \(default\) previews/);
    }
  });

  it('requires a customer token for everything but verification and hand-off', () => {
    for (const name of SUPPORT.filter((name) => name !== 'verify_customer' && name !== 'escalate_to_human')) {
      expect(findTool(name)!.input.safeParse({ order_number: 'NW-1' }).success, name).toBe(false);
    }
  });
});
