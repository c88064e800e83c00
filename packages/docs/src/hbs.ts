import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, type Metric, meets, type Threshold } from '@regops/core';
import Handlebars from 'handlebars';
import {
  codeSpan,
  compareCodeUnits,
  escapeMarkdown,
  formatBound,
  formatCi,
  formatNumber,
  formatObserved,
  type Target,
} from './format';
import commentSource from './templates/comment.md.hbs?raw';
import commentChangeSource from './templates/comment-change.md.hbs?raw';
import commentResultSource from './templates/comment-result.md.hbs?raw';
import datasetCardSource from './templates/dataset-card.md.hbs?raw';
import datasetTableSource from './templates/dataset-table.md.hbs?raw';
import modelCardSource from './templates/model-card.md.hbs?raw';
import reportPageSource from './templates/report.html.hbs?raw';
import reportSource from './templates/report.md.hbs?raw';
import traceControlsSource from './templates/trace-controls.md.hbs?raw';
import traceMatrixSource from './templates/trace-matrix.md.hbs?raw';
import traceOrphansSource from './templates/trace-orphans.md.hbs?raw';
import traceabilitySource from './templates/traceability.md.hbs?raw';

/**
 * The private Handlebars environments of the docs package. Markdown templates keep Handlebars' HTML
 * escaping as a safety net for any bare `{{value}}`, but every user string goes through a helper that
 * escapes it for its Markdown context and returns a SafeString. The HTML page template uses plain
 * Handlebars escaping.
 *
 * Every template is compiled in strict mode (a name missing from the data is an error, not an empty string)
 * with only the helpers below and Handlebars' built-in block helpers (an unknown helper is a compile error),
 * and runs with Handlebars' default prototype protection (no `allowProtoPropertiesByDefault` or
 * `allowProtoMethodsByDefault`): `{{constructor}}` and the like resolve to nothing. Users can replace any
 * template or partial from a directory (loadTemplates); each such set gets its own environment, so one
 * set's partials never leak into another. User templates are held to more than the built-in ones: a helper
 * argument missing from the data is an error too (checkArgs), and a bare `{{value}}` in a Markdown template
 * is escaped for Markdown, not only for HTML (markdownSafe).
 */

type Options = Handlebars.HelperOptions & {
  /** Set by Handlebars at run time: the helper's name and where the call is in the template. */
  name?: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
};

function target(options: Options): Target {
  const data = options.data as { target?: Target } | undefined;
  return data?.target === 'html' ? 'html' : 'md';
}

function safe(s: string): Handlebars.SafeString {
  return new Handlebars.SafeString(s);
}

function asString(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

interface Ref {
  id: string;
  title?: string | null;
}

function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && typeof (v as Ref).id === 'string';
}

const EMPTY = '—';

/**
 * In user templates (loadTemplates), a helper argument that resolves to `undefined` is an error: Handlebars'
 * strict mode checks plain `{{name}}` and every intermediate step of a path, but not the last name of a
 * helper argument, so `{{text requirement.titel}}` would otherwise print nothing. (`null`, an absent value
 * the evidence records, is fine, and `{{#if x}}` and `{{#unless x}}` stay lenient so that optional fields can be
 * tested.) The error carries the helper's location, which templateError turns into file and line.
 */
function checkArgs(name: string, args: readonly unknown[], options: Options): void {
  const data = options.data as { strictArgs?: boolean } | undefined;
  if (!data?.strictArgs) return;
  const i = args.indexOf(undefined);
  if (i < 0) return;
  const node = { loc: options.loc } as unknown as hbs.AST.Node;
  const bare = (options.hash as Record<string, unknown> | undefined)?.[BARE_PATH];
  throw new Handlebars.Exception(
    typeof bare === 'string'
      ? `"${bare}" not defined in the data`
      : `${name}: argument ${i + 1} is not defined here (a name missing from the data?)`,
    node,
  );
}

/** Last argument of every helper call is Handlebars' options object. */
function helper(fn: (args: unknown[], options: Options) => string): Handlebars.HelperDelegate {
  return (...all: unknown[]) => {
    const options = all[all.length - 1] as Options;
    const args = all.slice(0, -1);
    checkArgs(options.name ?? 'helper', args, options);
    return safe(fn(args, options));
  };
}

