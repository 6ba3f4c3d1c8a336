/**
 * InferenceServices in ModelMesh mode. ModelMesh reads only the model's format, its runtime and its
 * storage (`pkg/predictor_source/inferenceservice_registry.go`); the models run inside the runtime's
 * shared pods. Everything else an InferenceService can say would be silently ignored, so it is an error.
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import type { InferenceServiceProps } from "../service/props";
import { getIn, isRecord } from "../canonical";
import { schemeOf } from "../storage/uri";
import { checkModelMeshAvailable } from "./availability";
import { MODELMESH_SERVICE } from "./constants";

/** The fields of `predictor.model` ModelMesh reads. */
export const MODELMESH_MODEL_FIELDS = ["modelFormat", "runtime", "storage", "storageUri"] as const;

/** storageUri schemes ModelMesh can pull from. */
export const MODELMESH_URI_SCHEMES = ["s3://", "gs://", "pvc://", "http://", "https://"] as const;

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

/** Props rules of a ModelMesh InferenceService: the target runs ModelMesh, and every prop set is one ModelMesh reads. */
export function checkModelMeshProps(props: InferenceServiceProps, target: Target): IssueDraft[] {
  const issues: IssueDraft[] = checkModelMeshAvailable(target, "deploymentMode", "ModelMesh", "a ModelMesh InferenceService");
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

/** Manifest rules of a ModelMesh InferenceService (they also cover predictorOverrides). */
export function checkModelMeshManifest(isvc: Manifest): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const predictor = getIn(isvc, ["spec", "predictor"]);
  if (!isRecord(predictor)) return issues;
  for (const key of Object.keys(predictor)) {
    if (key !== "model") issues.push({ path: `spec.predictor.${key}`, value: predictor[key], rule: "modelmesh/ignored-field", message: `ModelMesh ignores spec.predictor.${key}: it reads only the model's format, runtime and storage`, fix: `remove ${key} from predictorOverrides` });
  }
  const model = isRecord(predictor["model"]) ? predictor["model"] : {};
  for (const key of Object.keys(model)) {
    if (!(MODELMESH_MODEL_FIELDS as readonly string[]).includes(key)) {
      issues.push({ path: `spec.predictor.model.${key}`, value: model[key], rule: "modelmesh/ignored-field", message: `ModelMesh ignores spec.predictor.model.${key}: it reads only ${MODELMESH_MODEL_FIELDS.join(", ")}`, fix: `remove model.${key} from predictorOverrides` });
    }
  }
  const storage = isRecord(model["storage"]) ? model["storage"] : undefined;
  const path = storage?.["path"];
  const uri = model["storageUri"];
  if (path === undefined && uri === undefined) {
    issues.push({ path: "spec.predictor.model.storage.path", value: undefined, rule: "modelmesh/storage", message: 'ModelMesh needs the model\'s storage.path or storageUri ("must have either the storageUri or the storage.path")', fix: "give the model a location: storageConfig.path(key, path)" });
  }
  if (typeof path === "string" && path.startsWith("/")) {
    issues.push({ path: "spec.predictor.model.storage.path", value: path, rule: "modelmesh/storage-path", message: "storage.path is a key inside the bucket or claim, and a leading '/' makes it a different key", fix: `use "${path.replace(/^\/+/, "")}"` });
  }
  if (typeof uri === "string") {
    const scheme = schemeOf(uri);
    if (scheme === undefined || !(MODELMESH_URI_SCHEMES as readonly string[]).includes(scheme)) {
      issues.push({ path: "spec.predictor.model.storageUri", value: uri, rule: "modelmesh/storage-uri", message: `ModelMesh pulls models only from ${MODELMESH_URI_SCHEMES.join(", ")} URIs`, fix: "store the model in S3, GCS, Azure Blob, a PVC or over HTTP, and address it through a storage-config entry" });
    }
  }
  return issues;
}
