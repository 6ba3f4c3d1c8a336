/**
 * Conformance validator for synthesized Kubernetes objects (used by tests).
 *
 * Custom resources are validated against the upstream CRDs in
 * ../shared/crds (see crd-schemas.ts): unknown fields are errors, as with
 * `kubectl apply --validate=strict`; CEL rules are not evaluated (see
 * `celRules`).
 *
 * Built-in kinds (ServiceAccount, Secret, Deployment, ...) are validated with
 * kubernetes-models, whose generated validators check types but accept unknown
 * fields. Unknown fields are found by running those validators on a Proxy
 * that records which properties they read: every key the Kubernetes schema
 * knows is read by the generated code, so an own key that was never read in
 * an object the validator descended into is unknown (see k8s-core.ts). No
 * Kubernetes schema is written by hand here.
 *
 * `metadata` is checked as an ObjectMeta in both cases (kubernetes-models'
 * ObjectMeta validator, with the same unknown-field tracking), plus the API
 * server's name and label syntax rules.
 */
import * as fs from "fs";
import {
  CelRule,
  CrdSet,
  DEFAULT_CRD_SET,
  crdGroups,
  crdIndex,
  crdKindsInGroup,
  crdValidator,
  loadCrd,
  SHARED_CRDS_DIR as CRDS_DIR,
} from "./crd-schemas";
import { coreModel, objectMetaClass, validateWithModel } from "./k8s-core";
import type { Target, TargetProps } from "kserve-constructs";
import { crdSetFor } from "./crd-sets";
import {
  describeSchemaErrors,
  formatPath,
  isJsonObject,
  JsonObject,
  PathSegments,
  preview,
  SchemaError,
} from "./problem-format";

export type { CelRule, CrdSet } from "./crd-schemas";
export { DEFAULT_CRD_SET } from "./crd-schemas";
export type { MatrixTarget, TargetCrdSet } from "./crd-sets";
export { crdSetFor, KSERVE_CRD_FOLDERS, MATRIX_TARGETS, OPENSHIFT_AI_CRD_FOLDERS } from "./crd-sets";

/** Absolute path of ../shared/crds (relative to the project root). */
export const SHARED_CRDS_DIR: string = CRDS_DIR;

export interface ConformanceProblem {
  /** "Kind/namespace/name", or "Kind/name" without a namespace */
  object: string;
  /** field path such as spec.predictor.model.foo or spec.containers[0].ports[1].name */
  path: string;
  /** what is wrong */
  message: string;
}

let available: boolean | undefined;

/** True when ../shared/crds exists and holds CRDs (false on a bare clone). */
export function crdsAvailable(): boolean {
  if (available === undefined) {
    available = fs.existsSync(SHARED_CRDS_DIR) && crdIndex().size > 0;
  }
  return available;
}

// ---------------------------------------------------------------------------
// JSON normalisation

/**
 * Copies `value` the way JSON.stringify would see it (toJSON, undefined keys
 * dropped) and reports values that are not JSON (functions, NaN, cycles,
 * undefined array items). The copy is what gets validated, so the caller's
 * object may be frozen or exotic.
 */
function toJson(value: unknown, at: Array<string | number>, report: (at: PathSegments, message: string) => void, ancestors: Set<object> = new Set()): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) report(at, `${String(value)} is not a valid JSON number`);
    return value;
  }
  if (typeof value !== "object") {
    if (value !== undefined) report(at, `a ${typeof value} is not a JSON value`);
    return undefined;
  }
  if (ancestors.has(value)) {
    report(at, "circular reference");
    return undefined;
  }
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === "function") {
    const converted: unknown = withToJson.toJSON.call(value);
    if (converted !== value) return toJson(converted, at, report, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown, index: number) => {
        if (item === undefined) report([...at, index], "undefined array item (serializes as null)");
        return toJson(item, [...at, index], report, ancestors);
      });
    }
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const converted = toJson(child, [...at, key], report, ancestors);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

