/**
 * InferenceServices in ModelMesh mode. ModelMesh reads only the model's format, its runtime and its
 * storage (`pkg/predictor_source/inferenceservice_registry.go`); the models run inside the runtime's
 * shared pods. Everything else an InferenceService can say would be silently ignored, so it is an error.
 */
import type { IssueDraft } from "../errors";
import type { InferenceServiceProps } from "../service/props";
import { MODELMESH_SERVICE } from "./constants";

import { MODELMESH_MODEL_FIELDS } from "./constants";

export { MODELMESH_MODEL_FIELDS, MODELMESH_URI_SCHEMES } from "./constants";

/** InferenceService props that mean something in ModelMesh mode. */
const READ_PROPS: ReadonlySet<string> = new Set(["name", "namespace", "engine", "model", "modelFormat", "pinRuntime", "deploymentMode", "displayName", "labels", "annotations", "predictorOverrides", "target"]);

const SHARED = `every model is reached through the shared ${MODELMESH_SERVICE.name} Service (gRPC ${MODELMESH_SERVICE.grpcPort}, REST ${MODELMESH_SERVICE.restPort})`;
const NO_PODS = "models run inside the runtime's pods, and a ModelMesh InferenceService has no pods of its own";
const SHARED_CONTAINER = "the runtime's containers are shared by every model loaded into them";
const ON_ENGINE = "set it on the multi-model engine instead";

/** Why ModelMesh ignores a prop, and what to do instead. */
const IGNORED: Readonly<Record<string, readonly [string, string]>> = {
  scaling: ["ModelMesh scales the runtime's shared pods, not single models (it loads and unloads models on demand)", "remove scaling; size the runtime with multiModel.replicas or multiModel.autoscaling on the engine"],
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

/** The predictor of a ModelMesh InferenceService: the model fields ModelMesh reads, nothing else. */
export function modelMeshPredictor(model: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of MODELMESH_MODEL_FIELDS) if (model[key] !== undefined) picked[key] = model[key];
  return { model: picked };
}

/** Props rules of a ModelMesh InferenceService: every prop set is one ModelMesh reads (the target's ModelMesh is a manifest rule). */
export function checkModelMeshProps(props: InferenceServiceProps): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const given = props as unknown as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(given)) {
    if (READ_PROPS.has(key) || given[key] === undefined) continue;
    const [why, fix] = IGNORED[key] ?? ["ModelMesh reads only the model's format, runtime and storage of an InferenceService", `remove ${key}, or serve the model in single-model mode`];
    issues.push({ path: key, value: given[key], rule: "modelmesh/ignored-prop", message: `ModelMesh ignores ${key}: ${why}`, fix });
  }
  if (props.model.serviceAccountName !== undefined) {
    issues.push({
      path: "model",
      value: props.model.source?.where ?? props.model.uri,
      rule: "modelmesh/storage-credentials",
      message: `the model's storage hands its credentials to ServiceAccount "${props.model.serviceAccountName}", and ModelMesh reads credentials only from the storage-config Secret`,
      fix: "address the model through a storage-config entry: StorageConfig (storageConfig.path(key, path)) or ModelStorage.s3 with credentials.storageConfigKey",
    });
  }
  return issues;
}
