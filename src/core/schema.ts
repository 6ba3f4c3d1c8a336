/**
 * Props shape validation with zod, turned into {@link IssueDraft}s with a path, value, rule and fix.
 *
 * Schemas attach a fix to a message with {@link withFix}; built-in zod checks get a fix derived from
 * the kind of problem (expected type, allowed values, unknown key with a spelling suggestion).
 */
import { z } from "zod";
import type { IssueDraft } from "./errors";
import { formatValue } from "./errors";
import { formatPath, getIn } from "./canonical";
import type { Finding } from "./rules/registry";
import { defineRule, runRules } from "./rules/registry";
import { reservedKeyRule } from "./rules/common";

const FIX_SEPARATOR = "\u241Ffix:";

/** A zod error message that carries its fix. */
export function withFix(message: string, fix: string): string {
  return `${message}${FIX_SEPARATOR}${fix}`;
}

/** The parse result: the value when the shape is valid, and the problems. */
export interface Parsed<T> {
  readonly value?: T;
  readonly issues: IssueDraft[];
}

/** What the props-shape rule looks at: the props given, and the problems the schema found in them. */
export interface ShapeSubject {
  /** The props as given. */
  readonly input: unknown;
  /** The schema's problems with them (zod issues; none when the shape is right). */
  readonly issues: readonly z.core.$ZodIssue[];
  /**
   * The prop path the props sit at (findings' paths are relative to it).
   * @default "" (the construct's props themselves)
   */
  readonly basePath?: string;
}

/** The findings of a schema's problems with `input`: path, value, message and fix of each (once per path and message). */
function shapeFindings({ input, issues, basePath = "" }: ShapeSubject): Finding[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => toFinding(issue, input, basePath))
    .filter((f) => {
      const key = `${f.path}\u0000${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Props have the shape their schema declares. */
export const propsShapeRule = defineRule<ShapeSubject>({
  id: "props/shape",
  severity: "error",
  on: "props",
  summary: "A construct's props (and a preset's, a helper's argument) have the shape their schema declares: known props only, each of its type, within its bounds and of its accepted forms.",
  why: "Unchecked, props that do not fit would be rendered into manifests the API server refuses or, worse, accepts and ignores: a misspelt prop would be dropped silently, a value of the wrong type would reach KServe as something else, and the construct's other rules could not be checked on a shape they do not know.",
  fix: "correct the prop as the message says (the props' documentation gives each prop's type)",
  check: shapeFindings,
});

/** Parses `input` with `schema`; problems (rule `props/shape`) carry paths relative to `basePath`. */
export function parseProps<T>(schema: z.ZodType<T>, input: unknown, basePath = ""): Parsed<T> {
  const reserved = runRules([reservedKeyRule], { input, basePath });
  if (reserved.length > 0) return { issues: reserved };
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, issues: [] };
  return { issues: runRules([propsShapeRule], { input, issues: result.error.issues, basePath }) };
}

/**
 * The findings {@link parseProps} reports for `input` (keys a JavaScript object cannot hold, else the
 * schema's problems; none when it fits), for rules of their own that check a shape, such as the engine
 * importers' definitions.
 */
export function schemaFindings(schema: z.ZodType<unknown>, input: unknown, basePath = ""): Finding[] {
  const reserved = runRules([reservedKeyRule], { input, basePath });
  if (reserved.length > 0) return reserved.map(({ path, value, message, fix }) => ({ path, value, message, fix }));
  const result = schema.safeParse(input);
  return result.success ? [] : shapeFindings({ input, issues: result.error.issues, basePath });
}

export { formatPath };

/**
 * For a union, the branch the input was meant for: the first whose problems are not all a type
 * mismatch at the union's own path (the input had that branch's type but broke one of its rules).
 */
function unionBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue | undefined {
  if (issue.code !== "invalid_union") return undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first === undefined) continue;
    const typeMismatchHere = branch.every((b) => b.code === "invalid_type" && b.path.length === 0);
    if (!typeMismatchHere) return { ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue;
  }
  return undefined;
}

function toFinding(original: z.core.$ZodIssue, input: unknown, basePath: string): Finding {
  const issue = original.message.includes(FIX_SEPARATOR) ? original : (unionBranch(original) ?? original);
  const segments = issue.path.filter((s): s is string | number => typeof s === "string" || typeof s === "number");
  const relative = formatPath(segments);
  const path = basePath === "" ? relative : relative === "" ? basePath : relative.startsWith("[") ? `${basePath}${relative}` : `${basePath}.${relative}`;
  const value = getIn(input, segments);
  const [message, fix] = splitMessage(issue, value);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const container = getIn(input, segments);
    return {
      path: keys.length === 1 ? (path === "" ? String(keys[0]) : `${path}.${String(keys[0])}`) : path,
      value: keys.length === 1 && container !== null && typeof container === "object" ? (container as Record<string, unknown>)[keys[0] as string] : keys,
      message: `unknown ${keys.length === 1 ? "prop" : "props"} ${keys.map((k) => `"${k}"`).join(", ")}`,
      fix: fix,
    };
  }
  return { path, value, message, fix };
}

function splitMessage(issue: z.core.$ZodIssue, value: unknown): [string, string] {
  const raw = issue.message;
  const at = raw.indexOf(FIX_SEPARATOR);
  if (at >= 0) return [raw.slice(0, at), raw.slice(at + FIX_SEPARATOR.length).trim()];
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? [`required ${issue.expected} is missing`, `set it to a ${issue.expected}`]
        : [`expected ${issue.expected}, got ${describe(value)}`, `pass a ${issue.expected}`];
    case "invalid_value":
      return [
        `${formatValue(value)} is not allowed`,
        `use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
      ];
    case "unrecognized_keys": {
      return ["unknown prop", "remove it or check its spelling against the props' documentation"];
    }
    case "too_small":
      return [`must be at least ${String(issue.minimum)}${issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : ""}`, `use a value of at least ${String(issue.minimum)}`];
    case "too_big":
      return [`must be at most ${String(issue.maximum)}${issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : ""}`, `use a value of at most ${String(issue.maximum)}`];
    case "invalid_format":
      return [`is not a valid ${issue.format}`, `use a valid ${issue.format}`];
    case "invalid_union":
      return ["does not match any of the accepted forms", "check the prop's documentation for its accepted forms"];
    default:
      return [raw, "check the prop's documentation"];
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${formatValue(value)}`;
}

/** A Kubernetes name (DNS-1123 subdomain). */
export const k8sName = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    withFix("must be a Kubernetes object name (lowercase letters, digits, '-' and '.')", "use lowercase letters, digits and '-'"),
  );

