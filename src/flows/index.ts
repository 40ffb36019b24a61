export type { Services } from './services.ts';
export { importMerchant, importIfEmpty, prepareMerchant } from './import-merchant.ts';
export type { MerchantImportSummary } from './import-merchant.ts';
export { ingestKnowledge, productDocument } from './ingest-knowledge.ts';
export * from './support/index.ts';
export { completeCheckout, orderNumberFor } from './complete-checkout.ts';
export type { CompleteCheckoutInput } from './complete-checkout.ts';
export { checkoutCatalog } from './checkout-catalog.ts';
export { exportFeed } from './export-feed.ts';
