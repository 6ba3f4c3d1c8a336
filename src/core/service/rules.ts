/**
 * Rules on an InferenceService beyond KServe's webhook: what each deployment mode really does with a
 * field, Knative's pod restrictions, the target platform, and the agreement between the InferenceService
 * and its runtime and storage. They run on the rendered manifest plus the spec it came from.
 */
import type { IssueDraft } from "../errors";
import type { Container, Manifest } from "../k8s";
import type { ServiceSpec } from "./spec";
import { describeTarget } from "../target/resolve";
import { getIn, isRecord } from "../canonical";
import { MAX_LABEL } from "../names";
import { checkDuplicateFlags, checkExtendedResources } from "../pod/rules";
import { checkResources } from "../pod/resources";
import { checkVolumes } from "../pod/volumes";
import { checkTemplate, eachString, metadataReferences } from "../templates";
import type { RuntimeInfo } from "../runtime/ref";
import { runtimeFormats, runtimeMultiModel, runtimeProtocols, runtimeSpec } from "../runtime/ref";
import { KSERVE_CONTAINER } from "../runtime/rules";
import { runtimeContainers } from "../runtime/ref";
import { KSERVE, ODH } from "../keys";
import { checkModelMeshManifest } from "../modelmesh/service";
import { checkStorageConfigReference } from "../storageconfig/rules";
import { isAcceleratorResource } from "../../accelerators/registry";
import { isQuantity, quantityToNumber } from "../quantity";

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

/** All rules of this file. */
export function checkServiceSemantics(isvc: Manifest, spec: ServiceSpec): IssueDraft[] {
  return [
    ...checkOwnedKeys(spec),
    ...checkNames(isvc, spec),
    ...checkModeFields(spec),
    ...checkKnativePod(isvc, spec),
    ...checkPlatform(spec),
    ...checkRuntimeMatch(isvc, spec),
    ...checkMergedContainer(isvc, spec),
    ...checkStorage(spec),
    ...checkMultiNodeLayout(spec),
    ...(spec.mode === "ModelMesh" ? checkModelMeshManifest(isvc) : []),
  ];
}

function checkOwnedKeys(spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const [key, prop] of Object.entries(OWNED_ANNOTATIONS)) {
    if (spec.annotations[key] !== undefined) {
      issues.push({ path: `annotations["${key}"]`, value: spec.annotations[key], rule: "isvc/owned-key", message: `the library sets ${key} from the ${prop} prop`, fix: `remove the annotation and set ${prop}` });
    }
  }
  for (const [key, prop] of Object.entries(OWNED_LABELS)) {
    if (spec.labels[key] !== undefined) {
      issues.push({ path: `labels["${key}"]`, value: spec.labels[key], rule: "isvc/owned-key", message: `the library sets ${key} from the ${prop} prop`, fix: `remove the label and set ${prop}` });
    }
  }
  return issues;
}

function checkNames(isvc: Manifest, spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const name = isvc.metadata.name;
  const host = spec.namespace !== undefined ? `${name}-predictor-${spec.namespace}` : `${name}-predictor`;
  if (host.length > MAX_LABEL && spec.mode !== "ModelMesh") {
    const budget = MAX_LABEL - (host.length - name.length);
    issues.push({
      path: "metadata.name",
      value: name,
      rule: "isvc/hostname-length",
      message: `KServe derives the host name label "${host}" (${host.length} characters), longer than the ${MAX_LABEL} a DNS label allows; the service would never become ready`,
      fix: budget > 0 ? `shorten the name to at most ${budget} characters${spec.namespace !== undefined ? ` in namespace ${spec.namespace}` : ""}` : "use a shorter namespace and name",
    });
  }
  if (spec.target.openshiftAI !== undefined && name.length > OPENSHIFT_AI_MAX_NAME) {
    issues.push({
      path: "metadata.name",
      value: name,
      rule: "odh/name-length",
      message: `OpenShift AI rejects InferenceService names longer than ${OPENSHIFT_AI_MAX_NAME} characters (this one has ${name.length})`,
      fix: `shorten the name to at most ${OPENSHIFT_AI_MAX_NAME} characters`,
    });
  }
  return issues;
}

