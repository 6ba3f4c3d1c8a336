/**
 * ModelMesh's rules on multi-model runtimes. The manifest rules mirror ModelMesh's runtime validator
 * (`controllers/servingruntime_validator.go`) and what its deployment builder requires
 * (`controllers/modelmesh/runtime.go`), so they cover engines, presets and raw ServingRuntime specs alike.
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import type { Finding, ManifestRule, ManifestSubject, Rule } from "../rules/registry";
import { RUNTIME_KINDS, SERVICE_KINDS } from "../pod/rules";
import { defineManifestRule, defineRule, runRules } from "../rules/registry";
import { getIn, isRecord, recordsOf } from "../canonical";
import { eachString } from "../templates";
import type { InferenceEngineProps } from "../engine/props";
import type { InferenceServiceProps } from "../service/props";
import { isRuntimeManifest, runtimeContainers } from "../runtime/ref";
import { KSERVE } from "../keys";
import { schemeOf } from "../storage/uri";
import { modelMeshUnavailable } from "./availability";
import { MODELMESH_ENABLED_LABEL, MODELMESH_MODEL_FIELDS, MODELMESH_SERVICE, MODELMESH_URI_SCHEMES } from "./constants";
import {
  BUILT_IN_SERVER_TYPES,
  ENDPOINT_FORM,
  INTERNAL_ONLY_MOUNTS,
  RESERVED_CONTAINERS,
  RESERVED_PORT_NAMES,
  RESERVED_PORT_RANGE,
  RESERVED_PORTS,
  RESERVED_PREFIX,
  RESERVED_VOLUMES,
} from "./constants";

const ENGINE_PLACEHOLDERS = /\{\{\s*(model_path|model_name)\s*\}\}/;

/** What the multi-model engine rules see: an engine's props (with a `multiModel` block) and its target. */
export interface MultiModelEngineSubject {
  /** The engine's props. */
  readonly props: InferenceEngineProps;
  /** The target. */
  readonly target: Target;
}

/** Engine props that mean nothing to a multi-model runtime: why, and the fix. */
const SINGLE_MODEL_ENGINE_PROPS: readonly (readonly [keyof InferenceEngineProps, string, string])[] = [
  ["grpcPort", "ModelMesh reaches the server through grpcDataEndpoint, not a declared port", "remove grpcPort and set multiModel.grpcDataEndpoint"],
  ["parameters", "models on a multi-model runtime share its container, so an InferenceService cannot set per-model parameters", "set fixed values in env, or (MLServer) put per-model settings in model-settings.json beside each model"],
  ["multiNode", "ModelMesh runs every model in one pod; it has no multi-node serving", "remove multiNode, or serve the model in single-model mode"],
  ["tensorParallel", "ModelMesh never passes a device count to the server", "remove tensorParallel"],
];

/** Single-model engine props stay off a multi-model engine. */
export const modelMeshEnginePropRule = defineRule<MultiModelEngineSubject>({
  id: "modelmesh/engine-prop",
  severity: "error",
  summary: "A multi-model engine sets none of the single-model engine props (grpcPort, parameters, multiNode, tensorParallel, multiGpu).",
  why: "ModelMesh reaches the server through its adapter's endpoints, shares one container between models and places models by memory; these props would be silently ignored on the cluster.",
  fix: "remove the prop, or serve the model in single-model mode",
  on: "props",
  check: ({ props }) => {
    if (props.multiModel === undefined) return [];
    const out: Finding[] = [];
    for (const [key, why, fix] of SINGLE_MODEL_ENGINE_PROPS) {
      if (props[key] !== undefined) out.push({ path: key, value: props[key], message: `${key} does not apply to a multi-model runtime: ${why}`, fix });
    }
    if (props.multiGpu === true) out.push({ path: "multiGpu", value: true, message: "multiGpu does not apply to a multi-model runtime: ModelMesh places models by memory, not by device count", fix: "remove multiGpu, or serve the model in single-model mode" });
    return out;
  },
});

