/**
 * Rules on an InferenceService beyond KServe's webhook: what each deployment mode really does with a
 * field, Knative's pod restrictions, the target platform, and the agreement between the InferenceService
 * and its runtime and storage. They run on the rendered manifest plus the spec it came from.
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { ServiceInput, ServiceSpec } from "./spec";
import { engineVersionOf, imageTargetOf, modelFormatOf } from "./spec";
import { compareStrings, ownValue } from "../canonical";
import type { ParameterSpec, ParameterValue } from "../engine/parameters";
import { closest, PARAMETER_TYPE_NAMES, renderParameter } from "../engine/parameters";
import { hardwareIssues } from "../hardware/apply";
import type { Finding, ManifestRule, ManifestSubject, Rule, SubjectRule } from "../rules/registry";
import { SERVICE_KINDS } from "../pod/rules";
import { defineManifestRule, defineRule, runRules } from "../rules/registry";
import type { CanonicalMode, DeploymentMode } from "../target/resolve";
import { canonicalMode, describeTarget, supports } from "../target/resolve";
import { getIn, isRecord, recordsOf } from "../canonical";
import { DNS1035_LABEL, MAX_LABEL, toDns1035 } from "../names";
import { eachString, metadataReferences } from "../templates";
import type { RuntimeInfo } from "../runtime/ref";
import { KSERVE_CONTAINER, runtimeAccelerators, runtimeContainers, runtimeFormats, runtimeMultiModel, runtimeOfService, runtimeProtocols, runtimeSpec } from "../runtime/ref";
import { KSERVE, ODH } from "../keys";
import { checkStorageConfigReference } from "../storageconfig/rules";
import { isAcceleratorResource } from "../accelerators/registry";
import { isQuantity, quantityToNumber } from "../quantity";
import { checkVolumes, CONTAINER_RULES, IMPLEMENTATION_CONTAINERS, isServiceManifest, manifestResources, MERGED_RESOURCES_PATH, PREDICTOR_IMPLEMENTATIONS, duplicateFlagRule } from "../pod/rules";
import { definePropsFeatureRule, featureGate } from "../target/rules";
import { bucketUriRule, hfUriRule, ociTagRule, ociUriRule, pvcUriRule, uriSchemeRule } from "../storage/rules";
import { multiNodeGpuTypeRule, templateRule } from "../runtime/rules";
import { MODELMESH_SERVICE_RULES, unavailableRule } from "../modelmesh/rules";
import { KNATIVE_CLASSES } from "./render";

export { PREDICTOR_IMPLEMENTATIONS };

/** Autoscaler classes KServe's webhook accepts. */
export const AUTOSCALER_CLASSES = ["hpa", "keda", "external", "none"] as const;

/** The deployment mode written on a manifest, canonical, or undefined. */
export function manifestMode(isvc: Manifest): CanonicalMode | undefined {
  const raw = isvc.metadata.annotations?.[KSERVE.deploymentMode];
  return raw === undefined ? undefined : canonicalMode(raw as DeploymentMode);
}

/** Ports Knative's queue-proxy and activator use; a user container cannot listen on them. */
export const KNATIVE_RESERVED_PORTS = [8012, 8013, 8022, 9090, 9091] as const;

/** Knative feature flags per pod field. */
export const KNATIVE_FLAGS = {
  tolerations: "kubernetes.podspec-tolerations",
  nodeSelector: "kubernetes.podspec-nodeselector",
  affinity: "kubernetes.podspec-affinity",
  persistentVolumeClaim: "kubernetes.podspec-persistent-volume-claim",
  runtimeClassName: "kubernetes.podspec-runtimeclassname",
  schedulerName: "kubernetes.podspec-schedulername",
} as const;

/** The OpenShift AI limit on InferenceService names. */
export const OPENSHIFT_AI_MAX_NAME = 53;

/** Keys the library sets from props; users must not set them as raw labels or annotations. */
const OWNED_ANNOTATIONS: Readonly<Record<string, string>> = {
  [ODH.hardwareProfileName]: "hardware",
  [ODH.hardwareProfileNamespace]: "hardware",
  [KSERVE.deploymentMode]: "deploymentMode",
  [KSERVE.autoscalerClass]: "scaling.autoscaler",
  [KSERVE.knativeClass]: "scaling.autoscaler",
  [ODH.enableAuth]: "auth",
  [KSERVE.enablePrometheusScraping]: "metrics",
};
const OWNED_LABELS: Readonly<Record<string, string>> = {
  "kueue.x-k8s.io/queue-name": "hardware (a profile with queueScheduling)",
  [KSERVE.visibility]: "visibility",
  [KSERVE.knativeVisibility]: "visibility",
};

const OWNED_ANNOTATION_LIST = Object.entries(OWNED_ANNOTATIONS);
const OWNED_LABEL_LIST = Object.entries(OWNED_LABELS);

/** Labels and annotations the library sets from props. */
export const ownedKeyRule = defineRule<ServiceSpec>({
  id: "isvc/owned-key",
  severity: "error",
  on: "props",
  summary: "An InferenceService's labels and annotations leave alone the keys the library sets from props (deployment mode, autoscaler and Knative class, hardware profile, Kueue queue, auth, metrics, visibility).",
  why: "The library writes these keys from their props and the rest of the manifest is rendered for the prop's value: a raw key is overwritten when the prop is set, and otherwise tells KServe or OpenShift AI something (another deployment mode, another hardware profile) the manifest was not rendered or checked for.",
  fix: "remove the label or annotation and set the prop that owns it",
  check: (spec) => {
    const found: Finding[] = [];
    for (const [key, prop] of OWNED_ANNOTATION_LIST) {
      if (spec.annotations[key] !== undefined) found.push({ path: `annotations["${key}"]`, value: spec.annotations[key], message: `the library sets ${key} from the ${prop} prop`, fix: `remove the annotation and set ${prop}` });
    }
    for (const [key, prop] of OWNED_LABEL_LIST) {
      if (spec.labels[key] !== undefined) found.push({ path: `labels["${key}"]`, value: spec.labels[key], message: `the library sets ${key} from the ${prop} prop`, fix: `remove the label and set ${prop}` });
    }
    return found;
  },
});

/** Named and canary predictors need KServe 0.20 (the feature gate, on the props that ask for them). */
export const canaryPredictorsFeatureRule = definePropsFeatureRule<ServiceSpec>("canary-predictors", (spec) => [
  ...(spec.canaries !== undefined ? [{ path: "canaries", value: spec.canaries.map((c) => c.name) }] : []),
  ...(spec.predictorName !== undefined ? [{ path: "predictorName", value: spec.predictorName }] : []),
]);

/** Standard mode cannot scale to zero except with KEDA. */
export const standardScaleToZeroRule = defineRule<ServiceSpec>({
  id: "isvc/standard-scale-to-zero",
  severity: "error",
  on: "props",
  summary: 'scaling.min 0 in Standard mode comes with the keda autoscaler (the hpa, none and external autoscalers do not scale to zero).',
  why: "In Standard mode KServe runs a Deployment: with the hpa class the HPA clamps minReplicas below 1 to 1, and with none or external nothing scales it at all, so at least one replica keeps running and the scale-to-zero the props ask for never happens. Only KEDA passes minReplicas 0 on to its ScaledObject.",
  fix: 'set scaling.min to 1 or more, or scale to zero with deploymentMode "Knative", or with scaling.autoscaler "keda" and a scaling.external Prometheus query',
  check: (spec) => {
    const cls = spec.scaling.autoscaler ?? "hpa";
    return spec.mode === "Standard" && spec.scaling.min === 0 && (cls === "hpa" || cls === "none" || cls === "external")
      ? [{ path: "scaling.min", value: 0, message: `Standard mode has no scale-to-zero with the ${cls} autoscaler (KServe runs at least one replica)` }]
      : [];
  },
});

/** canaryTrafficPercent is a Knative revision split. */
export const canaryModeRule = defineRule<ServiceSpec>({
  id: "isvc/canary-mode",
  severity: "error",
  on: "props",
  summary: "canaryTrafficPercent is set only in Knative mode.",
  why: "canaryTrafficPercent splits traffic between the latest and the previous Knative revision; KServe's Standard-mode reconciler has no revisions and ignores it, so every request would go to the new version while the props promise a canary.",
  fix: 'use deploymentMode "Knative" for revision canaries, or remove canaryTrafficPercent',
  check: (spec) => (spec.mode === "Standard" && spec.canaryTrafficPercent !== undefined ? [{ path: "canaryTrafficPercent", value: spec.canaryTrafficPercent, message: "Standard mode ignores canaryTrafficPercent (it splits traffic between Knative revisions)" }] : []),
});

/** containerConcurrency is a Knative queue-proxy limit. */
export const concurrencyModeRule = defineRule<ServiceSpec>({
  id: "isvc/concurrency-mode",
  severity: "error",
  on: "props",
  summary: "containerConcurrency is set only in Knative mode.",
  why: "containerConcurrency is the hard limit Knative's queue-proxy enforces per pod; Standard mode has no queue-proxy, so KServe ignores it and a pod would take more concurrent requests than the props allow.",
  fix: 'use deploymentMode "Knative", or remove containerConcurrency',
  check: (spec) => (spec.mode === "Standard" && spec.containerConcurrency !== undefined ? [{ path: "containerConcurrency", value: spec.containerConcurrency, message: "Standard mode ignores containerConcurrency (a Knative queue-proxy limit)" }] : []),
});

/** A KEDA TriggerAuthentication on external metrics needs KServe 0.16 (the feature gate, on the props that ask for it). */
export const externalAuthFeatureRule = definePropsFeatureRule<ServiceSpec>("autoscaling-external-auth", (spec) =>
  spec.mode !== "Standard" ? [] : (spec.scaling.external ?? []).flatMap((e, i) => (e.authentication !== undefined ? [{ path: `scaling.external[${i}].authentication`, value: e.authentication, alternative: "query a Prometheus server without authentication" }] : [])),
);

/** KEDA scaling renders cpu and memory triggers. */
export const kedaMetricRule = defineRule<ServiceSpec>({
  id: "isvc/keda-metric",
  severity: "error",
  on: "props",
  summary: 'scaling.metric with the keda autoscaler is "cpu" or "memory" (concurrency and rps are Knative metrics).',
  why: "With the keda autoscaler the library renders scaling.metric as a KEDA cpu or memory trigger; concurrency and rps are measured by Knative's queue-proxy, which Standard mode does not run, so KEDA would have nothing to scale on.",
  fix: 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative"',
  check: (spec) => {
    const s = spec.scaling;
    return spec.mode === "Standard" && s.autoscaler === "keda" && (s.metric === "concurrency" || s.metric === "rps") ? [{ path: "scaling.metric", value: s.metric, message: `the library renders keda scaling on cpu or memory; ${s.metric} is a Knative metric` }] : [];
  },
});

/** Knative mode scales with Knative's own autoscalers. */
export const knativeAutoscalerRule = defineRule<ServiceSpec>({
  id: "isvc/knative-autoscaler",
  severity: "error",
  on: "props",
  summary: 'scaling.autoscaler in Knative mode is "kpa" or "hpa".',
  why: "In Knative mode the Knative Service is scaled by Knative's autoscaler: its class annotation takes kpa or hpa only, and KServe's keda, external and none classes apply to Standard-mode Deployments, so the service would not scale the way the props say.",
  fix: 'use "kpa" or "hpa", or deploymentMode "Standard"',
  check: (spec) => {
    const a = spec.scaling.autoscaler;
    return spec.mode === "Knative" && a !== undefined && a !== "kpa" && a !== "hpa"
      ? [{ path: "scaling.autoscaler", value: a, message: `Knative mode scales with Knative's autoscaler (kpa) or its hpa class, not ${a}`, fix: `use "kpa" or "hpa", or deploymentMode "Standard" for ${a}` }]
      : [];
  },
});

