import { z } from 'zod';
import { defineTool, READ_ONLY } from './tool.ts';

const passage = z.object({
  title: z.string(),
  url: z.string().describe('Link to the exact section (with #anchor); cite it'),
  section: z.string(),
  locale: z.string(),
  updated: z.string().nullable(),
  snippet: z.string().describe('Excerpt with matching words in **bold**'),
  score: z.number(),
});

export const searchHelp = defineTool({
  name: 'search_help',
  title: 'Search the help center',
  description: 'Find the merchant\'s help-center passages (policies, shipping, returns, care, product facts) that answer a shopper\'s question, with a citation link for each. Answer only from these passages and cite them; when `answerable` is false the help center does not cover the question: say so and offer a human instead of guessing. When `conflicts` is not empty, the newer article applies.',
  input: z.object({
    query: z.string().min(1).max(500).describe('The shopper\'s question in their own words, e.g. "can I send it back?"'),
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).optional().describe('Shopper language, e.g. "fr"; other languages are used only as a fallback'),
    limit: z.number().int().min(1).max(10).default(3),
  }),
  output: z.object({
    answerable: z.boolean(),
    confidence: z.number(),
    passages: z.array(passage),
    conflicts: z.array(z.object({ kept: z.string(), superseded: z.string(), reason: z.string() })),
  }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const result = await services.knowledge.searchHelp(input.query, { limit: input.limit, ...(input.locale ? { locale: input.locale } : {}) });
    return {
      answerable: result.answerable,
      confidence: result.confidence,
      passages: result.results.map(({ title, url, section, locale, updated, snippet, score }) => ({ title, url, section, locale, updated, snippet, score })),
      conflicts: result.conflicts.map((conflict) => ({ kept: conflict.kept.url, superseded: conflict.superseded.url, reason: conflict.reason })),
    };
  },
  summarize: (output) => !output.answerable ? 'The help center does not answer this confidently.'
    : `Top passage: ${output.passages[0]?.title} (${output.passages[0]?.url}).`,
});
