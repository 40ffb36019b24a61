export { createHttpApp } from './app.ts';
export type { HttpAppOptions } from './app.ts';
export { sendProblem, zodProblem, errorHandler } from './problem.ts';
export type { Problem } from './problem.ts';
