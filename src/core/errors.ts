/**
 * Problems found in a spec, and the one error that reports all of them.
 *
 * Every check in the library returns {@link Issue}s instead of throwing, so that a synth reports every
 * problem at once. {@link ValidationError} carries the list; its `message` alone lists every problem
 * (a Pulumi program shows only an error's message).
 */

/** How bad a problem is: errors stop a synth, warnings are reported and let it go on. */
export type Severity = "error" | "warning";

/** One problem in a spec. */
export interface Issue {
  /** The construct (or object) the problem belongs to, e.g. `llm-platform/granite`. */
  readonly where: string;
  /** The field inside it, as a dotted path: a prop path (`scaling.min`) or a manifest path (`spec.predictor.tolerations`). */
  readonly path: string;
  /** The offending value (`undefined` when something is missing). */
  readonly value: unknown;
  /** Stable rule id, e.g. `isvc/knative-pod-fields`. Tests and docs refer to rules by it. */
  readonly rule: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, in one sentence. */
  readonly fix: string;
  /** @default "error" */
  readonly severity?: Severity;
}

/** An issue before it knows which construct it belongs to. */
export type IssueDraft = Omit<Issue, "where">;

const MAX_VALUE_CHARS = 160;

/** JSON, except that numbers JSON cannot hold (NaN, Infinity) and bigints are written as themselves. */
function toText(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return `${value.toString()}n`;
  if (typeof value === "function") return "(a function)";
  if (typeof value === "symbol") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `\u0000${String(v)}\u0000` : typeof v === "bigint" ? `\u0000${v.toString()}n\u0000` : v));
  return text === undefined ? String(value) : text.replace(/"\\u0000([^"]*?)\\u0000"/g, "$1");
}

/**
 * Renders a value for a message: JSON (NaN and Infinity as such). A long value shows its start, its
 * length and its end, so that a message stays readable and both ends of the value can be recognised.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  let text: string;
  try {
    text = toText(value);
  } catch {
    text = String(value);
  }
  if (text.length <= MAX_VALUE_CHARS) return text;
  const head = text.slice(0, 100);
  const tail = text.slice(-40);
  return `${head}... (${text.length} characters) ...${tail}`;
}

/** `scheme://user:password@` in a text, masked (a URL's credentials are never echoed in a message). */
function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s"]+@/gi, "$1***@");
}

/** An issue whose value, message and fix show no credentials written into a URL. */
function redactIssue(issue: Issue): Issue {
  const value = typeof issue.value === "string" ? redact(issue.value) : issue.value;
  const message = redact(issue.message);
  const fix = redact(issue.fix);
  return value === issue.value && message === issue.message && fix === issue.fix ? issue : { ...issue, value, message, fix };
}

/** Renders one issue as the lines used in error messages. */
export function formatIssue(issue: Issue): string {
  const field = issue.path === "" ? "" : ` > ${issue.path}`;
  const level = issue.severity === "warning" ? "warning: " : "";
  return [
    `${issue.where}${field} = ${formatValue(issue.value)}`,
    `    ${level}${issue.message} [${issue.rule}]`,
    `    fix: ${issue.fix}`,
  ].join("\n");
}

/** True for issues that stop a synth. */
export function isError(issue: Issue): boolean {
  return issue.severity !== "warning";
}

/** The single error a failed validation throws: every problem, each with its path, value, rule and fix. */
export class ValidationError extends Error {
  /** Every problem found (errors first, in the order they were found; then warnings). */
  public readonly issues: readonly Issue[];

  constructor(given: readonly Issue[]) {
    const issues = given.map(redactIssue);
    const errors = issues.filter(isError);
    const warnings = issues.filter((i) => !isError(i));
    const ordered = [...errors, ...warnings];
    const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    const lines = ordered.map((issue, index) => `${index + 1}. ${formatIssue(issue)}`);
    super(`kserve-constructs found ${count}:\n${lines.join("\n")}`);
    this.name = "ValidationError";
    this.issues = ordered;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}

/** Attaches a `where` to drafts. */
export function locate(where: string, drafts: readonly IssueDraft[]): Issue[] {
  return drafts.map((draft) => ({ where, ...draft }));
}

/** Prefixes every draft's path with `prefix` (joined with a dot). */
export function nest(prefix: string, drafts: readonly IssueDraft[]): IssueDraft[] {
  return drafts.map((draft) => ({ ...draft, path: joinPath(prefix, draft.path) }));
}

/** Joins two dotted path parts, tolerating empty parts and array indexes. */
export function joinPath(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return b.startsWith("[") ? `${a}${b}` : `${a}.${b}`;
}

/** Throws a {@link ValidationError} when any issue is an error. */
export function throwIfErrors(issues: readonly Issue[]): void {
  if (issues.some(isError)) throw new ValidationError(issues);
}