/** Token authentication is OpenShift AI's. */
export const authRule = defineRule<ServiceSpec>({
  id: "target/auth",
  severity: "error",
  on: "props",
  summary: "auth: true is set only when the target is OpenShift AI.",
  why: "Upstream KServe has no switch that requires tokens on an InferenceService: security.opendatahub.io/enable-auth is read only by OpenShift AI's odh-model-controller, so on upstream KServe the annotation does nothing and the service would stay open while the props say it is protected.",
  fix: "remove auth and protect the service at your gateway, or set target.openshiftAI if the cluster runs OpenShift AI",
  check: (spec) => (spec.target.openshiftAI === undefined && spec.auth === true ? [{ path: "auth", value: true, message: "upstream KServe has no switch to require tokens on an InferenceService (security.opendatahub.io/enable-auth is OpenShift AI's)" }] : []),
});

/** The model's storage is in the InferenceService's namespace. */
export const storageNamespaceRule = defineRule<ServiceSpec>({
  id: "isvc/storage-namespace",
  severity: "error",
  on: "props",
  summary: "A model's storage (ModelStorage, StorageConfig) is defined in the InferenceService's namespace.",
  why: "The storage's ServiceAccount, its Secret references and its claims are namespaced: a pod can use only a ServiceAccount and a PersistentVolumeClaim of its own namespace, and the storage initializer reads Secrets there, so the model could not be fetched.",
  fix: "define the storage in the InferenceService's namespace",
  check: (spec) =>
    spec.model.namespace !== undefined && spec.namespace !== undefined && spec.model.namespace !== spec.namespace
      ? [
          {
            path: "model",
            value: spec.model.source?.where ?? spec.model.uri,
            message: `the model's storage lives in namespace ${spec.model.namespace} (its ServiceAccount, Secret references and claims are namespaced), the InferenceService in ${spec.namespace}`,
            fix: `define the storage in namespace ${spec.namespace}`,
          },
        ]
      : [],
});

/** Several replicas on a claim that one node can mount. */
export const pvcReplicasRule = defineRule<ServiceSpec>({
  id: "isvc/pvc-replicas",
  severity: "warning",
  on: "props",
  summary: "A model on a ReadWriteOnce or ReadWriteOncePod claim is served by one replica (a warning for ReadWriteOnce, an error for ReadWriteOncePod).",
  why: "A ReadWriteOnce volume is attached to one node at a time, so replicas beyond the first can only be scheduled on that node (they stay Pending when it is full); a ReadWriteOncePod volume is mounted by one pod only, so every further replica stays Pending. The first case is reported as a warning, the second as an error.",
  fix: "use a ReadOnlyMany or ReadWriteMany claim for models served by several replicas",
  check: (spec) => {
    const source = spec.model.source;
    const replicas = Math.max(spec.scaling.min, spec.scaling.max ?? 0);
    if (source?.kind !== "pvc" || replicas <= 1 || source.accessModes === undefined || !source.accessModes.every((m) => m === "ReadWriteOnce" || m === "ReadWriteOncePod")) return [];
    return [
      {
        path: "scaling",
        value: { min: spec.scaling.min, max: spec.scaling.max },
        message: `claim ${source.claimName ?? ""} is ${source.accessModes.join("/")}, so replicas beyond the first can only start on the same node`,
        ...(source.accessModes.includes("ReadWriteOncePod") ? { severity: "error" as const } : {}),
      },
    ];
  },
});

/** Whether the runtime serves across nodes (its engine says so, or its spec has a workerSpec); undefined when unknown. */
function runtimeServesMultiNode(spec: ServiceSpec): boolean | undefined {
  const rs = runtimeSpec(spec.runtime);
  return spec.runtime.engine?.multiNode ?? (rs !== undefined ? isRecord(rs["workerSpec"]) : undefined);
}

/** Multi-node serving is Standard mode's. */
export const multiNodeModeRule = defineRule<ServiceSpec>({
  id: "isvc/multi-node-mode",
  severity: "error",
  on: "props",
  summary: "A multi-node InferenceService is in Standard mode.",
  why: "KServe creates the head and worker pods of a workerSpec only in Standard mode; in Knative mode no workers are created and the model, split across nodes, never starts.",
  fix: 'use deploymentMode "Standard"',
  check: (spec) => (spec.multiNode !== undefined && spec.mode !== "Standard" ? [{ path: "multiNode", value: spec.multiNode, message: `multi-node serving works only in Standard mode (KServe creates no workers in ${spec.mode} mode)` }] : []),
});

/** A multi-node InferenceService and its runtime agree on multi-node serving. */
export const multiNodeRuntimeRule = defineRule<ServiceSpec>({
  id: "isvc/multi-node-runtime",
  severity: "error",
  on: "props",
  summary: "An InferenceService is multi-node exactly when its runtime is (has a workerSpec).",
  why: "KServe's webhook requires a workerSpec on the InferenceService exactly when its runtime has one: it selects a multi-node runtime only for multi-node InferenceServices, and a runtime without a workerSpec has no worker container to start on the other nodes.",
  fix: "set multiNode with a multi-node runtime, or use a single-node runtime without it",
  check: (spec) => {
    const runtimeMultiNode = runtimeServesMultiNode(spec);
    if (spec.multiNode === undefined) {
      return runtimeMultiNode === true ? [{ path: "multiNode", value: undefined, message: `runtime "${spec.runtime.name}" is a multi-node runtime (it has a workerSpec); KServe uses it only for multi-node InferenceServices`, fix: "set multiNode, or use a single-node runtime" }] : [];
    }
    return runtimeMultiNode === false ? [{ path: "engine", value: spec.runtime.name, message: `runtime "${spec.runtime.name}" has no workerSpec, so it cannot serve across nodes`, fix: "use a multi-node engine (multiNode on the engine, or InferenceEngine.vllm with multiNode: true)" }] : [];
  },
});

/** Whether a multi-node InferenceService requests accelerators. */
function requestsAccelerators(spec: ServiceSpec): boolean {
  return spec.hardware?.accelerator?.resourceName !== undefined && spec.devices >= 1;
}

/** Multi-node serving splits a model across accelerators. */
export const multiNodeHardwareRule = defineRule<ServiceSpec>({
  id: "isvc/multi-node-hardware",
  severity: "error",
  on: "props",
  summary: "A multi-node InferenceService requests accelerators.",
  why: "Multi-node serving splits the model over pipelineParallelSize × tensorParallelSize accelerators, and KServe's webhook requires a GPU resource on the head and the workers: without one the InferenceService is refused (and there would be nothing to split the model across).",
  fix: "request accelerators with hardware: profile.request({ accelerators: N })",
  check: (spec) => (spec.multiNode !== undefined && !requestsAccelerators(spec) ? [{ path: "hardware", value: undefined, message: "multi-node serving splits a model across accelerators, and this InferenceService requests none" }] : []),
});

/** tensorParallelSize is the devices per node. */
export const multiNodeParallelismRule = defineRule<ServiceSpec>({
  id: "isvc/multi-node-parallelism",
  severity: "error",
  on: "props",
  summary: "A multi-node InferenceService's tensorParallelSize is the accelerators each pod requests.",
  why: "KServe sizes the head and each worker from tensorParallelSize (the devices per node) and runs pipelineParallelSize pods: when the pods request another number of accelerators, vLLM's world size does not match the devices it finds and the model fails to start (or leaves devices idle).",
  fix: "set tensorParallelSize to the accelerators per pod, or request that many accelerators per pod",
  check: (spec) => {
    const m = spec.multiNode;
    const resource = spec.hardware?.accelerator?.resourceName;
    if (m === undefined || resource === undefined || !requestsAccelerators(spec) || m.tensorParallelSize === spec.devices) return [];
    return [
      {
        path: "multiNode.tensorParallelSize",
        value: m.tensorParallelSize,
        message: `pipelineParallelSize × tensorParallelSize = ${m.pipelineParallelSize} × ${m.tensorParallelSize} = ${m.pipelineParallelSize * m.tensorParallelSize}, but head and workers request ${m.pipelineParallelSize} × ${spec.devices} = ${m.pipelineParallelSize * spec.devices} ${resource}`,
        fix: `set tensorParallelSize to ${spec.devices} (the devices per node), or request ${m.tensorParallelSize} accelerators per pod`,
      },
    ];
  },
});

// ---------------------------------------------------------------------------------------------------
// Manifest rules: KServe's InferenceService webhook, mirrored, and what the deployment modes, the target
// platform and the runtime do with the manifest. They read only manifests (the runtime is the one the
// build knows, or the one the InferenceService names among the app's manifests), so `lint` runs them on
// YAML the library did not write.

/** The predictor of an InferenceService manifest, or undefined (also for other kinds). */
function predictorOf(manifest: Manifest): Record<string, unknown> | undefined {
  if (!isServiceManifest(manifest)) return undefined;
  const spec = manifest["spec"];
  const predictor = isRecord(spec) ? spec["predictor"] : undefined;
  return isRecord(predictor) ? predictor : undefined;
}

/** The manifest path of each implementation container (`spec.predictor.model`, ...), built once. */
const IMPLEMENTATION_PATHS: ReadonlyMap<string, string> = new Map(IMPLEMENTATION_CONTAINERS.map((key) => [key, `spec.predictor.${key}`]));

/** The predictor {@link implementations} last looked at, and what it found (the service rules of one manifest run one after another). */
let lastImplementations: { readonly predictor: Record<string, unknown>; readonly list: { key: string; path: string; c: Record<string, unknown> }[] } | undefined;

/** Each implementation container of the predictor (model, sklearn, ...), with its path (computed once for the predictor the rules are looking at; nothing is kept per manifest). */
function implementations(predictor: Record<string, unknown>): { key: string; path: string; c: Record<string, unknown> }[] {
  if (lastImplementations?.predictor === predictor) return lastImplementations.list;
  const list: { key: string; path: string; c: Record<string, unknown> }[] = [];
  for (const key of IMPLEMENTATION_CONTAINERS) {
    const c = predictor[key];
    if (isRecord(c)) list.push({ key, path: IMPLEMENTATION_PATHS.get(key) as string, c });
  }
  lastImplementations = { predictor, list };
  return list;
}

/** A service rule: runs only on InferenceService manifests with a predictor. */
function serviceRule(rule: Omit<ManifestRule, "check"> & { readonly check: (predictor: Record<string, unknown>, subject: ManifestSubject) => Finding[] }): ManifestRule {
  return defineManifestRule({
    ...rule,
    check: (subject) => {
      const predictor = predictorOf(subject.manifest);
      return predictor === undefined ? [] : rule.check(predictor, subject);
    },
  });
}

export const nameRule = defineManifestRule({
  id: "kserve/name",
  severity: "error",
  summary: "An InferenceService name is a DNS-1035 label.",
  why: "KServe's validating webhook rejects InferenceService names that do not match ^[a-z]([-a-z0-9]*[a-z0-9])?$ (they become Service and host names).",
  fix: "use lowercase letters, digits and '-', starting with a letter",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: ({ manifest }) =>
    isServiceManifest(manifest) && !DNS1035_LABEL.test(manifest.metadata.name)
      ? [{ path: "metadata.name", value: manifest.metadata.name, message: "KServe's webhook requires an InferenceService name matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (a DNS-1035 label)", fix: `use a name such as "${toDns1035(manifest.metadata.name)}"` }]
      : [],
});

