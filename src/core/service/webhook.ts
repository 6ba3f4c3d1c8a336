/**
 * KServe's InferenceService admission webhook, mirrored: every rule it enforces, run on the rendered
 * manifest so the problem shows at synth time instead of at apply time.
 */
import type { IssueDraft } from "../errors";
import type { Container, Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import { canonicalMode, requireFeature } from "../target/resolve";
import type { DeploymentMode } from "../target/resolve";
import { getIn, isRecord } from "../canonical";
import { DNS1035_LABEL, toDns1035 } from "../names";
import { checkContainer } from "../pod/rules";
import { checkStorageUri } from "../storage/uri";
import { KSERVE } from "../keys";
import { KNATIVE_CLASSES } from "./render";
import { checkGpuResourceTypes, declaredGpuTypes } from "../runtime/rules";

/** Autoscaler classes KServe's webhook accepts. */
export const AUTOSCALER_CLASSES = ["hpa", "keda", "external", "none"] as const;

/** Framework shorthands of PredictorSpec (exactly one implementation is allowed). */
export const PREDICTOR_IMPLEMENTATIONS = ["sklearn", "xgboost", "tensorflow", "pytorch", "triton", "onnx", "huggingface", "pmml", "lightgbm", "paddle", "model", "containers"] as const;

const IMPLEMENTATION_CONTAINERS = PREDICTOR_IMPLEMENTATIONS.filter((k) => k !== "containers");

/** The deployment mode written on a manifest, canonical, or undefined. */
export function manifestMode(isvc: Manifest): "Standard" | "Knative" | "ModelMesh" | undefined {
  const raw = isvc.metadata.annotations?.[KSERVE.deploymentMode];
  return raw === undefined ? undefined : canonicalMode(raw as DeploymentMode);
}

/** Runs the webhook's rules on an InferenceService manifest. */
export function checkServiceWebhook(isvc: Manifest, target: Target): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const name = isvc.metadata.name;
  // 1. name
  if (!DNS1035_LABEL.test(name)) {
    issues.push({
      path: "metadata.name",
      value: name,
      rule: "kserve/name",
      message: "KServe's webhook requires an InferenceService name matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (a DNS-1035 label)",
      fix: `use a name such as "${toDns1035(name)}"`,
    });
  }
  const annotations = isvc.metadata.annotations ?? {};
  // 2. autoscaler class
  const cls = annotations[KSERVE.autoscalerClass];
  if (cls !== undefined) {
    if (!(AUTOSCALER_CLASSES as readonly string[]).includes(cls)) {
      issues.push({
        path: `metadata.annotations["${KSERVE.autoscalerClass}"]`,
        value: cls,
        rule: "kserve/autoscaler-class",
        message: `KServe's webhook accepts only ${AUTOSCALER_CLASSES.join(", ")} as autoscaler class${cls === "kpa" ? " (kpa is Knative's own autoscaler, chosen by Knative mode)" : ""}`,
        fix: cls === "kpa" ? 'use deploymentMode "Knative" for the Knative autoscaler, or scaling.autoscaler "hpa" in Standard mode' : `use one of ${AUTOSCALER_CLASSES.join(", ")}`,
      });
    } else if (cls === "keda") {
      issues.push(...requireFeature(target, "autoscaler-keda", "scaling.autoscaler", cls));
    } else if (cls === "none") {
      issues.push(...requireFeature(target, "autoscaler-none", "scaling.autoscaler", cls, 'use "external" (no HPA either), or upgrade KServe'));
    } else if (cls === "external") {
      issues.push(...requireFeature(target, "autoscaler-external", "scaling.autoscaler", cls));
    }
  }
  const predictor = getIn(isvc, ["spec", "predictor"]);
  if (!isRecord(predictor)) {
    issues.push({ path: "spec.predictor", value: predictor, rule: "kserve/predictor", message: "an InferenceService needs spec.predictor", fix: "give the InferenceService a model" });
    return issues;
  }
  issues.push(...checkComponent("spec.predictor", predictor, manifestMode(isvc), annotations, target));
  return issues;
}

