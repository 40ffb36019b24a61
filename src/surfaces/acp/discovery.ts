import type { Services } from '../../flows/index.ts';
import { LATEST, SUPPORTED_VERSIONS } from './versions.ts';

/** GET /.well-known/acp.json: public, no merchant identifiers, cacheable for an hour. */
export function discoveryDocument(services: Services, baseUrl: string): Record<string, unknown> {
  return {
    protocol: { name: 'acp', version: LATEST, supported_versions: [...SUPPORTED_VERSIONS], documentation_url: 'https://agenticcommerce.dev' },
    api_base_url: `${baseUrl}/acp`,
    transports: ['rest'],
    capabilities: {
      services: ['checkout'],
      extensions: [{ name: 'discount' }],
      intervention_types: ['3ds'],
      supported_currencies: [services.merchant.profile.currency.toLowerCase()],
      supported_locales: services.merchant.profile.locales,
    },
  };
}
