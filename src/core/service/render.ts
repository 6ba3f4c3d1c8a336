/**
 * Renders a resolved InferenceService spec as a `serving.kserve.io/v1beta1` InferenceService.
 */
import type { CanaryProps, EngineMetric, ExternalMetricProps } from "./props";
import type { Manifest } from "../k8s";
import type { ServiceSpec } from "./spec";
import { modeName } from "../target/resolve";
import { renderEnv } from "../pod/env";
import { renderResources } from "../pod/resources";
import { canonicalize, compact, isRecord, nonEmpty } from "../canonical";
import { MANAGED_BY, KSERVE, ODH } from "../keys";
import { modelMeshPredictor } from "../modelmesh/service";
import { renderVolumes } from "../pod/volumes";
import { KSERVE_CONTAINER, WORKER_CONTAINER } from "../runtime/rules";

/** API version of InferenceService. */
export const ISVC_API_VERSION = "serving.kserve.io/v1beta1";

/** The Knative autoscaler class annotation values. */
export const KNATIVE_CLASSES = { kpa: "kpa.autoscaling.knative.dev", hpa: "hpa.autoscaling.knative.dev" } as const;

/** Deep merge: objects merge, arrays and values replace. */
export function deepMerge(base: Record<string, unknown>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function metricTarget(spec: ServiceSpec): Record<string, unknown> | undefined {
  if (spec.scaling.autoscaler !== "keda") return undefined;
  // keda runs in Standard mode, where the metric defaults to cpu
  const { metric = "cpu", target } = spec.scaling;
  const metrics: Record<string, unknown>[] = [];
  if ((metric === "cpu" || metric === "memory") && target !== undefined) {
    const type = spec.scaling.metricType ?? "Utilization";
    const t = type === "Utilization" ? { type, averageUtilization: target } : type === "AverageValue" ? { type, averageValue: String(target) } : { type, value: String(target) };
    metrics.push({ type: "Resource", resource: { name: metric, target: t } });
  }
  for (const external of spec.scaling.external ?? []) metrics.push(renderExternalMetric(spec, external));
  return metrics.length > 0 ? { metrics } : undefined;
}

/** The default per-replica thresholds of the engine metrics. */
export const ENGINE_METRIC_THRESHOLDS: Readonly<Record<EngineMetric, number>> = { "vllm-waiting-requests": 10, "vllm-kv-cache-usage": 0.8 };

/** The Prometheus metric behind each engine metric. */
export const ENGINE_METRIC_NAMES: Readonly<Record<EngineMetric, string>> = { "vllm-waiting-requests": "vllm:num_requests_waiting", "vllm-kv-cache-usage": "vllm:kv_cache_usage_perc" };

/** The PromQL of an engine metric: summed over the service's predictor pods (KEDA divides by the threshold). */
export function engineMetricQuery(metric: EngineMetric, name: string, namespace: string | undefined): string {
  const selectors = [...(namespace !== undefined ? [`namespace="${namespace}"`] : []), `pod=~"${name}-predictor-.*"`];
  return `sum(${ENGINE_METRIC_NAMES[metric]}{${selectors.join(",")}})`;
}

function renderExternalMetric(spec: ServiceSpec, external: ExternalMetricProps): Record<string, unknown> {
  const query = typeof external.metric === "string" ? engineMetricQuery(external.metric, spec.name, spec.namespace) : external.metric.query;
  const threshold = external.threshold ?? (typeof external.metric === "string" ? ENGINE_METRIC_THRESHOLDS[external.metric] : 1);
  return {
    type: "External",
    external: {
      metric: { backend: "prometheus", serverAddress: external.serverAddress, query, ...(external.namespace !== undefined ? { namespace: external.namespace } : {}) },
      target: { type: "Value", value: String(threshold) },
      ...(external.authentication !== undefined
        ? { authenticationRef: { authenticationRef: { name: external.authentication.triggerAuthentication }, ...(external.authentication.modes !== undefined ? { authModes: external.authentication.modes } : {}) } }
        : {}),
    },
  };
}

/** The predictor's workerSpec: the layout and a worker container with the head's accelerator resources. */
function renderWorkerSpec(spec: ServiceSpec, volumes: unknown[] | undefined, mounts: unknown[] | undefined, scheduling: Record<string, unknown>): Record<string, unknown> | undefined {
  if (spec.multiNode === undefined) return undefined;
  const resource = spec.hardware?.accelerator?.resourceName;
  const accelerator = resource !== undefined ? spec.hardware?.resources.limits?.[resource] : undefined;
  return {
    pipelineParallelSize: spec.multiNode.pipelineParallelSize,
    tensorParallelSize: spec.multiNode.tensorParallelSize,
    containers: [
      {
        name: WORKER_CONTAINER,
        ...(resource !== undefined && accelerator !== undefined ? { resources: { limits: { [resource]: accelerator }, requests: { [resource]: accelerator } } } : {}),
        volumeMounts: mounts,
      },
    ],
    volumes,
    ...scheduling,
  };
}

/** Renders the InferenceService. */
export function renderService(spec: ServiceSpec): Manifest {
  const odh = spec.target.openshiftAI !== undefined;
  const labels: Record<string, string> = { [MANAGED_BY.key]: MANAGED_BY.value, ...spec.labels, ...(spec.hardware?.labels ?? {}) };
  const annotations: Record<string, string> = { ...spec.annotations, ...(spec.hardware?.annotations ?? {}), [KSERVE.deploymentMode]: modeName(spec.mode, spec.target) };
  const accelerator = spec.hardware?.accelerator;
  if (spec.multiNode !== undefined && accelerator?.resourceName !== undefined && !accelerator.kserveKnownGpu) {
    annotations[KSERVE.gpuResourceTypes] = JSON.stringify([accelerator.resourceName]);
  }

  if (spec.mode === "Standard") {
    if (spec.scaling.autoscaler !== undefined) annotations[KSERVE.autoscalerClass] = spec.scaling.autoscaler;
    if (odh) {
      if (spec.visibility === "exposed") labels[KSERVE.visibility] = "exposed";
    } else if (spec.visibility === "cluster-local") {
      labels[KSERVE.visibility] = "cluster-local";
    }
  } else if (spec.mode === "Knative") {
    if (spec.scaling.autoscaler === "kpa" || spec.scaling.autoscaler === "hpa") annotations[KSERVE.knativeClass] = KNATIVE_CLASSES[spec.scaling.autoscaler];
    if (spec.visibility === "cluster-local") labels[KSERVE.knativeVisibility] = "cluster-local";
  }
  if (spec.metrics) annotations[KSERVE.enablePrometheusScraping] = "true";
  if (spec.model.writable === true) annotations[KSERVE.storageReadonly] = "false";
  if (odh) {
    labels[ODH.dashboard] = "true";
    annotations[ODH.displayName] ??= spec.displayName;
  }
  if (spec.auth !== undefined && odh) annotations[ODH.enableAuth] = String(spec.auth);

  const { volumes, mounts } = renderVolumes(spec.volumes);
  const model: Record<string, unknown> = {
    modelFormat: { name: spec.modelFormat.name, ...(spec.modelFormat.version !== undefined ? { version: spec.modelFormat.version } : {}) },
    ...(spec.pinRuntime ? { runtime: spec.runtime.name } : {}),
    ...(spec.protocolVersion !== undefined ? { protocolVersion: spec.protocolVersion } : {}),
    ...(spec.model.uri !== undefined ? { storageUri: spec.model.uri } : {}),
    ...(spec.model.storage !== undefined
      ? { storage: { key: spec.model.storage.key, path: spec.model.storage.path, ...(spec.model.storage.parameters ? { parameters: { ...spec.model.storage.parameters } } : {}) } }
      : {}),
    ...(spec.image !== undefined ? { image: spec.image } : {}),
    ...(spec.args.length > 0 ? { args: [...spec.args] } : {}),
    env: renderEnv(spec.env),
    resources: renderResources(spec.resources),
    volumeMounts: mounts,
  };
  const scheduling = {
    nodeSelector: compact(spec.nodeSelector),
    tolerations: nonEmpty(spec.tolerations?.map((t) => ({ ...t }))),
    schedulerName: spec.schedulerName,
    runtimeClassName: spec.runtimeClassName,
  };

  let predictor: Record<string, unknown> = spec.mode === "ModelMesh" ? modelMeshPredictor(model) : {
    minReplicas: spec.scaling.min,
    maxReplicas: spec.scaling.max,
    scaleTarget: spec.scaling.autoscaler === "keda" ? undefined : spec.scaling.target,
    scaleMetric: spec.scaling.autoscaler === "keda" ? undefined : spec.scaling.metric,
    scaleMetricType: spec.scaling.autoscaler === "keda" ? undefined : spec.scaling.metricType,
    autoScaling: metricTarget(spec),
    containerConcurrency: spec.containerConcurrency,
    timeout: spec.timeoutSeconds,
    canaryTrafficPercent: spec.canaryTrafficPercent,
    serviceAccountName: spec.serviceAccountName,
    ...(odh && spec.auth === true && spec.serviceAccountName !== undefined ? { automountServiceAccountToken: true } : {}),
    imagePullSecrets: nonEmpty(spec.imagePullSecrets.map((name) => ({ name }))),
    ...scheduling,
    volumes,
    labels: compact(spec.podLabels),
    annotations: compact(spec.podAnnotations),
    logger: spec.logger ? { mode: spec.logger.mode, ...(spec.logger.url !== undefined ? { url: spec.logger.url } : {}) } : undefined,
    deploymentStrategy: spec.deploymentStrategy ? { ...spec.deploymentStrategy } : undefined,
    workerSpec: renderWorkerSpec(spec, volumes, mounts, scheduling),
    model,
  };
  if (spec.predictorOverrides !== undefined) predictor = deepMerge(canonicalize(predictor), spec.predictorOverrides);
  if (spec.predictorName !== undefined) predictor = { ...predictor, name: spec.predictorName };
  const canary = spec.canaries?.map((c) => ({ predictor: renderCanaryPredictor(predictor, c), trafficPercent: c.trafficPercent }));

  return canonicalize({
    apiVersion: ISVC_API_VERSION,
    kind: "InferenceService",
    metadata: {
      name: spec.name,
      ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
      labels: compact(labels),
      annotations: compact(annotations),
    },
    spec: { predictor, ...(canary !== undefined ? { canary } : {}) },
  }) as Manifest;
}

/** Fields a canary predictor must not carry (it runs fixed replicas, on one node). */
const CANARY_DROPPED = ["name", "minReplicas", "maxReplicas", "scaleTarget", "scaleMetric", "scaleMetricType", "autoScaling", "workerSpec"] as const;

/** A canary: the stable predictor with its name, its model and its fixed replicas. */
function renderCanaryPredictor(stable: Record<string, unknown>, canary: CanaryProps): Record<string, unknown> {
  const out: Record<string, unknown> = { ...stable };
  for (const key of CANARY_DROPPED) delete out[key];
  const model = isRecord(stable["model"]) ? { ...stable["model"] } : {};
  if (canary.model !== undefined) {
    delete model["storageUri"];
    delete model["storage"];
    if (canary.model.uri !== undefined) model["storageUri"] = canary.model.uri;
    if (canary.model.storage !== undefined) model["storage"] = { key: canary.model.storage.key, path: canary.model.storage.path, ...(canary.model.storage.parameters ? { parameters: { ...canary.model.storage.parameters } } : {}) };
    if (canary.model.serviceAccountName !== undefined) out["serviceAccountName"] = canary.model.serviceAccountName;
  }
  // the CRD requires model.name (the container's name) in a canary, unlike in the stable predictor, where
  // KServe's webhook refuses it; KServe names that container kserve-container either way
  model["name"] = KSERVE_CONTAINER;
  return { ...out, name: canary.name, model, ...(canary.replicas !== undefined ? { minReplicas: canary.replicas } : {}) };
}
