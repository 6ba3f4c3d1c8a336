/**
 * `kserve-constructs/lint`: the library's checks on Kubernetes YAML it did not write.
 *
 * ```ts
 * import { lint, readSources, formatReport } from "kserve-constructs/lint";
 * const report = lint(readSources(["deploy/"]), { target: "openshift-ai-2.25" });
 * process.stdout.write(formatReport(report, "text"));
 * ```
 */
export { lint, lintTarget, objectName, IGNORE_ANNOTATION, LintOptionsError } from "./lint";
export type { LintOptions, LintProblem, LintReport, LintSource, RuntimeChoice, Suppression } from "./lint";
export { BUILTIN_RUNTIMES, builtinRuntimes } from "./builtin-runtimes";
export type { BuiltinRuntimeSet } from "./builtin-runtimes";
export type { RuntimeCandidate } from "../core/runtime/select";
export { readSources } from "./files";
export { formatJson, formatReport, formatRuntimes, formatSarif, formatSummary, formatText } from "./format";
export type { LintFormat } from "./format";
export { parseObjects, pathSegments } from "./parse";
export type { LintObject, ParseProblem } from "./parse";
export { readCrds, SchemaSet } from "./schema/validate";
export type { SchemaProblem } from "./schema/validate";
export { convertCrd, convertCrdVersions } from "./schema/convert";
export type { CelRule, ConvertedCrdVersion, CrdSchema, JsonObject as CrdJsonObject } from "./schema/convert";
export { CORE_SCHEMA_KINDS, CRD_SETS, crdSetFor, SCHEMA_KINDS } from "./schema/sets";
export type { CoreSchemaKind, CrdSet, SchemaKind } from "./schema/sets";
