export {
  type ClientLog,
  type ClientOptions,
  createClient,
  createRequesterFn,
  type GitlabClient,
  httpError,
} from './client';
export {
  COMPONENT_SOURCES,
  checkComponentInputs,
  componentInputs,
  type InputSpec,
  type InputType,
  lintCiConfig,
  regopsComponentName,
} from './components';
export { changeFromVariables, type GitlabRunContext, readGitlabContext } from './context';
export {
  DEFAULT_TOKEN_VARIABLE,
  GITLAB_JOB_SPECS,
  GITLAB_JOBS,
  type GitlabJobName,
  type GitlabJobSpec,
} from './jobs';
export { changeFromMergeRequest, dotenvName, GitlabPlatform, type GitlabPlatformOptions } from './platform';
export {
  DOTENV_FILE,
  EXIT_UNPOSTED,
  GITLAB_HELP,
  type GitlabOptions,
  gitlabReferences,
  JUNIT_FILE,
  parseGitlabArgs,
  readToken,
  runGitlab,
} from './run';