export const autoscalerClassRule = defineManifestRule({
  id: "kserve/autoscaler-class",
  severity: "error",
  summary: "The autoscaler class annotation is one KServe's webhook accepts (hpa, keda, external, none).",
  why: "KServe's webhook rejects any other serving.kserve.io/autoscalerClass; kpa is Knative's autoscaler and is chosen by Knative mode, not by this annotation.",
  fix: `use one of ${AUTOSCALER_CLASSES.join(", ")}`,
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.autoscalerClass],
  check: ({ manifest }) => {
    const cls = isServiceManifest(manifest) ? manifest.metadata.annotations?.[KSERVE.autoscalerClass] : undefined;
    if (cls === undefined || (AUTOSCALER_CLASSES as readonly string[]).includes(cls)) return [];
    return [
      {
        path: `metadata.annotations["${KSERVE.autoscalerClass}"]`,
        value: cls,
        message: `KServe's webhook accepts only ${AUTOSCALER_CLASSES.join(", ")} as autoscaler class${cls === "kpa" ? " (kpa is Knative's own autoscaler, chosen by Knative mode)" : ""}`,
        fix: cls === "kpa" ? 'use deploymentMode "Knative" for the Knative autoscaler, or scaling.autoscaler "hpa" in Standard mode' : `use one of ${AUTOSCALER_CLASSES.join(", ")}`,
      },
    ];
  },
});

export const predictorRule = defineManifestRule({
  id: "kserve/predictor",
  severity: "error",
  summary: "An InferenceService has spec.predictor.",
  why: "The InferenceService CRD requires spec.predictor; the API server rejects an object without it.",
  fix: "give the InferenceService a model",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: ({ manifest }) => {
    if (!isServiceManifest(manifest)) return [];
    const predictor = getIn(manifest, ["spec", "predictor"]);
    return isRecord(predictor) ? [] : [{ path: "spec.predictor", value: predictor, message: "an InferenceService needs spec.predictor", fix: "give the InferenceService a model" }];
  },
});

export const oneImplementationRule = serviceRule({
  id: "kserve/one-implementation",
  severity: "error",
  summary: "The predictor sets exactly one implementation (model, a framework shorthand, or containers).",
  why: "KServe's webhook rejects a predictor with none or several of them (\"exactly one ... must be specified\").",
  fix: "keep only predictor.model (remove the others from predictorOverrides)",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (predictor) => {
    const present = PREDICTOR_IMPLEMENTATIONS.filter((k) => predictor[k] !== undefined);
    return present.length === 1
      ? []
      : [{ path: "spec.predictor", value: present, message: `exactly one of ${PREDICTOR_IMPLEMENTATIONS.join(", ")} must be set in the predictor, found ${present.length === 0 ? "none" : present.join(" and ")}`, fix: "keep only predictor.model (remove the others from predictorOverrides)" }];
  },
});

export const modelNameFieldRule = serviceRule({
  id: "kserve/model-name-field",
  severity: "error",
  summary: "predictor.model (and each framework shorthand) has no container name.",
  why: "KServe's webhook rejects it (\"the 'name' field is not allowed in standard predictor\"): the container is always kserve-container.",
  fix: "remove the name; predictor.name is the variant name, a different field",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: IMPLEMENTATION_CONTAINERS,
  check: (predictor) =>
    implementations(predictor).flatMap(({ key, path, c }) =>
      c["name"] !== undefined
        ? [{ path: `${path}.name`, value: c["name"], message: `KServe's webhook rejects a "name" inside predictor.${key} ("the 'name' field is not allowed in standard predictor")`, fix: "remove it; the container is always kserve-container (predictor.name is the variant name, a different field)" }]
        : [],
    ),
});

export const storageUriAndUrisRule = serviceRule({
  id: "kserve/storage-uri-and-uris",
  severity: "error",
  summary: "A predictor does not set both the model's storageUri and storageUris.",
  why: "KServe's webhook rejects an InferenceService that sets both (\"setting both storageUri and storageUris is not supported\").",
  fix: "put every source in storageUris, or keep only the model's storageUri",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["storageUris"],
  check: (predictor) =>
    implementations(predictor).flatMap(({ c }) =>
      c["storageUri"] !== undefined && predictor["storageUris"] !== undefined
        ? [{ path: "spec.predictor.storageUris", value: predictor["storageUris"], message: "setting both storageUri and storageUris is not supported (KServe's webhook rejects it)", fix: "put every source in storageUris, or keep only the model's storageUri" }]
        : [],
    ),
});

export const storageUriAndPathRule = serviceRule({
  id: "kserve/storage-uri-and-path",
  severity: "error",
  summary: "A model is addressed by storageUri or by storage.path, not both.",
  why: "KServe's webhook accepts only one of storageUri and storage.path on a model.",
  fix: "address the model either by URI or through the storage-config key",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["storage"],
  check: (predictor) =>
    implementations(predictor).flatMap(({ path, c }) =>
      c["storageUri"] !== undefined && isRecord(c["storage"]) && c["storage"]["path"] !== undefined
        ? [{ path: `${path}.storage.path`, value: c["storage"]["path"], message: "KServe accepts only one of storageUri and storage.path", fix: "address the model either by URI or through the storage-config key" }]
        : [],
    ),
});

export const storageUrisRule = serviceRule({
  id: "kserve/storage-uris",
  severity: "error",
  summary: "Each storageUris entry has a uri and an absolute mountPath other than '/' without '..'.",
  why: "KServe's webhook rejects storageUris entries without a uri or with a mount path that is relative, '/' or escapes with '..'.",
  fix: "give each entry a uri and a mountPath such as /mnt/models/extra",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["storageUris"],
  check: (predictor) =>
    (Array.isArray(predictor["storageUris"]) ? predictor["storageUris"] : []).flatMap((entry: unknown, i: number): Finding[] => {
      const out: Finding[] = [];
      const uri = isRecord(entry) ? entry["uri"] : undefined;
      if (typeof uri !== "string" || uri === "") out.push({ path: `spec.predictor.storageUris[${i}].uri`, value: uri, message: "each storageUris entry needs a uri", fix: "give the entry a uri" });
      const mountPath = isRecord(entry) ? entry["mountPath"] : undefined;
      if (typeof mountPath === "string" && (mountPath === "/" || !mountPath.startsWith("/") || mountPath.split("/").includes(".."))) {
        out.push({ path: `spec.predictor.storageUris[${i}].mountPath`, value: mountPath, message: "a mountPath must be absolute, not '/', and without '..'", fix: 'use for example "/mnt/models/extra"' });
      }
      return out;
    }),
});

export const negativeRule = serviceRule({
  id: "kserve/negative",
  severity: "error",
  summary: "minReplicas, maxReplicas and containerConcurrency are not negative.",
  why: "KServe's webhook rejects negative replica counts and concurrency.",
  fix: "use 0 or more",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["minReplicas", "maxReplicas", "containerConcurrency"],
  check: (predictor) =>
    (["minReplicas", "maxReplicas", "containerConcurrency"] as const).flatMap((key) => {
      const value = predictor[key];
      return typeof value === "number" && value < 0 ? [{ path: `spec.predictor.${key}`, value, message: `${key} cannot be negative`, fix: "use 0 or more" }] : [];
    }),
});

export const minAboveMaxRule = serviceRule({
  id: "kserve/min-above-max",
  severity: "error",
  summary: "minReplicas is not above maxReplicas (0 means no maximum).",
  why: "KServe's webhook rejects an InferenceService whose minReplicas is greater than maxReplicas.",
  fix: "raise scaling.max to at least scaling.min",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["maxReplicas"],
  check: (predictor) => {
    const min = predictor["minReplicas"];
    const max = predictor["maxReplicas"];
    return typeof min === "number" && typeof max === "number" && max !== 0 && min > max ? [{ path: "spec.predictor.maxReplicas", value: max, message: `minReplicas ${min} is greater than maxReplicas ${max}`, fix: `set scaling.max to at least ${min}` }] : [];
  },
});

export const loggerModeRule = serviceRule({
  id: "kserve/logger-mode",
  severity: "error",
  summary: "A predictor logger's mode is all, request or response.",
  why: "KServe's webhook rejects a logger with any other mode, an empty one included.",
  fix: 'set logger.mode to "all", "request" or "response"',
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["logger"],
  check: (predictor) => {
    const logger = predictor["logger"];
    if (!isRecord(logger)) return [];
    const m = logger["mode"];
    return m !== "all" && m !== "request" && m !== "response"
      ? [{ path: "spec.predictor.logger.mode", value: m, message: 'KServe\'s webhook rejects a logger whose mode is not "all", "request" or "response" (an empty mode included)', fix: 'set logger.mode to "all", "request" or "response"' }]
      : [];
  },
});

export const deploymentStrategyModeRule = serviceRule({
  id: "kserve/deployment-strategy-mode",
  severity: "error",
  summary: "deploymentStrategy is set only in Standard mode.",
  why: "KServe's webhook rejects deploymentStrategy outside Standard (raw deployment) mode: Knative rolls out revisions itself.",
  fix: 'remove deploymentStrategy, or use deploymentMode "Standard"',
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["deploymentStrategy"],
  check: (predictor, { manifest }) =>
    predictor["deploymentStrategy"] !== undefined && manifestMode(manifest) !== "Standard"
      ? [{ path: "spec.predictor.deploymentStrategy", value: predictor["deploymentStrategy"], message: "deploymentStrategy is only supported in Standard (raw deployment) mode", fix: 'remove deploymentStrategy, or use deploymentMode "Standard"' }]
      : [],
});

/** The workerSpec of a multi-node predictor (KServe's multi-node rules run only then). */
function workerOf(predictor: Record<string, unknown>): Record<string, unknown> | undefined {
  const worker = predictor["workerSpec"];
  return isRecord(worker) ? worker : undefined;
}

export const multiNodeSizeRule = serviceRule({
  id: "kserve/multi-node-size",
  severity: "error",
  summary: "A multi-node predictor's pipelineParallelSize and tensorParallelSize are at least 1.",
  why: "KServe's webhook rejects sizes below 1 for multi-node services.",
  fix: "set multiNode.pipelineParallelSize and multiNode.tensorParallelSize to 1 or more",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["workerSpec"],
  check: (predictor) => {
    const worker = workerOf(predictor);
    if (worker === undefined) return [];
    return (["pipelineParallelSize", "tensorParallelSize"] as const).flatMap((key) => {
      const v = worker[key];
      return v !== undefined && (typeof v !== "number" || v < 1) ? [{ path: `spec.predictor.workerSpec.${key}`, value: v, message: `${key} must be at least 1`, fix: `set multiNode.${key} to 1 or more` }] : [];
    });
  },
});

export const multiNodeWorkersRule = serviceRule({
  id: "kserve/multi-node-workers",
  severity: "error",
  summary: "A multi-node predictor's workerSpec has at most one container.",
  why: "KServe's webhook allows at most one container in workerSpec.",
  fix: "keep one worker container",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["workerSpec"],
  check: (predictor) => {
    const worker = workerOf(predictor);
    const workers = worker !== undefined && Array.isArray(worker["containers"]) ? worker["containers"].filter(isRecord) : [];
    return workers.length > 1 ? [{ path: "spec.predictor.workerSpec.containers", value: workers.map((c) => c["name"]), message: "KServe allows at most one container in workerSpec", fix: "keep one worker container" }] : [];
  },
});

