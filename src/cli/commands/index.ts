import type { Command } from '../command.ts';
import { agentsCommand } from './agents.ts';
import { configCommand } from './config.ts';
import { importCommand } from './import.ts';
import { mcpCommand } from './mcp.ts';
import { serveCommand } from './serve.ts';

/** Every CLI command; a capability's command is added here. */
export const COMMANDS: Command[] = [serveCommand, importCommand, configCommand, mcpCommand, agentsCommand];

/** Commands named in the docs that a later release adds. */
export const PLANNED = ['ingest', 'search', 'ask', 'eval', 'bench', 'feed'];