function checkComponent(path: string, predictor: Record<string, unknown>, mode: "Standard" | "Knative" | "ModelMesh" | undefined, annotations: Record<string, string>, target: Target): IssueDraft[] {
  const issues: IssueDraft[] = [];
  // exactly one implementation
  const present = PREDICTOR_IMPLEMENTATIONS.filter((k) => predictor[k] !== undefined);
  if (present.length !== 1) {
    issues.push({
      path,
      value: present,
      rule: "kserve/one-implementation",
      message: `exactly one of ${PREDICTOR_IMPLEMENTATIONS.join(", ")} must be set in the predictor, found ${present.length === 0 ? "none" : present.join(" and ")}`,
      fix: "keep only predictor.model (remove the others from predictorOverrides)",
    });
  }
  // 3. blocked env, containers
  for (const key of IMPLEMENTATION_CONTAINERS) {
    const c = predictor[key];
    if (!isRecord(c)) continue;
    issues.push(...checkContainer(`${path}.${key}`, c as Container, { extendedResources: false }));
    // 6. no name in model / shorthands
    if (c["name"] !== undefined) {
      issues.push({
        path: `${path}.${key}.name`,
        value: c["name"],
        rule: "kserve/model-name-field",
        message: `KServe's webhook rejects a "name" inside predictor.${key} ("the 'name' field is not allowed in standard predictor")`,
        fix: "remove it; the container is always kserve-container (predictor.name is the variant name, a different field)",
      });
    }
    // 7. storageUri vs storageUris
    if (c["storageUri"] !== undefined && predictor["storageUris"] !== undefined) {
      issues.push({
        path: `${path}.storageUris`,
        value: predictor["storageUris"],
        rule: "kserve/storage-uri-and-uris",
        message: "setting both storageUri and storageUris is not supported (KServe's webhook rejects it)",
        fix: "put every source in storageUris, or keep only the model's storageUri",
      });
    }
    if (typeof c["storageUri"] === "string") issues.push(...checkStorageUri(`${path}.${key}.storageUri`, c["storageUri"], target));
    if (c["storageUri"] !== undefined && isRecord(c["storage"]) && c["storage"]["path"] !== undefined) {
      issues.push({ path: `${path}.${key}.storage.path`, value: c["storage"]["path"], rule: "kserve/storage-uri-and-path", message: "KServe accepts only one of storageUri and storage.path", fix: "address the model either by URI or through the storage-config key" });
    }
    if (isRecord(c["storage"])) issues.push(...requireFeature(target, "storage-spec", `${path}.${key}.storage`, c["storage"]));
  }
  (Array.isArray(predictor["containers"]) ? predictor["containers"] : []).forEach((c, i) => {
    if (isRecord(c)) issues.push(...checkContainer(`${path}.containers[${i}]`, c as Container));
  });
  if (predictor["storageUris"] !== undefined) {
    issues.push(...requireFeature(target, "storage-uris", `${path}.storageUris`, predictor["storageUris"]));
    (Array.isArray(predictor["storageUris"]) ? predictor["storageUris"] : []).forEach((entry, i) => {
      const uri = isRecord(entry) ? entry["uri"] : undefined;
      if (typeof uri !== "string" || uri === "") {
        issues.push({ path: `${path}.storageUris[${i}].uri`, value: uri, rule: "kserve/storage-uris", message: "each storageUris entry needs a uri", fix: "give the entry a uri" });
      } else {
        issues.push(...checkStorageUri(`${path}.storageUris[${i}].uri`, uri, target));
      }
      const mountPath = isRecord(entry) ? entry["mountPath"] : undefined;
      if (typeof mountPath === "string" && (mountPath === "/" || !mountPath.startsWith("/") || mountPath.split("/").includes(".."))) {
        issues.push({ path: `${path}.storageUris[${i}].mountPath`, value: mountPath, rule: "kserve/storage-uris", message: "a mountPath must be absolute, not '/', and without '..'", fix: 'use for example "/mnt/models/extra"' });
      }
    });
  }
  // 9. counts
  const min = predictor["minReplicas"];
  const max = predictor["maxReplicas"];
  for (const [key, value] of [["minReplicas", min], ["maxReplicas", max], ["containerConcurrency", predictor["containerConcurrency"]]] as const) {
    if (typeof value === "number" && value < 0) issues.push({ path: `${path}.${key}`, value, rule: "kserve/negative", message: `${key} cannot be negative`, fix: "use 0 or more" });
  }
  if (typeof min === "number" && typeof max === "number" && max !== 0 && min > max) {
    issues.push({ path: `${path}.maxReplicas`, value: max, rule: "kserve/min-above-max", message: `minReplicas ${min} is greater than maxReplicas ${max}`, fix: `set scaling.max to at least ${min}` });
  }
  // logger
  const logger = predictor["logger"];
  if (isRecord(logger)) {
    const m = logger["mode"];
    if (m !== "all" && m !== "request" && m !== "response") {
      issues.push({ path: `${path}.logger.mode`, value: m, rule: "kserve/logger-mode", message: 'KServe\'s webhook rejects a logger whose mode is not "all", "request" or "response" (an empty mode included)', fix: 'set logger.mode to "all", "request" or "response"' });
    }
  }
  // deploymentStrategy
  if (predictor["deploymentStrategy"] !== undefined) {
    issues.push(...requireFeature(target, "deployment-strategy", `${path}.deploymentStrategy`, predictor["deploymentStrategy"]));
    if (mode !== "Standard") {
      issues.push({ path: `${path}.deploymentStrategy`, value: predictor["deploymentStrategy"], rule: "kserve/deployment-strategy-mode", message: "deploymentStrategy is only supported in Standard (raw deployment) mode", fix: 'remove deploymentStrategy, or use deploymentMode "Standard"' });
    }
  }
  if (predictor["workerSpec"] !== undefined) {
    issues.push(...requireFeature(target, "multi-node", `${path}.workerSpec`, "workerSpec"));
    issues.push(...checkMultiNode(path, predictor, annotations));
  }
  if (predictor["autoScaling"] !== undefined) issues.push(...requireFeature(target, "autoscaler-keda", `${path}.autoScaling`, predictor["autoScaling"]));
  issues.push(...checkScaling(path, predictor, mode, annotations));
  return issues;
}

