import { z } from 'zod';

const minor = z.number().int().min(0);
const country = z.string().regex(/^[A-Z]{2}$|^\*$/, 'use a 2-letter ISO country code such as US, or "*"');

const shippingRate = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  price: minor,
  free_over: minor.optional(),
  min_days: z.number().int().min(0),
  max_days: z.number().int().min(0),
});

export const merchantSchema = z.strictObject({
  name: z.string().min(1),
  url: z.string().url(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'use a 3-letter ISO currency code such as USD'),
  locales: z.array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a locale such as en or fr-CA')).min(1),
  support: z.strictObject({
    email: z.string().email(),
    phone: z.string().optional(),
    hours: z.string().optional(),
  }),
  links: z.record(z.string(), z.string().url()).default({}),
  shipping: z.strictObject({
    zones: z.array(z.strictObject({ id: z.string().min(1), countries: z.array(country).min(1), rates: z.array(shippingRate).min(1) })).min(1),
    // The address is what ACP shows as the pickup location; pickup is offered only when it is set.
    pickup: shippingRate.omit({ free_over: true }).extend({
      address: z.strictObject({ name: z.string().min(1), line_one: z.string().min(1), line_two: z.string().optional(), city: z.string().min(1), state: z.string(), country: z.string().regex(/^[A-Z]{2}$/), postal_code: z.string() }).optional(),
    }).optional(),
  }),
  tax: z.array(z.strictObject({
    region: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'use a country (US) or country-region (US-VT)'),
    rate_bps: z.number().int().min(0).max(10_000),
  })).default([]),
  discounts: z.array(z.strictObject({
    code: z.string().min(1),
    type: z.enum(['percent', 'fixed']),
    value: z.number().int().positive(),
    min_subtotal: minor.optional(),
    description: z.string().optional(),
    /** Orders that may use the code in all; checked and counted when an order is paid. */
    max_uses: z.number().int().positive().optional(),
    /** One order per shopper (by email). */
    once_per_customer: z.boolean().default(false),
    /** Only for a shopper (by email) with no earlier order; also once per shopper. */
    first_order_only: z.boolean().default(false),
  })).default([]),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Confidence under which help answers say "no confident answer"; `shopkeeper calibrate` measures it for this help center. */
  answer_threshold: z.number().min(0).max(1).optional(),
});

export type MerchantProfile = z.output<typeof merchantSchema>;
