import type { Account } from '../../../accounts/index.ts';
import { html, type SafeHtml } from '../html.ts';

/** Admin page: who can use the console; new accounts get a generated password shown once. */
export function agentsPage(accounts: Account[], csrf: string, created?: { email: string; password: string }): SafeHtml {
  return html`<h1>Console accounts</h1>
${created ? html`<p class="flash" role="status">Created ${created.email}. Their password, shown only now: <code>${created.password}</code></p>` : ''}
<table><thead><tr><th>Email</th><th>Role</th><th>Created</th><th>Last sign-in</th><th></th></tr></thead><tbody>
${accounts.map((account) => html`<tr><td>${account.email}</td><td>${account.role}</td><td>${account.created_at.slice(0, 10)}</td><td>${account.last_login_at?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
<td><form method="post" action="/console/admin/agents/unlock" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="email" value="${account.email}"><button type="submit">Lift lockout</button></form></td></tr>`)}
</tbody></table>
<section class="card narrow"><h2>Add an account</h2><form method="post" action="/console/admin/agents" class="stack"><input type="hidden" name="_csrf" value="${csrf}">
<label>Email <input type="email" name="email" required></label>
<label>Role <select name="role"><option value="agent">agent</option><option value="admin">admin</option></select></label>
<button type="submit" class="primary">Add</button></form></section>`;
}
