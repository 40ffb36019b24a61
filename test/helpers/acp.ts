import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './paths.ts';

/** The official ACP specs live beside the repo in the team checkout; a user's clone has none. */
export const SPECS = join(ROOT, '../shared/specs/acp');
export const HAVE_SPECS = existsSync(join(SPECS, '2026-04-17/json-schema/schema.agentic_checkout.json'));
export const SKIP_REASON = `official ACP schemas not found at ${SPECS}; conformance tests skipped`;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const cache = new Map<string, Ajv2020>();

function ajvFor(version: string, file: string): { ajv: Ajv2020; id: string } {
  const path = join(SPECS, version, 'json-schema', file);
  const schema = draft4Fixups(JSON.parse(readFileSync(path, 'utf8'))) as { $id: string };
  const cacheKey = `${version}/${file}`;
  let ajv = cache.get(cacheKey);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema);
    cache.set(cacheKey, ajv);
  }
  return { ajv, id: schema.$id };
}

/**
 * The 2025-09-29 bundle declares draft 2020-12 but writes `exclusiveMinimum: true` beside
 * `minimum` (draft-04 style, from the 2026-02-05 decimal-quantity edit). Rewritten to the 2020-12
 * meaning (exclusiveMinimum: <minimum>) so ajv can compile it; nothing else is touched.
 */
function draft4Fixups(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(draft4Fixups);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, draft4Fixups(value)]));
  if (copy.exclusiveMinimum === true && typeof copy.minimum === 'number') {
    copy.exclusiveMinimum = copy.minimum;
    delete copy.minimum;
  }
  return copy;
}

/** Validates `value` against `$defs/<name>` of an official schema file; returns readable errors. */
export function schemaErrors(version: string, name: string, value: unknown, file = 'schema.agentic_checkout.json'): string[] {
  // 2025-09-29's CheckoutSessionWithOrder is allOf[Base (additionalProperties: false, no `order`),
  // {order}], which no body can satisfy; check its two halves instead.
  if (version.startsWith('2025-09-29') && name === 'CheckoutSessionWithOrder') {
    const { order, ...session } = value as Record<string, unknown>;
    if (!order) return ['/ must have required property order'];
    return [...schemaErrors(version, 'CheckoutSession', session, file), ...schemaErrors(version, 'Order', order, file).map((error) => `/order${error}`)];
  }
  const { ajv, id } = ajvFor(version, file);
  const validate = ajv.getSchema(`${id}#/$defs/${name}`);
  if (!validate) throw new Error(`no $defs/${name} in ${version}/${file}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}

export function example(version: string, name: string, file = 'examples.agentic_checkout.json'): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(SPECS, version, 'examples', file), 'utf8')) as Record<string, Record<string, unknown>>)[name]!;
}

/** Response bodies are checked against the official schema, so tests read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export const ACP_KEY = 'sk_demo_agent_key';

/** A small ACP client: JSON in and out, headers per call. */
export function acpClient(baseUrl: string, version: string) {
  let counter = 0;
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/acp${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ACP_KEY}`, 'API-Version': version,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method === 'POST' ? { 'Idempotency-Key': `test-${Date.now()}-${counter++}-${Math.random()}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Body };
  };
}

export const QC_ADDRESS = { name: 'Camille Roy', line_one: '12 rue Saint-Paul', city: 'Montreal', state: 'QC', country: 'CA', postal_code: 'H2Y 1Z5' };
