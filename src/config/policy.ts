import { z } from 'zod';

const days = z.number().int().min(0).max(3650);
const statuses = z.array(z.enum(['pending', 'processing', 'shipped', 'delivered']));
const windows = z.record(z.string(), days);

export const policySchema = z.strictObject({
  regions: z.array(z.strictObject({
    id: z.string().min(1),
    countries: z.array(z.string().regex(/^[A-Z]{2}$|^\*$/, 'use a 2-letter ISO country code or "*"')).min(1),
  })).min(1),
  returns: z.strictObject({
    window_days: windows,
    final_sale_tags: z.array(z.string()).default([]),
    refund_destinations: z.array(z.enum(['original_payment', 'store_credit'])).min(1),
    return_label_fee: z.number().int().min(0).default(0),
    free_label_for_store_credit: z.boolean().default(false),
    outside_window: z.enum(['hold', 'refuse']).default('refuse'),
    article: z.string().min(1),
    /** Article cited when a final-sale item is refused (defaults to `article`). */
    final_sale_article: z.string().min(1).optional(),
  }),
  exchanges: z.strictObject({
    window_days: windows,
    same_product_only: z.boolean().default(true),
    article: z.string().min(1),
  }),
  cancellation: z.strictObject({
    allowed_statuses: statuses.min(1),
    reasons: z.array(z.string().min(1)).min(1),
    article: z.string().min(1),
  }),
  modification: z.strictObject({
    address_statuses: statuses,
    items_statuses: statuses,
    /** A pending order's new shipping address must stay in the original country (rates and tax differ). */
    address_same_country: z.boolean().default(false),
    article: z.string().min(1),
  }),
  approval: z.strictObject({
    refund_over: z.number().int().min(0),
    article: z.string().min(1),
  }),
  escalation: z.strictObject({
    always_escalate_topics: z.array(z.string()).default([]),
  }).default({ always_escalate_topics: [] }),
}).superRefine((policy, context) => {
  const regionIds = new Set(policy.regions.map((region) => region.id));
  for (const section of ['returns', 'exchanges'] as const) {
    for (const id of regionIds) {
      if (!(id in policy[section].window_days)) {
        context.addIssue({ code: 'custom', path: [section, 'window_days'], message: `no window for region "${id}"; add ${id}: <days>` });
      }
    }
  }
});

export type Policy = z.output<typeof policySchema>;

/** The policy region of a country: the first region that lists it, else the "*" region. */
export function regionOf(policy: Policy, country: string): string {
  const upper = country.toUpperCase();
  return (policy.regions.find((region) => region.countries.includes(upper))
    ?? policy.regions.find((region) => region.countries.includes('*'))
    ?? policy.regions[0]!).id;
}
