import { execFileSync } from 'node:child_process';

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Commit, ref and whether the work tree has changes; null when `dir` is not in a git work tree. */
export function gitInfo(
  dir: string,
): { sha: string | null; ref: string | null; dirty: boolean | null } | null {
  const sha = git(dir, ['rev-parse', 'HEAD']);
  if (sha === null && git(dir, ['rev-parse', '--is-inside-work-tree']) !== 'true') return null;
  const ref = git(dir, ['symbolic-ref', '-q', 'HEAD']) ?? null;
  const status = git(dir, ['status', '--porcelain', '--', '.']);
  return { sha, ref, dirty: status === null ? null : status.length > 0 };
}
