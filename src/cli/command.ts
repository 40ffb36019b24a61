import type { Config } from '../config/index.ts';

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  flags: Record<string, string | boolean | undefined>;
  config: () => Config;
  json: boolean;
  /** Human-facing output (stdout). */
  print: (line: string) => void;
  /** Progress on a TTY only; silent with --json or when piped. */
  progress: (line: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Command-specific flags for util.parseArgs, beyond the config flags. */
  flags?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(context: CommandContext): Promise<number>;
}
