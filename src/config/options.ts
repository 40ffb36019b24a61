import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every setting Shopkeeper reads, with the env var and CLI flag that set it. The README's
 * configuration table is printed from this list (`npx shopkeeper config --markdown`), so the two
 * cannot drift.
 */
export interface OptionSpec {
  key: string;
  env: string;
  flag?: string;
  description: string;
  default?: string;
  secret?: boolean;
  schema: z.ZodType;
}

const portMessage = 'must be a whole number from 0 to 65535';
const port = z.coerce.number({ error: portMessage }).int(portMessage).min(0, portMessage).max(65_535, portMessage);
const optionalText = z.string().trim().min(1).optional();
const url = z.string().url();

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);
const proxyMessage = 'must be false, true, a hop count, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal';
/** Express's `trust proxy` value: false, true, a hop count, or the proxies' addresses and ranges. */
const trustProxy = z.string().trim().refine((value) => /^(true|false|\d{1,2})$/.test(value) || value.split(',').every((item) => {
  const [address = '', prefix, extra] = item.trim().split('/');
  if (proxyNames.has(address) && prefix === undefined) return true;
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  return family !== 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits));
}), proxyMessage).transform((value): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value));

export const OPTIONS = [
  { key: 'merchantDir', env: 'SHOPKEEPER_MERCHANT_DIR', flag: 'merchant', default: 'knowledge', description: 'The merchant directory (merchant.yaml, policy.yaml, help/, catalog/, orders/).', schema: z.string().min(1) },
  { key: 'dataDir', env: 'SHOPKEEPER_DATA_DIR', flag: 'data', default: 'data', description: 'Where the embedded SQLite database and secrets live.', schema: z.string().min(1) },
  { key: 'port', env: 'PORT', flag: 'port', default: '3000', description: 'HTTP port; 0 picks a free one.', schema: port },
  { key: 'host', env: 'HOST', flag: 'host', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 to accept outside connections.', schema: z.string().min(1) },
  { key: 'publicUrl', env: 'SHOPKEEPER_PUBLIC_URL', flag: 'public-url', description: 'The URL shoppers and agents reach this server at (links, continue_url). Defaults to http://HOST:PORT.', schema: url.optional() },
  { key: 'logLevel', env: 'LOG_LEVEL', flag: 'log-level', default: 'info', description: 'fatal, error, warn, info, debug or trace.', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }) },
  { key: 'secret', env: 'SHOPKEEPER_SECRET', description: 'Signs customer tokens and webhooks. Set the same value on every replica; by default one is generated into the data directory.', secret: true, schema: z.string().min(32, 'must be at least 32 characters').optional() },
  { key: 'databaseUrl', env: 'DATABASE_URL', description: 'postgres://… Runs every repository on PostgreSQL instead of the embedded SQLite file, so several replicas can share one database (needs SHOPKEEPER_SECRET, the same on every replica). Migrations apply at start under an advisory lock. With SHOPKEEPER_VECTOR_INDEX=pgvector the help-search vectors live there too.', secret: true, schema: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional() },
  { key: 'openaiApiKey', env: 'OPENAI_API_KEY', description: 'Enables OpenAI embeddings and the LLM assistant. Without it everything runs offline.', secret: true, schema: optionalText },
  { key: 'openaiBaseUrl', env: 'OPENAI_BASE_URL', description: 'Any OpenAI-compatible server (a local one works).', schema: url.optional() },
  { key: 'openaiModel', env: 'OPENAI_MODEL', default: 'gpt-4.1-mini', description: 'Chat model for the LLM assistant.', schema: z.string().min(1) },
  { key: 'openaiEmbeddingModel', env: 'OPENAI_EMBEDDING_MODEL', default: 'text-embedding-3-small', description: 'Embedding model when OPENAI_API_KEY is set.', schema: z.string().min(1) },
  { key: 'embeddings', env: 'SHOPKEEPER_EMBEDDINGS', default: 'auto', description: 'Embedder for help search: offline (shipped, no downloads), openai, or auto (openai when OPENAI_API_KEY is set).', schema: z.enum(['auto', 'offline', 'openai'], { error: 'must be auto, offline or openai' }) },
  { key: 'vectorIndex', env: 'SHOPKEEPER_VECTOR_INDEX', default: 'auto', description: 'Vector index for help search: embedded (in-process, stored in the database), pinecone, pgvector (PostgreSQL at DATABASE_URL with the vector extension), or auto (pinecone when PINECONE_API_KEY is set).', schema: z.enum(['auto', 'embedded', 'pinecone', 'pgvector'], { error: 'must be auto, embedded, pinecone or pgvector' }) },
  { key: 'pineconeApiKey', env: 'PINECONE_API_KEY', description: 'Use Pinecone as the vector index.', secret: true, schema: optionalText },
  { key: 'pineconeIndexHost', env: 'PINECONE_INDEX_HOST', description: 'Data-plane host of the Pinecone index (https://INDEX-PROJECT.svc.REGION.pinecone.io).', schema: url.optional() },
  { key: 'stripeSecretKey', env: 'STRIPE_SECRET_KEY', description: 'Use Stripe for payments (sk_… or rk_…); otherwise the offline test provider.', secret: true, schema: z.string().regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_').optional() },
  { key: 'stripePublishableKey', env: 'STRIPE_PUBLISHABLE_KEY', description: 'Stripe publishable key (pk_…). With STRIPE_SECRET_KEY, the hosted checkout page /checkout/:id takes cards with the Stripe Payment Element (Stripe.js from js.stripe.com); without it, that page asks for a Shared Payment Token.', schema: z.string().regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_').optional() },
  { key: 'stripeApiBase', env: 'STRIPE_API_BASE', description: 'Overrides https://api.stripe.com for the server\'s Stripe calls (a proxy, or a local server in tests).', schema: url.optional() },
  { key: 'stripeWebhookSecret', env: 'STRIPE_WEBHOOK_SECRET', description: 'Verifies Stripe webhooks (whsec_…).', secret: true, schema: z.string().startsWith('whsec_', 'must start with whsec_').optional() },
  { key: 'checkoutClaimTimeoutMs', env: 'SHOPKEEPER_CHECKOUT_CLAIM_TIMEOUT_MS', default: '300000', description: 'How long a checkout stays complete_in_progress after the process completing it died mid-payment (crash, kill -9) before another complete takes the payment over, with the same payment-provider idempotency key (so at most one charge). Keep it above the longest payment call (Stripe: 3 tries of 20 s).', schema: z.coerce.number().int().min(1000).max(86_400_000) },
  { key: 'checkoutHoldTtlMs', env: 'SHOPKEEPER_CHECKOUT_HOLD_TTL_MS', default: '900000', description: 'How long a checkout started by an anonymous caller (MCP tools, chat) holds its stock once ready for payment; unpaid by then, the stock goes back and an update holds it again. ACP sessions, from platforms with a key, hold until they expire.', schema: z.coerce.number().int().min(1000).max(21_600_000) },
  { key: 'checkoutMaxOpenSessions', env: 'SHOPKEEPER_CHECKOUT_MAX_OPEN_SESSIONS', default: '20', description: 'Open checkouts one anonymous caller may have at a time; more are refused until some expire, complete or are canceled.', schema: z.coerce.number().int().min(1).max(100_000) },
  { key: 'acpApiKeys', env: 'SHOPKEEPER_ACP_API_KEYS', default: 'demo-agent:sk_demo_agent_key', description: 'Bearer keys for ACP agent platforms, as platform:key pairs separated by commas.', secret: true, schema: z.string() },
  { key: 'acpMerchantId', env: 'SHOPKEEPER_ACP_MERCHANT_ID', default: 'acct_demo', description: 'Merchant id agents scope payment tokens to (the Stripe account or profile id), shown in the ACP payment handler config.', schema: z.string().min(1) },
  { key: 'acpWebhookUrl', env: 'SHOPKEEPER_ACP_WEBHOOK_URL', description: 'Where order webhooks go (the agent platform\'s order_events endpoint). Unset: events wait in the outbox.', schema: url.optional() },
  { key: 'acpWebhookSecret', env: 'SHOPKEEPER_ACP_WEBHOOK_SECRET', description: 'HMAC key for the Merchant-Signature header of order webhooks (given by the agent platform).', secret: true, schema: optionalText },
  { key: 'acpWebhookEvents', env: 'SHOPKEEPER_ACP_WEBHOOK_EVENTS', default: 'order_create,order_update', description: 'Event type names for order created,updated: the spec says order_create,order_update; OpenAI\'s docs say order_created,order_updated.', schema: z.string().regex(/^[a-z_.]+,[a-z_.]+$/, 'must be two names separated by a comma') },
  { key: 'acpWebhookTimeoutMs', env: 'SHOPKEEPER_ACP_WEBHOOK_TIMEOUT_MS', default: '10000', description: 'How long one webhook delivery may take before it is retried with backoff.', schema: z.coerce.number().int().min(100).max(120_000) },
  { key: 'allowedOrigins', env: 'SHOPKEEPER_ALLOWED_ORIGINS', description: 'Extra browser origins allowed to call the chat API (comma separated); the merchant url and this server are always allowed.', schema: z.string().optional() },
  { key: 'escalationWebhookUrl', env: 'SHOPKEEPER_ESCALATION_WEBHOOK_URL', description: 'A helpdesk endpoint that receives escalation events (signed POSTs, retried with backoff).', schema: url.optional() },
  { key: 'escalationWebhookSecret', env: 'SHOPKEEPER_ESCALATION_WEBHOOK_SECRET', description: 'Signs escalation webhooks (Shopkeeper-Signature: t=…,v1=…); defaults to a key derived from SHOPKEEPER_SECRET.', secret: true, schema: z.string().min(16, 'must be at least 16 characters').optional() },
  { key: 'allowedHosts', env: 'SHOPKEEPER_ALLOWED_HOSTS', description: 'Extra hostnames accepted in the Host header of /mcp (DNS-rebinding protection); localhost and the public URL host are always accepted.', schema: z.string().optional() },
  { key: 'chatRatePerMinute', env: 'SHOPKEEPER_CHAT_RATE_LIMIT', default: '30', description: 'Chat messages one browser (IP address) may send per minute to /api/chat; one conversation may send half as many (at least 5), whatever its addresses.', schema: z.coerce.number().int().min(1).max(10_000_000) },
  { key: 'trustProxy', env: 'SHOPKEEPER_TRUST_PROXY', default: 'false', description: 'Which reverse proxies\' X-Forwarded-For to believe for the client address (rate limits), as Express\'s trust proxy: false (the socket address), a hop count (1 behind one load balancer), or the proxies\' addresses and CIDR ranges, comma separated (loopback, linklocal, uniquelocal work too). true trusts any sender: only when every request comes through a proxy that overwrites the header.', schema: trustProxy },
  { key: 'cookieSecure', env: 'SHOPKEEPER_COOKIE_SECURE', default: 'auto', description: 'Secure flag of the console session cookie: auto (when the request or the public URL is https), always, or never.', schema: z.enum(['auto', 'always', 'never'], { error: 'must be auto, always or never' }) },
  { key: 'zendeskSubdomain', env: 'ZENDESK_SUBDOMAIN', description: 'Hand escalations to Zendesk as tickets (with ZENDESK_EMAIL and ZENDESK_API_TOKEN): the SUBDOMAIN of SUBDOMAIN.zendesk.com.', schema: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'must be the subdomain only, like northwind').optional() },
  { key: 'zendeskEmail', env: 'ZENDESK_EMAIL', description: 'Email of the Zendesk agent whose API token is used.', schema: optionalText },
  { key: 'zendeskApiToken', env: 'ZENDESK_API_TOKEN', description: 'Zendesk API token (Admin Center > Apps and integrations > Zendesk API).', secret: true, schema: optionalText },
  { key: 'zendeskBaseUrl', env: 'ZENDESK_BASE_URL', description: 'Overrides https://SUBDOMAIN.zendesk.com (a proxy, or a local server in tests).', schema: url.optional() },
  { key: 'now', env: 'SHOPKEEPER_NOW', description: 'Pins the clock to an ISO time (demos, evals and tests of return windows); unset in production.', schema: z.string().datetime({ offset: true, message: 'must be an ISO time such as 2026-11-28T12:00:00Z' }).optional() },
  { key: 'maxBodyBytes', env: 'SHOPKEEPER_MAX_BODY_BYTES', default: '1048576', description: 'Largest request body accepted, in bytes.', schema: z.coerce.number().int().min(1024).max(50 * 1024 * 1024) },
] as const satisfies readonly OptionSpec[];

export type OptionKey = (typeof OPTIONS)[number]['key'];