/** Info string of the fenced block that stands for a report figure (see report.ts). */
export const FIGURE_FENCE = 'regops-figure';

const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  /** User text in an inline Markdown context (paragraph, list item, heading, table cell). */
  text: helper(([v], o) => escapeMarkdown(asString(v), target(o))),
  /** User text as a code span outside tables. */
  code: helper(([v]) => codeSpan(asString(v), false)),
  /** User text as a code span inside a table cell. */
  ccode: helper(([v]) => codeSpan(asString(v), true)),
  /** A plain number. */
  num: helper(([v]) => formatNumber(typeof v === 'number' ? v : null)),
  /** Observed value against its bound, with the unit. */
  observed: helper(([m], o) => formatObserved(m as Metric, (s) => escapeMarkdown(s, target(o)))),
  /** Observed value alone, with the unit. */
  value: helper(([m], o) => {
    const metric = m as Metric;
    const unit = metric.unit ? ` ${escapeMarkdown(metric.unit, target(o))}` : '';
    return `${formatNumber(metric.value)}${metric.value === null ? '' : unit}`;
  }),
  ci: helper(([m]) => formatCi(m as Metric) || EMPTY),
  bound: helper(([m]) => {
    const t = (m as Metric).threshold;
    return t ? formatBound(t as Threshold) : EMPTY;
  }),
  /** Whether the value meets its bound: yes, no, or — without a bound. */
  met: helper(([m]) => {
    const metric = m as Metric;
    if (!metric.threshold) return EMPTY;
    return metric.value !== null && meets(metric.value, metric.threshold) ? 'yes' : 'no';
  }),
  /** IDs (strings or objects with an id), comma separated; — when none. */
  ids: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).map((x) => (isRef(x) ? x.id : asString(x)));
    return items.length === 0 ? EMPTY : items.map((s) => escapeMarkdown(s, target(o))).join(', ');
  }),
  /** `ID (title)` for each item, semicolon separated; — when none. */
  refs: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).filter(isRef);
    if (items.length === 0) return EMPTY;
    const t = target(o);
    return items
      .map((r) =>
        r.title ? `${escapeMarkdown(r.id, t)} (${escapeMarkdown(r.title, t)})` : escapeMarkdown(r.id, t),
      )
      .join('; ');
  }),
  /** Plain strings, escaped, comma separated; — when none. */
  join: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).map(asString);
    return items.length === 0 ? EMPTY : items.map((s) => escapeMarkdown(s, target(o))).join(', ');
  }),
  /** An ONNX tensor as one code span: `name type [shape]`. */
  tensor: helper(([t]) => {
    const x = t as { name: string; type: string; shape: (number | string)[] };
    return codeSpan(`${x.name} ${x.type} [${x.shape.map(String).join(', ')}]`, false);
  }),
  /** An ONNX opset domain; the empty name is the default domain. */
  domain: helper(([d]) => (asString(d) === '' ? '(default domain)' : codeSpan(asString(d), false))),
  /**
   * A report figure (an item of a result's `figures`) as a fenced block on its own lines; the HTML report
   * replaces the block with the figure's SVG after Markdown rendering.
   */
  figure: helper(([f]) => {
    const key = (f as { key?: unknown } | null | undefined)?.key;
    if (typeof key !== 'number' || !Number.isInteger(key)) {
      throw new Error("the figure helper takes an item of a result's `figures`");
    }
    return `\`\`\`${FIGURE_FENCE}\n${key}\n\`\`\``;
  }),
};

/** Helpers every template can use besides Handlebars' own (if, unless, each, with, lookup, log). */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS).sort(compareCodeUnits);

/** The documents, by the file name a user's templates directory overrides them with. */
const DOCUMENTS = {
  comment: { file: 'comment.md.hbs', source: commentSource },
  modelCard: { file: 'model-card.md.hbs', source: modelCardSource },
  datasetCard: { file: 'dataset-card.md.hbs', source: datasetCardSource },
  traceability: { file: 'traceability.md.hbs', source: traceabilitySource },
  report: { file: 'report.md.hbs', source: reportSource },
  reportPage: { file: 'report.html.hbs', source: reportPageSource },
} as const;