/** A multi-model engine names no single model in its command, args or env. */
export const modelMeshPlaceholderRule = defineRule<MultiModelEngineSubject>({
  id: "modelmesh/placeholder",
  severity: "error",
  summary: "A multi-model engine's command, args and env use neither {{model_path}} nor {{model_name}}.",
  why: "Those placeholders name one model, and a multi-model runtime serves many: ModelMesh passes each model's id and path through its load API, so a substituted path would point every model at the same (nonexistent) place.",
  fix: "remove the placeholder; the server finds models under /models (its adapter tells it where)",
  on: "props",
  check: ({ props }) => {
    if (props.multiModel === undefined) return [];
    const out: Finding[] = [];
    const sources: [string, unknown][] = [
      ["command", props.command],
      ["args", props.args],
      ["env", props.env],
      ...Object.keys(props.versions).map((v): [string, unknown] => [`versions.${v}.env`, props.versions[v]?.env]),
    ];
    for (const [base, value] of sources) {
      eachString(value, base, (path, text) => {
        const m = ENGINE_PLACEHOLDERS.exec(text);
        if (m !== null) {
          out.push({
            path,
            value: text,
            message: `{{${m[1] as string}}} names one model, and a multi-model runtime serves many: ModelMesh passes each model's id and path through its load API`,
            fix: `remove {{${m[1] as string}}}; the server finds models under /models (its adapter tells it where)`,
          });
        }
      });
    }
    return out;
  },
});

/** Fixed replicas or autoscaling, and autoscaling bounds in order. */
export const modelMeshRuntimeScalingRule = defineRule<MultiModelEngineSubject>({
  id: "modelmesh/runtime-scaling",
  severity: "error",
  summary: "A multi-model runtime gives fixed replicas or scaling (not both), and its scaling max is at least its min.",
  why: "An HPA rewrites the replica count that replicas fixes, so the two fight on the cluster; and ModelMesh silently raises a max below min to min.",
  fix: "give replicas or scaling, with max at least min",
  on: "props",
  check: ({ props }) => {
    const mm = props.multiModel;
    if (mm === undefined) return [];
    const out: Finding[] = [];
    if (mm.replicas !== undefined && mm.scaling !== undefined) out.push({ path: "multiModel.scaling", value: mm.scaling, message: "replicas fixes the runtime's pod count and scaling makes an HPA change it; give one", fix: "remove multiModel.replicas or multiModel.scaling" });
    const a = mm.scaling;
    if (a?.min !== undefined && a.max !== undefined && a.min > a.max) out.push({ path: "multiModel.scaling.max", value: a.max, message: `scaling.max ${a.max} is below scaling.min ${a.min} (ModelMesh would raise max to min)`, fix: `set scaling.max to at least ${a.min}` });
    return out;
  },
});

/** route and auth only where OpenShift AI 2.x reads them. */
export const modelMeshOpenShiftAIOnlyRule = defineRule<MultiModelEngineSubject>({
  id: "modelmesh/openshift-ai-only",
  severity: "error",
  summary: "multiModel.route and multiModel.auth are set only for an OpenShift AI target.",
  why: "They become the runtime annotations enable-route and enable-auth, which only OpenShift AI 2.x reads; upstream ModelMesh has no such switch, so the model would be neither exposed nor protected.",
  fix: "remove them, or set target.openshiftAI if the cluster runs OpenShift AI 2.x",
  on: "props",
  check: ({ props, target }) => {
    const mm = props.multiModel;
    if (mm === undefined || target.openshiftAI !== undefined) return [];
    return (["route", "auth"] as const)
      .filter((key) => mm[key] === true)
      .map((key) => ({ path: `multiModel.${key}`, value: true, message: `multiModel.${key} is read by OpenShift AI 2.x (runtime annotation enable-${key}); upstream ModelMesh has no such switch`, fix: `remove multiModel.${key}, or set target.openshiftAI if the cluster runs OpenShift AI 2.x` }));
  },
});

/** The props rules of an engine with a `multiModel` block, in the order they report. */
export const MULTI_MODEL_ENGINE_RULES: readonly Rule<MultiModelEngineSubject>[] = [modelMeshEnginePropRule, modelMeshPlaceholderRule, modelMeshRuntimeScalingRule, modelMeshOpenShiftAIOnlyRule];

/** Props rules of an engine with a `multiModel` block ({@link MULTI_MODEL_ENGINE_RULES}). */
export function checkMultiModelEngine(props: InferenceEngineProps, target: Target): IssueDraft[] {
  if (props.multiModel === undefined) return [];
  return runRules(MULTI_MODEL_ENGINE_RULES, { props, target });
}

function reservedName(name: string | undefined, reserved: readonly string[]): boolean {
  return name !== undefined && (reserved.includes(name) || name.startsWith(RESERVED_PREFIX));
}

function endpointPort(endpoint: unknown): number | undefined {
  if (typeof endpoint !== "string") return undefined;
  const m = /^port:(\d+)$/.exec(endpoint);
  return m === null ? undefined : Number(m[1]);
}

