import type { SqlExecutor } from '../platform/index.ts';
import type { ItemFacts } from './types.ts';

/**
 * What checkout needs from a catalog, as a port: the checkout capability never imports the
 * catalog; src/flows plugs the catalog in (see flows/checkout-services.ts).
 */
export interface CheckoutCatalogPort {
  lookup(id: string): Promise<ItemFacts | null>;
  /**
   * Atomically takes units out of stock; false (and nothing taken) when there are not enough.
   * With `tx`, the change commits or rolls back with that transaction.
   */
  take(variantId: string, quantity: number, tx?: SqlExecutor): Promise<boolean>;
  give(variantId: string, quantity: number, tx?: SqlExecutor): Promise<void>;
}
