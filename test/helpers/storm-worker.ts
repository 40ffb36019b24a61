// A separate OS process acting as another replica: fires tool calls at a shared database and
// prints one JSON line of outcomes. Used by the multi-process concurrency test.
import { loadConfig } from '../../src/config/index.ts';
import { createRuntime } from '../../src/main.ts';
import { createLogger, fixedClock } from '../../src/platform/index.ts';
import { findTool } from '../../src/tools/index.ts';

const [merchant, data, toolName, argsJson, countText, worker] = process.argv.slice(2) as [string, string, string, string, string, string];
const runtime = await createRuntime(loadConfig({ env: { LOG_LEVEL: 'silent' }, flags: { merchant, data } }), { logger: createLogger({ level: 'silent' }), clock: fixedClock('2026-11-28T10:00:00Z') });
const tool = findTool(toolName)!;
const outcomes = await Promise.allSettled(Array.from({ length: Number(countText) }, (_, index) => {
  const args = JSON.parse(argsJson.replaceAll('{i}', `${worker}-${index}`)) as Record<string, unknown>;
  return tool.execute({ services: runtime, channel: 'test', actor: { kind: 'assistant', id: `worker-${worker}` } }, tool.input.parse(args));
}));
process.stdout.write(JSON.stringify(outcomes.map((outcome) => outcome.status === 'fulfilled' ? (outcome.value as { status: string }).status : (outcome.reason as { code?: string }).code ?? String(outcome.reason))) + '\n');
await runtime.close();
