/**
 * `npm run bench`: every benchmark in one run, each beside the baseline it measures in that same
 * run, then one table of ratios against the targets (docs: evals/bench/README.md). Each script
 * prints a `BENCH_METRICS {...}` line; this collects them. Usage: `npm run bench [seconds]`
 * (default 10 s per load phase). PostgreSQL rows are skipped when no server is reachable.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const seconds = process.argv[2] ?? '10';
type Metrics = Record<string, number | string>;

function run(script: string, args: string[]): Promise<Metrics[]> {
  return new Promise((done) => {
    console.log(`\n=== ${script} ${args.join(' ')}`);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'evals/bench', script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const metrics: Metrics[] = [];
    let pending = '';
    child.stdout.on('data', (data: Buffer) => {
      process.stdout.write(data);
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('BENCH_METRICS ')) metrics.push(JSON.parse(line.slice('BENCH_METRICS '.length)) as Metrics);
    });
    child.on('close', (code) => {
      if (code !== 0) console.log(`(${script} exited with ${code})`);
      done(metrics);
    });
  });
}

const all = [
  ...await run('import-bench.ts', []),
  ...await run('search-bench.ts', ['10000', '100000']),
  ...await run('mcp-bench.ts', [seconds]),
  ...await run('acp-bench.ts', [seconds]),
  ...await run('load-bench.ts', ['15']),
  ...await run('load-bench.ts', ['15', '--postgres']),
];
const find = (bench: string, match: Metrics = {}) => all.find((row) => row.bench === bench && Object.entries(match).every(([key, value]) => row[key] === value));
const num = (row: Metrics | undefined, key: string) => (row ? Number(row[key]) : NaN);
const search10k = find('search', { passages: 10_000 }), search100k = find('search', { passages: 100_000 });
const mcp = find('mcp'), acp = find('acp'), sqlite = find('load', { database: 'sqlite' }), postgres = find('load', { database: 'postgres' });

const checks: Array<[string, number, string, (value: number) => boolean]> = [
  ['ACP flows/s x 3 / hello req/s', (num(acp, 'flows_per_second') * 3) / num(acp, 'hello_per_second'), '>= 0.30', (value) => value >= 0.3],
  ['ACP flow p99 / hello p99', num(acp, 'flow_p99_ms') / num(acp, 'hello_p99_ms'), '<= 5', (value) => value <= 5],
  ['MCP search_help calls/s / echo calls/s', num(mcp, 'calls_per_second') / num(mcp, 'echo_per_second'), '>= 0.6', (value) => value >= 0.6],
  ['load: PostgreSQL / SQLite checkout flows/s', num(postgres, 'checkout_flows_per_second') / num(sqlite, 'checkout_flows_per_second'), '>= 0.7', (value) => value >= 0.7],
  ['load SQLite: worst route p99 (ms)', num(sqlite, 'max_p99_ms'), '<= 250', (value) => value <= 250],
  ['load PostgreSQL: worst route p99 (ms)', num(postgres, 'max_p99_ms'), '<= 250', (value) => value <= 250],
  ['100k passages: start-up load (s)', num(search100k, 'load_seconds'), '<= 5', (value) => value <= 5],
  ['100k passages: query p95 (ms)', num(search100k, 'query_p95_ms'), '<= 25', (value) => value <= 25],
  ['10k passages: query p95 (ms)', num(search10k, 'query_p95_ms'), '<= 8', (value) => value <= 8],
  ['100k passages: ingest chunks/s', num(search100k, 'ingest_chunks_per_second'), '>= 2000', (value) => value >= 2000],
];

console.log('\n| measure | value | target | met |\n|---|---|---|---|');
for (const [label, value, target, meets] of checks) console.log(`| ${label} | ${Number.isNaN(value) ? 'not measured' : value.toFixed(2)} | ${target} | ${Number.isNaN(value) ? '-' : meets(value) ? 'yes' : 'NO'} |`);
