export { acpRouter } from './router.ts';
export { startWebhookWorker, signWebhook } from './webhooks.ts';
export { acpMigrations } from './migrations.ts';
export { SUPPORTED_VERSIONS } from './versions.ts';
export { canonicalJson } from './canonical-json.ts';
export { acpErrorHandler } from './errors.ts';
