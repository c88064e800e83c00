// The subset of GitHub's OpenAPI description that RegOps uses
// (test/fixtures/github/openapi-subset.json, made by scripts/github/extract-openapi.mjs),
// compiled into ajv validators for requests (path, query, body) and responses.
//
// OpenAPI 3.0 is not JSON Schema: this module rewrites the schemas before ajv sees them.
// - `nullable: true` → `type: [T, 'null']` (and `null` added to an `enum`), or `anyOf: [S, {type:'null'}]`
//   when the schema has no `type`;
// - `discriminator` + `oneOf` → `anyOf` (GitHub's mappings are not usable by ajv: the content endpoint maps
//   `array` to a schema of type array, and a private user also satisfies the public-user schema);
// - `example`, `x-*` and other annotations are ignored (`strict: false`);
// - formats `int64` and `timestamp` are annotations only; `date-time`, `uri`, `email` are checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SUBSET_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'github',
  'openapi-subset.json',
);

const BASE_ID = 'https://regops.invalid/github-openapi-subset.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: JsonObject }> }>;
  externalDocs?: { url: string };
}

export interface Operation {
  id: string;
  method: string;
  /** The path template as published, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  template: string;
  regex: RegExp;
  pathParams: string[];
  /** Number of literal characters in the template: the most specific template wins. */
  specificity: number;
  parameters: OpenApiParameter[];
  spec: OpenApiOperation;
  docUrl: string;
}

export interface SchemaError {
  /** JSON pointer into the validated value, e.g. `/output/summary`. */
  where: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface OperationValidators {
  path: ValidateFunction;
  query: ValidateFunction;
  /** undefined when the operation takes no JSON body. */
  body?: ValidateFunction;
  bodyRequired: boolean;
}

export interface OpenApiSubsetDoc {
  openapi: string;
  'x-regops-source': { package: string; version: string; sha256: string; operations: Record<string, string> };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, JsonObject>>;
}

/** Keywords whose value maps names (not keywords) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'schemas']);

/** Rewrites an OpenAPI 3.0 schema (deep copy) into JSON Schema that ajv understands. */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.startsWith('#') ? `${BASE_ID}${v}` : v;
    else if (k === 'nullable' || k === 'discriminator' || k === 'example') continue;
    else if (NAME_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // Keys here are property/schema names, not keywords: keep them all.
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else out[k] = toJsonSchema(v);
  }
  if (node.discriminator !== undefined && out.oneOf !== undefined) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else if (out.type === undefined) {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function newAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('int64', true);
  ajv.addFormat('timestamp', true);
  return ajv;
}

export function formatErrors(errors: ErrorObject[] | null | undefined): SchemaError[] {
  return (errors ?? []).map((e) => ({
    where: e.instancePath || '/',
    message: e.message ?? e.keyword,
    keyword: e.keyword,
    params: e.params as Record<string, unknown>,
  }));
}

export class OpenApiSubset {
  readonly doc: OpenApiSubsetDoc;
  readonly operations: Operation[];
  private readonly ajv = newAjv(false);
  private readonly ajvParams = newAjv(true);
  private readonly validatorCache = new Map<string, OperationValidators>();
  private readonly responseCache = new Map<string, ValidateFunction | null>();

