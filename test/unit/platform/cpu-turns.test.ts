import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cpuTurn } from '../../../src/platform/index.ts';

// The peer runs in its own process, as a database does: its replies arrive while this process computes.
const echo = spawn(process.execPath, ['-e', "const s = require('node:net').createServer((c) => c.pipe(c)).listen(0, '127.0.0.1', () => console.log(s.address().port))"]);
afterAll(() => {
  echo.kill();
});

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('cpuTurn', () => {
  it('serves I/O between two CPU-bound tasks, so a round trip in flight waits for one task, not all of them', async () => {
    const [port] = await once(echo.stdout, 'data') as [Buffer];
    const socket = connect(Number(port.toString().trim()), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // A client doing round trips back to back, as a checkout does with its database.
    let roundTrips = 0;
    let running = true;
    socket.on('data', () => {
      roundTrips++;
      if (running) socket.write('x');
    });
    socket.write('x');
    await new Promise((resolve) => socket.once('data', resolve));

    const seen: number[] = [];
    await Promise.all(Array.from({ length: 5 }, async () => {
      await cpuTurn();
      seen.push(roundTrips);
      busy(40);
    }));
    running = false;
    socket.destroy();
    // Every task started after at least one more round trip had completed than the one before it.
    for (let index = 1; index < seen.length; index++) expect(seen[index]!, `task ${index}`).toBeGreaterThan(seen[index - 1]!);
  });

  it('gives turns in the order they were asked for', async () => {
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map(async (task) => {
      await cpuTurn();
      order.push(task);
    }));
    expect(order).toEqual([0, 1, 2, 3]);
  });
});
