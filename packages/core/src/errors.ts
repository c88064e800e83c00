/**
 * Errors that are the user's to fix (bad config, missing file, wrong model input) carry an exit code
 * and a message that names the file and field. Anything else is an internal bug and gets a stack trace
 * only with --debug.
 */
export class RegopsError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** A mistake in regops.yml or one of the files it links (requirements, risks, model card). */
export class ConfigurationError extends RegopsError {
  /** Every problem found, one line each, already formatted with file and path. */
  readonly problems: string[];
  constructor(problems: string[] | string) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(
      list.length === 1
        ? (list[0] ?? '')
        : `${list.length} problems:\n${list.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = list;
  }
}

/** A data or model file that cannot be used as configured (missing column, wrong input name, unreadable). */
export class InputError extends RegopsError {}

/** Wrong command-line usage. */
export class UsageError extends RegopsError {}

export function isRegopsError(e: unknown): e is RegopsError {
  return e instanceof RegopsError;
}

/**
 * The model itself misbehaved on valid input (e.g. NaN outputs): the check that ran it fails (exit 1),
 * because that is a finding about the design output, not a mistake in the config.
 */
export class ModelOutputError extends RegopsError {
  constructor(message: string) {
    super(message, 1);
  }
}
