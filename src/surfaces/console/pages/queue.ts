import type { EscalationFilter, EscalationSummary } from '../../../flows/console/index.ts';
import { ESCALATION_STATUSES, PRIORITIES } from '../../../flows/console/index.ts';
import { AGE_CHOICES, slaState } from '../filters.ts';
import { formatAge, html, type SafeHtml } from '../html.ts';

const label = (value: string) => value.replace(/_/g, ' ');

/** One queue row; console.js builds the same markup for rows that arrive over the live stream. */
export function queueRow(item: EscalationSummary, csrfToken: string, now: Date, me: string): SafeHtml {
  const sla = slaState(item.priority, item.created_at, item.status, now);
  const mine = item.assignee?.id === me;
  return html`<tr data-id="${item.id}" data-updated="${item.updated_at}">
<td><span class="badge priority-${item.priority}">${item.priority}</span></td>
<td><a href="/console/escalations/${encodeURIComponent(item.id)}">${item.summary}</a>${item.has_held_action ? html` <span class="badge held">held action</span>` : ''}</td>
<td>${label(item.reason)}</td><td>${item.customer_name ?? '—'}</td><td>${item.order_number ?? '—'}</td>
<td><span class="badge status-${item.status}">${label(item.status)}</span></td>
<td>${item.assignee?.email ?? 'unassigned'}</td>
<td class="sla-${sla}" title="SLA ${sla.replace('_', ' ')}">${formatAge(item.created_at, now)}</td>
<td>${item.status === 'resolved' ? '' : html`<form method="post" action="/console/escalations/${encodeURIComponent(item.id)}/${mine ? 'unassign' : 'claim'}">
<input type="hidden" name="_csrf" value="${csrfToken}"><input type="hidden" name="back" value="queue"><button type="submit">${mine ? 'Unassign' : item.assignee ? 'Take over' : 'Claim'}</button></form>`}</td></tr>`;
}

export function queuePage(items: EscalationSummary[], filter: EscalationFilter & { status: string[] }, reasons: string[], csrfToken: string, now: Date, me: string, pages: { previous: string | null; next: string | null } = { previous: null, next: null }): SafeHtml {
  const checked = (list: readonly string[] | undefined, value: string) => (list?.includes(value) ? html` checked` : '');
  return html`<h1>Escalations <span class="muted" id="queue-count">${items.length}</span></h1>
<form method="get" action="/console" class="filters" aria-label="Filter the queue">
<fieldset><legend>Status</legend>${ESCALATION_STATUSES.map((status) => html`<label><input type="checkbox" name="status" value="${status}"${checked(filter.status, status)}> ${label(status)}</label>`)}</fieldset>
<fieldset><legend>Priority</legend>${PRIORITIES.map((priority) => html`<label><input type="checkbox" name="priority" value="${priority}"${checked(filter.priority, priority)}> ${priority}</label>`)}</fieldset>
<label>Reason <select name="reason"><option value="">any reason</option>${reasons.map((reason) => html`<option value="${reason}"${filter.reason === reason ? html` selected` : ''}>${label(reason)}</option>`)}</select></label>
<label>Age <select name="age">${AGE_CHOICES.map((choice) => html`<option value="${choice.minutes}"${(filter.minAgeMinutes ?? 0) === choice.minutes ? html` selected` : ''}>${choice.label}</option>`)}</select></label>
<button type="submit">Filter</button></form>
<p class="muted live" id="live-status" aria-live="polite">New escalations appear here as they arrive.</p>
<table class="queue" id="queue"><thead><tr><th>Priority</th><th>Summary</th><th>Reason</th><th>Customer</th><th>Order</th><th>Status</th><th>Assignee</th><th>Waiting (SLA)</th><th></th></tr></thead>
<tbody>${items.map((item) => queueRow(item, csrfToken, now, me))}</tbody></table>
${items.length === 0 ? html`<p class="empty" id="queue-empty">Nothing waiting. New escalations will appear without reloading.</p>` : ''}
${pages.previous || pages.next ? html`<nav class="pages" aria-label="Queue pages">${pages.previous ? html`<a href="${pages.previous}" rel="prev">← Previous</a> ` : ''}${pages.next ? html`<a href="${pages.next}" rel="next">Next →</a>` : ''}</nav>` : ''}`;
}
