import { z } from 'zod';

export const articleMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/i, 'use letters, digits and dashes, like returns-and-refunds'),
  title: z.string().min(1),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a locale such as en or fr'),
  section: z.string().min(1).default('General'),
  // Rendered as a citation link: javascript:, data: or vbscript: there would run in the shopper's page.
  url: z.string().url().refine((value) => /^https?:$/.test(new URL(value).protocol), 'use an http:// or https:// address: other schemes (javascript:, data:…) are not linked'),
  updated: z.coerce.date().transform((date) => date.toISOString().slice(0, 10)),
});

/** A help-center article as imported; chunks and indexes are derived from it. */
export interface HelpArticle extends z.output<typeof articleMetaSchema> {
  /** Article body as Markdown (HTML sources are converted). */
  body: string;
  source: string;
  content_hash: string;
}
