/**
 * Rules on a rendered ServingRuntime / ClusterServingRuntime, mirroring KServe's runtime admission
 * webhook and the runtime conventions its controller depends on. They run on the manifest, so they
 * cover engines, presets and raw specs alike.
 */
import type { IssueDraft } from "../errors";
import type { Container, Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import { requireFeature } from "../target/resolve";
import { isRecord } from "../canonical";
import { checkContainer, checkDuplicateFlags } from "../pod/rules";
import { checkTemplate, eachString } from "../templates";
import type { RuntimeInfo, SupportedModelFormat } from "./ref";
import { runtimeContainers, runtimeFormats, runtimeMultiModel, runtimeProtocols, runtimeSpec } from "./ref";

import { KSERVE } from "../keys";
import { checkModelMeshRuntime } from "../modelmesh/rules";
import { KSERVE_GPU_RESOURCES } from "../../accelerators/registry";
import { defineRule } from "../rules/registry";
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
export function checkGpuResourceTypes(path: string, resources: Container["resources"], declared: readonly string[], where: string): IssueDraft[] {
  const names = new Set([...Object.keys(resources?.requests ?? {}), ...Object.keys(resources?.limits ?? {})]);
  const known = [...KSERVE_GPU_RESOURCES, ...declared];
  return [...names]
    .filter((n) => !NON_DEVICE_RESOURCES.includes(n) && !known.includes(n))
    .sort()
    .map((n) => ({
      path: `${path}.resources`,
      value: n,
      rule: "kserve/multi-node-gpu-type",
      message: `KServe's multi-node validation does not know the device resource ${n} (it knows ${KSERVE_GPU_RESOURCES.join(", ")})`,
      fix: `declare it in the ${where} annotation ${KSERVE.gpuResourceTypes}: '["${n}"]' (the library does this for known accelerators such as IBM Spyre)`,
    }));
}

/** Names of the containers KServe treats specially. */
export const KSERVE_CONTAINER = "kserve-container";
export const TRANSFORMER_CONTAINER = "transformer-container";
export const WORKER_CONTAINER = "worker-container";

/** Checks a rendered runtime manifest. `repeatableFlags` come from the engine. */
export function checkRuntimeManifest(manifest: Manifest, target: Target, repeatableFlags: readonly string[] = []): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const spec = isRecord(manifest["spec"]) ? manifest["spec"] : {};
  const containers = runtimeContainers(spec);
  const multiModel = spec["multiModel"] === true;
  const mainIndex = containers.findIndex((c) => c.name === KSERVE_CONTAINER);
  if (!multiModel && mainIndex < 0) {
    issues.push({
      path: "spec.containers",
      value: containers.map((c) => c.name),
      rule: "runtime/kserve-container",
      message: `a single-model runtime needs a container named "${KSERVE_CONTAINER}"; KServe fails with "failed to find kserve-container"`,
      fix: `name the serving container "${KSERVE_CONTAINER}"`,
    });
  }
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    issues.push(...checkContainer(path, c));
    if (c.name === KSERVE_CONTAINER || c.name === TRANSFORMER_CONTAINER) {
      eachString(c, path, (p, text) => issues.push(...checkTemplate(p, text)));
    }
    if (c.name === KSERVE_CONTAINER) {
      (c.env ?? []).forEach((v, j) => {
        if (v.name === "TENSOR_PARALLEL_SIZE" || v.name === "PIPELINE_PARALLEL_SIZE") {
          issues.push({
            path: `${path}.env[${j}]`,
            value: v.name,
            rule: "runtime/parallel-size-env",
            message: `KServe's webhook rejects ${v.name} on ${KSERVE_CONTAINER}; KServe sets it from workerSpec`,
            fix: "set tensorParallelSize / pipelineParallelSize on the workerSpec (multi-node) or pass the engine's own flag",
          });
        }
      });
      issues.push(...checkDuplicateFlags([{ path: `${path}.args`, args: c.args ?? [] }], repeatableFlags));
    }
  });
  issues.push(...checkFormatPriorities(spec));
  if (multiModel) issues.push(...checkModelMeshRuntime(spec, target));
  const worker = isRecord(spec["workerSpec"]) ? spec["workerSpec"] : undefined;
  if (worker !== undefined) {
    issues.push(...requireFeature(target, "multi-node", "spec.workerSpec", "workerSpec"));
    const workerContainers = runtimeContainers(worker);
    if (workerContainers.length > 1) {
      issues.push({ path: "spec.workerSpec.containers", value: workerContainers.map((c) => c.name), rule: "runtime/worker-containers", message: "KServe allows at most one workerSpec container", fix: "keep one worker container" });
    }
    workerContainers.forEach((c, i) => issues.push(...checkContainer(`spec.workerSpec.containers[${i}]`, c)));
    const declared = declaredGpuTypes(isRecord(spec["annotations"]) ? spec["annotations"] : undefined);
    if (mainIndex >= 0) issues.push(...checkGpuResourceTypes(`spec.containers[${mainIndex}]`, containers[mainIndex]?.resources, declared, "runtime spec.annotations"));
    workerContainers.forEach((c, i) => {
      if (c.name === WORKER_CONTAINER) issues.push(...checkGpuResourceTypes(`spec.workerSpec.containers[${i}]`, c.resources, declared, "runtime spec.annotations"));
    });
  }
  if (spec["imagePullSecrets"] !== undefined) issues.push(...requireFeature(target, "runtime-image-pull-secrets", "spec.imagePullSecrets", spec["imagePullSecrets"], "set imagePullSecrets on each InferenceService instead, or upgrade KServe"));
  if (spec["hostIPC"] !== undefined) issues.push(...requireFeature(target, "runtime-host-ipc", "spec.hostIPC", spec["hostIPC"]));
  if (spec["schedulerName"] !== undefined) issues.push(...requireFeature(target, "runtime-scheduler-name", "spec.schedulerName", spec["schedulerName"], "set schedulerName on each InferenceService instead (predictor schedulerName, or a hardware request)"));
  if (spec["resourceClaims"] !== undefined) issues.push(...requireFeature(target, "runtime-resource-claims", "spec.resourceClaims", spec["resourceClaims"]));
  const podAnnotations = isRecord(spec["annotations"]) ? spec["annotations"] : {};
  if (podAnnotations["multinode/executor-backend"] !== undefined) {
    issues.push(...requireFeature(target, "multinode-executor-backend", 'spec.annotations["multinode/executor-backend"]', podAnnotations["multinode/executor-backend"], "drop executorBackend (KServe uses Ray), or upgrade KServe"));
  }
  if (Object.keys(podAnnotations).some((k) => k.startsWith("prometheus.kserve.io/"))) {
    issues.push(...requireFeature(target, "prometheus-annotations", "spec.annotations", podAnnotations, "drop metrics from the engine, or upgrade KServe"));
  }
  return issues;
}

