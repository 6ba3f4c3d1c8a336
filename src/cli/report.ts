/**
 * What the commands print: problems and warnings for people (standard error), summaries for people
 * (standard output) or for programs (`--json`, one JSON document on standard output).
 */
import { formatIssue, formatValue, isError } from "../index";
import type { Issue } from "../index";
import type { CliIo } from "./command";

/** An issue as `--json` prints it (the value rendered as in messages). */
export interface IssueJson {
  readonly severity: "error" | "warning";
  readonly rule: string;
  readonly where: string;
  readonly path: string;
  readonly value: string;
  readonly message: string;
  readonly fix: string;
}

/** An issue as `--json` prints it. */
export function issueJson(issue: Issue): IssueJson {
  return {
    severity: isError(issue) ? "error" : "warning",
    rule: issue.rule,
    where: issue.where,
    path: issue.path,
    value: formatValue(issue.value),
    message: issue.message,
    fix: issue.fix,
  };
}

/** Prints each warning once, to standard error. */
export function printWarnings(io: CliIo, warnings: readonly Issue[]): void {
  for (const w of warnings) io.err(`${formatIssue(w)}\n`);
}

/** Prints one JSON document to standard output. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** "1 file", "2 files". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The object counts as aligned lines (`  InferenceService  3`). */
export function kindLines(objects: Readonly<Record<string, number>>): string[] {
  const kinds = Object.keys(objects);
  const width = Math.max(0, ...kinds.map((k) => k.length));
  return kinds.map((k) => `  ${k.padEnd(width)}  ${objects[k]}`);
}
