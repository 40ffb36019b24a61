import type { MerchantProfile } from '../config/index.ts';
import type { Address, FulfillmentOption } from './types.ts';

/** Adds business days (Mon-Fri) to a date: merchant.yaml delivery windows are in business days. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

/**
 * The options for an address, from merchant.yaml: the rates of the zone whose countries include
 * the address country (free over the zone's threshold), plus pickup when the merchant configured
 * one with an address. Without an address nothing can be quoted yet.
 */
export function fulfillmentOptionsFor(merchant: MerchantProfile, address: Address | null, subtotal: number, now: Date, needsShipping: boolean): FulfillmentOption[] {
  if (!address) return [];
  const country = address.country.toUpperCase();
  const zone = merchant.shipping.zones.find((candidate) => candidate.countries.includes(country))
    ?? merchant.shipping.zones.find((candidate) => candidate.countries.includes('*'));
  const options: FulfillmentOption[] = [];
  for (const rate of zone?.rates ?? []) {
    const free = !needsShipping || (rate.free_over !== undefined && subtotal >= rate.free_over);
    options.push({
      type: 'shipping', id: `${zone!.id}-${rate.id}`, title: rate.title, amount: free ? 0 : rate.price, tax: 0,
      ...(free && needsShipping && rate.price > 0 ? { description: 'Free shipping on this order' } : {}),
      earliest_delivery_time: addBusinessDays(now, rate.min_days).toISOString(),
      latest_delivery_time: addBusinessDays(now, rate.max_days).toISOString(),
    });
  }
  const pickup = merchant.shipping.pickup;
  if (pickup?.address) {
    options.push({
      type: 'pickup', id: pickup.id, title: pickup.title, amount: pickup.price, tax: 0,
      earliest_delivery_time: addBusinessDays(now, pickup.min_days).toISOString(),
      latest_delivery_time: addBusinessDays(now, pickup.max_days).toISOString(),
      pickup_location: { name: merchant.name, address: pickup.address },
    });
  }
  return options;
}

/** Tax rate in basis points for an address: the most specific region (US-VT before US). */
export function taxRateFor(merchant: MerchantProfile, address: Address | null): number {
  if (!address) return 0;
  const country = address.country.toUpperCase();
  const region = `${country}-${address.state.toUpperCase()}`;
  return merchant.tax.find((rate) => rate.region === region)?.rate_bps ?? merchant.tax.find((rate) => rate.region === country)?.rate_bps ?? 0;
}
