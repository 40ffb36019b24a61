/** Latency percentiles and a fixed-width table, shared by the bench scripts. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface LoadResult { calls: number; errors: number; seconds: number; p50: number; p95: number; p99: number; perSecond: number }

/** Runs `call` from `concurrency` workers for `seconds`, recording each latency in ms. */
export async function runLoad(call: () => Promise<void>, options: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await call();
        latencies.push(performance.now() - begin);
      } catch {
        errors++;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((left, right) => left - right);
  return { calls: latencies.length, errors, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), perSecond: latencies.length / seconds };
}

export function printTable(rows: Array<Record<string, string | number>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)) + 2);
  console.log(columns.map((column, index) => column.padEnd(widths[index]!)).join(''));
  for (const row of rows) console.log(columns.map((column, index) => String(row[column]).padEnd(widths[index]!)).join(''));
}

export const fixed = (value: number, digits = 1) => Number(value.toFixed(digits));

/** A machine-readable line for `npm run bench` (evals/bench/run-all.ts) to collect into its summary. */
export function reportMetrics(bench: string, metrics: Record<string, number | string>): void {
  console.log(`BENCH_METRICS ${JSON.stringify({ bench, ...metrics })}`);
}
