/**
 * Rules on the containers of InferenceService and runtime manifests, wherever they came from (engines,
 * presets, raw specs, predictorOverrides, or YAML the library did not write): KServe's blocked
 * variables, resource quantities, extended resources, and flags set twice.
 */
import type { Container, Manifest } from "../k8s";
import type { IssueDraft } from "../errors";
import type { Finding, ManifestSubject, Rule } from "../rules/registry";
import { defineManifestRule, defineRule, derive, runRules } from "../rules/registry";
import { ENV_NAME } from "../names";
import type { EnvValue } from "./env";
import { envNameFix } from "./env";
import type { VolumeProps } from "./volumes";
import { VOLUME_SOURCES } from "./volumes";
import { getIn, isRecord, recordsOf } from "../canonical";
import { compareStrings } from "../canonical";
import { BLOCKED_ENV } from "./env";
import { isAcceleratorResource, vendorOf } from "../accelerators/registry";
import { compareQuantities, isQuantity } from "../quantity";
import { isRuntimeManifest, KSERVE_CONTAINER, runtimeContainers, runtimeOfService, runtimeSpec } from "../runtime/ref";


/** Resource names that are not extended resources. */
const STANDARD_RESOURCES = /^(cpu|memory|storage|ephemeral-storage|hugepages-.+)$|(^|\.)kubernetes\.io\//;

/** True for extended resources (vendor-domain names such as nvidia.com/gpu). */
export function isExtendedResource(name: string): boolean {
  return name.includes("/") && !STANDARD_RESOURCES.test(name);
}

/** Framework shorthands of PredictorSpec (exactly one implementation is allowed). */
export const PREDICTOR_IMPLEMENTATIONS = ["sklearn", "xgboost", "tensorflow", "pytorch", "triton", "onnx", "huggingface", "pmml", "lightgbm", "paddle", "model", "containers"] as const;

/** The implementation keys that hold one container KServe merges with a runtime's (all but `containers`). */
export const IMPLEMENTATION_CONTAINERS = PREDICTOR_IMPLEMENTATIONS.filter((k) => k !== "containers");

/** Kinds of manifests that rules declare they look at. */
export const SERVICE_KINDS: readonly string[] = ["InferenceService"];
export const RUNTIME_KINDS: readonly string[] = ["ServingRuntime", "ClusterServingRuntime"];
export const POD_KINDS: readonly string[] = [...SERVICE_KINDS, ...RUNTIME_KINDS];

/** True for a KServe InferenceService manifest. */
export function isServiceManifest(m: Manifest): boolean {
  return m.kind === "InferenceService" && m.apiVersion === "serving.kserve.io/v1beta1";
}

/** A container of a manifest, with its path and whether extended-resource rules apply to it. */
export interface ContainerAt {
  readonly path: string;
  readonly container: Container;
  /** False for the containers KServe merges with a runtime's (their merged resources are checked instead). */
  readonly extendedResources: boolean;
}

/** The containers of an InferenceService predictor or a runtime (main containers, then workers). */
export function manifestContainers(manifest: Manifest): ContainerAt[] {
  const out: ContainerAt[] = [];
  if (isServiceManifest(manifest)) {
    const predictor = getIn(manifest, ["spec", "predictor"]);
    if (!isRecord(predictor)) return out;
    for (const key of IMPLEMENTATION_CONTAINERS) {
      const c = predictor[key];
      if (isRecord(c)) out.push({ path: `spec.predictor.${key}`, container: c as Container, extendedResources: false });
    }
    (Array.isArray(predictor["containers"]) ? predictor["containers"] : []).forEach((c, i) => {
      if (isRecord(c)) out.push({ path: `spec.predictor.containers[${i}]`, container: c as Container, extendedResources: true });
    });
  } else if (isRuntimeManifest(manifest)) {
    const spec = isRecord(manifest["spec"]) ? manifest["spec"] : {};
    runtimeContainers(spec).forEach((c, i) => out.push({ path: `spec.containers[${i}]`, container: c, extendedResources: true }));
    const worker = spec["workerSpec"];
    if (isRecord(worker)) runtimeContainers(worker).forEach((c, i) => out.push({ path: `spec.workerSpec.containers[${i}]`, container: c, extendedResources: true }));
  }
  return out;
}

