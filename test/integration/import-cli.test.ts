import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { TEA_SHOP, tempDir } from '../helpers/paths.ts';

const scratch = tempDir();
afterAll(() => scratch.cleanup());

interface Summary {
  totals: Record<string, number>;
  files: Array<{ file: string; format: string; read: number; created: number; updated: number; unchanged: number; skipped: number; issues: Array<{ line?: number; column?: number; field?: string; message: string }> }>;
}

async function importJson(merchant: string, data: string): Promise<Summary> {
  const result = await runCli(['import', '--merchant', merchant, '--data', data, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Summary;
}

const fileOf = (summary: Summary, suffix: string) => summary.files.find((file) => file.file.endsWith(suffix))!;

describe('shopkeeper import --json on a merchant we did not write the code for', () => {
  const data = join(scratch.path, 'data');
  let first: Summary;

  it('imports every valid product, variant, customer, order and article, and reports each broken record where it is', async () => {
    first = await importJson(TEA_SHOP, data);
    expect(first.totals).toMatchObject({ products: 6, variants: 9, customers: 2, orders: 2, articles: 2 });
    const csv = fileOf(first, 'products.csv');
    expect(csv).toMatchObject({ format: 'shopify-csv', read: 8, created: 4, skipped: 1 });
    expect(csv.issues[0]).toMatchObject({ line: 8, column: 24, field: 'Variant Price' });
    expect(fileOf(first, 'extras.jsonl').issues[0]).toMatchObject({ line: 2 });
    expect(fileOf(first, 'customers.json').issues[0]).toMatchObject({ line: 8, field: '[2].email' });
    const orders = fileOf(first, 'orders.json');
    expect(orders.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['[3].status', 'HL-1003.customer_id']));
  });

  it('is idempotent: a second import changes nothing and duplicates nothing', async () => {
    const second = await importJson(TEA_SHOP, data);
    expect(second.totals).toEqual(first.totals);
    for (const file of second.files) expect(file.created + file.updated).toBe(0);
    const db = new Database(join(data, 'shopkeeper.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM variants').get()).toEqual({ n: 9 });
    expect(db.prepare("SELECT total FROM orders WHERE number = 'HL-1001'").get()).toEqual({ total: 2900 + 900 + 569 });
    db.close();
  });

  it('updates changed records in place and drops deleted articles', async () => {
    const merchant = join(scratch.path, 'edited');
    cpSync(TEA_SHOP, merchant, { recursive: true });
    const csv = join(merchant, 'catalog/products.csv');
    const { readFileSync, rmSync } = await import('node:fs');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('Sencha Kagoshima', 'Sencha Kagoshima Organic'));
    rmSync(join(merchant, 'help/shipping.md'));
    const third = await importJson(merchant, data);
    expect(fileOf(third, 'products.csv')).toMatchObject({ updated: 1, unchanged: 3, created: 0 });
    expect(third.totals.articles).toBe(1);
    expect(third.totals.products).toBe(6);
  });

  it('leaves the database untouched when a file is not valid JSON at all', async () => {
    const merchant = join(scratch.path, 'unreadable');
    cpSync(TEA_SHOP, merchant, { recursive: true });
    writeFileSync(join(merchant, 'orders/orders.json'), '[{"number": "HL-1001", "status": "cancelled",');
    const fresh = join(scratch.path, 'fresh');
    const summary = await importJson(merchant, fresh);
    expect(fileOf(summary, 'orders.json').issues[0]!.message).toMatch(/not valid JSON \(nothing imported from this file\)/);
    expect(summary.totals.orders).toBe(0);
    expect(summary.totals.customers).toBe(2);
  });

  it('exits non-zero with a fix when the merchant directory is missing', async () => {
    const result = await runCli(['import', '--merchant', join(scratch.path, 'nope'), '--data', data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not exist[\s\S]*fix: Pass --merchant DIR/);
  });

  it('rejects an unknown flag with the usage line', async () => {
    const result = await runCli(['import', '--merchnat', TEA_SHOP]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--merchnat'[\s\S]*Usage: shopkeeper import/);
  });
});
