import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([, field]) => field !== undefined && field !== null).sort(([left], [right]) => (left < right ? -1 : 1)));
    }
    return item;
  });
}

export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64url');
}
