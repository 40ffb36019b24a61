import { configMarkdown, redactedConfig } from '../../config/index.ts';
import type { Command } from '../command.ts';

export const configCommand: Command = {
  name: 'config',
  summary: 'Show the resolved configuration (secrets hidden), or --markdown for the option table',
  usage: 'shopkeeper config [--markdown] [--json]',
  flags: { markdown: { type: 'boolean' } },
  async run(context) {
    if (context.flags.markdown) {
      context.print(configMarkdown());
      return 0;
    }
    const shown = redactedConfig(context.config());
    context.print(context.json ? JSON.stringify(shown, null, 2) : Object.entries(shown).map(([key, value]) => `${key.padEnd(22)} ${value ?? ''}`).join('\n'));
    return 0;
  },
};