function checkModeFields(spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const s = spec.scaling;
  if (spec.mode === "Standard") {
    const cls = s.autoscaler ?? "hpa";
    if (s.min === 0 && (cls === "hpa" || cls === "none" || cls === "external")) {
      issues.push({
        path: "scaling.min",
        value: 0,
        rule: "isvc/standard-scale-to-zero",
        message: `Standard mode has no scale-to-zero with the ${cls} autoscaler (KServe runs at least one replica)`,
        fix: 'set scaling.min to 1 or more, or use scaling.autoscaler "keda" or deploymentMode "Knative" to scale to zero',
      });
    }
    if (spec.canaryTrafficPercent !== undefined) {
      issues.push({
        path: "canaryTrafficPercent",
        value: spec.canaryTrafficPercent,
        rule: "isvc/canary-mode",
        message: "Standard mode ignores canaryTrafficPercent (it splits traffic between Knative revisions)",
        fix: 'use deploymentMode "Knative" for revision canaries, or remove canaryTrafficPercent',
      });
    }
    if (spec.containerConcurrency !== undefined) {
      issues.push({
        path: "containerConcurrency",
        value: spec.containerConcurrency,
        rule: "isvc/concurrency-mode",
        message: "Standard mode ignores containerConcurrency (a Knative queue-proxy limit)",
        fix: 'use deploymentMode "Knative", or remove containerConcurrency',
      });
    }
    if (s.autoscaler === "keda" && (s.metric === "concurrency" || s.metric === "rps")) {
      issues.push({ path: "scaling.metric", value: s.metric, rule: "isvc/keda-metric", message: `the library renders keda scaling on cpu or memory; ${s.metric} is a Knative metric`, fix: 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative"' });
    }
  } else if (spec.mode === "Knative") {
    if (s.autoscaler !== undefined && s.autoscaler !== "kpa" && s.autoscaler !== "hpa") {
      issues.push({
        path: "scaling.autoscaler",
        value: s.autoscaler,
        rule: "isvc/knative-autoscaler",
        message: `Knative mode scales with Knative's autoscaler (kpa) or its hpa class, not ${s.autoscaler}`,
        fix: `use "kpa" or "hpa", or deploymentMode "Standard" for ${s.autoscaler}`,
      });
    }
  }
  return issues;
}

function knativeFlag(spec: ServiceSpec, path: string, value: unknown, flag: string, what: string): IssueDraft[] {
  if (spec.target.knativeFeatures.has(flag)) return [];
  return [
    {
      path,
      value,
      rule: "isvc/knative-pod-fields",
      message: `Knative mode rejects ${what} unless Knative's feature flag "${flag}" is enabled`,
      fix: `use deploymentMode "Standard", or enable "${flag}" in Knative's config-features and list it in target.knativeFeatures`,
    },
  ];
}

function checkKnativePod(isvc: Manifest, spec: ServiceSpec): IssueDraft[] {
  if (spec.mode !== "Knative") return [];
  const issues: IssueDraft[] = [];
  const predictor = getIn(isvc, ["spec", "predictor"]);
  const runtime = runtimeSpec(spec.runtime) ?? {};
  const sources: [string, Record<string, unknown>][] = [["spec.predictor", isRecord(predictor) ? predictor : {}], [`runtime ${spec.runtime.name}: spec`, runtime]];
  for (const [where, pod] of sources) {
    for (const field of ["tolerations", "nodeSelector", "affinity", "runtimeClassName", "schedulerName"] as const) {
      const value = pod[field];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) issues.push(...knativeFlag(spec, `${where}.${field}`, value, KNATIVE_FLAGS[field], field));
    }
    const volumes = Array.isArray(pod["volumes"]) ? pod["volumes"] : [];
    volumes.forEach((v, i) => {
      if (isRecord(v) && v["persistentVolumeClaim"] !== undefined) issues.push(...knativeFlag(spec, `${where}.volumes[${i}]`, v["name"], KNATIVE_FLAGS.persistentVolumeClaim, "PVC volumes"));
    });
  }
  if (spec.model.uri?.startsWith("pvc://") === true) {
    issues.push(...knativeFlag(spec, "spec.predictor.model.storageUri", spec.model.uri, KNATIVE_FLAGS.persistentVolumeClaim, "PVC model storage (KServe mounts the claim as a volume)"));
  }
  const main = runtimeContainers(runtime).find((c) => c.name === KSERVE_CONTAINER);
  const ports = main?.ports ?? [];
  if (ports.length > 1) {
    issues.push({
      path: `runtime ${spec.runtime.name}: spec.containers[${KSERVE_CONTAINER}].ports`,
      value: ports.map((p) => p.containerPort),
      rule: "isvc/knative-one-port",
      message: "Knative mode allows a single container port",
      fix: 'use deploymentMode "Standard", or an engine without a separate grpcPort',
    });
  }
  ports.forEach((p) => {
    if ((KNATIVE_RESERVED_PORTS as readonly number[]).includes(p.containerPort)) {
      issues.push({
        path: `runtime ${spec.runtime.name}: spec.containers[${KSERVE_CONTAINER}].ports`,
        value: p.containerPort,
        rule: "isvc/knative-reserved-port",
        message: `Knative reserves port ${p.containerPort} (${KNATIVE_RESERVED_PORTS.join(", ")} belong to its queue-proxy)`,
        fix: 'move the engine to another port (8080 is the usual one), or use deploymentMode "Standard"',
      });
    }
  });
  return issues;
}

function checkPlatform(spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const odh = spec.target.openshiftAI;
  if (odh !== undefined) {
    if (!odh.release.knative && spec.mode === "Knative") {
      issues.push({
        path: "deploymentMode",
        value: spec.mode,
        rule: "odh/standard-only",
        message: `${describeTarget(spec.target)} reconciles only Standard (raw deployment) mode: OpenShift AI 3.x has no Knative (Serverless) mode, removed in 3.0`,
        fix: 'use deploymentMode "Standard"',
      });
    }
  } else if (spec.auth === true) {
    issues.push({
      path: "auth",
      value: true,
      rule: "target/auth",
      message: "upstream KServe has no switch to require tokens on an InferenceService (security.opendatahub.io/enable-auth is OpenShift AI's)",
      fix: "remove auth and protect the service at your gateway, or set target.openshiftAI if the cluster runs OpenShift AI",
    });
  }
  return issues;
}

function checkRuntimeMatch(isvc: Manifest, spec: ServiceSpec): IssueDraft[] {
  const runtime = spec.runtime;
  const issues: IssueDraft[] = [];
  if (!runtime.valid) return issues;
  const model = getIn(isvc, ["spec", "predictor", "model"]);
  const rendered = isRecord(model) ? model : {};
  const renderedFormat = isRecord(rendered["modelFormat"]) ? rendered["modelFormat"] : {};
  const wanted = { name: String(renderedFormat["name"] ?? ""), ...(typeof renderedFormat["version"] === "string" ? { version: renderedFormat["version"] } : {}) };
  const pinned = typeof rendered["runtime"] === "string";
  const protocolVersion = typeof rendered["protocolVersion"] === "string" ? rendered["protocolVersion"] : undefined;
  if (runtime.kind === "ServingRuntime" && runtime.namespace !== undefined && spec.namespace !== undefined && runtime.namespace !== spec.namespace) {
    issues.push({
      path: "engine",
      value: runtime.name,
      rule: "isvc/runtime-namespace",
      message: `ServingRuntime "${runtime.name}" is in namespace ${runtime.namespace}, and KServe looks for namespaced runtimes in the InferenceService's namespace ${spec.namespace}`,
      fix: `define the engine in namespace ${spec.namespace}, or give it scope: "cluster"`,
    });
  }
  const multi = runtimeMultiModel(runtime);
  if (multi === true && spec.mode !== "ModelMesh") {
    issues.push({ path: "engine", value: runtime.name, rule: "isvc/runtime-multi-model", message: `runtime "${runtime.name}" is a multi-model (ModelMesh) runtime and cannot serve a ${spec.mode} InferenceService`, fix: "use a single-model runtime" });
  } else if (multi === false && spec.mode === "ModelMesh") {
    issues.push({ path: "engine", value: runtime.name, rule: "isvc/runtime-multi-model", message: `runtime "${runtime.name}" is a single-model runtime and cannot serve a ModelMesh InferenceService (ModelMesh loads models only into multiModel: true runtimes)`, fix: "use a multi-model runtime (an engine with multiModel, or ModelMeshRuntimes.*), or drop deploymentMode" });
  }
  const formats = runtimeFormats(runtime);
  if (formats !== undefined) {
    const byName = formats.filter((f) => f.name === wanted.name);
    const matches = byName.filter((f) => wanted.version === undefined || f.version === wanted.version);
    if (byName.length === 0) {
      const caseless = formats.find((f) => f.name.toLowerCase() === wanted.name.toLowerCase());
      issues.push({
        path: "spec.predictor.model.modelFormat.name",
        value: wanted.name,
        rule: "isvc/runtime-format",
        message: `runtime "${runtime.name}" does not serve format "${wanted.name}" (it serves ${formats.map((f) => f.name).join(", ") || "none"}); KServe matches names exactly`,
        fix: caseless !== undefined ? `use "${caseless.name}" (case matters)` : `use one of the runtime's formats, or add "${wanted.name}" to the engine's modelFormats`,
      });
    } else if (matches.length === 0) {
      issues.push({
        path: "spec.predictor.model.modelFormat.version",
        value: wanted.version,
        rule: "isvc/runtime-format-version",
        message: `runtime "${runtime.name}" serves "${wanted.name}" in versions ${byName.map((f) => f.version ?? "(any)").join(", ")}; KServe matches the version string exactly ("1.15" does not match "1")`,
        fix: `use one of those version strings, or leave the version out`,
      });
    } else if (!pinned && !matches.some((f) => f.autoSelect === true)) {
      issues.push({
        path: "pinRuntime",
        value: false,
        rule: "isvc/runtime-autoselect",
        message: `runtime "${runtime.name}" does not auto-select format "${wanted.name}", so KServe would not pick it without a runtime name`,
        fix: "set pinRuntime: true (the default), or autoSelect: true on the engine's format",
      });
    }
  }
  const protocols = runtimeProtocols(runtime);
  if (protocols !== undefined && protocols.length > 0 && spec.mode !== "ModelMesh") {
    const effective = protocolVersion ?? "v1";
    if (!(protocols as readonly string[]).includes(effective)) {
      issues.push({
        path: "spec.predictor.model.protocolVersion",
        value: protocolVersion,
        rule: "isvc/runtime-protocol",
        message:
          protocolVersion === undefined
            ? `runtime "${runtime.name}" speaks only ${protocols.join(", ")}; a model without protocolVersion counts as v1, so KServe would never select it`
            : `runtime "${runtime.name}" does not support protocol ${effective} (it speaks ${protocols.join(", ")})`,
        fix: `set protocolVersion to one of ${protocols.join(", ")}`,
      });
    }
  }
  return issues;
}

function checkMergedContainer(isvc: Manifest, spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const model = getIn(isvc, ["spec", "predictor", "model"]);
  if (!isRecord(model)) return issues;
  for (const field of ["command", "args", "env"] as const) {
    eachString(model[field], `spec.predictor.model.${field}`, (p, text) => issues.push(...checkTemplate(p, text)));
  }
  const runtime = runtimeSpec(spec.runtime);
  const main = runtime ? runtimeContainers(runtime).find((c) => c.name === KSERVE_CONTAINER) : undefined;
  const requests = { ...(main?.resources?.requests ?? {}), ...((model["resources"] as Container["resources"])?.requests ?? {}) };
  const limits = { ...(main?.resources?.limits ?? {}), ...((model["resources"] as Container["resources"])?.limits ?? {}) };
  issues.push(
    ...checkResources("spec.predictor.model.resources (merged with the runtime's)", { requests, limits }).filter((d) => d.rule !== "resources/quantity" || d.path.includes("model")),
    ...checkExtendedResources("spec.predictor.model.resources (merged with the runtime's)", { requests, limits }),
  );
  const accelerators = Object.entries({ ...requests, ...limits }).filter(([name, value]) => isAcceleratorResource(name) && isQuantity(value));
  const count = accelerators.reduce((sum, [, value]) => sum + quantityToNumber(value), 0);
  if (count > 1 && spec.runtime.engine !== undefined && !spec.runtime.engine.multiGpu) {
    issues.push({
      path: "spec.predictor.model.resources",
      value: Object.fromEntries(accelerators),
      rule: "isvc/multi-gpu",
      message: `engine "${spec.runtime.name}" does not declare multi-GPU support, and this model asks for ${count} accelerators in one pod`,
      fix: "request one accelerator, or set multiGpu: true on the engine once it can split a model across devices (tensor parallelism)",
    });
  }
  if (main !== undefined) {
    const repeatable = spec.runtime.engine?.repeatableFlags ?? [];
    const modelArgs = Array.isArray(model["args"]) ? (model["args"] as string[]) : [];
    issues.push(
      ...checkDuplicateFlags(
        [
          { path: `runtime ${spec.runtime.name}: args`, args: main.args ?? [] },
          { path: "spec.predictor.model.args", args: modelArgs },
        ],
        repeatable,
      ).filter((d) => d.path.startsWith("spec.predictor")),
    );
    const labels = isvc.metadata.labels ?? {};
    const annotations = isvc.metadata.annotations ?? {};
    const refs = new Map<string, "label" | "annotation">();
    eachString(main, "", (_p, text) => metadataReferences(text).forEach((r) => refs.set(`${r.kind}\u0000${r.key}`, r.kind)));
    for (const key of refs.keys()) {
      const [kind, name] = key.split("\u0000") as ["label" | "annotation", string];
      const present = kind === "label" ? labels[name] !== undefined : annotations[name] !== undefined;
      const defaulted = kind === "annotation" && name === "modelFormat";
      if (!present && !defaulted) {
        issues.push({
          path: kind === "label" ? "labels" : "annotations",
          value: name,
          rule: "isvc/template-reference",
          message: `runtime "${spec.runtime.name}" uses the ${kind} ${name} of the InferenceService in a template, and this InferenceService has no such ${kind} (KServe would render "<no value>")`,
          fix: `add ${kind === "label" ? "labels" : "annotations"}: { "${name}": ... }`,
        });
      }
    }
  }
  return issues;
}

function checkStorage(spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [...checkVolumes("volumes", spec.volumes), ...checkStorageConfigReference(spec.model, spec.mode)];
  const source = spec.model.source;
  if (spec.model.namespace !== undefined && spec.namespace !== undefined && spec.model.namespace !== spec.namespace) {
    issues.push({
      path: "model",
      value: source?.where ?? spec.model.uri,
      rule: "isvc/storage-namespace",
      message: `the model's storage lives in namespace ${spec.model.namespace} (its ServiceAccount, Secret references and claims are namespaced), the InferenceService in ${spec.namespace}`,
      fix: `define the storage in namespace ${spec.namespace}`,
    });
  }
  const replicas = Math.max(spec.scaling.min, spec.scaling.max ?? 0);
  if (source?.kind === "pvc" && replicas > 1 && source.accessModes !== undefined && source.accessModes.every((m) => m === "ReadWriteOnce" || m === "ReadWriteOncePod")) {
    issues.push({
      path: "scaling",
      value: { min: spec.scaling.min, max: spec.scaling.max },
      rule: "isvc/pvc-replicas",
      message: `claim ${source.claimName ?? ""} is ${source.accessModes.join("/")}, so replicas beyond the first can only start on the same node`,
      fix: "use a ReadOnlyMany or ReadWriteMany claim for models served by several replicas",
      severity: source.accessModes.includes("ReadWriteOncePod") ? "error" : "warning",
    });
  }
  return issues;
}

/** Multi-node: Standard mode, a multi-node runtime, accelerators, and sizes that account for every device. */
function checkMultiNodeLayout(spec: ServiceSpec): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const rs = runtimeSpec(spec.runtime);
  const runtimeMultiNode = spec.runtime.engine?.multiNode ?? (rs !== undefined ? isRecord(rs["workerSpec"]) : undefined);
  const m = spec.multiNode;
  if (m === undefined) {
    if (runtimeMultiNode === true) {
      issues.push({ path: "multiNode", value: undefined, rule: "isvc/multi-node-runtime", message: `runtime "${spec.runtime.name}" is a multi-node runtime (it has a workerSpec); KServe uses it only for multi-node InferenceServices`, fix: "set multiNode, or use a single-node runtime" });
    }
    return issues;
  }
  if (spec.mode !== "Standard") {
    issues.push({ path: "multiNode", value: m, rule: "isvc/multi-node-mode", message: `multi-node serving works only in Standard mode (KServe creates no workers in ${spec.mode} mode)`, fix: 'use deploymentMode "Standard"' });
  }
  if (runtimeMultiNode === false) {
    issues.push({ path: "engine", value: spec.runtime.name, rule: "isvc/multi-node-runtime", message: `runtime "${spec.runtime.name}" has no workerSpec, so it cannot serve across nodes`, fix: "use a multi-node engine (multiNode on the engine, or InferenceEngine.vllm with multiNode: true)" });
  }
  const resource = spec.hardware?.accelerator?.resourceName;
  if (resource === undefined || spec.devices < 1) {
    issues.push({ path: "hardware", value: undefined, rule: "isvc/multi-node-hardware", message: "multi-node serving splits a model across accelerators, and this InferenceService requests none", fix: "request accelerators with hardware: profile.request({ accelerators: N })" });
    return issues;
  }
  if (m.tensorParallelSize !== spec.devices) {
    issues.push({
      path: "multiNode.tensorParallelSize",
      value: m.tensorParallelSize,
      rule: "isvc/multi-node-parallelism",
      message: `pipelineParallelSize × tensorParallelSize = ${m.pipelineParallelSize} × ${m.tensorParallelSize} = ${m.pipelineParallelSize * m.tensorParallelSize}, but head and workers request ${m.pipelineParallelSize} × ${spec.devices} = ${m.pipelineParallelSize * spec.devices} ${resource}`,
      fix: `set tensorParallelSize to ${spec.devices} (the devices per node), or request ${m.tensorParallelSize} accelerators per pod`,
    });
  }
  return issues;
}

export type { RuntimeInfo };
