import type { Insights, QuestionCluster } from '../../../flows/console/index.ts';
import { formatMoney } from '../../../platform/index.ts';
import { barList, dailyChart } from '../chart.ts';
import { html, type SafeHtml } from '../html.ts';

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);
const label = (value: string) => value.replace(/_/g, ' ');

/** What the merchant wants to know at a glance: how much the agent resolves, where it hands off, what to write next. */
export function insightsPage(insights: Insights, gaps: QuestionCluster[], days: number): SafeHtml {
  const reasons = Object.entries(insights.escalation_reasons).sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ label: label(reason), count }));
  const card = (name: string, value: string | number, hint: string) => html`<div class="stat"><div class="stat-value">${value}</div><div class="stat-name">${name}</div><div class="muted">${hint}</div></div>`;
  const { actions } = insights;
  return html`<h1>Insights <span class="muted">last ${days} days</span></h1>
<nav class="ranges" aria-label="Period">${[7, 30, 90].map((choice) => html`<a href="/console/insights?days=${choice}"${choice === days ? html` aria-current="page"` : ''}>${choice} days</a>`)}</nav>
<div class="stats" id="stats">
${card('Conversations', insights.conversations, `${insights.from.slice(0, 10)} to ${insights.to.slice(0, 10)}`)}
${card('Resolved without a human', percent(insights.resolved_without_human, insights.conversations), `${insights.resolved_without_human} conversations`)}
${card('Escalation rate', percent(insights.escalations, insights.conversations), `${insights.escalations} escalations`)}
${card('Checkout conversions from chat', insights.checkout_conversions, `${percent(insights.checkout_conversions, insights.conversations)} of conversations`)}
${card('Refunded', formatMoney(actions.refunded_amount, insights.currency), `${actions.refunds} refunds`)}
${card('Actions taken', actions.returns + actions.cancellations + actions.exchanges, `${actions.returns} returns · ${actions.cancellations} cancellations · ${actions.exchanges} exchanges`)}
</div>
<section class="card"><h2>Conversations per day</h2>${dailyChart(insights.daily)}
<p class="legend"><span class="key resolved"></span> resolved by the assistant <span class="key escalated"></span> escalated to a human</p></section>
<section class="card" id="knowledge-gaps"><h2>Knowledge gaps</h2>
<p class="muted">Questions the assistant could not answer from the help center, grouped. Write an article for the top ones.</p>
${gaps.length ? html`${barList('gaps', 'Unanswered questions by topic', gaps.slice(0, 10).map((gap) => ({ label: gap.label, count: gap.count })))}
<table><thead><tr><th>Count</th><th>Typical question</th><th>Keywords</th><th>Also asked as</th></tr></thead><tbody>
${gaps.map((gap) => html`<tr><td>${gap.count}</td><td>${gap.label}</td><td>${gap.keywords.join(', ')}</td><td>${gap.examples.filter((example) => example !== gap.label).slice(0, 3).join(' · ')}</td></tr>`)}</tbody></table>`
    : html`<p>No unanswered questions in this period.</p>`}</section>
<section class="card" id="reasons"><h2>Why conversations were escalated</h2>
${reasons.length ? barList('reasons', 'Escalations by reason', reasons) : html`<p>No escalations in this period.</p>`}</section>`;
}