function reservedPortReason(port: number): string | undefined {
  if (RESERVED_PORTS[port] !== undefined) return RESERVED_PORTS[port];
  if (port >= RESERVED_PORT_RANGE.from && port <= RESERVED_PORT_RANGE.to) return `ModelMesh's reserved range ${RESERVED_PORT_RANGE.from}-${RESERVED_PORT_RANGE.to}`;
  return undefined;
}

/** The spec of a multi-model runtime manifest, or undefined. */
function multiModelSpec(subject: ManifestSubject): Record<string, unknown> | undefined {
  if (!isRuntimeManifest(subject.manifest)) return undefined;
  const spec = subject.manifest["spec"];
  return isRecord(spec) && spec["multiModel"] === true ? spec : undefined;
}

/** True for an InferenceService manifest in ModelMesh mode. */
function isModelMeshService(manifest: Manifest): boolean {
  return manifest.kind === "InferenceService" && manifest.metadata.annotations?.[KSERVE.deploymentMode] === "ModelMesh";
}

export const unavailableRule = defineManifestRule({
  id: "modelmesh/unavailable",
  severity: "error",
  summary: "Multi-model runtimes, ModelMesh InferenceServices and ModelMesh namespaces are emitted only for a target that runs ModelMesh.",
  why: "OpenShift AI 3.0 removed ModelMesh, and upstream KServe needs ModelMesh Serving installed separately (archived upstream); without it nothing reconciles these objects and the models are never served.",
  fix: 'serve the model in single-model mode, or declare the platform: target.modelMesh: true (upstream with ModelMesh Serving) or an OpenShift AI 2.x target',
  on: "manifest",
  kinds: [...RUNTIME_KINDS, ...SERVICE_KINDS, "Namespace"],
  reads: ["multiModel", KSERVE.deploymentMode, MODELMESH_ENABLED_LABEL],
  check: (subject) => {
    const { manifest, target } = subject;
    if (multiModelSpec(subject) !== undefined) return modelMeshUnavailable(target, "spec.multiModel", true, "a multi-model (ModelMesh) runtime");
    if (isModelMeshService(manifest)) return modelMeshUnavailable(target, "deploymentMode", "ModelMesh", "a ModelMesh InferenceService");
    if (manifest.kind === "Namespace" && manifest.apiVersion === "v1" && manifest.metadata.labels?.[MODELMESH_ENABLED_LABEL] === "true") return modelMeshUnavailable(target, "", manifest.metadata.name, "a ModelMesh namespace");
    return [];
  },
});

/** Every container of a multi-model runtime, with its path. */
function mmContainers(subject: ManifestSubject): { path: string; c: ReturnType<typeof runtimeContainers>[number] }[] {
  const spec = multiModelSpec(subject);
  return spec === undefined ? [] : runtimeContainers(spec).map((c, i) => ({ path: `spec.containers[${i}]`, c }));
}

export const reservedNameRule = defineManifestRule({
  id: "modelmesh/reserved-name",
  severity: "error",
  summary: "A multi-model runtime uses no container, port or volume name ModelMesh reserves, and mounts none of its internal volumes.",
  why: "ModelMesh injects its own containers, ports and volumes into runtime pods (names starting with mm- among them); its runtime validator rejects a runtime that reuses one.",
  fix: "rename the container, port or volume",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["multiModel"],
  check: (subject) => {
    const out: Finding[] = [];
    for (const { path, c } of mmContainers(subject)) {
      if (reservedName(c.name, RESERVED_CONTAINERS)) {
        out.push({ path: `${path}.name`, value: c.name, message: `container name "${String(c.name)}" is reserved by ModelMesh (it injects ${RESERVED_CONTAINERS.join(", ")} and keeps names starting with "${RESERVED_PREFIX}")`, fix: "rename the container" });
      }
      recordsOf<{ name?: string; containerPort: number }>(c.ports).forEach((p, j) => {
        if (reservedName(p.name, RESERVED_PORT_NAMES)) out.push({ path: `${path}.ports[${j}].name`, value: p.name, message: `port name "${String(p.name)}" is reserved by ModelMesh (${RESERVED_PORT_NAMES.join(", ")} and names starting with "${RESERVED_PREFIX}")`, fix: "rename the port" });
      });
      recordsOf<{ name: string }>(c.volumeMounts).forEach((m, j) => {
        if (reservedName(m.name, INTERNAL_ONLY_MOUNTS)) out.push({ path: `${path}.volumeMounts[${j}].name`, value: m.name, message: `volume "${m.name}" is internal to ModelMesh and cannot be mounted by a runtime container`, fix: "mount a volume of your own" });
      });
    }
    const spec = multiModelSpec(subject);
    (spec !== undefined && Array.isArray(spec["volumes"]) ? spec["volumes"] : []).forEach((v: unknown, i: number) => {
      const name = isRecord(v) && typeof v["name"] === "string" ? v["name"] : undefined;
      if (reservedName(name, RESERVED_VOLUMES)) out.push({ path: `spec.volumes[${i}].name`, value: name, message: `volume name "${String(name)}" is reserved by ModelMesh (${RESERVED_VOLUMES.join(", ")} and names starting with "${RESERVED_PREFIX}")`, fix: "rename the volume" });
    });
    return out;
  },
});

