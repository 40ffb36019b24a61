import type { Request } from 'express';
import { ESCALATION_STATUSES, PRIORITIES, type EscalationFilter, type EscalationStatus, type Priority } from '../../flows/console/index.ts';

/** Minutes an escalation of each priority may wait for a first human touch before it breaches. */
export const SLA_MINUTES: Record<Priority, number> = { urgent: 60, high: 4 * 60, normal: 24 * 60, low: 48 * 60 };
export const OPEN_STATUSES: EscalationStatus[] = ['open', 'claimed', 'waiting_on_customer'];
export const AGE_CHOICES = [{ minutes: 0, label: 'any age' }, { minutes: 60, label: 'older than 1 h' }, { minutes: 240, label: 'older than 4 h' }, { minutes: 1440, label: 'older than 1 day' }];

function listOf(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
}

/**
 * The queue's filters from the query string, shared by the page, the JSON API and the live
 * stream, so a filtered queue only receives the escalations it would show. Unknown values are
 * dropped rather than refused: a stale bookmark still opens the queue.
 */
export function filterFromQuery(query: Request['query']): EscalationFilter & { status: EscalationStatus[] } {
  const statuses = listOf(query.status);
  const status = statuses.includes('all') ? [...ESCALATION_STATUSES] : statuses.filter((item): item is EscalationStatus => (ESCALATION_STATUSES as readonly string[]).includes(item));
  const priority = listOf(query.priority).filter((item): item is Priority => (PRIORITIES as readonly string[]).includes(item));
  const reason = listOf(query.reason)[0];
  const age = Number(listOf(query.age)[0] ?? 0);
  return {
    status: status.length ? status : OPEN_STATUSES,
    ...(priority.length ? { priority } : {}),
    ...(reason ? { reason } : {}),
    ...(Number.isFinite(age) && age > 0 ? { minAgeMinutes: Math.floor(age) } : {}),
  };
}

/** Queue rows per page, on the page and in the JSON API. */
export const PAGE_SIZE = 50;

/** `?page=N` (1-based; anything else is page 1) as the rows to fetch: one more than a page tells whether a next page exists. */
export function pageFromQuery(query: Request['query']): { page: number; limit: number; offset: number } {
  const asked = Number(listOf(query.page)[0] ?? 1);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
  return { page, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE };
}

/** The link to another page of the same filtered queue. */
export function pageLink(base: string, query: Request['query'], page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || value === undefined) continue;
    for (const item of [value].flat()) params.append(key, String(item));
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function slaState(priority: Priority, createdAt: string, status: EscalationStatus, now: Date): 'ok' | 'due_soon' | 'breached' | 'done' {
  if (status === 'resolved') return 'done';
  const waited = (now.getTime() - new Date(createdAt).getTime()) / 60_000;
  const budget = SLA_MINUTES[priority];
  return waited >= budget ? 'breached' : waited >= budget * 0.75 ? 'due_soon' : 'ok';
}
