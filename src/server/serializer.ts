// The answers' serialiser (decision 038). fastify-type-provider-zod checks every answer against its
// zod schema (`safeEncode`) and then calls JSON.stringify: for a hundred members that is a fifth of
// the route's CPU. A response schema made only of plain data (objects, arrays, strings, numbers,
// booleans, enums, literals, dates, nullable and optional) is compiled instead, once, into a
// fast-json-stringify function — the serialiser Fastify itself uses — which writes only the declared
// properties, in the schema's order, as the zod path does. Any other schema (a union, a record, a
// transform or codec, a default…) keeps the zod serialiser. Under NODE_ENV=test both run on every
// answer and must write the same bytes, so the whole test suite checks the two agree; the zod check
// of each answer's values (formats, enums, nullability) runs there and not in production.
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';

/** The JSON schema fast-json-stringify needs, or null when the zod schema is not plain data. */
type Plain = Record<string, unknown>;

/** The zod definition's parts this walk reads (zod 4's `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  element?: $ZodType;
  innerType?: $ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  catchall?: $ZodType;
}

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/**
 * `schema` as a JSON schema for fast-json-stringify, or null. Formats and enums are left out on
 * purpose: fast-json-stringify checks neither, and they change nothing in what is written.
 */
export function plainJsonSchema(schema: $ZodType): Plain | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { type: 'string' };
    case 'enum':
      return Object.values(def.entries ?? {}).every((v) => typeof v === 'string') ? { type: 'string' } : null;
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'null':
      return { type: 'null' };
    case 'date':
      // Written as JSON.stringify writes a Date (toISOString); fast-json-stringify does the same.
      return { type: 'string', format: 'date-time' };
    case 'literal': {
      const values = def.values ?? [];
      const types = new Set(values.map((v) => typeof v));
      if (values.length === 0 || types.size !== 1 || !['string', 'number', 'boolean'].includes([...types][0]!)) return null;
      return { type: [...types][0] };
    }
    case 'array': {
      const items = plainJsonSchema(def.element!);
      return items && { type: 'array', items };
    }
    case 'object': {
      // A catchall (or passthrough) would write undeclared keys: only strip objects are plain.
      if (def.catchall && defOf(def.catchall).type !== 'never') return null;
      const properties: Record<string, Plain> = {};
      const required: string[] = [];
      let optionalSeen = false;
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        const property = plainJsonSchema(value);
        if (!property) return null;
        properties[key] = property;
        // zod's own rule for a key that may be left out of the output (optional, at any depth).
        // fast-json-stringify writes `required` keys first: only those before the first optional
        // key are declared so, and the schema's order (zod's) is kept; a later one is written when
        // defined (a missing one is refused in tests by the cross-check).
        if (value._zod.optout === 'optional') optionalSeen = true;
        else if (!optionalSeen) required.push(key);
      }
      return { type: 'object', properties, required };
    }
    case 'nullable': {
      const inner = plainJsonSchema(def.innerType!);
      if (!inner) return null;
      // Nullable twice over, or null itself: already allowed.
      return inner.type === 'null' || Array.isArray(inner.type) ? inner : { ...inner, type: [inner.type, 'null'] };
    }
    case 'optional':
      // Absent or undefined: left out of `required`, so not written, as JSON.stringify omits it.
      return plainJsonSchema(def.innerType!);
    default:
      return null;
  }
}

/** The zod schema of a route's response entry (as fastify-type-provider-zod resolves it). */
function zodSchemaOf(schema: unknown): $ZodType | null {
  if (schema instanceof $ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : null;
}

/**
 * The serialiser compiler: fast-json-stringify for plain-data schemas, zod's otherwise. With
 * `crossCheck` (tests), a compiled answer is also serialised by zod (which checks it) and the two
 * must be identical, byte for byte.
 */
export function createSerializerCompiler({ crossCheck }: { crossCheck: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const viaZod = zodSerializerCompiler(route as never) as (data: unknown) => string;
    const zodSchema = zodSchemaOf(route.schema);
    const jsonSchema = zodSchema && plainJsonSchema(zodSchema);
    if (!jsonSchema) return viaZod;
    // Compiled on first use: a test that builds the app answers few of its routes.
    let compiled: ((data: unknown) => string) | null = null;
    return (data: unknown) => {
      compiled ??= fastJson(jsonSchema as never) as (data: unknown) => string;
      if (!crossCheck) return compiled(data);
      const expected = viaZod(data);
      const written = compiled(data);
      if (written !== expected) throw new Error(`${route.method} ${route.url}: the compiled serialiser wrote ${written.slice(0, 300)} where zod wrote ${expected.slice(0, 300)}`);
      return written;
    };
  };
}