/** KServe's multi-node rules (they run only when the predictor has a workerSpec). */
function checkMultiNode(path: string, predictor: Record<string, unknown>, annotations: Record<string, string>): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const worker = predictor["workerSpec"];
  if (!isRecord(worker)) return issues;
  for (const key of ["pipelineParallelSize", "tensorParallelSize"] as const) {
    const v = worker[key];
    if (v !== undefined && (typeof v !== "number" || v < 1)) {
      issues.push({ path: `${path}.workerSpec.${key}`, value: v, rule: "kserve/multi-node-size", message: `${key} must be at least 1`, fix: `set multiNode.${key} to 1 or more` });
    }
  }
  const workers = Array.isArray(worker["containers"]) ? worker["containers"].filter(isRecord) : [];
  if (workers.length > 1) {
    issues.push({ path: `${path}.workerSpec.containers`, value: workers.map((c) => c["name"]), rule: "kserve/multi-node-workers", message: "KServe allows at most one container in workerSpec", fix: "keep one worker container" });
  }
  const model = isRecord(predictor["model"]) ? predictor["model"] : undefined;
  const env = Array.isArray(model?.["env"]) ? (model?.["env"] as { name?: string }[]) : [];
  env.forEach((e, i) => {
    if (e.name === "TENSOR_PARALLEL_SIZE" || e.name === "PIPELINE_PARALLEL_SIZE") {
      issues.push({ path: `${path}.model.env[${i}]`, value: e.name, rule: "kserve/multi-node-parallel-env", message: `KServe sets ${e.name} for multi-node services and its webhook rejects it in the model's env`, fix: "set the sizes with multiNode.pipelineParallelSize and multiNode.tensorParallelSize" });
    }
  });
  const declared = declaredGpuTypes(annotations);
  if (model !== undefined) issues.push(...checkGpuResourceTypes(`${path}.model`, model["resources"] as Container["resources"], declared, "InferenceService metadata.annotations"));
  workers.forEach((c, i) => issues.push(...checkGpuResourceTypes(`${path}.workerSpec.containers[${i}]`, c["resources"] as Container["resources"], declared, "InferenceService metadata.annotations")));
  const uri = model?.["storageUri"];
  if (typeof uri !== "string" || !(uri.startsWith("pvc://") || uri.startsWith("oci://"))) {
    issues.push({
      path: `${path}.model.storageUri`,
      value: uri,
      rule: "kserve/multi-node-storage",
      message: "KServe's multi-node serving needs the model on a PVC (pvc://) or in an OCI image (oci://), so every node reads the same files",
      fix: "use ModelStorage.pvc or ModelStorage.oci for multi-node models",
    });
  }
  const cls = annotations[KSERVE.autoscalerClass];
  if (cls !== "none") {
    issues.push({
      path: `metadata.annotations["${KSERVE.autoscalerClass}"]`,
      value: cls,
      rule: "kserve/multi-node-autoscaler",
      message: "KServe's webhook requires the autoscaler class \"none\" for multi-node services (replicas are fixed)",
      fix: "leave scaling.autoscaler unset (multi-node defaults to none) or set it to \"none\"",
    });
  }
  return issues;
}

