import { execFileSync } from 'node:child_process';
import { compareVersions, InputError, type MergeReference, mergeReference } from '@regops/core';

export function git(dir: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).trimEnd();
}

const gitMessage = (e: unknown) =>
  String((e as { stderr?: string }).stderr ?? (e as Error).message)
    .trim()
    .split('\n')[0];

/** The commit a tag, branch or SHA names (InputError naming the option otherwise). */
export function resolveCommit(dir: string, rev: string, option: string): string {
  try {
    return git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  } catch (e) {
    throw new InputError(
      `${option} ${rev}: not a commit of this repository${gitMessage(e) ? ` (${gitMessage(e)})` : ''}; fetch tags and history (actions/checkout fetch-depth: 0; GitLab GIT_DEPTH: 0)`,
    );
  }
}

/** Release tags (matching the pattern) that point at the commit. */
export function tagsAt(dir: string, sha: string, pattern: string): string[] {
  return git(dir, ['tag', '--list', pattern, '--points-at', sha])
    .split('\n')
    .filter(Boolean)
    .sort(compareVersions);
}

/**
 * The previous release: the highest-versioned tag matching the pattern that is an ancestor of `to` and does
 * not point at it; null on a first release.
 */
export function previousTag(dir: string, to: string, pattern: string): { tag: string; sha: string } | null {
  const tags = git(dir, ['tag', '--list', pattern, '--merged', to])
    .split('\n')
    .filter(Boolean)
    .sort((a, b) => compareVersions(b, a));
  for (const tag of tags) {
    const sha = git(dir, ['rev-parse', `${tag}^{commit}`]);
    if (sha !== to) return { tag, sha };
  }
  return null;
}

export interface GitChange extends MergeReference {
  /** The first-parent commit that brought the change in. */
  commit: string;
  /** The merged branch's tip (second parent of a merge), or the commit itself. */
  head: string;
  parents: string[];
  author: string;
  date: string;
  subject: string;
  /** The rest of the commit message (GitHub puts the PR title there). */
  body: string;
}

/** The first-parent history between the two commits (all history up to `to` when `from` is null), oldest first. */
export function gitChanges(dir: string, from: string | null, to: string): GitChange[] {
  const range = from ? `${from}..${to}` : to;
  const out = git(dir, [
    'log',
    '--first-parent',
    '--reverse',
    '--format=%H%x00%P%x00%an%x00%cI%x00%B%x1e',
    range,
  ]);
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim() !== '')
    .map((record) => {
      const [commit = '', parentText = '', author = '', date = '', message = ''] = record.split('\x00');
      const parents = parentText.split(' ').filter(Boolean);
      const text = message.trim();
      const [subject = '', ...rest] = text.split('\n');
      const ref = mergeReference(text, parents.length > 1);
      return {
        ...ref,
        commit,
        head: parents.length > 1 ? (parents[parents.length - 1] as string) : commit,
        parents,
        author,
        date,
        subject,
        body: rest.join('\n').trim(),
      };
    });
}
