/**
 * Conversation eval: scripted multi-turn scenarios (scenarios/*.json) played against the offline
 * engine over the real tool registry, each on a fresh copy of the merchant's database. Checks
 * replies (must / must not include, events) and the final database state, then prints a table of
 * resolved / correctly escalated / wrongly answered / wrongly acted, plus leaks.
 *
 *   npm run eval:conversations [-- --filter en-status] [--verbose] [--json]
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatEvent, TurnInput } from '../../src/assistant/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { prepareMerchant } from '../../src/flows/index.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createLogger, fixedClock } from '../../src/platform/index.ts';
import { buildEngine } from '../../src/surfaces/web/index.ts';
import { type Scenario, judge, type Verdict } from './judge.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const MERCHANTS: Record<string, string> = { demo: join(ROOT, 'knowledge'), 'tea-shop': join(ROOT, 'test/fixtures/tea-shop') };
const NOW = '2026-11-28T12:00:00Z';
const args = process.argv.slice(2);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : undefined;
const verbose = args.includes('--verbose');

const silent = createLogger({ level: 'silent' });
const runtimeAt = (merchant: string, data: string): Promise<Runtime> =>
  createRuntime(loadConfig({ env: { LOG_LEVEL: 'silent' }, flags: { merchant: MERCHANTS[merchant]!, data } }), { logger: silent, clock: fixedClock(NOW) });

/** One imported database per merchant; every scenario gets its own copy, so actions never leak between scenarios. */
const templates = new Map<string, string>();
async function template(merchant: string): Promise<string> {
  let dir = templates.get(merchant);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), `sk-eval-${merchant}-`));
    const runtime = await runtimeAt(merchant, dir);
    await prepareMerchant(runtime);
    await runtime.close();
    templates.set(merchant, dir);
  }
  return dir;
}

async function play(scenario: Scenario): Promise<Verdict> {
  const data = mkdtempSync(join(tmpdir(), 'sk-eval-run-'));
  copyFileSync(join(await template(scenario.merchant ?? 'demo'), 'shopkeeper.db'), join(data, 'shopkeeper.db'));
  const runtime = await runtimeAt(scenario.merchant ?? 'demo', data);
  try {
    await runtime.knowledge.load();
    const engine = buildEngine(runtime, runtime.conversations);
    const statusBefore = await orderStatuses(runtime);
    let conversationId: string | undefined;
    let last: ChatEvent[] = [];
    const replies: Array<{ text: string; events: ChatEvent[] }> = [];
    for (const turn of scenario.turns) {
      const input: TurnInput = turn.user !== undefined ? { text: turn.user } : pressed(turn.press!, turn.card ?? 0, last);
      const events: ChatEvent[] = [];
      conversationId = (await engine.turn({ ...input, ...(conversationId ? { conversationId } : {}), locale: scenario.locale ?? 'en' }, (event) => events.push(event))).conversationId;
      last = events;
      replies.push({ text: events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join(''), events });
    }
    const state = (await runtime.conversations.get(conversationId!))!.state;
    return judge(scenario, replies, { statusBefore, statusAfter: await orderStatuses(runtime), handoff: state.handoff, emails: await allEmails(runtime) });
  } finally {
    await runtime.close();
    rmSync(data, { recursive: true, force: true });
  }
}

function pressed(press: string, card: number, last: ChatEvent[]): TurnInput {
  if (press === 'handoff') return { action: { type: 'handoff' } };
  if (press === 'buy') {
    const cards = last.find((event) => event.type === 'product-cards');
    return { action: { type: 'buy', variant_id: cards?.type === 'product-cards' ? cards.products[card]?.variant_id ?? undefined : undefined } };
  }
  const preview = last.find((event) => event.type === 'action-preview');
  return { action: { type: press as 'confirm' | 'cancel', preview_id: preview?.type === 'action-preview' ? preview.preview.id : 'none' } };
}

async function orderStatuses(runtime: Runtime): Promise<Map<string, string>> {
  return new Map((await runtime.sql.all<{ number: string; status: string }>('SELECT number, status FROM orders')).map((row) => [row.number, row.status]));
}
async function allEmails(runtime: Runtime): Promise<string[]> {
  return (await runtime.sql.all<{ email: string }>('SELECT email FROM customers')).map((row) => row.email.toLowerCase());
}

const scenarios: Scenario[] = readdirSync(join(here, 'scenarios')).filter((file) => file.endsWith('.json')).sort()
  .flatMap((file) => JSON.parse(readFileSync(join(here, 'scenarios', file), 'utf8')) as Scenario[])
  .filter((scenario) => !filter || scenario.id.includes(filter));
const verdicts: Array<{ scenario: Scenario; verdict: Verdict }> = [];
for (const scenario of scenarios) {
  const verdict = await play(scenario);
  verdicts.push({ scenario, verdict });
  if (verbose || (!verdict.ok && !args.includes('--json'))) console.log(`${verdict.ok ? 'ok  ' : 'FAIL'} ${scenario.id}${verdict.problems.length ? `\n     - ${verdict.problems.join('\n     - ')}` : ''}`);
}
for (const dir of templates.values()) rmSync(dir, { recursive: true, force: true });

const groups = new Map<string, typeof verdicts>();
for (const item of verdicts) groups.set(item.scenario.merchant === 'tea-shop' ? 'unseen merchant (tea-shop)' : item.scenario.locale === 'fr' ? 'demo, French' : 'demo, English', [...(groups.get(item.scenario.merchant === 'tea-shop' ? 'unseen merchant (tea-shop)' : item.scenario.locale === 'fr' ? 'demo, French' : 'demo, English') ?? []), item]);
const row = (name: string, items: typeof verdicts) => {
  const count = (outcome: Verdict['outcome']) => items.filter((item) => item.verdict.outcome === outcome).length;
  const expected = items.filter((item) => item.verdict.ok).length;
  return `| ${name} | ${items.length} | ${count('resolved')} | ${count('correctly_escalated')} | ${count('wrongly_answered')} | ${count('wrongly_acted')} | ${items.filter((item) => item.verdict.leaks > 0).length} | ${items.length ? Math.round((100 * expected) / items.length) : 0}% |`;
};
const table = ['| scenarios | n | resolved | correctly escalated | wrongly answered | wrongly acted | leaks | expected outcome |', '|---|---|---|---|---|---|---|---|',
  ...[...groups.entries()].map(([name, items]) => row(name, items)), row('**all**', verdicts)].join('\n');
if (args.includes('--json')) console.log(JSON.stringify(verdicts.map(({ scenario, verdict }) => ({ id: scenario.id, ...verdict })), null, 2));
console.log(`\n${table}\n`);
const rate = verdicts.filter((item) => item.verdict.ok).length / Math.max(1, verdicts.length);
const wrongActs = verdicts.filter((item) => item.verdict.outcome === 'wrongly_acted').length;
const leaks = verdicts.filter((item) => item.verdict.leaks > 0).length;
console.log(`target: >= 90% expected outcome, 0 wrong actions, 0 leaks -> ${(rate * 100).toFixed(1)}%, ${wrongActs} wrong actions, ${leaks} leaks`);
process.exitCode = rate >= 0.9 && wrongActs === 0 && leaks === 0 ? 0 : 1;