export const containerProbeRule = defineManifestRule({
  id: "modelmesh/container-probe",
  severity: "error",
  summary: "The containers of a multi-model runtime set no readinessProbe and no lifecycle.",
  why: "ModelMesh manages readiness (through the runtime's management endpoint) and sets its own preStop hook; its runtime validator rejects a runtime that sets either.",
  fix: "remove the readiness probe and lifecycle",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["readinessProbe", "lifecycle"],
  check: (subject) =>
    mmContainers(subject).flatMap(({ path, c }) =>
      (["readinessProbe", "lifecycle"] as const).flatMap((field) =>
        c[field] !== undefined
          ? [{ path: `${path}.${field}`, value: c[field], message: `ModelMesh manages ${field} of runtime containers and rejects the runtime when one is set`, fix: field === "readinessProbe" ? "remove the readiness probe (ModelMesh asks the runtime's management endpoint whether it is ready)" : "remove lifecycle (ModelMesh sets its own preStop hook)" }]
          : [],
      ),
    ),
});

export const reservedPortRule = defineManifestRule({
  id: "modelmesh/reserved-port",
  severity: "error",
  summary: "The containers of a multi-model runtime listen on no port ModelMesh reserves.",
  why: "ModelMesh's own containers listen on fixed ports in the same pod (and reserve a range); its runtime validator rejects a runtime container port that collides.",
  fix: "listen on another port, for example 8001",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["containerPort"],
  check: (subject) =>
    mmContainers(subject).flatMap(({ path, c }) =>
      recordsOf<{ containerPort: number }>(c.ports).flatMap((p, j) => {
        const reason = reservedPortReason(p.containerPort);
        return reason !== undefined ? [{ path: `${path}.ports[${j}].containerPort`, value: p.containerPort, message: `port ${p.containerPort} is reserved in ModelMesh pods (${reason})`, fix: "listen on another port, for example 8001" }] : [];
      }),
    ),
});

export const templateRule = defineManifestRule({
  id: "modelmesh/template",
  severity: "error",
  summary: "The containers of a multi-model runtime contain no {{ }} templates.",
  why: "ModelMesh does not render Go templates in runtime containers (KServe does so only for single-model runtimes), so the braces reach the server literally.",
  fix: "use a literal value",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["multiModel"],
  check: (subject) => {
    const out: Finding[] = [];
    for (const { path, c } of mmContainers(subject)) {
      eachString(c, path, (p, text) => {
        if (text.includes("{{")) out.push({ path: p, value: text, message: "ModelMesh does not render templates in runtime containers, so the braces would reach the server literally", fix: "use a literal value (KServe's {{.Name}} templates apply only to single-model runtimes)" });
      });
    }
    return out;
  },
});

export const memoryLimitRule = defineManifestRule({
  id: "modelmesh/memory-limit",
  severity: "warning",
  summary: "The containers of a multi-model runtime have a memory limit.",
  why: "ModelMesh sizes the pod's models-dir volume as 1.5 times the runtime containers' memory limits, so without a limit models have no room on disk.",
  fix: 'set resources.limits.memory, for example "1Gi"',
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["multiModel"],
  check: (subject) =>
    mmContainers(subject).flatMap(({ path, c }) =>
      c.resources?.limits?.["memory"] === undefined
        ? [{ path: `${path}.resources.limits.memory`, value: undefined, message: "ModelMesh sizes the pod's models-dir volume as 1.5 times the runtime containers' memory limits, so without a limit models have no room on disk", fix: 'set resources.limits.memory, for example "1Gi" (the upstream runtimes use 1Gi)' }]
        : [],
    ),
});

