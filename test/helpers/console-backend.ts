import type { ConsoleActor, ConsoleBackend, EscalationDetail, EscalationFilter, Insights } from '../../src/flows/console/index.ts';

/**
 * An in-memory ConsoleBackend for console tests: the same contract as the real adapter, with
 * state the test can inspect (`escalations`, `replies`, `executed`) and `raise` to simulate an
 * escalation coming in from the widget while the console is open.
 */
export class MemoryConsoleBackend implements ConsoleBackend {
  readonly escalations = new Map<string, EscalationDetail>();
  readonly replies: Array<{ id: string; text: string; by: string }> = [];
  readonly executed: string[] = [];
  insightsData: Insights | null = null;
  private tick = 0;

  constructor(seed: EscalationDetail[] = []) {
    for (const escalation of seed) this.escalations.set(escalation.id, structuredClone(escalation));
  }

  /** Strictly increasing timestamps so the live stream's cursor sees every change. */
  private stamp(): string {
    return new Date(Date.now() + ++this.tick).toISOString();
  }

  raise(escalation: EscalationDetail): void {
    this.escalations.set(escalation.id, { ...structuredClone(escalation), updated_at: this.stamp() });
  }

  async listEscalations(filter: EscalationFilter) {
    const now = Date.now();
    return [...this.escalations.values()].filter((item) => (!filter.status || filter.status.includes(item.status))
      && (!filter.priority || filter.priority.includes(item.priority))
      && (!filter.reason || filter.reason === item.reason)
      && (!filter.minAgeMinutes || now - Date.parse(item.created_at) >= filter.minAgeMinutes * 60_000)
      && (!filter.updatedAfter || item.updated_at > filter.updatedAfter))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .slice(filter.offset ?? 0, (filter.offset ?? 0) + (filter.limit ?? 500))
      .map(({ transcript: _t, customer: _c, order: _o, held_action: _h, suggested_reply: _s, notes: _n, conversation_id: _i, ...summary }) => summary);
  }

  async getEscalation(id: string) {
    return structuredClone(this.escalations.get(id) ?? null);
  }

  private change(id: string, update: (item: EscalationDetail) => void): void {
    const item = this.escalations.get(id);
    if (!item) throw Object.assign(new Error('missing'), { status: 404 });
    update(item);
    item.updated_at = this.stamp();
  }

  async claim(id: string, actor: ConsoleActor) { this.change(id, (item) => { item.assignee = { id: actor.id, email: actor.email }; item.status = 'claimed'; }); }
  async unassign(id: string) { this.change(id, (item) => { item.assignee = null; item.status = 'open'; }); }
  async approve(id: string, actor: ConsoleActor) {
    let outcome = '';
    this.change(id, (item) => {
      const held = item.held_action!;
      held.status = 'approved';
      held.decided_by = actor.email;
      held.outcome = outcome = `Executed: ${held.preview.summary}`;
      this.executed.push(held.id);
    });
    return outcome;
  }
  async deny(id: string, actor: ConsoleActor, reason: string) { this.change(id, (item) => { item.held_action!.status = 'denied'; item.held_action!.decided_by = actor.email; item.held_action!.outcome = reason; }); }
  async reply(id: string, actor: ConsoleActor, text: string) {
    this.change(id, (item) => { item.transcript.push({ role: 'support_agent', text, at: new Date().toISOString(), author: actor.email }); item.status = 'waiting_on_customer'; });
    this.replies.push({ id, text, by: actor.email });
    return 'stored' as const;
  }
  async note(id: string, actor: ConsoleActor, text: string) { this.change(id, (item) => item.notes.push({ author: actor.email, text, at: new Date().toISOString() })); }
  async resolve(id: string) { this.change(id, (item) => { item.status = 'resolved'; }); }
  async receiveReturn(id: string) {
    let rma = '';
    this.change(id, (item) => { rma = item.order?.awaiting_parcel ?? ''; if (item.order) item.order.awaiting_parcel = null; });
    return `${rma} received.`;
  }
  async insights(range: { from: string; to: string }): Promise<Insights> {
    return this.insightsData ?? { ...range, currency: 'USD', conversations: 0, resolved_without_human: 0, escalations: 0, escalation_reasons: {}, actions: { returns: 0, cancellations: 0, exchanges: 0, refunds: 0, refunded_amount: 0 }, checkout_conversions: 0, daily: [], unanswered_questions: [] };
  }
}

