import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import "./chunk-ITRNY56W.mjs";
import {
  getOctokit,
  require_light,
  retry
} from "./chunk-M33VFNBG.mjs";
import {
  debug,
  error,
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-X7KFVCOR.mjs";
import {
  ConfigurationError,
  EVIDENCE_FILE,
  PLATFORM_LIMITS,
  annotationsFor,
  checkSummary,
  checkTitle,
  commentBody,
  composeComment,
  conclusion,
  evaluateDesignReview,
  findSticky,
  fitToBudget,
  metricsOutput,
  outputFiles,
  overallVerdict,
  readEvidenceFile,
  runProject,
  writeOutputDir
} from "./chunk-5N7URV5V.mjs";
import {
  __toESM
} from "./chunk-SDNCZGG2.mjs";

// packages/github/src/action.ts
import path3 from "node:path";

// packages/github/src/context.ts
import { readFileSync } from "node:fs";
var SUPPORTED_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "push",
  "workflow_dispatch",
  "release",
  "workflow_run"
];
var str = (v) => typeof v === "string" && v !== "" ? v : null;
var obj = (v) => v !== null && typeof v === "object" ? v : {};
function changeFromPull(pr) {
  const number = pr.number;
  if (typeof number !== "number") return null;
  const head = obj(pr.head);
  const base = obj(pr.base);
  const headRepo = head.repo === null ? null : obj(head.repo);
  const baseRepo = obj(base.repo);
  const headName = headRepo === null ? null : str(headRepo.full_name);
  const baseName = str(baseRepo.full_name);
  return {
    number,
    url: str(pr.html_url) ?? "",
    title: typeof pr.title === "string" ? pr.title : "",
    body: typeof pr.body === "string" ? pr.body : "",
    author: str(obj(pr.user).login) ?? "",
    labels: Array.isArray(pr.labels) ? pr.labels.map((l) => str(obj(l).name)).filter((l) => l !== null) : [],
    baseRef: str(base.ref) ?? "",
    baseSha: str(base.sha) ?? "",
    headRef: str(head.ref) ?? "",
    headSha: str(head.sha) ?? "",
    // A deleted head repository (null) is a fork that is gone; a different repository is a fork.
    fromFork: headRepo === null || head.repo === void 0 || headName !== null && baseName !== null && headName.toLowerCase() !== baseName.toLowerCase()
  };
}
function readGithubContext(env = process.env) {
  const event = env.GITHUB_EVENT_NAME ?? "";
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const problems = [];
  let payload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      payload = obj(JSON.parse(readFileSync(eventPath, "utf8")));
    } catch (e) {
      const code = e.code;
      problems.push(
        `the event payload ${eventPath} could not be read (${code === "ENOENT" ? "file not found" : e.message})`
      );
    }
  }
  const repository = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository).full_name);
  const [owner, repo] = repository?.includes("/") ? repository.split("/", 2) : [null, null];
  if (repository === null) problems.push("GITHUB_REPOSITORY is not set: not running on GitHub Actions?");
  let change = null;
  let sha = str(env.GITHUB_SHA);
  let triggeringRun = null;
  if (event === "") {
    problems.push("GITHUB_EVENT_NAME is not set: not running on GitHub Actions?");
  } else if (!SUPPORTED_EVENTS.includes(event)) {
    problems.push(
      `the event "${event}" is not supported: run RegOps on ${SUPPORTED_EVENTS.slice(0, -1).join(", ")} (or workflow_run for the docs action); see actions/README.md`
    );
  } else if (event === "pull_request" || event === "pull_request_target" || event === "pull_request_review") {
    change = changeFromPull(obj(payload.pull_request));
    if (change === null) problems.push(`the ${event} payload has no pull_request.number`);
    else sha = change.headSha || sha;
  } else if (event === "workflow_run") {
    const run = obj(payload.workflow_run);
    const headSha = str(run.head_sha);
    if (headSha === null) problems.push("the workflow_run payload has no workflow_run.head_sha");
    else {
      triggeringRun = {
        headSha,
        event: str(run.event) ?? "",
        id: typeof run.id === "number" ? run.id : null
      };
      sha = headSha;
      const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
      const first = prs.length > 0 ? obj(prs[0]) : null;
      if (first && typeof first.number === "number") {
        change = {
          number: first.number,
          url: repository ? `${serverUrl}/${repository}/pull/${first.number}` : "",
          title: "",
          body: "",
          author: "",
          labels: [],
          baseRef: str(obj(first.base).ref) ?? "",
          baseSha: str(obj(first.base).sha) ?? "",
          headRef: str(obj(first.head).ref) ?? "",
          headSha: str(obj(first.head).sha) ?? headSha,
          fromFork: false
        };
      }
    }
  }
  const runId = str(env.GITHUB_RUN_ID);
  return {
    platform: "github",
    event: event || "unknown",
    repository,
    owner: owner ?? null,
    repo: repo ?? null,
    sha,
    ref: str(env.GITHUB_REF),
    change,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : null,
    apiUrl,
    serverUrl,
    runId,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    problem: problems.length > 0 ? problems.join("; ") : null,
    triggeringRun
  };
}

