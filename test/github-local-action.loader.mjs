// Node module hooks for running the TypeScript sources outside vitest (here: under @github/local-action, whose
// tsx does not know vite's `?raw` imports): `import text from './x.hbs?raw'` yields the file's text, as the
// esbuild bundle and vitest do. Used with NODE_OPTIONS="--import <this file>".
//
// The hooks run behind tsx's, and behind quibble's (local-action stubs @actions/* with it) which strips the
// query string before loading; so a template is recognised by `?raw` or, once stripped, by its .hbs extension.
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';

if (!globalThis.__regopsRawHooks) {
  globalThis.__regopsRawHooks = true;
  register(import.meta.url);
}

const RAW_EXTENSIONS = /\.hbs$/;

function rawFile(url) {
  if (!url.startsWith('file:')) return null;
  const file = new URL(url);
  const raw = file.searchParams.has('raw') || RAW_EXTENSIONS.test(file.pathname);
  file.search = '';
  file.hash = '';
  return raw ? file : null;
}

export async function load(url, context, next) {
  const file = rawFile(url);
  if (file === null) return next(url, context);
  const text = await readFile(file, 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
