/**
 * volley's error vocabulary: every failure a user can cause or meet is a VolleyError with a stable
 * code, the exit code it maps to (k6's codes, see DESIGN.md) and an optional hint naming the fix.
 * Only cli/main.ts turns one into a process exit.
 */

/** k6's exit codes, so CI scripts carry over. */
export const ExitCode = {
  ok: 0,
  thresholdsFailed: 99,
  setupTimeout: 100,
  teardownTimeout: 101,
  engineFailure: 103,
  invalidConfig: 104,
  externalAbort: 105,
  scriptError: 107,
  scriptAborted: 108,
  markedAsFailed: 110,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a code such as VOLLEY_CONFIG, the exit code it maps to, and a hint for the user. */
export class VolleyError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  constructor(message: string, code: string, exitCode: ExitCode, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** One problem in the options or CLI flags; `path` names where, as `options.scenarios.api.vus`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** Invalid options, flags or files (exit 104). Carries every issue found, not only the first. */
export class ConfigError extends VolleyError {
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[], hint?: string) {
    super(ConfigError.describe(issues), 'VOLLEY_CONFIG', ExitCode.invalidConfig, hint);
    this.issues = issues;
  }
  static describe(issues: readonly ConfigIssue[]): string {
    if (issues.length === 1) return `invalid options: ${formatIssue(issues[0]!)}`;
    return `invalid options (${issues.length} problems):\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`;
  }
}

function formatIssue(issue: ConfigIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** The scenario failed to compile, or threw in init, setup, teardown or handleSummary (exit 107). */
export class ScriptError extends VolleyError {
  constructor(message: string, hint?: string) {
    super(message, 'VOLLEY_SCRIPT', ExitCode.scriptError, hint);
  }
}

/** setup() or teardown() ran past its timeout (exit 100 / 101). */
export class LifecycleTimeoutError extends VolleyError {
  constructor(stage: 'setup' | 'teardown', timeoutMs: number) {
    super(
      `${stage}() did not finish within ${timeoutMs / 1000}s`,
      stage === 'setup' ? 'VOLLEY_SETUP_TIMEOUT' : 'VOLLEY_TEARDOWN_TIMEOUT',
      stage === 'setup' ? ExitCode.setupTimeout : ExitCode.teardownTimeout,
      `raise options.${stage}Timeout if ${stage} legitimately needs longer`,
    );
  }
}

/** A worker thread died or broke the protocol (exit 103). */
export class EngineError extends VolleyError {
  constructor(message: string) {
    super(message, 'VOLLEY_ENGINE', ExitCode.engineFailure);
  }
}

/** ^C (or SIGTERM, or a stop through the control API) cut a phase short: the compile, init, setup, teardown or handleSummary (exit 105). */
export class StoppedError extends VolleyError {
  constructor(phase: string) {
    super(`stopped during ${phase}`, 'VOLLEY_STOPPED', ExitCode.externalAbort);
  }
}

/** Error as it crosses a thread boundary (structured-clone safe). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  exitCode?: number;
  hint?: string;
}

/** Flattens any thrown value into a SerializedError. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof VolleyError) {
    return { name: err.name, message: err.message, stack: err.stack, code: err.code, exitCode: err.exitCode, hint: err.hint } as SerializedError;
  }
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack } as SerializedError;
  return { name: 'Error', message: String(err) };
}

/** Rebuilds a VolleyError on the receiving side; a non-volley error becomes a ScriptError. */
export function deserializeError(e: SerializedError): VolleyError {
  if (e.code && e.exitCode !== undefined) {
    const err = new VolleyError(e.message, e.code, e.exitCode as ExitCode, e.hint);
    if (e.stack) err.stack = e.stack;
    return err;
  }
  return new ScriptError(e.stack ?? `${e.name}: ${e.message}`);
}