/** Requests and limits to check, with the path they are reported at. */
export interface ResourcesAt {
  readonly path: string;
  readonly resources: Container["resources"];
  /** Whether the extended-resource rules apply. */
  readonly extended: boolean;
}

/** The path of an InferenceService's model resources merged with its runtime's (what the pod really gets). */
export const MERGED_RESOURCES_PATH = "spec.predictor.model.resources (merged with the runtime's)";

/**
 * Every set of resources of a manifest: each container's, and for an InferenceService the model's
 * resources merged with those of its runtime's kserve-container (KServe merges them per resource name).
 */
export function manifestResources(subject: ManifestSubject): ResourcesAt[] {
  return derive(subject, manifestResources, () => computeResources(subject));
}

/** The containers of the subject's manifest (computed once per subject). */
export function containersOf(subject: ManifestSubject): ContainerAt[] {
  return derive(subject, containersOf, () => manifestContainers(subject.manifest));
}

function computeResources(subject: ManifestSubject): ResourcesAt[] {
  const out: ResourcesAt[] = containersOf(subject).map((c) => ({ path: `${c.path}.resources`, resources: c.container.resources, extended: c.extendedResources }));
  if (isServiceManifest(subject.manifest)) {
    const model = getIn(subject.manifest, ["spec", "predictor", "model"]);
    if (isRecord(model)) {
      const runtime = runtimeOfService(subject);
      const rs = runtime !== undefined ? runtimeSpec(runtime) : undefined;
      const main = rs !== undefined ? runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER) : undefined;
      const own = model["resources"] as Container["resources"];
      const requests = { ...(main?.resources?.requests ?? {}), ...(own?.requests ?? {}) };
      const limits = { ...(main?.resources?.limits ?? {}), ...(own?.limits ?? {}) };
      out.push({ path: MERGED_RESOURCES_PATH, resources: { requests, limits }, extended: true });
    }
  }
  return out;
}

/**
 * The keys the resource rules read: a container's `resources`, or an InferenceService's `model`, whose
 * merged resources may come from its runtime's kserve-container alone.
 */
const RESOURCE_READS = ["resources", "model"];

export const blockedEnvRule = defineManifestRule({
  id: "kserve/blocked-env",
  severity: "error",
  summary: "No container of an InferenceService or runtime sets an environment variable KServe's webhook blocks (PYTHONPATH and the like).",
  why: "KServe's admission webhook rejects the whole object when any container sets one of these variables, so the apply fails.",
  fix: "remove the variable; install packages into the image's site-packages instead",
  on: "manifest",
  kinds: POD_KINDS,
  reads: ["env"],
  check: (subject) =>
    containersOf(subject).flatMap(({ path, container }) =>
      recordsOf<{ name?: unknown }>(container.env).flatMap((v, i): Finding[] =>
        (BLOCKED_ENV as readonly unknown[]).includes(v.name)
          ? [{ path: `${path}.env[${i}]`, value: v.name, message: `${String(v.name)} is blocked by KServe's admission webhook in every container`, fix: `remove ${String(v.name)}; install packages into the image's site-packages instead` }]
          : [],
      ),
    ),
});

/** Quantity findings for one set of resources. */
export function quantityFindings(path: string, resources: Container["resources"]): Finding[] {
  if (resources === undefined) return [];
  const out: Finding[] = [];
  for (const kind of ["requests", "limits"] as const) {
    const map = resources[kind] ?? {};
    for (const name of Object.keys(map).sort(compareStrings)) {
      const value = map[name];
      if (!isQuantity(value)) {
        out.push({ path: `${path}.${kind}.${name}`, value, message: `${kind}.${name} is not a Kubernetes quantity`, fix: `use a quantity such as ${name === "memory" ? '"16Gi"' : name === "cpu" ? '"500m" or "2"' : "1"}` });
      }
    }
  }
  return out;
}

/** Request-above-limit findings for one set of resources. */
export function requestAboveLimitFindings(path: string, resources: Container["resources"]): Finding[] {
  if (resources === undefined) return [];
  const out: Finding[] = [];
  const requests = resources.requests ?? {};
  const limits = resources.limits ?? {};
  for (const name of Object.keys(requests).sort(compareStrings)) {
    const request = requests[name];
    const limit = limits[name];
    if (request === undefined || limit === undefined || !isQuantity(request) || !isQuantity(limit)) continue;
    if (compareQuantities(request, limit) > 0) {
      out.push({ path: `${path}.requests.${name}`, value: request, message: `the ${name} request ${String(request)} is above its limit ${String(limit)}; Kubernetes rejects the pod`, fix: `lower the request to at most ${String(limit)} or raise the limit` });
    }
  }
  return out;
}