export type TemplateName = keyof typeof DOCUMENTS;

/** Built-in partials, by name (`{{> name}}`); the file `<name>.md.hbs` in a templates directory overrides one. */
const PARTIALS: Record<string, string> = {
  'comment-change': commentChangeSource,
  'comment-result': commentResultSource,
  'dataset-table': datasetTableSource,
  'trace-matrix': traceMatrixSource,
  'trace-controls': traceControlsSource,
  'trace-orphans': traceOrphansSource,
};

/** One compiled template per document. */
export type Templates = Record<TemplateName, Handlebars.TemplateDelegate>;

const compileOptions: CompileOptions = {
  strict: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])),
  knownHelpersOnly: true,
};

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

interface Source {
  /** Shown in error messages: the user's file, or `built-in <file>`. */
  file: string;
  source: string;
  /** A user's Markdown template: bare `{{value}}` is escaped for Markdown too (markdownSafe). */
  markdown?: boolean;
}

type Mustache = hbs.AST.MustacheStatement & { hash?: hbs.AST.Hash };

/** Hash key of the `text` calls markdownSafe writes: the path the user wrote, for the error message. */
const BARE_PATH = 'regopsBarePath';

/**
 * Handlebars' own escaping of a bare `{{value}}` is for HTML: in Markdown it lets `**`, `|`, `[…](…)` and
 * `![…](…)` through. In user Markdown templates every escaped mustache that is a plain path (`{{title}}`,
 * `{{../name}}`, `{{@key}}`) or a `lookup` becomes a call of the `text` helper, which escapes for the
 * Markdown context. (The built-in templates use the helpers for every user string already.) Unescaped output
 * (`{{{value}}}`, `{{&value}}`) is an error there: the helpers' output needs no unescaping.
 */
function markdownSafe(node: hbs.AST.Node | null | undefined): void {
  if (!node) return;
  const n = node as hbs.AST.Node & {
    body?: hbs.AST.Statement[];
    program?: hbs.AST.Program | null;
    inverse?: hbs.AST.Program | null;
  };
  if (n.type === 'MustacheStatement') {
    const m = n as Mustache;
    if (!m.escaped) {
      // Output that skips escaping would let user text through as raw Markdown and HTML.
      throw new Handlebars.Exception(
        'unescaped output ({{{…}}} or {{&…}}) is not allowed in a Markdown template: use {{text …}}',
        m,
      );
    }
    if (m.path.type !== 'PathExpression') return;
    const path = m.path as hbs.AST.PathExpression;
    const textPath: hbs.AST.PathExpression = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: ['text'],
      original: 'text',
      loc: path.loc,
    } as hbs.AST.PathExpression & { head?: unknown; tail?: unknown };
    const bare = m.params.length === 0 && !m.hash && !Object.hasOwn(HELPERS, path.original);
    if (bare) {
      m.params = [path];
      m.hash = {
        type: 'Hash',
        pairs: [
          { type: 'HashPair', key: BARE_PATH, value: stringLiteral(path.original, path.loc), loc: path.loc },
        ],
        loc: path.loc,
      };
      m.path = textPath;
    } else if (path.original === 'lookup') {
      const sub = { type: 'SubExpression', path, params: m.params, hash: m.hash, loc: m.loc };
      m.params = [sub as unknown as hbs.AST.Expression];
      m.hash = undefined as unknown as hbs.AST.Hash;
      m.path = textPath;
    }
    return;
  }
  for (const child of n.body ?? []) markdownSafe(child);
  markdownSafe(n.program);
  markdownSafe(n.inverse);
}

function stringLiteral(value: string, loc: hbs.AST.SourceLocation): hbs.AST.StringLiteral {
  return { type: 'StringLiteral', value, original: value, loc };
}

/** The source, or for a user's Markdown template its syntax tree made Markdown-safe. */
function input(s: Source): string | hbs.AST.Program {
  if (!s.markdown) return s.source;
  const ast = Handlebars.parse(s.source);
  markdownSafe(ast);
  return ast;
}

