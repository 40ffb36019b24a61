import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ShopkeeperError } from '../platform/errors.ts';
import { merchantSchema, type MerchantProfile } from './merchant.ts';
import { policySchema, type Policy } from './policy.ts';

export interface Merchant {
  dir: string;
  profile: MerchantProfile;
  policy: Policy;
}

/** Reads and validates a YAML file; every problem is reported as file:line:column with its path. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  if (!existsSync(file)) {
    throw new ShopkeeperError('config_error', `${file} is missing`, { fix: 'Create it; docs/merchant-directory.md shows the format.' });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const messages = document.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return `${file}:${at.line}:${at.col}: ${error.message.split('\n')[0]}`;
    });
    throw new ShopkeeperError('config_error', `Invalid YAML:\n  ${messages.join('\n  ')}`, { fix: 'Fix the YAML syntax at the lines shown.' });
  }
  const parsed = schema.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const position = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    const where = position ? `${file}:${position.line}:${position.col}` : file;
    return `${where}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  });
  throw new ShopkeeperError('config_error', `Invalid ${file}:\n  ${messages.join('\n  ')}`, {
    fix: 'Correct the fields named above; docs/merchant-directory.md documents each one.',
  });
}

/** Loads merchant.yaml and policy.yaml from a merchant directory. */
export function loadMerchant(dir: string): Merchant {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ShopkeeperError('config_error', `Merchant directory ${dir} does not exist`, {
      fix: 'Pass --merchant DIR (or SHOPKEEPER_MERCHANT_DIR) pointing at a folder with merchant.yaml and policy.yaml.',
    });
  }
  return {
    dir,
    profile: readYamlFile(join(dir, 'merchant.yaml'), merchantSchema),
    policy: readYamlFile(join(dir, 'policy.yaml'), policySchema),
  };
}
