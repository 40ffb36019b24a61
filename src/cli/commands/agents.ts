import { createInterface } from 'node:readline';
import { generatePassword, type Role } from '../../accounts/index.ts';
import { createRuntime } from '../../main.ts';
import { createLogger, invalidInput } from '../../platform/index.ts';
import type { Command } from '../command.ts';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks twice without echoing, the way passwd does. */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  let asking = true;
  muted._writeToOutput = (text) => { if (!asking || text.includes(question)) process.stderr.write(asking ? question : text); };
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    asking = false;
    process.stderr.write('\n');
    rl.close();
  }
}

export const agentsCommand: Command = {
  name: 'agents',
  summary: 'Support console accounts: `agents add EMAIL --role agent|admin`, `agents list`',
  usage: 'shopkeeper agents add EMAIL [--role agent|admin] [--password-stdin] | shopkeeper agents list [--json]',
  flags: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  async run(context) {
    const [action, email] = context.args;
    const runtime = await createRuntime(context.config(), { logger: createLogger({ level: 'warn' }) });
    try {
      if (action === 'list') {
        const accounts = await runtime.accounts.list();
        if (context.json) context.print(JSON.stringify(accounts, null, 2));
        else for (const account of accounts) context.print(`${account.email}\t${account.role}\tlast sign-in ${account.last_login_at ?? 'never'}`);
        return 0;
      }
      if (action !== 'add' || !email) {
        context.print(`Usage: ${this.usage}`);
        return 2;
      }
      const role = String(context.flags.role ?? 'agent');
      if (role !== 'agent' && role !== 'admin') throw invalidInput(`--role must be agent or admin, not "${role}".`, { fix: 'Pass --role agent or --role admin.' });
      let password: string;
      let generated = false;
      if (context.flags['password-stdin']) password = await readStdin();
      else if (process.stdin.isTTY) {
        password = await prompt('Password (empty to generate one): ');
        if (password && (await prompt('Repeat the password: ')) !== password) throw invalidInput('The two passwords differ.');
      } else password = '';
      if (!password) [password, generated] = [generatePassword(), true];
      const account = await runtime.accounts.add(email, role as Role, password);
      if (context.json) context.print(JSON.stringify({ ...account, ...(generated ? { password } : {}) }, null, 2));
      else {
        context.print(`Added ${account.email} (${account.role}). Sign in at /console/login.`);
        if (generated) context.print(`Generated password (shown once): ${password}`);
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