/**
 * Compiles one set of templates and partials in a fresh environment. With `attribute` (user templates), every
 * template and partial reports a failure while rendering as a ConfigurationError naming its file and line,
 * and helper arguments must be defined (checkArgs).
 */
function compileSet(
  documents: Record<TemplateName, Source>,
  partials: Record<string, Source>,
  attribute: boolean,
): Templates {
  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  // #each and #with take the same check as the package's helpers (see checkArgs).
  for (const name of ['each', 'with']) {
    const builtin = env.helpers[name] as Handlebars.HelperDelegate;
    env.registerHelper(name, function (this: unknown, ...all: unknown[]) {
      checkArgs(name, all.slice(0, -1), all[all.length - 1] as Options);
      return (builtin as (...a: unknown[]) => unknown).apply(this, all);
    });
  }
  const compile = (s: Source): Handlebars.TemplateDelegate => {
    const fn = env.compile(input(s), compileOptions);
    if (!attribute) return fn;
    return (context, options) => {
      try {
        return fn(context, { ...options, data: { ...options?.data, strictArgs: true } });
      } catch (err) {
        throw templateError(s.file, err);
      }
    };
  };
  for (const [name, s] of Object.entries(partials)) env.registerPartial(name, compile(s));
  const out = {} as Templates;
  for (const name of Object.keys(documents) as TemplateName[]) out[name] = compile(documents[name]);
  return out;
}

const builtinDocuments = Object.fromEntries(
  Object.entries(DOCUMENTS).map(([name, d]) => [name, { file: `built-in ${d.file}`, source: d.source }]),
) as Record<TemplateName, Source>;

const builtinPartials = Object.fromEntries(
  Object.entries(PARTIALS).map(([name, source]) => [name, { file: `built-in ${name}.md.hbs`, source }]),
);

/** The built-in templates. */
export const templates: Templates = compileSet(builtinDocuments, builtinPartials, false);

/** The built-in template and partial sources by file name: a starting point for a templates directory. */
export function builtinTemplateSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of Object.values(DOCUMENTS)) out[d.file] = d.source;
  for (const [name, source] of Object.entries(PARTIALS)) out[`${name}.md.hbs`] = source;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** Handlebars' message, with the file and 1-based line (and column) in front, as one line. */
function templateError(file: string, err: unknown): ConfigurationError {
  if (err instanceof ConfigurationError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    message?: unknown;
    lineNumber?: unknown;
    column?: unknown;
  };
  let message = typeof e.message === 'string' ? e.message : String(err);
  let line = typeof e.lineNumber === 'number' ? e.lineNumber : null;
  let column = typeof e.column === 'number' ? e.column + 1 : null;
  const parse = /^Parse error on line (\d+):\n(?:.*\n)*?(Expecting .*|Unexpected .*|Lexical error.*)$/m.exec(
    message,
  );
  const parseLine = /^Parse error on line (\d+):/.exec(message);
  if (parseLine) {
    line = Number(parseLine[1]);
    column = null;
    const what = parse?.[2] ?? message.split('\n').pop() ?? '';
    message = `syntax error: ${what.length > 160 ? `${what.slice(0, 157)}...` : what}`;
  } else {
    message = message.replace(/ - \d+:\d+$/, '');
    const helperName = /^You specified knownHelpersOnly, but used the unknown helper (.+)$/.exec(message);
    const missing = /^"(.+)" not defined in .*$/s.exec(message);
    const partial = /^The partial (.+) could not be found$/.exec(message);
    if (helperName)
      message = `unknown helper "${helperName[1]}" (known: ${[...HELPER_NAMES, 'each', 'if', 'lookup', 'unless', 'with'].join(', ')})`;
    else if (missing)
      message = `"${missing[1]}" is not defined here (templates are strict: every name must exist)`;
    else if (partial) message = `unknown partial "${partial[1]}"`;
  }
  const where = line === null ? file : `${file}:${line}${column === null ? '' : `:${column}`}`;
  return new ConfigurationError(`${where}: ${message.replace(/\s*\n\s*/g, ' ')}`);
}

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  name?: { type: string; original?: unknown; value?: unknown };
  path?: { original?: unknown };
  params?: AstNode[];
  body?: AstNode[];
  program?: AstNode | null;
  inverse?: AstNode | null;
}

