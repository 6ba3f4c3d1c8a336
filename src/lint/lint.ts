/**
 * `lint`: the library's checks on Kubernetes YAML it did not write. Every manifest-level rule of the
 * registry runs on every object of the kinds the library knows, with the same ids and messages as at
 * synth time; objects of the kinds lint ships CRDs for are validated strictly against the target's
 * CRDs, and the core kinds they reference (Secret, ServiceAccount, ...) against the Kubernetes API. Pure apart from reading the shipped schemas: the caller gives the text of each input.
 */
import type { Issue, Severity } from "../core/errors";
import type { Manifest } from "../core/k8s";
import type { LintAssumptions, ManifestRule, ManifestSubject } from "../core/rules/registry";
import { manifestRules, runManifestRules } from "../core/rules/registry";
import type { Target } from "../core/target/resolve";
import { defaultTarget, describeTarget } from "../core/target/resolve";
import { targetIssues } from "../core/target/rules";
import type { TargetProps } from "../core/target/props";
import { parseTargetName } from "../core/target/name";
import type { CrdSchema } from "./schema/convert";

import { CORE_SCHEMA_KINDS, crdSetFor, SCHEMA_KINDS } from "./schema/sets";
import { SchemaSet } from "./schema/validate";
import type { LintObject } from "./parse";
import { parseObjects } from "./parse";
import { apiVersionRule, lintRuntimeCandidates, parseRule, schemaRule } from "./rules";
import { candidacy, runtimeRequest, selectRuntime } from "../core/runtime/select";
import { formatVersion } from "../core/target/version";
import type { RuntimeCandidate } from "../core/runtime/select";
import { builtinRuntimes } from "./builtin-runtimes";
import "./all-rules";

/** One input: its name (a path, or `-` for stdin) and its text. */
export interface LintSource {
  /** Shown in problems and SARIF locations. */
  readonly file: string;
  /** YAML (one or more documents) or JSON. */
  readonly text: string;
}

/** How to lint. */
export interface LintOptions {
  /**
   * The cluster the YAML is for: a target name (`"0.20"`, `"kserve-0.17"`, `"openshift-ai-2.25"`) or
   * target props, resolved as the library resolves its target.
   * @default the library's default target (the current KServe release)
   */
  readonly target?: string | TargetProps;
  /**
   * Names of ServingRuntimes or ClusterServingRuntimes that exist on the cluster though the input lacks them.
   * @default []
   */
  readonly assumeRuntimes?: readonly string[];
  /**
   * Secrets that exist on the cluster though the input lacks them (created by a secret manager, sealed
   * secrets, the console): `name` (in any namespace) or `namespace/name`. The same as `assume` with `Secret/...`.
   * @default []
   */
  readonly assumeSecrets?: readonly string[];
  /**
   * Other objects that exist on the cluster: `Kind/name` or `Kind/namespace/name`.
   * @default []
   */
  readonly assume?: readonly string[];
  /**
   * Rule ids not to report (each suppression is counted in the summary).
   * @default []
   */
  readonly ignore?: readonly string[];
  /**
   * CRDs that add to or override the shipped schemas (converted with `readCrds`).
   * @default []
   */
  readonly crds?: readonly CrdSchema[];
  /**
   * Count warnings as errors (for the exit code and `errors`).
   * @default false
   */
  readonly warningsAsErrors?: boolean;
}

/** One problem found by lint: the library's issue, plus where in the input it is. */
export interface LintProblem extends Issue {
  /** `error` or `warning` (always set). */
  readonly severity: Severity;
  /** The input. */
  readonly file: string;
  /** The document's index in the input (0-based). */
  readonly documentIndex: number;
  /** 1-based line of the object's start. */
  readonly objectLine: number;
  /** 1-based line of the field (the object's start when the field is absent). */
  readonly line: number;
}

/** A suppressed rule on one object, and how it was suppressed. */
export interface Suppression {
  /** The rule id. */
  readonly rule: string;
  /** `Kind/namespace/name`. */
  readonly object: string;
  /** The input. */
  readonly file: string;
  /** `annotation` (kserve-constructs.io/ignore on the object) or `option` (--ignore). */
  readonly via: "annotation" | "option";
  /** How many problems were not reported. */
  readonly count: number;
}

