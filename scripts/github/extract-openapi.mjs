#!/usr/bin/env node
// Extracts the subset of GitHub's REST API description that RegOps calls into
// test/fixtures/github/openapi-subset.json, so the offline GitHub mock used by the
// tests (test/github/mock-server.ts) can validate every request against the published
// description without making the ~385 MB @octokit/openapi package a dependency.
//
// Usage (from the repository root):
//   mkdir -p /tmp/oa && cd /tmp/oa && npm init -y && npm install @octokit/openapi
//   node scripts/github/extract-openapi.mjs /tmp/oa/node_modules/@octokit/openapi
//
// The subset keeps each operation as published (with `$ref`s) and copies every component
// (schemas, parameters, responses, headers, examples, requestBodies) it transitively
// references. Upstream text is not altered; OpenAPI 3.0 quirks (`nullable`, `example`)
// are handled by the mock when it compiles the schemas.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** operationId → why RegOps (or its test harness) needs it. */
export const OPERATIONS = {
  // Sticky pull-request comment: find our previous comment (marker + bot login), then create or update it.
  'issues/list-comments': 'find the existing RegOps sticky comment on a pull request (paginated)',
  'issues/create-comment': 'post the RegOps report comment the first time',
  'issues/update-comment': 'update the sticky comment in place on reruns',
  'issues/get-comment': 'read one comment back (reruns, tests observing state)',
  'issues/delete-comment': 'remove a stale/duplicate sticky comment',
  // Check runs carry the gate verdict and annotations.
  'checks/create': 'create the RegOps check run for the head SHA',
  'checks/update': 'complete the check run, append annotations in batches of 50',
  'checks/get': 'read a check run back',
  'checks/list-for-ref': 'find an existing RegOps check run for a SHA on rerun',
  'checks/list-annotations': 'observe accumulated annotations',
  // Commit statuses: fallback when the token cannot create check runs (e.g. fork PRs).
  'repos/create-commit-status': 'set the regops commit status',
  'repos/list-commit-statuses-for-ref': 'observe commit statuses for a ref',
  // Pull request context: body (PCCP/change descriptions), labels, head/base SHAs, reviews (sign-off).
  'pulls/get': 'read PR body, labels, head/base SHA and author',
  'pulls/list-reviews': 'collect approvals for design-review sign-off evidence',
  'pulls/list-files': 'changed files, to scope checks to what the PR touches',
  'issues/list-labels-on-issue': 'labels that select gates/waivers',
  'repos/list-pull-requests-associated-with-commit': 'find the PR for a push/workflow_dispatch SHA',
  // Identity and repository context.
  'users/get-authenticated': 'identify a PAT user (GITHUB_TOKEN gets 403 here)',
  'apps/get-authenticated': 'identify a GitHub App (needs a JWT; installation tokens get 401)',
  'repos/get': 'default branch, visibility, fork flag of the repository',
  'git/get-ref': 'resolve a branch/tag to a SHA (baseline lookups)',
  'repos/get-content': 'read CODEOWNERS and files from the base ref',
  'rate-limit/get': 'report remaining budget before paginating large lists',
  // Release package (regops release): residual anomalies, and the package attached to the GitHub release.
  'issues/list-for-repo':
    'residual anomalies: open issues with the configured labels (paginated; PRs skipped)',
  'repos/get-release-by-tag': 'find the GitHub release of the tag to attach the release package to',
  'repos/create-release': 'create the GitHub release of the tag when it does not exist yet',
  'repos/list-release-assets': 'find an earlier upload of the package (rerun) and observe the assets',
  'repos/delete-release-asset': 'replace an earlier upload of the package on rerun (asset names are unique)',
  'repos/upload-release-asset': 'upload the release package zip (to the upload_url the release answers)',
};

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const outFile = join(repoRoot, 'test', 'fixtures', 'github', 'openapi-subset.json');
const SOURCE_FILE = 'generated/api.github.com.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function main() {
  const pkgDir = process.argv[2];
  if (!pkgDir) {
    console.error('usage: node scripts/github/extract-openapi.mjs <path to node_modules/@octokit/openapi>');
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.name !== '@octokit/openapi') throw new Error(`${pkgDir} is ${pkg.name}, not @octokit/openapi`);
  const raw = readFileSync(join(pkgDir, SOURCE_FILE));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const spec = JSON.parse(raw.toString('utf8'));

  const wanted = new Set(Object.keys(OPERATIONS));
  /** @type {Record<string, Record<string, unknown>>} */
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op || !wanted.has(op.operationId)) continue;
      paths[path] ??= item.parameters ? { parameters: item.parameters } : {};
      paths[path][method] = op;
      wanted.delete(op.operationId);
    }
  }
  if (wanted.size > 0) throw new Error(`operations not found upstream: ${[...wanted].join(', ')}`);

  // Copy every referenced component, transitively.
  /** @type {Record<string, Record<string, unknown>>} */
  const components = {};
  const queue = [paths];
  const seen = new Set();
  while (queue.length > 0) {
    const node = queue.pop();
    visit(node, (ref) => {
      if (seen.has(ref)) return;
      seen.add(ref);
      const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
      if (!m) throw new Error(`unsupported $ref ${ref}`);
      const [, kind, name] = m;
      const target = spec.components?.[kind]?.[name];
      if (target === undefined) throw new Error(`dangling $ref ${ref}`);
      components[kind] ??= {};
      components[kind][name] = target;
      queue.push(target);
    });
  }
  const sortedComponents = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((kind) => [
        kind,
        Object.fromEntries(
          Object.keys(components[kind])
            .sort()
            .map((n) => [n, components[kind][n]]),
        ),
      ]),
  );
  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [p, paths[p]]),
  );

  const subset = {
    openapi: spec.openapi,
    info: spec.info,
    servers: spec.servers,
    'x-regops-source': {
      package: '@octokit/openapi',
      version: pkg.version,
      file: SOURCE_FILE,
      sha256,
      generatedBy: 'scripts/github/extract-openapi.mjs',
      operations: OPERATIONS,
    },
    paths: sortedPaths,
    components: sortedComponents,
  };
  const text = `${JSON.stringify(subset, null, 1)}\n`;
  writeFileSync(outFile, text);
  const counts = Object.entries(sortedComponents)
    .map(([k, v]) => `${Object.keys(v).length} ${k}`)
    .join(', ');
  console.log(
    `wrote ${outFile}: ${Object.keys(OPERATIONS).length} operations, ${counts}, ${(text.length / 1024).toFixed(0)} KiB ` +
      `(@octokit/openapi ${pkg.version}, sha256 ${sha256})`,
  );
}

/** Calls onRef for every `$ref` string below node. */
function visit(node, onRef) {
  if (Array.isArray(node)) {
    for (const v of node) visit(v, onRef);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') onRef(v);
      else visit(v, onRef);
    }
  }
}

main();
