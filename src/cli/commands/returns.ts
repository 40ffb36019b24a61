import { userInfo } from 'node:os';
import { receiveReturnByRma } from '../../flows/index.ts';
import { createRuntime } from '../../main.ts';
import { createLogger, invalidInput, type AuditActor } from '../../platform/index.ts';
import type { Command } from '../command.ts';

/** Who the audit log names: the console account given with --by, else the operating-system user. */
async function actorFor(by: unknown, accounts: { list(): Promise<Array<{ id: string; email: string }>> }): Promise<AuditActor> {
  if (typeof by !== 'string') return { kind: 'system', id: `cli:${userInfo().username}` };
  const account = (await accounts.list()).find((candidate) => candidate.email === by.trim().toLowerCase());
  if (!account) throw invalidInput(`No console account ${by}.`, { field: 'by', fix: 'Pass the email of a console account (shopkeeper agents list), or leave --by out.' });
  return { kind: 'support_agent', id: account.id };
}

export const returnsCommand: Command = {
  name: 'returns',
  summary: 'The warehouse received a return parcel: `returns receive RMA-ID` settles its refund or exchange difference once',
  usage: 'shopkeeper returns receive RMA-ID [--by EMAIL] [--json]',
  flags: { by: { type: 'string' } },
  async run(context) {
    const [action, rma] = context.args;
    if (action !== 'receive' || !rma) {
      context.print(`Usage: ${this.usage}`);
      return 2;
    }
    const runtime = await createRuntime(context.config(), { logger: createLogger({ level: 'warn' }) });
    try {
      const outcome = await receiveReturnByRma(runtime, rma, { actor: await actorFor(context.flags.by, runtime.accounts), channel: 'cli' });
      if (context.json) context.print(JSON.stringify({ order_number: outcome.order_number, summary: outcome.summary, amounts: outcome.amounts, currency: outcome.currency, replayed: outcome.replayed === true }, null, 2));
      else context.print(outcome.replayed ? `Already received: ${outcome.summary}` : outcome.summary);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
