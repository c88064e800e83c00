import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { InputError } from '@regops/core';

/** Marker file that tells a RegOps output directory from anything else the user keeps. */
export const EVIDENCE_FILE = 'evidence.json';

/**
 * Write all files into a fresh temporary directory beside `outDir`, then move it into place, so a failure
 * never leaves a half-written output. An existing directory is replaced only when it is an earlier RegOps
 * output (it holds evidence.json) or empty; anything else is refused so nothing the user had is lost.
 */
export function writeOutputDir(outDir: string, files: Record<string, string>): void {
  const abs = path.resolve(outDir);
  if (existsSync(abs)) {
    const entries = readdirSync(abs);
    if (entries.length > 0 && !entries.includes(EVIDENCE_FILE)) {
      throw new InputError(
        `${outDir}: the output directory exists and does not look like RegOps output (no ${EVIDENCE_FILE}); choose another --out or empty it`,
      );
    }
  }
  const parent = path.dirname(abs);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, `.${path.basename(abs)}.tmp-`));
  try {
    // mkdtemp makes the directory private (0700); give it the permissions a plain mkdir would have.
    chmodSync(tmp, 0o777 & ~process.umask());
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(tmp, name), content);
    if (existsSync(abs)) {
      const old = `${tmp}.old`;
      renameSync(abs, old);
      renameSync(tmp, abs);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, abs);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