export const adapterRule = defineManifestRule({
  id: "modelmesh/adapter",
  severity: "error",
  summary: "A built-in adapter names a server type ModelMesh has, and the runtime has a container of exactly that name.",
  why: "ModelMesh has built-in adapters only for a few servers (\"unrecognized built-in runtime server type\") and requires a runtime container named after the server type.",
  fix: "use a known server type and name the server container after it, or drop builtInAdapter",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["builtInAdapter"],
  check: (subject) => {
    const spec = multiModelSpec(subject);
    const adapter = spec !== undefined && isRecord(spec["builtInAdapter"]) ? spec["builtInAdapter"] : undefined;
    if (spec === undefined || adapter === undefined) return [];
    const containers = runtimeContainers(spec);
    const serverType = adapter["serverType"];
    if (!(BUILT_IN_SERVER_TYPES as readonly unknown[]).includes(serverType)) {
      return [{ path: "spec.builtInAdapter.serverType", value: serverType, message: `ModelMesh has built-in adapters only for ${BUILT_IN_SERVER_TYPES.join(", ")} ("unrecognized built-in runtime server type")`, fix: "use one of them, or drop builtInAdapter and run your own adapter container" }];
    }
    return containers.some((c) => c.name === serverType)
      ? []
      : [{ path: "spec.containers", value: containers.map((c) => c.name), message: `builtInAdapter.serverType is ${String(serverType)}, and ModelMesh requires a runtime container with exactly that name ("must include runtime container with name ${String(serverType)}")`, fix: `name the server container "${String(serverType)}"` }];
  },
});

export const endpointRule = defineManifestRule({
  id: "modelmesh/endpoint",
  severity: "error",
  summary: "A multi-model runtime's endpoints have the form port:N or unix:/path, avoid ModelMesh's ports, and grpcEndpoint is set (port:N with a built-in adapter).",
  why: "ModelMesh connects to the runtime through these endpoints; its runtime validator rejects a missing model-runtime SPI endpoint, a malformed one, or one on a port its own containers use.",
  fix: 'use for example grpcEndpoint "port:8085" and grpcDataEndpoint "port:8001"',
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["multiModel"],
  check: (subject) => {
    const spec = multiModelSpec(subject);
    if (spec === undefined) return [];
    const out: Finding[] = [];
    const adapter = isRecord(spec["builtInAdapter"]) ? spec["builtInAdapter"] : undefined;
    if (adapter !== undefined) {
      if (spec["grpcEndpoint"] !== undefined && endpointPort(spec["grpcEndpoint"]) === undefined) out.push({ path: "spec.grpcEndpoint", value: spec["grpcEndpoint"], message: 'with a built-in adapter, grpcEndpoint must have the form "port:N" (the adapter listens on it)', fix: 'use "port:8085"' });
    } else if (spec["grpcEndpoint"] === undefined) {
      out.push({ path: "spec.grpcEndpoint", value: undefined, message: "a multi-model runtime without a built-in adapter must say where its model-runtime SPI listens", fix: 'set grpcEndpoint, for example "port:8085"' });
    }
    for (const key of ["grpcEndpoint", "grpcDataEndpoint", "httpDataEndpoint"] as const) {
      const value = spec[key];
      if (value === undefined) continue;
      if (typeof value !== "string" || !ENDPOINT_FORM.test(value)) {
        out.push({ path: `spec.${key}`, value, message: `${key} must be "port:N" or "unix:/path"`, fix: 'use for example "port:8001"' });
        continue;
      }
      const port = endpointPort(value);
      if (port === undefined) continue;
      const adapterOwnsIt = key === "grpcEndpoint" && port === 8085;
      const reason = adapterOwnsIt ? undefined : port === 8085 && adapter === undefined ? undefined : reservedPortReason(port);
      if (reason !== undefined) out.push({ path: `spec.${key}`, value, message: `${key} uses port ${port}, which ModelMesh reserves for ${reason}`, fix: "use another port, for example 8001" });
    }
    return out;
  },
});

export const workerSpecRule = defineManifestRule({
  id: "modelmesh/worker-spec",
  severity: "error",
  summary: "A multi-model runtime has no workerSpec.",
  why: "ModelMesh runs each model inside one runtime pod and has no multi-node serving; the workerSpec would be ignored.",
  fix: "remove workerSpec, or make the runtime single-model",
  on: "manifest",
  kinds: RUNTIME_KINDS,
  reads: ["workerSpec"],
  check: (subject) => {
    const spec = multiModelSpec(subject);
    return spec !== undefined && spec["workerSpec"] !== undefined ? [{ path: "spec.workerSpec", value: "workerSpec", message: "ModelMesh runs each model inside one runtime pod; a multi-model runtime cannot have a workerSpec", fix: "remove workerSpec, or make the runtime single-model" }] : [];
  },
});

