import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_MERCHANT = join(ROOT, 'knowledge');
export const TEA_SHOP = join(ROOT, 'test/fixtures/tea-shop');
export const CLI = join(ROOT, 'bin/shopkeeper.js');

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'shopkeeper-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