export const quantityRule = defineManifestRule({
  id: "resources/quantity",
  severity: "error",
  summary: "Every request and limit of a container is a Kubernetes quantity.",
  why: "The API server rejects a pod template whose resources are not quantities (\"quantities must match the regular expression\"), so the InferenceService or runtime never gets pods.",
  fix: 'use a quantity such as "500m", "2", "16Gi" or 1',
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) => manifestResources(subject).flatMap((r) => quantityFindings(r.path, r.resources)),
});

export const requestAboveLimitRule = defineManifestRule({
  id: "resources/request-above-limit",
  severity: "error",
  summary: "No container requests more of a resource than its limit (the model's resources merged with the runtime's included).",
  why: "Kubernetes rejects a pod whose request exceeds its limit (\"must be less than or equal to limit\"), so the Deployment or Knative revision never becomes ready.",
  fix: "lower the request or raise the limit",
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) => manifestResources(subject).flatMap((r) => requestAboveLimitFindings(r.path, r.resources)),
});

function extendedNames(resources: Container["resources"]): string[] {
  return [...new Set([...Object.keys(resources?.requests ?? {}), ...Object.keys(resources?.limits ?? {})])].filter(isExtendedResource).sort();
}

function eachExtended(subject: ManifestSubject, visit: (path: string, name: string, request: unknown, limit: unknown) => Finding[]): Finding[] {
  return manifestResources(subject)
    .filter((r) => r.extended && r.resources !== undefined)
    .flatMap((r) => extendedNames(r.resources).flatMap((name) => visit(r.path, name, r.resources?.requests?.[name], r.resources?.limits?.[name])));
}

const wholeCount = (limit: unknown): boolean => /^\d+$/.test(String(limit)) && Number(limit) >= 1;

export const extendedLimitRule = defineManifestRule({
  id: "resources/extended-limit",
  severity: "error",
  summary: "An extended resource (nvidia.com/gpu, amd.com/gpu, ...) that is requested also has a limit.",
  why: "Extended resources cannot be overcommitted: Kubernetes rejects a container that requests one without a limit.",
  fix: "set the limit to the requested count",
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) =>
    eachExtended(subject, (path, name, request, limit) =>
      limit === undefined ? [{ path: `${path}.limits.${name}`, value: request, message: `${name} is an extended resource: Kubernetes requires a limit (requests alone are rejected)`, fix: `set limits.${name} to ${String(request)}` }] : [],
    ),
});

export const extendedCountRule = defineManifestRule({
  id: "resources/extended-count",
  severity: "error",
  summary: "An extended resource is counted in whole devices (1 or more).",
  why: "Kubernetes rejects fractional or zero extended-resource limits (\"must be an integer\"); devices are not shared by quantity.",
  fix: "use a whole number of 1 or more",
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) =>
    eachExtended(subject, (path, name, _request, limit) => (limit !== undefined && !wholeCount(limit) ? [{ path: `${path}.limits.${name}`, value: limit, message: `${name} is counted in whole devices`, fix: "use a whole number of 1 or more" }] : [])),
});

export const extendedOvercommitRule = defineManifestRule({
  id: "resources/extended-overcommit",
  severity: "error",
  summary: "The request of an extended resource equals its limit.",
  why: "Extended resources cannot be overcommitted: Kubernetes rejects a container whose extended-resource request differs from its limit.",
  fix: "set the request to the limit, or drop it (it defaults to the limit)",
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) =>
    eachExtended(subject, (path, name, request, limit) =>
      limit !== undefined && wholeCount(limit) && request !== undefined && isQuantity(request) && compareQuantities(request as string | number, limit as string | number) !== 0
        ? [{ path: `${path}.requests.${name}`, value: request, message: `${name} cannot be overcommitted: the request ${String(request)} must equal the limit ${String(limit)}`, fix: `set requests.${name} to ${String(limit)} or drop it (it defaults to the limit)` }]
        : [],
    ),
});