/** The ModelMesh rules on a runtime manifest, in the order builds run them. */
export const MODELMESH_RUNTIME_RULES: readonly ManifestRule[] = [unavailableRule, reservedNameRule, containerProbeRule, reservedPortRule, templateRule, memoryLimitRule, adapterRule, endpointRule, workerSpecRule];

/** The predictor of a ModelMesh InferenceService manifest. */
function mmPredictor(manifest: Manifest): Record<string, unknown> | undefined {
  if (!isModelMeshService(manifest)) return undefined;
  const predictor = getIn(manifest, ["spec", "predictor"]);
  return isRecord(predictor) ? predictor : undefined;
}

function mmModel(manifest: Manifest): Record<string, unknown> | undefined {
  const predictor = mmPredictor(manifest);
  if (predictor === undefined) return undefined;
  return isRecord(predictor["model"]) ? predictor["model"] : {};
}

export const ignoredFieldRule = defineManifestRule({
  id: "modelmesh/ignored-field",
  severity: "error",
  summary: "A ModelMesh InferenceService's predictor holds only the model, and the model only the fields ModelMesh reads (format, runtime, storage).",
  why: "ModelMesh reads only the model's format, runtime and storage (pkg/predictor_source/inferenceservice_registry.go); anything else is silently ignored.",
  fix: "remove the field from predictorOverrides",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: ({ manifest }) => {
    const predictor = mmPredictor(manifest);
    if (predictor === undefined) return [];
    const out: Finding[] = [];
    for (const key of Object.keys(predictor)) {
      if (key !== "model") out.push({ path: `spec.predictor.${key}`, value: predictor[key], message: `ModelMesh ignores spec.predictor.${key}: it reads only the model's format, runtime and storage`, fix: `remove ${key} from predictorOverrides` });
    }
    const model = mmModel(manifest) ?? {};
    for (const key of Object.keys(model)) {
      if (!(MODELMESH_MODEL_FIELDS as readonly string[]).includes(key)) out.push({ path: `spec.predictor.model.${key}`, value: model[key], message: `ModelMesh ignores spec.predictor.model.${key}: it reads only ${MODELMESH_MODEL_FIELDS.join(", ")}`, fix: `remove model.${key} from predictorOverrides` });
    }
    return out;
  },
});

export const storageRule = defineManifestRule({
  id: "modelmesh/storage",
  severity: "error",
  summary: "A ModelMesh model has a storage.path or a storageUri.",
  why: "ModelMesh rejects a predictor without one (\"must have either the storageUri or the storage.path\").",
  fix: "give the model a location: storageConfig.path(key, path)",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: [KSERVE.deploymentMode],
  check: ({ manifest }) => {
    const model = mmModel(manifest);
    if (model === undefined) return [];
    const storage = isRecord(model["storage"]) ? model["storage"] : undefined;
    return storage?.["path"] === undefined && model["storageUri"] === undefined
      ? [{ path: "spec.predictor.model.storage.path", value: undefined, message: 'ModelMesh needs the model\'s storage.path or storageUri ("must have either the storageUri or the storage.path")', fix: "give the model a location: storageConfig.path(key, path)" }]
      : [];
  },
});

export const storagePathRule = defineManifestRule({
  id: "modelmesh/storage-path",
  severity: "error",
  summary: "A ModelMesh model's storage.path has no leading '/'.",
  why: "storage.path is a key inside the bucket or claim; a leading '/' makes it a different key and the model is not found.",
  fix: "remove the leading '/'",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["storage"],
  check: ({ manifest }) => {
    const model = mmModel(manifest);
    const path = model !== undefined && isRecord(model["storage"]) ? model["storage"]["path"] : undefined;
    return typeof path === "string" && path.startsWith("/") ? [{ path: "spec.predictor.model.storage.path", value: path, message: "storage.path is a key inside the bucket or claim, and a leading '/' makes it a different key", fix: `use "${path.replace(/^\/+/, "")}"` }] : [];
  },
});

