import { cancelOrderTool } from './cancel-order.ts';
import { escalateToHumanTool } from './escalate-to-human.ts';
import { exchangeItemsTool } from './exchange-items.ts';
import { getCustomerTool } from './get-customer.ts';
import { getOrderTool } from './get-order.ts';
import { cancelCheckout } from './cancel-checkout.ts';
import { completeCheckout } from './complete-checkout.ts';
import { createCheckout } from './create-checkout.ts';
import { getCheckout } from './get-checkout.ts';
import { getProduct } from './get-product.ts';
import { searchHelp } from './search-help.ts';
import { fetchStandard, searchStandard } from './search-fetch.ts';
import { listOrdersTool } from './list-orders.ts';
import { modifyOrderAddressTool } from './modify-order-address.ts';
import { modifyOrderItemsTool } from './modify-order-items.ts';
import { modifyOrderPaymentTool } from './modify-order-payment.ts';
import { returnItemsTool } from './return-items.ts';
import { searchProducts } from './search-products.ts';
import { updateDefaultAddressTool } from './update-default-address.ts';
import { verifyCustomerTool } from './verify-customer.ts';
import { updateCheckout } from './update-checkout.ts';
import type { ToolDefinition } from './tool.ts';

export { defineTool, describeTool, READ_ONLY } from './tool.ts';
export type { ToolContext, ToolDefinition, ToolAnnotations } from './tool.ts';

/**
 * THE registry: every agent tool, in the order assistants should read them. The MCP server, the
 * chat engine and the tests iterate over this list; add a tool by adding its file here.
 */
export const TOOLS: readonly ToolDefinition[] = [
  searchProducts,
  getProduct,
  searchHelp,
  searchStandard,
  fetchStandard,
  // Post-sale support (issue 4): verify first, then read, then act.
  verifyCustomerTool,
  getCustomerTool,
  listOrdersTool,
  getOrderTool,
  cancelOrderTool,
  modifyOrderAddressTool,
  modifyOrderPaymentTool,
  modifyOrderItemsTool,
  updateDefaultAddressTool,
  returnItemsTool,
  exchangeItemsTool,
  escalateToHumanTool,
  createCheckout,
  updateCheckout,
  getCheckout,
  completeCheckout,
  cancelCheckout,
] as unknown as readonly ToolDefinition[];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOLS.find((tool) => tool.name === name);
}
