import type { Citation, EscalationDetail, OrderView } from '../../../flows/console/index.ts';
import { formatMoney } from '../../../platform/index.ts';
import { slaState } from '../filters.ts';
import { formatAge, html, type SafeHtml } from '../html.ts';

const label = (value: string) => value.replace(/_/g, ' ');
const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const citations = (list: Citation[] | undefined) => (list?.length ? html`<ul class="citations">${list.map((item) => html`<li><a href="${item.url}" target="_blank" rel="noopener noreferrer">${item.title}</a></li>`)}</ul>` : '');

function action(id: string, name: string, csrf: string, text: string, extra: SafeHtml | string = '', cls = ''): SafeHtml {
  return html`<form method="post" action="/console/escalations/${encodeURIComponent(id)}/${name}" class="inline ${cls}"><input type="hidden" name="_csrf" value="${csrf}">${extra}<button type="submit" class="${cls}">${text}</button></form>`;
}

function orderSection(order: OrderView | null, escalationId: string, csrf: string): SafeHtml {
  if (!order) return html`<section class="card"><h2>Order</h2><p class="muted">No order linked.</p></section>`;
  const money = (amount: number) => formatMoney(amount, order.total.currency);
  return html`<section class="card" id="order"><h2>Order ${order.number} <span class="badge">${label(order.status)}</span></h2>
<p class="muted">Placed ${when(order.created_at)} · total ${formatMoney(order.total.amount, order.total.currency)}</p>
${order.awaiting_parcel ? html`<p>Waiting for the parcel ${order.awaiting_parcel}. ${action(escalationId, 'receive', csrf, 'Mark parcel received (settles the refund)')}</p>` : ''}
<table><thead><tr><th>Item</th><th>Qty</th><th>Price</th></tr></thead><tbody>${order.items.map((item) => html`<tr><td>${item.title}</td><td>${item.quantity}</td><td>${money(item.unit_price)}</td></tr>`)}</tbody></table>
<h3>Payments</h3><ul>${order.payments.map((payment) => html`<li>${when(payment.at)} ${payment.kind} ${money(payment.amount)} · ${payment.method}</li>`)}</ul>
${order.fulfillments.length ? html`<h3>Shipments</h3><ul>${order.fulfillments.map((item) => html`<li>${item.carrier} ${item.tracking_number} · ${label(item.status)}</li>`)}</ul>` : ''}
${order.history.length ? html`<h3>Other orders of this customer</h3><ul>${order.history.map((item) => html`<li>${item.number} · ${label(item.status)} · ${when(item.created_at)} · ${formatMoney(item.total.amount, item.total.currency)}</li>`)}</ul>` : ''}</section>`;
}

function heldSection(escalation: EscalationDetail, csrf: string): SafeHtml {
  const held = escalation.held_action;
  if (!held) return html``;
  const pending = held.status === 'pending';
  return html`<section class="card held-action" id="held-action"><h2>Held action: ${label(held.kind)} <span class="badge status-${held.status}">${held.status}</span></h2>
<p><strong>${held.preview.summary}</strong>${held.preview.amount ? html` · <span class="amount">${formatMoney(held.preview.amount.amount, held.preview.amount.currency)}</span>` : ''}</p>
<ul>${held.preview.lines.map((line) => html`<li>${line}</li>`)}</ul>
<p class="policy">Why it was held: ${held.policy.rule}${held.policy.citation ? html` — <a href="${held.policy.citation.url}" target="_blank" rel="noopener noreferrer">${held.policy.citation.title}</a>` : ''}</p>
${pending ? html`<div class="actions">${action(escalation.id, 'approve', csrf, 'Approve and execute', '', 'primary')}
${action(escalation.id, 'deny', csrf, 'Deny', html`<input name="reason" placeholder="Reason (told to the shopper)" aria-label="Reason for denying" required>`, 'danger')}</div>`
    : html`<p class="muted">${held.status} by ${held.decided_by ?? 'someone'}${held.outcome ? html`: ${held.outcome}` : ''}</p>`}</section>`;
}

