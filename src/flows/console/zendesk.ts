import { ShopkeeperError } from '../../platform/index.ts';
import type { EscalationDetail } from './port.ts';

/**
 * Hands an escalation to Zendesk as a ticket (Tickets API: POST /api/v2/tickets.json, basic auth
 * `{email}/token:{api_token}`). The ticket carries the transcript and links back to the console,
 * so a team that lives in Zendesk gets the whole context without leaving it.
 */
export interface ZendeskSettings {
  /** https://SUBDOMAIN.zendesk.com, or a local server in tests. */
  baseUrl: string;
  email: string;
  apiToken: string;
}

export interface ZendeskTicketRef { id: number; url: string }

const PRIORITY: Record<EscalationDetail['priority'], string> = { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' };

export function zendeskSettings(options: { zendeskSubdomain?: string | undefined; zendeskEmail?: string | undefined; zendeskApiToken?: string | undefined; zendeskBaseUrl?: string | undefined }): ZendeskSettings | null {
  const baseUrl = options.zendeskBaseUrl ?? (options.zendeskSubdomain ? `https://${options.zendeskSubdomain}.zendesk.com` : undefined);
  if (!baseUrl || !options.zendeskEmail || !options.zendeskApiToken) return null;
  return { baseUrl: baseUrl.replace(/\/+$/, ''), email: options.zendeskEmail, apiToken: options.zendeskApiToken };
}

export function zendeskTicketBody(escalation: EscalationDetail, consoleUrl: string) {
  const transcript = escalation.transcript.map((entry) => `[${entry.at}] ${entry.author ?? entry.role}: ${entry.text}`).join('\n');
  const lines = [
    escalation.summary,
    '',
    `Reason: ${escalation.reason} · Priority: ${escalation.priority}`,
    ...(escalation.order ? [`Order: ${escalation.order.number} (${escalation.order.status})`] : []),
    ...(escalation.held_action ? [`Held action awaiting approval: ${escalation.held_action.preview.summary}`] : []),
    `Open in Shopkeeper: ${consoleUrl}`,
    '',
    'Transcript:',
    transcript,
  ];
  return {
    ticket: {
      subject: `[${escalation.reason}] ${escalation.summary}`.slice(0, 150),
      comment: { body: lines.join('\n'), public: false },
      priority: PRIORITY[escalation.priority],
      type: 'problem',
      external_id: escalation.id,
      tags: ['shopkeeper', `reason_${escalation.reason}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase()],
      ...(escalation.customer ? { requester: { name: escalation.customer.name, email: escalation.customer.email } } : {}),
    },
  };
}

export async function createZendeskTicket(settings: ZendeskSettings, escalation: EscalationDetail, consoleUrl: string, fetchImpl: typeof fetch = fetch): Promise<ZendeskTicketRef> {
  const auth = Buffer.from(`${settings.email}/token:${settings.apiToken}`).toString('base64');
  let response: Response;
  try {
    response = await fetchImpl(`${settings.baseUrl}/api/v2/tickets.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(zendeskTicketBody(escalation, consoleUrl)),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ShopkeeperError('unavailable', 'Zendesk could not be reached.', { cause: error, fix: 'Check ZENDESK_SUBDOMAIN and the network, then send again.' });
  }
  if (response.status !== 201) {
    const fix = response.status === 401 ? 'Check ZENDESK_EMAIL and ZENDESK_API_TOKEN (Admin Center > Apps and integrations > Zendesk API).' : 'Try again; Zendesk answered with an error.';
    throw new ShopkeeperError('unavailable', `Zendesk refused the ticket (HTTP ${response.status}).`, { fix });
  }
  const body = await response.json() as { ticket?: { id?: number } };
  const id = body.ticket?.id;
  if (typeof id !== 'number') throw new ShopkeeperError('unavailable', 'Zendesk answered without a ticket id.');
  return { id, url: `${settings.baseUrl}/agent/tickets/${id}` };
}
