import type { MerchantProfile } from '../config/index.ts';
import { applyBasisPoints } from '../platform/index.ts';
import { fulfillmentOptionsFor, taxRateFor } from './fulfillment.ts';
import type { Address, AppliedDiscount, FulfillmentOption, ItemFacts, Message, RejectedDiscount, SessionLine, Totals } from './types.ts';

export interface PricingInput {
  lines: Array<{ item: ItemFacts; quantity: number }>;
  address: Address | null;
  selected_option_id: string | null;
  codes: string[];
  now: Date;
}

export interface Priced {
  line_items: SessionLine[];
  fulfillment_options: FulfillmentOption[];
  selected_option_id: string | null;
  applied: AppliedDiscount[];
  rejected: RejectedDiscount[];
  totals: Totals;
  messages: Message[];
}

/** Splits `amount` over `weights` proportionally; the remainder cents go to the largest weights first. */
export function allocate(amount: number, weights: number[]): number[] {
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Math.floor((amount * weight) / sum));
  let left = amount - shares.reduce((total, share) => total + share, 0);
  const order = weights.map((weight, index) => ({ weight, index })).sort((a, b) => b.weight - a.weight);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) shares[order[i]!.index]! += 1;
  return shares;
}

/** One code applies per session (merchant.yaml has no stacking rules); others are rejected, never silently dropped. */
function discounts(merchant: MerchantProfile, codes: string[], base: number[]): { applied: AppliedDiscount[]; rejected: RejectedDiscount[] } {
  const applied: AppliedDiscount[] = [];
  const rejected: RejectedDiscount[] = [];
  const itemsBase = base.reduce((total, amount) => total + amount, 0);
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    const rule = merchant.discounts.find((candidate) => candidate.code.toUpperCase() === code);
    if (!rule) {
      rejected.push({ code: raw, reason: 'discount_code_invalid', message: `The code ${raw} is not valid.` });
    } else if (applied.length > 0) {
      rejected.push({ code: raw, reason: 'discount_code_combination_disallowed', message: `Only one discount code applies per order; ${applied[0]!.code} is already applied.` });
    } else if (rule.min_subtotal !== undefined && itemsBase < rule.min_subtotal) {
      rejected.push({ code: raw, reason: 'discount_code_minimum_not_met', message: `${rule.code} needs an order of at least ${rule.min_subtotal} (minor units) before discounts.` });
    } else {
      const amount = Math.min(itemsBase, rule.type === 'percent' ? applyBasisPoints(itemsBase, rule.value * 100) : rule.value);
      applied.push({ code: rule.code, kind: rule.type, value: rule.value, amount, description: rule.description, allocations: allocate(amount, base) });
    }
  }
  return { applied, rejected };
}

/**
 * Prices a cart with ACP's arithmetic: subtotal = items_base_amount - items_discount, total =
 * subtotal + fulfillment + tax. Discounts are spread over lines so every line's numbers add up
 * (the 2025 line item carries its own discount and tax); tax is per line, then on fulfillment.
 */
export function priceCart(merchant: MerchantProfile, input: PricingInput): Priced {
  const base = input.lines.map(({ item, quantity }) => item.unit_amount * quantity);
  const { applied, rejected } = discounts(merchant, input.codes, base);
  const lineDiscount = base.map((_amount, index) => applied.reduce((total, discount) => total + (discount.allocations[index] ?? 0), 0));
  const rate = taxRateFor(merchant, input.address);
  const line_items: SessionLine[] = input.lines.map(({ item, quantity }, index) => {
    const subtotal = base[index]! - lineDiscount[index]!;
    const tax = item.taxable ? applyBasisPoints(subtotal, rate) : 0;
    const availability = item.available === null ? 'backorder' : item.available <= 0 ? 'out_of_stock' : item.available <= 3 ? 'low_stock' : 'in_stock';
    return { id: `li_${index + 1}_${item.id}`, item, quantity, base_amount: base[index]!, discount: lineDiscount[index]!, subtotal, tax, total: subtotal + tax, availability };
  });
  const itemsBase = base.reduce((total, amount) => total + amount, 0);
  const itemsDiscount = lineDiscount.reduce((total, amount) => total + amount, 0);
  const subtotal = itemsBase - itemsDiscount;
  const needsShipping = input.lines.some(({ item }) => item.requires_shipping);
  const fulfillment_options = fulfillmentOptionsFor(merchant, input.address, subtotal, input.now, needsShipping)
    .map((option) => ({ ...option, tax: applyBasisPoints(option.amount, rate) }));
  // Once an address is known the cheapest option is selected by default (OpenAI's launch guidance).
  let selected = fulfillment_options.find((option) => option.id === input.selected_option_id) ?? null;
  const messages: Message[] = [];
  if (input.selected_option_id && !selected && fulfillment_options.length > 0) {
    messages.push({ type: 'error', code: 'invalid', param: '$.selected_fulfillment_options[0].option_id', content: `Fulfillment option ${input.selected_option_id} is not offered for this address.` });
  }
  // Where no zone ships, pickup is never chosen for the buyer: it would make a far-away order payable at $0 shipping.
  const shipsHere = !needsShipping || fulfillment_options.some((option) => option.type === 'shipping');
  if (!selected && shipsHere && fulfillment_options.length > 0) selected = [...fulfillment_options].sort((a, b) => a.amount - b.amount)[0]!;
  const fulfillment = selected?.amount ?? 0;
  const tax = line_items.reduce((total, line) => total + line.tax, 0) + (selected?.tax ?? 0);
  return {
    line_items, fulfillment_options, selected_option_id: selected?.id ?? null, applied, rejected, messages,
    totals: { items_base_amount: itemsBase, items_discount: itemsDiscount, subtotal, fulfillment, tax, total: subtotal + fulfillment + tax },
  };
}
