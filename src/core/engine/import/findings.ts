/**
 * Problem reporting shared by the engine importers (GPUStack, Chariot): reading the definition and
 * checking its shape into issues under the importer's own rule ids, and the findings both importers
 * report the same way (image references, version selection, command lines).
 */
import type { z } from "zod";
import type { IssueDraft } from "../../errors";
import { schemaFindings } from "../../schema";
import type { Finding, Rule } from "../../rules/registry";
import { runRules } from "../../rules/registry";
import { readDefinition, splitCommand } from "./source";

/** The findings of checking `input` against the definition `schema`, for the importer's shape rule. */
export function shapeFindings(schema: z.ZodType<unknown>, input: unknown): Finding[] {
  return schemaFindings(schema, input);
}

/** What reading a definition gave: its value once its shape is right, or the issues that stop the import. */
export type ReadImport = { readonly value: unknown; readonly issues?: undefined } | { readonly value?: undefined; readonly issues: readonly IssueDraft[] };

/**
 * Reads an importer's `source` (YAML/JSON text or the parsed value) and runs its shape rule. A syntax
 * error is reported under the shape rule's id with `syntaxFix`; shape problems as the rule reports them.
 */
export function readImport(source: unknown, what: string, shapeRule: Rule<{ readonly input: unknown }>, syntaxFix: string): ReadImport {
  const read = readDefinition(source, what);
  if (read.value === undefined) return { issues: read.findings.map((f) => ({ ...f, rule: shapeRule.id, fix: syntaxFix })) };
  const shape = runRules([shapeRule], { input: read.value });
  return shape.length > 0 ? { issues: shape } : { value: read.value };
}

/** A finding when an image reference holds white space (no registry accepts it). */
export function imageSpaceFinding(path: string, image: string): Finding[] {
  return /\s/.test(image) ? [{ path, value: image, message: "an image reference cannot contain spaces", fix: "use registry/repository:tag or @sha256:digest" }] : [];
}

/**
 * Findings on `onlyVersions`: a name the definition lacks (`where` says where versions live, for
 * example "version_configs"), and a selection that leaves nothing to import.
 */
export function versionSelectionFindings(all: readonly string[], only: readonly string[] | undefined, selected: readonly string[], where: string): Finding[] {
  const findings: Finding[] = [];
  for (const v of only ?? []) {
    if (!all.includes(v)) findings.push({ path: "onlyVersions", value: v, message: `version "${v}" is not in ${where}`, fix: `use one of ${all.join(", ")}` });
  }
  if (only !== undefined && selected.length === 0 && all.length > 0) findings.push({ path: "onlyVersions", value: only, message: "onlyVersions leaves no version to import", fix: `name at least one of ${all.join(", ")}` });
  return findings;
}

/** A finding when the command line `line` at `path` cannot be split into words (`what` names it in the message). */
export function commandLineFinding(path: string, line: string, what: string): Finding[] {
  const split = splitCommand(line);
  return split.problem !== undefined ? [{ path, value: line, message: `${what} cannot be split into words: ${split.problem}` }] : [];
}

/** The fix for a version whose engine-wide fields differ from the default version's. */
export function ownEngineFix(version: string, leaveOut = false): string {
  return `import version ${version} as its own engine (onlyVersions: ["${version}"])${leaveOut ? " and leave it out of this one" : ""}`;
}