/** The runtime an InferenceService gets (named, or selected by KServe's rules). */
export interface RuntimeChoice {
  /** `InferenceService/namespace/name`. */
  readonly object: string;
  /** The input. */
  readonly file: string;
  /** 1-based line of the InferenceService. */
  readonly line: number;
  /** `ServingRuntime/namespace/name` or `ClusterServingRuntime/name`; absent when none is found. */
  readonly runtime?: string;
  /**
   * How: `named` (spec.predictor.model.runtime), `selected` (format, protocol, priority; no `runtime` when
   * none matches), `assumed` (named or possibly matched by a runtime declared with --assume-runtime).
   */
  readonly how: "named" | "selected" | "assumed";
  /** True for one of the ClusterServingRuntimes the target's KServe release installs (not in the input). */
  readonly builtIn: boolean;
  /** Why: where the name comes from, or what was asked for and why this runtime wins (one sentence). */
  readonly reason: string;
}

/** What lint found. */
export interface LintReport {
  /** The runtime each InferenceService gets, in input order (ModelMesh InferenceServices excluded). */
  readonly runtimes: readonly RuntimeChoice[];
  /** Problems in input order (file, document, object, then line), errors and warnings. */
  readonly problems: readonly LintProblem[];
  /** Suppressed problems, grouped by rule, object and how. */
  readonly suppressed: readonly Suppression[];
  /** The resolved target, described (`KServe 0.20`, `OpenShift AI 2.25 (KServe 0.15)`). */
  readonly target: string;
  /** The CRD set the objects were validated against. */
  readonly crdSet: string;
  /** Number of inputs read. */
  readonly files: number;
  /** Objects read. */
  readonly objects: number;
  /** Objects of kinds lint checks. */
  readonly checked: number;
  /** Number of errors (warnings too with warningsAsErrors). */
  readonly errors: number;
  /** Number of warnings (0 with warningsAsErrors). */
  readonly warnings: number;
  /** 1 when any error was found, else 0. */
  readonly exitCode: 0 | 1;
}

/** A problem with the options themselves (an unknown target name): the lint did not run. */
export class LintOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LintOptionsError";
    Object.setPrototypeOf(this, LintOptionsError.prototype);
  }
}

/** The annotation that suppresses rules on one object: a comma-separated list of rule ids. */
export const IGNORE_ANNOTATION = "kserve-constructs.io/ignore";

/** Kinds lint checks: the custom resources it has schemas for, and the core kinds they reference. */
const CORE_KINDS = new Set(CORE_SCHEMA_KINDS.map((k) => `v1/${k.kind}`));
const CR_KINDS = new Set(SCHEMA_KINDS.map((k) => `${k.group}/${k.kind}`));

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** `Kind/namespace/name`, or `Kind/name` without a namespace. */
export function objectName(m: Manifest): string {
  const ns = typeof m.metadata.namespace === "string" && m.metadata.namespace !== "" ? `${m.metadata.namespace}/` : "";
  return `${m.kind}/${ns}${m.metadata.name}`;
}

function formatSegments(segments: ReadonlyArray<string | number>): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Resolves a target name or props as the library does; throws {@link LintOptionsError} for a bad one. */
export function lintTarget(target: string | TargetProps | undefined): Target {
  let props: TargetProps | undefined;
  if (typeof target === "string") {
    const parsed = parseTargetName(target);
    if (parsed.issues.length > 0) throw new LintOptionsError(`--target ${JSON.stringify(target)}: ${parsed.issues.map((i) => `${i.message}; ${i.fix}`).join("; ")}`);
    props = parsed.props;
  } else props = target;
  // the target rules as every build runs them (the pipeline's `target` entry)
  const bad = targetIssues(props).filter((i) => i.severity !== "warning");
  if (bad.length > 0) throw new LintOptionsError(`target: ${bad.map((i) => `${i.message} (${String(i.value)}); ${i.fix}`).join("; ")}`);
  return defaultTarget(props);
}

