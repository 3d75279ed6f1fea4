import fastJson from 'fast-json-stringify';
import { z } from '@portal/schemas';

type JsonSchema = { [key: string]: unknown };

/**
 * A response serializer compiled from the route's zod schema by fast-json-stringify, for the few
 * routes where serializing is a large share of the work (catalog search: zod encode + JSON.stringify
 * took ~120 µs a response in bench:search). Like the zod serializer it writes only the schema's
 * properties, so a field the schema does not name never leaves; it fails on a missing required
 * field. It does not re-check values, so it is only for schemas without transforms or codecs
 * (compiling one with a transform throws at startup), built from typed service results.
 */
export function fastSerializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error('fastSerializerCompiler needs a zod response schema');
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  return fastJson(simplify(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}

/**
 * zod writes `T | null` for an object as anyOf [T, {type: null}], which fast-json-stringify settles
 * per value with a validator; a type list says the same and serializes directly. Validation-only
 * keywords (patterns, formats, bounds) are dropped: the serializer does not validate.
 */
export function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (dropped.has(key)) continue;
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, simplify(v)])) : simplify(value);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const nullAt = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt !== -1 && other && typeof other.type === 'string') {
      const { anyOf: _a, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

const dropped = new Set(['$schema', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'description']);
