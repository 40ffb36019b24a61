import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The network address of the chat request being served. The tools a conversation runs count
 * their per-client limits against it: a conversation id is the browser's to choose, and a new one
 * must not bring a fresh verification budget.
 */
export const chatClientAddress = new AsyncLocalStorage<string>();