export const storageUriRule = defineManifestRule({
  id: "modelmesh/storage-uri",
  severity: "error",
  summary: "A ModelMesh model's storageUri uses a scheme ModelMesh can pull from.",
  why: `ModelMesh's puller handles only ${MODELMESH_URI_SCHEMES.join(", ")} URIs; any other model is never loaded.`,
  fix: "store the model in S3, GCS, Azure Blob, a PVC or over HTTP, and address it through a storage-config entry",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: ["storageUri"],
  check: ({ manifest }) => {
    const uri = mmModel(manifest)?.["storageUri"];
    if (typeof uri !== "string") return [];
    const scheme = schemeOf(uri);
    return scheme === undefined || !(MODELMESH_URI_SCHEMES as readonly string[]).includes(scheme)
      ? [{ path: "spec.predictor.model.storageUri", value: uri, message: `ModelMesh pulls models only from ${MODELMESH_URI_SCHEMES.join(", ")} URIs`, fix: "store the model in S3, GCS, Azure Blob, a PVC or over HTTP, and address it through a storage-config entry" }]
      : [];
  },
});

/** The ModelMesh rules on an InferenceService manifest. */
export const MODELMESH_SERVICE_RULES: readonly ManifestRule[] = [ignoredFieldRule, storageRule, storagePathRule, storageUriRule];

// ---------------------------------------------------------------------------
// props rules of ModelMesh InferenceServices and namespaces

/** InferenceService props that mean something in ModelMesh mode. */
export const MODELMESH_READ_PROPS: ReadonlySet<string> = new Set(["name", "namespace", "engine", "model", "modelFormat", "pinRuntime", "deploymentMode", "displayName", "labels", "annotations", "predictorOverrides", "target"]);

const SHARED = `every model is reached through the shared ${MODELMESH_SERVICE.name} Service (gRPC ${MODELMESH_SERVICE.grpcPort}, REST ${MODELMESH_SERVICE.restPort})`;
const NO_PODS = "models run inside the runtime's pods, and a ModelMesh InferenceService has no pods of its own";
const SHARED_CONTAINER = "the runtime's containers are shared by every model loaded into them";
const ON_ENGINE = "set it on the multi-model engine instead";

/** Why ModelMesh ignores a prop, and what to do instead. */
export const MODELMESH_IGNORED_PROPS: Readonly<Record<string, readonly [string, string]>> = {
  replicas: ["ModelMesh scales the runtime's shared pods, not single models (it loads and unloads models on demand)", "remove replicas; size the runtime with multiModel.replicas or multiModel.scaling on the engine"],
  scaling: ["ModelMesh scales the runtime's shared pods, not single models (it loads and unloads models on demand)", "remove scaling; size the runtime with multiModel.replicas or multiModel.scaling on the engine"],
  containerConcurrency: ["it is a Knative queue-proxy limit, and ModelMesh has no Knative revision", "remove containerConcurrency"],
  canaryTrafficPercent: ["it splits traffic between Knative revisions, and ModelMesh has none", "remove canaryTrafficPercent; roll out a new model version as a second InferenceService"],
  timeoutSeconds: [`${SHARED}, which has no per-model timeout`, "remove timeoutSeconds"],
  resources: [NO_PODS, "remove resources; set the runtime's resources on the multi-model engine (ModelMesh sizes its models volume from the memory limit)"],
  hardware: [NO_PODS, `remove hardware; ${ON_ENGINE}`],
  multiNode: ["ModelMesh runs each model inside one runtime pod", "remove multiNode, or serve the model in single-model mode"],
  serviceAccountName: [NO_PODS, "remove serviceAccountName; ModelMesh reads storage credentials from the storage-config Secret"],
  imagePullSecrets: [NO_PODS, `remove imagePullSecrets; ${ON_ENGINE}`],
  nodeSelector: [NO_PODS, `remove nodeSelector; ${ON_ENGINE} (hardware)`],
  tolerations: [NO_PODS, `remove tolerations; ${ON_ENGINE} (hardware)`],
  podLabels: [NO_PODS, `remove podLabels; ${ON_ENGINE} (podLabels)`],
  podAnnotations: [NO_PODS, `remove podAnnotations; ${ON_ENGINE} (podAnnotations)`],
  deploymentStrategy: [NO_PODS, "remove deploymentStrategy"],
  env: [SHARED_CONTAINER, "set fixed values in the engine's env; per-model MLServer settings go in a model-settings.json beside the model (MLServer.modelSettingsJson)"],
  args: [SHARED_CONTAINER, "set the engine's args instead"],
  parameters: [SHARED_CONTAINER, "remove parameters; per-model MLServer settings go in a model-settings.json beside the model (MLServer.modelSettingsJson)"],
  engineVersion: [`${SHARED_CONTAINER}, so a model cannot pick another image`, "remove engineVersion; define another multi-model engine for the other version"],
  protocolVersion: [`ModelMesh picks runtimes by model format and name only, and ${SHARED}`, "remove protocolVersion"],
  visibility: [SHARED, "remove visibility; on OpenShift AI 2.x expose the runtime with multiModel.route on the engine"],
  auth: [SHARED, "remove auth; on OpenShift AI 2.x require tokens with multiModel.auth on the engine"],
  metrics: ["ModelMesh exports model metrics itself (model-serving-config metrics)", "remove metrics"],
  logger: ["ModelMesh has no request logger", "remove logger"],
};

