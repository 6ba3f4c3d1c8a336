/**
 * Rules on a rendered ServingRuntime / ClusterServingRuntime, mirroring KServe's runtime admission
 * webhook and the runtime conventions its controller depends on. They run on the manifest, so they
 * cover engines, presets and raw specs alike.
 */
import type { Container } from "../k8s";
import type { IssueDraft } from "../errors";
import type { Finding, ManifestRule, ManifestSubject, Rule } from "../rules/registry";
import { POD_KINDS, RUNTIME_KINDS } from "../pod/rules";
import { defineManifestRule } from "../rules/registry";
import { getIn, isRecord, recordsOf } from "../canonical";
import { CONTAINER_RULES, duplicateFlagRule, isServiceManifest } from "../pod/rules";
import { eachString, templateFindings } from "../templates";
import type { RuntimeInfo, SupportedModelFormat } from "./ref";
import { isRuntimeManifest, KSERVE_CONTAINER, runtimeContainers, runtimeFormats, runtimeFromManifest, runtimeMultiModel, runtimeProtocols, runtimeSpec, TRANSFORMER_CONTAINER, WORKER_CONTAINER } from "./ref";
import { KSERVE } from "../keys";
import { appIndex } from "../rules/app-index";
import { MODELMESH_RUNTIME_RULES } from "../modelmesh/rules";
import { featureGate } from "../target/rules";
import { KSERVE_GPU_RESOURCES } from "../accelerators/registry";
import { defineRule, runRules } from "../rules/registry";
import { DNS1123_SUBDOMAIN, toDns1035 } from "../names";

/** Resources KServe's multi-node validation does not treat as devices. */
const NON_DEVICE_RESOURCES = ["cpu", "memory", "storage", "ephemeral-storage"];

