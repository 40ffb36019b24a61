import type { Product } from '../../src/catalog/index.ts';
import { merchantSchema } from '../../src/config/index.ts';

/** Shared by the race contract tests and their worker (race-worker.ts). */
export const raceMerchant = merchantSchema.parse({
  name: 'Race Outfitters', url: 'https://shop.example', currency: 'USD', locales: ['en'], support: { email: 'help@shop.example' },
  shipping: { zones: [{ id: 'us', countries: ['US'], rates: [{ id: 'standard', title: 'Standard', price: 695, min_days: 3, max_days: 6 }] }] },
  tax: [{ region: 'US-VT', rate_bps: 600 }],
});

export const VT = { name: 'A B', line_one: '1 Main St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };

export const tent = (stock: number): Product => ({
  id: 'tent', title: 'Tent', description_html: '', vendor: 'V', product_type: 'Tent', category: null, tags: [], status: 'active', is_gift_card: false,
  options: [], images: [], url: null,
  variants: [{ id: 'tent-1', sku: 'TENT-1', title: 'Default Title', options: {}, price: 10000, compare_at_price: null, inventory: stock,
    inventory_policy: 'deny', weight_grams: 1000, barcode: null, image: null, requires_shipping: true, taxable: true }],
});