/** KServe's webhook: one runtime may not give the same auto-selected format different priorities. */
function checkFormatPriorities(spec: Record<string, unknown>): IssueDraft[] {
  const formats = (Array.isArray(spec["supportedModelFormats"]) ? spec["supportedModelFormats"] : []) as SupportedModelFormat[];
  const priorities = new Map<string, number | undefined>();
  const issues: IssueDraft[] = [];
  formats.forEach((f, i) => {
    if (f.autoSelect !== true) return;
    const first = priorities.get(f.name);
    if (priorities.has(f.name) && first !== undefined && f.priority !== undefined && first !== f.priority) {
      issues.push({
        path: `spec.supportedModelFormats[${i}].priority`,
        value: f.priority,
        rule: "runtime/format-priority",
        message: `format "${f.name}" is auto-selected with two different priorities; KServe's webhook rejects the runtime`,
        fix: `give every auto-selected "${f.name}" entry the same priority`,
      });
    }
    if (!priorities.has(f.name)) priorities.set(f.name, f.priority);
  });
  return issues;
}

/**
 * KServe's webhook: two enabled runtimes of the same scope (and namespace), both single- or both
 * multi-model, that declare a common protocol version, may not auto-select the same format (name,
 * case-insensitive, and version) with the same explicit priority (KServe's selector has no tie-breaker).
 */
export function checkRuntimeConflicts(runtime: RuntimeInfo, others: readonly RuntimeInfo[]): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const spec = runtimeSpec(runtime);
  if (spec === undefined || spec["disabled"] === true) return [];
  const mine = (runtimeFormats(runtime) ?? []).filter((f) => f.autoSelect === true);
  for (const other of others) {
    if (other === runtime || !other.valid || other.kind !== runtime.kind) continue;
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
          rule: "runtime/format-conflict",
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
