import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors';

export async function sha256File(absPath: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(absPath)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Resolve a config-relative path and fail clearly when the file is not there. `where` names the config
 * field, e.g. `regops.yml:31:11: datasets.test.path`.
 */
export function resolveInput(rootDir: string, rel: string, where: string): string {
  const abs = path.resolve(rootDir, rel);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    throw new InputError(`${where}: file not found: ${rel} (looked in ${displayPath(abs)})`);
  }
  if (!isFile) throw new InputError(`${where}: ${rel} is not a file`);
  return abs;
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** POSIX form of a path relative to `root`, for evidence that does not depend on the machine. */
export function portablePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
