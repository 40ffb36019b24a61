import { resolve } from 'node:path';
import type { z } from 'zod';
import '../platform/zod-messages.ts';
import { ShopkeeperError } from '../platform/errors.ts';
import { OPTIONS, type OptionSpec } from './options.ts';

type OptionValues = { [K in (typeof OPTIONS)[number] as K['key']]: z.output<K['schema']> };

export type Config = Readonly<OptionValues & {
  /** Parsed `acpApiKeys`: key -> agent platform name. */
  acpKeys: ReadonlyMap<string, string>;
  allowedOriginList: readonly string[];
  allowedHostList: readonly string[];
}>;

export interface ConfigSources {
  env?: Record<string, string | undefined>;
  /** CLI flags by flag name (`merchant`, `port`); flags win over env vars. */
  flags?: Record<string, string | boolean | undefined>;
  cwd?: string;
}

function describe(option: OptionSpec): string {
  return option.flag ? `--${option.flag} / ${option.env}` : option.env;
}

/**
 * Reads every setting once, validates it, and returns a frozen object. Errors name the flag,
 * the env var and what a valid value looks like, and all problems are reported together.
 */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? {};
  const flags = sources.flags ?? {};
  const cwd = sources.cwd ?? '.';
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const option of OPTIONS as readonly OptionSpec[]) {
    const fromFlag = option.flag ? flags[option.flag] : undefined;
    const raw = (typeof fromFlag === 'string' ? fromFlag : undefined) ?? nonEmpty(env[option.env]) ?? option.default;
    const parsed = option.schema.safeParse(raw);
    if (parsed.success) values[option.key] = parsed.data;
    else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid';
      const shown = option.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${describe(option)} = ${shown}: ${reason}. ${option.description}`);
    }
  }
  const acpKeys = new Map<string, string>();
  for (const pair of String(values.acpApiKeys ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const separator = pair.indexOf(':');
    if (separator <= 0 || separator === pair.length - 1) {
      problems.push(`SHOPKEEPER_ACP_API_KEYS: "${pair.slice(0, separator > 0 ? separator : 8)}…" is not platform:key. Write it as openai:sk_live_abc,stripe:sk_xyz.`);
      continue;
    }
    acpKeys.set(pair.slice(separator + 1), pair.slice(0, separator));
  }
  problems.push(...demoKeyProblems(values, acpKeys));
  // Replicas on one database must sign and check customer tokens and webhooks with one key; a key
  // generated into each replica's data directory would make a token from one fail on the other.
  if (values.databaseUrl && !values.secret) {
    problems.push('SHOPKEEPER_SECRET is required with DATABASE_URL: every replica must sign customer tokens and webhooks with the same key. Set it to the same random string of 32+ characters on each replica (e.g. `openssl rand -base64 48`).');
  }
  if (problems.length > 0) {
    throw new ShopkeeperError('config_error', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      fix: 'Correct the flag or environment variable named above; `npx shopkeeper config --markdown` lists every option.',
    });
  }
  values.merchantDir = resolve(cwd, String(values.merchantDir));
  values.dataDir = resolve(cwd, String(values.dataDir));
  const list = (value: unknown) => String(value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return Object.freeze({ ...(values as OptionValues), acpKeys, allowedOriginList: list(values.allowedOrigins), allowedHostList: list(values.allowedHosts) });
}

/** The bearer key of the shipped default; it is public, so it only belongs on a local demo. */
const DEMO_ACP_KEY = String(OPTIONS.find((option) => option.key === 'acpApiKeys')!.default).split(':').slice(1).join(':');

function demoKeyProblems(values: Record<string, unknown>, acpKeys: ReadonlyMap<string, string>): string[] {
  if (!acpKeys.has(DEMO_ACP_KEY)) return [];
  const live = /^(sk|rk)_live_/.test(String(values.stripeSecretKey ?? ''));
  const publicHttps = String(values.publicUrl ?? '').startsWith('https://');
  if (!live && !publicHttps) return [];
  const why = live ? 'STRIPE_SECRET_KEY is a live key' : `SHOPKEEPER_PUBLIC_URL is a public https URL`;
  return [`SHOPKEEPER_ACP_API_KEYS still contains the published demo key (${DEMO_ACP_KEY}) while ${why}: anyone could place orders through ACP. Set SHOPKEEPER_ACP_API_KEYS to platform:key pairs with keys of your own (e.g. openai:$(openssl rand -hex 24)).`];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The configuration table for the README, generated from the option list. */
export function configMarkdown(): string {
  const rows = (OPTIONS as readonly OptionSpec[]).map((option) =>
    `| \`${option.env}\` | ${option.flag ? `\`--${option.flag}\`` : ''} | ${option.default === undefined ? '' : option.secret ? '(demo value)' : `\`${option.default}\``} | ${option.description} |`);
  return ['| env var | flag | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** The settings with secrets masked, for `shopkeeper config`. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const option of OPTIONS as readonly OptionSpec[]) {
    const value = (config as Record<string, unknown>)[option.key];
    shown[option.key] = option.secret && value !== undefined ? '(set)' : value;
  }
  return shown;
}
