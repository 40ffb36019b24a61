import { parseArgs } from 'node:util';
import { OPTIONS, loadConfig, type Config } from '../config/index.ts';
import { COMMANDS, PLANNED } from './commands/index.ts';

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: shopkeeper <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options shared by every command (each also has an environment variable):',
    ...OPTIONS.filter((option) => 'flag' in option).map((option) => `  --${(option as { flag: string }).flag.padEnd(12)} ${option.env}`),
    '  --json         machine-readable output',
  ].join('\n');
}

export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(PLANNED.includes(name) ? `shopkeeper ${name} is not available in this build yet.` : `Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const configFlags = Object.fromEntries(OPTIONS.filter((option) => 'flag' in option).map((option) => [(option as { flag: string }).flag, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...configFlags, ...command.flags, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  const json = parsed.values.json === true;
  let config: Config | undefined;
  return command.run({
    args: parsed.positionals,
    flags: parsed.values,
    json,
    config: () => (config ??= loadConfig({ env, flags: parsed.values, cwd: process.cwd() })),
    print: (line) => process.stdout.write(`${line}\n`),
    progress: (line) => {
      if (!json && process.stderr.isTTY) process.stderr.write(`${line}\n`);
    },
  });
}

