import { ShopkeeperError } from '../../platform/index.ts';
import type { LineItem, Order } from '../types.ts';
import type { VariantFacts } from './types.ts';

/** One unit of a line item, named by the id the shopper used. */
export interface PickedUnit {
  item_id: string;
  line: LineItem;
}

/**
 * Resolves item ids to units of the order. An id is a line item id or a SKU and names one unit,
 * so a line of quantity 2 can be named twice (duplicates are allowed only as far as the order has them).
 */
export function pickUnits(order: Order, itemIds: readonly string[], field = 'item_ids'): PickedUnit[] {
  if (itemIds.length === 0) throw new ShopkeeperError('invalid_input', 'Name at least one item.', { field, fix: 'Pass the item ids (or SKUs) from get_order.' });
  const left = new Map(order.line_items.map((line) => [line.id, line.quantity]));
  return itemIds.map((itemId, index) => {
    const wanted = itemId.trim();
    const line = order.line_items.find((candidate) => candidate.id === wanted && (left.get(candidate.id) ?? 0) > 0)
      ?? order.line_items.find((candidate) => candidate.sku.toUpperCase() === wanted.toUpperCase() && (left.get(candidate.id) ?? 0) > 0);
    if (!line) {
      throw new ShopkeeperError('invalid_input', `Item ${wanted} is not in order ${order.number}${order.line_items.some((candidate) => candidate.id === wanted || candidate.sku === wanted) ? ' as many times as requested' : ''}.`, {
        field: `${field}.${index}`, fix: 'Use the item ids from get_order; name an item twice only if the order has two of it.',
      });
    }
    left.set(line.id, left.get(line.id)! - 1);
    return { item_id: wanted, line };
  });
}

/**
 * Swaps each picked unit for its new variant, each at its own new price and options. A unit taken
 * from a multi-unit line becomes its own line so the other units keep what they were bought as.
 */
export function replaceUnits(order: Order, swaps: ReadonlyArray<{ unit: PickedUnit; variant: VariantFacts }>): LineItem[] {
  const lines = order.line_items.map((line) => ({ ...line }));
  let added = 0;
  for (const { unit, variant } of swaps) {
    const line = lines.find((candidate) => candidate.id === unit.line.id)!;
    const swapped = { sku: variant.sku, title: variant.title, variant_title: variant.variant_title, options: variant.options, unit_price: variant.price, tags: variant.tags };
    if (line.quantity === 1) Object.assign(line, swapped);
    else {
      line.quantity--;
      added++;
      lines.push({ ...line, ...swapped, id: `${line.id}-${added}`, quantity: 1 });
    }
  }
  return lines;
}

/** Checks a replacement variant: same product, a different variant, in stock. */
export function checkReplacement(unit: PickedUnit, newSku: string, variants: ReadonlyMap<string, VariantFacts>, rules: { article: string; sameProductRule: string; field: string; sameProductOnly?: boolean }): VariantFacts {
  const variant = variants.get(newSku.trim().toUpperCase()) ?? variants.get(newSku.trim());
  if (!variant) throw new ShopkeeperError('invalid_input', `Variant ${newSku} does not exist.`, { field: rules.field, fix: 'Use a variant id from the product (search_products lists them).' });
  if ((rules.sameProductOnly ?? true) && variant.product_id !== unit.line.product_id) {
    throw new ShopkeeperError('policy_violation', `${variant.sku} is a different product than ${unit.line.title}; only another size or color of the same product can replace it.`, {
      rule: rules.sameProductRule, article: rules.article, field: rules.field, fix: 'Pick a variant of the same product, or return the item and order the other product.',
    });
  }
  if (variant.sku === unit.line.sku) {
    throw new ShopkeeperError('invalid_input', `${variant.sku} is the variant already in the order.`, { field: rules.field, fix: 'Pick a variant with different options.' });
  }
  if (!variant.available) {
    throw new ShopkeeperError('policy_violation', `${variant.title} (${variant.variant_title || variant.sku}) is out of stock.`, {
      rule: 'inventory.available', article: rules.article, field: rules.field, fix: 'Pick another variant that is in stock.',
    });
  }
  return variant;
}