export const oneVendorRule = defineManifestRule({
  id: "resources/one-vendor",
  severity: "error",
  summary: "One container requests accelerators of one vendor only.",
  why: "A serving process drives one vendor's devices (CUDA, ROCm, Habana, Spyre); devices of a second vendor are reserved on the node and never used.",
  fix: "request one vendor's accelerators per container",
  on: "app",
  kinds: POD_KINDS,
  reads: RESOURCE_READS,
  check: (subject) =>
    manifestResources(subject)
      .filter((r) => r.extended && r.resources !== undefined)
      .flatMap((r): Finding[] => {
        const names = extendedNames(r.resources).filter(isAcceleratorResource);
        const vendors = [...new Set(names.map(vendorOf))];
        return vendors.length > 1 ? [{ path: r.path, value: names, message: `one container requests accelerators of ${vendors.join(" and ")}; a server uses one vendor's devices`, fix: "request one vendor's accelerators per container" }] : [];
      }),
});

/** The flag an argument sets (`--max-model-len=4096` and `--max-model-len` give `--max-model-len`), or undefined. */
export function flagOf(arg: string): string | undefined {
  if (/^--[A-Za-z0-9]/.test(arg)) return arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
  if (/^-[A-Za-z]$/.test(arg) || /^-[A-Za-z]=/.test(arg)) return arg.slice(0, 2);
  return undefined;
}

/** One source of args with the path it came from. */
export interface ArgSource {
  readonly path: string;
  readonly args: readonly string[];
}

/** Flags set more than once across the sources (KServe concatenates runtime args and model args). */
export function duplicateFlagFindings(sources: readonly ArgSource[], repeatable: readonly string[]): Finding[] {
  const seen = new Map<string, string>();
  const out: Finding[] = [];
  for (const source of sources) {
    source.args.forEach((arg, i) => {
      const flag = flagOf(arg);
      if (flag === undefined || repeatable.includes(flag)) return;
      const at = `${source.path}[${i}]`;
      const first = seen.get(flag);
      if (first !== undefined) {
        out.push({
          path: at,
          value: arg,
          message: `flag ${flag} is already set at ${first}; KServe appends the model's args to the runtime's, so the server sees it twice`,
          fix: `set ${flag} once: drop it from one place (make it an engine parameter to vary it per model), or list it in the engine's repeatableFlags`,
        });
      } else {
        seen.set(flag, at);
      }
    });
  }
  return out;
}

const stringArgs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((a): a is string => typeof a === "string") : []);

export const duplicateFlagRule = defineManifestRule({
  id: "args/duplicate-flag",
  severity: "error",
  summary: "A flag is set once in a runtime's kserve-container args, and an InferenceService's model args do not repeat a flag of its runtime.",
  why: "KServe appends the model's args to the runtime's; most servers (vLLM's argparse among them) then take the last value or fail on the repeated flag, so the model runs with settings nobody chose.",
  fix: "set the flag in one place (an engine parameter to vary it per model), or list it in the engine's repeatableFlags",
  on: "app",
  kinds: POD_KINDS,
  reads: ["args"],
  check: (subject) => {
    const { manifest } = subject;
    const repeatable = subject.known?.repeatableFlags ?? [];
    if (isRuntimeManifest(manifest)) {
      const spec = isRecord(manifest["spec"]) ? manifest["spec"] : {};
      return runtimeContainers(spec).flatMap((c, i) => (c.name === KSERVE_CONTAINER ? duplicateFlagFindings([{ path: `spec.containers[${i}].args`, args: stringArgs(c.args) }], repeatable) : []));
    }
    if (!isServiceManifest(manifest)) return [];
    const model = getIn(manifest, ["spec", "predictor", "model"]);
    if (!isRecord(model)) return [];
    const runtime = runtimeOfService(subject);
    const rs = runtime !== undefined ? runtimeSpec(runtime) : undefined;
    const main = rs !== undefined ? runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER) : undefined;
    if (runtime === undefined || main === undefined) return [];
    const repeatableFlags = runtime.engine?.repeatableFlags ?? subject.known?.repeatableFlags ?? [];
    return duplicateFlagFindings(
      [
        { path: `runtime ${runtime.name}: args`, args: stringArgs(main.args) },
        { path: "spec.predictor.model.args", args: stringArgs(model["args"]) },
      ],
      repeatableFlags,
    ).filter((d) => d.path.startsWith("spec.predictor"));
  },
});