export const multiNodeParallelEnvRule = serviceRule({
  id: "kserve/multi-node-parallel-env",
  severity: "error",
  summary: "A multi-node model does not set TENSOR_PARALLEL_SIZE or PIPELINE_PARALLEL_SIZE in its env.",
  why: "KServe sets these variables for multi-node services from workerSpec, and its webhook rejects them in the model's env.",
  fix: "set the sizes with multiNode.pipelineParallelSize and multiNode.tensorParallelSize",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["workerSpec"],
  check: (predictor) => {
    if (workerOf(predictor) === undefined) return [];
    const model = isRecord(predictor["model"]) ? predictor["model"] : undefined;
    const env = Array.isArray(model?.["env"]) ? (model?.["env"] as { name?: string }[]) : [];
    return env.flatMap((e, i) =>
      e.name === "TENSOR_PARALLEL_SIZE" || e.name === "PIPELINE_PARALLEL_SIZE"
        ? [{ path: `spec.predictor.model.env[${i}]`, value: e.name, message: `KServe sets ${e.name} for multi-node services and its webhook rejects it in the model's env`, fix: "set the sizes with multiNode.pipelineParallelSize and multiNode.tensorParallelSize" }]
        : [],
    );
  },
});

export const multiNodeStorageRule = serviceRule({
  id: "kserve/multi-node-storage",
  severity: "error",
  summary: "A multi-node model is stored on a PVC (pvc://) or in an OCI image (oci://).",
  why: "KServe's multi-node serving needs every node to read the same files; its webhook rejects other storage for multi-node services.",
  fix: "use ModelStorage.pvc or ModelStorage.oci for multi-node models",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["workerSpec"],
  check: (predictor) => {
    if (workerOf(predictor) === undefined) return [];
    const model = isRecord(predictor["model"]) ? predictor["model"] : undefined;
    const uri = model?.["storageUri"];
    return typeof uri !== "string" || !(uri.startsWith("pvc://") || uri.startsWith("oci://"))
      ? [{ path: "spec.predictor.model.storageUri", value: uri, message: "KServe's multi-node serving needs the model on a PVC (pvc://) or in an OCI image (oci://), so every node reads the same files", fix: "use ModelStorage.pvc or ModelStorage.oci for multi-node models" }]
      : [];
  },
});

export const multiNodeAutoscalerRule = serviceRule({
  id: "kserve/multi-node-autoscaler",
  severity: "error",
  summary: "A multi-node InferenceService uses the autoscaler class none.",
  why: "KServe's webhook requires the autoscaler class \"none\" for multi-node services: their replicas are fixed.",
  fix: 'leave scaling.autoscaler unset (multi-node defaults to none) or set it to "none"',
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["workerSpec"],
  check: (predictor, { manifest }) => {
    if (workerOf(predictor) === undefined) return [];
    const cls = manifest.metadata.annotations?.[KSERVE.autoscalerClass];
    return cls !== "none"
      ? [{ path: `metadata.annotations["${KSERVE.autoscalerClass}"]`, value: cls, message: "KServe's webhook requires the autoscaler class \"none\" for multi-node services (replicas are fixed)", fix: "leave scaling.autoscaler unset (multi-node defaults to none) or set it to \"none\"" }]
      : [];
  },
});

/** Which autoscaler's rules apply to a predictor. */
function scalingRegime(manifest: Manifest): "hpa" | "keda" | "kpa" | undefined {
  const annotations = manifest.metadata.annotations ?? {};
  const mode = manifestMode(manifest);
  const cls = annotations[KSERVE.autoscalerClass] ?? "hpa";
  const knativeClass = annotations[KSERVE.knativeClass];
  if ((mode === "Standard" && cls === "hpa") || (mode !== "Standard" && knativeClass === KNATIVE_CLASSES.hpa)) return "hpa";
  if (mode === "Standard" && cls === "keda") return "keda";
  if (mode !== "Standard") return "kpa";
  return undefined;
}

