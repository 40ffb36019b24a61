export type { Services } from './services.ts';
export { importMerchant, importIfEmpty } from './import-merchant.ts';
export type { MerchantImportSummary } from './import-merchant.ts';
