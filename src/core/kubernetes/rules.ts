/**
 * Kubernetes syntax rules that apply to every rendered manifest, whatever construct (or YAML file) it
 * came from: environment variable names, label and annotation keys and values, node selectors,
 * tolerations, resource names and quantities, ports (also inside args such as `--port=8080`), probe
 * settings and security contexts that can never start.
 *
 * The rules share one walk of each manifest (`../rules/manifest-index.ts`) and report manifest paths
 * (`spec.predictor.model.env[0].name`).
 * They are manifest rules, so `lint` runs them on YAML the library did not write, and every build runs
 * them on the manifests it renders (see `guardBuild` in `../context.ts`).
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { Finding, ManifestRule, ManifestSubject } from "../rules/registry";
import { defineManifestRule, runManifestRules } from "../rules/registry";
import { childPath, manifestSites, siteKeys } from "../rules/manifest-index";
import { DNS1123_SUBDOMAIN, ENV_NAME, LABEL_VALUE } from "../names";
import { parseQuantity } from "../quantity";
import type { Version } from "../target/version";
import { atLeast, formatVersion } from "../target/version";
import { envNameFix } from "../pod/env";
import { secretLiteralRule } from "../pod/rules";
import { uriCredentialsRule, uriPathRule } from "../storage/rules";

/** A plain object (not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Findings of `check` applied to every member of the manifest under one of `keys`, in manifest order (the sites of one walk per subject, shared with the rules' `reads` filters). */
function scan(subject: ManifestSubject, keys: ReadonlySet<string>, check: (path: string, key: string, value: unknown, parent: unknown) => Finding[] | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const site of manifestSites(subject)) {
    if (!keys.has(site.key)) continue;
    const found = check(site.path, site.key, site.value, site.parent);
    if (found !== undefined) findings.push(...found);
  }
  return findings;
}

// ---------------------------------------------------------------------------
// qualified names (label, annotation, node selector and toleration keys; resource names)

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why `key` is not a qualified name (`prefix/name`), or undefined when it is one. */
export function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix === "") return "the prefix before '/' is empty";
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `the prefix "${shorten(prefix)}" is not a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)`;
  }
  if (name === "") return "the name part is empty";
  if (name.length > 63) return `the name part has ${name.length} characters, more than 63`;
  if (!QUALIFIED_NAME.test(name)) return "the name part may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit (one '/' at most, after a DNS prefix)";
  return undefined;
}

/** Why `value` is not a label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `a label value has at most 63 characters; this one has ${value.length}`;
  if (!LABEL_VALUE.test(value)) return "a label value may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}...${text.slice(-10)}` : text;
}

/** A key made valid where possible (for fix suggestions). */
function suggestKey(key: string): string {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash).toLowerCase().replace(/[^a-z0-9.-]/g, "-").replace(/^[-.]+|[-.]+$/g, "") : undefined;
  const name = (slash >= 0 ? key.slice(slash + 1) : key).replace(/[^A-Za-z0-9_.-]/g, "-").replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "").slice(0, 63).replace(/[^A-Za-z0-9]+$/, "");
  const fixedName = name === "" ? "name" : name;
  return prefix !== undefined && prefix !== "" ? `${prefix}/${fixedName}` : fixedName;
}

function suggestLabelValue(value: string): string {
  const v = value.replace(/[^A-Za-z0-9_.-]/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 63).replace(/[^A-Za-z0-9]+$/, "");
  return v;
}

function isStringMap(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}

// ---------------------------------------------------------------------------
// rules

/** The Kubernetes version from which the API server accepts any printable ASCII env name without '=' (RelaxedEnvironmentVariableValidation on by default). */
export const RELAXED_ENV_NAMES_SINCE = "1.32";

/** The API server's env name rule before {@link RELAXED_ENV_NAMES_SINCE}: letters, digits, '_', '-', '.', not starting with a digit. */
const STRICT_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Printable ASCII (space to '~') without '='. */
const RELAXED_ENV_NAME = /^[ -<>-~]+$/;