function checkScaling(path: string, predictor: Record<string, unknown>, mode: "Standard" | "Knative" | "ModelMesh" | undefined, annotations: Record<string, string>): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const metric = predictor["scaleMetric"];
  const target = predictor["scaleTarget"];
  const cls = annotations[KSERVE.autoscalerClass] ?? "hpa";
  const knativeClass = annotations[KSERVE.knativeClass];
  const hpaRules = (mode === "Standard" && cls === "hpa") || (mode !== "Standard" && knativeClass === KNATIVE_CLASSES.hpa);
  if (hpaRules) {
    const m = metric ?? "cpu";
    if (m !== "cpu" && m !== "memory") {
      issues.push({ path: `${path}.scaleMetric`, value: m, rule: "kserve/scale-metric", message: `the HPA autoscaler scales on cpu or memory, not ${String(m)}`, fix: mode === "Standard" ? 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative" for concurrency and rps' : 'use scaling.metric "cpu" or "memory", or the kpa autoscaler' });
    }
    if (typeof target === "number") {
      if (target > 100) issues.push({ path: `${path}.scaleTarget`, value: target, rule: "kserve/scale-target", message: "the HPA target is a utilization percentage and cannot exceed 100", fix: "use a target between 1 and 100" });
      else if (target < 1) issues.push({ path: `${path}.scaleTarget`, value: target, rule: "kserve/scale-target", message: `the ${String(m)} target must be at least 1`, fix: "use a target between 1 and 100" });
    }
    const metrics = getIn(predictor, ["autoScaling", "metrics"]);
    (Array.isArray(metrics) ? metrics : []).forEach((entry, i) => {
      if (!isRecord(entry) || entry["type"] !== "Resource" || entry["resource"] === undefined) {
        issues.push({ path: `${path}.autoScaling.metrics[${i}]`, value: entry, rule: "kserve/hpa-metrics", message: "the HPA autoscaler takes only Resource metrics", fix: 'use scaling.autoscaler "keda" for external or pod metrics' });
      }
    });
  } else if (mode === "Standard" && cls === "keda") {
    if (metric !== undefined) {
      issues.push({ path: `${path}.scaleMetric`, value: metric, rule: "kserve/keda-scale-metric", message: "with the keda autoscaler KServe's webhook rejects scaleMetric (metrics go in autoScaling)", fix: "give scaling.metric cpu or memory (rendered as autoScaling metrics), not scaleMetric overrides" });
    }
  } else if (mode !== "Standard") {
    const m = metric ?? "concurrency";
    if (m !== "concurrency" && m !== "rps") {
      issues.push({ path: `${path}.scaleMetric`, value: m, rule: "kserve/scale-metric", message: `Knative's autoscaler (kpa) scales on concurrency or rps, not ${String(m)}`, fix: 'use scaling.metric "concurrency" or "rps", or scaling.autoscaler "hpa" for cpu and memory' });
    }
    if (m === "rps" && typeof target === "number" && target < 1) {
      issues.push({ path: `${path}.scaleTarget`, value: target, rule: "kserve/scale-target", message: "the rps target must be at least 1", fix: "use a target of 1 or more" });
    }
  }
  return issues;
}
