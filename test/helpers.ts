import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@regops/cli';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE = path.join(ROOT, 'examples', 'pima-diabetes');
export const BUNDLE = path.join(ROOT, 'dist', 'cli', 'regops.mjs');

/** A private copy of the Pima example that a test may change. */
export function copyExample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-example-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

export function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(file, after);
}

/** Run the CLI in-process and capture what it prints. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