/** Why the API server of a Kubernetes with (`relaxed`) or without relaxed env validation rejects `name`, or undefined. */
export function envNameProblem(name: string, relaxed: boolean): string | undefined {
  if (name === "") return "an environment variable name must not be empty";
  if (relaxed) return RELAXED_ENV_NAME.test(name) ? undefined : "an environment variable name may hold only printable ASCII characters other than '='";
  if (!STRICT_ENV_NAME.test(name)) return "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit";
  if (name === "." || name === ".." || name.startsWith("..")) return "an environment variable name must not be '.' or '..', nor start with '..'";
  return undefined;
}

/**
 * Whether the target's API server accepts relaxed env names: `true` from Kubernetes 1.32, `false` before,
 * `undefined` when the target declares no Kubernetes version.
 */
function relaxedEnvNames(target: ManifestSubject["target"]): boolean | undefined {
  return target.kubernetes === undefined ? undefined : atLeast(target.kubernetes, RELAXED_ENV_NAMES_SINCE);
}

const ENV_KEYS = siteKeys("env");

/** Environment variable names the target's API server rejects (which rule depends on its Kubernetes version). */
export const envNameRule = defineManifestRule({
  id: "k8s/env-name",
  severity: "error",
  summary: `Every environment variable name of every container is one the API server accepts: from Kubernetes ${RELAXED_ENV_NAMES_SINCE} any printable ASCII text without '='; before (and when the target declares no kubernetesVersion) only letters, digits, '_', '-' and '.', not starting with a digit.`,
  why: `The API server rejects a pod (and so the Deployment, Knative revision or InferenceService that makes it) with such a name. Kubernetes relaxed the rule in ${RELAXED_ENV_NAMES_SINCE} (RelaxedEnvironmentVariableValidation, beta and on by default; GA in 1.34); without a target kubernetesVersion the library applies the older rule, which every supported version accepts.`,
  fix: "rename the variable to letters, digits and '_' only, not starting with a digit",
  on: "manifest",
  reads: [...ENV_KEYS],
  check: (subject) => {
    const relaxed = relaxedEnvNames(subject.target);
    return scan(subject, ENV_KEYS, (path, key, value) => {
      if (key !== "env" || !Array.isArray(value)) return undefined;
      const out: Finding[] = [];
      value.forEach((v: unknown, i) => {
        if (!isRecord(v) || !("name" in v)) return;
        const name = v["name"];
        if (typeof name !== "string") {
          out.push({ path: `${path}[${i}].name`, value: name, message: "an environment variable name must be a string", fix: "give the variable a string name" });
          return;
        }
        const problem = envNameProblem(name, relaxed === true);
        if (problem === undefined) return;
        const newer = relaxed === undefined && envNameProblem(name, true) === undefined;
        const why =
          relaxed === true
            ? ""
            : relaxed === false
              ? ` (the target's Kubernetes ${formatVersion(subject.target.kubernetes as Version)} predates the relaxed rule of ${RELAXED_ENV_NAMES_SINCE})`
              : newer
                ? ` (Kubernetes ${RELAXED_ENV_NAMES_SINCE} and later accept it, but the target declares no kubernetesVersion, so the rule of older API servers applies)`
                : "";
        out.push({ path: `${path}[${i}].name`, value: name, message: `${problem}${why}`, fix: newer ? `${envNameFix(name)}, or declare the cluster's version in the target (kubernetesVersion: "${RELAXED_ENV_NAMES_SINCE}" or later)` : envNameFix(name) });
      });
      return out;
    });
  },
});

/** Environment variable names the API server accepts that are not C identifiers (shells cannot expand them). */
export const envNamePortableRule = defineManifestRule({
  id: "k8s/env-name-portable",
  severity: "warning",
  summary: "Environment variable names are C identifiers (letters, digits and '_', not starting with a digit).",
  why: "The API server accepts names such as MY-VAR or my.var, but a shell cannot expand them ($MY-VAR is $MY followed by -VAR), so entrypoint scripts and most servers' settings never see them.",
  fix: "rename the variable to letters, digits and '_' only, not starting with a digit",
  on: "manifest",
  reads: [...ENV_KEYS],
  check: (subject) => {
    const relaxed = relaxedEnvNames(subject.target) === true;
    return scan(subject, ENV_KEYS, (path, key, value) => {
      if (key !== "env" || !Array.isArray(value)) return undefined;
      const out: Finding[] = [];
      value.forEach((v: unknown, i) => {
        const name = isRecord(v) ? v["name"] : undefined;
        if (typeof name !== "string" || ENV_NAME.test(name) || envNameProblem(name, relaxed) !== undefined) return;
        out.push({ path: `${path}[${i}].name`, value: name, message: `${JSON.stringify(shorten(name))} is accepted by the API server but is not a C identifier, so a shell cannot expand it`, fix: envNameFix(name) });
      });
      return out;
    });
  },
});

