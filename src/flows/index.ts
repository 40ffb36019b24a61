export type { Services } from './services.ts';
export { importMerchant, importIfEmpty } from './import-merchant.ts';
export type { MerchantImportSummary } from './import-merchant.ts';
export { completeCheckout, orderNumberFor } from './complete-checkout.ts';
export type { CompleteCheckoutInput } from './complete-checkout.ts';
export { checkoutCatalog } from './checkout-catalog.ts';
export { exportFeed } from './export-feed.ts';
