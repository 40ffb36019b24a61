import type { Command } from '../command.ts';
import { agentsCommand } from './agents.ts';
import { askCommand } from './ask.ts';
import { calibrateCommand } from './calibrate.ts';
import { configCommand } from './config.ts';
import { feedCommand } from './feed.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { mcpCommand } from './mcp.ts';
import { returnsCommand } from './returns.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';

/** Every CLI command; a capability's command is added here. */
export const COMMANDS: Command[] = [serveCommand, importCommand, ingestCommand, searchCommand, askCommand, calibrateCommand, configCommand, mcpCommand, feedCommand, agentsCommand, returnsCommand];

/** Commands named in the docs that a later release adds. */
export const PLANNED = ['eval', 'bench'];