export const scaleMetricRule = serviceRule({
  id: "kserve/scale-metric",
  severity: "error",
  summary: "The scale metric is one the autoscaler supports: cpu or memory for HPA, concurrency or rps for Knative's kpa.",
  why: "KServe's webhook rejects a scaleMetric its autoscaler cannot scale on.",
  fix: "use a metric of the autoscaler, or change the autoscaler",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["scaleMetric"],
  check: (predictor, { manifest }) => {
    const regime = scalingRegime(manifest);
    const metric = predictor["scaleMetric"];
    if (regime === "hpa") {
      const m = metric ?? "cpu";
      return m !== "cpu" && m !== "memory"
        ? [{ path: "spec.predictor.scaleMetric", value: m, message: `the HPA autoscaler scales on cpu or memory, not ${String(m)}`, fix: manifestMode(manifest) === "Standard" ? 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative" for concurrency and rps' : 'use scaling.metric "cpu" or "memory", or the kpa autoscaler' }]
        : [];
    }
    if (regime === "kpa") {
      const m = metric ?? "concurrency";
      return m !== "concurrency" && m !== "rps" ? [{ path: "spec.predictor.scaleMetric", value: m, message: `Knative's autoscaler (kpa) scales on concurrency or rps, not ${String(m)}`, fix: 'use scaling.metric "concurrency" or "rps", or scaling.autoscaler "hpa" for cpu and memory' }] : [];
    }
    return [];
  },
});

export const scaleTargetRule = serviceRule({
  id: "kserve/scale-target",
  severity: "error",
  summary: "The scale target is in range: 1 to 100 (a utilization percentage) for HPA, at least 1 for rps.",
  why: "KServe's webhook rejects HPA targets outside 1-100 and rps targets below 1.",
  fix: "use a target between 1 and 100 (HPA) or of 1 or more (rps)",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["scaleTarget"],
  check: (predictor, { manifest }) => {
    const regime = scalingRegime(manifest);
    const target = predictor["scaleTarget"];
    if (typeof target !== "number") return [];
    if (regime === "hpa") {
      const m = predictor["scaleMetric"] ?? "cpu";
      if (target > 100) return [{ path: "spec.predictor.scaleTarget", value: target, message: "the HPA target is a utilization percentage and cannot exceed 100", fix: "use a target between 1 and 100" }];
      if (target < 1) return [{ path: "spec.predictor.scaleTarget", value: target, message: `the ${String(m)} target must be at least 1`, fix: "use a target between 1 and 100" }];
    } else if (regime === "kpa" && (predictor["scaleMetric"] ?? "concurrency") === "rps" && target < 1) {
      return [{ path: "spec.predictor.scaleTarget", value: target, message: "the rps target must be at least 1", fix: "use a target of 1 or more" }];
    }
    return [];
  },
});

export const hpaMetricsRule = serviceRule({
  id: "kserve/hpa-metrics",
  severity: "error",
  summary: "With the HPA autoscaler, autoScaling.metrics are Resource metrics.",
  why: "KServe's webhook accepts only Resource metrics for the hpa autoscaler class; external and pod metrics need KEDA.",
  fix: 'use scaling.autoscaler "keda" for external or pod metrics',
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["autoScaling"],
  check: (predictor, { manifest }) => {
    if (scalingRegime(manifest) !== "hpa") return [];
    const metrics = getIn(predictor, ["autoScaling", "metrics"]);
    return (Array.isArray(metrics) ? metrics : []).flatMap((entry: unknown, i: number) =>
      !isRecord(entry) || entry["type"] !== "Resource" || entry["resource"] === undefined ? [{ path: `spec.predictor.autoScaling.metrics[${i}]`, value: entry, message: "the HPA autoscaler takes only Resource metrics", fix: 'use scaling.autoscaler "keda" for external or pod metrics' }] : [],
    );
  },
});

export const kedaScaleMetricRule = serviceRule({
  id: "kserve/keda-scale-metric",
  severity: "error",
  summary: "With the keda autoscaler, the predictor has no scaleMetric (metrics go in autoScaling).",
  why: "KServe's webhook rejects scaleMetric on an InferenceService that scales with KEDA.",
  fix: "give scaling.metric cpu or memory (rendered as autoScaling metrics), not scaleMetric overrides",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["scaleMetric"],
  check: (predictor, { manifest }) =>
    scalingRegime(manifest) === "keda" && predictor["scaleMetric"] !== undefined
      ? [{ path: "spec.predictor.scaleMetric", value: predictor["scaleMetric"], message: "with the keda autoscaler KServe's webhook rejects scaleMetric (metrics go in autoScaling)", fix: "give scaling.metric cpu or memory (rendered as autoScaling metrics), not scaleMetric overrides" }]
      : [],
});

export const hostnameLengthRule = defineManifestRule({
  id: "isvc/hostname-length",
  severity: "error",
  summary: "The host name label KServe derives ({name}-predictor-{namespace}) fits 63 characters.",
  why: "KServe derives DNS labels from the name and namespace; one longer than 63 characters cannot be a host name, so the service never becomes ready.",
  fix: "shorten the name (or the namespace)",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: ({ manifest }) => {
    if (!isServiceManifest(manifest) || manifestMode(manifest) === "ModelMesh") return [];
    const name = manifest.metadata.name;
    const namespace = manifest.metadata.namespace;
    const host = namespace !== undefined ? `${name}-predictor-${namespace}` : `${name}-predictor`;
    if (host.length <= MAX_LABEL) return [];
    const budget = MAX_LABEL - (host.length - name.length);
    return [
      {
        path: "metadata.name",
        value: name,
        message: `KServe derives the host name label "${host}" (${host.length} characters), longer than the ${MAX_LABEL} a DNS label allows; the service would never become ready`,
        fix: budget > 0 ? `shorten the name to at most ${budget} characters${namespace !== undefined ? ` in namespace ${namespace}` : ""}` : "use a shorter namespace and name",
      },
    ];
  },
});

export const odhNameLengthRule = defineManifestRule({
  id: "odh/name-length",
  severity: "error",
  summary: "On OpenShift AI, an InferenceService name has at most 53 characters.",
  why: "OpenShift AI rejects longer InferenceService names (it derives further object names from them).",
  fix: `shorten the name to at most ${OPENSHIFT_AI_MAX_NAME} characters`,
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: ({ manifest, target }) =>
    isServiceManifest(manifest) && target.openshiftAI !== undefined && manifest.metadata.name.length > OPENSHIFT_AI_MAX_NAME
      ? [{ path: "metadata.name", value: manifest.metadata.name, message: `OpenShift AI rejects InferenceService names longer than ${OPENSHIFT_AI_MAX_NAME} characters (this one has ${manifest.metadata.name.length})`, fix: `shorten the name to at most ${OPENSHIFT_AI_MAX_NAME} characters` }]
      : [],
});

/** The pod-level sources Knative reads: the predictor, and the runtime's spec. */
function knativeSources(subject: ManifestSubject): { runtime: RuntimeInfo | undefined; sources: [string, Record<string, unknown>][] } {
  const predictor = predictorOf(subject.manifest) ?? {};
  const runtime = runtimeOfService(subject);
  const rs = runtime !== undefined ? (runtimeSpec(runtime) ?? {}) : {};
  return { runtime, sources: [["spec.predictor", predictor], ...(runtime !== undefined ? [[`runtime ${runtime.name}: spec`, rs] as [string, Record<string, unknown>]] : [])] };
}

const isKnative = (subject: ManifestSubject): boolean => isServiceManifest(subject.manifest) && manifestMode(subject.manifest) === "Knative";

function knativeFlagFinding(subject: ManifestSubject, path: string, value: unknown, flag: string, what: string): Finding[] {
  if (subject.target.knativeFeatures.has(flag)) return [];
  return [{ path, value, message: `Knative mode rejects ${what} unless Knative's feature flag "${flag}" is enabled`, fix: `use deploymentMode "Standard", or enable "${flag}" in Knative's config-features and list it in target.knativeFeatures` }];
}

export const knativePodFieldsRule = defineManifestRule({
  id: "isvc/knative-pod-fields",
  severity: "error",
  summary: "In Knative mode, the predictor and its runtime use tolerations, nodeSelector, affinity, runtimeClassName, schedulerName and PVC volumes only when the matching Knative feature flag is on.",
  why: "Knative Serving's webhook rejects these pod fields unless its config-features flag (kubernetes.podspec-*) is enabled, so the Knative Service is never created.",
  fix: 'use deploymentMode "Standard", or enable the flag in Knative\'s config-features and list it in target.knativeFeatures',
  on: "app",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: (subject) => {
    if (!isKnative(subject)) return [];
    const out: Finding[] = [];
    for (const [where, pod] of knativeSources(subject).sources) {
      for (const field of ["tolerations", "nodeSelector", "affinity", "runtimeClassName", "schedulerName"] as const) {
        const value = pod[field];
        if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out.push(...knativeFlagFinding(subject, `${where}.${field}`, value, KNATIVE_FLAGS[field], field));
      }
      (Array.isArray(pod["volumes"]) ? pod["volumes"] : []).forEach((v: unknown, i: number) => {
        if (isRecord(v) && v["persistentVolumeClaim"] !== undefined) out.push(...knativeFlagFinding(subject, `${where}.volumes[${i}]`, v["name"], KNATIVE_FLAGS.persistentVolumeClaim, "PVC volumes"));
      });
    }
    // a pvc:// model needs no Knative flag: KServe's pod mutator adds the claim's volume when the pod is
    // admitted, after Knative has validated the Service (kserve.md, storage 4.1)
    return out;
  },
});

function knativeMainPorts(subject: ManifestSubject): { runtime: RuntimeInfo; ports: { containerPort: number }[] } | undefined {
  if (!isKnative(subject)) return undefined;
  const runtime = runtimeOfService(subject);
  const rs = runtime !== undefined ? runtimeSpec(runtime) : undefined;
  if (runtime === undefined || rs === undefined) return undefined;
  const main = runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER);
  return { runtime, ports: recordsOf<{ containerPort: number }>(main?.ports) };
}

export const knativeOnePortRule = defineManifestRule({
  id: "isvc/knative-one-port",
  severity: "error",
  summary: "In Knative mode, the serving container declares one port.",
  why: "Knative Serving allows a single container port per revision and rejects the Knative Service otherwise.",
  fix: 'use deploymentMode "Standard", or an engine without a separate grpcPort',
  on: "app",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: (subject) => {
    const found = knativeMainPorts(subject);
    return found !== undefined && found.ports.length > 1
      ? [{ path: `runtime ${found.runtime.name}: spec.containers[${KSERVE_CONTAINER}].ports`, value: found.ports.map((p) => p.containerPort), message: "Knative mode allows a single container port", fix: 'use deploymentMode "Standard", or an engine without a separate grpcPort' }]
      : [];
  },
});

export const knativeReservedPortRule = defineManifestRule({
  id: "isvc/knative-reserved-port",
  severity: "error",
  summary: "In Knative mode, the serving container does not listen on a port Knative's queue-proxy uses.",
  why: `Knative reserves ports ${KNATIVE_RESERVED_PORTS.join(", ")} for its queue-proxy and rejects a user container that declares one.`,
  fix: 'move the engine to another port (8080 is the usual one), or use deploymentMode "Standard"',
  on: "app",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: (subject) => {
    const found = knativeMainPorts(subject);
    if (found === undefined) return [];
    return found.ports.flatMap((p) =>
      (KNATIVE_RESERVED_PORTS as readonly number[]).includes(p.containerPort)
        ? [{ path: `runtime ${found.runtime.name}: spec.containers[${KSERVE_CONTAINER}].ports`, value: p.containerPort, message: `Knative reserves port ${p.containerPort} (${KNATIVE_RESERVED_PORTS.join(", ")} belong to its queue-proxy)`, fix: 'move the engine to another port (8080 is the usual one), or use deploymentMode "Standard"' }]
        : [],
    );
  },
});

export const odhStandardOnlyRule = defineManifestRule({
  id: "odh/standard-only",
  severity: "error",
  summary: "On OpenShift AI releases without Knative (3.0 and later), an InferenceService uses Standard mode.",
  why: "OpenShift AI 3.0 removed Knative (serverless) serving; its KServe reconciles only Standard (raw deployment) mode.",
  fix: 'use deploymentMode "Standard"',
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: ({ manifest, target }) => {
    const mode = isServiceManifest(manifest) ? manifestMode(manifest) : undefined;
    return target.openshiftAI !== undefined && !target.openshiftAI.release.knative && mode === "Knative"
      ? [{ path: "deploymentMode", value: mode, message: `${describeTarget(target)} reconciles only Standard (raw deployment) mode: OpenShift AI 3.x has no Knative (Serverless) mode, removed in 3.0`, fix: 'use deploymentMode "Standard"' }]
      : [];
  },
});

/** What the model asks of its runtime: format, version, pinned runtime, protocol. */
function wantedOf(manifest: Manifest): { name: string; version?: string; pinned: boolean; protocolVersion?: string } {
  const model = getIn(manifest, ["spec", "predictor", "model"]);
  const rendered = isRecord(model) ? model : {};
  const format = isRecord(rendered["modelFormat"]) ? rendered["modelFormat"] : {};
  return {
    name: String(format["name"] ?? ""),
    ...(typeof format["version"] === "string" ? { version: format["version"] } : {}),
    pinned: typeof rendered["runtime"] === "string",
    ...(typeof rendered["protocolVersion"] === "string" ? { protocolVersion: rendered["protocolVersion"] } : {}),
  };
}

/** An app rule on an InferenceService and its (valid) runtime. */
function runtimeMatchRule(rule: Omit<ManifestRule, "check" | "on"> & { readonly check: (runtime: RuntimeInfo, subject: ManifestSubject) => Finding[] }): ManifestRule {
  return defineManifestRule({
    ...rule,
    on: "app",
    kinds: SERVICE_KINDS,
    check: (subject) => {
      if (!isServiceManifest(subject.manifest)) return [];
      const runtime = runtimeOfService(subject);
      return runtime === undefined || !runtime.valid ? [] : rule.check(runtime, subject);
    },
  });
}

/**
 * A rule on an InferenceService and the runtime handle its build holds (the engine's namespace and
 * declared capabilities are facts of the library's constructs, not of the manifests): runs at synth time
 * only, so it is a props-level rule.
 */
function handleRule(rule: Omit<Rule<ManifestSubject>, "check" | "on"> & { readonly check: (runtime: RuntimeInfo, subject: ManifestSubject) => Finding[] }): Rule<ManifestSubject> {
  return defineRule<ManifestSubject>({
    ...rule,
    on: "props",
    check: (subject) => {
      const runtime = subject.known?.runtime;
      return runtime === undefined || !runtime.valid || !isServiceManifest(subject.manifest) ? [] : rule.check(runtime, subject);
    },
  });
}

export const runtimeNamespaceRule = handleRule({
  id: "isvc/runtime-namespace",
  severity: "error",
  summary: "A namespaced ServingRuntime is in the InferenceService's namespace.",
  why: "KServe looks for a ServingRuntime only in the InferenceService's own namespace (then for ClusterServingRuntimes), so a runtime elsewhere is never found.",
  fix: 'define the engine in the InferenceService\'s namespace, or give it scope: "cluster"',
  check: (runtime, { manifest }) => {
    const ns = manifest.metadata.namespace;
    return runtime.kind === "ServingRuntime" && runtime.namespace !== undefined && ns !== undefined && runtime.namespace !== ns
      ? [{ path: "engine", value: runtime.name, message: `ServingRuntime "${runtime.name}" is in namespace ${runtime.namespace}, and KServe looks for namespaced runtimes in the InferenceService's namespace ${ns}`, fix: `define the engine in namespace ${ns}, or give it scope: "cluster"` }]
      : [];
  },
});

export const runtimeMultiModelRule = runtimeMatchRule({
  id: "isvc/runtime-multi-model",
  severity: "error",
  summary: "A ModelMesh InferenceService uses a multi-model runtime, and any other one a single-model runtime.",
  why: "KServe skips multi-model runtimes for single-model InferenceServices, and ModelMesh loads models only into multiModel: true runtimes; otherwise no runtime serves the model.",
  fix: "use a runtime of the InferenceService's kind (single- or multi-model)",
  check: (runtime, { manifest }) => {
    const mode = manifestMode(manifest) ?? "Standard";
    const multi = runtimeMultiModel(runtime);
    if (multi === true && mode !== "ModelMesh") return [{ path: "engine", value: runtime.name, message: `runtime "${runtime.name}" is a multi-model (ModelMesh) runtime and cannot serve a ${mode} InferenceService`, fix: "use a single-model runtime" }];
    if (multi === false && mode === "ModelMesh") {
      return [{ path: "engine", value: runtime.name, message: `runtime "${runtime.name}" is a single-model runtime and cannot serve a ModelMesh InferenceService (ModelMesh loads models only into multiModel: true runtimes)`, fix: "use a multi-model runtime (an engine with multiModel, or ModelMeshRuntimes.*), or drop deploymentMode" }];
    }
    return [];
  },
});

export const runtimeFormatRule = runtimeMatchRule({
  id: "isvc/runtime-format",
  severity: "error",
  summary: "The runtime serves the model's format name (exact, case-sensitive match).",
  why: "KServe matches modelFormat.name against the runtime's supportedModelFormats exactly; with no match the InferenceService fails with \"no runtime found\" or the named runtime is rejected.",
  fix: "use one of the runtime's format names, or add the format to the engine's modelFormats",
  check: (runtime, { manifest }) => {
    const formats = runtimeFormats(runtime);
    if (formats === undefined) return [];
    const wanted = wantedOf(manifest);
    if (formats.some((f) => f.name === wanted.name)) return [];
    const caseless = formats.find((f) => f.name.toLowerCase() === wanted.name.toLowerCase());
    return [
      {
        path: "spec.predictor.model.modelFormat.name",
        value: wanted.name,
        message: `runtime "${runtime.name}" does not serve format "${wanted.name}" (it serves ${formats.map((f) => f.name).join(", ") || "none"}); KServe matches names exactly`,
        fix: caseless !== undefined ? `use "${caseless.name}" (case matters)` : `use one of the runtime's formats, or add "${wanted.name}" to the engine's modelFormats`,
      },
    ];
  },
});

export const runtimeFormatVersionRule = runtimeMatchRule({
  id: "isvc/runtime-format-version",
  severity: "error",
  summary: "When the model gives a format version, the runtime serves the format in exactly that version string.",
  why: "KServe compares modelFormat.version to the runtime's version as strings (\"1.15\" does not match \"1\"), so a mismatch means no runtime is found.",
  fix: "use one of the runtime's version strings, or leave the version out",
  reads: ["version"],
  check: (runtime, { manifest }) => {
    const formats = runtimeFormats(runtime);
    if (formats === undefined) return [];
    const wanted = wantedOf(manifest);
    const byName = formats.filter((f) => f.name === wanted.name);
    const matches = byName.filter((f) => wanted.version === undefined || f.version === wanted.version);
    return byName.length > 0 && matches.length === 0
      ? [{ path: "spec.predictor.model.modelFormat.version", value: wanted.version, message: `runtime "${runtime.name}" serves "${wanted.name}" in versions ${byName.map((f) => f.version ?? "(any)").join(", ")}; KServe matches the version string exactly ("1.15" does not match "1")`, fix: `use one of those version strings, or leave the version out` }]
      : [];
  },
});

export const runtimeAutoselectRule = handleRule({
  id: "isvc/runtime-autoselect",
  severity: "error",
  summary: "An InferenceService built with pinRuntime: false uses an engine that auto-selects its format.",
  why: "Without predictor.model.runtime, KServe only considers runtimes whose format entry has autoSelect: true, so the model would never be served (on YAML, lint's runtime selection reports this as lint/no-runtime).",
  fix: "set pinRuntime: true (the default), or autoSelect: true on the engine's format",
  check: (runtime, { manifest }) => {
    const formats = runtimeFormats(runtime);
    if (formats === undefined) return [];
    const wanted = wantedOf(manifest);
    const matches = formats.filter((f) => f.name === wanted.name && (wanted.version === undefined || f.version === wanted.version));
    return matches.length > 0 && !wanted.pinned && !matches.some((f) => f.autoSelect === true)
      ? [{ path: "pinRuntime", value: false, message: `runtime "${runtime.name}" does not auto-select format "${wanted.name}", so KServe would not pick it without a runtime name`, fix: "set pinRuntime: true (the default), or autoSelect: true on the engine's format" }]
      : [];
  },
});

export const runtimeProtocolRule = runtimeMatchRule({
  id: "isvc/runtime-protocol",
  severity: "error",
  summary: "The runtime speaks the model's protocol version (an unset protocolVersion counts as v1).",
  why: "KServe selects only runtimes whose protocolVersions include the model's protocol, and treats an unset one as v1, so a v2-only runtime is never picked for it.",
  fix: "set protocolVersion to one the runtime speaks",
  check: (runtime, { manifest }) => {
    const protocols = runtimeProtocols(runtime);
    if (protocols === undefined || protocols.length === 0 || manifestMode(manifest) === "ModelMesh") return [];
    const { protocolVersion } = wantedOf(manifest);
    const effective = protocolVersion ?? "v1";
    if ((protocols as readonly string[]).includes(effective)) return [];
    return [
      {
        path: "spec.predictor.model.protocolVersion",
        value: protocolVersion,
        message:
          protocolVersion === undefined
            ? `runtime "${runtime.name}" speaks only ${protocols.join(", ")}; a model without protocolVersion counts as v1, so KServe would never select it`
            : `runtime "${runtime.name}" does not support protocol ${effective} (it speaks ${protocols.join(", ")})`,
        fix: `set protocolVersion to one of ${protocols.join(", ")}`,
      },
    ];
  },
});

export const multiGpuRule = handleRule({
  id: "isvc/multi-gpu",
  severity: "error",
  summary: "A model asks for more than one accelerator in a pod only when its engine declares multi-GPU support.",
  why: "An engine that cannot split a model across devices uses one of them and leaves the others reserved and idle (or fails to start when told about several).",
  fix: "request one accelerator, or set multiGpu: true on the engine once it can split a model across devices",
  check: (runtime, subject) => {
    if (runtime.engine === undefined || runtime.engine.multiGpu) return [];
    const merged = manifestResources(subject).find((r) => r.path === MERGED_RESOURCES_PATH)?.resources;
    const accelerators = Object.entries({ ...(merged?.requests ?? {}), ...(merged?.limits ?? {}) }).filter(([name, value]) => isAcceleratorResource(name) && isQuantity(value));
    const count = accelerators.reduce((sum, [, value]) => sum + quantityToNumber(value), 0);
    return count > 1
      ? [{ path: "spec.predictor.model.resources", value: Object.fromEntries(accelerators), message: `engine "${runtime.name}" does not declare multi-GPU support, and this model asks for ${count} accelerators in one pod`, fix: "request one accelerator, or set multiGpu: true on the engine once it can split a model across devices (tensor parallelism)" }]
      : [];
  },
});

export const templateReferenceRule = runtimeMatchRule({
  id: "isvc/template-reference",
  severity: "error",
  summary: "Every label or annotation a runtime's template refers to ({{.Labels.x}}, {{.Annotations.x}}) is set on the InferenceService.",
  why: "KServe renders the runtime's kserve-container as a Go template over the InferenceService's metadata; a missing key renders as \"<no value>\" and the server gets that literal string.",
  fix: "add the label or annotation to the InferenceService",
  check: (runtime, { manifest }) => {
    const rs = runtimeSpec(runtime);
    const main = rs !== undefined ? runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER) : undefined;
    if (main === undefined || !isRecord(getIn(manifest, ["spec", "predictor", "model"]))) return [];
    const labels = manifest.metadata.labels ?? {};
    const annotations = manifest.metadata.annotations ?? {};
    const out: Finding[] = [];
    for (const [kind, name] of templateReferences(main)) {
      const present = kind === "label" ? labels[name] !== undefined : annotations[name] !== undefined;
      const defaulted = kind === "annotation" && name === "modelFormat";
      if (!present && !defaulted) {
        out.push({
          path: kind === "label" ? "labels" : "annotations",
          value: name,
          message: `runtime "${runtime.name}" uses the ${kind} ${name} of the InferenceService in a template, and this InferenceService has no such ${kind} (KServe would render "<no value>")`,
          fix: `add ${kind === "label" ? "labels" : "annotations"}: { "${name}": ... }`,
        });
      }
    }
    return out;
  },
});