// packages/github/src/inputs.ts
import path from "node:path";
var common = (name, check, out) => ({
  ...name === "docs" ? {
    evidence: {
      description: "Path of an evidence bundle (evidence.json) to render and publish, relative to the workspace.",
      default: "regops-out/evidence.json"
    }
  } : {
    config: { description: "Path of regops.yml, relative to the workspace.", default: "regops.yml" }
  },
  out: {
    description: "Directory for evidence.json and the documents, relative to the workspace (replaced when it holds earlier RegOps output; refused when it holds anything else).",
    default: out
  },
  token: {
    description: "Token for the GitHub API (comment, check run, status, reviews). Empty: nothing is posted, the evidence is still written.",
    // The runner's expression, written as action.yml has it (not a JavaScript template).
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    default: "${{ github.token }}"
  },
  comment: {
    description: "Create or update the sticky pull request comment (true/false).",
    default: "true"
  },
  "comment-key": {
    description: "Tells apart the comments of several runs of this action on one pull request (e.g. one per regops.yml); default: the config path.",
    default: ""
  },
  "check-run": {
    description: "Publish a check run on the head commit (a commit status when check runs are not permitted) (true/false).",
    default: "true"
  },
  "check-name": { description: "Name of the check run or commit status.", default: check },
  "fail-on-gate": {
    description: "Fail the step when the design control fails (true/false); false: report only.",
    default: "true"
  },
  "upload-artifacts": {
    description: "Upload the evidence and documents as a workflow artifact (true/false).",
    default: "true"
  },
  "artifact-name": {
    description: "Name of the artifact (unique per workflow run: set it per job in a matrix).",
    default: name === "regops" ? "regops-evidence" : `regops-${name}`
  },
  "bot-login": {
    description: "Login the sticky comment is posted as, to find it again: default github-actions[bot] (GITHUB_TOKEN); for a GitHub App token, <app-slug>[bot]. A personal access token is recognised by itself.",
    default: ""
  },
  ...name === "regops" || name === "gate" ? {
    "design-review": {
      description: "Judge the design review of the pull request (linked requirement IDs, approvals on the head commit, required reviewers, labels): true, false, or auto (when regops.yml has gate.review).",
      default: name === "gate" ? "true" : "auto"
    }
  } : {}
});
var ALL = ["data", "model", "drift"];
var ACTIONS = {
  regops: {
    name: "regops",
    title: "RegOps design control",
    description: "Runs the whole RegOps pipeline from regops.yml (data checks, ONNX model tests, drift), decides the design-control gate, writes the evidence bundle and documents, and publishes a sticky PR comment, the regops/design-control check run, the job summary and an artifact.",
    stages: ALL,
    inputs: common("regops", "regops/design-control", "regops-out")
  },
  "data-check": {
    name: "data-check",
    title: "RegOps data checks",
    description: "Runs the data.* checks of regops.yml (schema, completeness, duplicates, leakage, PHI, \u2026) and publishes their evidence.",
    stages: ["data"],
    inputs: common("data-check", "regops/data-check", "regops-out/data-check")
  },
  "model-test": {
    name: "model-test",
    title: "RegOps model tests",
    description: "Runs the model.* checks of regops.yml on the ONNX model (metrics with confidence intervals, baseline comparison, subgroups, behaviour, determinism) and publishes their evidence.",
    stages: ["model"],
    inputs: common("model-test", "regops/model-test", "regops-out/model-test")
  },
  drift: {
    name: "drift",
    title: "RegOps drift",
    description: "Runs the drift.* checks of regops.yml (feature and prediction drift against a reference) and publishes their evidence.",
    stages: ["drift"],
    inputs: common("drift", "regops/drift", "regops-out/drift")
  },
  docs: {
    name: "docs",
    title: "RegOps documents",
    description: "Renders the documents of an existing evidence bundle and publishes its comment, check run and job summary, without running any check: the second workflow of the workflow_run pattern for pull requests from forks.",
    stages: null,
    inputs: common("docs", "regops/design-control", "regops-out/docs")
  },
  gate: {
    name: "gate",
    title: "RegOps design-control gate",
    description: "The design control of a pull request: runs the whole pipeline and judges the design review (linked requirement IDs, approvals on the head commit, required reviewers per path, change-type labels); every reason for failing is listed in the regops/design-control check run.",
    stages: ALL,
    inputs: common("gate", "regops/design-control", "regops-out/gate")
  }
};
function raw(spec, name, env) {
  const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
  if (value !== void 0 && value.trim() !== "") return value.trim();
  const def = spec.inputs[name]?.default ?? "";
  return def.startsWith("${{") ? "" : def;
}
function bool(spec, name, env, problems) {
  const v = raw(spec, name, env);
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  problems.push(`input ${name}: "${v}" is not true or false`);
  return false;
}
function readInputs(action, env = process.env) {
  const spec = ACTIONS[action];
  const problems = [];
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (p) => path.resolve(workspace, p);
  const configInput = spec.inputs.config ? raw(spec, "config", env) : "";
  const evidenceInput = spec.inputs.evidence ? raw(spec, "evidence", env) : "";
  const out = raw(spec, "out", env);
  if (out === "") problems.push("input out: empty; give a directory such as regops-out");
  const designReview = spec.inputs["design-review"] ? raw(spec, "design-review", env) : "false";
  if (!["true", "false", "auto"].includes(designReview)) {
    problems.push(`input design-review: "${designReview}" is not true, false or auto`);
  }
  const checkName = raw(spec, "check-name", env);
  const inputs = {
    config: configInput ? inWorkspace(configInput) : null,
    configInput,
    evidence: evidenceInput ? inWorkspace(evidenceInput) : null,
    out: inWorkspace(out || "."),
    token: raw(spec, "token", env) || env.GITHUB_TOKEN || null,
    comment: bool(spec, "comment", env, problems),
    commentKey: raw(spec, "comment-key", env) || configInput || evidenceInput || "default",
    checkRun: bool(spec, "check-run", env, problems),
    checkName: checkName || (spec.inputs["check-name"]?.default ?? "regops"),
    failOnGate: bool(spec, "fail-on-gate", env, problems),
    uploadArtifacts: bool(spec, "upload-artifacts", env, problems),
    artifactName: raw(spec, "artifact-name", env),
    botLogins: raw(spec, "bot-login", env).split(/[\s,]+/).filter((l) => l !== ""),
    designReview
  };
  if (spec.stages !== null && !configInput) problems.push("input config: empty; give the path of regops.yml");
  if (spec.stages === null && !evidenceInput)
    problems.push("input evidence: empty; give the path of evidence.json");
  if (/[":<>|*?\r\n\\/]/.test(inputs.artifactName)) {
    problems.push(
      `input artifact-name: "${inputs.artifactName}" may not contain " : < > | * ? \\ / or a newline`
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems.map((p) => `${action}: ${p}`));
  return inputs;
}

// packages/github/src/platform.ts
import { statSync } from "node:fs";
import path2 from "node:path";

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error2) => error2.type === "RATE_LIMITED")) {
      const error2 = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error2;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path4) => path4.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common2) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common2
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common2
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common2
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common2
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common2
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common2 = { timeout };
  if (typeof connection !== "undefined") {
    common2.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common2);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error2, info2) {
      const [state2, request, options] = info2.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error2.status !== 401;
      if (!(shouldRetryGraphQL || error2.status === 403 || error2.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error2.message)) {
          const retryAfter2 = Number(error2.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error2.response.headers != null && error2.response.headers["x-ratelimit-remaining"] === "0" || (error2.response.data?.errors ?? []).some(
          (error22) => error22.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error2.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// packages/github/src/octokit.ts
var API_VERSION = "2022-11-28";
var clients = 0;
function createClient(options) {
  const maxWait = options.maxRateLimitWait ?? 60;
  const rateRetries = options.rateLimitRetries ?? 2;
  const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
    const what = `${request.method} ${request.url}`;
    if (retryCount < rateRetries && retryAfter <= maxWait) {
      options.log.info(`GitHub ${kind} for ${what}: retrying in ${retryAfter} s`);
      return true;
    }
    options.log.info(
      `GitHub ${kind} for ${what}: not waiting ${retryAfter} s (${retryCount} retries so far; at most ${rateRetries}, ${maxWait} s each)`
    );
    return false;
  };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: "regops-action",
      log: {
        debug: (m) => options.log.debug(`octokit: ${m}`),
        info: (m) => options.log.debug(`octokit: ${m}`),
        warn: (m) => options.log.info(`octokit: ${m}`),
        error: (m) => options.log.info(`octokit: ${m}`)
      },
      retry: {
        retries: options.retries ?? 3,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451]
      },
      throttle: {
        // Writes are paced per client (one per action run); the plugin's default key would pace every client
        // of the process together.
        id: `regops-${++clients}`,
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit")
      }
    },
    retry,
    throttling
  );
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = API_VERSION;
  });
  return octokit;
}
function httpError(e) {
  if (e === null || typeof e !== "object") return null;
  const err = e;
  if (typeof err.status !== "number") return null;
  const data = err.response?.data;
  const apiMessage = data !== null && typeof data === "object" && typeof data.message === "string" ? data.message : null;
  return {
    status: err.status,
    message: (apiMessage ?? (typeof err.message === "string" ? err.message : "")).split("\n")[0] ?? ""
  };
}

