/**
 * Pieces the commands share: loading and building the user's app, and turning failures into exit codes.
 */
import * as path from "path";
import type { App } from "cdk8s";
import { ValidationError } from "../../index";
import { OutputError } from "../../output";
import { EXIT, PROGRAM, UsageError } from "../command";
import type { CliIo, OptionSpec } from "../command";
import { AppLoadError, loadBuildFunction } from "../load";
import { issueJson, printJson } from "../report";

/** `--json` and `--quiet`, for every command that reports. */
export const REPORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: "boolean", description: "print a machine-readable summary (JSON) on standard output, and nothing else there" },
  quiet: { type: "boolean", short: "q", description: "print nothing on success except warnings" },
};

/** Loads the app module and returns a build function that leaves warnings to the command. */
export async function loadApp(modulePath: string): Promise<(app: App) => unknown> {
  const loaded = await loadBuildFunction(modulePath);
  const { warningsReportedByCaller } = await import("../../cdk8s/state");
  return (app: App) => {
    // the warnings are printed by the command, once; the app's validation would emit them again
    warningsReportedByCaller(app);
    return loaded(app);
  };
}

/** A path for messages: relative to the current folder when inside it. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
}

/**
 * True for a ValidationError, also one thrown by another copy of the library (an app that resolves
 * `kserve-constructs` to a different installation than the command line's own).
 */
function isValidationError(error: unknown): error is ValidationError {
  if (error instanceof ValidationError) return true;
  return error instanceof Error && error.name === "ValidationError" && Array.isArray((error as { issues?: unknown }).issues);
}

/**
 * Reports a failure of `command` and returns its exit code: 1 for invalid specs, 2 for everything
 * else. `written` says what is on disk when the error does not say it itself.
 */
export function reportFailure(io: CliIo, command: string, error: unknown, json: boolean, written: string): number {
  let code: number = EXIT.usage;
  let reason: string;
  let message: string;
  let issues: unknown[] = [];
  if (isValidationError(error)) {
    code = EXIT.invalid;
    reason = "invalid";
    message = `${error.message}\n${written}`;
    issues = error.issues.map(issueJson);
  } else if (error instanceof UsageError) {
    reason = "usage";
    message = `${error.message}\nSee \`${PROGRAM} ${command} --help\`.`;
  } else if (error instanceof OutputError) {
    reason = error.reason;
    message = error.message;
  } else if (error instanceof AppLoadError) {
    reason = "load";
    message = error.message;
  } else {
    reason = "app-error";
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    message = `the app failed: ${detail}\n${written}`;
  }
  io.err(`${message}\n`);
  if (json) printJson(io, { command, ok: false, exitCode: code, error: { reason, message }, issues });
  return code;
}
