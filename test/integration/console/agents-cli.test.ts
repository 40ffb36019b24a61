import { afterAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../src/accounts/index.ts';
import { openSqlite, sqliteSql, systemClock } from '../../../src/platform/index.ts';
import { runCli } from '../../helpers/cli.ts';
import { TEA_SHOP, tempDir } from '../../helpers/paths.ts';

const data = tempDir();
afterAll(() => data.cleanup());

const cli = (args: string[], stdin?: string) => runCli([...args, '--merchant', TEA_SHOP, '--data', data.path], {}, stdin);

// Each call starts the real CLI (tsx): allow for a busy machine.
describe('shopkeeper agents', { timeout: 120_000 }, () => {
  it('adds an admin with a password read from stdin, and an agent with a generated one', async () => {
    const admin = await cli(['agents', 'add', 'Ada@Northwind.example', '--role', 'admin', '--password-stdin'], 'a long admin password\n');
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain('Added ada@northwind.example (admin)');
    expect(admin.stdout).not.toContain('Generated');

    const agent = await cli(['agents', 'add', 'sam@northwind.example', '--json']);
    expect(agent.code).toBe(0);
    const created = JSON.parse(agent.stdout) as { email: string; role: string; password: string };
    expect(created).toMatchObject({ email: 'sam@northwind.example', role: 'agent' });
    expect(created.password.length).toBeGreaterThanOrEqual(20);

    const db = openSqlite(`${data.path}/shopkeeper.db`);
    try {
      const accounts = new AccountsService(sqliteSql(db), systemClock);
      expect((await accounts.signIn('ada@northwind.example', 'a long admin password')).ok).toBe(true);
      expect((await accounts.signIn('sam@northwind.example', created.password)).ok).toBe(true);
      const stored = db.prepare('SELECT password_hash FROM console_accounts').all() as { password_hash: string }[];
      for (const row of stored) expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    } finally {
      db.close();
    }
    const list = await cli(['agents', 'list']);
    expect(list.stdout).toMatch(/ada@northwind\.example\tadmin/);
  });

  it('refuses a duplicate, a bad role and a short password with a reason', async () => {
    expect((await cli(['agents', 'add', 'ada@northwind.example', '--role', 'admin'])).stderr).toContain('already exists');
    expect((await cli(['agents', 'add', 'x@northwind.example', '--role', 'owner'])).stderr).toContain('--role must be agent or admin');
    const short = await cli(['agents', 'add', 'y@northwind.example', '--password-stdin'], 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
  });
});