// packages/github/src/platform.ts
var ACTIONS_BOT = "github-actions[bot]";
var MAX_ANNOTATION_MESSAGE = 4e3;
var STATUS_DESCRIPTION = 140;
function refusal(what, permission, e, change) {
  if (e.status === 401) return `${what}: the token was refused (401 ${e.message}): check the token input`;
  if (e.status === 403 && /rate limit/i.test(e.message)) {
    return `${what}: GitHub's rate limit was reached (403 ${e.message}); the next run will post again`;
  }
  if (e.status === 403 && change?.fromFork) {
    return `${what}: the token is read-only (403 ${e.message}) because this pull request comes from a fork; post from a second workflow on workflow_run (see actions/README.md, "Pull requests from forks")`;
  }
  if (e.status === 403) {
    return `${what}: the token may not do this (403 ${e.message}); give the job \`permissions: ${permission}: write\`, or the token that permission`;
  }
  if (e.status === 404) {
    return `${what}: not found (404 ${e.message}); does the token have access to this repository?`;
  }
  if (e.status === 429) return `${what}: rate limited (429 ${e.message}); the next run will post again`;
  return `${what}: GitHub answered ${e.status} (${e.message})`;
}
var REVIEW_STATE = {
  APPROVED: "approved",
  CHANGES_REQUESTED: "changes_requested",
  COMMENTED: "commented",
  DISMISSED: "dismissed"
};
var GithubPlatform = class {
  name = "github";
  #ctx;
  #token;
  #client;
  #log;
  #commentAction;
  #botLogins;
  #identityChecked = false;
  #reportUrl = null;
  constructor(options) {
    this.#ctx = options.context;
    this.#token = options.token && options.token.trim() !== "" ? options.token.trim() : null;
    this.#log = options.log;
    this.#commentAction = options.commentAction;
    this.#botLogins = options.botLogins && options.botLogins.length > 0 ? [...options.botLogins] : [ACTIONS_BOT];
    this.#client = this.#token === null || this.#ctx.owner === null ? null : createClient({
      token: this.#token,
      baseUrl: this.#ctx.apiUrl,
      log: { debug: options.log.debug, info: options.log.info },
      ...options.retries !== void 0 ? { retries: options.retries } : {}
    });
  }
  /** Where the full report is: the artifact once uploaded, else the run's page. */
  get reportUrl() {
    return this.#reportUrl ?? this.#ctx.runUrl;
  }
  context() {
    return this.#ctx;
  }
  get githubContext() {
    return this.#ctx;
  }
  /** Adopt the change request the run belongs to (e.g. read back from the evidence in a workflow_run). */
  setChange(change) {
    this.#ctx.change = change;
    if (change.headSha) this.#ctx.sha = change.headSha;
  }
  #noApi() {
    if (this.#ctx.problem) return this.#ctx.problem;
    if (this.#token === null) {
      return "no token: the token input is empty (default: the workflow GITHUB_TOKEN); nothing is posted";
    }
    return null;
  }
  capabilities() {
    const noApi = this.#noApi();
    const noChange = this.#ctx.change === null ? `no pull request for the ${this.#ctx.event} event` : null;
    const summaryPath = process.env.GITHUB_STEP_SUMMARY;
    const reason = {};
    const cap = (k, why) => {
      if (why !== null) reason[k] = why;
      return why === null;
    };
    return {
      comment: cap("comment", noApi ?? noChange),
      checkRun: cap("checkRun", noApi ?? (this.#ctx.sha === null ? "no commit SHA" : null)),
      commitStatus: cap("commitStatus", noApi ?? (this.#ctx.sha === null ? "no commit SHA" : null)),
      summary: cap("summary", summaryPath ? null : "GITHUB_STEP_SUMMARY is not set (not on a runner)"),
      artifacts: cap(
        "artifacts",
        process.env.ACTIONS_RUNTIME_TOKEN ? null : "the artifact service is not available (no ACTIONS_RUNTIME_TOKEN: not on a GitHub-hosted or self-hosted runner)"
      ),
      reviews: cap("reviews", noApi ?? noChange),
      labels: cap("labels", noChange),
      reason
    };
  }
  #repo() {
    return { owner: this.#ctx.owner ?? "", repo: this.#ctx.repo ?? "" };
  }
  /** A personal access token may say who it is; GITHUB_TOKEN and App tokens get 403/401 and keep the given logins. */
  async #identity() {
    if (this.#identityChecked || this.#client === null) return this.#botLogins;
    this.#identityChecked = true;
    if (!/^(ghp_|github_pat_|gho_|ghu_)/.test(this.#token ?? "")) return this.#botLogins;
    try {
      const { data } = await this.#client.rest.users.getAuthenticated();
      if (data.login && !this.#botLogins.some((l) => l.toLowerCase() === data.login.toLowerCase())) {
        this.#botLogins.push(data.login);
      }
    } catch (e) {
      this.#log.debug(`GET /user: ${httpError(e)?.status ?? e.message}`);
    }
    return this.#botLogins;
  }
  /** The pull request as it is now (title, body and labels may have changed since the event), or null. */
  async fetchChange(number) {
    if (this.#client === null) return null;
    try {
      const { data } = await this.#client.rest.pulls.get({ ...this.#repo(), pull_number: number });
      return changeFromPull(data);
    } catch (e) {
      const err = httpError(e);
      if (!err) throw e;
      this.#log.info(refusal(`reading pull request #${number}`, "pull-requests", err, this.#ctx.change));
      return null;
    }
  }
  async upsertComment(key, body) {
    const cannot = this.capabilities().reason.comment;
    if (cannot || this.#client === null || this.#ctx.change === null) {
      return { status: "skipped", reason: cannot ?? "no pull request" };
    }
    const client = this.#client;
    const issue_number = this.#ctx.change.number;
    const marker = { action: this.#commentAction, key };
    const text = fitToBudget(composeComment(marker, body), {
      limit: PLATFORM_LIMITS.githubComment,
      reportUrl: this.reportUrl
    }).markdown;
    const what = `the comment on pull request #${issue_number}`;
    try {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...this.#repo(),
        issue_number,
        per_page: 100
      });
      const match = findSticky(
        comments.map((c) => ({
          id: c.id,
          author: c.user?.login ?? null,
          body: c.body ?? "",
          createdAt: c.created_at,
          url: c.html_url
        })),
        { marker, botLogins: await this.#identity() }
      );
      if (match.foreign.length > 0) {
        this.#log.info(
          `${match.foreign.length} comment(s) carry the RegOps marker but were written by someone else (not ${this.#botLogins.join(", ")}): left alone`
        );
      }
      let outcome = null;
      if (match.sticky) {
        try {
          const { data } = await client.rest.issues.updateComment({
            ...this.#repo(),
            comment_id: Number(match.sticky.id),
            body: text
          });
          outcome = { status: "updated", id: String(data.id), url: data.html_url };
        } catch (e) {
          if (httpError(e)?.status !== 404) throw e;
          this.#log.info(`comment ${match.sticky.id} was deleted meanwhile: posting a new one`);
        }
      }
      if (outcome === null) {
        const { data } = await client.rest.issues.createComment({
          ...this.#repo(),
          issue_number,
          body: text
        });
        outcome = { status: "created", id: String(data.id), url: data.html_url };
      }
      for (const dup of match.duplicates) {
        try {
          await client.rest.issues.deleteComment({ ...this.#repo(), comment_id: Number(dup.id) });
          this.#log.info(`deleted duplicate RegOps comment ${dup.id}`);
        } catch (e) {
          this.#log.info(
            `could not delete duplicate comment ${dup.id} (${httpError(e)?.status ?? e.message}): left as it is`
          );
        }
      }
      return outcome;
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      return { status: "skipped", reason: refusal(what, "pull-requests", err, this.#ctx.change) };
    }
  }
  /**
   * A completed check run on the head commit, with the summary fitted to 65 535 characters and the annotations
   * sent 50 per request. When check runs are refused (a personal token, or `checks: write` missing), a commit
   * status with the same name is set instead.
   */
  async publishCheck(name, output) {
    const cannot = this.capabilities().reason.checkRun;
    if (cannot || this.#client === null || this.#ctx.sha === null) {
      return { status: "skipped", reason: cannot ?? "no commit SHA" };
    }
    const client = this.#client;
    const summary2 = fitToBudget(output.summary, {
      limit: PLATFORM_LIMITS.githubCheckSummary,
      reportUrl: this.reportUrl
    }).markdown;
    const title = output.title.slice(0, 255);
    const annotations = output.annotations.map((a) => ({
      path: a.path,
      start_line: a.startLine,
      end_line: a.endLine,
      annotation_level: a.level,
      title: a.title.slice(0, 255),
      message: a.message.length > MAX_ANNOTATION_MESSAGE ? `${a.message.slice(0, MAX_ANNOTATION_MESSAGE)}\u2026` : a.message
    }));
    const per = PLATFORM_LIMITS.githubAnnotationsPerRequest;
    try {
      const { data } = await client.rest.checks.create({
        ...this.#repo(),
        name,
        head_sha: this.#ctx.sha,
        status: "completed",
        conclusion: output.conclusion,
        ...this.#ctx.runUrl ? { details_url: this.#ctx.runUrl } : {},
        output: { title, summary: summary2, annotations: annotations.slice(0, per) }
      });
      for (let i = per; i < annotations.length; i += per) {
        await client.rest.checks.update({
          ...this.#repo(),
          check_run_id: data.id,
          output: { title, summary: summary2, annotations: annotations.slice(i, i + per) }
        });
      }
      return { status: "done", url: data.html_url ?? null };
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      if (err.status !== 403 || /rate limit/i.test(err.message)) {
        return {
          status: "skipped",
          reason: refusal(`the check run ${name}`, "checks", err, this.#ctx.change)
        };
      }
      this.#log.info(
        `check run ${name} refused (403 ${err.message}): setting a commit status ${name} instead`
      );
      const state = output.conclusion === "failure" ? "failure" : "success";
      const status = await this.setStatus(name, state, title, this.reportUrl ?? void 0);
      if (status.status === "skipped") {
        return {
          status: "skipped",
          reason: `${refusal(`the check run ${name}`, "checks", err, this.#ctx.change)}; and ${status.reason}`
        };
      }
      return status;
    }
  }
  async setStatus(context, state, description, targetUrl) {
    const cannot = this.capabilities().reason.commitStatus;
    if (cannot || this.#client === null || this.#ctx.sha === null) {
      return { status: "skipped", reason: cannot ?? "no commit SHA" };
    }
    const chars = Array.from(description);
    const text = chars.length > STATUS_DESCRIPTION ? `${chars.slice(0, STATUS_DESCRIPTION - 1).join("")}\u2026` : description;
    try {
      const { data } = await this.#client.rest.repos.createCommitStatus({
        ...this.#repo(),
        sha: this.#ctx.sha,
        state,
        context,
        description: text,
        ...targetUrl ? { target_url: targetUrl } : {}
      });
      return { status: "done", url: data.target_url ?? null };
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      return {
        status: "skipped",
        reason: refusal(`the commit status ${context}`, "statuses", err, this.#ctx.change)
      };
    }
  }
  /** Every submitted review, oldest first (pending reviews are not reviews yet). Throws on HTTP errors. */
  async listReviews() {
    if (this.#client === null || this.#ctx.change === null) return [];
    const client = this.#client;
    const reviews = await client.paginate(client.rest.pulls.listReviews, {
      ...this.#repo(),
      pull_number: this.#ctx.change.number,
      per_page: 100
    });
    const out = [];
    for (const r of reviews) {
      const state = REVIEW_STATE[r.state];
      if (!state || !r.user) continue;
      out.push({
        reviewer: r.user.login,
        state,
        commitSha: r.commit_id ?? null,
        submittedAt: r.submitted_at ?? ""
      });
    }
    return out;
  }
  /** Files changed by the pull request (GitHub lists at most 3000). Throws on HTTP errors. */
  async changedFiles() {
    if (this.#client === null || this.#ctx.change === null) return [];
    const client = this.#client;
    const files = await client.paginate(client.rest.pulls.listFiles, {
      ...this.#repo(),
      pull_number: this.#ctx.change.number,
      per_page: 100
    });
    return files.map((f) => f.filename);
  }
  /** Appends to the job summary, fitted to what is left of its 1 MiB. */
  async writeSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return { status: "skipped", reason: "GITHUB_STEP_SUMMARY is not set (not on a runner)" };
    let used = 0;
    try {
      used = statSync(file).size;
    } catch {
      used = 0;
    }
    const limit = PLATFORM_LIMITS.githubStepSummaryBytes - used - 1;
    if (limit < 512) return { status: "skipped", reason: "the job summary of this step is full (1 MiB)" };
    const fitted = fitToBudget(markdown, { limit, reportUrl: this.reportUrl, unit: "utf8" }).markdown;
    try {
      await summary.addRaw(fitted, true).write();
      return { status: "done", url: null };
    } catch (e) {
      return { status: "skipped", reason: `the job summary could not be written: ${e.message}` };
    }
  }
  async setOutputs(outputs) {
    for (const [k, v] of Object.entries(outputs)) setOutput(k, v);
    return { status: "done", url: null };
  }
  /** Uploads the files as one artifact (needs the runner's artifact service: ACTIONS_RUNTIME_TOKEN). */
  async uploadArtifacts(name, files) {
    const cannot = this.capabilities().reason.artifacts;
    if (cannot) return { status: "skipped", reason: cannot };
    if (files.length === 0) return { status: "skipped", reason: "no files" };
    const root = commonDir(files);
    try {
      const { DefaultArtifactClient } = await import("./artifact-SC3VJUXU.mjs");
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, root, {});
      const url = res.id !== void 0 && this.#ctx.runUrl !== null ? `${this.#ctx.runUrl}/artifacts/${res.id}` : null;
      if (url) this.#reportUrl = url;
      return { status: "done", url };
    } catch (e) {
      return {
        status: "skipped",
        reason: `the artifact ${name} could not be uploaded: ${e.message.split("\n")[0]}${/Conflict|already exists/i.test(e.message) ? " (an artifact of that name exists in this run: set artifact-name)" : ""}`
      };
    }
  }
};
function commonDir(files) {
  const dirs = files.map((f) => path2.dirname(path2.resolve(f)).split(path2.sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path2.sep) || path2.sep;
}

// packages/github/src/action.ts
var ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", error: "\u26D4", skip: "\u23ED\uFE0F" };
function pipelineLogger() {
  return {
    info: (m) => info(`regops: ${m}`),
    warn: (m) => {
      const [first, ...rest] = m.split("\n");
      warning(`regops: ${first}`);
      if (rest.length > 0) debug(rest.join("\n"));
    },
    debug: (m) => debug(`regops: ${m}`)
  };
}
async function judgeDesignReview(platform, change, evidence, policy) {
  const now = await platform.fetchChange(change.number);
  const current = now ? { ...now, headSha: change.headSha, fromFork: change.fromFork } : change;
  let reviews = null;
  let files = null;
  if (platform.capabilities().reviews) {
    try {
      reviews = await platform.listReviews();
    } catch (e) {
      warning(`design review: the reviews could not be listed (${e.message.split("\n")[0]})`);
    }
    try {
      files = await platform.changedFiles();
    } catch (e) {
      warning(
        `design review: the changed files could not be listed (${e.message.split("\n")[0]})`
      );
    }
  }
  return evaluateDesignReview({
    change: current,
    reviews,
    changedFiles: files,
    requirements: evidence.requirements,
    policy
  });
}
function reportSkip(what, reason, warned) {
  if (/^no pull request for the /.test(reason) || reason === warned)
    info(`${what}: skipped (${reason})`);
  else warning(`RegOps posted no ${what}: ${reason}`);
}
async function runAction(name, env = process.env) {
  const spec = ACTIONS[name];
  let inputs;
  try {
    inputs = readInputs(name, env);
  } catch (e) {
    if (e instanceof ConfigurationError) {
      setFailed(e.message);
      return 2;
    }
    throw e;
  }
  const ctx = readGithubContext(env);
  if (ctx.problem) warning(`RegOps runs locally and posts nothing to GitHub: ${ctx.problem}`);
  const platform = new GithubPlatform({
    context: ctx,
    token: inputs.token,
    commentAction: name,
    botLogins: inputs.botLogins,
    log: { info, warning, debug }
  });
  let evidence;
  let project = null;
  if (spec.stages === null) {
    evidence = readEvidenceFile(
      inputs.evidence ?? "",
      "download the evidence artifact of the first workflow into it"
    );
    info(`regops: read ${path3.relative(ctx.workspace, inputs.evidence ?? "") || inputs.evidence}`);
    await adoptEvidenceChange(platform, evidence);
  } else {
    const change = ctx.change ? { number: ctx.change.number, url: ctx.change.url || null, title: ctx.change.title || null } : null;
    const run = await runProject(inputs.config ?? "", {
      log: pipelineLogger(),
      stages: spec.stages,
      platform: "github",
      change
    });
    project = run.project;
    evidence = run.evidence;
    if (run.selected === 0) {
      error(
        `${inputs.configInput} declares no ${spec.stages.join("/")} checks: ${name} has nothing to verify (the gate fails with no_results); add such checks or use the action that runs the checks you have`
      );
    }
  }
  if (project !== null && inputs.designReview !== "false") {
    const configured = project.config.gate.review;
    if (inputs.designReview === "true" || configured) {
      const change = ctx.change;
      if (change === null) {
        info(`design review: skipped (no pull request for the ${ctx.event} event)`);
      } else {
        if (!configured) {
          info(
            "design review: regops.yml has no gate.review; judging with the defaults (see actions/README.md)"
          );
        }
        evidence.design_review = await judgeDesignReview(platform, change, evidence, configured ?? {});
      }
    }
  }
  const files = outputFiles(evidence);
  writeOutputDir(inputs.out, files);
  const evidencePath = path3.join(inputs.out, EVIDENCE_FILE);
  const verdict = overallVerdict(evidence);
  const counts = evidence.gate.counts;
  for (const r of evidence.results) info(`${ICON[r.status] ?? ""} ${r.id} ${r.status}: ${r.message}`);
  info(
    `${verdict === "pass" ? "PASS" : "FAIL"}: design control ${verdict === "pass" ? "passed" : "failed"} (${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warn, ${counts.error} error, ${counts.skip} skip); wrote ${Object.keys(files).length} files to ${path3.relative(ctx.workspace, inputs.out) || inputs.out}`
  );
  const outputs = {
    verdict,
    gate: evidence.gate.verdict,
    "design-review": evidence.design_review?.verdict ?? "skipped",
    evidence: evidencePath,
    out: inputs.out,
    counts: JSON.stringify(counts),
    pass: String(counts.pass ?? 0),
    fail: String(counts.fail ?? 0),
    warn: String(counts.warn ?? 0),
    error: String(counts.error ?? 0),
    skip: String(counts.skip ?? 0),
    metrics: JSON.stringify(metricsOutput(evidence)),
    "comment-url": "",
    "check-url": "",
    "artifact-url": ""
  };
  await platform.setOutputs(outputs);
  const publish = async (what, step) => {
    try {
      await step();
    } catch (e) {
      error(
        `RegOps could not post the ${what}: ${e.message.split("\n")[0]} (the evidence is in ${inputs.out})`
      );
    }
  };
  if (inputs.uploadArtifacts) {
    await publish("artifact", async () => {
      const outcome = await platform.uploadArtifacts(
        inputs.artifactName,
        Object.keys(files).map((f) => path3.join(inputs.out, f))
      );
      if (outcome.status === "done") {
        info(`uploaded the artifact ${inputs.artifactName}${outcome.url ? `: ${outcome.url}` : ""}`);
        await platform.setOutputs({ "artifact-url": outcome.url ?? "" });
      } else info(`artifact not uploaded: ${outcome.reason}; the files are in ${inputs.out}`);
    });
  }
  const body = commentBody(evidence, files["comment.md"] ?? "");
  await publish("job summary", async () => {
    const outcome = await platform.writeSummary(body);
    if (outcome.status === "skipped") info(`job summary not written: ${outcome.reason}`);
  });
  if (inputs.comment) {
    await publish("comment", async () => {
      const outcome = await platform.upsertComment(inputs.commentKey, body);
      if (outcome.status === "skipped") reportSkip("comment", outcome.reason, ctx.problem);
      else {
        info(`${outcome.status} the comment${outcome.url ? `: ${outcome.url}` : ""}`);
        await platform.setOutputs({ "comment-url": outcome.url ?? "" });
      }
    });
  }
  if (inputs.checkRun) {
    await publish(`check run ${inputs.checkName}`, async () => {
      const outcome = await platform.publishCheck(inputs.checkName, {
        conclusion: conclusion(evidence),
        title: checkTitle(evidence),
        summary: checkSummary(evidence, files["comment.md"] ?? ""),
        annotations: project ? annotationsFor(project, evidence, ctx.workspace) : []
      });
      if (outcome.status === "skipped")
        reportSkip(`check run ${inputs.checkName}`, outcome.reason, ctx.problem);
      else {
        info(`published ${inputs.checkName}${outcome.url ? `: ${outcome.url}` : ""}`);
        await platform.setOutputs({ "check-url": outcome.url ?? "" });
      }
    });
  }
  if (verdict === "pass") return 0;
  const reasons = [
    ...evidence.gate.reasons.map((r) => r.message),
    ...(evidence.design_review?.reasons ?? []).map((r) => `design review: ${r.message}`)
  ];
  const message = `design control failed:
${reasons.map((r) => `  - ${r}`).join("\n")}`;
  if (inputs.failOnGate) {
    setFailed(message);
    return 1;
  }
  warning(`${message}
(fail-on-gate: false, so this step passes)`);
  return 0;
}
async function adoptEvidenceChange(platform, evidence) {
  const ctx = platform.githubContext;
  const number = evidence.run.change?.number;
  if (ctx.event !== "workflow_run" || ctx.change !== null || number === void 0 || ctx.problem) return;
  const pr = await platform.fetchChange(number);
  if (pr === null) return;
  const expected = ctx.triggeringRun?.headSha ?? ctx.sha;
  if (expected && pr.headSha.toLowerCase() !== expected.toLowerCase()) {
    warning(
      `the evidence names pull request #${number}, whose head ${pr.headSha.slice(0, 7)} is not the commit ${expected.slice(0, 7)} the triggering run verified: nothing is posted to it`
    );
    return;
  }
  if (evidence.run.git?.sha && pr.headSha.toLowerCase() !== evidence.run.git.sha.toLowerCase()) {
    info(
      `note: the evidence was made on ${evidence.run.git.sha.slice(0, 7)} (the merge commit of a pull_request run), the head is ${pr.headSha.slice(0, 7)}`
    );
  }
  platform.setChange(pr);
}
export {
  runAction
};
