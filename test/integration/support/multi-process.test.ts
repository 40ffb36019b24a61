import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/paths.ts';
import { SUPPORT_SHOP, startSupport, type SupportHarness } from '../../helpers/support.ts';

let shop: SupportHarness;
let token: string;
beforeAll(async () => {
  shop = await startSupport();
  token = await shop.token();
});
afterAll(() => shop.stop());

function worker(tool: string, args: Record<string, unknown>, count: number, id: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/storm-worker.ts'), SUPPORT_SHOP, shop.dataDir, tool, JSON.stringify(args), String(count), String(id)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker ${id} exited ${code}: ${err}`))));
  });
}

describe('parallel requests from separate processes sharing one database', () => {
  it('2 processes x 25 cancellations of one order: exactly one cancellation and one set of refunds', async () => {
    const args = { customer_token: token, order_number: 'NW-1009', reason: 'no longer needed', confirm: true, idempotency_key: 'proc-cancel-{i}' };
    const results = (await Promise.all([0, 1].map((id) => worker('cancel_order', args, 25, id)))).flat();
    expect(results).toHaveLength(50);
    expect(results.filter((result) => result === 'done')).toHaveLength(1);
    expect(results.filter((result) => result === 'policy_violation')).toHaveLength(49);
    const order = (await shop.runtime.orders.getOrder('NW-1009'))!;
    expect(order.payments.map((entry) => `${entry.kind} ${entry.method_id} ${entry.amount}`)).toEqual(['charge gift_ana 1000', 'charge card_ana 4000', 'refund gift_ana 1000', 'refund card_ana 4000']);
    expect((await shop.runtime.orders.getCustomer('cus_ana'))!.payment_methods.find((method) => method.id === 'gift_ana')!.balance).toBe(6000);
    expect(await shop.runtime.orderActions.settlements('NW-1009')).toEqual([expect.objectContaining({ status: 'succeeded', amount: 4000 })]);
  }, 60_000);
});
