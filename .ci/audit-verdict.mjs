// Reads `npm audit --json` output after a non-zero exit and decides: findings fail the build,
// an unreachable advisory service is reported loudly but does not (network down is not "vulnerable").
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.log(`   WARNING: npm audit could not get advisories (${report.message ?? 'no report'}); production dependencies were NOT audited in this run`);
  process.exit(0);
}
for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
  if (entry.severity === 'high' || entry.severity === 'critical') console.log(`   ${entry.severity}: ${name} ${entry.range} (fix: ${JSON.stringify(entry.fixAvailable)})`);
}
console.log(`   advisories: ${JSON.stringify(counts)}`);
process.exit(counts.high + counts.critical > 0 ? 1 : 0);