  constructor(doc: OpenApiSubsetDoc) {
    this.doc = doc;
    const shared = toJsonSchema({
      $id: BASE_ID,
      components: { schemas: doc.components.schemas ?? {} },
    } as Json) as JsonObject;
    this.ajv.addSchema(shared);
    this.ajvParams.addSchema(shared);

    this.operations = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      const common = (item.parameters as OpenApiOperation['parameters']) ?? [];
      for (const method of METHODS) {
        const spec = item[method] as OpenApiOperation | undefined;
        if (!spec) continue;
        const parameters = [...common, ...(spec.parameters ?? [])].map((p) =>
          this.deref<OpenApiParameter>(p),
        );
        const pathParams: string[] = [];
        let specificity = 0;
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) => {
            const m = /^\{([^}]+)\}$/.exec(part);
            if (!m?.[1]) {
              specificity += part.length;
              return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
            }
            pathParams.push(m[1]);
            // A file path or a git ref may contain slashes (sent raw or as %2F).
            return m[1] === 'path' || m[1] === 'ref' ? '(.+?)' : '([^/]+)';
          })
          .join('');
        this.operations.push({
          id: spec.operationId,
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${source}$`),
          pathParams,
          specificity,
          parameters,
          spec,
          docUrl: spec.externalDocs?.url ?? 'https://docs.github.com/rest',
        });
      }
    }
    this.operations.sort((a, b) => b.specificity - a.specificity);
  }

  static load(file = SUBSET_FILE): OpenApiSubset {
    return new OpenApiSubset(JSON.parse(readFileSync(file, 'utf8')) as OpenApiSubsetDoc);
  }

  /** Resolves a `#/components/...` reference (one level; GitHub does not chain component refs). */
  deref<T>(node: unknown): T {
    let cur = node as { $ref?: string };
    for (let i = 0; i < 5 && cur && typeof cur.$ref === 'string'; i++) {
      const parts = cur.$ref.replace(/^#\//, '').split('/');
      let target: unknown = this.doc;
      for (const p of parts) target = (target as Record<string, unknown> | undefined)?.[p];
      if (target === undefined) throw new Error(`dangling $ref ${cur.$ref}`);
      cur = target as { $ref?: string };
    }
    return cur as T;
  }

  operation(id: string): Operation {
    const op = this.operations.find((o) => o.id === id);
    if (!op) throw new Error(`operation ${id} is not in the subset`);
    return op;
  }

  /** Finds the operation for a method and a (raw, still percent-encoded) path. */
  match(
    method: string,
    pathname: string,
  ): { op: Operation; params: Record<string, string> } | { op: undefined; allowed: string[] } {
    const allowed: string[] = [];
    for (const op of this.operations) {
      const m = op.regex.exec(pathname);
      if (!m) continue;
      if (op.method !== method.toUpperCase()) {
        allowed.push(op.method);
        continue;
      }
      const params: Record<string, string> = {};
      op.pathParams.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { op, params };
    }
    return { op: undefined, allowed };
  }

  validators(op: Operation): OperationValidators {
    const cached = this.validatorCache.get(op.id);
    if (cached) return cached;
    const group = (where: 'path' | 'query', closed: boolean): ValidateFunction => {
      const ps = op.parameters.filter((p) => p.in === where);
      const schema = {
        type: 'object',
        properties: Object.fromEntries(ps.map((p) => [p.name, toJsonSchema(p.schema ?? {})])),
        required: ps.filter((p) => p.required).map((p) => p.name),
        additionalProperties: !closed,
      };
      return this.ajvParams.compile(schema);
    };
    const json = op.spec.requestBody?.content['application/json']?.schema;
    const v: OperationValidators = {
      path: group('path', true),
      query: group('query', true),
      bodyRequired: op.spec.requestBody?.required === true,
    };
    if (json) v.body = this.ajv.compile(toJsonSchema(json) as JsonObject);
    this.validatorCache.set(op.id, v);
    return v;
  }

  /** The validator for the JSON body of a response, or null when the description gives no JSON schema. */
  responseValidator(op: Operation, status: number): ValidateFunction | null {
    const key = `${op.id} ${status}`;
    const cached = this.responseCache.get(key);
    if (cached !== undefined) return cached;
    const declared = op.spec.responses[String(status)];
    let schema: JsonObject | undefined;
    if (declared) {
      const r = this.deref<{ content?: Record<string, { schema?: JsonObject }> }>(declared);
      schema = r.content?.['application/json']?.schema;
    } else if (status === 422) {
      schema = { $ref: '#/components/schemas/validation-error' };
    } else if (status >= 400) {
      // GitHub answers errors it does not list with its usual error body.
      schema = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } };
    }
    const fn = schema ? this.ajv.compile(toJsonSchema(schema) as JsonObject) : null;
    this.responseCache.set(key, fn);
    return fn;
  }

  /** Validator for a component schema by name, e.g. `issue-comment`. */
  schema(name: string): ValidateFunction {
    const fn = this.ajv.getSchema(`${BASE_ID}#/components/schemas/${name}`);
    if (!fn) throw new Error(`schema ${name} is not in the subset`);
    return fn;
  }

  /** The published example for a response (the first one), deep-copied. */
  example(op: Operation, status: number): unknown {
    const declared = op.spec.responses[String(status)];
    if (!declared) return undefined;
    const r = this.deref<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(declared);
    const examples = r.content?.['application/json']?.examples;
    const first = examples ? Object.values(examples)[0] : undefined;
    if (!first) return undefined;
    const ex = this.deref<{ value?: unknown }>(first);
    return structuredClone(ex.value);
  }

  /** A component example by name, deep-copied. */
  componentExample(name: string): unknown {
    const ex = this.doc.components.examples?.[name] as { value?: unknown } | undefined;
    if (!ex) throw new Error(`example ${name} is not in the subset`);
    return structuredClone(ex.value);
  }
}
