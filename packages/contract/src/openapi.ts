// The OpenAPI 3.1 document of the API, generated from the route list and the zod schemas (zod 4's
// JSON Schema output): served by the API at /api/docs, and nothing in it is written by hand but the
// envelope below.
import { z } from 'zod';
import * as Q from './requests.ts';
import * as R from './responses.ts';
import { API_ROUTES, type RouteContract, type Who } from './routes.ts';

type JsonSchema = Record<string, unknown>;
const REF = '#/components/schemas/';

/** Every exported schema of a module, by its export name (what `$ref`s and docs/api.md call it). */
function named(mod: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(mod).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);
}

/** Requests are described as a client sends them (input), responses as the API sends them (output). */
const SIDES = [
  { io: 'input', schemas: named(Q) },
  { io: 'output', schemas: named(R) },
] as const;

const registries = SIDES.map(({ io, schemas }) => {
  const registry = z.registry<{ id: string }>();
  for (const [id, s] of schemas) registry.add(s, { id });
  return { io, registry };
});

// A response object passes fields it does not name (zod strips them), so no `additionalProperties:
// false` on the response side; a request object keeps it only where the schema is strict.
const relax = (io: 'input' | 'output') => (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
  const def = (
    ctx.zodSchema as { _zod?: { def?: { type?: string; catchall?: { _zod: { def: { type: string } } } } } }
  )._zod?.def;
  const strict = def?.type === 'object' && def.catchall?._zod.def.type === 'never';
  if (ctx.jsonSchema.additionalProperties === false && (io === 'output' || !strict))
    delete ctx.jsonSchema.additionalProperties;
};

/** `#/$defs/X` (zod's) -> `#/components/schemas/X`, and no per-schema `$schema`/`$id`. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!value || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$schema' || k === '$id' || k === '$defs') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, REF) : tidy(v);
  }
  return out;
}

let cache: { components: Record<string, JsonSchema>; io: Map<z.ZodType, 'input' | 'output'> } | null = null;
function components() {
  if (cache) return cache;
  const all: Record<string, JsonSchema> = {};
  const io = new Map<z.ZodType, 'input' | 'output'>();
  for (const { io: side, registry } of registries) {
    const out = z.toJSONSchema(registry, {
      io: side,
      uri: (id) => `${REF}${id}`,
      unrepresentable: 'any',
      override: relax(side),
    });
    for (const [id, schema] of Object.entries(out.schemas)) {
      if (all[id]) throw new Error(`schema name ${id} is both a request and a response`);
      all[id] = tidy(schema) as JsonSchema;
    }
  }
  for (const { io: side, schemas } of SIDES) for (const [, s] of schemas) io.set(s, side);
  cache = { components: all, io };
  return cache;
}

/** The JSON Schema of one route's schema: a `$ref` when it is a named one, else inline (its named parts as `$ref`s). */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { io: sides } = components();
  const registry = registries.find((r) => r.io === io)!.registry;
  const id = sides.get(schema) === io ? registry.get(schema)?.id : undefined;
  if (id) return { $ref: `${REF}${id}` };
  const out = z.toJSONSchema(schema, { io, metadata: registry, unrepresentable: 'any', override: relax(io) });
  return tidy(out) as JsonSchema;
}

export const WHO_LABEL: Record<Who, string> = {
  anyone: 'anyone',
  'signed-in': 'signed in',
  enrolled: 'enrolled in the course',
  owner: 'owner student',
  student: 'student',
  ta: 'TA',
  admin: 'admin',
};
export const whoOf = (r: RouteContract) => r.roles.map((w) => WHO_LABEL[w]).join(', ');

/** POST/PUT/PATCH/DELETE after login carry the session's CSRF token. */
export const needsCsrf = (r: RouteContract) => r.method !== 'GET' && r.path !== '/api/auth/login';

/** `/api/exams/:examId/pages/:n.png` -> `/exams/{examId}/pages/{n}.png` (under the server url `/api`) */
export const openApiPath = (path: string) => path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');

function operation(r: RouteContract) {
  const str = { type: 'string' };
  const params: JsonSchema[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: str,
  }));
  if (r.query) {
    const q = z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
  }
  if (needsCsrf(r)) params.push({ name: 'x-csrf-token', in: 'header', required: true, schema: str });

  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `${REF}ErrorBody` } } },
  });
  const ok: Record<string, unknown> = {};
  for (const status of r.statuses)
    ok[status] = {
      description: status === 201 ? 'Created' : 'OK',
      content: { [r.produces]: r.response ? { schema: schemaOf(r.response, 'output') } : {} },
    };
  const requestBody = r.body
    ? { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } }
    : r.upload
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  [r.upload.field]: { type: 'array', items: { type: 'string', format: 'binary' } },
                },
                required: [r.upload.field],
              },
            },
          },
        }
      : undefined;
  const open = r.roles.includes('anyone');
  const takesInput = r.body || r.query || r.upload || r.path.includes(':') || r.method !== 'GET';
  return {
    summary: r.summary,
    description: [`Who: ${whoOf(r)}.`, needsCsrf(r) ? 'Send the x-csrf-token header.' : '', r.notes ?? '']
      .filter(Boolean)
      .join(' '),
    ...(params.length ? { parameters: params } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      ...ok,
      ...(takesInput ? { 400: error('invalid (with `fields`)') } : {}),
      ...(open ? {} : { 401: error('not signed in') }),
      ...(open || r.roles.includes('signed-in') ? {} : { 403: error('the role may not act') }),
      ...(r.path.includes(':') ? { 404: error('not found, or not visible to the caller') } : {}),
    },
  };
}

/** The whole document, built from API_ROUTES (a new route in the contract appears here by itself). */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const p = openApiPath(r.path);
    paths[p] ??= {};
    paths[p][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'grader API',
      version: '0.1.0',
      description:
        'Generated from @grader/contract; the overview is docs/api.md. Auth: sid cookie + x-csrf-token.',
    },
    servers: [{ url: '/api' }],
    paths,
    components: { schemas: components().components },
  };
}