const LABEL_KEYS = siteKeys("labels", "nodeSelector");

/** Label keys and values (metadata, pod labels, node selectors). */
export const labelRule = defineManifestRule({
  id: "k8s/label",
  severity: "error",
  summary: "Label keys are qualified names (optional DNS prefix, a name of at most 63 characters) and label values at most 63 characters of letters, digits, '-', '_' and '.'.",
  why: "The API server rejects an object whose labels (or a pod template's) break the syntax; the whole apply fails.",
  fix: "shorten or rename the label key or value",
  on: "manifest",
  reads: [...LABEL_KEYS],
  check: (subject) =>
    scan(subject, LABEL_KEYS, (path, key, value) => {
      if ((key !== "labels" && key !== "nodeSelector") || !isStringMap(value)) return undefined;
      if (key === "labels" && !Object.values(value).every((v) => typeof v === "string")) return undefined;
      const what = key === "labels" ? "label" : "node selector";
      const out: Finding[] = [];
      for (const k of Object.keys(value)) {
        const keyProblem = qualifiedNameProblem(k);
        if (keyProblem !== undefined) out.push({ path: childPath(path, k), value: k, message: `"${shorten(k)}" is not a valid ${what} key: ${keyProblem}`, fix: `use a key such as "${suggestKey(k)}"` });
        const v = value[k];
        if (typeof v !== "string") {
          out.push({ path: childPath(path, k), value: v, message: `a ${what} value must be a string`, fix: `quote the value: "${String(v)}"` });
          continue;
        }
        const valueProblem = labelValueProblem(v);
        if (valueProblem !== undefined) out.push({ path: childPath(path, k), value: v, message: `invalid ${what} value: ${valueProblem}`, fix: v.length > 63 ? `keep it within 63 characters (for example "${suggestLabelValue(v)}"), or put long text in an annotation` : `use a value such as "${suggestLabelValue(v) || "x"}"` });
      }
      return out;
    }),
});

const MAX_ANNOTATIONS_BYTES = 256 * 1024;

const ANNOTATION_KEYS = siteKeys("annotations");

/** Annotation keys and the total size of an object's annotations. */
export const annotationRule = defineManifestRule({
  id: "k8s/annotation",
  severity: "error",
  summary: "Annotation keys are qualified names, values are strings, and all annotations of an object together stay within 256 KiB.",
  why: "The API server rejects an object whose annotation keys break the syntax or whose annotations exceed 256 KiB in total.",
  fix: "rename the annotation key, or move large data into a ConfigMap",
  on: "manifest",
  reads: [...ANNOTATION_KEYS],
  check: (subject) =>
    scan(subject, ANNOTATION_KEYS, (path, key, value) => {
      if (key !== "annotations" || !isStringMap(value)) return undefined;
      const out: Finding[] = [];
      let size = 0;
      for (const k of Object.keys(value)) {
        const keyProblem = qualifiedNameProblem(k);
        if (keyProblem !== undefined) out.push({ path: childPath(path, k), value: k, message: `"${shorten(k)}" is not a valid annotation key: ${keyProblem}`, fix: `use a key such as "${suggestKey(k)}"` });
        const v = value[k];
        if (typeof v !== "string") out.push({ path: childPath(path, k), value: v, message: "an annotation value must be a string", fix: `quote the value: "${String(v)}"` });
        size += Buffer.byteLength(k, "utf8") + (typeof v === "string" ? Buffer.byteLength(v, "utf8") : 0);
      }
      if (size > MAX_ANNOTATIONS_BYTES) {
        out.push({ path, value: `${Object.keys(value).length} annotations`, message: `the annotations total ${size} bytes, more than the 262144 (256 KiB) the API server allows per object`, fix: "move large values into a ConfigMap and reference it" });
      }
      return out;
    }),
});