export function escalationPage(escalation: EscalationDetail, csrf: string, now: Date, options: { me: string; flash?: string; zendesk: boolean }): SafeHtml {
  const { customer } = escalation;
  const sla = slaState(escalation.priority, escalation.created_at, escalation.status, now);
  const open = escalation.status !== 'resolved';
  const mine = escalation.assignee?.id === options.me;
  return html`<p><a href="/console">← Queue</a></p>
${options.flash ? html`<p class="flash" role="status">${options.flash}</p>` : ''}
<h1>${escalation.summary.split('\n')[0]}</h1>
<p class="meta"><span class="badge priority-${escalation.priority}">${escalation.priority}</span> <span class="badge status-${escalation.status}">${label(escalation.status)}</span>
 ${label(escalation.reason)} · waiting <span class="sla-${sla}">${formatAge(escalation.created_at, now)}</span> · ${escalation.assignee ? html`assigned to ${escalation.assignee.email}` : 'unassigned'}
 ${open ? action(escalation.id, mine ? 'unassign' : 'claim', csrf, mine ? 'Unassign' : 'Claim') : ''}
 ${open ? action(escalation.id, 'resolve', csrf, 'Resolve') : ''}
 ${options.zendesk ? action(escalation.id, 'zendesk', csrf, 'Send to Zendesk') : ''}</p>
<div class="grid"><div class="col">
${heldSection(escalation, csrf)}
<section class="card"><h2>AI summary</h2><p class="summary">${escalation.summary}</p></section>
<section class="card" id="reply"><h2>Reply to the shopper</h2>
${escalation.suggested_reply ? html`<div class="suggested"><p class="muted">Suggested reply, grounded in the help center:</p><blockquote>${escalation.suggested_reply.text}</blockquote>${citations(escalation.suggested_reply.citations)}</div>` : ''}
<form method="post" action="/console/escalations/${encodeURIComponent(escalation.id)}/reply" class="stack"><input type="hidden" name="_csrf" value="${csrf}">
<label>Message <textarea name="text" rows="4" required>${escalation.suggested_reply?.text ?? ''}</textarea></label><button type="submit" class="primary">Send reply</button></form>
<form method="post" action="/console/escalations/${encodeURIComponent(escalation.id)}/note" class="stack"><input type="hidden" name="_csrf" value="${csrf}">
<label>Internal note (not shown to the shopper) <textarea name="text" rows="2" required></textarea></label><button type="submit">Add note</button></form></section>
<section class="card" id="transcript"><h2>Transcript</h2>${escalation.transcript.length === 0 ? html`<p class="muted">No conversation was attached: this escalation was raised by a tool call (MCP or API).</p>` : ''}<ol class="transcript">${escalation.transcript.map((entry) => html`<li class="msg ${entry.role}"><span class="who">${entry.author ?? label(entry.role)}</span> <span class="muted">${when(entry.at)}</span><p>${entry.text}</p>${citations(entry.citations)}</li>`)}</ol></section>
</div><div class="col">
<section class="card" id="customer"><h2>Customer</h2>${customer ? html`<p><strong>${customer.name}</strong><br>${customer.email}</p>
<p>${customer.verified_by ? html`<span class="badge verified">verified</span> by ${customer.verified_by}` : html`<span class="badge unverified">not verified</span>`}</p>` : html`<p class="muted">Not identified.</p>`}</section>
${orderSection(escalation.order, escalation.id, csrf)}
<section class="card" id="notes"><h2>Internal notes</h2>${escalation.notes.length ? html`<ul>${escalation.notes.map((note) => html`<li><span class="who">${note.author}</span> <span class="muted">${when(note.at)}</span><p>${note.text}</p></li>`)}</ul>` : html`<p class="muted">None yet.</p>`}</section>
</div></div>`;
}