/** A ModelMesh InferenceService sets only props ModelMesh reads (the reasons and fixes: {@link MODELMESH_IGNORED_PROPS}). */
export const modelMeshIgnoredPropRule = defineRule<InferenceServiceProps>({
  id: "modelmesh/ignored-prop",
  severity: "error",
  summary: "An InferenceService in ModelMesh mode sets only props ModelMesh reads (its model's format, runtime and storage, and metadata).",
  why: "ModelMesh reads only the model's format, its runtime and its storage of an InferenceService (the models run inside the runtime's shared pods); anything else (scaling, resources, hardware, env, ...) would be silently ignored on the cluster.",
  fix: "remove the prop (set pod-level settings on the multi-model engine), or serve the model in single-model mode",
  on: "props",
  check: (props) => {
    const given = props as unknown as Readonly<Record<string, unknown>>;
    const out: Finding[] = [];
    for (const key of Object.keys(given)) {
      if (MODELMESH_READ_PROPS.has(key) || given[key] === undefined) continue;
      const [why, fix] = MODELMESH_IGNORED_PROPS[key] ?? ["ModelMesh reads only the model's format, runtime and storage of an InferenceService", `remove ${key}, or serve the model in single-model mode`];
      out.push({ path: key, value: given[key], message: `ModelMesh ignores ${key}: ${why}`, fix });
    }
    return out;
  },
});

/** A ModelMesh model's storage credentials come from the storage-config Secret. */
export const modelMeshStorageCredentialsRule = defineRule<InferenceServiceProps>({
  id: "modelmesh/storage-credentials",
  severity: "error",
  summary: "The storage of a ModelMesh InferenceService's model does not hand its credentials to a ServiceAccount.",
  why: "ModelMesh's puller reads storage credentials only from the storage-config Secret, never from a ServiceAccount's Secrets, so the model would fail to load with an access error.",
  fix: "address the model through a storage-config entry: StorageConfig (storageConfig.path(key, path)) or ModelStorage.s3 with credentials.storageConfigKey",
  on: "props",
  check: (props) =>
    props.model.serviceAccountName === undefined
      ? []
      : [{ path: "model", value: props.model.source?.where ?? props.model.uri, message: `the model's storage hands its credentials to ServiceAccount "${props.model.serviceAccountName}", and ModelMesh reads credentials only from the storage-config Secret` }],
});

/** The props rules of a ModelMesh InferenceService, in the order they report. */
export const MODELMESH_PROPS_RULES: readonly Rule<InferenceServiceProps>[] = [modelMeshIgnoredPropRule, modelMeshStorageCredentialsRule];

/** The library owns a ModelMesh namespace's modelmesh-enabled label. */
export const modelMeshOwnedKeyRule = defineRule<{ readonly labels?: Readonly<Record<string, string>> }>({
  id: "modelmesh/owned-key",
  severity: "error",
  summary: `A ModelMeshNamespace's labels do not set ${MODELMESH_ENABLED_LABEL} (the library sets it to "true").`,
  why: `ModelMesh serves only namespaces labelled ${MODELMESH_ENABLED_LABEL}: "true"; a user value would either repeat the library's or switch ModelMesh off for the namespace the construct exists to enable.`,
  fix: "remove the label",
  on: "props",
  check: ({ labels }) =>
    labels?.[MODELMESH_ENABLED_LABEL] === undefined ? [] : [{ path: `labels["${MODELMESH_ENABLED_LABEL}"]`, value: labels[MODELMESH_ENABLED_LABEL], message: `the library sets ${MODELMESH_ENABLED_LABEL}: "true" on a ModelMesh namespace` }],
});