const TOLERATION_OPERATORS = ["Exists", "Equal"];
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

const TOLERATION_KEYS = siteKeys("tolerations");

/** Tolerations: operators, effects, `Exists` without a value, `tolerationSeconds` only with `NoExecute`. */
export const tolerationRule = defineManifestRule({
  id: "k8s/toleration",
  severity: "error",
  summary: "Tolerations use operator Exists (no value) or Equal, a known effect, a qualified key, and tolerationSeconds only with effect NoExecute.",
  why: "The API server rejects a pod (and so the Deployment or Knative revision) whose tolerations break these rules.",
  fix: "correct the toleration",
  on: "manifest",
  reads: [...TOLERATION_KEYS],
  check: (subject) =>
    scan(subject, TOLERATION_KEYS, (path, key, value) => {
      if (key !== "tolerations" || !Array.isArray(value)) return undefined;
      const out: Finding[] = [];
      value.forEach((t: unknown, i) => {
        const at = `${path}[${i}]`;
        if (!isRecord(t)) {
          out.push({ path: at, value: t, message: "a toleration must be an object", fix: 'use { key, operator: "Exists" | "Equal", value, effect }' });
          return;
        }
        const operator = t["operator"] ?? "Equal";
        const tkey = t["key"];
        if (typeof operator !== "string" || !TOLERATION_OPERATORS.includes(operator)) {
          out.push({ path: `${at}.operator`, value: operator, message: `toleration operator ${JSON.stringify(operator)} is not Exists or Equal (case matters)`, fix: 'use operator "Exists" or "Equal"' });
        }
        if (operator === "Exists" && t["value"] !== undefined && t["value"] !== "") {
          out.push({ path: `${at}.value`, value: t["value"], message: 'a toleration with operator "Exists" takes no value', fix: 'drop the value, or use operator "Equal"' });
        }
        if (operator === "Equal" && (tkey === undefined || tkey === "")) {
          out.push({ path: `${at}.key`, value: tkey, message: 'a toleration without a key must use operator "Exists" (it then tolerates every taint)', fix: 'set the key of the taint, or use operator "Exists"' });
        }
        if (typeof tkey === "string" && tkey !== "") {
          const problem = qualifiedNameProblem(tkey);
          if (problem !== undefined) out.push({ path: `${at}.key`, value: tkey, message: `toleration key "${shorten(tkey)}" is not a qualified name: ${problem}`, fix: `use the taint's key, such as "${suggestKey(tkey)}"` });
        }
        if (operator === "Equal" && typeof t["value"] === "string" && t["value"] !== "") {
          const problem = labelValueProblem(t["value"]);
          if (problem !== undefined) out.push({ path: `${at}.value`, value: t["value"], message: `invalid toleration value: ${problem}`, fix: "use the taint's value" });
        }
        const effect = t["effect"];
        if (effect !== undefined && effect !== "" && (typeof effect !== "string" || !TAINT_EFFECTS.includes(effect))) {
          out.push({ path: `${at}.effect`, value: effect, message: `toleration effect ${JSON.stringify(effect)} is not NoSchedule, PreferNoSchedule or NoExecute (case matters)`, fix: "use NoSchedule, PreferNoSchedule or NoExecute, or leave it unset to match every effect" });
        }
        const seconds = t["tolerationSeconds"];
        if (seconds !== undefined) {
          if (effect !== "NoExecute") {
            out.push({ path: `${at}.tolerationSeconds`, value: seconds, message: 'tolerationSeconds applies only to effect "NoExecute"', fix: 'drop tolerationSeconds, or set effect "NoExecute"' });
          } else if (typeof seconds !== "number" || !Number.isInteger(seconds)) {
            out.push({ path: `${at}.tolerationSeconds`, value: seconds, message: "tolerationSeconds must be a whole number of seconds", fix: "use a whole number such as 300" });
          }
        }
      });
      return out;
    }),
});

const STANDARD_RESOURCE = /^(cpu|memory|storage|ephemeral-storage|hugepages-[A-Za-z0-9]+|pods)$/;

