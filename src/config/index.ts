export { loadConfig, configMarkdown, redactedConfig } from './load.ts';
export type { Config, ConfigSources } from './load.ts';
export { OPTIONS } from './options.ts';
export { loadMerchant, readYamlFile } from './merchant-dir.ts';
export type { Merchant } from './merchant-dir.ts';
export { merchantSchema } from './merchant.ts';
export type { MerchantProfile } from './merchant.ts';
export { policySchema, regionOf } from './policy.ts';
export type { Policy } from './policy.ts';
