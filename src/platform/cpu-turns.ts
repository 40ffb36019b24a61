/**
 * Turns for CPU-bound request work (search, ranking): one task per event-loop iteration.
 *
 * A checkout on PostgreSQL is ~60 short queries in a row, each resumed by the event loop's I/O
 * phase. When several searches start in the same iteration they would run back to back, and every
 * query of the checkout would wait behind all of them. Taking a turn here lets the loop serve I/O
 * between two searches, so a database round trip waits for at most one.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(runNext);
}

/** Resolves when it is this task's turn; the task's synchronous work then runs before the next turn. */
export function cpuTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