const referenceCache = new WeakMap<object, readonly (readonly ["label" | "annotation", string])[]>();

/** The labels and annotations a runtime container refers to in templates, once per container object (a runtime serves many InferenceServices). */
function templateReferences(main: object): readonly (readonly ["label" | "annotation", string])[] {
  let refs = referenceCache.get(main);
  if (refs === undefined) {
    const found = new Map<string, readonly ["label" | "annotation", string]>();
    eachString(main, "", (_p, text) => metadataReferences(text).forEach((r) => found.set(`${r.kind}\u0000${r.key}`, [r.kind, r.key])));
    refs = [...found.values()];
    referenceCache.set(main, refs);
  }
  return refs;
}

/** The Service of a named predictor, `{isvc}-{name}-predictor`, is a DNS label. */
export const canaryNameLength = defineRule<ServiceSpec>({
  id: "isvc/canary-name-length",
  severity: "error",
  on: "props",
  summary: "The Service of each named predictor ({isvc}-{name}-predictor) fits in 63 characters.",
  why: "KServe names the predictor's Deployment and Service {isvc}-{name}-predictor; a Service name over 63 characters is refused and the predictor never serves.",
  fix: "shorten the predictor name or the InferenceService name",
  check: (spec) => {
    const named = [...(spec.predictorName !== undefined ? [{ path: "predictorName", name: spec.predictorName }] : []), ...(spec.canaries ?? []).map((c, i) => ({ path: `canaries[${i}].name`, name: c.name }))];
    return named.flatMap(({ path, name }): Finding[] => {
      const service = `${spec.name}-${name}-predictor`;
      return service.length > MAX_LABEL ? [{ path, value: name, message: `the predictor's Service ${service} has ${service.length} characters, more than ${MAX_LABEL}`, fix: `shorten the name by ${service.length - MAX_LABEL} characters` }] : [];
    });
  },
});

/** Canaries of a multi-node predictor. */
export const canaryMultiNode = defineRule<ServiceSpec>({
  id: "isvc/canary-multi-node",
  severity: "error",
  on: "props",
  summary: "A multi-node InferenceService has no canaries.",
  why: "KServe's webhook refuses a canary with a workerSpec (multi-node canaries are not supported), and a canary without one would serve the model on a single node.",
  fix: "roll the new version out as a second InferenceService, or serve the model on one node",
  check: (spec) => (spec.canaries !== undefined && spec.canaries.length > 0 && spec.multiNode !== undefined ? [{ path: "canaries", value: spec.canaries.map((c) => c.name), message: "KServe does not support canaries of a multi-node predictor" }] : []),
});

/** The props-level canary rules. */
export const CANARY_RULES = [canaryNameLength, canaryMultiNode] as const;

function predictorName(p: unknown): string {
  return isRecord(p) && typeof p["name"] === "string" ? p["name"] : "";
}

/** KServe 0.20's webhook rules on spec.canary (validateCanarySpecs). */
export const canaryWebhook = defineManifestRule({
  id: "kserve/canary",
  severity: "error",
  on: "manifest",
  summary: "spec.canary follows KServe's webhook: Standard mode, a stable model, named and distinct canaries, fixed replicas, traffic 0 to 100 in total.",
  why: "KServe's admission webhook refuses the whole InferenceService otherwise (validateCanarySpecs).",
  fix: "give each canary a distinct predictor.name, no scaling fields or workerSpec, at most the stable minReplicas, and traffic that adds up to at most 100",
  reads: ["canary"],
  check: ({ manifest, target }) => {
    // before 0.20 there is no spec.canary (the feature gate and the CRD report it), nor these webhook rules
    if (manifest.kind !== "InferenceService" || !supports(target, "canary-predictors")) return [];
    const canaries = getIn(manifest, ["spec", "canary"]);
    if (!Array.isArray(canaries) || canaries.length === 0) return [];
    const findings: Finding[] = [];
    const mode = getIn(manifest, ["metadata", "annotations", KSERVE.deploymentMode]);
    if (mode !== "Standard") findings.push({ path: "spec.canary", value: mode, message: `canaries need the deployment mode annotation "Standard" (this one is ${mode === undefined ? "unset" : JSON.stringify(mode)})`, fix: 'set serving.kserve.io/deploymentMode: "Standard" (KServe 0.20 names), or remove spec.canary' });
    const stable = getIn(manifest, ["spec", "predictor"]);
    if (!isRecord(stable) || (!isRecord(stable["model"]) && getIn(stable, ["model", "storageUri"]) === undefined)) findings.push({ path: "spec.predictor.model", value: undefined, message: "canaries need a stable predictor with a model", fix: "serve the stable version through predictor.model" });
    const stableName = predictorName(stable);
    const stableMin = isRecord(stable) && typeof stable["minReplicas"] === "number" ? stable["minReplicas"] : 1;
    const seen = new Set<string>();
    let total = 0;
    canaries.forEach((c: unknown, i: number) => {
      const at = `spec.canary[${i}]`;
      const p = isRecord(c) ? c["predictor"] : undefined;
      const name = predictorName(p);
      if (name === "") findings.push({ path: `${at}.predictor.name`, value: undefined, message: "a canary needs predictor.name" });
      else if (seen.has(name)) findings.push({ path: `${at}.predictor.name`, value: name, message: `canary name "${name}" is used twice` });
      else if (name === stableName) findings.push({ path: `${at}.predictor.name`, value: name, message: `canary name "${name}" is the stable predictor's name` });
      seen.add(name);
      const traffic = isRecord(c) && typeof c["trafficPercent"] === "number" ? c["trafficPercent"] : 0;
      if (traffic < 0 || traffic > 100) findings.push({ path: `${at}.trafficPercent`, value: traffic, message: "trafficPercent is between 0 and 100" });
      total += traffic;
      if (!isRecord(p)) return;
      if (p["workerSpec"] !== undefined) findings.push({ path: `${at}.predictor.workerSpec`, value: "workerSpec", message: "a canary cannot be multi-node" });
      if (typeof p["maxReplicas"] === "number" && p["maxReplicas"] > 0) findings.push({ path: `${at}.predictor.maxReplicas`, value: p["maxReplicas"], message: "a canary runs fixed replicas: no maxReplicas" });
      for (const field of ["scaleTarget", "scaleMetric", "autoScaling"] as const) if (p[field] !== undefined) findings.push({ path: `${at}.predictor.${field}`, value: p[field], message: `a canary runs fixed replicas: no ${field}` });
      if (typeof p["minReplicas"] === "number" && p["minReplicas"] > stableMin) findings.push({ path: `${at}.predictor.minReplicas`, value: p["minReplicas"], message: `a canary's minReplicas (${p["minReplicas"]}) cannot exceed the stable predictor's (${stableMin})` });
    });
    if (total > 100) findings.push({ path: "spec.canary", value: total, message: `the canaries take ${total} percent of the traffic together, more than 100` });
    return findings;
  },
});

