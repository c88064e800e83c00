export const MAIN_HELP = `regops: design controls for medical-device ML, on every pull/merge request

Usage: regops <command> [options]

Commands:
  run        run the checks, decide the gate, write evidence and documents
  validate   check regops.yml and the files it links, without running checks
  schema     write the JSON Schemas of regops.yml and of the evidence bundle
  render     re-render the documents from an existing evidence.json
  data       data tools: infer-schema
  release    build the release-time compliance package (changes, review records, documents, SHA256SUMS, zip)
  verify     check a release package: SHA256SUMS and the documents re-rendered from its evidence
  gitlab     the GitLab CI jobs: run a merge request's design control and post the note and status

Options:
  -h, --help     show help (also: regops <command> --help)
  --version      print the version
  --debug        show stack traces for errors

Exit codes: 0 the gate passes, 1 the gate fails, 2 usage, config or input error, 3 internal error.
`;

export const COMMAND_HELP: Record<string, string> = {
  run: `Usage: regops run [--config regops.yml] [--out DIR] [--templates DIR] [--base-evidence FILE] [--debug]

Runs every enabled check in regops.yml (data, then model, then drift), decides the design-control gate,
and writes into DIR (default: regops-out):
  evidence.json     the evidence bundle (JSON Schema: schema/evidence.schema.json)
  comment.md        the pull/merge request comment
  model-card.md     the model card
  dataset-card.md   the dataset card (Datasheets for Datasets)
  traceability.md   requirement <-> risk control <-> check <-> result (also .csv and .html)
  report.html       the full report, one self-contained page with charts
  compliance.md     the evidence mapped to IEC 62304, ISO 14971, GMLP, the PCCP and EU AI Act Annex IV
  sbom.cdx.json     CycloneDX 1.6 SBOM: the model, the datasets, the lockfiles' dependencies
  soup.md           the SOUP list (IEC 62304) from the lockfiles and soup.yml

--templates DIR replaces built-in templates with DIR/<document>.md.hbs and partials (*.hbs).
--base-evidence FILE (the target branch's evidence.json) adds traceability-diff.md.

The directory is written all at once at the end; an existing DIR is replaced only if it holds an earlier
evidence.json. Exit code 0 when the gate passes, 1 when it fails (documents are still written), 2 for a
config or input error (nothing is written).
`,
  validate: `Usage: regops validate [--config regops.yml] [--debug]

Checks regops.yml, the requirements, risks and model-card files it links (schemas, IDs, references), that
every dataset and model file exists, that the model's inputs and outputs match the config and that every
column a check names is in its dataset. Runs no check. Exit code 0 when valid, 2 otherwise.
`,
  schema: `Usage: regops schema [--out DIR] [--kind config|evidence]

Without --out, prints the JSON Schema of regops.yml (or of evidence.json with --kind evidence).
With --out DIR, writes DIR/regops.schema.json and DIR/evidence.schema.json.
Point your editor's YAML language server at regops.schema.json for completion in regops.yml.
`,
  data: `Usage: regops data infer-schema DATA [--format csv|jsonl|parquet] [--delimiter C] [--na TEXT]... [--sensitive COLUMN]...

Reads DATA in one streaming pass and prints a schema (types, nullability, observed ranges, category lists)
for a data.schema check, to review and commit:  regops data infer-schema data/train.csv > schema.yml
Columns flagged by the PHI scan, or named with --sensitive, get a type only: their values are never printed.
--na adds texts that mean "missing" (default: empty and NA).
`,
  release: `Usage: regops release [--from TAG|SHA] [--to TAG|SHA] [--config regops.yml] [--out DIR] [--tag-pattern GLOB] [--repo OWNER/NAME]
                      [--anomaly-labels bug,anomaly] [--publish github]

Builds the release-time compliance package (IEC 62304 §5.8, ISO 14971, the design history file):
  - the changes between --from (default: the previous release tag matching --tag-pattern, default v*, that is
    an ancestor of --to; none: first release, all history) and --to (default HEAD), from the first-parent git
    history: merge commits "Merge pull request #N …" / "See merge request …!N", squash merges "… (#N)";
  - each change's design review record from the GitHub API when GITHUB_API_URL, GITHUB_TOKEN (or GH_TOKEN)
    and GITHUB_REPOSITORY (or --repo) are set: title, author, linked IDs, labels, approvals with reviewer,
    time and commit, the regops/design-control check (or status) on the head commit. Without API access the
    records come from git only and the package says that review records could not be fetched;
  - the full verification re-run on the release commit (a temporary git worktree if it is not checked out);
  - the residual anomalies: open issues with any of --anomaly-labels (default bug,anomaly) from the GitHub API,
    with the risk evaluation fields the issue gives, as lines "Severity: …", "Probability: …",
    "Risk evaluation: …", "Decision: …" (also "Hazard", "Rationale", "Workaround"; "**Severity:** …" and list
    bullets accepted) or as "### Severity" headings followed by the text (GitHub issue forms). An open
    anomaly without severity, risk evaluation or decision is a finding; without API access the package says
    that the anomalies could not be listed (a finding).
--publish github attaches DIR.zip to the GitHub release of the --to tag (created if missing; an earlier
upload of the same name is replaced). GitLab: not supported in this version (upload the zip yourself).

DIR (default regops-release-<version>) holds release-notes.md, release.json, design-history-index.md,
anomalies.md, evidence.json, documents/*, changes/<n>.json and SHA256SUMS; DIR.zip holds the same files.
Timestamps come from SOURCE_DATE_EPOCH or the release commit, so the same inputs give the same package.
Exit code 0 when every change is evidenced and the verification passes, 1 when there are findings (the
package is still written), 2 for a usage, config or input error.
`,
  verify: `Usage: regops verify PACKAGE

PACKAGE is a release package directory or its zip. Re-checks every file against SHA256SUMS and re-renders
the documents from the bundled evidence.json, comparing them byte by byte; every problem names its file.
Exit code 0 when everything matches, 1 when a file was changed, is missing or is extra, 2 when PACKAGE is not
a release package.
`,
  render: `Usage: regops render --evidence evidence.json [--out DIR] [--templates DIR] [--base-evidence FILE]

Re-renders every document (the ones \`regops run\` writes) from an evidence bundle, without running
anything; --base-evidence adds traceability-diff.md. The same evidence always gives byte-identical documents. DIR defaults to the directory of
the evidence file.
`,
};
