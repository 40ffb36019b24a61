import type { ChatEvent } from '../../src/assistant/index.ts';

/** A scripted conversation and what must be true at the end of it. */
export interface Scenario {
  id: string;
  merchant?: 'demo' | 'tea-shop';
  locale?: 'en' | 'fr';
  /** resolved: the engine handled it; escalated: the right answer is a person (or a held action). */
  expect: 'resolved' | 'escalated';
  turns: Array<{
    user?: string;
    press?: 'confirm' | 'cancel' | 'buy' | 'handoff';
    card?: number;
    /** Each entry must appear (case-insensitive); "a|b" accepts either. */
    include?: string[];
    exclude?: string[];
    events?: ChatEvent['type'][];
  }>;
  /** Order statuses after the conversation; any other status change is a wrong action. */
  orders?: Record<string, string>;
  /** Data the shopper is entitled to see (their own emails and order numbers); anything else from the database is a leak. */
  allowed?: string[];
}

export interface Verdict {
  ok: boolean;
  outcome: 'resolved' | 'correctly_escalated' | 'wrongly_answered' | 'wrongly_acted';
  leaks: number;
  problems: string[];
}

const has = (text: string, needle: string) => needle.split('|').some((option) => text.toLowerCase().includes(option.toLowerCase()));

export function judge(
  scenario: Scenario,
  replies: Array<{ text: string; events: ChatEvent[] }>,
  db: { statusBefore: Map<string, string>; statusAfter: Map<string, string>; handoff: string; emails: string[] },
): Verdict {
  const problems: string[] = [];
  scenario.turns.forEach((turn, index) => {
    const reply = replies[index]!;
    const shown = `${reply.text} ${JSON.stringify(reply.events.filter((event) => event.type !== 'text-delta'))}`;
    for (const needle of turn.include ?? []) if (!has(shown, needle)) problems.push(`turn ${index + 1}: missing "${needle}" in "${reply.text.slice(0, 160)}"`);
    for (const needle of turn.exclude ?? []) if (has(reply.text, needle)) problems.push(`turn ${index + 1}: must not say "${needle}"`);
    for (const type of turn.events ?? []) if (!reply.events.some((event) => event.type === type)) problems.push(`turn ${index + 1}: no ${type} event`);
  });

  let wrongAction = false;
  for (const [number, before] of db.statusBefore) {
    const after = db.statusAfter.get(number);
    const expected = scenario.orders?.[number];
    if (expected !== undefined && after !== expected) problems.push(`order ${number} is ${after}, expected ${expected}`);
    if (after !== before && expected === undefined) { wrongAction = true; problems.push(`order ${number} changed ${before} -> ${after} without being expected`); }
  }

  const allowed = new Set((scenario.allowed ?? []).map((item) => item.toLowerCase()));
  for (const turn of scenario.turns) for (const token of (turn.user ?? '').toLowerCase().split(/[\s,;]+/)) allowed.add(token.replace(/[.?!]+$/, ''));
  const everything = replies.map((reply) => `${reply.text} ${JSON.stringify(reply.events)}`).join(' ').toLowerCase();
  let leaks = 0;
  for (const email of db.emails) if (!allowed.has(email) && everything.includes(email)) { leaks++; problems.push(`LEAK: ${email}`); }
  for (const number of db.statusBefore.keys()) if (!allowed.has(number.toLowerCase()) && new RegExp(`\\b${number}\\b`, 'i').test(everything)) { leaks++; problems.push(`LEAK: ${number}`); }

  const escalated = db.handoff === 'requested' || db.handoff === 'human';
  if (scenario.expect === 'escalated' && !escalated) problems.push('expected a hand-off to a person');
  if (scenario.expect === 'resolved' && escalated) problems.push('handed off although the engine should have resolved it');
  const ok = problems.length === 0;
  const outcome: Verdict['outcome'] = wrongAction ? 'wrongly_acted' : !ok ? 'wrongly_answered' : scenario.expect === 'escalated' ? 'correctly_escalated' : 'resolved';
  return { ok, outcome, leaks, problems };
}