/** KServe's webhook rules on an InferenceService, in the order builds run them. */
export const SERVICE_WEBHOOK_RULES: readonly ManifestRule[] = [
  unavailableRule,
  nameRule,
  autoscalerClassRule,
  featureGate("autoscaler-keda"),
  featureGate("autoscaler-none"),
  featureGate("autoscaler-external"),
  predictorRule,
  oneImplementationRule,
  ...CONTAINER_RULES,
  modelNameFieldRule,
  storageUriAndUrisRule,
  uriSchemeRule,
  featureGate("storage-oci"),
  featureGate("storage-oci-native"),
  featureGate("storage-oci-fetch"),
  featureGate("storage-hf"),
  featureGate("storage-modelscope"),
  hfUriRule,
  pvcUriRule,
  bucketUriRule,
  ociUriRule,
  ociTagRule,
  storageUriAndPathRule,
  featureGate("storage-spec"),
  featureGate("storage-uris"),
  storageUrisRule,
  negativeRule,
  minAboveMaxRule,
  loggerModeRule,
  featureGate("deployment-strategy"),
  deploymentStrategyModeRule,
  featureGate("multi-node"),
  multiNodeSizeRule,
  multiNodeWorkersRule,
  multiNodeParallelEnvRule,
  multiNodeGpuTypeRule,
  multiNodeStorageRule,
  multiNodeAutoscalerRule,
  scaleMetricRule,
  scaleTargetRule,
  hpaMetricsRule,
  kedaScaleMetricRule,
  canaryWebhook,
];

/** The library's manifest rules on an InferenceService beyond the webhook, grouped as builds run them. */
export const SERVICE_NAME_RULES: readonly ManifestRule[] = [hostnameLengthRule, odhNameLengthRule];
export const SERVICE_KNATIVE_RULES: readonly ManifestRule[] = [knativePodFieldsRule, knativeOnePortRule, knativeReservedPortRule, odhStandardOnlyRule];
export const SERVICE_RUNTIME_RULES: readonly SubjectRule[] = [runtimeNamespaceRule, runtimeMultiModelRule, runtimeFormatRule, runtimeFormatVersionRule, runtimeAutoselectRule, runtimeProtocolRule, templateRule, multiGpuRule, duplicateFlagRule, templateReferenceRule];
export { MODELMESH_SERVICE_RULES };

/** KEDA scaling to zero needs a trigger that exists while there are no pods. */
export const kedaScaleToZero = defineRule<ServiceSpec>({
  id: "isvc/keda-scale-to-zero",
  severity: "error",
  on: "props",
  summary: "scaling.min 0 with the keda autoscaler has a trigger that can scale up from zero (a Prometheus query of your own).",
  why: "KEDA's cpu and memory scalers cannot activate a workload at zero replicas, and the engine's own metrics (vLLM's waiting requests, KV-cache usage) disappear with its pods: the service would stay at zero and refuse every request.",
  fix: "set scaling.min to 1, or add a scaling.external trigger with a query that exists without the service's pods (for example its gateway's request rate)",
  check: (spec) => {
    const s = spec.scaling;
    if (spec.mode !== "Standard" || s.autoscaler !== "keda" || s.min !== 0) return [];
    if ((s.external ?? []).some((e) => typeof e.metric !== "string")) return [];
    const engine = (s.external ?? []).map((e) => e.metric).filter((m): m is "vllm-waiting-requests" | "vllm-kv-cache-usage" => typeof m === "string");
    const on = [...((s.metric === "cpu" || s.metric === "memory") && s.target !== undefined ? [s.metric] : s.external === undefined ? ["cpu (KServe's default)"] : []), ...engine];
    return [
      {
        path: "scaling.min",
        value: 0,
        message: `KEDA cannot scale this service up from zero: it scales on ${on.join(" and ")}, which no pod reports at zero replicas (KEDA's cpu and memory scalers cannot activate from zero, and the engine's metrics vanish with its pods)`,
      },
    ];
  },
});

/** A query of your own has no default threshold. */
export const kedaExternalThreshold = defineRule<ServiceSpec>({
  id: "isvc/keda-external-threshold",
  severity: "error",
  on: "props",
  summary: "A scaling.external trigger with a query of your own gives its threshold.",
  why: "KServe's webhook refuses an External metric without a target value, and only the engine metrics have a meaningful default.",
  fix: "set threshold: the query's value per replica",
  check: (spec) =>
    // outside Standard mode the triggers are refused as a whole (isvc/keda-external)
    spec.mode !== "Standard"
      ? []
      : (spec.scaling.external ?? []).flatMap((e, i): Finding[] => (typeof e.metric !== "string" && e.threshold === undefined ? [{ path: `scaling.external[${i}].threshold`, value: undefined, message: "a Prometheus query of your own needs a threshold (its value per replica)" }] : [])),
});

/** External triggers are KEDA's. */
export const kedaExternalNeedsKeda = defineRule<ServiceSpec>({
  id: "isvc/keda-external",
  severity: "error",
  on: "props",
  summary: "scaling.external triggers come with scaling.autoscaler \"keda\" in Standard mode.",
  why: "KServe renders autoScaling External metrics as KEDA triggers only for the keda autoscaler; the HPA takes only Resource metrics and Knative ignores autoScaling.",
  fix: 'set scaling.autoscaler "keda" (and deploymentMode "Standard"), or drop scaling.external',
  check: (spec) => {
    const s = spec.scaling;
    // a ModelMesh InferenceService reports every scaling prop as one ModelMesh ignores (modelmesh/ignored-prop)
    if (s.external === undefined || spec.mode === "ModelMesh" || (spec.mode === "Standard" && s.autoscaler === "keda")) return [];
    return [{ path: "scaling.external", value: s.external.map((e) => (typeof e.metric === "string" ? e.metric : "query")), message: `KEDA triggers need the keda autoscaler in Standard mode; this service is ${spec.mode} with the ${s.autoscaler ?? (spec.mode === "Standard" ? "hpa" : "kpa")} autoscaler` }];
  },
});

/** The KEDA rules of an InferenceService (those of Standard mode; in Knative mode only isvc/keda-external reports). */
export const KEDA_RULES = [kedaScaleToZero, kedaExternalThreshold, kedaExternalNeedsKeda] as const;

/** The props-level rules on an InferenceService's labels and annotations. */
export const SERVICE_OWNED_KEY_RULES: readonly Rule<ServiceSpec>[] = [ownedKeyRule];
/** The props-level rules on what each deployment mode does with canaries, scaling and concurrency (each rule looks at the modes it is about). */
/** Fixed replicas or scaling bounds, not both. */
export const replicasOrScalingRule = defineRule<ServiceSpec>({
  id: "isvc/replicas-or-scaling",
  severity: "error",
  on: "props",
  summary: "An InferenceService gives fixed replicas or scaling bounds (scaling.min, scaling.max), not both.",
  why: "Both set the predictor's minReplicas and maxReplicas; with both given, one of them would be silently ignored.",
  fix: "remove replicas, or scaling.min and scaling.max",
  check: (spec) =>
    spec.replicas !== undefined && spec.scalingBounds !== undefined
      ? [{ path: "replicas", value: spec.replicas, message: "replicas fixes the predictor's replicas and scaling.min/max set its autoscaling bounds; give one", fix: "remove replicas, or scaling.min and scaling.max" }]
      : [],
});

export const SERVICE_MODE_RULES: readonly Rule<ServiceSpec>[] = [replicasOrScalingRule, canaryPredictorsFeatureRule, ...CANARY_RULES, standardScaleToZeroRule, canaryModeRule, concurrencyModeRule, ...KEDA_RULES, externalAuthFeatureRule, kedaMetricRule, knativeAutoscalerRule];
/** The props-level rules on the target platform. */
export const SERVICE_PLATFORM_RULES: readonly Rule<ServiceSpec>[] = [authRule];
/** The props-level rules on the model's storage (after the volume and storage-config checks). */
export const SERVICE_STORAGE_RULES: readonly Rule<ServiceSpec>[] = [storageNamespaceRule, pvcReplicasRule];
/** The props-level rules on multi-node serving: Standard mode, a multi-node runtime, accelerators, and sizes that account for every device. */
export const SERVICE_MULTI_NODE_RULES: readonly Rule<ServiceSpec>[] = [multiNodeModeRule, multiNodeRuntimeRule, multiNodeHardwareRule, multiNodeParallelismRule];

/** The storage rules on a resolved spec: its volumes, its StorageConfig reference, then the storage rules. */
export function checkServiceStorage(spec: ServiceSpec): IssueDraft[] {
  return [...checkVolumes("volumes", spec.volumes), ...checkStorageConfigReference(spec.model, spec.mode), ...runRules(SERVICE_STORAGE_RULES, spec)];
}

// ---------------------------------------------------------------------------------------------------
// Props-level rules that decide whether a spec can be resolved at all: the model format, the hardware
// against the runtime, the engine version and its image, the parameter values and the storage's
// ServiceAccount. They read the resolved input (props plus the applied hardware), never the spec.

/** The model's format is given, or the runtime has exactly one to infer it from. */
export const modelFormatRequiredRule = defineRule<ServiceInput>({
  id: "isvc/model-format-required",
  severity: "error",
  on: "props",
  summary: "An InferenceService names its model format, unless its runtime serves exactly one.",
  why: "KServe selects the runtime and the server loads the model by format; the CRD requires modelFormat.name, and with several or unknown formats the library cannot pick one for you.",
  fix: "set modelFormat: { name: ... }",
  check: ({ props }) => {
    if (props.modelFormat !== undefined || modelFormatOf(props) !== undefined) return [];
    const runtime = props.engine.runtime;
    const formats = runtimeFormats(runtime);
    const names = [...new Set((formats ?? []).map((f) => f.name))];
    return [
      {
        path: "modelFormat",
        value: undefined,
        message: formats === undefined ? `the formats of runtime "${runtime.name}" are unknown, so the model's format cannot be inferred` : `runtime "${runtime.name}" serves several formats (${names.join(", ")})`,
        fix: formats === undefined ? "set modelFormat: { name: ... }" : `set modelFormat to one of ${names.map((n) => `{ name: "${n}" }`).join(", ")}`,
      },
    ];
  },
});

/** A runtime that is not an engine of the app, built for some accelerators, gets one of them. */
export const runtimeAcceleratorRule = defineRule<ServiceInput>({
  id: "isvc/runtime-accelerator",
  severity: "error",
  on: "props",
  summary: "The hardware of an InferenceService requests an accelerator its runtime is built for (when the runtime declares which).",
  why: "A runtime image is built for one accelerator's drivers; on another vendor's devices the server does not start or runs without them.",
  fix: "use a runtime for this accelerator, or hardware with the runtime's accelerator",
  check: ({ props, hardware }) => {
    const runtime = props.engine.runtime;
    const resource = hardware?.accelerator?.resourceName;
    const recommended = runtime.engine === undefined ? runtimeAccelerators(runtime) : undefined;
    if (resource === undefined || recommended === undefined || recommended.length === 0 || recommended.includes(resource)) return [];
    return [{ path: "hardware", value: resource, message: `runtime "${runtime.name}" is built for ${recommended.join(", ")}, and the hardware requests ${resource}` }];
  },
});

