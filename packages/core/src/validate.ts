import type { z } from 'zod';
import { ConfigurationError } from './errors';
import { nearest } from './suggest';
import { formatPath, type PathKey, type YamlFile } from './yaml-file';

type AnySchema = z.ZodType;
type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  valueType?: AnySchema;
  getter?: () => AnySchema;
}

const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwrap optional/default/nullable/pipe/lazy wrappers. */
function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = def(cur);
    if (d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else if (d.type === 'lazy' && d.getter) cur = d.getter();
    else return cur;
  }
  return cur;
}

/** For a union, the option that the data's discriminator selects (or the first object option). */
function pickOption(s: AnySchema, data: unknown): AnySchema | undefined {
  const d = def(s);
  if (!d.options) return undefined;
  if (d.discriminator && data && typeof data === 'object') {
    const v = (data as Record<string, unknown>)[d.discriminator];
    for (const o of d.options) {
      const lit = def(unwrap(o)).shape?.[d.discriminator];
      const litDef = lit ? (def(unwrap(lit)) as unknown as { values?: unknown[] }) : undefined;
      if (litDef?.values?.includes(v)) return o;
    }
    return undefined;
  }
  return d.options.find((o) => def(unwrap(o)).type === 'object');
}

/** The schema that applies at `path` inside `root`, following the data where a union needs it. */
export function schemaAt(
  root: AnySchema,
  data: unknown,
  path: readonly PropertyKey[],
): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  let value: unknown = data;
  for (const key of path) {
    if (!s) return undefined;
    s = unwrap(s);
    if (def(s).type === 'union') s = pickOption(s, value);
    if (!s) return undefined;
    s = unwrap(s);
    const d = def(s);
    if (d.type === 'object') s = d.shape?.[String(key)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  if (!s) return undefined;
  s = unwrap(s);
  if (def(s).type === 'union') s = pickOption(s, value) ?? s;
  return s ? unwrap(s) : undefined;
}

/** Keys a mapping at `path` accepts. */
export function knownKeysAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, data, path);
  if (!s) return [];
  const d = def(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const typeWords: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
  int: 'an integer',
};

function issueMessages(
  issue: Issue,
  root: AnySchema,
  data: unknown,
): { path: PropertyKey[]; key?: string; text: string }[] {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return [{ path, text: `required, but missing` }];
      const expected = typeWords[issue.expected] ?? issue.expected;
      return [{ path, text: `expected ${expected}, got ${describe(issue.input)}` }];
    }
    case 'unrecognized_keys': {
      const known = knownKeysAt(root, data, path);
      return issue.keys.map((k) => {
        const hint = nearest(k, known);
        const tail = hint
          ? `; did you mean \`${hint}\`?`
          : known.length > 0
            ? `; known keys here: ${known.join(', ')}`
            : '';
        return { path: [...path, k], key: k, text: `unknown key \`${k}\`${tail}` };
      });
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const got =
          issue.input && typeof issue.input === 'object'
            ? (issue.input as Record<string, unknown>)[issue.discriminator]
            : undefined;
        const options = ('options' in issue && issue.options ? issue.options : []).map(String);
        const p = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        if (got === undefined) return [{ path: p, text: `required, one of: ${options.join(', ')}` }];
        const hint = typeof got === 'string' ? nearest(got, options) : undefined;
        return [
          {
            path: p,
            text: `unknown ${issue.discriminator} ${describe(got)}${hint ? `; did you mean "${hint}"?` : ''} (known: ${options.join(', ')})`,
          },
        ];
      }
      // Plain union: report the branch that got furthest (most specific paths).
      const branches = issue.errors ?? [];
      const best = [...branches].sort((a, b) => (b.length === 0 ? -1 : a.length - b.length))[0];
      if (best && best.length > 0) {
        return best.flatMap((sub) =>
          issueMessages({ ...sub, path: [...path, ...sub.path] } as Issue, root, data),
        );
      }
      return [{ path, text: `got ${describe(issue.input)}, which matches none of the accepted forms` }];
    }
    case 'invalid_value': {
      const got = issue.input;
      const options = issue.values.map(String);
      const hint = typeof got === 'string' ? nearest(got, options) : undefined;
      return [
        {
          path,
          text: `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describe(got)}${hint ? `; did you mean "${hint}"?` : ''}`,
        },
      ];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [{ path, text: `needs at least ${issue.minimum} item(s)` }];
      if (issue.origin === 'string') return [{ path, text: `must not be empty` }];
      return [
        {
          path,
          text: `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${describe(issue.input)}`,
        },
      ];
    }
    case 'too_big': {
      if (issue.origin === 'array') return [{ path, text: `allows at most ${issue.maximum} item(s)` }];
      return [
        {
          path,
          text: `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${describe(issue.input)}`,
        },
      ];
    }
    case 'invalid_format':
      return [{ path, text: `${issue.message}, got ${describe(issue.input)}` }];
    default:
      return [{ path, text: issue.message }];
  }
}

/** `file:line:col: path: message` for one problem; line and column when the YAML has them. */
export function problemAt(file: YamlFile, path: readonly PathKey[], text: string, key?: string): string {
  const parent = key !== undefined ? path.slice(0, -1) : path;
  const pos = file.locate(parent, key) ?? file.locate(path.slice(0, -1));
  const where = pos ? `${file.display}:${pos.line}:${pos.col}` : file.display;
  return `${where}: ${formatPath(path)}: ${text}`;
}

/**
 * Validate `file.data` against `schema` and return the typed value, or throw one ConfigurationError that
 * lists every problem with its file, line, column and path.
 */
export function parseWith<S extends AnySchema>(schema: S, file: YamlFile): z.output<S> {
  const result = schema.safeParse(file.data, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) =>
    issueMessages(issue, schema, file.data).map((m) => problemAt(file, m.path as PathKey[], m.text, m.key)),
  );
  throw new ConfigurationError(sortByPosition([...new Set(problems)]));
}

/** Order `file:line:col: …` messages by line and column, so they read top to bottom. */
function sortByPosition(problems: string[]): string[] {
  const key = (p: string) => {
    const m = /^[^:]*:(\d+):(\d+):/.exec(p);
    return m ? Number(m[1]) * 1e6 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
  };
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.p);
}