/** Why `name` is not a resource name a container may request, or undefined. */
export function resourceNameProblem(name: string): string | undefined {
  if (STANDARD_RESOURCE.test(name)) return undefined;
  if (!name.includes("/")) return `"${shorten(name)}" is neither a standard resource (cpu, memory, ephemeral-storage, hugepages-<size>) nor a vendor-qualified name such as nvidia.com/gpu`;
  const problem = qualifiedNameProblem(name);
  if (problem !== undefined) return `"${shorten(name)}" is not a qualified resource name: ${problem}`;
  return undefined;
}

function resourceSuggestion(name: string): string {
  const lower = name.toLowerCase();
  if (lower === "gpu" || lower === "gpus" || lower === "nvidia/gpu" || lower === "nvidia.com/gpus") return "nvidia.com/gpu (or the accelerator's resource name)";
  if (lower === "cpus" || lower === "cores") return "cpu";
  if (lower === "mem" || lower === "ram") return "memory";
  if (lower === "cpu" || lower === "memory") return lower;
  return "cpu, memory or a vendor-qualified name such as nvidia.com/gpu";
}

const RESOURCE_KEYS = siteKeys("requests", "limits");

/** Resource names in requests and limits. */
export const resourceNameRule = defineManifestRule({
  id: "k8s/resource-name",
  severity: "error",
  summary: "Requests and limits name standard resources (cpu, memory, ephemeral-storage, hugepages-*) or vendor-qualified extended resources.",
  why: "The API server rejects a container that requests an unknown unqualified resource such as `gpu`.",
  fix: "use cpu, memory or the accelerator's qualified resource name",
  on: "manifest",
  reads: [...RESOURCE_KEYS],
  check: (subject) =>
    scan(subject, RESOURCE_KEYS, (path, key, value, parent) => {
      if ((key !== "requests" && key !== "limits") || !isRecord(value) || !isRecord(parent)) return undefined;
      if (!path.endsWith(`resources.${key}`)) return undefined;
      const out: Finding[] = [];
      for (const name of Object.keys(value)) {
        const problem = resourceNameProblem(name);
        if (problem !== undefined) out.push({ path: childPath(path, name), value: name, message: problem, fix: `use ${resourceSuggestion(name)}` });
      }
      return out;
    }),
});

const QUANTITY_KEYS = siteKeys("requests", "limits", "sizeLimit");

/** Negative quantities, and zero where it means nothing (a claim or volume of no size). */
export const quantityRule = defineManifestRule({
  id: "k8s/quantity",
  severity: "error",
  summary: "Resource quantities are not negative, and sizes of claims and memory volumes are above zero.",
  why: "The API server rejects negative requests and limits and a PersistentVolumeClaim of size 0; an emptyDir limited to 0 bytes cannot hold a file.",
  fix: "use a positive quantity",
  on: "manifest",
  reads: [...QUANTITY_KEYS],
  check: (subject) =>
    scan(subject, QUANTITY_KEYS, (path, key, value, parent) => {
      const out: Finding[] = [];
      if ((key === "requests" || key === "limits") && isRecord(value) && isRecord(parent) && path.endsWith(`resources.${key}`)) {
        for (const name of Object.keys(value)) {
          const q = parseQuantity(value[name]);
          if (q !== undefined && q.units < 0n) out.push({ path: childPath(path, name), value: value[name], message: `${key}.${name} is negative`, fix: `use a quantity of 0 or more, such as ${name === "memory" ? '"16Gi"' : '"1"'}` });
        }
        if (subject.manifest.kind === "PersistentVolumeClaim" && key === "requests" && path === "spec.resources.requests") {
          const q = parseQuantity(value["storage"]);
          if (q !== undefined && q.units === 0n) out.push({ path: childPath(path, "storage"), value: value["storage"], message: "a PersistentVolumeClaim of size 0 is rejected by the API server", fix: 'request a size such as "100Gi"' });
        }
      }
      if (key === "sizeLimit" && value !== undefined) {
        const q = parseQuantity(value);
        if (q === undefined) out.push({ path, value, message: "sizeLimit is not a Kubernetes quantity", fix: 'use a quantity such as "16Gi"' });
        else if (q.units <= 0n) out.push({ path, value, message: "an emptyDir sizeLimit of 0 or less leaves the volume no space", fix: 'use a positive size such as "16Gi", or drop sizeLimit' });
      }
      return out;
    }),
});