// ---------------------------------------------------------------------------
// metadata

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kinds whose names must be DNS labels rather than DNS subdomains. */
const NAME_RULES: Record<string, { re: RegExp; max: number; what: string }> = {
  Namespace: { re: DNS1123_LABEL, max: 63, what: "a DNS-1123 label" },
  Service: { re: DNS1035_LABEL, max: 63, what: "a DNS-1035 label" },
};
const DEFAULT_NAME_RULE = { re: DNS1123_SUBDOMAIN, max: 253, what: "a DNS-1123 subdomain" };

function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) {
    return `key prefix "${prefix}" must be a DNS-1123 subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `key "${key}" must be a qualified name (at most 63 characters of [-A-Za-z0-9_.], starting and ending alphanumeric, optional DNS prefix)`;
  }
  return undefined;
}

interface Collector {
  add(at: PathSegments, message: string): void;
  addSchemaErrors(errors: SchemaError[], data: unknown, prefix: PathSegments): void;
}

/** API-server rules on metadata that the OpenAPI schemas do not express. */
function checkMetadataRules(kind: string, metadata: unknown, at: PathSegments, out: Collector, templated: boolean): void {
  if (metadata === undefined) {
    out.add([...at, "name"], 'missing required field "name"');
    return;
  }
  if (!isJsonObject(metadata)) return; // type error reported by the ObjectMeta validator
  const { name, generateName, labels, annotations } = metadata;
  if (name === undefined && generateName === undefined) {
    out.add([...at, "name"], 'missing required field "name" (or generateName)');
  }
  if (typeof name === "string" && !(templated && name.includes("${"))) {
    const rule = NAME_RULES[kind] ?? DEFAULT_NAME_RULE;
    if (name.length > rule.max || !rule.re.test(name)) {
      out.add([...at, "name"], `${preview(name)} is not ${rule.what} (at most ${rule.max} characters)`);
    }
  }
  if (isJsonObject(labels)) {
    for (const [key, value] of Object.entries(labels)) {
      const keyProblem = qualifiedNameProblem(key);
      if (keyProblem) out.add([...at, "labels", key], `invalid label ${keyProblem}`);
      if (typeof value === "string" && !(templated && value.includes("${")) && (value.length > 63 || !LABEL_VALUE.test(value))) {
        out.add([...at, "labels", key], `invalid label value ${preview(value)} (at most 63 characters of [-A-Za-z0-9_.], starting and ending alphanumeric)`);
      }
    }
  }
  if (isJsonObject(annotations)) {
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
      const keyProblem = qualifiedNameProblem(key);
      if (keyProblem) out.add([...at, "annotations", key], `invalid annotation ${keyProblem}`);
      size += key.length + (typeof value === "string" ? value.length : 0);
    }
    if (size > 256 * 1024) out.add([...at, "annotations"], `annotations total ${size} bytes, more than 256 KiB`);
  }
}

function checkObjectMeta(metadata: unknown, at: PathSegments, out: Collector): void {
  if (metadata === undefined) return;
  const result = validateWithModel(objectMetaClass(), metadata);
  out.addSchemaErrors(result.errors, metadata, at);
  for (const field of result.unknownFields) out.add([...at, ...field], `unknown field "${String(field[field.length - 1])}"`);
}

// ---------------------------------------------------------------------------
// objects

function objectId(obj: unknown): string {
  if (!isJsonObject(obj)) return "<not an object>";
  const kind = typeof obj.kind === "string" && obj.kind !== "" ? obj.kind : "<no kind>";
  const metadata = isJsonObject(obj.metadata) ? obj.metadata : {};
  const name =
    typeof metadata.name === "string"
      ? metadata.name
      : typeof metadata.generateName === "string"
        ? `${metadata.generateName}*`
        : "<no name>";
  return typeof metadata.namespace === "string" && metadata.namespace !== ""
    ? `${kind}/${metadata.namespace}/${name}`
    : `${kind}/${name}`;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function validateCustomResource(obj: JsonObject, group: string, version: string, kind: string, at: PathSegments, out: Collector, set: CrdSet): void {
  const crd = loadCrd(group, kind, set);
  if (!crd) {
    const known = crdKindsInGroup(group, set);
    out.add([...at, "kind"], `unknown kind "${kind}" in API group ${group} (CRDs in ../shared/crds${set === DEFAULT_CRD_SET ? "" : ` (${set[0] ?? ""} set)`}: ${known.join(", ") || "none"})`);
    return;
  }
  const crdVersion = crd.versions.get(version);
  if (!crdVersion || !crdVersion.served) {
    const served = [...crd.versions.values()].filter((v) => v.served).map((v) => `${group}/${v.name}`);
    out.add([...at, "apiVersion"], `${group}/${version} is not a served version of ${kind} (served: ${served.join(", ")})`);
    return;
  }
  const validate = crdValidator(crd, crdVersion);
  if (!validate(obj)) out.addSchemaErrors((validate.errors ?? []) as SchemaError[], obj, at);
  checkObjectMeta(obj.metadata, [...at, "metadata"], out);
}

function validateBuiltIn(obj: JsonObject, apiVersion: string, kind: string, at: PathSegments, out: Collector): boolean {
  const model = coreModel(apiVersion, kind);
  if (!model) return false;
  const result = validateWithModel(model, obj);
  out.addSchemaErrors(result.errors, obj, at);
  for (const field of result.unknownFields) out.add([...at, ...field], `unknown field "${String(field[field.length - 1])}"`);
  return true;
}

/** Validates one (already JSON-normalised) object; `at` prefixes paths of nested objects. */
function validateJsonObject(obj: unknown, at: PathSegments, out: Collector, templated: boolean, set: CrdSet): void {
  if (!isJsonObject(obj)) {
    out.add(at, `expected a Kubernetes object, got ${preview(obj)}`);
    return;
  }
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== "string" || apiVersion === "") {
    out.add([...at, "apiVersion"], apiVersion === undefined ? 'missing required field "apiVersion"' : `expected a non-empty string, got ${preview(apiVersion)}`);
  }
  if (typeof kind !== "string" || kind === "") {
    out.add([...at, "kind"], kind === undefined ? 'missing required field "kind"' : `expected a non-empty string, got ${preview(kind)}`);
  }
  if (typeof apiVersion !== "string" || apiVersion === "" || typeof kind !== "string" || kind === "") return;

  const { group, version } = splitApiVersion(apiVersion);
  if (crdGroups(set).has(group)) {
    validateCustomResource(obj, group, version, kind, at, out, set);
  } else if (!validateBuiltIn(obj, apiVersion, kind, at, out)) {
    const hint = crdsAvailable() ? "" : ` (${SHARED_CRDS_DIR} is missing, so no CRD is known)`;
    out.add([...at, "kind"], `unknown kind: no CRD in ../shared/crds and no built-in Kubernetes schema for ${apiVersion} ${kind}${hint}`);
    return;
  }
  checkMetadataRules(kind, obj.metadata, [...at, "metadata"], out, templated);

  // OpenShift Templates: the CRD leaves objects[] free-form; validate each one.
  if (group === "template.openshift.io" && kind === "Template" && Array.isArray(obj.objects)) {
    obj.objects.forEach((child: unknown, index: number) => validateJsonObject(child, [...at, "objects", index], out, true, set));
  }
}

function collector(object: string, problems: ConformanceProblem[]): Collector {
  const seen = new Set<string>();
  const add = (at: PathSegments, message: string): void => {
    const path = formatPath(at);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ object, path, message });
  };
  return {
    add,
    addSchemaErrors(errors: SchemaError[], data: unknown, prefix: PathSegments): void {
      for (const described of describeSchemaErrors(errors, data)) add([...prefix, ...described.segments], described.message);
    },
  };
}

/**
 * Problems of one Kubernetes object ([] when it conforms), against a CRD set.
 * @param set folders of ../shared/crds (see crd-sets.ts); default: KServe's main branch and the current
 *   CRDs of the other projects
 */
export function validateObject(obj: unknown, set: CrdSet = DEFAULT_CRD_SET): ConformanceProblem[] {
  const problems: ConformanceProblem[] = [];
  const out = collector(objectId(obj), problems);
  const json = toJson(obj, [], (at, message) => out.add(at, message));
  validateJsonObject(json, [], out, false, set);
  return problems;
}

/** Problems of a list of objects, including duplicate kind/namespace/name, against a CRD set. */
export function validateAll(objs: unknown[], set: CrdSet = DEFAULT_CRD_SET): ConformanceProblem[] {
  const problems: ConformanceProblem[] = [];
  const firstIndex = new Map<string, number>();
  objs.forEach((obj, index) => {
    problems.push(...validateObject(obj, set));
    if (isJsonObject(obj) && typeof obj.apiVersion === "string" && isJsonObject(obj.metadata) && typeof obj.metadata.name === "string") {
      const key = `${splitApiVersion(obj.apiVersion).group}/${objectId(obj)}`;
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else problems.push({ object: objectId(obj), path: "", message: `duplicate object: items [${first}] and [${index}] have the same kind, namespace and name` });
    }
  });
  return problems;
}

/**
 * Problems of a list of objects against the CRDs of `target` (its KServe release, or its OpenShift AI
 * release's fork; see crd-sets.ts). Throws when the target has no CRD set.
 */
export function validateForTarget(objs: unknown[], target: Target | TargetProps | undefined): ConformanceProblem[] {
  return validateAll(objs, crdSetFor(target).folders);
}

/** Throws an Error listing every problem of `objs` against the CRDs of `target`. */
export function assertConformantForTarget(objs: unknown[], target: Target | TargetProps | undefined): void {
  const set = crdSetFor(target);
  const problems = validateAll(objs, set.folders);
  if (problems.length > 0) throw new Error(`${problems.length} conformance problem(s) against ${set.name}:\n${formatProblems(problems)}`);
}

/** "InferenceService/models/granite: spec.predictor.model.foo: unknown field "foo"" */
export function formatProblem(problem: ConformanceProblem): string {
  return problem.path === "" ? `${problem.object}: ${problem.message}` : `${problem.object}: ${problem.path}: ${problem.message}`;
}

export function formatProblems(problems: ConformanceProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

/** Throws an Error listing every problem; for tests that want one readable failure. */
export function assertConformant(objs: unknown[]): void {
  const problems = validateAll(objs);
  if (problems.length > 0) {
    throw new Error(`${problems.length} conformance problem(s):\n${formatProblems(problems)}`);
  }
}

/**
 * CEL rules (x-kubernetes-validations) of a CRD version, which this validator
 * does not evaluate. [] for built-in kinds or when the CRD is unknown.
 */
export function celRules(apiVersion: string, kind: string, set: CrdSet = DEFAULT_CRD_SET): readonly CelRule[] {
  if (!crdsAvailable()) return [];
  const { group, version } = splitApiVersion(apiVersion);
  return loadCrd(group, kind, set)?.versions.get(version)?.celRules ?? [];
}

let skipNoted = false;

function describeSkippingWithNote(): jest.Describe {
  const skip = (name: Parameters<jest.Describe>[0], fn: jest.EmptyFunction): void => {
    if (!skipNoted) {
      skipNoted = true;
      process.stderr.write(`Skipping CRD conformance tests: they need the CRDs in ${SHARED_CRDS_DIR} (../shared/crds).\n`);
    }
    describe.skip(name, fn);
  };
  return Object.assign(skip, { only: describe.skip, skip: describe.skip, each: describe.skip.each });
}

/** `describe` when ../shared/crds is present, otherwise `describe.skip` with a one-line note. */
export const describeIfCrds: jest.Describe =
  typeof describe === "undefined"
    ? outsideJest()
    : crdsAvailable()
      ? describe
      : describeSkippingWithNote();

function outsideJest(): jest.Describe {
  const fail = (): never => {
    throw new Error("describeIfCrds can only be used inside jest");
  };
  const stub = Object.assign(fail, { each: fail as unknown as jest.Each }) as typeof fail & Partial<jest.Describe>;
  stub.only = stub as jest.Describe;
  stub.skip = stub as jest.Describe;
  return stub as jest.Describe;
}
