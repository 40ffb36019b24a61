import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

/** Ready-made starts for hosts that show prompts as commands (e.g. slash commands in desktop apps). */
export function registerPrompts(server: McpServer, merchantName: string): void {
  const user = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] });
  server.registerPrompt('find_product', {
    title: `Shop at ${merchantName}`,
    description: 'Find a product within a budget and start a checkout.',
    argsSchema: z.object({ need: z.string().describe('What you are looking for, e.g. "a waterproof daypack under $150"') }),
  }, ({ need }) => user(`I'm shopping at ${merchantName}: ${need}. Use search_products (respect any budget), answer product questions from get_product or search_help with citations, and offer create_checkout when I pick one.`));
  server.registerPrompt('order_help', {
    title: `Help with a ${merchantName} order`,
    description: 'Check an order, or cancel, return or exchange it under the store policy.',
    argsSchema: z.object({ email: z.string().describe('The email on the order'), order_number: z.string().describe('The order number, e.g. NW-10187') }),
  }, ({ email, order_number }) => user(`Please help me with order ${order_number} (email ${email}). Verify me with verify_customer first, show the order, and preview any change before doing it.`));
}