const PORT_FIELDS = new Set(["containerPort", "hostPort", "port", "targetPort", "nodePort"]);
/** `--port=8080`, `--grpc-port=9000`, `port:8080`, `--http_port=8080` (the number in group 1). */
const PORT_ARG = /^(?:-{1,2})?(?:[A-Za-z0-9]+[-_.])*port[=:]\s*(-?\d+)$/i;
/** A flag that takes a port as the next argument (`--port 8080`). */
const PORT_FLAG = /^-{1,2}(?:[A-Za-z0-9]+[-_.])*port$/i;

function badPort(n: number): boolean {
  return !Number.isInteger(n) || n < 1 || n > 65535;
}

const PORT_KEYS = siteKeys(...PORT_FIELDS, "args", "command");

/** Ports: 1 to 65535 in port fields and in args or commands such as `--port=99999`. */
export const portRule = defineManifestRule({
  id: "k8s/port",
  severity: "error",
  summary: "Every port (container ports, probe ports, service ports, and ports inside args such as --port=8080 or port:8080) is a whole number from 1 to 65535.",
  why: "The API server rejects port fields outside 1..65535; a server given such a port in its args fails at start.",
  fix: "use a port from 1 to 65535",
  on: "manifest",
  reads: [...PORT_KEYS],
  check: (subject) =>
    scan(subject, PORT_KEYS, (path, key, value) => {
      if (typeof key === "string" && PORT_FIELDS.has(key) && typeof value === "number") {
        if (badPort(value)) return [{ path, value, message: `${key} ${String(value)} is not a port (1 to 65535)`, fix: "use a port from 1 to 65535, such as 8080" }];
        return undefined;
      }
      if ((key === "args" || key === "command") && Array.isArray(value)) {
        const out: Finding[] = [];
        value.forEach((arg: unknown, i) => {
          if (typeof arg !== "string") return;
          const m = PORT_ARG.exec(arg);
          if (m !== null && badPort(Number(m[1]))) {
            out.push({ path: `${path}[${i}]`, value: arg, message: `the port ${m[1] as string} in ${JSON.stringify(arg)} is not a port (1 to 65535); the server fails at start`, fix: "use a port from 1 to 65535, such as 8080" });
            return;
          }
          const next: unknown = value[i + 1];
          if (PORT_FLAG.test(arg) && typeof next === "string" && /^-?\d+$/.test(next) && badPort(Number(next))) {
            out.push({ path: `${path}[${i + 1}]`, value: next, message: `the port ${next} given to ${arg} is not a port (1 to 65535); the server fails at start`, fix: "use a port from 1 to 65535, such as 8080" });
          }
        });
        return out;
      }
      return undefined;
    }),
});

const PROBE_KEYS = new Set(["readinessProbe", "livenessProbe", "startupProbe"]);
const PROBE_MINIMUMS: readonly [string, number][] = [
  ["initialDelaySeconds", 0],
  ["timeoutSeconds", 1],
  ["periodSeconds", 1],
  ["successThreshold", 1],
  ["failureThreshold", 1],
];

const PROBE_SITE_KEYS = siteKeys(...PROBE_KEYS);

/** Probe settings: whole numbers at their minimum or above; `successThreshold` 1 for liveness and startup. */
export const probeRule = defineManifestRule({
  id: "k8s/probe",
  severity: "error",
  summary: "Probe timings and thresholds are whole numbers at or above their minimum (delay 0, others 1), and liveness and startup probes have successThreshold 1.",
  why: "The API server rejects a pod whose liveness or startup probe has a successThreshold other than 1, and probe values below their minimum.",
  fix: "correct the probe setting",
  on: "manifest",
  reads: [...PROBE_SITE_KEYS],
  check: (subject) =>
    scan(subject, PROBE_SITE_KEYS, (path, key, value) => {
      if (typeof key !== "string" || !PROBE_KEYS.has(key) || !isRecord(value)) return undefined;
      const out: Finding[] = [];
      for (const [field, min] of PROBE_MINIMUMS) {
        const v = value[field];
        if (v === undefined) continue;
        if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
          out.push({ path: `${path}.${field}`, value: v, message: `${field} must be a whole number of at least ${min}`, fix: `use ${field === "failureThreshold" ? 3 : Math.max(min, 1)} or more` });
          continue;
        }
        if (field === "successThreshold" && key !== "readinessProbe" && v !== 1) {
          out.push({ path: `${path}.${field}`, value: v, message: `successThreshold must be 1 for a ${key === "livenessProbe" ? "liveness" : "startup"} probe`, fix: "drop successThreshold (it defaults to 1), or set it to 1" });
        }
      }
      return out;
    }),
});

