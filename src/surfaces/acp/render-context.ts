import type { Services } from '../../flows/index.ts';

export interface RenderContext {
  services: Services;
  /** This server's public origin, without a trailing slash. */
  baseUrl: string;
}

export function baseUrlOf(services: Services): string {
  return services.baseUrl();
}

export const DISPLAY: Record<string, string> = {
  items_base_amount: 'Item(s) total', items_discount: 'Discount', subtotal: 'Subtotal', discount: 'Order discount',
  fulfillment: 'Shipping', tax: 'Tax', total: 'Total',
};

export function isUri(value: string | null | undefined): value is string {
  return typeof value === 'string' && URL.canParse(value) && /^https?:|^mailto:/.test(value);
}
