/**
 * Renders a {@link LintReport}: the library's problem format (text), JSON, or SARIF 2.1.0 for code
 * scanning (GitHub, GitLab, Azure DevOps annotate the pull request at each problem's line).
 */
import { formatIssue } from "../core/errors";
import { ruleMeta } from "../core/rules/registry";
import type { LintProblem, LintReport } from "./lint";

/** The output formats. */
export type LintFormat = "text" | "json" | "sarif";

function location(p: LintProblem): string {
  return `${p.file}:${p.line} (document ${p.documentIndex})`;
}

/** The summary lines: counts, target, CRD set and every suppression. */
export function formatSummary(report: LintReport): string {
  const lines: string[] = [];
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(`${plural(report.errors, "error")}, ${plural(report.warnings, "warning")} in ${plural(report.checked, "object")} checked (${report.objects} read from ${plural(report.files, "input")}); target ${report.target}, CRDs ${report.crdSet}`);
  if (report.suppressed.length > 0) {
    const total = report.suppressed.reduce((n, s) => n + s.count, 0);
    lines.push(`${plural(total, "problem")} suppressed:`);
    for (const s of report.suppressed) lines.push(`  ${s.rule} on ${s.object} (${s.file}): ${s.count} by ${s.via === "annotation" ? "annotation kserve-constructs.io/ignore" : "--ignore"}`);
  }
  return lines.join("\n");
}

/** The runtime each InferenceService gets, one line each, under a `runtimes:` heading (empty without InferenceServices). */
export function formatRuntimes(report: LintReport): string {
  if (report.runtimes.length === 0) return "";
  const lines = report.runtimes.map((r) => `  ${r.object} (${r.file}:${r.line}) -> ${r.runtime ?? "(none)"}: ${r.reason}`);
  return ["runtimes:", ...lines].join("\n");
}

/** The library's problem format, each problem preceded by its file, line and document; then the runtime of each InferenceService and the summary. */
export function formatText(report: LintReport): string {
  const blocks = report.problems.map((p) => `${location(p)}\n${formatIssue(p)}`);
  const runtimes = formatRuntimes(report);
  return [...blocks, ...(runtimes !== "" ? [runtimes] : []), formatSummary(report)].join("\n") + "\n";
}

/** The report as JSON (stable key order). */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify(
    {
      target: report.target,
      crdSet: report.crdSet,
      files: report.files,
      objects: report.objects,
      checked: report.checked,
      errors: report.errors,
      warnings: report.warnings,
      problems: report.problems.map((p) => ({
        object: p.where,
        file: p.file,
        documentIndex: p.documentIndex,
        line: p.line,
        objectLine: p.objectLine,
        path: p.path,
        value: p.value === undefined ? null : p.value,
        rule: p.rule,
        severity: p.severity,
        message: p.message,
        fix: p.fix,
      })),
      suppressed: report.suppressed,
      runtimes: report.runtimes,
    },
    null,
    2,
  )}\n`;
}

/** The tool's version, for SARIF's driver. */
function toolVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../package.json") as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** A file path as a SARIF artifact URI (relative, forward slashes). */
function artifactUri(file: string): string {
  return file === "-" ? "stdin" : file.replace(/\\/g, "/").replace(/^\.\//, "");
}

/** SARIF 2.1.0: one run, the rules that fired described, each problem at its file and line. */
export function formatSarif(report: LintReport): string {
  const ruleIds = [...new Set(report.problems.map((p) => p.rule))].sort();
  const rules = ruleIds.map((id) => {
    const meta = ruleMeta(id);
    return {
      id,
      shortDescription: { text: meta?.summary ?? id },
      ...(meta !== undefined ? { fullDescription: { text: `${meta.summary}. Why: ${meta.why}` }, help: { text: `Fix: ${meta.fix}` } } : {}),
      defaultConfiguration: { level: meta?.severity === "warning" ? "warning" : "error" },
    };
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = report.problems.map((p) => ({
    ruleId: p.rule,
    ruleIndex: index.get(p.rule) ?? 0,
    level: p.severity === "warning" ? "warning" : "error",
    message: { text: `${p.where}${p.path === "" ? "" : ` > ${p.path}`}: ${p.message}. Fix: ${p.fix}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(p.file) }, region: { startLine: p.line } },
        logicalLocations: [{ name: p.where, kind: "object" }],
      },
    ],
    partialFingerprints: { objectPath: `${p.where}|${p.path}|${p.rule}` },
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kserve-constructs lint", informationUri: "https://www.npmjs.com/package/kserve-constructs", version: toolVersion(), rules } },
        results,
        properties: { target: report.target, crdSet: report.crdSet, suppressed: report.suppressed },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Renders `report` in `format`. */
export function formatReport(report: LintReport, format: LintFormat): string {
  return format === "json" ? formatJson(report) : format === "sarif" ? formatSarif(report) : formatText(report);
}
