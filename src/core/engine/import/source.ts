/**
 * Helpers shared by the engine importers: reading a definition given as YAML/JSON text or as an object,
 * splitting command lines the way a POSIX shell does, and merging the importer's props over what the
 * definition gives.
 */
import { parseDocument } from "yaml";
import type { Finding } from "../../rules/registry";
import type { InferenceEngineProps } from "../props";
import type { EngineProtocol } from "../protocols";

/** A definition as the user has it: YAML or JSON text, or the parsed value. */
export type DefinitionSource<T> = string | T;

/** The parsed definition, or the findings that stop the import (a YAML or JSON syntax error). */
export interface ReadDefinition {
  readonly value?: unknown;
  readonly findings: readonly Finding[];
}

/**
 * Reads `source`: text is parsed as YAML (JSON is YAML too); anything else is taken as the parsed value.
 * Every syntax error is reported, with its line and column.
 */
export function readDefinition(source: unknown, what: string): ReadDefinition {
  if (typeof source !== "string") return { value: source, findings: [] };
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      findings: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const reason = (e.message.split("\n")[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, "");
        return { path: "", value: undefined, message: `the ${what} is not valid YAML or JSON${at !== undefined ? ` (line ${at.line}, column ${at.col})` : ""}: ${reason}` };
      }),
    };
  }
  return { value: doc.toJS() as unknown, findings: [] };
}

/** A command line split into words, or where it could not be split. */
export interface SplitCommand {
  readonly words?: string[];
  readonly problem?: string;
}

/**
 * Splits a command line into words as a POSIX shell does (GPUStack uses Python's `shlex.split`):
 * whitespace separates words; single quotes keep everything literally; double quotes keep spaces and
 * let a backslash escape `"`, `\`, `$` and a backtick; outside quotes a backslash escapes the next character.
 */
export function splitCommand(line: string): SplitCommand {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { problem: "a single quote is not closed" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      let closed = false;
      while (i < line.length) {
        const d = line[i] as string;
        if (d === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (d === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          word += line[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      if (!closed) return { problem: "a double quote is not closed" };
      inWord = true;
    } else if (c === "\\") {
      if (i + 1 >= line.length) return { problem: "the line ends with a lone backslash" };
      if (line[i + 1] !== "\n") {
        word += line[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return { words };
}

/**
 * Props every importer takes besides the definition: the engine props the definition has no say on
 * (name, namespace, scope, hardware, security, target, OpenShift AI metadata, ...), and a few it does
 * that the user may want to override. What is given here wins over what the definition says; `env`
 * is merged (these win on equal names).
 */
export interface EngineImportProps extends Omit<InferenceEngineProps, "versions" | "defaultVersion" | "command" | "args" | "protocol" | "modelFormats"> {
  /**
   * Import only these versions of the definition (a runtime runs one command line, so versions whose
   * command differs from the default version's are imported as separate engines).
   * @default every version
   */
  readonly onlyVersions?: readonly string[];
  /**
   * The version the runtime runs.
   * @default the definition's default version
   */
  readonly defaultVersion?: string;
  /**
   * The protocol(s) the server speaks.
   * @default what the definition implies (GPUStack: "openai"; Chariot: from `inference_protocol`)
   */
  readonly protocol?: EngineProtocol | readonly EngineProtocol[];
  /**
   * Model formats the runtime serves.
   * @default one format named after the definition's engine, auto-selected
   */
  readonly modelFormats?: InferenceEngineProps["modelFormats"];
  /**
   * Arguments added after the imported ones.
   * @default none
   */
  readonly extraArgs?: readonly string[];
}

/** Merges the importer props over the imported engine props. */
export function mergeImportProps(imported: InferenceEngineProps, props: EngineImportProps): InferenceEngineProps {
  const { onlyVersions: _only, extraArgs, env, ...rest } = props;
  const mergedEnv = { ...(imported.env ?? {}), ...(env ?? {}) };
  const args = [...(imported.args ?? []), ...(extraArgs ?? [])];
  return {
    ...imported,
    ...rest,
    ...(Object.keys(mergedEnv).length > 0 ? { env: mergedEnv } : {}),
    ...(args.length > 0 ? { args } : {}),
  } as InferenceEngineProps;
}

/** A lowercase name usable as a model format: the definition's name with other characters as '-'. */
export function formatName(raw: string): string {
  const slug = raw.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug === "" ? "custom" : slug;
}

/** Compares two version keys: numeric parts as numbers, the rest as text (for "the highest version"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/i, "").split(/[.\-+_]/);
  const pb = b.replace(/^v/i, "").split(/[.\-+_]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : undefined;
    const ny = /^\d+$/.test(y) ? Number(y) : undefined;
    if (nx !== undefined && ny !== undefined) {
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
