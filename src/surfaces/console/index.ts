export { consoleRouter } from './router.ts';
export type { ConsoleOptions } from './router.ts';
export { requireSession } from './session.ts';