/** Lints the objects of `sources`. */
export function lint(sources: readonly LintSource[], options: LintOptions = {}): LintReport {
  const target = lintTarget(options.target);
  const crdSet = crdSetFor(target);
  const schemas = new SchemaSet(crdSet, options.crds ?? []);
  const lintAssumptions: LintAssumptions = { runtimes: new Set(options.assumeRuntimes ?? []), objects: new Set([...(options.assume ?? []), ...(options.assumeSecrets ?? []).map((n) => `Secret/${n}`)]) };
  const ignored = new Set(options.ignore ?? []);
  const warningsAsErrors = options.warningsAsErrors === true;

  const objects: LintObject[] = [];
  const raw: LintProblem[] = [];
  for (const source of sources) {
    const parsed = parseObjects(source.file, source.text);
    objects.push(...parsed.objects);
    for (const p of parsed.problems) {
      raw.push({ where: `${source.file}#${p.documentIndex}`, path: "", value: undefined, rule: parseRule.id, message: p.message, fix: parseRule.fix, severity: "error", file: source.file, documentIndex: p.documentIndex, objectLine: p.line, line: p.line });
    }
  }
  const app = objects.map((o) => o.manifest);
  const rules: readonly ManifestRule[] = manifestRules();
  const suppressedCounts = new Map<string, Suppression>();
  const problems: LintProblem[] = [...raw];
  let checked = 0;

  for (const object of objects) {
    const m = object.manifest;
    const group = groupOf(m.apiVersion);
    const known = CR_KINDS.has(`${group}/${m.kind}`) || CORE_KINDS.has(`${m.apiVersion}/${m.kind}`);
    if (!known && !schemas.knowsKind(group, m.kind)) continue;
    checked++;
    const where = objectName(m);
    const drafts: Omit<Issue, "where">[] = [];
    // strict schema
    if (schemas.knowsKind(group, m.kind)) {
      const found = schemas.validate(m as unknown as Record<string, unknown>, m.apiVersion, m.kind);
      const of = group === "" ? "the Kubernetes core API" : crdSet;
      if (found === undefined) {
        const served = schemas.versionsOf(group, m.kind).map((v) => (group === "" ? v : `${group}/${v}`));
        drafts.push({ path: "apiVersion", value: m.apiVersion, rule: apiVersionRule.id, message: `${m.kind} ${m.apiVersion} is not served by ${describeTarget(target)} (CRD set ${crdSet}, served: ${served.join(", ")})`, fix: `use apiVersion ${served[served.length - 1] ?? "served by the target"}` });
      } else {
        for (const p of found) drafts.push({ path: formatSegments(p.segments), value: p.value, rule: schemaRule.id, message: `${p.message} (${m.kind} ${m.apiVersion} of ${of})`, fix: p.message.startsWith("unknown field") ? `remove the field, or correct its name and place (see ${group === "" ? "the Kubernetes API reference" : "the CRD"})` : group === "" ? "use the field names and types of the Kubernetes API" : schemaRule.fix });
      }
    }
    const subject: ManifestSubject = { manifest: m, target, app, lint: lintAssumptions };
    drafts.push(...runManifestRules(rules, subject));
    const annotation = m.metadata.annotations?.[IGNORE_ANNOTATION];
    const byAnnotation = new Set(typeof annotation === "string" ? annotation.split(",").map((s) => s.trim()).filter((s) => s !== "") : []);
    for (const d of drafts) {
      const via = byAnnotation.has(d.rule) ? "annotation" : ignored.has(d.rule) ? "option" : undefined;
      if (via !== undefined) {
        const key = `${d.rule}\0${where}\0${object.file}\0${via}`;
        const prev = suppressedCounts.get(key);
        suppressedCounts.set(key, { rule: d.rule, object: where, file: object.file, via, count: (prev?.count ?? 0) + 1 });
        continue;
      }
      const severity: Severity = d.severity === "warning" && !warningsAsErrors ? "warning" : "error";
      problems.push({ where, path: d.path, value: d.value, rule: d.rule, message: d.message, fix: d.fix, severity, file: object.file, documentIndex: object.documentIndex, objectLine: object.line, line: d.path === "" ? object.line : object.lineOf(d.path) });
    }
  }
  // --ignore for parse problems too
  const shown = problems.filter((p) => {
    if (p.rule !== parseRule.id || !ignored.has(p.rule)) return true;
    const key = `${p.rule}\0${p.where}\0${p.file}\0option`;
    suppressedCounts.set(key, { rule: p.rule, object: p.where, file: p.file, via: "option", count: (suppressedCounts.get(key)?.count ?? 0) + 1 });
    return false;
  });
  const order = new Map(sources.map((s, i) => [s.file, i]));
  shown.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.documentIndex - b.documentIndex || a.objectLine - b.objectLine || a.line - b.line);
  const errors = shown.filter((p) => p.severity === "error").length;
  const runtimes: RuntimeChoice[] = [];
  const candidates = lintRuntimeCandidates(app, target);
  const builtIn = builtinRuntimes(target);
  const label = (r: RuntimeCandidate): string => (r.kind === "ServingRuntime" ? `ServingRuntime/${r.namespace}/${r.name}` : `ClusterServingRuntime/${r.name}`);
  const assumedList = [...lintAssumptions.runtimes].sort();
  for (const object of objects) {
    const m = object.manifest;
    if (m.kind !== "InferenceService") continue;
    const request = runtimeRequest(m);
    if (request === undefined || request.multiModel) continue;
    const ns = typeof m.metadata.namespace === "string" ? m.metadata.namespace : "";
    const base = { object: objectName(m), file: object.file, line: object.line };
    const origin = (r: RuntimeCandidate): string => (builtIn.includes(r) ? `, installed by KServe ${formatVersion(target.kserve)}` : "");
    if (request.runtime !== undefined) {
      const name = request.runtime;
      const found = candidates.find((c) => c.kind === "ServingRuntime" && c.namespace === ns && c.name === name) ?? candidates.find((c) => c.kind === "ClusterServingRuntime" && c.name === name);
      const assumedName = lintAssumptions.runtimes.has(name);
      const field = request.field === "model" ? "spec.predictor.model.runtime" : `spec.predictor.${request.field}.runtime`;
      const reason = found !== undefined ? `named in ${field}${origin(found)}` : assumedName ? `named in ${field}; declared with --assume-runtime` : `named in ${field}; not in the input (lint/runtime-missing)`;
      runtimes.push({ ...base, ...(found !== undefined ? { runtime: label(found) } : assumedName ? { runtime: name } : {}), how: found === undefined && assumedName ? "assumed" : "named", builtIn: found !== undefined && builtIn.includes(found), reason });
      continue;
    }
    const { selected, rejected } = selectRuntime(request, ns, candidates);
    const asked = `format ${request.format}${request.version !== undefined ? ` version "${request.version}"` : ""}, protocol ${request.protocol}${request.multiNode ? ", multi-node" : ""}`;
    if (selected !== undefined) {
      const considered = candidates.filter((c) => c.kind === "ClusterServingRuntime" || c.namespace === ns).length;
      const matching = considered - rejected.length;
      const c = candidacy(request, selected);
      const priority = "priority" in c && c.priority !== undefined ? `, priority ${c.priority}` : "";
      const reason = `selected for ${asked}: lists the format with autoSelect${priority}${origin(selected)}; ${matching === 1 ? "the only runtime that matches" : `first of ${matching} runtimes that match (namespace before cluster, then lowest protocol, name, highest priority)`}`;
      runtimes.push({ ...base, runtime: label(selected), how: "selected", builtIn: builtIn.includes(selected), reason });
    } else {
      const reason = assumedList.length > 0 ? `no runtime of the input${target.openshiftAI === undefined ? ` or of KServe ${formatVersion(target.kserve)}'s install` : ""} matches ${asked}; one declared with --assume-runtime (${assumedList.join(", ")}) may` : `no runtime matches ${asked} (lint/no-runtime)`;
      runtimes.push({ ...base, how: assumedList.length > 0 ? "assumed" : "selected", builtIn: false, reason });
    }
  }
  return {
    runtimes,
    problems: shown,
    suppressed: [...suppressedCounts.values()],
    target: describeTarget(target),
    crdSet,
    files: sources.length,
    objects: objects.length,
    checked,
    errors,
    warnings: shown.length - errors,
    exitCode: errors > 0 ? 1 : 0,
  };
}

