import { readFileSync } from 'node:fs';
import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ConfigurationError } from './errors';

export type PathKey = string | number;

/** A YAML file parsed with its source positions, so problems can be reported as file:line:col. */
export interface YamlFile {
  /** Path as shown to the user (relative to where they ran the command when possible). */
  display: string;
  text: string;
  data: unknown;
  /** 1-based line and column of the value at `path`, or of the key `key` inside the mapping at `path`. */
  locate(path: readonly PathKey[], key?: string): { line: number; col: number } | undefined;
}

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out === '' ? k : `.${k}`;
  }
  return out === '' ? '(top level)' : out;
}

export function readYamlFile(absPath: string, display: string, what: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigurationError(`${display}: ${what} not found (no such file)`);
    if (code === 'EISDIR')
      throw new ConfigurationError(`${display}: ${what} is a directory, expected a YAML file`);
    throw new ConfigurationError(`${display}: cannot read ${what} (${code ?? String(e)})`);
  }
  return parseYamlText(text, display);
}

export function parseYamlText(text: string, display: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => {
      const pos = lineCounter.linePos(err.pos[0]);
      const first = err.message.split('\n')[0] ?? err.message;
      const msg = first.replace(/ at line \d+, column \d+:?$/, '');
      return `${display}:${pos.line}:${pos.col}: YAML syntax error: ${msg}`;
    });
    throw new ConfigurationError(problems);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const locate = (path: readonly PathKey[], key?: string) => {
    const node = path.length === 0 ? doc.contents : (doc.getIn(path, true) as Node | undefined);
    let offset: number | undefined;
    if (key !== undefined && node && isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      offset = (pair?.key as Node | undefined)?.range?.[0];
    }
    if (offset === undefined && node && (isMap(node) || isSeq(node) || 'range' in node)) {
      offset = (node as Node).range?.[0];
    }
    if (offset === undefined) return undefined;
    return lineCounter.linePos(offset);
  };
  return { display, text, data, locate };
}
