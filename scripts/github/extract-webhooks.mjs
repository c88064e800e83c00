#!/usr/bin/env node
// Copies a few real webhook payloads from @octokit/webhooks-examples into
// test/fixtures/github/events/*.json, for GITHUB_EVENT_PATH in the GitHub Actions tests.
//
// Usage (from the repository root):
//   mkdir -p /tmp/oa && cd /tmp/oa && npm init -y && npm install @octokit/webhooks-examples
//   node scripts/github/extract-webhooks.mjs /tmp/oa/node_modules/@octokit/webhooks-examples
//
// Payloads are copied verbatim; events/README.md records the package version, which
// upstream example each file is, and the sha256 of the upstream index.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * file → which example to take: the event name, an optional action and, among the
 * examples that match, a predicate (first match wins) with the reason it was chosen.
 */
export const PICKS = [
  {
    file: 'pull_request.opened.json',
    event: 'pull_request',
    action: 'opened',
    why: 'a PR opened in the same repository, as a workflow on: pull_request sees it (no installation field)',
    pick: (e) => !('installation' in e),
  },
  {
    file: 'pull_request.opened.labeled.json',
    event: 'pull_request',
    action: 'opened',
    why: 'a PR opened with a label (`bug`) and an organization, for label-driven behaviour',
    pick: (e) => 'organization' in e && e.pull_request.labels.length > 0,
  },
  {
    file: 'pull_request.synchronize.json',
    event: 'pull_request',
    action: 'synchronize',
    why: 'new commits pushed to the PR (before/after SHAs): a rerun that must update, not duplicate',
    pick: () => true,
  },
  {
    file: 'pull_request.labeled.json',
    event: 'pull_request',
    action: 'labeled',
    why: 'a label added to an open PR',
    pick: (e) => !('organization' in e),
  },
  {
    file: 'push.branch.json',
    event: 'push',
    why: 'a push to a branch with commits (refs/heads/...)',
    pick: (e) => e.ref.startsWith('refs/heads/') && e.commits.length > 0,
  },
  {
    file: 'push.tag.json',
    event: 'push',
    why: 'a tag pushed (refs/tags/...)',
    pick: (e) => e.ref.startsWith('refs/tags/') && !/^0+$/.test(e.after),
  },
  {
    file: 'workflow_dispatch.json',
    event: 'workflow_dispatch',
    why: 'a manual run (inputs, ref, workflow path)',
    pick: () => true,
  },
  {
    file: 'release.published.json',
    event: 'release',
    action: 'published',
    why: 'a release published (tag_name), for release evidence',
    pick: () => true,
  },
];

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(resolve(here, '..', '..'), 'test', 'fixtures', 'github', 'events');
const SOURCE_FILE = 'api.github.com/index.json';

function main() {
  const pkgDir = process.argv[2];
  if (!pkgDir) {
    console.error(
      'usage: node scripts/github/extract-webhooks.mjs <path to node_modules/@octokit/webhooks-examples>',
    );
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.name !== '@octokit/webhooks-examples') throw new Error(`${pkgDir} is ${pkg.name}`);
  const raw = readFileSync(join(pkgDir, SOURCE_FILE));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  /** @type {{ name: string; examples: Record<string, unknown>[] }[]} */
  const index = JSON.parse(raw.toString('utf8'));
  mkdirSync(outDir, { recursive: true });

  const rows = [];
  for (const p of PICKS) {
    const event = index.find((e) => e.name === p.event);
    if (!event) throw new Error(`no ${p.event} examples upstream`);
    const i = event.examples.findIndex((e) => (p.action === undefined || e.action === p.action) && p.pick(e));
    if (i < 0)
      throw new Error(`no ${p.event}${p.action ? `.${p.action}` : ''} example matches for ${p.file}`);
    writeFileSync(join(outDir, p.file), `${JSON.stringify(event.examples[i], null, 2)}\n`);
    rows.push(`| \`${p.file}\` | \`${p.event}\` | ${p.action ?? ''} | ${i} | ${p.why} |`);
  }
  const forks = index
    .find((e) => e.name === 'pull_request')
    .examples.filter(
      (e) => e.pull_request.head.repo && e.pull_request.head.repo.id !== e.pull_request.base.repo.id,
    );

  const readme = `# Webhook payloads for GITHUB_EVENT_PATH

Real payloads copied verbatim from \`@octokit/webhooks-examples\` **${pkg.version}**
(\`${SOURCE_FILE}\`, sha256 \`${sha256}\`) by \`scripts/github/extract-webhooks.mjs\`.
Do not edit them by hand: rerun the script (see its header) to refresh.

| file | event | action | upstream example # | why |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

All of them are for the repository \`Codertocat/Hello-World\` (workflow_dispatch: \`octo-org/octo-repo\`),
which is the offline GitHub mock's default repository (\`test/github/mock-server.ts\`).
The pull_request examples are PR #2, head \`ec26c3e57ca3a959ca5aad62de7213c562f8c821\` (branch \`changes\`),
base \`f95f852bd8fca8fcc58a9a2d6c842781e32a215e\` (\`master\`).

Fork pull requests: this version has ${forks.length} pull_request example(s) whose head repository differs from
the base repository${forks.length === 0 ? ', so there is no fork payload here; a test that needs one should copy `pull_request.opened.json` and change `pull_request.head.repo` (id, full_name, fork: true, owner) in the test itself, saying so' : ''}.
`;
  writeFileSync(join(outDir, 'README.md'), readme);
  console.log(`wrote ${PICKS.length} payloads to ${outDir} (@octokit/webhooks-examples ${pkg.version})`);
}

main();