/** Partials a template calls by a literal name (`{{> name}}`), and those it defines inline. */
function partialNames(
  node: AstNode | null | undefined,
  calls: { name: string; line: number; column: number }[],
  inline: Set<string>,
): void {
  if (!node) return;
  if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name) {
    const n =
      node.name.type === 'PathExpression'
        ? node.name.original
        : node.name.type === 'StringLiteral'
          ? node.name.value
          : null;
    if (typeof n === 'string' && n !== '@partial-block')
      calls.push({ name: n, line: node.loc?.start.line ?? 0, column: (node.loc?.start.column ?? 0) + 1 });
  }
  if (node.type === 'DecoratorBlock' && node.path?.original === 'inline') {
    const first = node.params?.[0] as { type?: string; value?: unknown } | undefined;
    if (first?.type === 'StringLiteral' && typeof first.value === 'string') inline.add(first.value);
  }
  for (const child of node.body ?? []) partialNames(child, calls, inline);
  partialNames(node.program, calls, inline);
  partialNames(node.inverse, calls, inline);
}

/** Syntax, unknown helpers and unknown partials, found before anything renders. */
function validate(s: Source, partials: ReadonlySet<string>): void {
  let ast: AstNode;
  try {
    ast = Handlebars.parse(s.source) as unknown as AstNode;
    Handlebars.precompile(input(s), compileOptions);
  } catch (err) {
    throw templateError(s.file, err);
  }
  const calls: { name: string; line: number; column: number }[] = [];
  const inline = new Set<string>();
  partialNames(ast, calls, inline);
  const unknown = calls.find((c) => !partials.has(c.name) && !inline.has(c.name));
  if (unknown) {
    throw new ConfigurationError(
      `${s.file}:${unknown.line}:${unknown.column}: unknown partial "${unknown.name}" (available: ${[...partials].sort(compareCodeUnits).join(', ')})`,
    );
  }
}

/**
 * Templates from a directory, over the built-in ones. In the directory, `<document>.md.hbs` (comment,
 * model-card, dataset-card, traceability, report) and `report.html.hbs` replace a document's template; any
 * other `*.hbs` file is a partial named by its file name without `.hbs` and a `.md` or `.html` before it
 * (`trace-matrix.md.hbs` replaces the built-in `{{> trace-matrix}}`, `footer.md.hbs` adds `{{> footer}}`).
 * Other files and subdirectories are ignored. The files are compiled like the built-in templates (strict,
 * only the known helpers, no prototype access). A syntax error, an unknown helper or an unknown partial is a
 * ConfigurationError naming the file and line, here; a name missing from the data is one at render time.
 */
export function loadTemplates(dir: string): Templates {
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareCodeUnits);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new ConfigurationError(
      `${dir}: cannot read the templates directory (${code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'not a directory' : String((err as Error).message)})`,
    );
  }
  const byFile = new Map<string, TemplateName>(
    Object.entries(DOCUMENTS).map(([name, d]) => [d.file, name as TemplateName]),
  );
  const documents = { ...builtinDocuments };
  const partials: Record<string, Source> = { ...builtinPartials };
  const user: Source[] = [];
  const partialFiles = new Map<string, string>();
  for (const name of names) {
    if (!name.endsWith('.hbs')) continue;
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const s: Source = { file, source, markdown: name.endsWith('.md.hbs') };
    user.push(s);
    const document = byFile.get(name);
    if (document) {
      documents[document] = s;
      continue;
    }
    const partial = name.replace(/\.hbs$/, '').replace(/\.(?:md|html)$/, '');
    const clash = partialFiles.get(partial);
    if (clash !== undefined) {
      throw new ConfigurationError(`${file}: partial "${partial}" is also defined by ${clash}`);
    }
    partialFiles.set(partial, file);
    partials[partial] = s;
  }
  const available = new Set(Object.keys(partials));
  for (const s of user) validate(s, available);
  return compileSet(documents, partials, true);
}

/** Render a template with the output target the escaping helpers read. */
export function render(
  template: Handlebars.TemplateDelegate,
  context: object,
  renderTarget: Target = 'md',
): string {
  return template(context, { data: { target: renderTarget } });
}
