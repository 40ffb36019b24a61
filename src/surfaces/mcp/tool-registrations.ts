import type { z } from 'zod';
import { describeTool, type ToolDefinition } from '../../tools/index.ts';
import { toolWidgetMeta, TOOL_WIDGETS } from './widgets.ts';

/**
 * What registering a tool needs, computed once per process instead of once per request: the MCP
 * handler builds a fresh server for every stateless call, and the SDK caches a tool's JSON Schema
 * on that server instance only, so each `tools/call` used to convert its zod schemas again (and
 * re-derive each tool's description). The schemas are handed over behind a proxy whose Standard
 * Schema `jsonSchema` converters remember their result; everything else (validation, zod internals)
 * is the zod schema itself.
 */
export interface ToolRegistration {
  title: string;
  description: string;
  inputSchema: z.ZodType;
  outputSchema: z.ZodType;
  annotations: Record<string, unknown>;
  _meta: Record<string, unknown>;
}

type JsonSchemaConverter = (options: unknown) => Record<string, unknown>;
interface StandardWithJson { jsonSchema?: { input: JsonSchemaConverter; output: JsonSchemaConverter } }

function memoisedJsonSchema<T extends z.ZodType>(schema: T): T {
  const standard = schema['~standard'] as unknown as StandardWithJson & Record<string, unknown>;
  if (!standard.jsonSchema) return schema;
  const { input, output } = standard.jsonSchema;
  const cache = new Map<string, Record<string, unknown>>();
  const remember = (io: 'input' | 'output', convert: JsonSchemaConverter): JsonSchemaConverter => (options) => {
    const key = `${io}:${JSON.stringify(options)}`;
    let json = cache.get(key);
    if (!json) cache.set(key, (json = convert(options)));
    return json;
  };
  const memoised = { ...standard, validate: (standard.validate as (value: unknown) => unknown).bind(standard), jsonSchema: { input: remember('input', input), output: remember('output', output) } };
  return new Proxy(schema, { get: (target, property, receiver) => (property === '~standard' ? memoised : Reflect.get(target, property, receiver)) });
}

const registrations = new WeakMap<ToolDefinition, ToolRegistration>();

export function toolRegistration(tool: ToolDefinition): ToolRegistration {
  let registration = registrations.get(tool);
  if (!registration) {
    const widget = TOOL_WIDGETS[tool.name];
    registration = {
      title: tool.title,
      description: describeTool(tool),
      inputSchema: memoisedJsonSchema(tool.input),
      outputSchema: memoisedJsonSchema(tool.output),
      annotations: { title: tool.title, ...tool.annotations },
      _meta: widget ? toolWidgetMeta(widget, `${tool.title}…`, tool.title) : {},
    };
    registrations.set(tool, registration);
  }
  return registration;
}
