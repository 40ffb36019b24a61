import { randomBytes } from 'node:crypto';

/** Prefixed random ids (`ord_…`, `esc_…`): readable in logs, unguessable, sortable by nothing. */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** Turns a title into a URL-safe handle the way Shopify does ("Ridgeline 28 Pack" -> "ridgeline-28-pack"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
