import { expect, it } from 'vitest';
import type { Migration } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';

const migrations: Migration[] = [{
  id: 'test/001-counters',
  sqlite: 'CREATE TABLE counters (id TEXT PRIMARY KEY, value INTEGER NOT NULL, note TEXT, flag INTEGER NOT NULL DEFAULT 0)',
  postgres: 'CREATE TABLE counters (id TEXT PRIMARY KEY, value BIGINT NOT NULL, note TEXT, flag INTEGER NOT NULL DEFAULT 0)',
}];

await onEveryDatabase('SqlDb contract', migrations, (open) => {
  it('binds ? placeholders in order, leaves a ? inside a literal alone, and stores booleans as 0/1', async () => {
    const { sql } = await open();
    await sql.run('INSERT INTO counters (id, value, note, flag) VALUES (?, ?, ?, ?)', ['a', 1, null, true]);
    const row = await sql.get<{ id: string; value: number; note: string | null; flag: number; q: string }>("SELECT id, value, note, flag, 'why?' AS q FROM counters WHERE id = ?", ['a']);
    expect(row).toEqual({ id: 'a', value: 1, note: null, flag: 1, q: 'why?' });
    expect(await sql.get('SELECT id FROM counters WHERE id = ?', ['missing'])).toBeUndefined();
  });

  it('reports changed rows and supports ON CONFLICT and RETURNING on both databases', async () => {
    const { sql } = await open();
    expect(await sql.run('INSERT INTO counters (id, value) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', ['a', 1])).toBe(1);
    expect(await sql.run('INSERT INTO counters (id, value) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', ['a', 2])).toBe(0);
    const updated = await sql.all<{ value: number }>('UPDATE counters SET value = value + ? WHERE id = ? RETURNING value', [5, 'a']);
    expect(updated).toEqual([{ value: 6 }]);
    expect(await sql.run('UPDATE counters SET value = 0 WHERE id = ?', ['nobody'])).toBe(0);
  });

  it('rolls a failed transaction back completely and rethrows its error', async () => {
    const { sql } = await open();
    await expect(sql.transaction(async (tx) => {
      await tx.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['x', 1]);
      await tx.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['x', 2]);
    })).rejects.toThrow();
    expect(await sql.all('SELECT * FROM counters')).toEqual([]);
  });

  it('joins a nested transaction to the outer one, and statements on the db itself inside it too', async () => {
    const { sql } = await open();
    await expect(sql.transaction(async (tx) => {
      await tx.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['outer', 1]);
      await sql.transaction((inner) => inner.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['inner', 1]));
      await sql.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['direct', 1]);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await sql.all('SELECT * FROM counters')).toEqual([]);
  });

  it('serialises concurrent read-modify-write transactions: 40 increments, none lost', async () => {
    const { sql } = await open();
    await sql.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['n', 0]);
    await Promise.all(Array.from({ length: 40 }, () => sql.transaction(async (tx) => {
      const row = await tx.get<{ value: number }>(`SELECT value FROM counters WHERE id = ?${tx.forUpdate}`, ['n']);
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.run('UPDATE counters SET value = ? WHERE id = ?', [row!.value + 1, 'n']);
    })));
    expect((await sql.get<{ value: number }>('SELECT value FROM counters WHERE id = ?', ['n']))!.value).toBe(40);
  });

  it('never lets a statement from outside land inside an open transaction that then rolls back', async () => {
    const { sql } = await open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['tx', 1]);
      await held;
      throw new Error('abort');
    }).catch(() => 'rolled back');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const outside = sql.run('INSERT INTO counters (id, value) VALUES (?, ?)', ['outside', 1]);
    release();
    expect(await failing).toBe('rolled back');
    await outside;
    expect(await sql.all('SELECT id FROM counters')).toEqual([{ id: 'outside' }]);
  });
});