const CONTAINER_KEYS = siteKeys("containers", "initContainers");

/** Security contexts that can never start: `runAsNonRoot: true` with `runAsUser: 0`. */
export const runAsRootRule = defineManifestRule({
  id: "k8s/run-as-root",
  severity: "error",
  summary: "A container (or pod) with runAsNonRoot: true does not run as user 0.",
  why: "The kubelet refuses to start a container that must run as non-root but is told to run as UID 0; the pod never starts (CreateContainerConfigError).",
  fix: "drop runAsUser: 0 (use a non-zero UID), or drop runAsNonRoot",
  on: "manifest",
  reads: [...CONTAINER_KEYS],
  check: (subject) =>
    scan(subject, CONTAINER_KEYS, (path, key, value, parent) => {
      if (!(key === "containers" || key === "initContainers") || !Array.isArray(value) || !isRecord(parent)) return undefined;
      const pod = isRecord(parent["securityContext"]) ? parent["securityContext"] : {};
      const out: Finding[] = [];
      value.forEach((c: unknown, i) => {
        if (!isRecord(c)) return;
        const own = isRecord(c["securityContext"]) ? c["securityContext"] : {};
        const nonRoot = own["runAsNonRoot"] ?? pod["runAsNonRoot"];
        const user = own["runAsUser"] ?? pod["runAsUser"];
        if (nonRoot === true && user === 0) {
          const podPath = path.slice(0, Math.max(0, path.length - key.length - 1));
          const at = own["runAsUser"] === 0 ? `${path}[${i}].securityContext.runAsUser` : `${childPath(podPath, "securityContext")}.runAsUser`;
          out.push({ path: at, value: 0, message: "the container must run as non-root (runAsNonRoot: true) but is told to run as user 0: the kubelet never starts it", fix: "set runAsUser to a non-zero UID (or leave it to the image), or drop runAsNonRoot" });
        }
      });
      return out;
    }),
});

/** The Kubernetes syntax rules every build runs on its manifests, in order. */
export const KUBERNETES_RULES: readonly ManifestRule[] = [envNameRule, envNamePortableRule, labelRule, annotationRule, tolerationRule, resourceNameRule, quantityRule, portRule, probeRule, runAsRootRule];

/** The manifest rules every build runs on what it renders: the Kubernetes syntax rules and the credential check. */
export const BUILD_MANIFEST_RULES: readonly ManifestRule[] = [...KUBERNETES_RULES, secretLiteralRule, uriCredentialsRule, uriPathRule];

/**
 * Runs the Kubernetes syntax rules (and the credential check) on each of `manifests` (as one app). A
 * manifest the build's own rules checked as one of `subjects`, for the same target and app, is checked
 * as that subject (its walk and derived values are shared; these rules read no `known` facts).
 */
export function checkKubernetesSyntax(manifests: readonly Manifest[], target: ManifestSubject["target"], subjects?: readonly ManifestSubject[]): IssueDraft[] {
  const drafts: IssueDraft[] = [];
  for (const manifest of manifests) {
    const own = subjects?.find((s) => s.manifest === manifest && s.target === target && s.lint === undefined && sameManifests(s.app, manifests));
    drafts.push(...runManifestRules(BUILD_MANIFEST_RULES, own ?? { manifest, target, app: manifests }));
  }
  return drafts;
}

/** Whether two lists hold the same manifest objects in the same order. */
function sameManifests(a: readonly Manifest[], b: readonly Manifest[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}
