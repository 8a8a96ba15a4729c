// docs/api.md, generated from the route list and the OpenAPI document's JSON Schemas: the prose
// (./api-docs-text.ts) around a route table, each route's query, body and answer, and every named
// schema those use, written as TypeScript-like types. `npm run docs:api` writes it; a test in
// apps/api fails when the committed file differs.
import { API_DOCS_FOOTER, API_DOCS_HEADER } from './api-docs-text.ts';
import { openApiDocument, schemaOf, whoOf } from './openapi.ts';
import { API_ROUTES, type RouteContract } from './routes.ts';

type JsonSchema = Record<string, unknown>;
const REF = '#/components/schemas/';
const WIDTH = 90;

const refName = (s: JsonSchema) => (typeof s.$ref === 'string' ? s.$ref.slice(REF.length) : null);
const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));

/** A JSON Schema as a TypeScript-like type; objects wider than WIDTH break over lines. */
export function typeOf(s: JsonSchema | boolean | undefined, indent = ''): string {
  if (s === undefined || s === true) return 'unknown';
  if (s === false) return 'never';
  const ref = refName(s);
  if (ref) return ref;
  const union = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (union) return union.map((b) => typeOf(b, indent)).join(' | ');
  if (s.allOf) return (s.allOf as JsonSchema[]).map((b) => typeOf(b, indent)).join(' & ');
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  if (types.length > 1) return types.map((t) => typeOf({ ...s, type: t }, indent)).join(' | ');
  switch (types[0]) {
    case 'string':
    case 'boolean':
    case 'null':
      return types[0];
    case 'number':
    case 'integer':
      return types[0] === 'integer' ? 'integer' : 'number';
    case 'array': {
      if (Array.isArray(s.prefixItems))
        return `[${(s.prefixItems as JsonSchema[]).map((b) => typeOf(b)).join(', ')}]`;
      const item = typeOf(s.items as JsonSchema, indent);
      return /[|& ]/.test(item) && !/^[{[]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      return objectOf(s, indent);
  }
  return 'unknown';
}

function objectOf(s: JsonSchema, indent: string): string {
  const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set((s.required ?? []) as string[]);
  const extra = s.additionalProperties as JsonSchema | boolean | undefined;
  if (!props.length)
    return extra && extra !== true ? `{[key: string]: ${typeOf(extra, indent)}}` : '{[key: string]: unknown}';
  const inner = `${indent}  `;
  const fields = props.map(([k, v]) => `${key(k)}${required.has(k) ? '' : '?'}: ${typeOf(v, inner)}`);
  // z.looseObject: other fields are part of the shape
  if (extra === true || (extra && typeof extra === 'object' && !Object.keys(extra).length))
    fields.push('...');
  const flat = `{${fields.join(', ')}}`;
  if (flat.length + indent.length <= WIDTH && !flat.includes('\n')) return flat;
  return `{\n${fields.map((f) => `${inner}${f}`).join(',\n')}\n${indent}}`;
}

/** Named schemas a schema uses, transitively, in first-use order. */
function refsOf(s: unknown, components: Record<string, JsonSchema>, seen: Set<string>) {
  if (Array.isArray(s)) for (const x of s) refsOf(x, components, seen);
  else if (s && typeof s === 'object') {
    const name = refName(s as JsonSchema);
    if (name && !seen.has(name)) {
      seen.add(name);
      refsOf(components[name], components, seen);
    }
    for (const v of Object.values(s)) refsOf(v, components, seen);
  }
}

/** A type in a list item: a named schema (or an array of one) links to its section below. */
const code = (t: string) => {
  if (t.includes('\n')) return `\n\`\`\`ts\n${t}\n\`\`\`\n`;
  const named = /^([A-Z]\w*)(\[\])?$/.exec(t);
  return named ? `[\`${t}\`](#${named[1].toLowerCase()})` : `\`${t}\``;
};
const cell = (t: string) => t.replace(/\|/g, '\\|');
const title = (r: RouteContract) => `${r.method} ${r.path}`;
const slug = (r: RouteContract) =>
  title(r)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

function routeSection(r: RouteContract, lines: string[]) {
  lines.push(`### ${title(r)}`, '', `${r.summary}.`, '', `- Who: ${whoOf(r)}.`);
  if (r.query) lines.push(`- Query: ${code(typeOf(schemaOf(r.query, 'input')))}`);
  if (r.body) lines.push(`- Body: ${code(typeOf(schemaOf(r.body, 'input')))}`);
  if (r.upload) lines.push(`- Body: multipart \`${r.upload.field}\`: ${r.upload.holds}.`);
  const status = r.statuses.join(' or ');
  if (r.produces === 'application/json' && r.response)
    lines.push(`- Answer (${status}): ${code(typeOf(schemaOf(r.response, 'output')))}`);
  else if (r.response)
    lines.push(
      `- Answer (${status}): \`${r.produces}\`, each event ${code(typeOf(schemaOf(r.response, 'output')))}`,
    );
  else lines.push(`- Answer (${status}): \`${r.produces}\``);
  if (r.notes) lines.push(`- ${r.notes}`);
  lines.push('');
}

/** The whole of docs/api.md. */
export function apiDocsMarkdown(): string {
  const components = openApiDocument().components.schemas as Record<string, JsonSchema>;
  const lines: string[] = [API_DOCS_HEADER, '## Routes', ''];
  lines.push(`${API_ROUTES.length} routes, generated from \`packages/contract/src/routes.ts\`.`, '');
  lines.push('| method & path | who | what |', '|---|---|---|');
  for (const r of API_ROUTES) lines.push(`| [${title(r)}](#${slug(r)}) | ${whoOf(r)} | ${cell(r.summary)} |`);
  lines.push('', '## Route details', '');
  const used = new Set<string>();
  for (const r of API_ROUTES) {
    routeSection(r, lines);
    for (const [s, io] of [
      [r.query, 'input'],
      [r.body, 'input'],
      [r.response, 'output'],
    ] as const)
      if (s) refsOf(schemaOf(s, io), components, used);
  }
  lines.push(
    '## Schemas',
    '',
    'The named schemas the routes use (`?`: may be absent; `...`: other fields too).',
    '',
  );
  for (const name of [...used].sort()) {
    lines.push(`### ${name}`, '');
    const t = typeOf(components[name]);
    lines.push(t.includes('\n') ? `\`\`\`ts\n${t}\n\`\`\`` : `\`${t}\``, '');
  }
  lines.push(API_DOCS_FOOTER);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
