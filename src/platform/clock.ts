/** A clock port so tests and evals can pin "now" (return windows depend on it). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/**
 * SHOPKEEPER_NOW: starts at the pinned time and then runs at real speed. A clock that stood still
 * would never let anything expire (a stale payment claim, a lockout, a rate-limit window), and
 * code comparing it with the real clock would see times in the past or future.
 */
export function pinnedClock(iso: string, realNow: () => number = Date.now): Clock {
  const offset = new Date(iso).getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
