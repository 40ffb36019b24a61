import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, ROOT } from './paths.ts';

export interface Replica { child: ChildProcess; url: string; stop: (signal?: NodeJS.Signals) => Promise<void> }

/**
 * One `shopkeeper serve` process, as a replica behind a load balancer runs it: its own data
 * directory, the shared database from `env.DATABASE_URL`, port 0. Resolves with its URL.
 */
export function startReplica(args: string[], env: Record<string, string>): Promise<Replica> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0', '--json'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) {
        const url = (JSON.parse(line) as { url: string }).url;
        resolve({
          child, url,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise((done) => child.once('exit', done));
            child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`replica exited with ${code} before listening: ${err.slice(-2000)}`)));
  });
}
