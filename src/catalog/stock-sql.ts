import type { SqlExecutor } from '../platform/index.ts';

/**
 * A stock change inside a caller's transaction (a checkout holding stock together with its
 * reservation rows), the same SQL on SQLite and PostgreSQL. The condition and the update are one
 * statement, so concurrent buyers cannot both take the last unit; the variant's row stays locked
 * until the caller commits. Stock changes move no shared counter, so transactions that touch
 * different variants never wait for each other.
 */
export async function adjustInventoryIn(tx: SqlExecutor, variantId: string, delta: number, allowNegative = false): Promise<number | null> {
  const row = await tx.get<{ inventory: number | string }>(
    `UPDATE variants SET inventory = inventory + ? WHERE id = ?${allowNegative ? '' : ' AND inventory + ? >= 0'} RETURNING inventory`,
    allowNegative ? [delta, variantId] : [delta, variantId, delta]);
  return row ? Number(row.inventory) : null;
}
