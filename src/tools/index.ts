import { getProduct } from './get-product.ts';
import { searchProducts } from './search-products.ts';
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
] as unknown as readonly ToolDefinition[];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOLS.find((tool) => tool.name === name);
}
