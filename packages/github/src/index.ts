export { runAction } from './action';
export { changeFromPull, type GithubRunContext, readGithubContext, SUPPORTED_EVENTS } from './context';
export {
  ACTION_NAMES,
  ACTIONS,
  type ActionInputs,
  type ActionName,
  type ActionSpec,
  type InputSpec,
  OUTPUTS,
  readInputs,
} from './inputs';
export { API_VERSION, createClient, type GithubClient, httpError } from './octokit';
export { GithubPlatform, type GithubPlatformOptions } from './platform';