/** The container rules, in the order builds run them. */
export const CONTAINER_RULES = [blockedEnvRule, quantityRule, requestAboveLimitRule, extendedLimitRule, extendedCountRule, extendedOvercommitRule, oneVendorRule] as const;

/** Env names that say the variable holds a credential. */
const CREDENTIAL_NAME = /(^|_)(SECRET|PASSWORD|PASSWD|PASS|TOKEN|API_?KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CLIENT_SECRET|CONNECTION_STRING|CREDENTIALS?|AUTH)(_|$)/i;
/** Suffixes of names that hold where a credential is, or a switch, not the credential itself. */
const NOT_A_CREDENTIAL = /_(FILE|PATH|DIR|FILENAME|NAME|URL|URI|ENDPOINT|HEADER|ENABLED|DISABLED|TYPE|MODE|ID_KEY|KEY_NAME|SECRET_NAME|REF)$/i;

/**
 * The placeholder the Pulumi adapter puts where an Input (an Output, a secret, a config value) stands
 * while it builds without the values: such a value is not written in the program.
 */
const INPUT_PLACEHOLDER = /^x--\d+--x$/;

/** True when an env var named `name` with literal `value` looks like a credential written in plain text. */
export function isSecretLiteral(name: string, value: string): boolean {
  if (!CREDENTIAL_NAME.test(name) || NOT_A_CREDENTIAL.test(name)) return false;
  const v = value.trim();
  if (v === "" || v.startsWith("/") || /^(true|false|yes|no|on|off|0|1)$/i.test(v)) return false;
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v)) return false; // a reference to another variable
  if (INPUT_PLACEHOLDER.test(v)) return false; // a Pulumi Input (a secret or config value), not a literal
  return true;
}

/** Credentials as literal env values: they would be written in plain text into manifests and Git. */
export const secretLiteralRule = defineManifestRule({
  id: "env/secret-literal",
  severity: "error",
  summary: "An environment variable whose name says it holds a credential (AWS_SECRET_ACCESS_KEY, *_TOKEN, *_PASSWORD, *_API_KEY) takes its value from a Secret, not a literal.",
  why: "A literal value is written in plain text into the manifests (and the Git repository Argo CD or Flux reads); anyone who can read them has the credential.",
  fix: "store the value in a Secret and reference it with Env.fromSecret(secretName, key)",
  on: "manifest",
  reads: ["env"],
  check: ({ manifest }) => {
    const findings: Finding[] = [];
    const visit = (value: unknown, path: string, depth: number): void => {
      if (depth > 64 || value === null || typeof value !== "object") return;
      if (Array.isArray(value)) {
        value.forEach((v: unknown, i) => visit(v, `${path}[${i}]`, depth + 1));
        return;
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        const at = path === "" ? key : `${path}.${key}`;
        if (key === "env" && Array.isArray(child)) {
          child.forEach((v: unknown, i) => {
            if (v === null || typeof v !== "object") return;
            const { name, value: literal } = v as { name?: unknown; value?: unknown };
            if (typeof name === "string" && typeof literal === "string" && isSecretLiteral(name, literal)) {
              findings.push({
                path: `${at}[${i}].value`,
                value: `(${literal.length} characters, not shown)`,
                message: `${name} looks like a credential, and its value is a literal that would be written in plain text into the manifests`,
                fix: `store it in a Secret and reference it: env: { ${name}: Env.fromSecret("<secret name>", "${name}") }`,
              });
            }
          });
        }
        visit(child, at, depth + 1);
      }
    };
    visit(manifest, "", 0);
    return findings;
  },
});

// ---------------------------------------------------------------------------------------------------
// Props rules on env and volumes given to engines and InferenceServices

/** Env variables given in props, with their prop path. */
export interface EnvPropsSubject {
  /** The prop path of the env map (`env`, `versions.1.0.env`). */
  readonly path: string;
  /** The variables. */
  readonly env: Readonly<Record<string, EnvValue>>;
}