/** A held refund above the approval threshold, raised from a widget conversation. */
export function heldRefundEscalation(id = 'esc_refund1', minutesAgo = 90): EscalationDetail {
  const created = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return {
    id, status: 'open', priority: 'high', reason: 'refund_approval', summary: 'Refund of $289.00 for a returned tent needs approval',
    customer_name: 'Maya Chen', order_number: 'NW-1042', assignee: null, has_held_action: true, created_at: created, updated_at: created,
    conversation_id: 'conv_1',
    transcript: [
      { role: 'shopper', text: 'Hi, I returned the Basecamp 4 tent, can I get my refund? <script>alert(1)</script>', at: created },
      { role: 'assistant', text: 'Refunds above $200 need a teammate’s approval. I have passed this on.', at: created, citations: [{ title: 'Returns and refunds', url: 'https://northwind.example/help/returns' }] },
    ],
    customer: { id: 'cus_1', name: 'Maya Chen', email: 'maya@example.com', verified_by: 'email + order number' },
    order: {
      number: 'NW-1042', status: 'delivered', created_at: created, total: { amount: 28900, currency: 'USD' },
      items: [{ title: 'Basecamp 4 Tent', quantity: 1, unit_price: 28900 }],
      payments: [{ kind: 'charge', amount: 28900, method: 'Visa •••• 4242', at: created }], fulfillments: [{ carrier: 'UPS', tracking_number: '1Z999', status: 'delivered' }],
      history: [{ number: 'NW-0977', status: 'delivered', created_at: created, total: { amount: 4500, currency: 'USD' } }],
      awaiting_parcel: null,
    },
    held_action: {
      id: 'held_1', kind: 'return_refund', status: 'pending',
      preview: { summary: 'Refund $289.00 to Visa •••• 4242 for 1 × Basecamp 4 Tent', lines: ['Return 1 × Basecamp 4 Tent', 'Refund $289.00 to Visa •••• 4242'], amount: { amount: 28900, currency: 'USD' } },
      policy: { rule: 'Refunds above $200.00 need a human approval (policy.yaml: approval.refund_above)', citation: { title: 'Returns and refunds', url: 'https://northwind.example/help/returns' } },
    },
    suggested_reply: { text: 'Your return is approved and $289.00 is on its way to your Visa; it usually shows in 5–7 business days.', citations: [{ title: 'Returns and refunds', url: 'https://northwind.example/help/returns' }] },
    notes: [],
  };
}

/** Thirty days of plausible numbers for the insights page when no real conversations exist. */
export function sampleInsights(): import('../../src/flows/console/index.ts').Insights {
  const to = new Date();
  const daily = Array.from({ length: 30 }, (_, index) => {
    const day = new Date(to.getTime() - (29 - index) * 86_400_000).toISOString().slice(0, 10);
    const conversations = 20 + ((index * 7) % 13);
    return { day, conversations, escalations: 2 + (index % 4) };
  });
  const questions = [
    ...Array(6).fill('Do you ship to Iceland?'), 'Can you ship to iceland', 'shipping to Iceland possible?',
    ...Array(4).fill('Is there a student discount?'), 'do you offer student discounts',
    'Are your tents waterproof in heavy rain?', 'is the basecamp tent waterproof', 'Can I pick up in store?',
  ];
  return {
    from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString(), currency: 'USD',
    conversations: daily.reduce((sum, day) => sum + day.conversations, 0),
    resolved_without_human: daily.reduce((sum, day) => sum + day.conversations - day.escalations, 0),
    escalations: daily.reduce((sum, day) => sum + day.escalations, 0),
    escalation_reasons: { refund_approval: 31, human_requested: 24, policy_exception: 15, unanswered_question: 10 },
    actions: { returns: 42, cancellations: 17, exchanges: 9, refunds: 51, refunded_amount: 612_450 },
    checkout_conversions: 64, daily, unanswered_questions: questions.map((text) => ({ text, at: to.toISOString() })),
  };
}
