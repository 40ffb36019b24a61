import { createHash } from 'node:crypto';

/**
 * Semantic JSON identity for Idempotency-Key bodies (ACP 2026-04-17): key order ignored, arrays
 * in order, numbers by value (1.0 == 1 once parsed), and null kept distinct from an absent field,
 * which is why the platform's stableStringify (it drops nulls) is not used here.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Hash of a request body; an absent body (cancel without one) is its own value. */
export function bodyHash(body: unknown, present: boolean): string {
  return createHash('sha256').update(present ? canonicalJson(body) : '<absent>').digest('hex');
}