/** Env names in props are C identifiers (values are checked by the manifest rules). */
export const envPropNameRule = defineRule<EnvPropsSubject>({
  id: "env/name",
  severity: "error",
  on: "props",
  summary: "Each environment variable name given in props starts with a letter or '_' and has only letters, digits and '_'.",
  why: "Kubernetes refuses a container whose env names are not C identifiers, so the pods of the runtime or InferenceService are never created.",
  fix: "rename the variable to letters, digits and '_'",
  check: ({ path, env }) =>
    Object.keys(env)
      .sort(compareStrings)
      .filter((name) => !ENV_NAME.test(name))
      .map((name) => ({ path: `${path}.${name}`, value: name, message: "an environment variable name must start with a letter or '_' and contain only letters, digits and '_'", fix: envNameFix(name) })),
});

/** Checks env names (C identifiers). Values are checked by the manifest rules. */
export function checkEnvNames(path: string, env: Readonly<Record<string, EnvValue>> | undefined): IssueDraft[] {
  return env === undefined ? [] : runRules([envPropNameRule], { path, env });
}

/** One volume given in props, with the volumes before it. */
export interface VolumePropsSubject {
  /** The volume's prop path (`volumes[0]`). */
  readonly path: string;
  /** The volume. */
  readonly volume: VolumeProps;
  /** The volumes listed before it. */
  readonly earlier: readonly VolumeProps[];
}

/** A volume has one source. */
export const volumeOneSourceRule = defineRule<VolumePropsSubject>({
  id: "volumes/one-source",
  severity: "error",
  on: "props",
  summary: "Each volume has exactly one source (emptyDir, configMap, secret or persistentVolumeClaim).",
  why: "Kubernetes refuses a pod volume with no source or with several.",
  fix: `give exactly one of ${VOLUME_SOURCES.join(", ")}`,
  check: ({ path, volume }) => {
    const sources = VOLUME_SOURCES.filter((s) => volume[s] !== undefined);
    return sources.length === 1 ? [] : [{ path, value: sources, message: `volume "${volume.name}" must have exactly one source, has ${sources.length === 0 ? "none" : sources.join(" and ")}` }];
  },
});

/** Volume names are unique. */
export const volumeUniqueNameRule = defineRule<VolumePropsSubject>({
  id: "volumes/unique-name",
  severity: "error",
  on: "props",
  summary: "No two volumes have the same name.",
  why: "Kubernetes refuses a pod with two volumes of one name.",
  fix: "give each volume its own name",
  check: ({ path, volume, earlier }) => (earlier.some((v) => v.name === volume.name) ? [{ path: `${path}.name`, value: volume.name, message: `volume name "${volume.name}" is used twice` }] : []),
});

/** Mount paths are absolute. */
export const volumeMountPathRule = defineRule<VolumePropsSubject>({
  id: "volumes/mount-path",
  severity: "error",
  on: "props",
  summary: "Each volume's mountPath is absolute.",
  why: "Kubernetes refuses a container whose volume mounts are not absolute paths.",
  fix: "start the mount path with /",
  check: ({ path, volume }) => (volume.mountPath.startsWith("/") ? [] : [{ path: `${path}.mountPath`, value: volume.mountPath, message: "mountPath must be absolute", fix: `use "/${volume.mountPath}"` }]),
});

/** Mount paths are unique. */
export const volumeUniqueMountRule = defineRule<VolumePropsSubject>({
  id: "volumes/unique-mount",
  severity: "error",
  on: "props",
  summary: "No two volumes are mounted at the same path.",
  why: "Kubernetes refuses a container with two mounts at one path.",
  fix: "mount each volume at its own path",
  check: ({ path, volume, earlier }) => (earlier.some((v) => v.mountPath === volume.mountPath) ? [{ path: `${path}.mountPath`, value: volume.mountPath, message: `two volumes are mounted at ${volume.mountPath}` }] : []),
});

/** The rules on each volume given in props, in the order they run. */
export const VOLUME_PROPS_RULES: readonly Rule<VolumePropsSubject>[] = [volumeOneSourceRule, volumeUniqueNameRule, volumeMountPathRule, volumeUniqueMountRule];

/** Checks that each volume has exactly one source and names and mount paths are unique. */
export function checkVolumes(path: string, volumes: readonly VolumeProps[] | undefined): IssueDraft[] {
  if (volumes === undefined) return [];
  return volumes.flatMap((volume, index) => runRules(VOLUME_PROPS_RULES, { path: `${path}[${index}]`, volume, earlier: volumes.slice(0, index) }));
}