/** The engine version asked for exists (and only engines have versions). */
export const engineVersionRule = defineRule<ServiceInput>({
  id: "isvc/engine-version",
  severity: "error",
  on: "props",
  summary: "engineVersion names a version of the InferenceService's engine, and is set only when the runtime is an InferenceEngine of the app.",
  why: "The version decides the image and env the model runs with; a version the engine does not define has no image to run.",
  fix: "use one of the engine's versions, or remove engineVersion",
  check: ({ props }) => {
    const runtime = props.engine.runtime;
    const engine = runtime.engine;
    if (engine === undefined) {
      return props.engineVersion !== undefined
        ? [{ path: "engineVersion", value: props.engineVersion, message: `runtime "${runtime.name}" is not an InferenceEngine of this app, so it has no versions to pick from`, fix: "remove engineVersion, or define the engine with InferenceEngine" }]
        : [];
    }
    const version = engineVersionOf(props) as string;
    if (ownValue(engine.versions, version) !== undefined) return [];
    const versions = Object.keys(engine.versions).sort(compareStrings);
    const near = closest(version, versions);
    return [{ path: "engineVersion", value: version, message: `engine "${runtime.name}" has no version ${version}`, fix: near !== undefined ? `did you mean ${near}? Versions: ${versions.join(", ")}` : `use one of ${versions.join(", ")}` }];
  },
});

/** The chosen engine version has an image for the hardware. */
export const engineImageRule = defineRule<ServiceInput>({
  id: "isvc/engine-image",
  severity: "error",
  on: "props",
  summary: "The engine version an InferenceService runs has an image for its hardware's accelerator (or for the runtime's image target without hardware).",
  why: "Each engine version lists one image per accelerator; without an image for this one the model would have nothing to run on those devices.",
  fix: "add an image for the accelerator to the version, request hardware the engine has an image for, or pick another version",
  check: ({ props, hardware }) => {
    const runtime = props.engine.runtime;
    const engine = runtime.engine;
    const version = engineVersionOf(props);
    const chosen = engine !== undefined && version !== undefined ? ownValue(engine.versions, version) : undefined;
    if (chosen === undefined) return [];
    const imageTarget = imageTargetOf(runtime, hardware?.imageTarget) as string;
    if (chosen.image[imageTarget] !== undefined) return [];
    const byHardware = props.hardware !== undefined && props.engineVersion === undefined;
    return [
      {
        path: byHardware ? "hardware" : "engineVersion",
        value: byHardware ? imageTarget : version,
        message: `version ${version} of engine "${runtime.name}" has no ${imageTarget} image (it has ${Object.keys(chosen.image).sort(compareStrings).join(", ")})`,
        fix: `add a ${imageTarget} image to version ${version}, ${props.hardware !== undefined ? "request hardware the engine has an image for, " : ""}or pick another version`,
      },
    ];
  },
});

/** One parameter value an InferenceService gives, with the engine's declarations. */
export interface ParameterValueSubject {
  /** Where the value is (`parameters.NAME`). */
  readonly path: string;
  /** The parameter's name. */
  readonly key: string;
  /** The value given. */
  readonly value: ParameterValue;
  /** The engine's declared parameters. */
  readonly declared: Readonly<Record<string, ParameterSpec>>;
  /** Whether the engine accepts only declared parameters. */
  readonly enforce: boolean;
  /** The engine's name, for messages. */
  readonly engineName: string;
}

/** An engine that enforces its parameters accepts only those it declares. */
export const undeclaredParameterRule = defineRule<ParameterValueSubject>({
  id: "isvc/undeclared-parameter",
  severity: "error",
  on: "props",
  summary: "An InferenceService sets only parameters its engine declares, when the engine enforces its parameters.",
  why: "An engine with enforceParameters lists every setting its server understands; an unknown name is most likely a typo that the server would ignore.",
  fix: "use one of the declared parameters, or declare it on the engine",
  check: ({ path, key, value, declared, enforce, engineName }) => {
    if (!enforce || ownValue(declared, key) !== undefined) return [];
    const names = Object.keys(declared).sort(compareStrings);
    const near = closest(key, names);
    return [
      {
        path,
        value,
        message: `engine "${engineName}" enforces its parameters and does not declare ${key}`,
        fix: near !== undefined ? `did you mean ${near}? Declared: ${names.join(", ")}` : names.length > 0 ? `use one of ${names.join(", ")}, or declare ${key} on the engine` : `declare ${key} in the engine's parameters, or set enforceParameters: false`,
      },
    ];
  },
});

/** An undeclared parameter is untyped, so it is given as a string. */
export const undeclaredParameterTypeRule = defineRule<ParameterValueSubject>({
  id: "isvc/undeclared-parameter-type",
  severity: "error",
  on: "props",
  summary: "A parameter the engine does not declare is given as a string.",
  why: "Parameters become environment variables, which are strings; an undeclared parameter has no type that says how to write a number or boolean.",
  fix: "pass the value as a string, or declare the parameter on the engine with its type",
  check: ({ path, key, value, declared, enforce, engineName }) =>
    enforce || ownValue(declared, key) !== undefined || typeof value === "string"
      ? []
      : [{ path, value, message: `${key} is not declared by engine "${engineName}", so it is untyped and must be given as a string`, fix: `pass ${JSON.stringify(String(value))}, or declare ${key} on the engine with its type` }],
});

/** A declared parameter's value has its type and lies within its bounds. */
export const parameterTypeRule = defineRule<ParameterValueSubject>({
  id: "isvc/parameter-type",
  severity: "error",
  on: "props",
  summary: "Each parameter value has the type the engine declares and lies within its bounds or allowed values.",
  why: "The value reaches the server as an environment variable; one of the wrong type or out of range makes the server fail to start or misbehave.",
  fix: "give a value of the declared type within its bounds",
  check: ({ path, key, value, declared, engineName }) => {
    const spec = ownValue(declared, key);
    if (spec === undefined) return [];
    const { problem } = renderParameter(spec, value);
    if (problem === undefined) return [];
    return [
      {
        path,
        value,
        message: `parameter ${key} of engine "${engineName}" ${problem}`,
        fix: `give ${key} ${PARAMETER_TYPE_NAMES[spec.type]}${spec.allowed ? ` from ${spec.allowed.join(", ")}` : ""}${spec.min !== undefined || spec.max !== undefined ? ` in [${spec.min ?? "-inf"}, ${spec.max ?? "inf"}]` : ""}`,
      },
    ];
  },
});

/** All parameter values against an engine's declarations. */
export interface ParameterValuesSubject {
  /** Where the values are (`parameters`). */
  readonly path: string;
  /** The engine's declared parameters. */
  readonly declared: Readonly<Record<string, ParameterSpec>>;
  /** The values given. */
  readonly values: Readonly<Record<string, ParameterValue>>;
  /** The engine's name, for messages. */
  readonly engineName: string;
}

/** Required parameters without a default are set. */
export const missingParameterRule = defineRule<ParameterValuesSubject>({
  id: "isvc/missing-parameter",
  severity: "error",
  on: "props",
  summary: "An InferenceService sets every parameter its engine requires (those without a default).",
  why: "A required parameter has no default on the runtime, so the server would start without a setting it needs.",
  fix: "set the parameter in parameters",
  check: ({ path, declared, values, engineName }) =>
    Object.keys(declared)
      .sort(compareStrings)
      .flatMap((key): Finding[] => {
        const spec = declared[key] as ParameterSpec;
        return spec.required === true && spec.default === undefined && !Object.hasOwn(values, key)
          ? [{ path: `${path}.${key}`, value: undefined, message: `engine "${engineName}" requires parameter ${key} (${spec.type}${spec.description ? `: ${spec.description}` : ""})`, fix: `set parameters.${key}` }]
          : [];
      }),
});

/** The rules on each parameter value, in the order they run. */
export const PARAMETER_VALUE_RULES: readonly Rule<ParameterValueSubject>[] = [undeclaredParameterRule, undeclaredParameterTypeRule, parameterTypeRule];

/** Checks the values an InferenceService gives against an engine's declared parameters. */
export function checkParameterValues(
  path: string,
  declared: Readonly<Record<string, ParameterSpec>>,
  values: Readonly<Record<string, ParameterValue>>,
  enforce: boolean,
  engineName: string,
): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const key of Object.keys(values).sort(compareStrings)) issues.push(...runRules(PARAMETER_VALUE_RULES, { path: `${path}.${key}`, key, value: values[key] as ParameterValue, declared, enforce, engineName }));
  issues.push(...runRules([missingParameterRule], { path, declared, values, engineName }));
  return issues;
}

/** A parameter is set once: not also in env. */
export const parameterEnvClashRule = defineRule<ServiceInput>({
  id: "isvc/parameter-env-clash",
  severity: "error",
  on: "props",
  summary: "No parameter of an InferenceService is also set in its env.",
  why: "Both render the same environment variable; one would silently override the other.",
  fix: "set it once, through parameters",
  check: ({ props }) =>
    Object.keys(props.parameters ?? {}).flatMap((key): Finding[] => (ownValue(props.env, key) !== undefined ? [{ path: `env.${key}`, value: ownValue(props.env, key), message: `${key} is set both as a parameter and in env`, fix: `set it once, through parameters.${key}` }] : [])),
});

/** The storage's credentials come through its ServiceAccount. */
export const storageServiceAccountRule = defineRule<ServiceInput>({
  id: "isvc/storage-service-account",
  severity: "error",
  on: "props",
  summary: "An InferenceService whose storage reads credentials through a ServiceAccount runs as that ServiceAccount.",
  why: "KServe's storage initializer finds a model's credentials through the predictor's ServiceAccount; another one has none of them, so the download fails.",
  fix: "drop serviceAccountName, or give the storage the same serviceAccountName",
  check: ({ props }) =>
    props.serviceAccountName !== undefined && props.model.serviceAccountName !== undefined && props.serviceAccountName !== props.model.serviceAccountName
      ? [
          {
            path: "serviceAccountName",
            value: props.serviceAccountName,
            message: `the model's storage reads its credentials through ServiceAccount "${props.model.serviceAccountName}"; with "${props.serviceAccountName}" KServe would not find them`,
            fix: `drop serviceAccountName, or give the storage serviceAccountName: "${props.serviceAccountName}"`,
          },
        ]
      : [],
});

/**
 * The props-level rules that decide whether an InferenceService's spec can be resolved, in the order
 * they run: the model format, the hardware's own rules, the runtime's accelerator, the engine version
 * and image, the parameter values, then the storage's ServiceAccount.
 */
export function checkServiceInput(input: ServiceInput): IssueDraft[] {
  const { props } = input;
  const engine = props.engine.runtime.engine;
  return [
    ...runRules([modelFormatRequiredRule], input),
    ...(props.hardware !== undefined && input.hardwareBase !== undefined ? hardwareIssues("hardware", props.hardware, input.hardwareBase, input.hardware) : []),
    ...runRules([runtimeAcceleratorRule, engineVersionRule, engineImageRule], input),
    ...checkParameterValues("parameters", engine?.parameters ?? {}, props.parameters ?? {}, engine?.enforceParameters ?? false, props.engine.runtime.name),
    ...runRules([parameterEnvClashRule, storageServiceAccountRule], input),
  ];
}
