import type { CatalogRepository } from '../catalog/index.ts';
import type { CheckoutCatalogPort } from '../checkout/index.ts';

/**
 * The catalog as checkout sees it. Holding stock is the catalog's atomic conditional decrement,
 * so however many sessions race for the last units, stock never goes below zero.
 */
export function checkoutCatalog(repository: CatalogRepository): CheckoutCatalogPort {
  return {
    async lookup(id) {
      const found = await repository.findVariant(id);
      if (!found || found.product.status !== 'active') return null;
      const { product, variant } = found;
      const title = variant.title && variant.title !== 'Default Title' ? `${product.title} - ${variant.title}` : product.title;
      return {
        id: variant.id, sku: variant.sku, product_id: product.id, variant_id: variant.id, title, unit_amount: variant.price,
        image: variant.image ?? product.images[0]?.src ?? null, url: product.url, requires_shipping: variant.requires_shipping && !product.is_gift_card,
        taxable: variant.taxable, available: variant.inventory_policy === 'continue' ? null : Math.max(0, variant.inventory),
      };
    },
    async take(variantId, quantity, tx) {
      return (await repository.adjustInventory(variantId, -quantity, tx ? { tx } : {})) !== null;
    },
    async give(variantId, quantity, tx) {
      await repository.adjustInventory(variantId, quantity, { allowNegative: true, ...(tx ? { tx } : {}) });
    },
  };
}