/** Custom GPU resource types declared in an annotation map (`serving.kserve.io/gpu-resource-types`). */
export function declaredGpuTypes(annotations: Record<string, unknown> | undefined): string[] {
  const raw = annotations?.[KSERVE.gpuResourceTypes];
  if (typeof raw !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** KServe's multi-node rule: device resources must be GPU types it knows or that the annotation declares. */
function gpuTypeFindings(path: string, resources: Container["resources"], declared: readonly string[], where: string): Finding[] {
  const names = new Set([...Object.keys(resources?.requests ?? {}), ...Object.keys(resources?.limits ?? {})]);
  const known = [...KSERVE_GPU_RESOURCES, ...declared];
  return [...names]
    .filter((n) => !NON_DEVICE_RESOURCES.includes(n) && !known.includes(n))
    .sort()
    .map((n) => ({
      path: `${path}.resources`,
      value: n,
      message: `KServe's multi-node validation does not know the device resource ${n} (it knows ${KSERVE_GPU_RESOURCES.join(", ")})`,
      fix: `declare it in the ${where} annotation ${KSERVE.gpuResourceTypes}: '["${n}"]' (the library does this for known accelerators such as IBM Spyre)`,
    }));
}

export { KSERVE_CONTAINER, TRANSFORMER_CONTAINER, WORKER_CONTAINER } from "./ref";


/** The spec of a runtime manifest, or undefined for other kinds. */
function runtimeSpecOf(subject: ManifestSubject): Record<string, unknown> | undefined {
  if (!isRuntimeManifest(subject.manifest)) return undefined;
  return isRecord(subject.manifest["spec"]) ? subject.manifest["spec"] : {};
}

const asFindings = (drafts: readonly { path: string; value: unknown; message: string; fix: string }[]): Finding[] => drafts.map(({ path, value, message, fix }) => ({ path, value, message, fix }));

export const kserveContainerRule = defineManifestRule({
  id: "runtime/kserve-container",
  severity: "error",
  summary: `A single-model runtime has a container named "${KSERVE_CONTAINER}".`,
  why: `KServe merges the InferenceService's model into the runtime container named ${KSERVE_CONTAINER}; without one it fails with "failed to find kserve-container" and no pod is created.`,
  fix: `name the serving container "${KSERVE_CONTAINER}"`,
  on: "manifest",
  kinds: RUNTIME_KINDS,
  check: (subject) => {
    const spec = runtimeSpecOf(subject);
    if (spec === undefined || spec["multiModel"] === true) return [];
    const containers = runtimeContainers(spec);
    return containers.some((c) => c.name === KSERVE_CONTAINER)
      ? []
      : [{ path: "spec.containers", value: containers.map((c) => c.name), message: `a single-model runtime needs a container named "${KSERVE_CONTAINER}"; KServe fails with "failed to find kserve-container"`, fix: `name the serving container "${KSERVE_CONTAINER}"` }];
  },
});

export const templateRule = defineManifestRule({
  id: "runtime/template",
  severity: "error",
  summary: "The kserve-container and transformer-container of a runtime, and an InferenceService's model command, args and env, use only the Go-template forms KServe substitutes.",
  why: "KServe renders these fields as Go templates over the InferenceService's metadata ({{.Name}}, {{.Namespace}}, {{.Labels.x}}, {{.Annotations.x}}); anything else in double braces fails the template and the InferenceService never reconciles.",
  fix: "use {{model_path}}, {{port}} or {{model_name}} (substituted by the library), or {{.Name}}, {{.Namespace}}, {{.Labels.key}}, {{.Annotations.key}}; for environment variables use $(VAR)",
  on: "manifest",
  kinds: POD_KINDS,
  reads: ["containers", "command", "args", "env"],
  check: (subject) => {
    const out: Finding[] = [];
    const spec = runtimeSpecOf(subject);
    if (spec !== undefined) {
      runtimeContainers(spec).forEach((c, i) => {
        if (c.name === KSERVE_CONTAINER || c.name === TRANSFORMER_CONTAINER) eachString(c, `spec.containers[${i}]`, (p, text) => out.push(...templateFindings(p, text)));
      });
    } else if (isServiceManifest(subject.manifest)) {
      const model = getIn(subject.manifest, ["spec", "predictor", "model"]);
      if (isRecord(model)) {
        for (const field of ["command", "args", "env"] as const) eachString(model[field], `spec.predictor.model.${field}`, (p, text) => out.push(...templateFindings(p, text)));
      }
    }
    return out;
  },
});

/** What the template rule checks outside a manifest: one string, with its path. */
export interface TemplateTextSubject {
  /** Where the text is. */
  readonly path: string;
  /** The text. */
  readonly text: string;
}

/** `runtime/template` (declared above on manifests), checked on one string. */
const templateTextRule: Rule<TemplateTextSubject> = { ...templateRule, on: "props", check: ({ path, text }) => templateFindings(path, text) };

/** Checks that only the Go-template forms KServe substitutes remain in `text` (the rule `runtime/template`). */
export function checkTemplate(path: string, text: string): IssueDraft[] {
  return runRules([templateTextRule], { path, text });
}

export const parallelSizeEnvRule = defineManifestRule({
  id: "runtime/parallel-size-env",
  severity: "error",
  summary: `A runtime's ${KSERVE_CONTAINER} does not set TENSOR_PARALLEL_SIZE or PIPELINE_PARALLEL_SIZE.`,
  why: "KServe sets these variables from workerSpec for multi-node serving, and its webhook rejects runtimes that set them.",
  fix: "set tensorParallelSize / pipelineParallelSize on the workerSpec (multi-node) or pass the engine's own flag",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["env"],
  check: (subject) => {
    const spec = runtimeSpecOf(subject);
    if (spec === undefined) return [];
    return runtimeContainers(spec).flatMap((c, i) =>
      c.name !== KSERVE_CONTAINER
        ? []
        : recordsOf<{ name?: unknown }>(c.env).flatMap((v, j) =>
            v.name === "TENSOR_PARALLEL_SIZE" || v.name === "PIPELINE_PARALLEL_SIZE"
              ? [{ path: `spec.containers[${i}].env[${j}]`, value: v.name, message: `KServe's webhook rejects ${String(v.name)} on ${KSERVE_CONTAINER}; KServe sets it from workerSpec`, fix: "set tensorParallelSize / pipelineParallelSize on the workerSpec (multi-node) or pass the engine's own flag" }]
              : [],
          ),
    );
  },
});

export const formatPriorityRule = defineManifestRule({
  id: "runtime/format-priority",
  severity: "error",
  summary: "A runtime gives each auto-selected format one priority.",
  why: "KServe's ServingRuntime webhook rejects a runtime that auto-selects the same format with two different priorities.",
  fix: "give every auto-selected entry of a format the same priority",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["priority"],
  check: (subject) => {
    const spec = runtimeSpecOf(subject);
    if (spec === undefined) return [];
    const formats = recordsOf<SupportedModelFormat>(spec["supportedModelFormats"]);
    const priorities = new Map<string, number | undefined>();
    const out: Finding[] = [];
    formats.forEach((f, i) => {
      if (f.autoSelect !== true) return;
      const first = priorities.get(f.name);
      if (priorities.has(f.name) && first !== undefined && f.priority !== undefined && first !== f.priority) {
        out.push({ path: `spec.supportedModelFormats[${i}].priority`, value: f.priority, message: `format "${f.name}" is auto-selected with two different priorities; KServe's webhook rejects the runtime`, fix: `give every auto-selected "${f.name}" entry the same priority` });
      }
      if (!priorities.has(f.name)) priorities.set(f.name, f.priority);
    });
    return out;
  },
});

export const workerContainersRule = defineManifestRule({
  id: "runtime/worker-containers",
  severity: "error",
  summary: "A runtime's workerSpec has at most one container.",
  why: "KServe's webhook allows at most one workerSpec container in a multi-node runtime.",
  fix: "keep one worker container",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["workerSpec"],
  check: (subject) => {
    const worker = runtimeSpecOf(subject)?.["workerSpec"];
    const containers = isRecord(worker) ? runtimeContainers(worker) : [];
    return containers.length > 1 ? [{ path: "spec.workerSpec.containers", value: containers.map((c) => c.name), message: "KServe allows at most one workerSpec container", fix: "keep one worker container" }] : [];
  },
});

export const multiNodeGpuTypeRule = defineManifestRule({
  id: "kserve/multi-node-gpu-type",
  severity: "error",
  summary: "In multi-node serving, every device resource of the head and worker containers is a GPU type KServe knows or the gpu-resource-types annotation declares.",
  why: "KServe's multi-node validation rejects device resources it does not know as GPU types unless serving.kserve.io/gpu-resource-types declares them.",
  fix: `declare the resource in the ${KSERVE.gpuResourceTypes} annotation`,
  on: "manifest",
  kinds: POD_KINDS,
  reads: ["workerSpec"],
  check: (subject) => {
    const { manifest } = subject;
    const spec = runtimeSpecOf(subject);
    if (spec !== undefined) {
      const worker = isRecord(spec["workerSpec"]) ? spec["workerSpec"] : undefined;
      if (worker === undefined) return [];
      const containers = runtimeContainers(spec);
      const mainIndex = containers.findIndex((c) => c.name === KSERVE_CONTAINER);
      const declared = declaredGpuTypes(isRecord(spec["annotations"]) ? spec["annotations"] : undefined);
      return [
        ...(mainIndex >= 0 ? gpuTypeFindings(`spec.containers[${mainIndex}]`, containers[mainIndex]?.resources, declared, "runtime spec.annotations") : []),
        ...runtimeContainers(worker).flatMap((c, i) => (c.name === WORKER_CONTAINER ? gpuTypeFindings(`spec.workerSpec.containers[${i}]`, c.resources, declared, "runtime spec.annotations") : [])),
      ];
    }
    if (!isServiceManifest(manifest)) return [];
    const predictor = getIn(manifest, ["spec", "predictor"]);
    if (!isRecord(predictor) || !isRecord(predictor["workerSpec"])) return [];
    const declared = declaredGpuTypes(manifest.metadata.annotations);
    const model = isRecord(predictor["model"]) ? predictor["model"] : undefined;
    const workers = Array.isArray(predictor["workerSpec"]["containers"]) ? predictor["workerSpec"]["containers"].filter(isRecord) : [];
    return [
      ...(model !== undefined ? gpuTypeFindings("spec.predictor.model", model["resources"] as Container["resources"], declared, "InferenceService metadata.annotations") : []),
      ...workers.flatMap((c, i) => gpuTypeFindings(`spec.predictor.workerSpec.containers[${i}]`, c["resources"] as Container["resources"], declared, "InferenceService metadata.annotations")),
    ];
  },
});

/** The runtimes to compare a runtime with: those the build knows (with their constructs), else the app's runtime manifests. */
function otherRuntimes(subject: ManifestSubject): readonly RuntimeInfo[] {
  const { manifest } = subject;
  const same = (m: typeof manifest): boolean => m === manifest || (m.kind === manifest.kind && m.metadata.name === manifest.metadata.name && (m.metadata.namespace ?? "") === (manifest.metadata.namespace ?? ""));
  if (subject.known?.runtimes !== undefined) return subject.known.runtimes;
  const index = appIndex(subject.app);
  return [...index.ofKind("ServingRuntime"), ...index.ofKind("ClusterServingRuntime")].filter((m) => isRuntimeManifest(m) && !same(m)).map(runtimeFromManifest);
}

export const formatConflictRule = defineManifestRule({
  id: "runtime/format-conflict",
  severity: "error",
  summary: "No two enabled runtimes of the same scope and kind auto-select the same format and version with the same priority for a common protocol.",
  why: "KServe's ServingRuntime webhook rejects the second runtime: its selector would have no tie-breaker between the two.",
  fix: "give one of them a different priority, set autoSelect: false on one, or disable one runtime",
  on: "app",
  kinds: RUNTIME_KINDS,
  reads: ["priority"],
  check: (subject) => {
    if (!isRuntimeManifest(subject.manifest)) return [];
    const runtime = runtimeFromManifest(subject.manifest);
    return asFindings(runtimeConflicts(runtime, otherRuntimes(subject)));
  },
});

/** The rules on a runtime manifest, in the order builds run them. */
export const RUNTIME_MANIFEST_RULES: readonly ManifestRule[] = [
  kserveContainerRule,
  ...CONTAINER_RULES,
  templateRule,
  parallelSizeEnvRule,
  duplicateFlagRule,
  formatPriorityRule,
  ...MODELMESH_RUNTIME_RULES,
  featureGate("multi-node"),
  workerContainersRule,
  multiNodeGpuTypeRule,
  featureGate("runtime-image-pull-secrets"),
  featureGate("runtime-host-ipc"),
  featureGate("runtime-scheduler-name"),
  featureGate("runtime-resource-claims"),
  featureGate("multinode-executor-backend"),
  featureGate("prometheus-annotations"),
  formatConflictRule,
];

/**
 * KServe's webhook: two enabled runtimes of the same scope (and namespace), both single- or both
 * multi-model, that declare a common protocol version, may not auto-select the same format (name,
 * case-insensitive, and version) with the same explicit priority (KServe's selector has no tie-breaker).
 */
function runtimeConflicts(runtime: RuntimeInfo, others: readonly RuntimeInfo[]): { path: string; value: unknown; message: string; fix: string }[] {
  const issues: { path: string; value: unknown; message: string; fix: string }[] = [];
  const spec = runtimeSpec(runtime);
  if (spec === undefined || spec["disabled"] === true) return [];
  const mine = (runtimeFormats(runtime) ?? []).filter((f) => f.autoSelect === true);
  for (const other of others) {
    if (other === runtime || other.manifest === runtime.manifest || !other.valid || other.kind !== runtime.kind) continue;
    if (runtime.kind === "ServingRuntime" && (other.namespace ?? "") !== (runtime.namespace ?? "")) continue;
    const otherSpec = runtimeSpec(other);
    if (otherSpec === undefined || otherSpec["disabled"] === true) continue;
    if (runtimeMultiModel(other) !== runtimeMultiModel(runtime)) continue;
    const p1 = runtimeProtocols(runtime) ?? [];
    const p2 = runtimeProtocols(other) ?? [];
    if (!p1.some((p) => p2.includes(p))) continue;
    for (const f of mine) {
      const clash = (runtimeFormats(other) ?? []).find(
        (g) => g.autoSelect === true && g.name.toLowerCase() === f.name.toLowerCase() && (g.version ?? "") === (f.version ?? "") && f.priority !== undefined && g.priority === f.priority,
      );
      if (clash !== undefined) {
        issues.push({
          path: "spec.supportedModelFormats",
          value: f,
          message: `${other.kind} "${other.name}" (${other.where}) already auto-selects format "${clash.name}"${f.version ? ` version ${f.version}` : ""} with priority ${String(f.priority)} for a common protocol; KServe's webhook rejects the second runtime`,
          fix: `give one of them a different priority, set autoSelect: false on one, or disable one runtime`,
        });
      }
    }
  }
  return issues;
}

/** What the existing-runtime rule looks at: the name and options given to `ServingRuntime.fromName`. */
export interface ExistingRuntimeSubject {
  readonly name: string;
  readonly kind: "ServingRuntime" | "ClusterServingRuntime";
  readonly namespace?: string;
}

/** A runtime referenced by name has a name the API server accepts. */
export const existingRuntimeNameRule = defineRule<ExistingRuntimeSubject>({
  id: "runtime/existing-name",
  severity: "error",
  summary: "a runtime referenced with ServingRuntime.fromName has a name the API server accepts, and a ClusterServingRuntime no namespace",
  why: "object names are DNS-1123 subdomains, and KServe puts the runtime's name in a label (at most 63 characters); a runtime with another name can never exist, so the InferenceService would never find it",
  fix: "use the runtime's name as `kubectl get servingruntimes,clusterservingruntimes` shows it",
  on: "props",
  check: ({ name, kind, namespace }) => {
    const findings: { path: string; value: unknown; message: string; fix?: string }[] = [];
    if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
      findings.push({ path: "name", value: name, message: "a runtime name is a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit", fix: `use a name such as "${toDns1035(name)}"` });
    } else if (name.length > 63) {
      findings.push({ path: "name", value: name, message: "KServe uses the runtime's name as a label value, which is at most 63 characters", fix: "use the runtime's actual (shorter) name" });
    }
    if (kind === "ClusterServingRuntime" && namespace !== undefined) {
      findings.push({ path: "namespace", value: namespace, message: "a ClusterServingRuntime is cluster-scoped and has no namespace", fix: 'remove namespace, or pass kind: "ServingRuntime"' });
    }
    return findings;
  },
});

/** The name of a runtime the library renders. */
export interface RuntimeNameSubject {
  /** The runtime's name. */
  readonly name: string;
}

/** KServe puts a runtime's name in a label, so it fits 63 characters. */
export const runtimeNameLengthRule = defineRule<RuntimeNameSubject>({
  id: "runtime/name-length",
  severity: "error",
  summary: "An engine's runtime name has at most 63 characters.",
  why: "KServe writes the runtime's name into a label of the pods it serves; a label value is at most 63 characters, so a longer name breaks the InferenceServices that use the runtime.",
  fix: "shorten the name to 63 characters",
  on: "props",
  check: ({ name }) => (name.length > 63 ? [{ path: "name", value: name, message: "a runtime name longer than 63 characters cannot be used as a label value by KServe" }] : []),
});
