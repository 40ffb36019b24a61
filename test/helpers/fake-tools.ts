/**
 * Stand-ins for tools other issues are building (search_help, verify_customer, get_order,
 * cancel_order, return_items, escalate_to_human, create_checkout). Registered only in tests, and
 * only while the real tools have not landed on main; they follow the names and the
 * preview-then-confirm contract described in those issues.
 */
import { z } from 'zod';
import { READ_ONLY, defineTool, type ToolDefinition } from '../../src/tools/index.ts';

const WRITE = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false };
const loose = z.object({}).passthrough();
const words = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((word) => word.length > 3);

export function fakeTools(): ToolDefinition[] {
  const tokens = new Map<string, string>();
  const owned = async (services: Parameters<ToolDefinition['execute']>[0]['services'], token: string, number: string) => {
    const order = await services.orders.getOrder(number);
    return order && tokens.get(token) === order.customer_id ? order : null;
  };
  const tools = [
    defineTool({
      name: 'search_help', title: 'Search help', description: 'Fake help search', annotations: READ_ONLY, output: loose,
      input: z.object({ query: z.string(), locale: z.string().optional(), limit: z.number().optional() }),
      async execute({ services }, input) {
        const wanted = new Set(words(input.query));
        const scored = (await services.articles.list()).filter((article) => !input.locale || article.locale === input.locale)
          .map((article) => ({ article, score: words(`${article.title} ${article.title} ${article.body}`).filter((word) => wanted.has(word)).length }))
          .filter((item) => item.score >= 2).sort((a, b) => b.score - a.score).slice(0, 3);
        return { answerable: scored.length > 0, passages: scored.map(({ article, score }) => ({ title: article.title, url: article.url, snippet: article.body.slice(0, 1500), score })) };
      },
    }),
    defineTool({
      name: 'verify_customer', title: 'Verify', description: 'Fake verification', annotations: READ_ONLY, output: loose,
      input: z.object({ email: z.string().optional(), order_number: z.string().optional() }),
      async execute({ services }, input) {
        const customer = input.email ? await services.orders.findCustomerByEmail(input.email) : null;
        const order = input.order_number ? await services.orders.getOrder(input.order_number) : null;
        if (!customer || !order || order.customer_id !== customer.id) return { verified: false };
        const token = `tok_${customer.id}_${tokens.size}`;
        tokens.set(token, customer.id);
        return { verified: true, customer_token: token };
      },
    }),
    defineTool({
      name: 'get_order', title: 'Get order', description: 'Fake order lookup', annotations: READ_ONLY, output: loose,
      input: z.object({ customer_token: z.string(), order_number: z.string() }),
      async execute({ services }, input) {
        const order = await owned(services, input.customer_token, input.order_number);
        if (!order) throw Object.assign(new Error('not found'), {});
        return { order };
      },
    }),
    defineTool({
      name: 'cancel_order', title: 'Cancel order', description: 'Fake cancel', annotations: WRITE, output: loose,
      input: z.object({ customer_token: z.string(), order_number: z.string(), reason: z.string(), confirm: z.boolean().optional() }),
      async execute({ services }, input) {
        const order = await owned(services, input.customer_token, input.order_number);
        if (!order) return { status: 'refused', summary: 'Order not found.' };
        if (order.status !== 'pending') return { status: 'refused', allowed: false, reason: `Order ${order.number} is ${order.status}; only pending orders can be cancelled.` };
        if (!input.confirm) return { status: 'preview', summary: `Cancel order ${order.number} and refund the full amount.`, details: [] };
        await services.orders.upsertOrders([{ ...order, status: 'cancelled' } as never]);
        return { status: 'cancelled', summary: `Order ${order.number} is cancelled.` };
      },
    }),
    defineTool({
      name: 'escalate_to_human', title: 'Escalate', description: 'Fake escalation', annotations: WRITE, output: loose,
      input: z.object({ summary: z.string(), conversation_id: z.string().optional(), customer_token: z.string().optional(), order_number: z.string().optional(), confirm: z.boolean().optional() }),
      async execute() { return { escalation: { id: 'esc_test_1', status: 'open' } }; },
    }),
  ];
  return tools as unknown as ToolDefinition[];
}
