/**
 * Server-rendered HTML with escaping by default: every interpolated value is escaped unless it is
 * itself the result of `html` (or `raw`), so shopper text in a transcript can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => (out += render(value) + strings[index + 1]!));
  return new SafeHtml(out);
}

/** Markup we produced ourselves (the SVG chart); never pass shopper text. */
export const raw = (markup: string) => new SafeHtml(markup);

export interface LayoutOptions {
  title: string;
  merchant: string;
  /** The signed-in user; absent on the login page. */
  user?: { email: string; role: string; csrfToken: string };
  active?: 'queue' | 'insights' | 'agents' | undefined;
  body: SafeHtml;
  /** data-* attributes for <main> that console.js reads (the live stream's URL). */
  main?: Record<string, string>;
}

export function layout(options: LayoutOptions): string {
  const { user } = options;
  const link = (href: string, label: string, key: LayoutOptions['active']) =>
    html`<a href="${href}"${options.active === key ? raw(' aria-current="page"') : ''}>${label}</a>`;
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${user ? html`<meta name="csrf-token" content="${user.csrfToken}">` : ''}
<title>${options.title} · ${options.merchant} support</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script></head>
<body><header class="top"><strong>${options.merchant}</strong> <span class="muted">support console</span>
${user ? html`<nav>${link('/console', 'Queue', 'queue')}${user.role === 'admin' ? [link('/console/insights', 'Insights', 'insights'), link('/console/admin/agents', 'Agents', 'agents')] : ''}</nav>
<form method="post" action="/console/logout" class="logout"><input type="hidden" name="_csrf" value="${user.csrfToken}">
<span class="muted">${user.email} (${user.role})</span> <button type="submit">Log out</button></form>` : ''}
</header><main${Object.entries(options.main ?? {}).map(([name, value]) => html` ${raw(name)}="${value}"`)}>${options.body}</main></body></html>`}`;
}

/** "3 h 12 min" — how long an escalation has waited. */
export function formatAge(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}
